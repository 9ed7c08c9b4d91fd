// Request queuing: at most `limit` requests start in any window of
// `windowMs`, the rest wait their turn in order. When the server sends
// RateLimit-* headers, the limiter follows them: their limit replaces its
// own, and `RateLimit-Remaining: 0` holds every start until `RateLimit-Reset`,
// for at most `maxPauseMs`: a server cannot park the client for days.
import { limits, rateWindowSeconds } from '../../generated/limits.js';
import { checkLimiterOptions } from './checked-options.ts';
import { MAX_TIMER_MS } from './delay.ts';

/** The window of the spec's rate limit (x-limits' `rateLimitPerMinute`). */
export const SPEC_RATE_WINDOW_MS = rateWindowSeconds * 1000;

export interface LimiterOptions {
  limit: number;
  windowMs: number;
}

export const defaultLimiterOptions: LimiterOptions = { limit: limits.rateLimitPerMinute, windowMs: SPEC_RATE_WINDOW_MS };

interface Waiter {
  resolve: () => void;
  reject: (reason: unknown) => void;
  signal: AbortSignal | undefined;
  onAbort: () => void;
  timer: ReturnType<typeof setTimeout> | undefined;
}

export class RequestLimiter {
  private limit: number;
  private readonly windowMs: number;
  /**
   * The longest a `RateLimit-Reset` holds every start: one rate window, the
   * spec's or this limiter's if longer. Within a window the server's count
   * starts afresh, so a longer reset can only be a mistake or an attack.
   */
  readonly maxPauseMs: number;
  private readonly starts: number[] = [];
  private readonly queue: Waiter[] = [];
  private pausedUntil = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(options: Partial<LimiterOptions> = {}) {
    checkLimiterOptions(options);
    this.limit = options.limit ?? defaultLimiterOptions.limit;
    this.windowMs = options.windowMs ?? defaultLimiterOptions.windowMs;
    this.maxPauseMs = Math.max(this.windowMs, SPEC_RATE_WINDOW_MS);
  }

  /** How many requests wait for their turn. */
  get pending(): number {
    return this.queue.length;
  }

  /**
   * Takes a place at once when one is free and nobody waits (no promise, no
   * listener: the common case costs next to nothing). Returns false otherwise.
   */
  tryAcquire(): boolean {
    if (this.queue.length > 0) return false;
    const now = Date.now();
    if (now < this.pausedUntil) return false;
    this.prune(now);
    if (this.starts.length >= this.limit) return false;
    this.starts.push(now);
    return true;
  }

  /**
   * Resolves when this request may start; rejects with the signal's reason if
   * it aborts while waiting. With `maxWaitMs`, rejects with `tooLong()` when
   * the start is later than that: at once when that is already known (a
   * pause, a full window), else when `maxWaitMs` has passed in the queue.
   */
  acquire(signal?: AbortSignal, maxWaitMs?: number, tooLong?: () => unknown): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.tryAcquire()) return Promise.resolve();
    const bounded = maxWaitMs !== undefined;
    if (bounded && this.earliestStart(Date.now()) - Date.now() > maxWaitMs) return Promise.reject(tooLong?.());
    return new Promise((resolve, reject) => {
      const leave = () => {
        this.queue.splice(this.queue.indexOf(waiter), 1);
        signal?.removeEventListener('abort', waiter.onAbort);
        clearTimeout(waiter.timer);
      };
      const waiter: Waiter = {
        resolve,
        reject,
        signal,
        onAbort: () => {
          leave();
          reject(signal!.reason);
        },
        timer: undefined,
      };
      if (bounded) {
        waiter.timer = setTimeout(() => {
          leave();
          reject(tooLong?.());
        }, Math.min(Math.max(0, maxWaitMs), MAX_TIMER_MS));
      }
      signal?.addEventListener('abort', waiter.onAbort, { once: true });
      this.queue.push(waiter);
      this.pump();
    });
  }

  /** Adapts to the server's RateLimit-* headers, when it sends them. */
  observe(headers: Headers): void {
    const limit = Number(headers.get('ratelimit-limit'));
    if (Number.isInteger(limit) && limit > 0) this.limit = limit;
    const remaining = headers.get('ratelimit-remaining');
    const reset = Number(headers.get('ratelimit-reset'));
    if (remaining === '0' && Number.isFinite(reset) && reset > 0) {
      this.pausedUntil = Math.max(this.pausedUntil, Date.now() + Math.min(reset * 1000, this.maxPauseMs));
      this.pump();
    }
  }

  private prune(now: number): void {
    while (this.starts.length > 0 && this.starts[0]! <= now - this.windowMs) this.starts.shift();
  }

  /** When the next request could start, nobody else waiting. */
  private earliestStart(now: number): number {
    this.prune(now);
    const windowFree = this.starts.length >= this.limit ? this.starts[this.starts.length - this.limit]! + this.windowMs : now;
    return Math.max(now, this.pausedUntil, windowFree);
  }

  private pump(): void {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    while (this.queue.length > 0) {
      const now = Date.now();
      const next = this.earliestStart(now);
      if (next > now) {
        // Both terms are bounded (maxPauseMs, windowMs): the min only guards the timer.
        this.timer = setTimeout(() => this.pump(), Math.min(next - now, MAX_TIMER_MS));
        return;
      }
      const waiter = this.queue.shift()!;
      waiter.signal?.removeEventListener('abort', waiter.onAbort);
      clearTimeout(waiter.timer);
      this.starts.push(now);
      waiter.resolve();
    }
  }
}
