// When to retry, as data: which failures, which methods, how long to wait.
// The loop that applies it is in transport.ts.

export interface RetryOptions {
  /** Attempts in all, the first included. */
  attempts: number;
  /** First backoff ceiling, doubled at each retry. */
  baseDelayMs: number;
  /** Largest wait between two attempts, Retry-After and a blocked key's wait included. */
  maxDelayMs: number;
  /** No attempt starts, and no wait (a retry's, the limiter's) ends, past this many ms after the call started. */
  deadlineMs: number;
  /** A 403 KEY_TEMPORARILY_BLOCKED: wait out its Retry-After (x-limits' keyBlockSeconds without one) when maxDelayMs and the deadline allow it, or fail at once. */
  onKeyBlocked: 'wait' | 'fail';
  /** Random number in [0, 1) for the jitter; tests replace it. */
  random: () => number;
}

export const defaultRetryOptions: RetryOptions = {
  attempts: 4,
  baseDelayMs: 250,
  maxDelayMs: 30_000,
  deadlineMs: 60_000,
  onKeyBlocked: 'fail',
  random: Math.random,
};

/** Statuses worth another attempt: the server said "later", or failed on its side. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 500, 502, 503, 504]);

/** The header under which the server runs a repeated POST once (the spec's Idempotency-Key parameter). */
export const IDEMPOTENCY_HEADER = 'idempotency-key';

/** Methods safe to send twice by their meaning (RFC 9110, 9.2.1). */
const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Statuses whose answer says the request was refused before any work: the
 * spec's TooManyRequests response ("nothing was done"; checked against the
 * spec by test/client/idempotent-retry.test.ts). A 5xx is no such proof: a
 * gateway may fail after the server did the work.
 */
export const NOT_PROCESSED_STATUSES: ReadonlySet<number> = new Set([429]);

/** Errors (Node's, in a fetch failure's cause chain) raised before a byte of the request was sent: no connection, no address. */
const NOT_SENT_CODES: ReadonlySet<string> = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);

/** Whether a failed fetch surely sent nothing: a code of NOT_SENT_CODES in its cause chain (AggregateErrors included, every one of them). */
export function surelyNotSent(error: unknown, depth = 0): boolean {
  if (depth > 8 || typeof error !== 'object' || error === null) return false;
  const { code, cause, errors } = error as { code?: unknown; cause?: unknown; errors?: unknown };
  // Happy eyeballs: one error per address tried; all of them must have failed to connect.
  if (Array.isArray(errors) && errors.length > 0) return errors.every((each) => surelyNotSent(each, depth + 1));
  if (typeof code === 'string' && NOT_SENT_CODES.has(code)) return true;
  return surelyNotSent(cause, depth + 1);
}

/**
 * Whether a request may be sent again: a safe method; an operation the spec
 * marks idempotent (x-idempotent); a POST under an Idempotency-Key; or any
 * request the failure proves did not reach the server's work.
 */
export function mayRetryRequest(method: string, headers: Headers, idempotent: boolean, notProcessed: boolean): boolean {
  return SAFE_METHODS.has(method) || idempotent || notProcessed || (method === 'POST' && headers.has(IDEMPOTENCY_HEADER));
}

/** The 403 that means "this key is blocked for a while": waited out or failed at once, never hammered. */
export const KEY_BLOCKED_CODE = 'KEY_TEMPORARILY_BLOCKED';

export type RetryReason = 'network' | 'timeout' | 'status' | 'key-blocked';

/** Exponential backoff with full jitter: a random wait up to min(max, base * 2^(retry - 1)). */
export function backoffMs(retry: number, options: RetryOptions): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (retry - 1));
  return Math.floor(options.random() * ceiling);
}
