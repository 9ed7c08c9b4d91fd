import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { limits } from '../../generated/limits.js';
import { RequestLimiter } from '../../src/client/index.ts';

beforeEach(() => vi.useFakeTimers({ now: Date.parse('2026-11-25T12:00:00Z') }));
afterEach(() => vi.useRealTimers());

/** Queues `count` requests at once and records, in order, when each was let through. */
function queue(limiter: RequestLimiter, count: number) {
  const started: Array<{ id: number; at: number }> = [];
  const all = Array.from({ length: count }, (_, id) => limiter.acquire().then(() => started.push({ id, at: Date.now() })));
  return { started, all: Promise.all(all) };
}

function maxInAnyWindow(times: number[], windowMs: number): number {
  let most = 0;
  for (const start of times) most = Math.max(most, times.filter((t) => t >= start && t < start + windowMs).length);
  return most;
}

describe('the request limiter', () => {
  it('lets at most 20 requests start in any 60-second window, by default, and loses or reorders none', async () => {
    const limiter = new RequestLimiter();
    const { started, all } = queue(limiter, 75);
    await vi.advanceTimersByTimeAsync(0);
    expect(started).toHaveLength(limits.rateLimitPerMinute);
    await vi.advanceTimersByTimeAsync(4 * 60_000);
    await all;
    expect(started.map((s) => s.id)).toEqual(Array.from({ length: 75 }, (_, i) => i));
    expect(maxInAnyWindow(started.map((s) => s.at), 60_000)).toBe(20);
    // 75 requests at 20 a minute: the last ones start in the fourth minute.
    expect(started.at(-1)!.at - started[0]!.at).toBe(3 * 60_000);
  });

  it('keeps a rolling window as requests keep arriving', async () => {
    const limiter = new RequestLimiter({ limit: 5, windowMs: 10_000 });
    const starts: number[] = [];
    const pending: Promise<void>[] = [];
    for (let second = 0; second < 40; second++) {
      pending.push(limiter.acquire().then(() => void starts.push(Date.now())));
      await vi.advanceTimersByTimeAsync(1_000);
    }
    await vi.advanceTimersByTimeAsync(60_000);
    await Promise.all(pending);
    expect(starts).toHaveLength(40);
    expect(maxInAnyWindow(starts, 10_000)).toBeLessThanOrEqual(5);
  });

  it('follows the RateLimit-* headers: the server limit, and a pause until the reset when none remain', async () => {
    const limiter = new RequestLimiter({ limit: 100, windowMs: 60_000 });
    limiter.observe(new Headers({ 'ratelimit-limit': '3', 'ratelimit-remaining': '0', 'ratelimit-reset': '10' }));
    const { started, all } = queue(limiter, 4);
    await vi.advanceTimersByTimeAsync(9_999);
    expect(started).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(started).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(60_000);
    await all;
    expect(started[3]!.at - started[0]!.at).toBe(60_000);
  });

  it('drops a waiting request whose signal aborts, and lets the others through', async () => {
    const limiter = new RequestLimiter({ limit: 1, windowMs: 1_000 });
    await limiter.acquire();
    const controller = new AbortController();
    const aborted = limiter.acquire(controller.signal);
    const next = limiter.acquire();
    controller.abort(new Error('gave up'));
    await expect(aborted).rejects.toThrow('gave up');
    expect(limiter.pending).toBe(1);
    await vi.advanceTimersByTimeAsync(1_000);
    await expect(next).resolves.toBeUndefined();
  });
});
