// The client's options are checked when it is created (issue #16, point 4):
// each bad value is a TypeError naming the option, before any request.
import { describe, expect, it } from 'vitest';
import { createSnippetsClient, RequestLimiter, type SnippetsClientOptions } from '../../src/client/index.ts';

const base: SnippetsClientOptions = { baseUrl: 'http://sandbox.test', apiKey: 'sk_test_demoAcmePlatformSupport0001' };
const never: typeof fetch = () => Promise.reject(new Error('no request may be sent'));

describe('createSnippetsClient() options', () => {
  const bad: Array<[string, Partial<SnippetsClientOptions>, RegExp]> = [
    ['an empty key', { apiKey: '' }, /apiKey must be a non-empty string/],
    ['a key of spaces', { apiKey: '   ' }, /apiKey must be a non-empty string/],
    ['timeoutMs NaN', { timeoutMs: Number.NaN }, /timeoutMs must be a number of milliseconds from 0 to 2147483647/],
    ['timeoutMs Infinity', { timeoutMs: Number.POSITIVE_INFINITY }, /timeoutMs must be/],
    ['timeoutMs past a timer', { timeoutMs: 2 ** 31 }, /timeoutMs must be/],
    ['timeoutMs negative', { timeoutMs: -1 }, /timeoutMs must be/],
    ['no attempt', { retry: { attempts: 0 } }, /retry\.attempts must be a whole number from 1 to 100/],
    ['a fraction of an attempt', { retry: { attempts: 2.5 } }, /retry\.attempts must be/],
    ['endless attempts', { retry: { attempts: Number.POSITIVE_INFINITY } }, /retry\.attempts must be/],
    ['a deadline of 30 days', { retry: { deadlineMs: 30 * 24 * 3600 * 1000 } }, /retry\.deadlineMs must be a number of milliseconds/],
    ['a negative backoff', { retry: { baseDelayMs: -5 } }, /retry\.baseDelayMs must be/],
    ['a NaN ceiling', { retry: { maxDelayMs: Number.NaN } }, /retry\.maxDelayMs must be/],
    ['an unknown key-block policy', { retry: { onKeyBlocked: 'retry' as 'wait' } }, /retry\.onKeyBlocked must be "wait" or "fail", got "retry"/],
    ['a limiter that is not a RequestLimiter', { limiter: true as unknown as RequestLimiter }, /limiter must be a RequestLimiter, e\.g\. new RequestLimiter\(\), got true/],
    ['limiter options instead of a limiter', { limiter: { limit: 5 } as unknown as RequestLimiter }, /limiter must be a RequestLimiter, e\.g\. new RequestLimiter\(\), got \[object Object\]/],
  ];
  it.each(bad)('refuses %s with a TypeError naming the option', (_what, options, message) => {
    expect(() => createSnippetsClient({ ...base, fetch: never, ...options })).toThrow(TypeError);
    expect(() => createSnippetsClient({ ...base, fetch: never, ...options })).toThrow(message);
  });

  it.each([
    ['of no request', { limit: 0 }, /^new RequestLimiter: limit must be a whole number of at least 1, got 0$/],
    ['with a fraction of a request', { limit: 1.5 }, /limit must be a whole number/],
    ['with a window of 0', { windowMs: 0 }, /^new RequestLimiter: windowMs must be a number of milliseconds from 1 to 2147483647/],
    ['with a window past a timer', { windowMs: 2 ** 31 }, /windowMs must be a number of milliseconds/],
  ])('refuses a RequestLimiter %s with a TypeError naming the option', (_what, options, message) => {
    expect(() => new RequestLimiter(options)).toThrow(TypeError);
    expect(() => new RequestLimiter(options)).toThrow(message);
  });

  it('takes the edges of every range', () => {
    expect(() =>
      createSnippetsClient({ ...base, fetch: never, timeoutMs: 0, retry: { attempts: 1, baseDelayMs: 0, maxDelayMs: 2 ** 31 - 1, deadlineMs: 0 }, limiter: new RequestLimiter({ limit: 1, windowMs: 1 }) }),
    ).not.toThrow();
    expect(() => createSnippetsClient({ ...base, fetch: never, retry: false, timeoutMs: 2 ** 31 - 1 })).not.toThrow();
  });
});
