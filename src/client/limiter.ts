// Request queuing: at most `limit` requests start in any window of
// `windowMs`, the rest wait their turn in order. When the server sends
// RateLimit-* headers, the limiter follows them: their limit replaces its
// own, and `RateLimit-Remaining: 0` holds every start until `RateLimit-Reset`.
import { limits } from '../../generated/limits.js';

export interface LimiterOptions {
  limit: number;
  windowMs: number;
}

export const defaultLimiterOptions: LimiterOptions = { limit: limits.rateLimitPerMinute, windowMs: 60_000 };

interface Waiter {
  resolve: () => void;
  reject: (reason: unknown) => void;
  signal: AbortSignal | undefined;
  onAbort: () => void;
}

export class RequestLimiter {
  private limit: number;
  private readonly windowMs: number;
  private readonly starts: number[] = [];
  private readonly queue: Waiter[] = [];
  private pausedUntil = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(options: Partial<LimiterOptions> = {}) {
    this.limit = options.limit ?? defaultLimiterOptions.limit;
    this.windowMs = options.windowMs ?? defaultLimiterOptions.windowMs;
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
    while (this.starts.length > 0 && this.starts[0]! <= now - this.windowMs) this.starts.shift();
    if (this.starts.length >= this.limit) return false;
    this.starts.push(now);
    return true;
  }

  /** Resolves when this request may start; rejects with the signal's reason if it aborts while waiting. */
  acquire(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.tryAcquire()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        resolve,
        reject,
        signal,
        onAbort: () => {
          this.queue.splice(this.queue.indexOf(waiter), 1);
          reject(signal!.reason);
        },
      };
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
      this.pausedUntil = Math.max(this.pausedUntil, Date.now() + reset * 1000);
      this.pump();
    }
  }

  private pump(): void {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    while (this.queue.length > 0) {
      const now = Date.now();
      while (this.starts.length > 0 && this.starts[0]! <= now - this.windowMs) this.starts.shift();
      const next = now < this.pausedUntil ? this.pausedUntil : this.starts.length >= this.limit ? this.starts[0]! + this.windowMs : now;
      if (next > now) {
        this.timer = setTimeout(() => this.pump(), next - now);
        return;
      }
      const waiter = this.queue.shift()!;
      waiter.signal?.removeEventListener('abort', waiter.onAbort);
      this.starts.push(now);
      waiter.resolve();
    }
  }
}
