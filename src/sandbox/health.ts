// GET /health: up when the database answers a trivial query through the
// sandbox's own connection, SERVICE_UNAVAILABLE when it cannot (closed, or
// broken), so that a probe sees what a client would.
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from './database.ts';
import { ApiError } from './errors.ts';

/** What a client waits before probing again: long enough not to hammer a database that is down. */
const RETRY_AFTER_SECONDS = 5;

/** The answer when the sandbox cannot use its database (health.ts, database-file.ts). */
export function databaseUnavailable(message: string): ApiError {
  return new ApiError('SERVICE_UNAVAILABLE', message, { retryAfter: RETRY_AFTER_SECONDS });
}

export function prepareHealthCheck(db: Db, version: string) {
  // Prepared once: a probe costs one step of a compiled statement.
  const probe = db.prepare('SELECT 1').pluck();
  return (log: FastifyBaseLogger) => {
    try {
      probe.get();
    } catch (error) {
      // The answer says only that the database is unreachable; the log says why.
      log.warn({ error: (error as Error).message }, 'health check failed');
      throw databaseUnavailable('The sandbox cannot reach its database');
    }
    return { success: true as const, data: { status: 'ok' as const, version } };
  };
}
