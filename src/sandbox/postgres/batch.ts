// Calls of many concurrent requests in one statement. On a machine where the
// sandbox, PostgreSQL and the clients share a few cores, what a round trip
// costs is mostly not the work the database does but the messages: a write
// and a read on each side and a wake-up of each process. A statement that
// takes arrays (one element per call) pays that once for all the calls
// queued while the one before was out (bench/postgres-profile.ts, and the
// figures in docs/benchmarks.md).
//
// The calls submitted in one event-loop turn (and the next, and the ones
// after while calls keep coming) form a batch, sent once a turn brings none
// (so a lone call waits for no timer), on a connection of the pool; calls
// made while it is out go in the next (MAX_OUT). Each batch is one
// statement, so it is atomic: the function behind it handles its calls in
// their order, and every call of a batch that fails (the database away, a
// timeout) gets that error.

/** Most calls in one statement: its arrays and its answer stay small. */
export const MAX_BATCH = 256;
/**
 * Most calls waiting for a batch: past that, a call is refused at once with
 * the `full` error (a database that hangs, or a flood of requests, gathers
 * nothing without end; each batch's wait is bounded by the statement timeout).
 */
export const MAX_QUEUED = 16 * MAX_BATCH;

interface Waiting<I, O> {
  input: I;
  resolve: (output: O) => void;
  reject: (error: unknown) => void;
}

/**
 * Batches of one kind out at once, at most: calls made while one is out wait
 * and go together in the next. One: measured against two and four on a busy
 * machine (docs/benchmarks.md, PostgreSQL), as fast or faster: the batches
 * are larger (a batch's cost is mostly the same whatever its size) and never
 * wait for each other's row locks (one key's window, one workspace's quota).
 */
const MAX_OUT = 1;

/** Most event-loop turns a batch waits for more calls, while each brings some (a bound on the wait, in turns). */
const MAX_GATHER_TURNS = 16;

export class Batcher<I, O> {
  private queue: Waiting<I, O>[] = [];
  private scheduled = false;
  private out = 0;

  /** `send` runs one batch: its outputs are in the order of its inputs, one each. */
  constructor(
    private readonly send: (inputs: I[]) => Promise<O[]>,
    private readonly full: () => unknown,
  ) {}

  submit(input: I): Promise<O> {
    if (this.queue.length >= MAX_QUEUED) return Promise.reject(this.full());
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ input, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.out >= MAX_OUT || this.queue.length === 0) return;
    this.scheduled = true;
    // Not at the end of this turn but of the next, and of each one after that brings more calls (at most
    // MAX_GATHER_TURNS): the requests whose bytes arrive meanwhile join the batch, and an idle instance waits
    // two loop turns, no timer. The statement costs the database about as much whatever its size, and it is
    // what the next batch waits for: measured, two turns gave batches of about 6 requests from 10 clients,
    // gathering while they come about 9, and a tenth to a fifth more GETs a second (docs/benchmarks.md, PostgreSQL).
    let turns = 0;
    let queued = this.queue.length;
    const gather = () => {
      turns++;
      const grew = this.queue.length > queued;
      queued = this.queue.length;
      if (turns < 2 || (grew && turns < MAX_GATHER_TURNS && queued < MAX_BATCH)) {
        setImmediate(gather);
        return;
      }
      this.scheduled = false;
      while (this.queue.length > 0 && this.out < MAX_OUT) void this.flush(this.queue.splice(0, MAX_BATCH));
    };
    setImmediate(gather);
  }

  private async flush(batch: Waiting<I, O>[]): Promise<void> {
    this.out++;
    try {
      const outputs = await this.send(batch.map((waiting) => waiting.input));
      if (outputs.length !== batch.length) throw new Error(`a batch of ${batch.length} calls got ${outputs.length} answers`);
      batch.forEach((waiting, i) => waiting.resolve(outputs[i]!));
    } catch (error) {
      for (const waiting of batch) waiting.reject(error);
    } finally {
      this.out--;
      this.schedule();
    }
  }
}
