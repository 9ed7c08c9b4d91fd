// Variations of a snippet, and the history record written on every change.
import { randomUUID } from 'node:crypto';
import type { Db } from './database.ts';
import { changedVariationRow, toHistoryEntry, toVariation, type Content, type HistoryRow, type Variation, type VariationHistoryEntry, type VariationRow } from '../store/rows.ts';

export function prepareVariationStore(db: Db) {
  const sql = {
    bySnippet: db.prepare<[string], VariationRow>('SELECT * FROM variations WHERE snippet_id = ? ORDER BY order_index'),
    byId: db.prepare<[string], VariationRow>('SELECT * FROM variations WHERE id = ?'),
    nextIndex: db.prepare<[string], { next: number }>('SELECT COALESCE(MAX(order_index) + 1, 0) AS next FROM variations WHERE snippet_id = ?'),
    insert: db.prepare(
      `INSERT INTO variations (id, snippet_id, name, content_type, content, order_index, created_at, updated_at)
       VALUES (@id, @snippet_id, @name, @content_type, @content, @order_index, @created_at, @updated_at)`,
    ),
    update: db.prepare('UPDATE variations SET name = @name, content_type = @content_type, content = @content, updated_at = @updated_at WHERE id = @id'),
    remove: db.prepare('DELETE FROM variations WHERE id = ?'),
    teamOf: db.prepare<[string], { team_id: string }>('SELECT team_id FROM snippets WHERE id = ?'),
    record: db.prepare(
      `INSERT INTO variation_history (id, variation_id, snippet_id, team_id, change, name, content_type, content, recorded_at)
       VALUES (@id, @variation_id, @snippet_id, @team_id, @change, @name, @content_type, @content, @recorded_at)`,
    ),
    historyTeam: db.prepare<[string], { team_id: string; snippet_id: string }>(
      'SELECT team_id, snippet_id FROM variation_history WHERE variation_id = ? ORDER BY seq DESC LIMIT 1',
    ),
    count: db.prepare<[string], number>('SELECT COUNT(*) FROM variations WHERE snippet_id = ?').pluck(),
    history: db.prepare<[string, string, string, number, number], HistoryRow & { seq: number }>(
      `SELECT * FROM variation_history WHERE variation_id = ? AND recorded_at >= ? AND recorded_at <= ? AND seq < ?
       ORDER BY seq DESC LIMIT ?`,
    ),
    historyCount: db.prepare<[string, string, string], { n: number }>(
      'SELECT COUNT(*) AS n FROM variation_history WHERE variation_id = ? AND recorded_at >= ? AND recorded_at <= ?',
    ),
  };

  function record(row: VariationRow, change: HistoryRow['change'], at: string): void {
    sql.record.run({
      id: randomUUID(),
      variation_id: row.id,
      snippet_id: row.snippet_id,
      team_id: sql.teamOf.get(row.snippet_id)!.team_id,
      change,
      name: row.name,
      content_type: row.content_type,
      content: row.content,
      recorded_at: at,
    });
  }

  return {
    ofSnippet(snippetId: string): Variation[] {
      return sql.bySnippet.all(snippetId).map(toVariation);
    },
    countOf(snippetId: string): number {
      return sql.count.get(snippetId)!;
    },
    row(id: string): VariationRow | undefined {
      return sql.byId.get(id);
    },
    create(snippetId: string, name: string, content: Content, at: string, id?: string): Variation {
      const row: VariationRow = {
        id: id ?? randomUUID(),
        snippet_id: snippetId,
        name,
        content_type: content.type,
        content: content.content,
        order_index: sql.nextIndex.get(snippetId)!.next,
        created_at: at,
        updated_at: at,
      };
      sql.insert.run(row);
      record(row, 'created', at);
      return toVariation(row);
    },
    update(row: VariationRow, changes: { variationName?: string; content?: Content }, at: string): Variation {
      const next = changedVariationRow(row, changes, at);
      sql.update.run(next);
      record(next, 'updated', at);
      return toVariation(next);
    },
    remove(row: VariationRow, at: string): void {
      record(row, 'deleted', at);
      sql.remove.run(row.id);
    },
    /** Records deletions for every variation of a snippet about to be deleted. */
    recordSnippetDeletion(snippetId: string, at: string): void {
      for (const row of sql.bySnippet.all(snippetId)) record(row, 'deleted', at);
    },
    /** The team and snippet a variation had, from its history, once the variation itself is gone. */
    formerOwner(variationId: string): { teamId: string; snippetId: string } | undefined {
      const row = sql.historyTeam.get(variationId);
      return row && { teamId: row.team_id, snippetId: row.snippet_id };
    },
    /** Up to `max` records newest first, older than the record `beforeSeq`. */
    history(variationId: string, from: string, to: string, beforeSeq: number, max: number): Array<{ seq: number; entry: VariationHistoryEntry }> {
      return sql.history.all(variationId, from, to, beforeSeq, max).map((row) => ({ seq: row.seq, entry: toHistoryEntry(row) }));
    },
    historyCount(variationId: string, from: string, to: string): number {
      return sql.historyCount.get(variationId, from, to)!.n;
    },
  };
}

export type VariationStore = ReturnType<typeof prepareVariationStore>;
