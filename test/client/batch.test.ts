import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { limits } from '../../generated/limits.js';
import { batchDelete, batchGetSnippets, batchWrite, createSnippetsClient, QuotaError, type ClientEvent } from '../../src/client/index.ts';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { demoKeys, demoTeams, fixtures, fixturesFile, startSandbox } from '../helpers/sandbox.ts';

let sandbox: Sandbox;
const content = { type: 'plaintext' as const, content: 'x' };

beforeAll(async () => {
  sandbox = await startSandbox({ fixtures: fixturesFile((f) => f.apiKeys.forEach((k) => (k.rateLimitPerMinute = 100_000))) });
});
afterAll(() => sandbox?.close());

describe('the batch helpers', () => {
  it('split 250 items into calls of at most 100 and merge items, per-item errors (re-indexed) and counts', async () => {
    const events: ClientEvent[] = [];
    const api = createSnippetsClient({ baseUrl: sandbox.url, apiKey: demoKeys.acme, onEvent: (e) => events.push(e) });
    const items = Array.from({ length: 250 }, (_, i) => ({ title: `batch ${i}`, content, teamId: i === 130 ? demoTeams.legal : demoTeams.platform }));
    const run = await batchWrite(api, 'createSnippets', items);
    expect(run.calls).toBe(Math.ceil(250 / limits.maxBatchItems));
    expect(events.filter((e) => e.type === 'request').length).toBe(3);
    expect(run.items).toHaveLength(249);
    expect(run.errors.map((e) => [e.index, e.code])).toEqual([[130, 'TEAM_ACCESS_DENIED']]);
    expect(run.metadata).toEqual({ requestedCount: 250, succeededCount: 249, failedCount: 1 });
    expect(run.usageDeducted).toBe(249);
    expect(run.error).toBeUndefined();

    const ids = run.items.map((s) => s.id);
    const read = await batchGetSnippets(api, ids);
    expect([read.calls, read.snippets.length, read.metadata.accessibleCount]).toEqual([3, 249, 249]);
    expect(read.snippets.map((s) => s.id)).toEqual(ids);

    const deleted = await batchDelete(api, 'deleteSnippets', ids);
    expect([deleted.calls, deleted.deletedIds.length, deleted.metadata.deletedCount, deleted.metadata.missingCount]).toEqual([3, 249, 249, 0]);
  });

  it('read every page of a call whose snippets do not fit one page, counting each call once', async () => {
    const api = createSnippetsClient({ baseUrl: sandbox.url, apiKey: demoKeys.acme });
    const big = { type: 'plaintext' as const, content: 'b'.repeat(50_000) };
    const ids: string[] = [];
    // One per call: three would pass the 1 MiB body limit.
    for (let i = 0; i < 3; i++) {
      const item = { title: `big ${i}`, content: big, teamId: demoTeams.platform, additionalVariations: Array.from({ length: 8 }, (_, v) => ({ variationName: `v${v}`, content: big })) };
      ids.push(...(await batchWrite(api, 'createSnippets', [item])).items.map((s) => s.id));
    }
    expect(ids).toHaveLength(3);
    // About 0.45 MB each: two fit a page of 1 MiB, the third needs a second page.
    const read = await batchGetSnippets(api, ids);
    expect(read.error).toBeUndefined();
    expect(read.snippets.map((s) => s.id)).toEqual(ids);
    expect(read.calls).toBe(2);
    expect(read.metadata).toEqual({ requestedCount: 3, foundCount: 3, accessibleCount: 3, inaccessibleCount: 0, missingCount: 0 });
    expect(read.usageDeducted).toBe(3);
  });

  it('stop at a call that fails as a whole, and say how much was not sent', async () => {
    const hooli = fixtures.teams.find((t) => t.name === 'Hooli Main')!.id;
    const api = createSnippetsClient({ baseUrl: sandbox.url, apiKey: demoKeys.noQuota, retry: false });
    const run = await batchWrite(api, 'createTags', Array.from({ length: 150 }, (_, i) => ({ tagName: `t${i}`, teamId: hooli })));
    expect(run.error).toBeInstanceOf(Error);
    expect(run.error?.constructor.name).toBe('BatchError');
    expect(run.error).not.toBeInstanceOf(QuotaError);
    expect([run.calls, run.unsent, run.items.length]).toEqual([1, 150, 0]);
  });
});
