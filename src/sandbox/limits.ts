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

/** Timestamps of recent events per key, trimmed to the window. */
class RecentEvents {
  private readonly events = new Map<string, number[]>();

  constructor(private readonly windowMs: number) {}

  recent(key: string, now: number): number[] {
    const list = this.events.get(key);
    if (!list) return [];
    const cutoff = now - this.windowMs;
    let drop = 0;
    while (drop < list.length && list[drop]! <= cutoff) drop++;
    if (drop > 0) list.splice(0, drop);
    if (list.length === 0) this.events.delete(key);
    return list;
  }

  add(key: string, now: number): number[] {
    const list = this.recent(key, now);
    list.push(now);
    this.events.set(key, list);
    // Keys nobody uses any more (unknown keys of a scan, say) must not pile up.
    if (this.events.size > 10_000) for (const k of [...this.events.keys()]) this.recent(k, now);
    return list;
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
    const allowed = recent.length < limit;
    const list = allowed ? this.hits.add(key, now) : recent;
    const resetMs = list.length > 0 ? list[0]! + this.windowMs - now : this.windowMs;
    return {
      allowed,
      retryAfterSeconds: ceilSeconds(resetMs),
      state: { limit, remaining: Math.max(0, limit - list.length), resetSeconds: ceilSeconds(resetMs) },
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
    if (this.attempts.add(key, now).length >= this.threshold) this.blockedUntil.set(key, now + this.blockMs);
  }
}
