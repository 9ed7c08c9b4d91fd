// Counts failures by code, status and operation over a sliding time window,
// for dashboards and alerts. Feed it the client's events (`tracker.hook`).
import type { ClientEvent } from './events.ts';

export interface ErrorCounts {
  /** Failures in the window. */
  total: number;
  byCode: Record<string, number>;
  byStatus: Record<string, number>;
  byOperation: Record<string, number>;
  /** The window, in ms, that the counts cover. */
  windowMs: number;
}

interface Failure {
  time: number;
  code: string;
  status: string;
  operation: string;
}

export class ErrorTracker {
  private readonly failures: Failure[] = [];

  constructor(readonly windowMs: number = 5 * 60_000) {}

  /** An event hook: pass it as `onEvent` (or call it from yours). */
  readonly hook = (event: ClientEvent): void => {
    if (event.type !== 'failure') return;
    this.failures.push({
      time: event.time,
      code: event.code ?? (event.error === 'api' ? 'NO_CODE' : event.error.toUpperCase()),
      status: event.status === undefined ? 'none' : String(event.status),
      operation: event.operationId ?? `${event.method} ${event.path}`,
    });
    this.trim(Date.now());
  };

  private trim(now: number): void {
    while (this.failures.length > 0 && this.failures[0]!.time <= now - this.windowMs) this.failures.shift();
  }

  /** The counts of the failures in the last `windowMs`. */
  snapshot(now: number = Date.now()): ErrorCounts {
    this.trim(now);
    const count = (key: keyof Omit<Failure, 'time'>) =>
      this.failures.reduce<Record<string, number>>((counts, f) => ((counts[f[key]] = (counts[f[key]] ?? 0) + 1), counts), {});
    return { total: this.failures.length, byCode: count('code'), byStatus: count('status'), byOperation: count('operation'), windowMs: this.windowMs };
  }
}
