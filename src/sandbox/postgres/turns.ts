// The order in which one instance's transactions start: first come, first
// served. A writer starts once everything queued before it has settled;
// readers queued together run side by side (they change only the quota, in
// one atomic statement), and a reader never overtakes a writer queued before
// it, so each transaction sees what the ones before it wrote. Across
// instances the same rule holds through PostgreSQL's advisory lock
// (postgres-store.ts); this queue keeps it within one, in arrival order, and
// keeps waiting work out of the connection pool.

interface Waiting {
  exclusive: boolean;
  /** Set when it gave up waiting (run's maxWaitMs): skipped when its turn comes. */
  abandoned: boolean;
  start: () => void;
}

export class Turns {
  private readonly waiting: Waiting[] = [];
  private head = 0;
  private readers = 0;
  private writer = false;

  /**
   * Runs `work` in its turn; `exclusive`: alone. With `maxWaitMs`, a turn not
   * come by then is given up: the promise rejects with `tooLong()` and `work`
   * never runs (a database that hangs must not queue requests without end).
   */
  run<T>(exclusive: boolean, work: () => Promise<T>, maxWaitMs?: number, tooLong?: () => unknown): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      let started = false;
      const entry: Waiting = {
        exclusive,
        abandoned: false,
        start: () => {
          started = true;
          clearTimeout(timer);
          work().then(resolve, reject).finally(() => this.finish(exclusive));
        },
      };
      this.waiting.push(entry);
      this.next();
      if (maxWaitMs !== undefined && !started) {
        timer = setTimeout(() => {
          entry.abandoned = true;
          reject(tooLong?.() ?? new Error('gave up waiting for a turn'));
        }, maxWaitMs);
      }
    });
  }

  /** Settles once everything queued so far has. */
  drain(): Promise<void> {
    return this.run(true, async () => {});
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
      if (first.exclusive && this.readers > 0) break;
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
