// The order in which one instance's transactions start: first come, first
// served. A writer starts once everything queued before it has settled;
// readers queued together run side by side (they change only the quota, in
// one atomic statement), and a reader never overtakes a writer queued before
// it, so each transaction sees what the ones before it wrote. Across
// instances the same rule holds through PostgreSQL's advisory lock
// (postgres-store.ts); this queue keeps it within one, in arrival order, and
// keeps waiting work out of the connection pool: at most `maxReaders` readers
// run at once (the pool's size), and at most `maxWaiting` transactions wait,
// past which a request is refused at once rather than queued.

interface Waiting {
  exclusive: boolean;
  /** Set when it gave up waiting (run's maxWaitMs): skipped when its turn comes. */
  abandoned: boolean;
  start: () => void;
}

export interface TurnLimits {
  /** Readers running at once, at most. */
  maxReaders: number;
  /** Transactions waiting for their turn, at most. */
  maxWaiting: number;
  /** The error a transaction gets when `maxWaiting` are already waiting. */
  full: () => unknown;
}

export class Turns {
  private readonly waiting: Waiting[] = [];
  private head = 0;
  /** Entries of `waiting` neither started nor abandoned. */
  private queued = 0;
  private readers = 0;
  private writer = false;

  constructor(private readonly limits: TurnLimits = { maxReaders: Infinity, maxWaiting: Infinity, full: () => new Error('too many transactions waiting') }) {}

  /**
   * Runs `work` in its turn; `exclusive`: alone. With `maxWaitMs`, a turn not
   * come by then is given up: the promise rejects with `tooLong()` and `work`
   * never runs (a database that hangs must not queue requests without end).
   */
  run<T>(exclusive: boolean, work: () => Promise<T>, maxWaitMs?: number, tooLong?: () => unknown): Promise<T> {
    if (this.queued >= this.limits.maxWaiting) return Promise.reject(this.limits.full());
    return this.enqueue(exclusive, work, maxWaitMs, tooLong);
  }

  /** Settles once everything queued so far has (never refused: closing waits for the queue whatever its length). */
  drain(): Promise<void> {
    return this.enqueue(true, async () => {});
  }

  private enqueue<T>(exclusive: boolean, work: () => Promise<T>, maxWaitMs?: number, tooLong?: () => unknown): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      let started = false;
      const entry: Waiting = {
        exclusive,
        abandoned: false,
        start: () => {
          started = true;
          this.queued--;
          clearTimeout(timer);
          work().then(resolve, reject).finally(() => this.finish(exclusive));
        },
      };
      this.waiting.push(entry);
      this.queued++;
      this.next();
      if (maxWaitMs !== undefined && !started) {
        timer = setTimeout(() => {
          entry.abandoned = true;
          this.queued--;
          reject(tooLong?.() ?? new Error('gave up waiting for a turn'));
        }, maxWaitMs);
      }
    });
  }

  private finish(exclusive: boolean): void {
    if (exclusive) this.writer = false;
    else this.readers--;
    this.next();
  }

  private next(): void {
    while (this.head < this.waiting.length && !this.writer) {
      const first = this.waiting[this.head]!;
      if (first.abandoned) {
        this.head++;
        continue;
      }
      if (first.exclusive ? this.readers > 0 : this.readers >= this.limits.maxReaders) break;
      this.head++;
      if (first.exclusive) this.writer = true;
      else this.readers++;
      first.start();
    }
    // Started entries are dropped in bulk: amortised constant time per turn.
    if (this.head > 1024 && this.head * 2 > this.waiting.length) {
      this.waiting.splice(0, this.head);
      this.head = 0;
    }
  }
}
