// A failure that makes SQLite roll back the whole transaction (a full disk)
// in the middle of a group: the requests after it must not run outside the
// transaction, each committed on its own while answered as failed.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { GroupCommit, type Outcome } from '../../src/sandbox/group-commit.ts';

describe('a group whose transaction SQLite rolls back midway', () => {
  it('fails every request of the group and stores none of them', async () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE t (v BLOB)');
    // A database that cannot grow past a few pages: a large insert fails with SQLITE_FULL, which rolls the transaction back.
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${pages + 2}`);
    const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
    const group = new GroupCommit<number>(db);
    const outcomes: Array<Outcome<number>> = [];
    const done = new Promise<void>((resolve) => {
      const deliver = (outcome: Outcome<number>) => outcomes.push(outcome) === 3 && resolve();
      group.submit(() => Number(insert.run(Buffer.alloc(10)).changes), deliver);
      group.submit(() => Number(insert.run(Buffer.alloc(1_000_000)).changes), deliver);
      group.submit(() => Number(insert.run(Buffer.alloc(10)).changes), deliver);
    });
    await done;
    expect(outcomes.map((o) => o.ok)).toEqual([false, false, false]);
    expect(db.prepare('SELECT COUNT(*) AS n FROM t').get()).toEqual({ n: 0 });
    expect(db.inTransaction).toBe(false);
    db.close();
  });
});
