// The connection pool of the PostgreSQL store. Its failures that mean "the
// database cannot be reached right now" (unavailable.ts) are answered 503
// with Retry-After (health.ts), never 500, and the pool recovers by itself
// once the database is back (a broken connection is dropped, the next is new).
import pg from 'pg';
import { databaseUnavailable } from '../health.ts';
import { ApiError } from '../errors.ts';
import { isUnavailable } from './unavailable.ts';

export interface PostgresConnectionOptions {
  /** `postgres://user:password@host:port/database?…` */
  url: string;
  /** Most connections this instance opens (several instances each have theirs). */
  poolSize?: number;
  /** Longest a statement may run before PostgreSQL cancels it (ms). */
  statementTimeoutMs?: number;
  /** Longest a connection may take to open (ms); also how long a request waits for a free one. */
  connectionTimeoutMs?: number;
}

export const POSTGRES_DEFAULTS = { poolSize: 10, statementTimeoutMs: 5000, connectionTimeoutMs: 5000 } as const;

// bigint (int8) as a JS number: quotas and history seqs stay far below 2^53 (fixtures are checked).
const INT8_OID = 20;
const types = {
  getTypeParser: ((oid: number, format?: string) => (oid === INT8_OID ? Number : pg.types.getTypeParser(oid, format as 'text'))) as typeof pg.types.getTypeParser,
};

export function openPool(options: PostgresConnectionOptions, onError: (error: Error) => void): pg.Pool {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize ?? POSTGRES_DEFAULTS.poolSize,
    connectionTimeoutMillis: options.connectionTimeoutMs ?? POSTGRES_DEFAULTS.connectionTimeoutMs,
    statement_timeout: options.statementTimeoutMs ?? POSTGRES_DEFAULTS.statementTimeoutMs,
    // A lock wait is a statement's wait too: bounded the same way.
    lock_timeout: options.statementTimeoutMs ?? POSTGRES_DEFAULTS.statementTimeoutMs,
    idleTimeoutMillis: 10_000,
    application_name: 'snippets-sandbox',
    types,
  });
  // An idle connection that breaks (the server restarted) is dropped by the pool; without a listener its error would crash the process.
  pool.on('error', onError);
  // So would one that breaks while checked out between two statements: its next statement fails instead (answered 503).
  pool.on('connect', (client) => client.on('error', onError));
  return pool;
}

/** The error as the core should see it: 503 SERVICE_UNAVAILABLE when the database is unreachable, itself otherwise. */
export function translate(error: unknown): unknown {
  if (error instanceof ApiError || !isUnavailable(error)) return error;
  return databaseUnavailable('The sandbox cannot reach its database; retry later');
}
