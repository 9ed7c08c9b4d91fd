// When to retry, as data: which failures, which methods, how long to wait.
// The loop that applies it is in transport.ts.

export interface RetryOptions {
  /** Attempts in all, the first included. */
  attempts: number;
  /** First backoff ceiling, doubled at each retry. */
  baseDelayMs: number;
  /** Largest wait between two attempts, Retry-After included. */
  maxDelayMs: number;
  /** No attempt starts, and no wait is scheduled, past this many ms after the first. */
  deadlineMs: number;
  /** A 403 KEY_TEMPORARILY_BLOCKED: wait out its Retry-After (300 s without one; maxDelayMs and the deadline do not apply), or fail at once. */
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

/** Methods safe to send twice. POST joins them only under an Idempotency-Key. */
export const IDEMPOTENT_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);

/** The 403 that means "this key is blocked for a while": waited out or failed at once, never hammered. */
export const KEY_BLOCKED_CODE = 'KEY_TEMPORARILY_BLOCKED';

export type RetryReason = 'network' | 'timeout' | 'status' | 'key-blocked';

/** Exponential backoff with full jitter: a random wait up to min(max, base * 2^(retry - 1)). */
export function backoffMs(retry: number, options: RetryOptions): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (retry - 1));
  return Math.floor(options.random() * ceiling);
}

export function mayRetryMethod(method: string, headers: Headers): boolean {
  return IDEMPOTENT_METHODS.has(method) || (method === 'POST' && headers.has(IDEMPOTENCY_HEADER));
}
