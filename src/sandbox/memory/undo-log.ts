// The undo log of the in-memory store: how a transaction is rolled back.
// Every mutation of the state (a row put or deleted, a counter bumped) first
// records what it replaces; rolling back applies those records in reverse
// order. A transaction thus costs in proportion to what it changes, never a
// copy of the whole state. Entries are plain data (what to restore, where),
// so that they can be counted, and they hold the replaced row itself: rows
// are never changed in place, only replaced (tables.ts).

/** Something whose changes can be undone: a table (by primary key) or a counter. */
export interface Undoable<Value> {
  /** Puts back `before` under `key`, without logging it (undefined: there was nothing). */
  revert(key: string, before: Value | undefined): void;
}

interface UndoEntry {
  target: Undoable<unknown>;
  key: string;
  before: unknown;
}

export class UndoLog {
  private readonly entries: UndoEntry[] = [];

  /** How many changes are recorded: what a rollback would undo. */
  get size(): number {
    return this.entries.length;
  }

  record<Value>(target: Undoable<Value>, key: string, before: Value | undefined): void {
    this.entries.push({ target: target as Undoable<unknown>, key, before });
  }

  /** A savepoint: rollbackTo(mark) undoes what was recorded after it. */
  mark(): number {
    return this.entries.length;
  }

  /** Undoes every change recorded after `mark`, newest first. */
  rollbackTo(mark: number): void {
    while (this.entries.length > mark) {
      const entry = this.entries.pop()!;
      entry.target.revert(entry.key, entry.before);
    }
  }
}

/** Where the tables of one state record their changes: the running transaction's log, if any. */
export class Journal {
  log: UndoLog | undefined = undefined;

  /** Runs `change` as one unit: if it throws, what it changed so far is undone (a savepoint of the current log). */
  atomic<T>(change: () => T): T {
    const log = this.log;
    const mark = log?.mark() ?? 0;
    try {
      return change();
    } catch (error) {
      log?.rollbackTo(mark);
      throw error;
    }
  }
}
