// A failure that makes SQLite roll back the whole transaction (a full disk)
// in the middle of a group: the requests after it must not run outside the
// transaction, each committed on its own while answered as failed.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { GROUP_BUDGET_MS, GroupCommit, type Outcome } from '../../src/sandbox/sqlite/group-commit.ts';

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

describe('a turn with more work than one group may do', () => {
  it('commits after its budget and lets other callbacks run before the rest, every request answered in order', async () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE t (n INTEGER)');
    const insert = db.prepare('INSERT INTO t (n) VALUES (?)');
    const group = new GroupCommit<number>(db);
    const busy = (ms: number) => {
      const until = performance.now() + ms;
      while (performance.now() < until);
    };
    const events: string[] = [];
    const count = 20;
    const done = new Promise<void>((resolve) => {
      for (let n = 0; n < count; n++) {
        group.submit(
          () => {
            busy(GROUP_BUDGET_MS / 2);
            return Number(insert.run(n).lastInsertRowid);
          },
          (outcome) => {
            events.push(`answered ${n}${outcome.ok ? '' : ' failed'}`);
            // Queued once the first group is answered, behind the rest of the turn's requests: a probe that must not wait for all of them.
            // (Queued before the first group, a busy machine may let it run before any answer.)
            if (n === 0) setTimeout(() => events.push('probe'), 0);
            if (n === count - 1) resolve();
          },
        );
      }
    });
    await done;
    const probeAt = events.indexOf('probe');
    expect(probeAt).toBeGreaterThan(0);
    expect(probeAt).toBeLessThan(count);
    expect(events.filter((e) => e !== 'probe')).toEqual(Array.from({ length: count }, (_, n) => `answered ${n}`));
    expect(db.prepare('SELECT COUNT(*) AS n FROM t').get()).toEqual({ n: count });
    db.close();
  });
});
