// Several sandbox instances on one PostgreSQL database behave as one sandbox
// (issue #17): rate limits, invalid-attempt blocks, quota and idempotency
// keys are counted in the database, so requests sent at once to three
// instances are counted exactly, as one instance counts them.
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createSandbox } from '../../src/sandbox/in-process.ts';
import { openPostgresStore } from '../../src/sandbox/postgres/postgres-store.ts';
import { createSandboxServer, type Sandbox } from '../../src/sandbox/server.ts';
import { postgresForSuite, postgresMissing } from '../helpers/postgres.ts';
import type { Fixtures } from '../../src/fixtures/fixtures.ts';
import { demoKeys, demoTeams, fixturesFile, withoutResources } from '../helpers/sandbox.ts';

const ACME = 'a1c0ffee-0000-4000-8000-000000000001';
const content = (text: string) => ({ type: 'plaintext', content: text });

describe.skipIf(postgresMissing)('three instances on one PostgreSQL database', () => {
  const suite = postgresForSuite();
  const { open } = suite;

  /** Three instances on a new database, and a way to read it directly. */
  async function threeInstances(fixtures?: string, admin = false) {
    const db = await suite.server.createDatabase();
    const instances: Sandbox[] = [];
    // Started one after the other: each seeds the database (the same fixtures) as it starts.
    for (let i = 0; i < 3; i++) {
      instances.push(await (await createSandboxServer({ db, port: 0, host: '127.0.0.1', logLevel: 'silent', admin, ...(fixtures && { fixtures }) })).listen());
    }
    open.push(...instances);
    const client = new pg.Client({ connectionString: db });
    await client.connect();
    const scalar = async (sql: string, values: unknown[] = []) => {
      const { rows } = await client.query(sql, values);
      return Number(Object.values(rows[0]!)[0]);
    };
    /** Sends request `i` to instance i mod 3. */
    const send = (i: number, path: string, init: RequestInit = {}, key = demoKeys.acme) =>
      fetch(`${instances[i % 3]!.url}${path}`, { ...init, headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', ...(init.headers as object) } });
    return { db, instances, scalar, send, end: () => client.end() };
  }

  it('200 GETs at once with one key limited to 20 a minute: exactly 20 succeed, the rest 429 with Retry-After', async () => {
    const { send, end } = await threeInstances();
    const answers = await Promise.all(Array.from({ length: 200 }, (_, i) => send(i, '/api/prompts/tags')));
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(20);
    expect(statuses.filter((status) => status === 429)).toHaveLength(180);
    for (const answer of answers.filter((a) => a.status === 429)) expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
    await end();
  }, 60_000);

  it('120 creates at once with 50 requests of quota left: exactly 50 created, the quota at 0', async () => {
    const file = fixturesFile((f) => {
      withoutResources(f);
      f.workspaces.find((w) => w.id === ACME)!.remainingRequests = 50;
      for (const key of f.apiKeys) key.rateLimitPerMinute = 100_000;
    });
    const { send, scalar, end } = await threeInstances(file);
    const body = (i: number) => JSON.stringify({ title: `snippet ${i}`, content: content(`text ${i}`), teamId: demoTeams.platform });
    const answers = await Promise.all(Array.from({ length: 120 }, (_, i) => send(i, '/api/prompts/snippet', { method: 'POST', body: body(i) })));
    const bodies = await Promise.all(answers.map((answer) => answer.json() as Promise<{ code?: string }>));
    expect(answers.filter((answer) => answer.status === 201)).toHaveLength(50);
    expect(bodies.filter((b) => b.code === 'QUOTA_INSUFFICIENT')).toHaveLength(70);
    expect(await scalar('SELECT count(*) FROM snippets')).toBe(50);
    expect(await scalar('SELECT remaining_requests FROM workspaces WHERE id = $1', [ACME])).toBe(0);
    await end();
  }, 60_000);

  it('one Idempotency-Key sent to two instances at once: one snippet, the same answer twice', async () => {
    const file = fixturesFile((f) => (withoutResources(f), f.apiKeys.forEach((key) => (key.rateLimitPerMinute = 100_000))));
    const { send, scalar, end } = await threeInstances(file);
    const before = await scalar('SELECT remaining_requests FROM workspaces WHERE id = $1', [ACME]);
    for (let round = 0; round < 10; round++) {
      const init = { method: 'POST', headers: { 'idempotency-key': `once-${round}` }, body: JSON.stringify({ title: `t${round}`, content: content('x'), teamId: demoTeams.platform }) };
      const [first, second] = await Promise.all([send(0, '/api/prompts/snippet', init), send(1, '/api/prompts/snippet', init)]);
      expect([first!.status, second!.status]).toEqual([201, 201]);
      const [a, b] = [(await first!.json()) as { data: { id: string } }, (await second!.json()) as { data: { id: string } }];
      expect(a.data.id).toBe(b.data.id);
      expect([first!.headers.get('idempotent-replayed'), second!.headers.get('idempotent-replayed')].sort()).toEqual(['true', null].sort());
    }
    expect(await scalar('SELECT count(*) FROM snippets')).toBe(10);
    expect(await scalar('SELECT remaining_requests FROM workspaces WHERE id = $1', [ACME])).toBe(before - 10);
    await end();
  }, 60_000);

  it('invalid attempts spread over the instances block the key on every instance', async () => {
    const { send, end } = await threeInstances();
    const unknown = 'sk_test_notAKeyOfTheFixtures00000099';
    // The threshold is 20 (x-limits): 20 attempts at once, spread over the three, block the key everywhere.
    const attempts = await Promise.all(Array.from({ length: 20 }, (_, i) => send(i, '/api/prompts/tags', {}, unknown)));
    expect(attempts.every((answer) => answer.status === 401)).toBe(true);
    for (let i = 0; i < 3; i++) {
      const answer = await send(i, '/api/prompts/tags', {}, unknown);
      expect(answer.status).toBe(403);
      expect(((await answer.json()) as { code: string }).code).toBe('KEY_TEMPORARILY_BLOCKED');
      expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    await end();
  }, 60_000);

  it('a reset to other fixtures on one instance: within moments the others know only the new keys and teams', async () => {
    const { instances, send, end } = await threeInstances(fixturesFile((f) => f.apiKeys.forEach((key) => (key.rateLimitPerMinute = 100_000))), true);
    // Instance 1 has used the demo key: it knows it (and the teams) from now on.
    expect((await send(1, '/api/prompts/tags')).status).toBe(200);
    const research = '7ea40000-0000-4000-8000-0000000000a1';
    const newKey = 'sk_test_acmeResearchOnly0000000000a1';
    const next = JSON.parse(readFileSync(fixturesFile(() => {}), 'utf8')) as Fixtures;
    next.teams.push({ id: research, workspaceId: ACME, name: 'Research' });
    next.apiKeys = next.apiKeys.filter((key) => key.key !== demoKeys.acme);
    next.apiKeys.push({ key: newKey, workspaceId: ACME, teamIds: [research], status: 'active', expiresAt: null, rateLimitPerMinute: 100 });
    const reset = await fetch(`${instances[0]!.url}/__sandbox/reset`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ fixtures: next }) });
    expect(reset.status).toBe(200);
    // Announced with NOTIFY: within a moment, not at once.
    const deadline = Date.now() + 2000;
    while ((await send(1, '/api/prompts/tags')).status === 200 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    const revoked = await send(1, '/api/prompts/tags');
    expect([revoked.status, ((await revoked.json()) as { code: string }).code]).toEqual([401, 'AUTH_KEY_UNKNOWN']);
    // The new team is known there too: a snippet of it, made on instance 2, is found on instance 1.
    const made = await send(2, '/api/prompts/snippet', { method: 'POST', body: JSON.stringify({ title: 'new team', content: content('x'), teamId: research }) }, newKey);
    expect(made.status).toBe(201);
    const { data } = (await made.json()) as { data: { id: string } };
    expect((await send(1, `/api/prompts/snippet?id=${data.id}`, {}, newKey)).status).toBe(200);
    await end();
  }, 60_000);

  it('one clock: moved on one instance, every instance follows (a full rate window then has room again everywhere), the in-process sandbox too', async () => {
    const { db, instances, send, end } = await threeInstances(undefined, true);
    const answers = await Promise.all(Array.from({ length: 21 }, (_, i) => send(i, '/api/prompts/tags')));
    expect(answers.map((answer) => answer.status).sort()).toEqual([...Array(20).fill(200), 429]);
    const clockOf = async (sandbox: Sandbox) => ((await (await fetch(`${sandbox.url}/__sandbox/clock`)).json()) as { nowMs: number }).nowMs;
    const before = await clockOf(instances[1]!);
    const moved = await fetch(`${instances[0]!.url}/__sandbox/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ advanceMs: 61_000 }) });
    expect(moved.status).toBe(200);
    // Followed through LISTEN/NOTIFY: within a moment, not at once.
    for (const sandbox of instances) {
      const deadline = Date.now() + 2000;
      while ((await clockOf(sandbox)) < before + 61_000 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
      expect(await clockOf(sandbox)).toBeGreaterThanOrEqual(before + 61_000);
    }
    for (let i = 0; i < 3; i++) expect((await send(i, '/api/prompts/tags')).status).toBe(200);
    // A new instance starts at the shared time too.
    const late = await (await createSandboxServer({ db, port: 0, host: '127.0.0.1', logLevel: 'silent', admin: true })).listen();
    open.push(late);
    expect(await clockOf(late)).toBeGreaterThanOrEqual(before + 61_000);

    // The in-process sandbox on the same database keeps the same clock: it starts at the shared time, and its moves reach the servers.
    const inProcess = await createSandbox({ store: await openPostgresStore({ url: db }) });
    try {
      expect(inProcess.clock.now()).toBeGreaterThanOrEqual(before + 61_000);
      const target = (await clockOf(late)) + 3_600_000;
      inProcess.clock.advance(target - inProcess.clock.now());
      await inProcess.clockSettled();
      const deadline = Date.now() + 2000;
      while ((await clockOf(late)) < target && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
      expect(await clockOf(late)).toBeGreaterThanOrEqual(target);
    } finally {
      await inProcess.close();
    }
    // A clock of the caller's own cannot be shared: refused, by name.
    const store = await openPostgresStore({ url: db });
    await expect(createSandbox({ store, clock: { now: Date.now, advance() {}, set() {} } })).rejects.toThrow(/keep one clock/);
    await store.close();
    await end();
  }, 60_000);
});
