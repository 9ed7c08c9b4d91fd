// Reads on PostgreSQL (issue #17): read-only operations run without the lock,
// checked against the data version when they are charged, from a per-instance
// cache of snippet reads, and while their request is still being counted.
// Several instances on one database must still answer as one sandbox: what
// one instance kept is never served after another changed it; a request the
// rate limit refuses costs no quota and is no invalid attempt; the quota of
// reads and writes mixed is exact.
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Fixtures } from '../../src/fixtures/fixtures.ts';
import { storedFixtures } from '../../src/sandbox/core/sandbox-core.ts';
import { openPostgresStore } from '../../src/sandbox/postgres/postgres-store.ts';
import { createSandboxServer, type Sandbox } from '../../src/sandbox/server.ts';
import { postgresForSuite, postgresMissing } from '../helpers/postgres.ts';
import { demoKeys, demoTeams, fixturesFile } from '../helpers/sandbox.ts';

const ACME = 'a1c0ffee-0000-4000-8000-000000000001';
/** A key of Acme with every team and no practical rate limit, to set the scene. */
const SETUP_KEY = 'sk_test_setupAcmeAllTeams0000000000001';
const content = (text: string) => ({ type: 'plaintext', content: text });
const fixtures = JSON.parse(readFileSync(new URL('../../fixtures/demo.json', import.meta.url), 'utf8')) as Fixtures;

describe.skipIf(postgresMissing)('reads on PostgreSQL, three instances on one database', () => {
  const suite = postgresForSuite();
  const { open } = suite;

  /** Three instances (with the admin API) on a new database; the demo key limited to `rateLimit` a minute. */
  async function threeInstances(rateLimit = 100_000) {
    const fixtures = fixturesFile((f) => {
      for (const key of f.apiKeys) key.rateLimitPerMinute = 100_000;
      f.apiKeys.find((key) => key.key === demoKeys.acme)!.rateLimitPerMinute = rateLimit;
      f.apiKeys.push({ key: SETUP_KEY, workspaceId: ACME, teamIds: [demoTeams.platform, demoTeams.support, demoTeams.legal], status: 'active', expiresAt: null, rateLimitPerMinute: 100_000 });
    });
    const db = await suite.server.createDatabase();
    const instances: Sandbox[] = [];
    for (let i = 0; i < 3; i++) instances.push(await (await createSandboxServer({ db, port: 0, host: '127.0.0.1', logLevel: 'silent', admin: true, fixtures })).listen());
    open.push(...instances);
    const client = new pg.Client({ connectionString: db });
    await client.connect();
    const quota = async () => Number((await client.query('SELECT remaining_requests FROM workspaces WHERE id = $1', [ACME])).rows[0].remaining_requests);
    /** Sends a request to instance i mod 3; answers status and body. */
    const send = async (i: number, path: string, init: RequestInit = {}, key = demoKeys.acme) => {
      const answer = await fetch(`${instances[i % 3]!.url}${path}`, { ...init, headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' } });
      return { status: answer.status, retryAfter: answer.headers.get('retry-after'), body: (await answer.json()) as { code?: string; data?: { id: string; title: string } } };
    };
    const create = async (teamId: string, title: string) =>
      (await send(0, '/api/prompts/snippet', { method: 'POST', body: JSON.stringify({ title, content: content('x'), teamId }) }, SETUP_KEY)).body.data!.id;
    return { instances, quota, send, create, end: () => client.end() };
  }

  it('a read-only transaction that writes runs with the lock: its write is kept, and rolled back with it when it fails', async () => {
    const store = await openPostgresStore({ url: await suite.server.createDatabase() });
    try {
      await store.seed(storedFixtures(fixtures, (text) => createHash('sha256').update(text).digest('hex')));
      const kept = await store.transaction(async (tx) => tx.folders.create(demoTeams.platform, { name: 'kept' }, '2026-05-01T00:00:00.000Z'), true);
      await expect(
        store.transaction(async (tx) => {
          await tx.folders.create(demoTeams.platform, { name: 'dropped' }, '2026-05-01T00:00:00.000Z');
          throw new Error('failed after the write');
        }, true),
      ).rejects.toThrow('failed after the write');
      const names = await store.transaction(async (tx) => (await tx.folders.ofTeam(demoTeams.platform, undefined, 10)).map((folder) => folder.name), true);
      expect(names).toEqual(['kept']);
      expect(kept.name).toBe('kept');
    } finally {
      await store.close();
    }
  }, 60_000);

  it('a snippet kept by one instance is never served once another instance changed or deleted it', async () => {
    const { send, create, end } = await threeInstances();
    const id = await create(demoTeams.platform, 'first');
    // Read twice on instance 0: the second answer comes from what it kept.
    for (let n = 0; n < 2; n++) expect((await send(0, `/api/prompts/snippet?id=${id}`)).body.data!.title).toBe('first');
    for (let round = 0; round < 5; round++) {
      const title = `changed ${round}`;
      expect((await send(1, `/api/prompts/snippet?id=${id}`, { method: 'PUT', body: JSON.stringify({ title }) })).status).toBe(200);
      expect((await send(0, `/api/prompts/snippet?id=${id}`)).body.data!.title).toBe(title);
    }
    expect((await send(2, `/api/prompts/snippet?id=${id}`, { method: 'DELETE' })).status).toBe(200);
    const gone = await send(0, `/api/prompts/snippet?id=${id}`);
    expect([gone.status, gone.body.code]).toEqual([404, 'RESOURCE_DELETED']);
    await end();
  }, 60_000);

  it('reads and writes at once on three instances: every read sees a whole state, and the quota spent is exactly what was answered', async () => {
    const { send, create, quota, end } = await threeInstances();
    const id = await create(demoTeams.platform, 'title 0');
    const before = await quota();
    const titles = new Set(['title 0']);
    const requests = Array.from({ length: 90 }, (_, i) => {
      if (i % 6 !== 5) return send(i, `/api/prompts/snippet?id=${id}`);
      const title = `title ${i}`;
      titles.add(title);
      return send(i + 1, `/api/prompts/snippet?id=${id}`, { method: 'PUT', body: JSON.stringify({ title }) });
    });
    const answers = await Promise.all(requests);
    expect(answers.map((answer) => answer.status)).toEqual(Array(90).fill(200));
    for (const answer of answers) expect(titles).toContain(answer.body.data!.title);
    // Each read and each update costs 1: none charged twice (a read run again after a write) nor lost.
    expect(before - (await quota())).toBe(90);
    await end();
  }, 60_000);

  it('requests over the rate limit are answered 429, charge no quota, and their operation\'s refusal is no invalid attempt', async () => {
    const { send, create, quota, instances, end } = await threeInstances(5);
    const mine = await create(demoTeams.platform, 'mine');
    const legal = await create(demoTeams.legal, 'not for this key');
    const before = await quota();
    const reads = await Promise.all(Array.from({ length: 30 }, (_, i) => send(i, `/api/prompts/snippet?id=${mine}`)));
    expect(reads.filter((answer) => answer.status === 200)).toHaveLength(5);
    const refused = reads.filter((answer) => answer.status === 429);
    expect(refused).toHaveLength(25);
    for (const answer of refused) expect(Number(answer.retryAfter)).toBeGreaterThan(0);
    expect(before - (await quota())).toBe(5);

    // A new window; then 30 reads of a team the key lacks: 5 refused for the team (invalid attempts), 25 by the rate limit.
    const advance = (ms: number) => fetch(`${instances[0]!.url}/__sandbox/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ advanceMs: ms }) });
    await advance(61_000);
    const denied = await Promise.all(Array.from({ length: 30 }, () => send(0, `/api/prompts/snippet?id=${legal}`)));
    expect(denied.filter((answer) => answer.body.code === 'TEAM_ACCESS_DENIED')).toHaveLength(5);
    expect(denied.filter((answer) => answer.status === 429)).toHaveLength(25);
    // 30 invalid attempts would have blocked the key (threshold 20); 5 do not.
    await advance(61_000);
    expect((await send(0, `/api/prompts/snippet?id=${legal}`)).body.code).toBe('TEAM_ACCESS_DENIED');
    // Over the limit, a request that validation would refuse gets 429 first, as it always did.
    await Promise.all(Array.from({ length: 4 }, () => send(0, `/api/prompts/snippet?id=${mine}`)));
    const invalid = await send(0, '/api/prompts/snippet?id=not-an-id');
    expect(invalid.status).toBe(429);
    await end();
  }, 60_000);
});
