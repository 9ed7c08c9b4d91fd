// The PostgreSQL store when things go wrong (issue #17): an instance killed
// in the middle of 100-item batches leaves each batch whole or absent, with
// the quota agreeing; a database restarted under load is answered 503
// SERVICE_UNAVAILABLE with Retry-After while it is away, never 500, and the
// same instance serves again once it is back, without a restart.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandboxServer, type Sandbox } from '../../src/sandbox/server.ts';
import { postgresMissing, startPostgres, type TestPostgres } from '../helpers/postgres.ts';
import { startSandboxProcess, type RunningSandbox } from '../helpers/processes.ts';
import { demoKeys, demoTeams, fixtures, fixturesFile, withoutResources } from '../helpers/sandbox.ts';

const ACME = fixtures.apiKeys.find((k) => k.key === demoKeys.acme)!.workspaceId;
const INITIAL_QUOTA = 10_000_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const headers = { authorization: `Bearer ${demoKeys.acme}`, 'content-type': 'application/json' };
const batch = (label: string) =>
  JSON.stringify({ snippets: Array.from({ length: 100 }, (_, i) => ({ title: `${label}-${i}`, content: { type: 'plaintext', content: 'x' }, teamId: demoTeams.platform })) });

describe.skipIf(postgresMissing)('the PostgreSQL store when things fail', () => {
  let postgres: TestPostgres;
  beforeAll(async () => {
    postgres = await startPostgres();
  }, 60_000);
  afterAll(async () => {
    await postgres?.destroy();
  });

  it('an instance killed (SIGKILL) during 100-item batches: each batch is all there or absent, every answered one there, the quota agrees', async () => {
    const db = await postgres.createDatabase();
    const file = fixturesFile((f) => {
      withoutResources(f);
      f.workspaces.find((w) => w.id === ACME)!.remainingRequests = INITIAL_QUOTA;
      for (const key of f.apiKeys) key.rateLimitPerMinute = 1_000_000;
    });
    const answered = new Set<string>();
    let sent = 0;
    for (let cycle = 0; cycle < 4; cycle++) {
      const victim: RunningSandbox = await startSandboxProcess(['--port', '0', '--db', db, '--fixtures', file, '--log-level', 'silent']);
      const clients = [0, 1, 2].map(async (client) => {
        for (let round = 0; ; round++) {
          const label = `c${cycle}-k${client}-r${round}`;
          sent++;
          try {
            const answer = await fetch(`${victim.url}/api/prompts/snippets`, { method: 'POST', headers, body: batch(label) });
            if (answer.status === 201) answered.add(label);
            else throw new Error(`batch ${label}: ${answer.status} ${await answer.text()}`);
          } catch (error) {
            if ((error as Error).message.startsWith('batch')) throw error;
            return; // the instance is gone
          }
        }
      });
      await sleep(300 + cycle * 400);
      victim.child.kill('SIGKILL');
      await victim.exited;
      await Promise.all(clients);
    }
    const client = new pg.Client({ connectionString: db });
    await client.connect();
    const { rows } = await client.query<{ label: string; n: number }>(
      `SELECT split_part(title, '-', 1) || '-' || split_part(title, '-', 2) || '-' || split_part(title, '-', 3) AS label, count(*)::int AS n FROM snippets GROUP BY 1`,
    );
    const quota = Number((await client.query('SELECT remaining_requests FROM workspaces WHERE id = $1', [ACME])).rows[0].remaining_requests);
    const variations = Number((await client.query('SELECT count(*) FROM variations')).rows[0].count);
    await client.end();
    expect(rows.every((row) => row.n === 100), JSON.stringify(rows.filter((row) => row.n !== 100))).toBe(true);
    const stored = new Set(rows.map((row) => row.label));
    for (const label of answered) expect(stored.has(label), label).toBe(true);
    expect(quota).toBe(INITIAL_QUOTA - 100 * rows.length);
    expect(variations).toBe(100 * rows.length);
    // The kills did land in the middle of the work: some batches were sent and never stored.
    expect(answered.size).toBeGreaterThan(0);
    expect(sent).toBeGreaterThan(rows.length);
  }, 120_000);

  it('the database restarted under load: 503 with Retry-After while it is away, never 500, then success again without a restart', async () => {
    const db = await postgres.createDatabase();
    const file = fixturesFile((f) => f.apiKeys.forEach((key) => (key.rateLimitPerMinute = 1_000_000)));
    const sandbox: Sandbox = await (
      await createSandboxServer({ db, fixtures: file, port: 0, host: '127.0.0.1', logLevel: 'silent', dbConnectTimeoutMs: 1000, dbStatementTimeoutMs: 2000 })
    ).listen();
    const seen: Array<{ at: number; status: number; code?: string; retryAfter: string | null }> = [];
    let running = true;
    const load = [0, 1, 2, 3].map(async (worker) => {
      for (let i = 0; running; i++) {
        const write = (worker + i) % 2 === 0;
        const answer = await fetch(`${sandbox.url}/api/prompts/${write ? 'snippet' : 'tags'}`, {
          method: write ? 'POST' : 'GET',
          headers,
          ...(write && { body: JSON.stringify({ title: `w${worker}-${i}`, content: { type: 'plaintext', content: 'x' }, teamId: demoTeams.platform }) }),
        });
        const body = (await answer.json()) as { code?: string };
        seen.push({ at: Date.now(), status: answer.status, ...(body.code && { code: body.code }), retryAfter: answer.headers.get('retry-after') });
        if (answer.status === 503) await sleep(20);
      }
    });
    const health = () =>
      fetch(`${sandbox.url}/health`).then(async (answer) => ({ status: answer.status, body: (await answer.json()) as { code?: string; error?: string; data?: { store: string } } }));
    try {
      await sleep(500);
      const up = await health();
      expect([up.status, up.body.data?.store]).toEqual([200, 'postgres']);
      const stoppedAt = Date.now();
      await postgres.stop();
      await sleep(1000);
      const down = await health();
      expect([down.status, down.body.code]).toEqual([503, 'SERVICE_UNAVAILABLE']);
      expect(down.body.error).toBe('The postgres store is unreachable');
      await postgres.start();
      const restartedAt = Date.now();
      // Back without restarting the sandbox: health first, then the load succeeds again.
      const deadline = Date.now() + 15_000;
      while ((await health()).status !== 200 && Date.now() < deadline) await sleep(100);
      expect((await health()).status).toBe(200);
      await sleep(1000);
      running = false;
      await Promise.all(load);
      const statuses = new Set(seen.map((answer) => answer.status));
      expect([...statuses].filter((status) => ![200, 201, 503].includes(status))).toEqual([]);
      const unavailable = seen.filter((answer) => answer.status === 503);
      expect(unavailable.length).toBeGreaterThan(0);
      for (const answer of unavailable) {
        expect(answer.code).toBe('SERVICE_UNAVAILABLE');
        expect(Number(answer.retryAfter)).toBeGreaterThan(0);
      }
      expect(seen.filter((answer) => answer.at < stoppedAt && answer.status < 300).length).toBeGreaterThan(0);
      expect(seen.filter((answer) => answer.at > restartedAt + 500 && answer.status < 300).length).toBeGreaterThan(0);
      // Once the database is back, every answer is a success again.
      const last = seen.slice(-8);
      expect(last.every((answer) => answer.status < 300), JSON.stringify(last)).toBe(true);
    } finally {
      running = false;
      await Promise.all(load).catch(() => {});
      await sandbox.close();
    }
  }, 120_000);
});
