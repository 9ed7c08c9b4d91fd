// How the PostgreSQL store's modules talk to one connection: each statement
// has a name and is prepared once per connection by PostgreSQL (node-postgres
// keeps the names it prepared), so a hot statement is parsed and planned once.
import type pg from 'pg';

export type Sql = <R extends object = Record<string, unknown>>(statement: Statement, values?: unknown[]) => Promise<R[]>;

export interface Statement {
  name: string;
  text: string;
}

/** A named statement; `name` must be unique among the store's statements. */
export const statement = (name: string, text: string): Statement => ({ name: `sandbox_${name}`, text });

export function sqlOn(client: pg.ClientBase): Sql {
  return async <R extends object>(s: Statement, values: unknown[] = []) => (await client.query<R>({ name: s.name, text: s.text, values })).rows;
}
