// A real PostgreSQL server for tests: a cluster made with initdb in a temp
// directory, started on a free 127.0.0.1 port (its unix socket in that
// directory too), one database per suite, stopped and removed afterwards.
//
// Where PostgreSQL 15 is not installed the suites that need it are skipped,
// except in CI (CI=true), where they fail: a run that checked nothing must
// not look green. initdb and postgres refuse to run as root (CI runs as
// root), so there they run as `nobody`, who owns the temp directory.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';

export const PG_BIN = process.env.SNIPPETS_PG_BIN ?? '/usr/lib/postgresql/15/bin';
/** Whether PostgreSQL can be started here; in CI its absence is an error, not a skip. */
export const postgresMissing = !existsSync(join(PG_BIN, 'initdb')) && process.env.CI !== 'true';

/** Who runs initdb and postgres: this user, or `nobody` when this is root. */
function runAs(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(spawnSync('id', [flag, 'nobody'], { encoding: 'utf8' }).stdout.trim());
  return { uid: id('-u'), gid: id('-g') };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface TestPostgres {
  port: number;
  /** A URL of `database` on this server. */
  url(database?: string): string;
  /** A new, empty database; returns its URL. */
  createDatabase(): Promise<string>;
  /** Stops the server (fast shutdown: sessions cut) and waits until it is gone. */
  stop(): Promise<void>;
  /** Starts it again after stop(), on the same port and data. */
  start(): Promise<void>;
  /** Stops it for good and removes its directory. */
  destroy(): Promise<void>;
}

let databases = 0;

/** `settings`: extra server settings (`-c name=value`), e.g. to load pg_stat_statements for a profile. */
export async function startPostgres(settings: Record<string, string> = {}): Promise<TestPostgres> {
  if (!existsSync(join(PG_BIN, 'initdb'))) throw new Error(`PostgreSQL is not installed at ${PG_BIN} (set SNIPPETS_PG_BIN); CI must have it`);
  const dir = mkdtempSync(join(tmpdir(), 'snippets-pg-'));
  const user = runAs();
  if (user) chownSync(dir, user.uid, user.gid);
  const data = join(dir, 'data');
  const initdb = spawnSync(join(PG_BIN, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale=C'], {
    encoding: 'utf8',
    ...user,
  });
  if (initdb.status !== 0) throw new Error(`initdb failed: ${initdb.stderr}`);
  const port = await freePort();
  let server: ChildProcess | undefined;
  let log = '';
  const url = (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`;

  async function start(): Promise<void> {
    // Durability is not under test here (fsync off); connections are (max_connections above what a few pools take).
    const args = ['-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=200'];
    for (const [name, value] of Object.entries(settings)) args.push('-c', `${name}=${value}`);
    const child = spawn(join(PG_BIN, 'postgres'), args, { stdio: ['ignore', 'ignore', 'pipe'], ...user });
    server = child;
    child.stderr!.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-4000)));
    const deadline = Date.now() + 20_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`postgres exited at start: ${log}`);
      const client = new pg.Client({ connectionString: url(), connectionTimeoutMillis: 1000 });
      try {
        await client.connect();
        await client.end();
        return;
      } catch {
        await client.end().catch(() => {});
        if (Date.now() > deadline) throw new Error(`postgres did not start in 20 s: ${log}`);
        await sleep(50);
      }
    }
  }

  async function stop(): Promise<void> {
    const child = server;
    server = undefined;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    // SIGINT: PostgreSQL's fast shutdown (sessions cut, no wait for clients).
    child.kill('SIGINT');
    await exited;
  }

  await start();
  return {
    port,
    url,
    async createDatabase() {
      const name = `sandbox_${process.pid}_${++databases}`;
      const client = new pg.Client({ connectionString: url() });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return url(name);
    },
    stop,
    start,
    async destroy() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A PostgreSQL server for the describe block that calls this, and the
 * sandboxes its tests open: the server started before the block's first
 * test; the sandboxes closed, then the server removed, after its last.
 */
export function postgresForSuite(): { readonly server: TestPostgres; open: Array<{ close(): Promise<void> }> } {
  let server: TestPostgres | undefined;
  const open: Array<{ close(): Promise<void> }> = [];
  beforeAll(async () => {
    server = await startPostgres();
  }, 60_000);
  afterAll(async () => {
    for (const sandbox of open) await sandbox.close();
    await server?.destroy();
  });
  return {
    get server() {
      if (!server) throw new Error('the suite PostgreSQL server is not started: use it inside a test');
      return server;
    },
    open,
  };
}
