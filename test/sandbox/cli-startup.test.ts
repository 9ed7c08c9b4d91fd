// Issue #20, point 2: every check a start can fail (fixtures, port, database
// path) happens before anything is written, so a failed start leaves no file
// behind; each failure is one line naming the file or port and the fix; the
// first lines say which database, new or reused, and the store; --reset (and
// SNIPPETS_SANDBOX_RESET) starts again from the fixtures.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { ContractClient, demoKeys, demoTeams } from '../helpers/sandbox.ts';
import { runCli, sandboxBin, startSandboxProcess, type RunningSandbox } from '../helpers/processes.ts';
import { planDatabase, removeCreatedDatabase } from '../../src/sandbox/preflight.ts';

const running: RunningSandbox[] = [];
const holders: Server[] = [];
afterEach(() => {
  for (const sandbox of running.splice(0)) sandbox.child.kill('SIGKILL');
  for (const holder of holders.splice(0)) holder.close();
});

const emptyDir = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));

async function start(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  const sandbox = await startSandboxProcess(['--port', '0', '--log-level', 'silent', ...args], options);
  running.push(sandbox);
  return sandbox;
}

async function stop(sandbox: RunningSandbox) {
  sandbox.child.kill('SIGTERM');
  expect(await sandbox.exited).toBe(0);
}

/** A failed start: exit 2, one line on stderr (no stack) matching `message`, nothing on stdout. */
async function expectRefused(args: string[], message: RegExp, options: Parameters<typeof runCli>[2] = {}) {
  const result = await runCli(sandboxBin, args, options);
  expect(result.code, result.stderr).toBe(2);
  expect(result.stderr.trim().split('\n'), result.stderr).toHaveLength(1);
  expect(result.stderr).toMatch(message);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  expect(result.stdout).toBe('');
}

function holdPort(): Promise<number> {
  return new Promise((resolve) => {
    const holder = createServer().listen(0, '127.0.0.1', () => resolve((holder.address() as { port: number }).port));
    holders.push(holder);
  });
}

describe('snippets-sandbox start-up', () => {
  it('says first which database it uses, new or reused, and the store; keeps data and quota when reused', async () => {
    const cwd = emptyDir('sandbox-first-lines-');
    // At the default log level, where the server's own log lines come too.
    const first = await start(['--log-level', 'info'], { cwd });
    expect(first.output().split('\n')[0]).toBe('Database: .sandbox/sandbox.db (SQLite file: new, seeded from the built-in demo fixtures)');
    const api = new ContractClient(first.url, demoKeys.acme);
    const created = await api.send('createTag', 'POST', '/api/prompts/tag', { body: { tagName: 'kept', teamId: demoTeams.platform } });
    await stop(first);

    const second = await start([], { cwd });
    expect(second.output().split('\n')[0]).toMatch(/^Database: \.sandbox\/sandbox\.db \(SQLite file: reused, with its data and spent quota; .*--reset starts again\)$/);
    const again = await new ContractClient(second.url, demoKeys.acme).send('getTag', 'GET', '/api/prompts/tag', { query: { id: created.body.data.id } });
    expect(again.status).toBe(200);
    await stop(second);

    const memory = await start(['--db', ':memory:']);
    expect(memory.output().split('\n')[0]).toMatch(/^Database: :memory: \(SQLite in memory: new, .*gone when the sandbox stops\)$/);
  });

  it.each([
    ['--reset', [['--reset'], {}]],
    ['SNIPPETS_SANDBOX_RESET=true', [[], { SNIPPETS_SANDBOX_RESET: 'true' }]],
  ] as const)('%s starts again from the fixtures: data gone, quota full', async (_name, [flags, env]) => {
    const cwd = emptyDir('sandbox-reset-');
    const first = await start([], { cwd });
    const api = new ContractClient(first.url, demoKeys.acme);
    const fresh = (await api.send('getTags', 'GET', '/api/prompts/tags')).body.usage.remainingRequests;
    const created = await api.send('createTag', 'POST', '/api/prompts/tag', { body: { tagName: 'gone', teamId: demoTeams.platform } });
    expect(created.body.usage.remainingRequests).toBeLessThan(fresh);
    await stop(first);

    const second = await start([...flags], { cwd, env: { ...process.env, ...env } });
    expect(second.output().split('\n')[0]).toBe('Database: .sandbox/sandbox.db (SQLite file: reset by --reset, seeded again from the built-in demo fixtures)');
    const after = await new ContractClient(second.url, demoKeys.acme).send('getTag', 'GET', '/api/prompts/tag', { query: { id: created.body.data.id } });
    expect(after.status).toBe(404);
    // The quota is full again: the same read answers what it answered on the fresh database.
    const tags = await new ContractClient(second.url, demoKeys.acme).send('getTags', 'GET', '/api/prompts/tags');
    expect(tags.body.usage.remainingRequests).toBe(fresh);
  });

  it('refuses a port in use in one line naming the port and the fix, and writes no database', async () => {
    const cwd = emptyDir('sandbox-port-taken-');
    const port = await holdPort();
    await expectRefused(['--port', String(port)], new RegExp(`port ${port} on 127\\.0\\.0\\.1 is in use.*--port 0 for a free one`), { cwd });
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('refuses a bad fixtures file before creating the database', async () => {
    const cwd = emptyDir('sandbox-bad-fixtures-');
    writeFileSync(join(cwd, 'fixtures.json'), '{"workspaces": [');
    await expectRefused(['--port', '0', '--fixtures', 'fixtures.json'], /fixtures\.json is not valid JSON/, { cwd });
    expect(readdirSync(cwd)).toEqual(['fixtures.json']);
  });

  it('with --reset, refuses a port in use before deleting anything', async () => {
    const cwd = emptyDir('sandbox-reset-port-');
    const first = await start([], { cwd });
    await stop(first);
    const before = readFileSync(join(cwd, '.sandbox', 'sandbox.db'));
    const port = await holdPort();
    await expectRefused(['--port', String(port), '--reset'], /is in use/, { cwd });
    expect(readFileSync(join(cwd, '.sandbox', 'sandbox.db')).equals(before)).toBe(true);
  });

  it('refuses a file that is not a database, leaves it as it was, and creates no -wal or -shm', async () => {
    const dir = emptyDir('sandbox-not-db-');
    const file = join(dir, 'notes.txt');
    writeFileSync(file, 'my notes, not a database\n');
    for (const extra of [[], ['--reset']]) {
      await expectRefused(['--port', '0', '--db', file, ...extra], new RegExp(`${file} is not a SQLite database.*move it away or pass another --db`));
      expect(readFileSync(file, 'utf8')).toBe('my notes, not a database\n');
      expect(readdirSync(dir)).toEqual(['notes.txt']);
    }
  });

  it('refuses a database written by a newer sandbox, and leaves it as it was', async () => {
    const dir = emptyDir('sandbox-newer-db-');
    const file = join(dir, 'newer.db');
    const newer = new Database(file);
    newer.pragma('user_version = 999');
    newer.close();
    const before = readFileSync(file);
    await expectRefused(['--port', '0', '--db', file], /written by a newer sandbox \(schema version 999; .*--reset to start again from the fixtures/);
    expect(readdirSync(dir)).toEqual(['newer.db']);
    expect(readFileSync(file).equals(before)).toBe(true);
    const reopened = new Database(file, { readonly: true });
    expect(reopened.pragma('user_version', { simple: true })).toBe(999);
    reopened.close();
  });

  it('refuses a --db that is a directory, or under a file, in one line', async () => {
    const dir = emptyDir('sandbox-db-dir-');
    writeFileSync(join(dir, 'file'), '');
    await expectRefused(['--port', '0', '--db', dir], /is a directory; give a file in it, for instance --db .*\/sandbox\.db/);
    await expectRefused(['--port', '0', '--db', join(dir, 'file', 'x.db')], /cannot create the database .*: .*file is a file, not a directory/);
    expect(readdirSync(dir)).toEqual(['file']);
  });

  // Root may write anywhere: the permission cases run as the unprivileged `nobody` when the tests run as root (CI does).
  const asRoot = process.getuid?.() === 0;
  const user = asRoot ? { uid: 65534, gid: 65534 } : {};

  it('refuses a read-only database file, naming it and the fix, and changes nothing', async () => {
    const dir = emptyDir('sandbox-readonly-');
    const seeded = await start(['--db', join(dir, 'sandbox.db')]);
    await stop(seeded);
    chmodSync(join(dir, 'sandbox.db'), 0o444);
    chmodSync(dir, 0o755);
    const before = readFileSync(join(dir, 'sandbox.db'));
    await expectRefused(['--port', '0', '--db', join(dir, 'sandbox.db')], /the database .*sandbox\.db is read-only for this user; make it writable \(chmod u\+w .*\) or pass another --db/, { cwd: dir, ...user });
    expect(readFileSync(join(dir, 'sandbox.db')).equals(before)).toBe(true);
    expect(readdirSync(dir)).toEqual(['sandbox.db']);
  });

  it('refuses a database in a directory it cannot write, before creating anything', async () => {
    const dir = emptyDir('sandbox-readonly-dir-');
    chmodSync(dir, 0o555);
    await expectRefused(['--port', '0', '--db', join(dir, 'sub', 'sandbox.db')], /cannot create the database .*: the directory .* is not writable by this user; pass a --db in a writable directory/, { cwd: dir, ...user });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a start that fails after the database was created removes it, and the directories it made', () => {
    const dir = emptyDir('sandbox-cleanup-');
    const path = join(dir, 'a', 'b', 'sandbox.db');
    const plan = planDatabase(path, false);
    expect(plan).toMatchObject({ state: 'new', createsDirectory: join(dir, 'a') });
    // What the start does before it fails (its listener cannot take the port, say): the database and its files exist.
    mkdirSync(join(dir, 'a', 'b'), { recursive: true });
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE t (x)');
    expect(readdirSync(join(dir, 'a', 'b')).sort()).toEqual(['sandbox.db', 'sandbox.db-shm', 'sandbox.db-wal']);
    db.close();
    removeCreatedDatabase(plan);
    expect(existsSync(join(dir, 'a'))).toBe(false);
  });
});
