// Group commit: the operations submitted in one event-loop turn run, in
// arrival order, inside one SQLite transaction at the end of that turn, and
// their answers are delivered only once it has committed.
//
// Each operation runs in its own savepoint, so a failing request rolls back
// alone and sees exactly what it would have seen run on its own: the requests
// before it in the turn have been applied. What the group saves is one
// BEGIN/COMMIT per request, the largest SQLite cost of a cached GET. An
// answered request is committed: a crash before the commit loses only
// requests that were never answered. If BEGIN or COMMIT fails, every request
// of the group gets that error and nothing of it is stored.
//
// An operation may be asynchronous (the core's are, so that a store over a
// network fits the same interface): the group awaits each in turn. Nothing
// else writes to the connection meanwhile; every write of the sandbox comes
// through here, and groups run one at a time. `onBegin` runs first in each
// group's transaction, where the database holds only committed state (the
// read cache, snippet-reads.ts, relies on it).
import type { Db } from './database.ts';
import { WalCheckpoints } from './wal-checkpoints.ts';

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

interface Pending<T> {
  run: () => T | Promise<T>;
  deliver: (outcome: Outcome<T>) => void;
}

/**
 * How long one group may run (ms) before it commits and lets the event loop go
 * on: the rest of the turn's requests run in the next group, after timers
 * and other I/O (a /health probe, say) had their turn. Each request still
 * runs whole; this bounds how many run back to back.
 */
export const GROUP_BUDGET_MS = 5;

export class GroupCommit<T> {
  private pending: Pending<T>[] = [];
  /** Whether a group is running or scheduled: the next one waits for it. */
  private busy = false;
  private readonly sql;
  /** Checkpoints, on a thread of their own or, without one, between groups in turns of their own (wal-checkpoints.ts). */
  private readonly checkpoints: WalCheckpoints | undefined;

  constructor(
    private readonly db: Db,
    private readonly onBegin: () => void = () => {},
    options: { checkpointThread?: boolean } = {},
  ) {
    // IMMEDIATE: the group writes (quota charges), so take the write lock at
    // BEGIN; a deferred read that later upgrades can fail with SQLITE_BUSY
    // when another process committed in between.
    this.sql = {
      begin: db.prepare('BEGIN IMMEDIATE'),
      commit: db.prepare('COMMIT'),
      rollback: db.prepare('ROLLBACK'),
      savepoint: db.prepare('SAVEPOINT operation'),
      release: db.prepare('RELEASE operation'),
      rollbackTo: db.prepare('ROLLBACK TO operation'),
    };
    this.checkpoints = WalCheckpoints.of(db, { thread: options.checkpointThread });
  }

  /** Stops the checkpoint thread; call before closing the database (whose close makes the last checkpoint). */
  close(): Promise<void> {
    return this.checkpoints?.close() ?? Promise.resolve();
  }

  /** Runs `run` in this turn's transaction (or a later one, when the turn's group is over its budget); `deliver` gets its result after the commit. */
  submit(run: () => T | Promise<T>, deliver: (outcome: Outcome<T>) => void): void {
    this.pending.push({ run, deliver });
    if (!this.busy) {
      this.busy = true;
      setImmediate(this.flush);
    }
  }

  /** Runs `run` in a group of its own after the groups already queued, and resolves with its result once committed. */
  run(run: () => T | Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => this.submit(run, (outcome) => (outcome.ok ? resolve(outcome.value) : reject(outcome.error))));
  }

  private readonly flush = (): void => {
    const group = this.pending;
    this.pending = [];
    const began = performance.now();
    void this.runGroup(group).then((outcomes) => {
      // Over budget: what did not run goes first in the next group.
      if (outcomes.length < group.length) this.pending = group.slice(outcomes.length).concat(this.pending);
      this.afterGroup(performance.now() - began);
      deliverAll(group.slice(0, outcomes.length), outcomes);
    });
  };

  /** What follows a group (or a wait for the checkpoint thread): the next group, a checkpoint here, or a wait. */
  private afterGroup(ms: number, resumed = false): void {
    const then = this.checkpoints?.afterGroup(ms, resumed) ?? 'go on';
    if (then === 'here') setImmediate(this.checkpoint);
    // Asked again once the thread is done: the WAL may still need copying whole before the next write.
    else if (then === 'wait') this.checkpoints!.whenThreadDone(() => this.afterGroup(0, true));
    else this.next();
  }

  /** A checkpoint made here (there is no checkpoint thread), alone in its turn: the answers just delivered, timers and I/O have run before it, and run again after. */
  private readonly checkpoint = (): void => {
    this.checkpoints!.run();
    this.next();
  };

  private next(): void {
    if (this.pending.length > 0) setImmediate(this.flush);
    else this.busy = false;
  }

  private async runGroup(group: Pending<T>[]): Promise<Outcome<T>[]> {
    const { sql, db } = this;
    try {
      sql.begin.run();
    } catch (error) {
      return group.map(() => ({ ok: false, error }));
    }
    const outcomes: Outcome<T>[] = [];
    try {
      this.onBegin();
      const started = performance.now();
      for (const item of group) {
        sql.savepoint.run();
        try {
          outcomes.push({ ok: true, value: await item.run() });
          sql.release.run();
        } catch (error) {
          // Some failures (a full disk, an I/O error) make SQLite roll the
          // whole transaction back. The rest of the group must not then run
          // outside it, each committed on its own and answered 500: the group
          // fails as one, and nothing of it is stored.
          if (!db.inTransaction) throw error;
          sql.rollbackTo.run();
          sql.release.run();
          outcomes.push({ ok: false, error });
        }
        if (performance.now() - started > GROUP_BUDGET_MS) break;
      }
      sql.commit.run();
      return outcomes;
    } catch (error) {
      if (db.inTransaction) sql.rollback.run();
      return group.map(() => ({ ok: false, error }));
    }
  }
}

/** Every answer is delivered even if one delivery throws; the first such error is rethrown after, outside the group. */
function deliverAll<T>(group: Pending<T>[], outcomes: Outcome<T>[]): void {
  let failure: { error: unknown } | undefined;
  group.forEach((item, i) => {
    try {
      item.deliver(outcomes[i]!);
    } catch (error) {
      failure ??= { error };
    }
  });
  if (failure) {
    const { error } = failure;
    queueMicrotask(() => {
      throw error;
    });
  }
}
