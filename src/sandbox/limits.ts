// In-memory limits of the sandbox: the per-key rolling-window rate limit, and
// the block that follows repeated invalid attempts. Both are synchronous, so
// requests arriving together are counted exactly, one after the other.
//
// Every table here is capped in entries, and each call does a bounded amount
// of work whatever the number of keys seen: anyone can invent unknown keys,
// so a scan must cost the sandbox neither time per request nor memory.
import type { KeyLimits, LimitSettings, RateDecision } from './store/store.ts';
import { TouchOrderedTable } from './touch-ordered-table.ts';

/**
 * Most unknown keys whose invalid attempts are remembered, and, separately,
 * most unknown keys blocked at once. Measured on Node 20: an attempts entry
 * costs about 400 bytes with one attempt (the key's 64-character hash, its
 * table node, its window of attempt times) and about 650 with a full window
 * of `threshold` (20) attempts, a block about 200: both tables full take at
 * most about 17 MB. Past the cap the oldest entry is forgotten: a scanner
 * cycling through more keys than this within a window can only make the
 * sandbox forget the attempts, or lift the block, of other unknown keys
 * (keys that exist nowhere: guesses, typos). Real keys are counted in tables
 * of their own, which unknown keys never touch: a scan can neither block nor
 * unblock a real key, nor make it forget its attempts.
 */
export const UNKNOWN_KEYS_CAPACITY = 20_000;

/**
 * Most real keys (keys of the fixtures) with a rate window, and, separately,
 * with invalid attempts or a block. Only the operator creates real keys, so
 * this is a safety net far above any fixtures file: a real key's window is
 * forgotten early only if more real keys than this were used within one window.
 */
export const REAL_KEYS_CAPACITY = 100_000;

/**
 * Keys whose events have all left the window that one call forgets, at most,
 * from the oldest end. A call adds at most one key, so with 2 the expired keys
 * go at least as fast as they come, and no call ever walks a whole table.
 */
const EXPIRED_PER_CALL = 2;

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

  get newest(): number | undefined {
    return this.size > 0 ? this.times[this.times.length - 1] : undefined;
  }

  trim(cutoff: number): void {
    while (this.start < this.times.length && this.times[this.start]! <= cutoff) this.start++;
    this.compact();
  }

  /** Adds an event, then drops the oldest ones beyond `keep`. */
  push(time: number, keep: number): void {
    this.times.push(time);
    if (this.size > keep) this.start = this.times.length - keep;
    this.compact();
  }

  private compact(): void {
    if (this.start > 1024 && this.start * 2 > this.times.length) {
      this.times = this.times.slice(this.start);
      this.start = 0;
    }
  }
}

/**
 * Recent events per key, trimmed to the window, for at most `capacity` keys,
 * ordered by their latest event: the keys nobody used within the window are
 * at the oldest end, and are forgotten from there a few per call.
 */
class RecentEvents {
  private readonly windows: TouchOrderedTable<EventWindow>;

  constructor(
    private readonly windowMs: number,
    capacity: number,
    /** Events kept per key: the newest ones; enough to compare a count with a threshold of this size. */
    private readonly keepPerKey = Infinity,
  ) {
    this.windows = new TouchOrderedTable(capacity);
  }

  /** Keys held. */
  get size(): number {
    return this.windows.size;
  }

  /** The key's events within the window; stores nothing for a key it does not hold. */
  recent(key: string, now: number): EventWindow {
    const window = this.windows.get(key);
    if (!window) return new EventWindow();
    window.trim(now - this.windowMs);
    return window;
  }

  add(key: string, now: number): EventWindow {
    const cutoff = now - this.windowMs;
    const window = this.windows.get(key) ?? new EventWindow();
    window.trim(cutoff);
    window.push(now, this.keepPerKey);
    this.windows.set(key, window);
    for (let i = 0; i < EXPIRED_PER_CALL; i++) {
      const oldest = this.windows.oldest?.newest;
      if (oldest === undefined || oldest > cutoff) break;
      this.windows.deleteOldest();
    }
    return window;
  }
}

export class RateLimiter {
  private readonly hits: RecentEvents;

  constructor(private readonly windowMs: number) {
    this.hits = new RecentEvents(windowMs, REAL_KEYS_CAPACITY);
  }

  /** Keys held, for tests. */
  get size(): number {
    return this.hits.size;
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

/** The invalid attempts and blocks of one population of keys, each table capped at `capacity` keys. */
class AttemptsAndBlocks {
  private readonly attempts: RecentEvents;
  /** Key -> end of its block; blocks all last blockMs, so the oldest entry ends first. */
  private readonly blockedUntil: TouchOrderedTable<number>;

  constructor(
    windowMs: number,
    private readonly threshold: number,
    private readonly blockMs: number,
    capacity: number,
  ) {
    // Only whether a key reached the threshold matters: its newest `threshold` attempts tell.
    this.attempts = new RecentEvents(windowMs, capacity, threshold);
    this.blockedUntil = new TouchOrderedTable(capacity);
  }

  get size(): number {
    return this.attempts.size + this.blockedUntil.size;
  }

  blockedFor(key: string, now: number): number {
    const until = this.blockedUntil.get(key);
    if (until === undefined) return 0;
    if (until <= now) {
      this.blockedUntil.delete(key);
      return 0;
    }
    return ceilSeconds(until - now);
  }

  record(key: string, now: number): void {
    if (this.attempts.add(key, now).size >= this.threshold) this.blockedUntil.set(key, now + this.blockMs);
    for (let i = 0; i < EXPIRED_PER_CALL; i++) {
      const oldest = this.blockedUntil.oldest;
      if (oldest === undefined || oldest > now) break;
      this.blockedUntil.deleteOldest();
    }
  }
}

export class InvalidAttemptBlocker {
  private readonly unknownKeys: AttemptsAndBlocks;
  private readonly realKeys: AttemptsAndBlocks;

  constructor(windowMs: number, threshold: number, blockMs: number) {
    this.unknownKeys = new AttemptsAndBlocks(windowMs, threshold, blockMs, UNKNOWN_KEYS_CAPACITY);
    this.realKeys = new AttemptsAndBlocks(windowMs, threshold, blockMs, REAL_KEYS_CAPACITY);
  }

  /** Entries held (attempts and blocks, unknown and real keys), for tests. */
  get size(): number {
    return this.unknownKeys.size + this.realKeys.size;
  }

  /** Seconds the key stays blocked, or 0 when it is not blocked. */
  blockedFor(key: string, now: number): number {
    return Math.max(this.unknownKeys.blockedFor(key, now), this.realKeys.blockedFor(key, now));
  }

  /** Records an attempt with a key that exists nowhere. */
  recordUnknownKey(key: string, now: number): void {
    this.unknownKeys.record(key, now);
  }

  /** Records an invalid attempt by a real key (a team it lacks). */
  recordRealKey(key: string, now: number): void {
    this.realKeys.record(key, now);
  }
}

/** The limits of one process, behind the interface a shared store's limits have too (store.ts's KeyLimits). */
export class ProcessLimits implements KeyLimits {
  private readonly rates: RateLimiter;
  readonly blocker: InvalidAttemptBlocker;

  constructor(settings: LimitSettings) {
    this.rates = new RateLimiter(settings.windowMs);
    this.blocker = new InvalidAttemptBlocker(settings.windowMs, settings.blockThreshold, settings.blockMs);
  }

  take(keyHash: string, limit: number, now: number): RateDecision {
    const blockedFor = this.blocker.blockedFor(keyHash, now);
    if (blockedFor > 0) return { allowed: false, limit, remaining: 0, resetSeconds: blockedFor, blockedFor };
    const { allowed, state } = this.rates.take(keyHash, limit, now);
    return { allowed, ...state, blockedFor: 0 };
  }

  blockedFor(keyHash: string, now: number): number {
    return this.blocker.blockedFor(keyHash, now);
  }

  recordUnknownKey(keyHash: string, now: number): void {
    this.blocker.recordUnknownKey(keyHash, now);
  }

  recordRealKey(keyHash: string, now: number): void {
    this.blocker.recordRealKey(keyHash, now);
  }
}
