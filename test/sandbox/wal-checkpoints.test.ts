// WAL checkpoints (issue #13): SQLite's automatic checkpoint, run inside the
// COMMIT that crosses its mark, is off; a thread of their own copies the WAL
// back (or the event loop, between groups, when there is no thread), and the
// WAL stays small.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CheckpointThread, fileIdentity } from '../../src/sandbox/sqlite/checkpoint-thread.ts';
import { openDatabase } from '../../src/sandbox/sqlite/database.ts';
import { GroupCommit } from '../../src/sandbox/sqlite/group-commit.ts';
import { WalCheckpoints } from '../../src/sandbox/sqlite/wal-checkpoints.ts';

const MiB = 1024 * 1024;
const dirs: string[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function fileDatabase() {
  const dir = mkdtempSync(join(tmpdir(), 'wal-checkpoints-'));
  dirs.push(dir);
  const path = join(dir, 'sandbox.db');
  const db = openDatabase(path);
  db.exec('CREATE TABLE blobs (v BLOB)');
  return { db, wal: `${path}-wal` };
}

/** 40 MiB written, 1 MiB at a time, 4 requests a turn: without checkpoints the WAL would hold all of it. */
async function writeForty(db: Database.Database, group: GroupCommit<void>): Promise<void> {
  const insert = db.prepare('INSERT INTO blobs (v) VALUES (?)');
  for (let turn = 0; turn < 10; turn++) {
    await Promise.all(Array.from({ length: 4 }, () => group.run(() => void insert.run(Buffer.alloc(MiB, turn)))));
  }
  expect(db.prepare('SELECT COUNT(*) AS n FROM blobs').get()).toEqual({ n: 40 });
}

/** Counts the checkpoints made on the event loop, and whether any was made inside a transaction. */
function loopCheckpoints(db: Database.Database): boolean[] {
  const made: boolean[] = [];
  const run = WalCheckpoints.prototype.run;
  vi.spyOn(WalCheckpoints.prototype, 'run').mockImplementation(function (this: WalCheckpoints) {
    made.push(db.inTransaction);
    run.call(this);
  });
  return made;
}

describe('WAL checkpoints', () => {
  it('are made on a thread of their own, never by a commit, and keep the WAL small', async () => {
    const { db, wal } = fileDatabase();
    const group = new GroupCommit<void>(db);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    const onLoop = loopCheckpoints(db);
    const onThread = vi.spyOn(CheckpointThread.prototype, 'checkpoint');

    await writeForty(db, group);
    expect(onThread).toHaveBeenCalled();
    // The loop makes none while the thread lives.
    expect(onLoop).toEqual([]);
    expect(onLoop.every((inTransaction) => !inTransaction)).toBe(true);
    // The WAL file keeps its largest size: a few groups' writes at most (the groups wait for a thread that falls behind).
    expect(statSync(wal).size).toBeLessThan(12 * MiB);
    await group.close();
    db.close();
    // The last connection closed made the last checkpoint and removed the WAL: the thread's connection was closed first.
    expect(existsSync(wal)).toBe(false);
  });

  it('are made on the event loop, between groups, outside any transaction, without a thread', async () => {
    const { db, wal } = fileDatabase();
    const group = new GroupCommit<void>(db, undefined, { checkpointThread: false });
    const onLoop = loopCheckpoints(db);
    const start = vi.spyOn(CheckpointThread, 'start');

    await writeForty(db, group);
    expect(start).not.toHaveBeenCalled();
    expect(onLoop.length).toBeGreaterThan(0);
    expect(onLoop.every((inTransaction) => !inTransaction)).toBe(true);
    expect(statSync(wal).size).toBeLessThan(12 * MiB);
    // Closed at once after the last group: a checkpoint due then is skipped (closing made it), never run on a closed database.
    db.close();
    await new Promise((resolve) => setTimeout(resolve, 20));
  });

  it('go back to the event loop when the thread cannot open the database', async () => {
    const { db, wal } = fileDatabase();
    const group = new GroupCommit<void>(db);
    const onLoop = loopCheckpoints(db);
    // The thread is given a file that is not there: it says so and ends.
    const start = CheckpointThread.start;
    vi.spyOn(CheckpointThread, 'start').mockImplementation((_path, identity, onDone) => start.call(CheckpointThread, join(tmpdir(), 'no-such-dir', 'gone.db'), identity, onDone));

    await writeForty(db, group);
    expect(onLoop.length).toBeGreaterThan(0);
    expect(statSync(wal).size).toBeLessThan(12 * MiB);
    await group.close();
    db.close();
  });

  it('go back to the event loop when the file at the path is no longer the one the store opened', async () => {
    const { db, wal } = fileDatabase();
    const group = new GroupCommit<void>(db);
    const onLoop = loopCheckpoints(db);
    // Another file's identity stands for a database file replaced after the store opened it:
    // the thread must not checkpoint the old WAL into it.
    const other = fileDatabase();
    const start = CheckpointThread.start;
    vi.spyOn(CheckpointThread, 'start').mockImplementation((path, _identity, onDone) => start.call(CheckpointThread, path, fileIdentity(other.db.name), onDone));
    const onThread = vi.spyOn(CheckpointThread.prototype, 'checkpoint');

    await writeForty(db, group);
    expect(onLoop.length).toBeGreaterThan(0);
    // It was asked once at most: it refused the file before making any checkpoint, and was not asked again.
    expect(onThread.mock.calls.length).toBeLessThanOrEqual(1);
    expect(statSync(wal).size).toBeLessThan(12 * MiB);
    await group.close();
    db.close();
    other.db.close();
  });

  it('go back to the event loop when the system will not make a thread', async () => {
    const { db, wal } = fileDatabase();
    const group = new GroupCommit<void>(db);
    const onLoop = loopCheckpoints(db);
    vi.spyOn(CheckpointThread, 'start').mockImplementation(() => {
      throw Object.assign(new Error('Worker initialization failure: EAGAIN'), { code: 'ERR_WORKER_INIT_FAILED' });
    });

    await writeForty(db, group);
    expect(onLoop.length).toBeGreaterThan(0);
    expect(statSync(wal).size).toBeLessThan(12 * MiB);
    await group.close();
    db.close();
  });

  it('keep a process whose last other handle closed alive until the thread has closed, then leave no WAL', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wal-checkpoints-'));
    dirs.push(dir);
    const path = join(dir, 'sandbox.db');
    // A child that writes enough to start the thread, then closes the store with nothing else to keep it alive.
    const result = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('../helpers/close-store-with-thread.ts', import.meta.url)), path], { encoding: 'utf8', timeout: 60_000 });
    expect(result.stderr).toBe('');
    expect(result.stdout.trim().split('\n')).toEqual(['thread started', 'closed']);
    expect(result.status).toBe(0);
    expect(existsSync(`${path}-wal`)).toBe(false);
  });

  it('are not made for a database without a WAL', () => {
    const db = new Database(':memory:');
    expect(WalCheckpoints.of(db)).toBeUndefined();
    db.close();
  });
});
