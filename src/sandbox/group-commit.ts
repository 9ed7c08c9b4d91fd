// Group commit: the operations of the requests handled in one event-loop turn
// run, in arrival order, inside one SQLite transaction at the end of that turn
// (setImmediate), and their answers are delivered only once it has committed.
//
// Each operation still runs in its own savepoint (the caller passes a
// better-sqlite3 transaction function, which nests as a savepoint), so a
// failing request rolls back alone and sees exactly what it would have seen
// run on its own: the requests before it in the turn have been applied. What
// the group saves is one BEGIN/COMMIT per request, the largest SQLite cost of
// a cached GET. An answered request is committed: a crash before the commit
// loses only requests that were never answered. If BEGIN or COMMIT fails,
// every request of the group gets that error and nothing of it is stored.
// `onBegin` runs first in each group's transaction, where the database holds
// only committed state (the read cache, store/snippet-reads.ts, relies on it).
import type { Db } from './database.ts';

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

interface Pending<T> {
  run: () => T;
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
  private readonly runGroup;

  constructor(db: Db, onBegin: () => void = () => {}) {
    // IMMEDIATE: the group writes (quota charges), so take the write lock at
    // BEGIN; a deferred read that later upgrades can fail with SQLITE_BUSY
    // when another process committed in between.
    this.runGroup = db.transaction((group: Pending<T>[]) => {
      onBegin();
      const started = performance.now();
      const outcomes: Outcome<T>[] = [];
      for (const item of group) {
        try {
          outcomes.push({ ok: true, value: item.run() });
        } catch (error) {
          // Some failures (a full disk, an I/O error) make SQLite roll the
          // whole transaction back. The rest of the group must not then run
          // outside it, each committed on its own and answered 500: the group
          // fails as one, and nothing of it is stored.
          if (!db.inTransaction) throw error;
          outcomes.push({ ok: false, error });
        }
        if (performance.now() - started > GROUP_BUDGET_MS) break;
      }
      return outcomes;
    }).immediate;
  }

  /** Runs `run` in this turn's transaction (or a later one, when the turn's group is over its budget); `deliver` gets its result after the commit. */
  submit(run: () => T, deliver: (outcome: Outcome<T>) => void): void {
    if (this.pending.length === 0) setImmediate(this.flush);
    this.pending.push({ run, deliver });
  }

  private readonly flush = (): void => {
    let group = this.pending;
    this.pending = [];
    let outcomes: Outcome<T>[];
    try {
      outcomes = this.runGroup(group);
    } catch (error) {
      outcomes = group.map(() => ({ ok: false, error }));
    }
    if (outcomes.length < group.length) {
      // Over budget: what did not run goes first in the next group.
      this.pending = group.slice(outcomes.length).concat(this.pending);
      group = group.slice(0, outcomes.length);
      setImmediate(this.flush);
    }
    // Every answer is delivered even if one delivery throws; the first such error is rethrown after.
    let failure: { error: unknown } | undefined;
    group.forEach((item, i) => {
      try {
        item.deliver(outcomes[i]!);
      } catch (error) {
        failure ??= { error };
      }
    });
    if (failure) throw failure.error;
  };
}
