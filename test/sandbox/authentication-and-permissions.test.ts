import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { ContractClient, demoKeys, demoTeams, startSandbox } from '../helpers/sandbox.ts';

let sandbox: Sandbox;
let api: ContractClient;
const content = { type: 'plaintext', content: 'Hello' };
const getSnippet = (id: string, key?: string | null, headers?: Record<string, string>) =>
  api.send('getSnippet', 'GET', '/api/prompts/snippet', { query: { id }, ...(key !== undefined && { key }), ...(headers && { headers }) });

beforeAll(async () => {
  sandbox = await startSandbox();
  api = new ContractClient(sandbox.url, demoKeys.acme);
});
afterAll(() => sandbox?.close());

describe('authentication', () => {
  it.each([
    ['no Authorization header', { key: null }, 'AUTH_HEADER_MISSING'],
    ['a Basic header', { key: null, headers: { authorization: 'Basic dXNlcjpwYXNz' } }, 'AUTH_KEY_MALFORMED'],
    ['a key of the wrong form', { key: 'not-a-key' }, 'AUTH_KEY_MALFORMED'],
    ['a key nobody issued', { key: 'sk_test_nobodyIssuedThisKey00000000' }, 'AUTH_KEY_UNKNOWN'],
    ['an inactive key', { key: demoKeys.inactive }, 'AUTH_KEY_INACTIVE'],
    ['a deleted key', { key: demoKeys.deleted }, 'AUTH_KEY_DELETED'],
    ['an expired key', { key: demoKeys.expired }, 'AUTH_KEY_EXPIRED'],
  ] as const)('answers 401 to %s with its own code', async (_name, init, code) => {
    const answer = await getSnippet(randomUUID(), init.key, 'headers' in init ? init.headers : undefined);
    expect([answer.status, answer.body.code]).toEqual([401, code]);
  });

  it('stores keys as hashes only', () => {
    const rows = sandbox.db.prepare('SELECT * FROM api_keys').all() as Array<Record<string, unknown>>;
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain(demoKeys.acme);
    for (const row of rows) expect(row.key_hash).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('permissions', () => {
  it('answers 403 TEAM_ACCESS_DENIED for a team of the workspace that the key lacks', async () => {
    const answer = await api.send('createSnippet', 'POST', '/api/prompts/snippet', { body: { title: 'x', content, teamId: demoTeams.legal } });
    expect([answer.status, answer.body.code]).toEqual([403, 'TEAM_ACCESS_DENIED']);
  });

  it("answers 403 WORKSPACE_MISMATCH for another workspace's team, and the same for a team that does not exist", async () => {
    for (const teamId of [demoTeams.globex, randomUUID()]) {
      const answer = await api.send('createFolder', 'POST', '/api/prompts/folder', { body: { folderName: 'x', teamId } });
      expect([answer.status, answer.body.code, answer.body.message]).toEqual([403, 'WORKSPACE_MISMATCH', "The team is not in this API key's workspace"]);
    }
  });

  it('answers 403 SUBSCRIPTION_INACTIVE for a workspace whose subscription lapsed', async () => {
    const answer = await api.send('getTags', 'GET', '/api/prompts/tags', { key: demoKeys.lapsed });
    expect([answer.status, answer.body.code]).toEqual([403, 'SUBSCRIPTION_INACTIVE']);
  });

  it("never reveals another workspace's snippet: not its content, not its existence", async () => {
    const globex = new ContractClient(sandbox.url, demoKeys.globex);
    const theirs = await globex.send('createSnippet', 'POST', '/api/prompts/snippet', {
      body: { title: 'Globex secret', content, teamId: demoTeams.globex },
    });
    const id = theirs.body.data.id;
    const strip = ({ requestId: _r, ...rest }: Record<string, unknown>) => rest;
    const existing = await getSnippet(id);
    const unknown = await getSnippet(randomUUID());
    expect(existing.status).toBe(404);
    expect(strip(existing.body)).toEqual(strip(unknown.body));
    for (const [operationId, method] of [['updateSnippet', 'PUT'], ['deleteSnippet', 'DELETE']] as const) {
      const answer = await api.send(operationId, method, '/api/prompts/snippet', { query: { id }, ...(method === 'PUT' && { body: { title: 'mine now' } }) });
      expect([answer.status, answer.body.code]).toEqual([404, 'SNIPPET_NOT_FOUND']);
    }
    const batch = await api.send('getSnippets', 'GET', '/api/prompts/snippets', { query: { ids: id } });
    expect(batch.body.data).toEqual([]);
    expect(batch.body.metadata).toMatchObject({ foundCount: 0, missingCount: 1, inaccessibleCount: 0 });
    // Still there, unchanged, for its owner.
    const again = await globex.send('getSnippet', 'GET', '/api/prompts/snippet', { query: { id } });
    expect(again.body.data.title).toBe('Globex secret');
  });
});

describe('the invalid-attempt block', () => {
  it('blocks a key for block-seconds after the threshold of invalid attempts, with Retry-After', async () => {
    const strict = await startSandbox({ blockThreshold: 3, blockSeconds: 300 });
    try {
      const client = new ContractClient(strict.url, demoKeys.acme);
      const unknownKey = 'sk_test_someoneGuessingKeys000000001';
      for (let i = 0; i < 3; i++) {
        const answer = await client.send('getTags', 'GET', '/api/prompts/tags', { key: unknownKey });
        expect(answer.body.code).toBe('AUTH_KEY_UNKNOWN');
      }
      const blocked = await client.send('getTags', 'GET', '/api/prompts/tags', { key: unknownKey });
      expect([blocked.status, blocked.body.code]).toEqual([403, 'KEY_TEMPORARILY_BLOCKED']);
      expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(290);
      expect(Number(blocked.headers.get('retry-after'))).toBeLessThanOrEqual(300);

      // A valid key that keeps asking for a team it lacks is blocked too; other keys are not.
      for (let i = 0; i < 3; i++) {
        const denied = await client.send('createTag', 'POST', '/api/prompts/tag', { body: { tagName: 'x', teamId: demoTeams.legal } });
        expect(denied.body.code).toBe('TEAM_ACCESS_DENIED');
      }
      const self = await client.send('getTags', 'GET', '/api/prompts/tags');
      expect([self.status, self.body.code]).toEqual([403, 'KEY_TEMPORARILY_BLOCKED']);
      const other = await client.send('getTags', 'GET', '/api/prompts/tags', { key: demoKeys.globex });
      expect(other.status).toBe(200);
    } finally {
      await strict.close();
    }
  });

  it('lifts the block after block-seconds', async () => {
    let now = Date.parse('2026-11-25T12:00:00Z');
    const strict = await startSandbox({ blockThreshold: 2, blockSeconds: 300, now: () => now });
    try {
      const client = new ContractClient(strict.url);
      const key = 'sk_test_someoneGuessingKeys000000002';
      await client.send('getTags', 'GET', '/api/prompts/tags', { key });
      await client.send('getTags', 'GET', '/api/prompts/tags', { key });
      expect((await client.send('getTags', 'GET', '/api/prompts/tags', { key })).body.code).toBe('KEY_TEMPORARILY_BLOCKED');
      now += 301_000;
      expect((await client.send('getTags', 'GET', '/api/prompts/tags', { key })).body.code).toBe('AUTH_KEY_UNKNOWN');
    } finally {
      await strict.close();
    }
  });
});
