// `snippets-sandbox --db postgres://…`: what a user running it on PostgreSQL
// sees (issue #17): the start-up line, one line and exit code 2 when the
// driver is missing or the database out of reach, and several instances
// started at once on a new database, which migrate it once.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { STEPS } from '../../src/sandbox/postgres/migrations.ts';
import { postgresMissing, startPostgres, type TestPostgres } from '../helpers/postgres.ts';
import { fixtures } from '../helpers/sandbox.ts';
import { repoRoot, requireBuild, sandboxBin, startSandboxProcess, type RunningSandbox } from '../helpers/processes.ts';

const demoSnippets = fixtures.snippets?.length ?? 0;
const withoutPg = fileURLToPath(new URL('../fixtures/without-pg-register.mjs', import.meta.url));

function run(nodeArgs: string[], args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...nodeArgs, sandboxBin, ...args], { cwd: repoRoot });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe.skipIf(postgresMissing)('snippets-sandbox on PostgreSQL', () => {
  let postgres: TestPostgres;
  const running: RunningSandbox[] = [];
  beforeAll(async () => {
    requireBuild();
    postgres = await startPostgres();
  }, 60_000);
  afterEach(async () => {
    for (const sandbox of running.splice(0)) {
      sandbox.child.kill('SIGTERM');
      await sandbox.exited;
    }
  });
  afterAll(async () => {
    await postgres?.destroy();
  });

  it('starts on a postgres:// URL, says it migrated the schema (then that it is up to date), and hides the password', async () => {
    const url = (await postgres.createDatabase()).replace('postgres@', 'postgres:secret@');
    const first = await startSandboxProcess(['--port', '0', '--db', url, '--log-level', 'silent']);
    running.push(first);
    expect(first.output().split('\n')[0]).toBe(
      `Database: ${url.replace(':secret@', ':***@')} (PostgreSQL: schema migrated to version ${STEPS.length}; shared, with its data and spent quota; keys and teams from the built-in demo fixtures; --reset starts again)`,
    );
    expect(first.output()).not.toContain('secret');
    expect((await fetch(`${first.url}/health`)).status).toBe(200);
    const second = await startSandboxProcess(['--port', '0', '--log-level', 'silent'], { env: { ...process.env, SNIPPETS_SANDBOX_DB: url } });
    running.push(second);
    expect(second.output().split('\n')[0]).toMatch(/\(PostgreSQL: schema up to date; shared/);
  }, 60_000);

  it('--reset empties the database and seeds it again; without it, data and spent quota are kept', async () => {
    const url = await postgres.createDatabase();
    const headers = { authorization: 'Bearer sk_test_demoAcmePlatformSupport0001', 'content-type': 'application/json' };
    const count = async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const { rows } = await client.query('SELECT count(*)::int AS n FROM snippets');
      await client.end();
      return rows[0].n as number;
    };
    const first = await startSandboxProcess(['--port', '0', '--db', url, '--log-level', 'silent']);
    running.push(first);
    const created = await fetch(`${first.url}/api/prompts/snippet`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ title: 'kept?', content: { type: 'plaintext', content: 'x' }, teamId: '7ea40000-0000-4000-8000-000000000001' }),
    });
    expect(created.status).toBe(201);
    const kept = await startSandboxProcess(['--port', '0', '--db', url, '--log-level', 'silent']);
    running.push(kept);
    // The demo fixtures' snippets and the one made.
    expect(await count()).toBe(demoSnippets + 1);
    const reset = await startSandboxProcess(['--port', '0', '--db', url, '--log-level', 'silent', '--reset']);
    running.push(reset);
    expect(reset.output().split('\n')[0]).toMatch(/\(PostgreSQL: schema up to date; reset by --reset, seeded again from the built-in demo fixtures\)$/);
    expect(await count()).toBe(demoSnippets);
  }, 60_000);

  it('several instances starting at once on a new database migrate it once, and all serve', async () => {
    const url = await postgres.createDatabase();
    const started = await Promise.all([1, 2, 3, 4].map(() => startSandboxProcess(['--port', '0', '--db', url, '--log-level', 'silent'])));
    running.push(...started);
    const migratedBy = started.filter((sandbox) => /schema migrated/.test(sandbox.output())).length;
    expect(migratedBy).toBe(1);
    for (const sandbox of started) expect((await fetch(`${sandbox.url}/health`)).status).toBe(200);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query('SELECT version FROM sandbox_schema_migrations ORDER BY version');
    await client.end();
    expect(rows.map((row) => row.version)).toEqual(STEPS.map((_, i) => i + 1));
  }, 60_000);

  it('without the pg driver: one line naming npm install pg, exit code 2', async () => {
    const result = await run(['--import', withoutPg], ['--port', '0', '--db', postgres.url()]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^snippets-sandbox: --db postgres:\/\/… needs the PostgreSQL driver pg, which is not installed .*npm install pg@\^8$/m);
  });

  it('a database out of reach at start: one line, exit code 2, no stack', async () => {
    const result = await run([], ['--port', '0', '--db', 'postgres://postgres@127.0.0.1:1/none', '--db-connect-timeout-ms', '2000']);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/cannot reach the PostgreSQL database postgres:\/\/postgres@127\.0\.0\.1:1\/none/);
  });
});
