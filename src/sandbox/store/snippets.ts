// Snippets with their tags and variations.
import { randomUUID } from 'node:crypto';
import type { Db } from '../database.ts';
import type { Content, Snippet, SnippetRow } from './rows.ts';
import type { VariationStore } from './variations.ts';

export interface NewSnippet {
  title: string;
  content: Content;
  teamId: string;
  note?: string | null;
  shortcut?: string | null;
  folderId?: string | null;
  tagIds?: string[];
  additionalVariations?: Array<{ variationName: string; content: Content }>;
}

export interface SnippetChanges {
  title?: string;
  note?: string | null;
  shortcut?: string | null;
  folderId?: string | null;
  tagIds?: string[];
}

export const DEFAULT_VARIATION_NAME = 'Default';

export function prepareSnippetStore(db: Db, variations: VariationStore) {
  const sql = {
    byId: db.prepare<[string], SnippetRow>('SELECT * FROM snippets WHERE id = ?'),
    byFolder: db.prepare<[string], SnippetRow>('SELECT * FROM snippets WHERE folder_id = ? ORDER BY created_at, id'),
    byTag: db.prepare<[string], SnippetRow>(
      'SELECT s.* FROM snippets s JOIN snippet_tags t ON t.snippet_id = s.id WHERE t.tag_id = ? ORDER BY s.created_at, s.id',
    ),
    tagsOf: db.prepare<[string], { tag_id: string }>('SELECT tag_id FROM snippet_tags WHERE snippet_id = ? ORDER BY position'),
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

  function toSnippet(row: SnippetRow): Snippet {
    return {
      id: row.id,
      teamId: row.team_id,
      title: row.title,
      note: row.note,
      shortcut: row.shortcut,
      folderId: row.folder_id,
      tagIds: sql.tagsOf.all(row.id).map((t) => t.tag_id),
      variations: variations.ofSnippet(row.id),
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }

  return {
    get(id: string): Snippet | undefined {
      const row = sql.byId.get(id);
      return row && toSnippet(row);
    },
    inFolder(folderId: string): Snippet[] {
      return sql.byFolder.all(folderId).map(toSnippet);
    },
    withTag(tagId: string): Snippet[] {
      return sql.byTag.all(tagId).map(toSnippet);
    },
    create(input: NewSnippet, at: string): Snippet {
      const row: SnippetRow = {
        id: randomUUID(),
        team_id: input.teamId,
        title: input.title,
        note: input.note ?? null,
        shortcut: input.shortcut ?? null,
        folder_id: input.folderId ?? null,
        created_at: at,
        updated_at: at,
      };
      sql.insert.run(row);
      setTags(row.id, input.tagIds ?? []);
      variations.create(row.id, DEFAULT_VARIATION_NAME, input.content, at);
      for (const extra of input.additionalVariations ?? []) variations.create(row.id, extra.variationName, extra.content, at);
      return toSnippet(row);
    },
    update(id: string, changes: SnippetChanges, at: string): Snippet {
      const row = sql.byId.get(id)!;
      const next: SnippetRow = {
        ...row,
        title: changes.title ?? row.title,
        note: changes.note !== undefined ? changes.note : row.note,
        shortcut: changes.shortcut !== undefined ? changes.shortcut : row.shortcut,
        folder_id: changes.folderId !== undefined ? changes.folderId : row.folder_id,
        updated_at: at,
      };
      sql.update.run(next);
      if (changes.tagIds) setTags(id, changes.tagIds);
      return toSnippet(next);
    },
    remove(id: string, at: string): void {
      variations.recordSnippetDeletion(id, at);
      sql.remove.run(id);
    },
  };
}

export type SnippetStore = ReturnType<typeof prepareSnippetStore>;
