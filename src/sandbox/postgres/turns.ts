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
  start: () => void;
}

export class Turns {
  private readonly waiting: Waiting[] = [];
  private head = 0;
  private readers = 0;
  private writer = false;

  /** Runs `work` in its turn; `exclusive`: alone. */
  run<T>(exclusive: boolean, work: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.waiting.push({
        exclusive,
        start: () => {
          work().then(resolve, reject).finally(() => this.finish(exclusive));
        },
      });
      this.next();
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
