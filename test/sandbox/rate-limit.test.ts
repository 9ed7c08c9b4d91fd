import { parseOptions } from '../../src/sandbox/cli-options.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { ContractClient, demoKeys, fixtures, fixturesFile, startSandbox } from '../helpers/sandbox.ts';

describe('the per-key rate limit', () => {
  let now = Date.parse('2026-11-25T12:00:00Z');
  let sandbox: Sandbox;
  let api: ContractClient;
  beforeAll(async () => {
    sandbox = await startSandbox({ now: () => now });
    api = new ContractClient(sandbox.url, demoKeys.acme);
  });
  afterAll(() => sandbox?.close());

  it('lets exactly 20 of 200 simultaneous requests through; the rest get 429 with Retry-After', async () => {
    const answers = await Promise.all(Array.from({ length: 200 }, () => api.send('getTags', 'GET', '/api/prompts/tags')));
    const ok = answers.filter((a) => a.status === 200);
    const limited = answers.filter((a) => a.status === 429);
    expect([ok.length, limited.length]).toEqual([20, 180]);
    for (const answer of limited) {
      expect(answer.body.code).toBe('RATE_LIMIT_EXCEEDED');
      const retryAfter = Number(answer.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(answer.headers.get('ratelimit-limit')).toBe('20');
      expect(answer.headers.get('ratelimit-remaining')).toBe('0');
    }
    expect(ok.map((a) => Number(a.headers.get('ratelimit-remaining'))).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it('is a rolling window: places come back as the oldest requests age out', async () => {
    now += 59_000;
    expect((await api.send('getTags', 'GET', '/api/prompts/tags')).status).toBe(429);
    now += 1_000;
    expect((await api.send('getTags', 'GET', '/api/prompts/tags')).status).toBe(200);
  });

  it('keeps keys apart, and honours a per-key limit from the fixtures', async () => {
    const other = await api.send('getTags', 'GET', '/api/prompts/tags', { key: demoKeys.globex });
    expect(other.status).toBe(200);
    expect(other.headers.get('ratelimit-limit')).toBe('20');
  });
});

describe('rate limit flags', () => {
  it('--rate-limit and --rate-window-seconds apply to keys without their own limit', async () => {
    const file = fixturesFile((f) => f.apiKeys.forEach((k) => (k.rateLimitPerMinute = null)));
    const sandbox = await startSandbox({ fixtures: file, rateLimit: 3, rateWindowSeconds: 10 });
    try {
      const api = new ContractClient(sandbox.url, demoKeys.acme);
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await api.send('getTags', 'GET', '/api/prompts/tags')).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      const last = await api.send('getTags', 'GET', '/api/prompts/tags');
      expect(Number(last.headers.get('retry-after'))).toBeLessThanOrEqual(10);
    } finally {
      await sandbox.close();
    }
  });

  it('an explicit --rate-limit applies to every key, the fixtures\' own limits included (it is how a quick test lifts or lowers them)', async () => {
    expect(parseOptions(['--rate-limit', '3'], {})).toEqual({ rateLimitForEveryKey: 3 });
    expect(parseOptions([], { SNIPPETS_SANDBOX_RATE_LIMIT: '3' })).toEqual({ rateLimitForEveryKey: 3 });
    // The demo keys have their own limits in the fixtures (20, and 100 000 for one): the flag wins over both.
    const sandbox = await startSandbox({ rateLimitForEveryKey: 3 });
    try {
      const roomiest = fixtures.apiKeys.reduce((a, b) => ((b.rateLimitPerMinute ?? 0) > (a.rateLimitPerMinute ?? 0) ? b : a));
      expect(roomiest.rateLimitPerMinute).toBeGreaterThan(1000);
      for (const key of [demoKeys.acme, roomiest.key]) {
        const api = new ContractClient(sandbox.url, key);
        const statuses = [];
        for (let i = 0; i < 4; i++) statuses.push((await api.send('getTags', 'GET', '/api/prompts/tags')).status);
        expect(statuses).toEqual([200, 200, 200, 429]);
      }
    } finally {
      await sandbox.close();
    }
  });
});
