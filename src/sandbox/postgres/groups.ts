// Folders and tags: named, coloured, nested groups of one team's snippets, in
// tables of the same shape. Deleting one moves its children up to its parent.
import { randomUUID } from 'node:crypto';
import { changedGroupRow, newGroupRow, type FolderRow } from '../store/rows.ts';
import type { GroupStore, GroupTable } from '../store/store.ts';
import { statement, type Sql } from './sql.ts';

function statements(table: GroupTable) {
  const named = (name: string, text: string) => statement(`${table}_${name}`, text);
  return {
    byId: named('by_id', `SELECT * FROM ${table} WHERE id = $1`),
    page: named('page', `SELECT * FROM ${table} WHERE team_id = $1 AND (created_at, id) > ($2, $3) ORDER BY created_at, id LIMIT $4`),
    insert: named(
      'insert',
      `INSERT INTO ${table} (id, team_id, name, color, parent_id, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    ),
    update: named('update', `UPDATE ${table} SET name = $2, color = $3, parent_id = $4, updated_at = $5 WHERE id = $1`),
    // Up from the candidate through its ancestors; UNION (not ALL) ends even on a cycle that should not exist.
    selfOrDescendant: named(
      'self_or_descendant',
      `WITH RECURSIVE up(id, parent_id) AS (
         SELECT id, parent_id FROM ${table} WHERE id = $2
         UNION SELECT g.id, g.parent_id FROM ${table} g JOIN up ON g.id = up.parent_id)
       SELECT EXISTS (SELECT 1 FROM up WHERE id = $1) AS found`,
    ),
    moveChildren: named('move_children', `UPDATE ${table} SET parent_id = $1, updated_at = $2 WHERE parent_id = $3 RETURNING id`),
    remove: named('remove', `DELETE FROM ${table} WHERE id = $1`),
  };
}

export function groupStore(sql: Sql, table: GroupTable): GroupStore {
  const S = statements(table);
  return {
    async row(id) {
      return (await sql<FolderRow>(S.byId, [id]))[0];
    },
    async ofTeam(teamId, after, max) {
      return sql<FolderRow>(S.page, [teamId, after?.[0] ?? '', after?.[1] ?? '', max]);
    },
    async isSelfOrDescendant(id, candidate) {
      if (id === candidate) return true;
      return (await sql<{ found: boolean }>(S.selfOrDescendant, [id, candidate]))[0]!.found;
    },
    async create(teamId, input, at) {
      const row = newGroupRow(input.id ?? randomUUID(), teamId, input, at);
      await sql(S.insert, [row.id, row.team_id, row.name, row.color, row.parent_id, row.created_at, row.updated_at]);
      return row;
    },
    async update(id, changes, at) {
      const row = (await sql<FolderRow>(S.byId, [id]))[0]!;
      const next = changedGroupRow(row, changes, at);
      await sql(S.update, [id, next.name, next.color, next.parent_id, at]);
      return next;
    },
    async remove(id, at) {
      const row = (await sql<FolderRow>(S.byId, [id]))[0]!;
      const moved = (await sql(S.moveChildren, [row.parent_id, at, id])).length;
      await sql(S.remove, [id]);
      return moved;
    },
  };
}
