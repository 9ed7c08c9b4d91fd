// The whole data of the PostgreSQL store as plain JSON, and back: one
// statement per table each way (json_agg out, json_populate_recordset in).
// Rows come ordered by primary key, so that equal states give equal snapshots.
import type pg from 'pg';

export const POSTGRES_STORE_KIND = 'postgres';

/** The tables of a snapshot, parents before children, each with the order of its rows. */
export const DATA_TABLES: ReadonlyArray<readonly [table: string, orderBy: string]> = [
  ['workspaces', 'id'],
  ['teams', 'id'],
  ['api_keys', 'key_hash'],
  ['api_key_teams', 'key_hash, team_id'],
  ['folders', 'id'],
  ['tags', 'id'],
  ['snippets', 'id'],
  ['snippet_tags', 'snippet_id, tag_id'],
  ['variations', 'id'],
  ['variation_history', 'seq'],
  ['tombstones', 'id'],
  ['idempotency_keys', 'key_hash, key'],
];

export async function takeSnapshot(client: pg.ClientBase): Promise<Record<string, unknown[]>> {
  const state: Record<string, unknown[]> = {};
  for (const [table, orderBy] of DATA_TABLES) {
    const { rows } = await client.query<{ rows: unknown[] }>(`SELECT COALESCE(json_agg(t ORDER BY ${orderBy}), '[]') AS rows FROM ${table} t`);
    state[table] = rows[0]!.rows;
  }
  return state;
}

/** Empties every data table (one statement: TRUNCATE of them all, which no foreign key between them refuses). */
export async function emptyAll(client: pg.ClientBase): Promise<void> {
  await client.query(`TRUNCATE ${DATA_TABLES.map(([table]) => table).join(', ')}`);
}

/**
 * Puts a snapshot's rows back, into emptied tables, in the caller's
 * transaction. The state is checked on its surface first (every table and no
 * other, arrays of objects); PostgreSQL refuses the rest (a column it does
 * not have is ignored by json_populate_recordset, a wrong type or a broken
 * reference fails the transaction, which then changes nothing).
 */
export async function restoreSnapshot(client: pg.ClientBase, state: unknown): Promise<void> {
  const tables = checkState(state);
  await emptyAll(client);
  // References are checked at COMMIT: a folder may come before its parent.
  await client.query('SET CONSTRAINTS ALL DEFERRED');
  for (const [table] of DATA_TABLES) {
    const rows = tables[table]!;
    if (rows.length > 0) await client.query(`INSERT INTO ${table} SELECT * FROM json_populate_recordset(NULL::${table}, $1::json)`, [JSON.stringify(rows)]);
  }
}

function checkState(state: unknown): Record<string, unknown[]> {
  const fail = (problem: string): never => {
    throw new Error(`not the state of a ${POSTGRES_STORE_KIND} store snapshot: ${problem}`);
  };
  if (typeof state !== 'object' || state === null || Array.isArray(state)) return fail('it is not an object');
  const tables = state as Record<string, unknown>;
  const known = new Set(DATA_TABLES.map(([table]) => table));
  for (const name of Object.keys(tables)) if (!known.has(name)) fail(`it has a table ${JSON.stringify(name)} that this store does not have`);
  for (const [table] of DATA_TABLES) {
    const rows = tables[table];
    if (!Array.isArray(rows)) return fail(`it has no ${table} array`);
    for (const row of rows) if (typeof row !== 'object' || row === null || Array.isArray(row)) fail(`a row of ${table} is not an object`);
  }
  return tables as Record<string, unknown[]>;
}
