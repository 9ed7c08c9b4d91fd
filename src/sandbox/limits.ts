// In-memory limits of the sandbox: the per-key rolling-window rate limit, and
// the block that follows repeated invalid attempts. Both are synchronous, so
// requests arriving together are counted exactly, one after the other.

export interface WindowState {
  limit: number;
  remaining: number;
  /** Seconds until the oldest request in the window leaves it. */
  resetSeconds: number;
}

const ceilSeconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/**
 * Timestamps of one key's recent events, oldest first. Old ones are dropped
 * by moving a start index, not by shifting the array, so that a busy key
 * (thousands of requests in a window) costs the same per request as a quiet one.
 */
class EventWindow {
  private times: number[] = [];
  private start = 0;

  get size(): number {
    return this.times.length - this.start;
  }

  get oldest(): number | undefined {
    return this.times[this.start];
  }

  trim(cutoff: number): void {
    while (this.start < this.times.length && this.times[this.start]! <= cutoff) this.start++;
    if (this.start > 1024 && this.start * 2 > this.times.length) {
      this.times = this.times.slice(this.start);
      this.start = 0;
    }
  }

  push(time: number): void {
    this.times.push(time);
  }
}

/** Recent events per key, trimmed to the window. */
class RecentEvents {
  private readonly events = new Map<string, EventWindow>();

  constructor(private readonly windowMs: number) {}

  recent(key: string, now: number): EventWindow {
    let window = this.events.get(key);
    if (!window) {
      window = new EventWindow();
      this.events.set(key, window);
    }
    window.trim(now - this.windowMs);
    return window;
  }

  add(key: string, now: number): EventWindow {
    const window = this.recent(key, now);
    window.push(now);
    // Keys nobody uses any more (unknown keys of a scan, say) must not pile up.
    if (this.events.size > 10_000) {
      for (const [k, w] of this.events) {
        w.trim(now - this.windowMs);
        if (w.size === 0) this.events.delete(k);
      }
    }
    return window;
  }
}

export class RateLimiter {
  private readonly hits: RecentEvents;

  constructor(private readonly windowMs: number) {
    this.hits = new RecentEvents(windowMs);
  }

  /** Counts one request for `key` if the window has room; says how much is left either way. */
  take(key: string, limit: number, now: number): { allowed: boolean; retryAfterSeconds: number; state: WindowState } {
    const recent = this.hits.recent(key, now);
    const allowed = recent.size < limit;
    const window = allowed ? this.hits.add(key, now) : recent;
    const resetMs = window.oldest !== undefined ? window.oldest + this.windowMs - now : this.windowMs;
    return {
      allowed,
      retryAfterSeconds: ceilSeconds(resetMs),
      state: { limit, remaining: Math.max(0, limit - window.size), resetSeconds: ceilSeconds(resetMs) },
    };
  }
}

export class InvalidAttemptBlocker {
  private readonly attempts: RecentEvents;
  private readonly blockedUntil = new Map<string, number>();

  constructor(
    windowMs: number,
    private readonly threshold: number,
    private readonly blockMs: number,
  ) {
    this.attempts = new RecentEvents(windowMs);
  }

  /** Seconds the key stays blocked, or 0 when it is not blocked. */
  blockedFor(key: string, now: number): number {
    const until = this.blockedUntil.get(key);
    if (until === undefined) return 0;
    if (until <= now) {
      this.blockedUntil.delete(key);
      return 0;
    }
    return ceilSeconds(until - now);
  }

  /** Records an invalid attempt (an unknown key, or a team the key lacks). */
  record(key: string, now: number): void {
    if (this.attempts.add(key, now).size >= this.threshold) this.blockedUntil.set(key, now + this.blockMs);
  }
}
