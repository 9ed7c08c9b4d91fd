// Variations of a snippet, and the history record written on every change.
import { randomUUID } from 'node:crypto';
import { changedVariationRow, toHistoryEntry, toVariation, type Content, type HistoryRow, type VariationRow } from '../store/rows.ts';
import type { StoreTransaction } from '../store/store.ts';
import { statement, type Sql } from './sql.ts';

const S = {
  bySnippet: statement('variations_of_snippet', 'SELECT * FROM variations WHERE snippet_id = $1 ORDER BY order_index'),
  byId: statement('variation_by_id', 'SELECT * FROM variations WHERE id = $1'),
  // The variation and its 'created' record in one statement (the record's columns those of record below).
  insert: statement(
    'variation_insert',
    `WITH v AS (
       INSERT INTO variations (id, snippet_id, name, content_type, content, order_index, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, (SELECT COALESCE(max(order_index) + 1, 0) FROM variations WHERE snippet_id = $2), $6, $6)
       RETURNING order_index),
     h AS (
       INSERT INTO variation_history (seq, id, variation_id, snippet_id, team_id, change, name, content_type, content, recorded_at)
       SELECT (SELECT COALESCE(max(seq), 0) + 1 FROM variation_history), $7, $1, $2, s.team_id, 'created', $3, $4, $5, $6
       FROM snippets s WHERE s.id = $2)
     SELECT order_index FROM v`,
  ),
  update: statement('variation_update', 'UPDATE variations SET name = $2, content_type = $3, content = $4, updated_at = $5 WHERE id = $1'),
  remove: statement('variation_remove', 'DELETE FROM variations WHERE id = $1'),
  // seq: the next one under the transaction lock (migrations.ts); team: the snippet's, read in the same statement.
  record: statement(
    'history_record',
    `INSERT INTO variation_history (seq, id, variation_id, snippet_id, team_id, change, name, content_type, content, recorded_at)
     SELECT (SELECT COALESCE(max(seq), 0) + 1 FROM variation_history), $1, $2, $3, s.team_id, $4, $5, $6, $7, $8
     FROM snippets s WHERE s.id = $3`,
  ),
  // Every variation of a snippet about to be deleted, recorded in order, in one statement.
  recordSnippet: statement(
    'history_record_snippet',
    `INSERT INTO variation_history (seq, id, variation_id, snippet_id, team_id, change, name, content_type, content, recorded_at)
     SELECT (SELECT COALESCE(max(seq), 0) FROM variation_history) + row_number() OVER (ORDER BY v.order_index),
            gen_random_uuid()::text, v.id, v.snippet_id, s.team_id, 'deleted', v.name, v.content_type, v.content, $2
     FROM variations v JOIN snippets s ON s.id = v.snippet_id WHERE v.snippet_id = $1`,
  ),
  formerOwner: statement('history_former_owner', 'SELECT team_id, snippet_id FROM variation_history WHERE variation_id = $1 ORDER BY seq DESC LIMIT 1'),
  count: statement('variations_count', 'SELECT count(*)::int AS n FROM variations WHERE snippet_id = $1'),
  history: statement(
    'history_page',
    `SELECT * FROM variation_history WHERE variation_id = $1 AND recorded_at >= $2 AND recorded_at <= $3 AND seq < $4
     ORDER BY seq DESC LIMIT $5`,
  ),
  historyCount: statement(
    'history_count',
    'SELECT count(*)::int AS n FROM variation_history WHERE variation_id = $1 AND recorded_at >= $2 AND recorded_at <= $3',
  ),
};

export function variationStore(sql: Sql): StoreTransaction['variations'] & { recordSnippetDeletion(snippetId: string, at: string): Promise<void> } {
  async function record(row: VariationRow, change: HistoryRow['change'], at: string): Promise<void> {
    await sql(S.record, [randomUUID(), row.id, row.snippet_id, change, row.name, row.content_type, row.content, at]);
  }

  return {
    async ofSnippet(snippetId) {
      return (await sql<VariationRow>(S.bySnippet, [snippetId])).map(toVariation);
    },
    async countOf(snippetId) {
      return (await sql<{ n: number }>(S.count, [snippetId]))[0]!.n;
    },
    async row(id) {
      return (await sql<VariationRow>(S.byId, [id]))[0];
    },
    async create(snippetId: string, name: string, content: Content, at: string, fixedId?: string) {
      const id = fixedId ?? randomUUID();
      const [inserted] = await sql<{ order_index: number }>(S.insert, [id, snippetId, name, content.type, content.content, at, randomUUID()]);
      return toVariation({ id, snippet_id: snippetId, name, content_type: content.type, content: content.content, order_index: inserted!.order_index, created_at: at, updated_at: at });
    },
    async update(row, changes, at) {
      const next = changedVariationRow(row, changes, at);
      await sql(S.update, [next.id, next.name, next.content_type, next.content, at]);
      await record(next, 'updated', at);
      return toVariation(next);
    },
    async remove(row, at) {
      await record(row, 'deleted', at);
      await sql(S.remove, [row.id]);
    },
    async recordSnippetDeletion(snippetId, at) {
      await sql(S.recordSnippet, [snippetId, at]);
    },
    async formerOwner(variationId) {
      const [row] = await sql<{ team_id: string; snippet_id: string }>(S.formerOwner, [variationId]);
      return row && { teamId: row.team_id, snippetId: row.snippet_id };
    },
    async history(variationId, from, to, beforeSeq, max) {
      const rows = await sql<HistoryRow & { seq: number }>(S.history, [variationId, from, to, beforeSeq, max]);
      return rows.map((row) => ({ seq: row.seq, entry: toHistoryEntry(row) }));
    },
    async historyCount(variationId, from, to) {
      return (await sql<{ n: number }>(S.historyCount, [variationId, from, to]))[0]!.n;
    },
  };
}
