// The answer when the sandbox cannot use its store (GET /health, and every
// request once a database file is lost): SERVICE_UNAVAILABLE, with a wait.
import { ApiError } from './errors.ts';

/** What a client waits before probing again: long enough not to hammer a database that is down. */
const RETRY_AFTER_SECONDS = 5;

export function databaseUnavailable(message: string, detail?: string): ApiError {
  return new ApiError('SERVICE_UNAVAILABLE', message, { retryAfter: RETRY_AFTER_SECONDS, ...(detail !== undefined && { error: detail }) });
}
