import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { ContractClient, demoKeys, demoTeams, fixtures, fixturesFile, startSandbox, withoutResources } from '../helpers/sandbox.ts';

const content = { type: 'plaintext', content: 'Hello' };
const acmeWorkspace = fixtures.workspaces.find((w) => w.name === 'Acme')!.id;

let sandbox: Sandbox;
let api: ContractClient;
const remaining = () =>
  (sandbox.db.prepare('SELECT remaining_requests AS r FROM workspaces WHERE id = ?').get(acmeWorkspace) as { r: number }).r;
const snippetCount = () => (sandbox.db.prepare('SELECT COUNT(*) AS n FROM snippets').get() as { n: number }).n;

beforeAll(async () => {
  const file = fixturesFile((f) => f.apiKeys.forEach((k) => (k.rateLimitPerMinute = 100_000)));
  sandbox = await startSandbox({ fixtures: file });
  api = new ContractClient(sandbox.url, demoKeys.acme);
});
afterAll(() => sandbox?.close());

const createSnippet = async (title = 'x', extra: Record<string, unknown> = {}) =>
  (await api.send('createSnippet', 'POST', '/api/prompts/snippet', { body: { title, content, teamId: demoTeams.platform, ...extra } })).body.data;

describe('quota', () => {
  it('deducts exactly the documented cost, and reports it in usage', async () => {
    const folder = (await api.send('createFolder', 'POST', '/api/prompts/folder', { body: { folderName: 'Costs', teamId: demoTeams.platform } })).body.data;
    const ids = [(await createSnippet('a', { folderId: folder.id })).id, (await createSnippet('b', { folderId: folder.id })).id, (await createSnippet('c')).id];
    const cases: Array<[string, () => Promise<{ body: any }>, number]> = [
      ['getSnippet: 1', () => api.send('getSnippet', 'GET', '/api/prompts/snippet', { query: { id: ids[0]! } }), 1],
      ['getSnippets: N found', () => api.send('getSnippets', 'GET', '/api/prompts/snippets', { query: { ids: [...ids, randomUUID()].join(',') } }), 3],
      ['getFolder: 1 + N snippets', () => api.send('getFolder', 'GET', '/api/prompts/folder', { query: { id: folder.id } }), 3],
      ['createSnippets: N created', () => api.send('createSnippets', 'POST', '/api/prompts/snippets', { body: { snippets: [1, 2, 3, 4].map((n) => ({ title: `s${n}`, content, teamId: demoTeams.platform })) } }), 4],
      ['deleteSnippets: N deleted', () => api.send('deleteSnippets', 'DELETE', '/api/prompts/snippets', { query: { ids: [ids[2]!, randomUUID()].join(',') } }), 1],
    ];
    for (const [name, call, cost] of cases) {
      const before = remaining();
      const answer = await call();
      expect(answer.body.usage, name).toEqual({ remainingRequests: before - cost, usageDeducted: cost });
      expect(remaining(), name).toBe(before - cost);
    }
  });

  it('charges nothing for a failed call', async () => {
    const before = remaining();
    const answer = await api.send('getSnippet', 'GET', '/api/prompts/snippet', { query: { id: randomUUID() } });
    expect(answer.status).toBe(404);
    expect(remaining()).toBe(before);
  });

  it('refuses a call whose cost exceeds what remains, with usage, and writes nothing', async () => {
    const client = new ContractClient(sandbox.url, demoKeys.noQuota);
    const hooliTeam = fixtures.teams.find((t) => t.name === 'Hooli Main')!.id;
    const before = snippetCount();
    const single = await client.send('createSnippet', 'POST', '/api/prompts/snippet', { body: { title: 'x', content, teamId: hooliTeam } });
    expect([single.status, single.body.code, single.body.usage]).toEqual([403, 'QUOTA_INSUFFICIENT', { remainingRequests: 0, requiredRequests: 1 }]);
    const batch = await client.send('createSnippets', 'POST', '/api/prompts/snippets', {
      body: { snippets: [1, 2, 3].map((n) => ({ title: `b${n}`, content, teamId: hooliTeam })) },
    });
    expect([batch.status, batch.body.code, batch.body.usage]).toEqual([403, 'BATCH_QUOTA_INSUFFICIENT', { remainingRequests: 0, requiredRequests: 3 }]);
    expect(snippetCount()).toBe(before);
  });

  it('is all or nothing for a batch the quota cannot pay in full', async () => {
    const file = fixturesFile((f) => {
      withoutResources(f);
      f.workspaces.find((w) => w.id === acmeWorkspace)!.remainingRequests = 5;
    });
    const small = await startSandbox({ fixtures: file });
    try {
      const client = new ContractClient(small.url, demoKeys.acme);
      const answer = await client.send('createSnippets', 'POST', '/api/prompts/snippets', {
        body: { snippets: Array.from({ length: 8 }, (_, n) => ({ title: `b${n}`, content, teamId: demoTeams.platform })) },
      });
      expect([answer.status, answer.body.usage]).toEqual([403, { remainingRequests: 5, requiredRequests: 8 }]);
      expect((small.db.prepare('SELECT COUNT(*) AS n FROM snippets').get() as { n: number }).n).toBe(0);
      expect((small.db.prepare('SELECT COUNT(*) AS n FROM variations').get() as { n: number }).n).toBe(0);
    } finally {
      await small.close();
    }
  });

  it('never goes below zero under concurrent spending, and drops by exactly what the successes cost', async () => {
    const file = fixturesFile((f) => {
      withoutResources(f);
      f.workspaces.find((w) => w.id === acmeWorkspace)!.remainingRequests = 97;
      f.apiKeys.forEach((k) => (k.rateLimitPerMinute = 100_000));
    });
    const small = await startSandbox({ fixtures: file });
    try {
      const client = new ContractClient(small.url, demoKeys.acme);
      const calls = Array.from({ length: 120 }, (_, n) =>
        n % 4 === 0
          ? client.send('createSnippets', 'POST', '/api/prompts/snippets', {
              body: { snippets: [1, 2, 3].map((i) => ({ title: `c${n}-${i}`, content, teamId: demoTeams.platform })) },
            })
          : client.send('createSnippet', 'POST', '/api/prompts/snippet', { body: { title: `c${n}`, content, teamId: demoTeams.platform } }),
      );
      const answers = await Promise.all(calls);
      const spent = answers.filter((a) => a.status < 300).reduce((sum, a) => sum + a.body.usage.usageDeducted, 0);
      const refused = answers.filter((a) => a.status >= 300);
      for (const answer of refused) expect(['QUOTA_INSUFFICIENT', 'BATCH_QUOTA_INSUFFICIENT']).toContain(answer.body.code);
      const left = (small.db.prepare('SELECT remaining_requests AS r FROM workspaces WHERE id = ?').get(acmeWorkspace) as { r: number }).r;
      expect(left).toBeGreaterThanOrEqual(0);
      expect(97 - left).toBe(spent);
      expect((small.db.prepare('SELECT COUNT(*) AS n FROM snippets').get() as { n: number }).n).toBe(spent);
      expect(refused.length).toBeGreaterThan(0);
    } finally {
      await small.close();
    }
  });
});

describe('idempotency', () => {
  it('runs a POST once per Idempotency-Key: the repeat returns the first response and costs nothing', async () => {
    const headers = { 'idempotency-key': randomUUID() };
    const body = { title: 'once', content, teamId: demoTeams.platform };
    const before = snippetCount();
    const first = await api.send('createSnippet', 'POST', '/api/prompts/snippet', { body, headers });
    const spentAfterFirst = remaining();
    const again = await api.send('createSnippet', 'POST', '/api/prompts/snippet', { body: { teamId: body.teamId, content, title: 'once' }, headers });
    expect(again.status).toBe(first.status);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(remaining()).toBe(spentAfterFirst);
    expect(snippetCount()).toBe(before + 1);
  });

  it('keeps keys per API key: a key of another workspace may use the same key', async () => {
    const key = randomUUID();
    const mine = await api.send('createTag', 'POST', '/api/prompts/tag', { body: { tagName: 'a', teamId: demoTeams.platform }, headers: { 'idempotency-key': key } });
    const globex = new ContractClient(sandbox.url, demoKeys.globex);
    const theirs = await globex.send('createTag', 'POST', '/api/prompts/tag', { body: { tagName: 'b', teamId: demoTeams.globex }, headers: { 'idempotency-key': key } });
    expect([mine.status, theirs.status]).toEqual([201, 201]);
    expect(theirs.body.data.id).not.toBe(mine.body.data.id);
  });
});
