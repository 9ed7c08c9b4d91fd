// What `snippets-sandbox` checks before it writes anything (issue #20): a
// start that fails must leave no file behind and say, in one line, which
// file or port is at fault and what to do. The database path is inspected
// without opening it (opening creates the file, and its -wal and -shm), and
// the port is tried with a listener that is closed again at once.
import { accessSync, constants, closeSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';

/** A start that cannot go on; its message names the problem and the fix. */
export class StartupError extends Error {}

/** The files SQLite keeps for a database at `path`. */
export const databaseFiles = (path: string) => [path, `${path}-wal`, `${path}-shm`];

export interface DatabasePlan {
  path: string;
  /** `new`: no database yet (or an empty file); `reused`: one with data; `reset`: one deleted by --reset, to be seeded again; `postgres`: a URL (open-store.ts). */
  state: 'memory' | 'new' | 'reused' | 'reset' | 'postgres';
  /** PostgreSQL: whether --reset empties it once open. */
  reset?: boolean;
  /** The first directory of the path that does not exist yet, which the start creates (and a failed start removes). */
  createsDirectory?: string;
}

const SQLITE_HEADER = 'SQLite format 3\0';

function canWrite(path: string): boolean {
  try {
    accessSync(path, constants.R_OK | constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function startsWithSqliteHeader(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const header = Buffer.alloc(SQLITE_HEADER.length);
    return readSync(fd, header, 0, header.length, 0) === header.length && header.toString('latin1') === SQLITE_HEADER;
  } finally {
    closeSync(fd);
  }
}

/** The nearest directory above `path` that exists, and the first one below it that does not. */
function existingAncestor(path: string): { existing: string; firstMissing?: string } {
  let firstMissing: string | undefined;
  let current = dirname(resolve(path));
  for (;;) {
    try {
      statSync(current);
      return { existing: current, ...(firstMissing !== undefined && { firstMissing }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      firstMissing = current;
      const parent = dirname(current);
      // The root always exists; this only guards against a path that never reaches it.
      if (parent === current) return { existing: current, firstMissing };
      current = parent;
    }
  }
}

/**
 * Says whether `--db PATH` can be used, and whether it holds a database
 * already, without creating or changing anything. With `reset`, the files
 * are deleted, but only once they are known to be a sandbox's database.
 */
export function planDatabase(path: string, reset: boolean): DatabasePlan {
  if (path === ':memory:') return { path, state: 'memory' };
  let stat;
  try {
    stat = statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') throw new StartupError(`cannot use the database ${path}: ${(error as Error).message}`);
  }
  if (stat === undefined) {
    const { existing, firstMissing } = existingAncestor(path);
    if (!statSync(existing).isDirectory()) {
      throw new StartupError(`cannot create the database ${path}: ${existing} is a file, not a directory; pass a --db in a directory`);
    }
    if (!canWrite(existing)) {
      throw new StartupError(`cannot create the database ${path}: the directory ${existing} is not writable by this user; pass a --db in a writable directory`);
    }
    return { path, state: 'new', ...(firstMissing !== undefined && { createsDirectory: firstMissing }) };
  }
  if (stat.isDirectory()) throw new StartupError(`--db ${path} is a directory; give a file in it, for instance --db ${path.replace(/\/$/, '')}/sandbox.db`);
  if (!stat.isFile()) throw new StartupError(`--db ${path} is not a regular file; give a file path or :memory:`);
  if (!canWrite(path)) {
    throw new StartupError(`the database ${path} is read-only for this user; make it writable (chmod u+w ${path}) or pass another --db`);
  }
  if (!canWrite(dirname(resolve(path)))) {
    throw new StartupError(
      `the directory of the database ${path} is not writable by this user (SQLite keeps ${path}-wal and ${path}-shm beside it); make it writable or pass another --db`,
    );
  }
  const empty = stat.size === 0;
  if (!empty && !startsWithSqliteHeader(path)) {
    throw new StartupError(`${path} is not a SQLite database (it does not start with the SQLite header); move it away or pass another --db${reset ? ' (--reset deletes only a sandbox database)' : ''}`);
  }
  if (reset) {
    for (const file of databaseFiles(path)) rmSync(file, { force: true });
    return { path, state: 'reset' };
  }
  return { path, state: empty ? 'new' : 'reused' };
}

/** Removes what a failed start created for a database that did not exist before it. */
export function removeCreatedDatabase(plan: DatabasePlan): void {
  if (plan.state === 'memory' || plan.state === 'reused' || plan.state === 'postgres') return;
  for (const file of databaseFiles(plan.path)) rmSync(file, { force: true });
  if (plan.createsDirectory !== undefined) rmSync(plan.createsDirectory, { recursive: true, force: true });
}

/** Whether a listener can take `host:port` now; port 0 (any free port) always can. */
export async function checkPort(host: string, port: number): Promise<void> {
  if (port === 0) return;
  await new Promise<void>((done, fail) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => fail(portProblem(error, host, port)));
    probe.listen({ host, port, exclusive: true }, () => probe.close(() => done()));
  });
}

/** One line for a listener that could not take `host:port`. */
export function portProblem(error: NodeJS.ErrnoException, host: string, port: number): StartupError {
  switch (error.code) {
    case 'EADDRINUSE':
      return new StartupError(`port ${port} on ${host} is in use (another sandbox?); stop what holds it, pass another --port, or --port 0 for a free one`);
    case 'EACCES':
      return new StartupError(`port ${port} on ${host} needs privileges this user lacks; pass a --port above 1023`);
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new StartupError(`--host ${host} is not an address of this machine; pass 127.0.0.1 (this machine only) or 0.0.0.0 (every interface)`);
  }
  return new StartupError(`cannot listen on ${host}:${port}: ${error.message}`);
}
