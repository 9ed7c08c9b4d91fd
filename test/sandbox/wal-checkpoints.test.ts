// WAL checkpoints between groups (issue #13): SQLite's automatic checkpoint,
// run inside the COMMIT that crosses its mark, is off; the group commit
// copies the WAL back in turns of its own, and the WAL stays small.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
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

describe('WAL checkpoints', () => {
  it('are never made by a commit, only between groups, outside any transaction, and keep the WAL small', async () => {
    const { db, wal } = fileDatabase();
    const group = new GroupCommit<void>(db);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);

    const checkpoints: boolean[] = [];
    const run = WalCheckpoints.prototype.run;
    vi.spyOn(WalCheckpoints.prototype, 'run').mockImplementation(function (this: WalCheckpoints) {
      checkpoints.push(db.inTransaction);
      run.call(this);
    });

    // 40 MiB written, 1 MiB at a time, 4 requests a turn: without checkpoints the WAL would hold all of it.
    const insert = db.prepare('INSERT INTO blobs (v) VALUES (?)');
    for (let turn = 0; turn < 10; turn++) {
      await Promise.all(Array.from({ length: 4 }, () => group.run(() => void insert.run(Buffer.alloc(MiB, turn)))));
    }
    expect(db.prepare('SELECT COUNT(*) AS n FROM blobs').get()).toEqual({ n: 40 });
    expect(checkpoints.length).toBeGreaterThan(0);
    expect(checkpoints.every((inTransaction) => !inTransaction)).toBe(true);
    // The WAL file keeps its largest size: a few groups' writes at most.
    expect(statSync(wal).size).toBeLessThan(12 * MiB);
    // Closed at once after the last group: a checkpoint due then is skipped (closing made it), never run on a closed database.
    db.close();
    await new Promise((resolve) => setTimeout(resolve, 20));
  });

  it('are not made for a database without a WAL', () => {
    const db = new Database(':memory:');
    expect(WalCheckpoints.of(db)).toBeUndefined();
    db.close();
  });
});
