// Date-time parameters. A client's bound is RFC 3339 text as the spec's
// `date-time` format accepts it (generated/formats.js): any year 0000-9999,
// any offset up to ±23:59, a fraction of any length, a leap second (:60).
// Not every such text is something `new Date()` reads (a leap second is
// Invalid Date), nor is its toISOString() ordered like the sandbox's
// timestamps (`+010000-01-01…` sorts before `2026-…`). So a bound is read
// here, by arithmetic, into the stored form of a timestamp.
//
// The sandbox's timestamps (`recorded_at`, `created_at`, …) are toISOString()
// of its clock: whole milliseconds, always 24 characters for the years
// 0000-9999, where the order of the text is the order in time. A bound is
// turned into the nearest such timestamp on its side (the first at or after a
// lower bound, the last at or before an upper one), kept within 0000-9999, so
// comparing the text compares the instants.

/** The first and last timestamps the stored form can write (years 0000 and 9999). */
const FIRST_MS = new Date(0).setUTCFullYear(0, 0, 1);
const LAST_MS = new Date(0).setUTCFullYear(10000, 0, 1) - 1;

/** A range no timestamp lies in: its lower bound is after its upper one. */
const EMPTY = { from: new Date(LAST_MS).toISOString(), to: new Date(FIRST_MS).toISOString() };

interface Instant {
  /** Milliseconds since the epoch, rounded down. */
  ms: number;
  /** The instant lies strictly after `ms` (and before `ms + 1`): a finer fraction, or a leap second. */
  later: boolean;
}

function digits(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) value = value * 10 + (text.charCodeAt(i) - 48);
  return value;
}

/**
 * The instant of a `date-time` the spec's format accepts (this reads, it
 * does not check). A leap second, 23:59:60(.f) UTC, happened after every
 * millisecond of that minute and before the next one began; the sandbox's
 * clock, like POSIX time, has no name for it. So it is read as the last
 * instant of its minute, after every timestamp the clock can write in that
 * minute: as a lower bound it admits from the next second on (hh:00:00.000),
 * as an upper bound the whole minute (up to 23:59:59.999).
 */
function instantOf(text: string): Instant {
  const end = text.length;
  const zulu = text[end - 1] === 'Z' || text[end - 1] === 'z';
  const offsetMinutes = zulu ? 0 : (text[end - 6] === '-' ? -1 : 1) * (digits(text, end - 5, end - 3) * 60 + digits(text, end - 2, end));
  const fractionEnd = zulu ? end - 1 : end - 6;
  const second = digits(text, 17, 19);
  // The fraction as milliseconds, and whether any digit past them is not 0.
  let fractionMs = 0;
  let later = false;
  for (let i = 20; i < fractionEnd; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (i < 23) fractionMs += digit * 10 ** (22 - i);
    else if (digit !== 0) later = true;
  }
  if (second === 60) {
    fractionMs = 999;
    later = true;
  }
  const day = new Date(0).setUTCFullYear(digits(text, 0, 4), digits(text, 5, 7) - 1, digits(text, 8, 10));
  const minutes = digits(text, 11, 13) * 60 + digits(text, 14, 16) - offsetMinutes;
  return { ms: day + (minutes * 60 + Math.min(second, 59)) * 1000 + fractionMs, later };
}

/**
 * The timestamps (in their stored form) that lie between two optional
 * `date-time` bounds, both inclusive: every stored timestamp `t` with
 * `from <= t && t <= to` as text, and no other. When none can, `from > to`.
 */
export function timestampRange(fromDate: string | undefined, toDate: string | undefined): { from: string; to: string } {
  let from = FIRST_MS;
  let to = LAST_MS;
  if (fromDate !== undefined) {
    const instant = instantOf(fromDate);
    from = Math.max(from, instant.later ? instant.ms + 1 : instant.ms);
  }
  if (toDate !== undefined) to = Math.min(to, instantOf(toDate).ms);
  if (from > to) return EMPTY;
  return { from: new Date(from).toISOString(), to: new Date(to).toISOString() };
}
