// The sandbox's clock (DESIGN.md, "Time"): every time-based rule reads it
// (rate windows, blocks, key expiry, idempotency retention, timestamps), so a
// test can move time instead of waiting for it. It runs with real time, plus
// an offset that `advance` and `set` move; it never goes back, because rate
// windows and blocks keep their events in order of time (start a new sandbox
// to start over).

/** At most a century ahead: far enough for any expiry or retention, near enough for a Date. */
const MAX_AHEAD_MS = 100 * 365 * 24 * 3600 * 1000;

export interface SandboxClock {
  /** The sandbox's time, in ms since the epoch. */
  now(): number;
  /** Moves the clock forward by `ms` (0 or more). */
  advance(ms: number): void;
  /** Sets the clock to `time` (ms since the epoch, an ISO date-time or a Date), no earlier than now. */
  set(time: number | string | Date): void;
}

/** A clock that instances sharing a store keep together (postgres/shared-clock.ts): each move is told, and moves made elsewhere are followed. */
export interface SharedClock extends SandboxClock {
  /** How far ahead of real time the clock runs (ms). */
  offsetMs(): number;
  /** Takes the offset another instance moved to, if it is ahead of this one's (the clock never goes back). */
  follow(offsetMs: number): void;
  /** Who is told of each advance and set, with the new offset. */
  onMove?: (offsetMs: number) => void;
}

export function adjustableClock(source: () => number = Date.now): SharedClock {
  let offset = 0;
  const now = () => source() + offset;
  const advance = (ms: number) => {
    if (!Number.isFinite(ms) || ms < 0 || ms > MAX_AHEAD_MS) throw new RangeError(`clock.advance(ms) takes 0 to ${MAX_AHEAD_MS} ms; got ${ms}`);
    offset += ms;
    clock.onMove?.(offset);
  };
  const clock: SharedClock = {
    now,
    advance,
    offsetMs: () => offset,
    follow(offsetMs) {
      if (Number.isFinite(offsetMs) && offsetMs > offset) offset = offsetMs;
    },
    set(time) {
      const target = time instanceof Date ? time.getTime() : typeof time === 'string' ? Date.parse(time) : time;
      if (!Number.isFinite(target)) throw new RangeError(`clock.set() takes ms since the epoch, an ISO date-time or a Date; got ${String(time)}`);
      const ahead = target - now();
      if (ahead < 0) throw new RangeError(`the sandbox's clock never goes back (rate windows and blocks depend on it): ${new Date(target).toISOString()} is before its time ${new Date(now()).toISOString()}; start a new sandbox instead`);
      advance(ahead);
    },
  };
  return clock;
}
