// How the PostgreSQL store's modules talk to one connection: each statement
// has a name and is prepared once per connection by PostgreSQL (node-postgres
// keeps the names it prepared), so a hot statement is parsed and planned once.
import type pg from 'pg';

export type Sql = <R extends object = Record<string, unknown>>(statement: Statement, values?: unknown[]) => Promise<R[]>;

export interface Statement {
  name: string;
  text: string;
  /** Whether it may change something (a read-only operation runs it only with the lock: optimistic-read.ts). */
  writes: boolean;
}

/** A named statement; `name` must be unique among the store's statements. */
export const statement = (name: string, text: string): Statement => ({
  name: `sandbox_${name}`,
  text,
  writes: /\b(INSERT|UPDATE|DELETE|TRUNCATE)\b/i.test(text),
});

export function sqlOn(client: pg.ClientBase): Sql {
  return async <R extends object>(s: Statement, values: unknown[] = []) => (await client.query<R>({ name: s.name, text: s.text, values })).rows;
}
