// Snippets with their tags and variations. A snippet is read whole in one
// statement: PostgreSQL aggregates its tag ids and variations as JSON.
import { randomUUID } from 'node:crypto';
import { changedSnippetRow, newSnippetRow, snippetOf, toVariation, type Snippet, type SnippetRow, type Variation, type VariationRow } from '../store/rows.ts';
import { JsonText } from '../json-text.ts';
import { DEFAULT_VARIATION_NAME, type NewSnippet, type SnippetRead, type StoreTransaction } from '../store/store.ts';
import { statement, type Sql } from './sql.ts';
import type { variationStore } from './variations.ts';

// The variation objects' keys in the order of toVariation (rows.ts): the JSON text of a snippet is the same from every store.
const WHOLE = `SELECT s.*,
  COALESCE((SELECT json_agg(tag_id ORDER BY position) FROM snippet_tags WHERE snippet_id = s.id), '[]') AS tag_ids,
  COALESCE((SELECT json_agg(json_build_object('id', v.id, 'snippetId', v.snippet_id, 'variationName', v.name,
              'content', json_build_object('type', v.content_type, 'content', v.content), 'orderIndex', v.order_index,
              'createdAt', v.created_at, 'updatedAt', v.updated_at) ORDER BY v.order_index)
            FROM variations v WHERE v.snippet_id = s.id), '[]') AS variations_json
FROM snippets s`;

const S = {
  byId: statement('snippet_by_id', `${WHOLE} WHERE s.id = $1`),
  // Several snippets of several reads at once (optimistic-read.ts); duplicates and missing ids are fine.
  byIds: statement('snippets_by_ids', `${WHOLE} WHERE s.id = ANY ($1::text[])`),
  // Pages pick their ids by an index in their order (migrations.ts), then read each snippet whole, in the same statement.
  folderPage: statement(
    'snippets_in_folder',
    `${WHOLE} WHERE s.id IN (SELECT id FROM snippets WHERE folder_id = $1 AND (created_at, id) > ($2, $3) ORDER BY created_at, id LIMIT $4)
     ORDER BY s.created_at, s.id`,
  ),
  tagPage: statement(
    'snippets_with_tag',
    `${WHOLE} WHERE s.id IN (SELECT snippet_id FROM snippet_tags WHERE tag_id = $1 AND snippet_id > $2 ORDER BY snippet_id LIMIT $3)
     ORDER BY s.id`,
  ),
  // A new snippet whole, in one statement: its row, its tags (their positions are their places in $8), its
  // variations in order (the Default first; order_index from 0) and their history records, each 'created' in that
  // order (seq: the next ones, under the transaction lock, as variations.ts records them one by one).
  insert: statement(
    'snippet_insert',
    `WITH s AS (
       INSERT INTO snippets (id, team_id, title, note, shortcut, folder_id, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7)),
     t AS (
       INSERT INTO snippet_tags (snippet_id, tag_id, position)
       SELECT $1, tag_id, position - 1 FROM unnest($8::text[]) WITH ORDINALITY AS t(tag_id, position)),
     v AS (
       INSERT INTO variations (id, snippet_id, name, content_type, content, order_index, created_at, updated_at)
       SELECT id, $1, name, content_type, content, n - 1, $7, $7
       FROM unnest($9::text[], $10::text[], $11::text[], $12::text[]) WITH ORDINALITY AS v(id, name, content_type, content, n))
     INSERT INTO variation_history (seq, id, variation_id, snippet_id, team_id, change, name, content_type, content, recorded_at)
     SELECT (SELECT COALESCE(max(seq), 0) FROM variation_history) + n, history_id, id, $1, $2, 'created', name, content_type, content, $7
     FROM unnest($13::text[], $9::text[], $10::text[], $11::text[], $12::text[]) WITH ORDINALITY AS h(history_id, id, name, content_type, content, n)`,
  ),
  update: statement('snippet_update', 'UPDATE snippets SET title = $2, note = $3, shortcut = $4, folder_id = $5, updated_at = $6 WHERE id = $1'),
  clearTags: statement('snippet_clear_tags', 'DELETE FROM snippet_tags WHERE snippet_id = $1'),
  // The tag ids as one array: their positions are their places in it.
  addTags: statement(
    'snippet_add_tags',
    'INSERT INTO snippet_tags (snippet_id, tag_id, position) SELECT $1, tag_id, position - 1 FROM unnest($2::text[]) WITH ORDINALITY AS t(tag_id, position)',
  ),
  remove: statement('snippet_remove', 'DELETE FROM snippets WHERE id = $1'),
  unfile: statement('snippets_unfile', 'UPDATE snippets SET folder_id = NULL, updated_at = $1 WHERE folder_id = $2 RETURNING id'),
};

type WholeRow = SnippetRow & { tag_ids: string[]; variations_json: Variation[] };

const toSnippet = (row: WholeRow): Snippet => snippetOf(row, row.tag_ids, row.variations_json);

/** getSnippet's answer parts of a snippet, serialized once. */
export function readOf(snippet: Snippet): SnippetRead {
  return {
    teamId: snippet.teamId,
    data: JsonText.of(snippet),
    metadata: JsonText.of({ totalVariations: snippet.variations.length, tagsAttached: snippet.tagIds.length }),
  };
}

/** The snippets of these ids, by id (those that exist), in one statement. */
export async function snippetsByIds(sql: Sql, ids: string[]): Promise<Map<string, Snippet>> {
  return new Map((await sql<WholeRow>(S.byIds, [ids])).map((row) => [row.id, toSnippet(row)]));
}

export function snippetStore(sql: Sql, variations: ReturnType<typeof variationStore>): Omit<StoreTransaction['snippets'], 'read'> {
  async function setTags(snippetId: string, tagIds: string[]): Promise<void> {
    await sql(S.clearTags, [snippetId]);
    if (tagIds.length > 0) await sql(S.addTags, [snippetId, tagIds]);
  }

  return {
    async get(id) {
      const [row] = await sql<WholeRow>(S.byId, [id]);
      return row && toSnippet(row);
    },
    async inFolder(folderId, after, max) {
      return (await sql<WholeRow>(S.folderPage, [folderId, after?.[0] ?? '', after?.[1] ?? '', max])).map(toSnippet);
    },
    async withTag(tagId, after, max) {
      return (await sql<WholeRow>(S.tagPage, [tagId, after ?? '', max])).map(toSnippet);
    },
    async create(input: NewSnippet, at: string) {
      const row = newSnippetRow(input.id ?? randomUUID(), input, at);
      const tagIds = input.tagIds ?? [];
      const ids = input.variationIds ?? [];
      const contents = [{ variationName: DEFAULT_VARIATION_NAME, content: input.content }, ...(input.additionalVariations ?? [])];
      const created: VariationRow[] = contents.map(({ variationName, content }, orderIndex) => ({
        id: ids[orderIndex] ?? randomUUID(),
        snippet_id: row.id,
        name: variationName,
        content_type: content.type,
        content: content.content,
        order_index: orderIndex,
        created_at: at,
        updated_at: at,
      }));
      const column = <K extends keyof VariationRow>(key: K) => created.map((variation) => variation[key]);
      await sql(S.insert, [
        row.id, row.team_id, row.title, row.note, row.shortcut, row.folder_id, at, tagIds,
        column('id'), column('name'), column('content_type'), column('content'), created.map(() => randomUUID()),
      ]);
      return snippetOf(row, tagIds, created.map(toVariation));
    },
    async update(id, changes, at) {
      const [current] = await sql<WholeRow>(S.byId, [id]);
      const { tag_ids: _tags, variations_json: _variations, ...row } = current!;
      const next = changedSnippetRow(row, changes, at);
      await sql(S.update, [id, next.title, next.note, next.shortcut, next.folder_id, at]);
      if (changes.tagIds) await setTags(id, changes.tagIds);
      return toSnippet((await sql<WholeRow>(S.byId, [id]))[0]!);
    },
    async remove(id, at) {
      await variations.recordSnippetDeletion(id, at);
      await sql(S.remove, [id]);
    },
    async unfile(folderId, at) {
      return (await sql(S.unfile, [at, folderId])).length;
    },
  };
}
