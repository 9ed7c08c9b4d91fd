// Every wait of the client has a maximum, inside timeoutMs and deadlineMs: a
// Retry-After, a blocked key's wait or a RateLimit-Reset longer than the
// policy allows is not slept (the call fails at once with the server's
// error, or the limiter's pause is capped), the limiter's wait counts against
// the deadline, and no timer ever gets more than 2^31 - 1 ms.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSnippetsClient, RateLimitError, RequestLimiter, TimeoutError, type RetryOptions } from '../../src/client/index.ts';
import { delay, MAX_TIMER_MS } from '../../src/client/delay.ts';
import { SPEC_RATE_WINDOW_MS } from '../../src/client/limiter.ts';
import { limits } from '../../generated/limits.js';

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const ok = () => new Response(JSON.stringify({ success: true, data: [], usage: { remainingRequests: 1, usageDeducted: 0 }, metadata: { tagCount: 0 } }), { headers: { 'content-type': 'application/json' } });
const refusal = (status: number, code: string, retryAfter: string) =>
  new Response(JSON.stringify({ success: false, code, message: code, requestId: 'req_bounded000001' }), { status, headers: { 'content-type': 'application/json', 'retry-after': retryAfter } });

/** A client over a fake fetch that answers from `answers` in turn (the last repeats), counting calls. */
function client(answers: Array<() => Response>, retry: Partial<RetryOptions> | false = {}, extra: { limiter?: RequestLimiter; timeoutMs?: number } = {}) {
  let calls = 0;
  const fetch = async () => answers[Math.min(calls++, answers.length - 1)]!();
  const api = createSnippetsClient({ baseUrl: 'http://127.0.0.1:9', apiKey: 'sk_test_boundedWaitsKey0000000000001', fetch, retry, ...extra });
  return { api, calls: () => calls };
}

async function timed<T>(run: () => Promise<T>): Promise<{ result: T; tookMs: number }> {
  const started = performance.now();
  const result = await run();
  return { result, tookMs: performance.now() - started };
}

describe('a wait the server asks for, beyond the policy', () => {
  it.each([
    ['a 429 asking 999999 s (11.5 days)', 429, 'RATE_LIMIT_EXCEEDED', '999999', {}],
    ['a 429 asking more than a timer holds (2^31 ms)', 429, 'RATE_LIMIT_EXCEEDED', String(Math.ceil(MAX_TIMER_MS / 1000) + 1), {}],
    ['a blocked key asking 999999 s, onKeyBlocked wait', 403, 'KEY_TEMPORARILY_BLOCKED', '999999', { onKeyBlocked: 'wait' }],
    ['a blocked key asking past a timer, onKeyBlocked wait', 403, 'KEY_TEMPORARILY_BLOCKED', String(Math.ceil(MAX_TIMER_MS / 1000) + 1), { onKeyBlocked: 'wait' }],
    ['a blocked key asking 2 s, within maxDelayMs but past the deadline', 403, 'KEY_TEMPORARILY_BLOCKED', '2', { onKeyBlocked: 'wait', maxDelayMs: 5_000, deadlineMs: 1_000 }],
  ] as const)('%s: not slept; the call fails at once with that error and the asked wait', async (_, status, code, asked, retry) => {
    const { api, calls } = client([() => refusal(status, code, asked), ok], retry);
    const { result, tookMs } = await timed(() => api.GET('/api/prompts/tags'));
    expect(result.error).toBeInstanceOf(RateLimitError);
    expect(result.error).toMatchObject({ status, code, retryAfter: Number(asked) });
    expect(calls()).toBe(1);
    expect(tookMs).toBeLessThan(500);
  });

  it('a blocked key without Retry-After waits x-limits keyBlockSeconds, so it fails at once under the default maxDelayMs', async () => {
    expect(limits.keyBlockSeconds * 1000).toBeGreaterThan(30_000);
    const blocked = () => new Response(JSON.stringify({ success: false, code: 'KEY_TEMPORARILY_BLOCKED', message: 'x', requestId: 'req_x' }), { status: 403, headers: { 'content-type': 'application/json' } });
    const { api, calls } = client([blocked, ok], { onKeyBlocked: 'wait' });
    const { result, tookMs } = await timed(() => api.GET('/api/prompts/tags'));
    expect(result.error).toMatchObject({ code: 'KEY_TEMPORARILY_BLOCKED' });
    expect(calls()).toBe(1);
    expect(tookMs).toBeLessThan(500);
  });
});

describe("the limiter's wait", () => {
  it('with retry, counts against deadlineMs: a turn known to come later fails at once with a TimeoutError', async () => {
    const limiter = new RequestLimiter({ limit: 1, windowMs: 10_000 });
    const { api, calls } = client([ok], { deadlineMs: 300 }, { limiter });
    expect((await api.GET('/api/prompts/tags')).error).toBeUndefined();
    const { result, tookMs } = await timed(() => api.GET('/api/prompts/tags'));
    expect(result.error).toBeInstanceOf(TimeoutError);
    expect((result.error as TimeoutError).timeoutMs).toBeLessThanOrEqual(300);
    expect(calls()).toBe(1);
    expect(tookMs).toBeLessThan(200);
  });

  it('with retry, a turn that comes within the deadline is waited for', async () => {
    const limiter = new RequestLimiter({ limit: 1, windowMs: 300 });
    const { api, calls } = client([ok], { deadlineMs: 5_000 }, { limiter });
    await api.GET('/api/prompts/tags');
    const { result, tookMs } = await timed(() => api.GET('/api/prompts/tags'));
    expect(result.error).toBeUndefined();
    expect(calls()).toBe(2);
    expect(tookMs).toBeGreaterThan(200);
  });

  it('without retry, is bounded by timeoutMs: a turn known to come later fails at once', async () => {
    const limiter = new RequestLimiter({ limit: 1, windowMs: 400 });
    const { api, calls } = client([ok], false, { limiter, timeoutMs: 150 });
    await api.GET('/api/prompts/tags');
    // Known at once: the window frees in about 400 ms.
    const first = await timed(() => api.GET('/api/prompts/tags'));
    expect(first.result.error).toBeInstanceOf(TimeoutError);
    expect(first.tookMs).toBeLessThan(100);
    expect(calls()).toBe(1);
  });

  it('without retry, is bounded by timeoutMs while queued too', async () => {
    // A window of 300 ms: the next turn is in reach of a 400 ms bound, the one after it (600 ms) is not.
    const limiter = new RequestLimiter({ limit: 1, windowMs: 300 });
    const { api } = client([ok], false, { limiter, timeoutMs: 400 });
    await api.GET('/api/prompts/tags');
    const ahead = api.GET('/api/prompts/tags');
    const queued = await timed(() => api.GET('/api/prompts/tags'));
    expect(queued.result.error).toBeInstanceOf(TimeoutError);
    expect(queued.tookMs).toBeGreaterThanOrEqual(390);
    expect(queued.tookMs).toBeLessThan(590);
    expect((await ahead).error).toBeUndefined();
  });

  it('after a retryable answer, ends with that answer rather than a timeout', async () => {
    const limiter = new RequestLimiter({ limit: 1, windowMs: 10_000 });
    const { api, calls } = client([() => refusal(503, 'SERVICE_UNAVAILABLE', '0'), ok], { deadlineMs: 1_000 }, { limiter });
    const { result } = await timed(() => api.GET('/api/prompts/tags'));
    expect(result.error).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE' });
    expect(calls()).toBe(1);
  });
});

describe('a limiter paused by RateLimit-Reset', () => {
  it(`holds at most one rate window (${SPEC_RATE_WINDOW_MS} ms, x-limits' rateLimitPerMinute), however far the reset`, async () => {
    expect(Object.keys(limits)).toContain('rateLimitPerMinute');
    vi.useFakeTimers({ now: Date.parse('2026-11-25T12:00:00Z') });
    const timers = vi.spyOn(globalThis, 'setTimeout');
    const limiter = new RequestLimiter({ limit: 100, windowMs: 1_000 });
    expect(limiter.maxPauseMs).toBe(SPEC_RATE_WINDOW_MS);
    limiter.observe(new Headers({ 'ratelimit-remaining': '0', 'ratelimit-reset': '999999999' }));
    let started = false;
    const turn = limiter.acquire().then(() => (started = true));
    await vi.advanceTimersByTimeAsync(SPEC_RATE_WINDOW_MS - 1);
    expect(started).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await turn;
    expect(started).toBe(true);
    for (const [, ms] of timers.mock.calls) expect(ms ?? 0).toBeLessThanOrEqual(MAX_TIMER_MS);
  });

  it("holds a limiter's own longer window, when it has one", () => {
    expect(new RequestLimiter({ windowMs: 5 * 60_000 }).maxPauseMs).toBe(5 * 60_000);
  });
});

describe('delay', () => {
  it('never gives a timer more than 2^31 - 1 ms, however long it is asked to wait', async () => {
    const timers = vi.spyOn(globalThis, 'setTimeout');
    const controller = new AbortController();
    const waiting = delay(2 ** 40, controller.signal);
    controller.abort(new Error('stop'));
    await expect(waiting).rejects.toThrow('stop');
    expect(timers.mock.calls.map(([, ms]) => ms)).toEqual([MAX_TIMER_MS]);
  });
});
