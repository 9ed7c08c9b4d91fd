// Folders and tags: both are named, coloured, nested groups of one team's
// snippets, stored in tables of the same shape. Deleting one moves its
// children up to its parent.
import { randomUUID } from 'node:crypto';
import type { Db } from './database.ts';
import { changedGroupRow, newGroupRow, type FolderRow } from '../store/rows.ts';
import type { GroupInput, GroupStore } from '../store/store.ts';

export function prepareGroupStore(db: Db, table: 'folders' | 'tags'): GroupStore {
  const sql = {
    byId: db.prepare<[string], FolderRow>(`SELECT * FROM ${table} WHERE id = ?`),
    pageOfTeam: db.prepare<[string, string, string, number], FolderRow>(
      `SELECT * FROM ${table} WHERE team_id = ? AND (created_at, id) > (?, ?) ORDER BY created_at, id LIMIT ?`,
    ),
    insert: db.prepare(
      `INSERT INTO ${table} (id, team_id, name, color, parent_id, created_at, updated_at)
       VALUES (@id, @team_id, @name, @color, @parent_id, @created_at, @updated_at)`,
    ),
    update: db.prepare(`UPDATE ${table} SET name = @name, color = @color, parent_id = @parent_id, updated_at = @updated_at WHERE id = @id`),
    moveChildren: db.prepare(`UPDATE ${table} SET parent_id = ?, updated_at = ? WHERE parent_id = ?`),
    remove: db.prepare(`DELETE FROM ${table} WHERE id = ?`),
  };

  return {
    row(id: string): FolderRow | undefined {
      return sql.byId.get(id);
    },
    /** Up to `max` groups of the team after `after` (created_at, id), oldest first. */
    ofTeam(teamId: string, after: readonly [string, string] | undefined, max: number): FolderRow[] {
      return sql.pageOfTeam.all(teamId, after?.[0] ?? '', after?.[1] ?? '', max);
    },
    /** Whether `candidate` is `id` itself or one of its descendants (moving `id` under it would make a cycle). */
    isSelfOrDescendant(id: string, candidate: string): boolean {
      for (let at: string | null | undefined = candidate; at; at = sql.byId.get(at)?.parent_id) {
        if (at === id) return true;
      }
      return false;
    },
    create(teamId: string, input: Required<Pick<GroupInput, 'name'>> & GroupInput, at: string): FolderRow {
      const row = newGroupRow(input.id ?? randomUUID(), teamId, input, at);
      sql.insert.run(row);
      return row;
    },
    update(id: string, changes: GroupInput, at: string): FolderRow {
      const row = sql.byId.get(id)!;
      const next = changedGroupRow(row, changes, at);
      sql.update.run(next);
      return next;
    },
    /** Deletes the group; returns how many child groups moved up. */
    remove(id: string, at: string): number {
      const row = sql.byId.get(id)!;
      const moved = sql.moveChildren.run(row.parent_id, at, id).changes;
      sql.remove.run(id);
      return moved;
    },
  };
}

