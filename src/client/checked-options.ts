// The client's options, checked when it is created: a value that would make
// every request fail, or a wait overflow Node's timers (2^31 - 1 ms, about
// 24.8 days, past which a timer fires at once), is a TypeError that names the
// option and what it takes, rather than a surprise on the first call.
import { MAX_TIMER_MS } from './delay.ts';
import type { LimiterOptions } from './limiter.ts';
import type { RetryOptions } from './retry-policy.ts';

/** More attempts than this is a loop, not a retry policy. */
export const MAX_ATTEMPTS = 100;

function fail(option: string, takes: string, got: unknown, who = 'createSnippetsClient'): never {
  throw new TypeError(`${who}: ${option} must be ${takes}, got ${typeof got === 'string' ? JSON.stringify(got) : String(got)}`);
}

function milliseconds(option: string, value: unknown, min: number, who?: string): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > MAX_TIMER_MS) {
    fail(option, `a number of milliseconds from ${min} to ${MAX_TIMER_MS} (about 24.8 days)`, value, who);
  }
}

export function checkApiKey(apiKey: unknown): void {
  // An empty key would also make redaction (splitting texts on it) meaningless.
  if (typeof apiKey !== 'string' || apiKey.trim() === '') fail('apiKey', 'a non-empty string (Bearer sk_live_… or sk_test_…, without "Bearer")', apiKey);
}

export function checkTimeout(timeoutMs: unknown): void {
  milliseconds('timeoutMs', timeoutMs, 0);
}

export function checkRetry(retry: RetryOptions): void {
  if (!Number.isInteger(retry.attempts) || retry.attempts < 1 || retry.attempts > MAX_ATTEMPTS) fail('retry.attempts', `a whole number from 1 to ${MAX_ATTEMPTS}`, retry.attempts);
  milliseconds('retry.baseDelayMs', retry.baseDelayMs, 0);
  milliseconds('retry.maxDelayMs', retry.maxDelayMs, 0);
  milliseconds('retry.deadlineMs', retry.deadlineMs, 0);
  if (retry.onKeyBlocked !== 'wait' && retry.onKeyBlocked !== 'fail') fail('retry.onKeyBlocked', '"wait" or "fail"', retry.onKeyBlocked);
  if (typeof retry.random !== 'function') fail('retry.random', 'a function returning a number in [0, 1)', retry.random);
}

/** A RequestLimiter's options, checked by its constructor. */
export function checkLimiterOptions(limiter: Partial<LimiterOptions>): void {
  if (limiter.limit !== undefined && (!Number.isInteger(limiter.limit) || limiter.limit < 1)) fail('limit', 'a whole number of at least 1', limiter.limit, 'new RequestLimiter');
  if (limiter.windowMs !== undefined) milliseconds('windowMs', limiter.windowMs, 1, 'new RequestLimiter');
}

/**
 * The client's `limiter`: a RequestLimiter the caller made, told by its
 * methods rather than by its class, so that a client without one does not
 * bundle the limiter.
 */
export function checkLimiter(limiter: unknown): void {
  const candidate = limiter as Partial<Record<'tryAcquire' | 'acquire' | 'observe', unknown>> | null;
  if (limiter === undefined) return;
  if (typeof candidate !== 'object' || candidate === null || typeof candidate.tryAcquire !== 'function' || typeof candidate.acquire !== 'function' || typeof candidate.observe !== 'function') {
    fail('limiter', 'a RequestLimiter, e.g. new RequestLimiter()', limiter);
  }
}
