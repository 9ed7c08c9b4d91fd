// Snippets with their tags and variations.
import { randomUUID } from 'node:crypto';
import type { Db } from './database.ts';
import { changedSnippetRow, newSnippetRow, snippetOf, type Snippet, type SnippetRow } from '../store/rows.ts';
import { DEFAULT_VARIATION_NAME, type NewSnippet, type SnippetChanges } from '../store/store.ts';
import type { VariationStore } from './variations.ts';

/**
 * A snippet row with its tag ids and variations aggregated as JSON by SQLite:
 * one statement per snippet read instead of three.
 */
const WITH_PARTS = `
  (SELECT json_group_array(tag_id) FROM (SELECT tag_id FROM snippet_tags WHERE snippet_id = s.id ORDER BY position)) AS tag_ids,
  (SELECT json_group_array(json_object('id', id, 'snippetId', snippet_id, 'variationName', name,
            'content', json_object('type', content_type, 'content', content), 'orderIndex', order_index,
            'createdAt', created_at, 'updatedAt', updated_at))
     FROM (SELECT * FROM variations WHERE snippet_id = s.id ORDER BY order_index)) AS variations_json`;

/** A lower bound of a snippet's JSON in UTF-8 bytes: its title and its variations' texts. */
const AT_LEAST = `octet_length(s.title) + (SELECT coalesce(sum(octet_length(content)), 0) FROM variations WHERE snippet_id = s.id)`;

type FullRow = SnippetRow & { tag_ids: string; variations_json: string };

export function prepareSnippetStore(db: Db, variations: VariationStore) {
  const sql = {
    byId: db.prepare<[string], FullRow>(`SELECT s.*, ${WITH_PARTS} FROM snippets s WHERE s.id = ?`),
    // Pages pick ids first, by an index that is already in their order (database.ts), then read each snippet whole.
    folderPage: db.prepare<[string, string, string, number], { id: string; created_at: string }>(
      'SELECT id, created_at FROM snippets WHERE folder_id = ? AND (created_at, id) > (?, ?) ORDER BY created_at, id LIMIT ?',
    ),
    tagPage: db.prepare<[string, string, number], { snippet_id: string }>(
      'SELECT snippet_id FROM snippet_tags WHERE tag_id = ? AND snippet_id > ? ORDER BY snippet_id LIMIT ?',
    ),
    // The least each next snippet weighs as JSON (its texts, as stored, before any escaping): octet_length reads
    // a text's length from the record header, not the text itself, so a page can leave out a snippet it cannot hold unread.
    folderSizes: db.prepare<[string, string, string, number], { at_least: number }>(
      `SELECT ${AT_LEAST} AS at_least FROM snippets s WHERE folder_id = ? AND (created_at, id) > (?, ?) ORDER BY created_at, id LIMIT ?`,
    ),
    tagSizes: db.prepare<[string, string, number], { at_least: number }>(
      `SELECT ${AT_LEAST} AS at_least FROM snippet_tags t JOIN snippets s ON s.id = t.snippet_id WHERE t.tag_id = ? AND t.snippet_id > ? ORDER BY t.snippet_id LIMIT ?`,
    ),
    insert: db.prepare(
      `INSERT INTO snippets (id, team_id, title, note, shortcut, folder_id, created_at, updated_at)
       VALUES (@id, @team_id, @title, @note, @shortcut, @folder_id, @created_at, @updated_at)`,
    ),
    update: db.prepare(
      'UPDATE snippets SET title = @title, note = @note, shortcut = @shortcut, folder_id = @folder_id, updated_at = @updated_at WHERE id = @id',
    ),
    clearTags: db.prepare('DELETE FROM snippet_tags WHERE snippet_id = ?'),
    addTag: db.prepare('INSERT INTO snippet_tags (snippet_id, tag_id, position) VALUES (?, ?, ?)'),
    remove: db.prepare('DELETE FROM snippets WHERE id = ?'),
  };

  function setTags(snippetId: string, tagIds: string[]): void {
    sql.clearTags.run(snippetId);
    tagIds.forEach((tagId, position) => sql.addTag.run(snippetId, tagId, position));
  }

  function toSnippet(row: FullRow): Snippet {
    return snippetOf(row, JSON.parse(row.tag_ids) as string[], JSON.parse(row.variations_json) as Snippet['variations']);
  }


  return {
    get(id: string): Snippet | undefined {
      const row = sql.byId.get(id);
      return row && toSnippet(row);
    },
    /** Up to `max` snippets of the folder after `after` (created_at, id), oldest first. */
    inFolder(folderId: string, after: readonly [string, string] | undefined, max: number): Snippet[] {
      return sql.folderPage.all(folderId, after?.[0] ?? '', after?.[1] ?? '', max).map(({ id }) => toSnippet(sql.byId.get(id)!));
    },
    /** Up to `max` snippets with the tag after the snippet id `after`, in id order. */
    withTag(tagId: string, after: string | undefined, max: number): Snippet[] {
      return sql.tagPage.all(tagId, after ?? '', max).map(({ snippet_id }) => toSnippet(sql.byId.get(snippet_id)!));
    },
    /** At least how many bytes each of the next `max` snippets of the folder after `after` weighs as JSON. */
    sizesInFolder(folderId: string, after: readonly [string, string] | undefined, max: number): number[] {
      return sql.folderSizes.all(folderId, after?.[0] ?? '', after?.[1] ?? '', max).map((r) => r.at_least);
    },
    /** At least how many bytes each of the next `max` snippets with the tag after `after` weighs as JSON. */
    sizesWithTag(tagId: string, after: string | undefined, max: number): number[] {
      return sql.tagSizes.all(tagId, after ?? '', max).map((r) => r.at_least);
    },
    create(input: NewSnippet, at: string): Snippet {
      const row = newSnippetRow(input.id ?? randomUUID(), input, at);
      sql.insert.run(row);
      const tagIds = input.tagIds ?? [];
      setTags(row.id, tagIds);
      const ids = input.variationIds ?? [];
      const created = [variations.create(row.id, DEFAULT_VARIATION_NAME, input.content, at, ids[0])];
      for (const [i, extra] of (input.additionalVariations ?? []).entries()) created.push(variations.create(row.id, extra.variationName, extra.content, at, ids[i + 1]));
      // Built from what was just written rather than read back: the same snippet, without aggregating its variations again.
      return snippetOf(row, tagIds, created);
    },
    update(id: string, changes: SnippetChanges, at: string): Snippet {
      const { tag_ids: _tags, variations_json: _variations, ...row } = sql.byId.get(id)!;
      const next: SnippetRow = changedSnippetRow(row, changes, at);
      sql.update.run(next);
      if (changes.tagIds) setTags(id, changes.tagIds);
      return toSnippet(sql.byId.get(id)!);
    },
    remove(id: string, at: string): void {
      variations.recordSnippetDeletion(id, at);
      sql.remove.run(id);
    },
  };
}

export type SnippetStore = ReturnType<typeof prepareSnippetStore>;
