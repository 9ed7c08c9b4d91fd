// CPU-heavy steps of requests, a few at a time. Node runs the callbacks of
// every socket that is ready in one phase of its event loop: ten 1 MiB
// bodies arriving together are parsed and validated back to back, and a
// /health probe waits behind all of them. Steps given to `run` instead go
// through a queue that runs them (and whatever their promises continue
// with) for at most BUDGET_MS per turn of the loop, then lets timers and
// other I/O run before the rest.
import { nextTurn } from '../portable/next-turn.ts';

export const TURN_BUDGET_MS = 5;

export class TurnBudget {
  private readonly queue: Array<() => void> = [];
  private scheduled = false;
  private started = 0;

  /** Runs `work` in its turn; the promise settles with its result. */
  run<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push(() => {
        try {
          resolve(work());
        } catch (error) {
          reject(error);
        }
      });
      if (!this.scheduled) {
        this.scheduled = true;
        nextTurn(this.drain);
      }
    });
  }

  private readonly drain = (): void => {
    this.started = performance.now();
    this.next();
  };

  // Queued as a microtask after each step, so that what the step's promise
  // continues with runs first and counts toward the turn.
  private readonly next = (): void => {
    const job = this.queue.shift();
    if (!job) {
      this.scheduled = false;
      return;
    }
    job();
    if (this.queue.length === 0) {
      this.scheduled = false;
    } else if (performance.now() - this.started > TURN_BUDGET_MS) {
      nextTurn(this.drain);
    } else {
      queueMicrotask(this.next);
    }
  };
}
