// Keeping each key under its rate limit, as a well-behaved client would, so
// that a verdict never rests on a 429 the verifier caused itself. A key's
// allowance is learnt from the answers (`RateLimit-Remaining` and
// `RateLimit-Reset`, which the contract puts on every authenticated answer),
// and before the first answer from the fixtures' `rateLimitPerMinute`.
import { rateWindowSeconds } from '../../generated/limits.js';

/** Keys with a higher limit than this are not counted before the first answer: no run comes near it. */
const COUNTED_LIMIT_AT_MOST = 10_000;
const WINDOW_MS = rateWindowSeconds * 1000;

interface KeyState {
  /** From the last answer: what remained, and when the oldest counted request leaves the window. */
  remaining?: number;
  resetAt?: number;
  /** Send times within the last minute, for keys no answer has spoken for yet (bounded by the key's limit). */
  sent: number[];
  limit: number;
}

export class Pacer {
  private readonly keys = new Map<string, KeyState>();

  /** `limits`: each fixture key's requests per minute. */
  constructor(limits: Map<string, number>, private readonly now: () => number = Date.now) {
    for (const [key, limit] of limits) this.keys.set(key, { sent: [], limit });
  }

  /** How long to wait before sending with `key` (0 when it may go now). */
  delayFor(key: string | undefined): number {
    const state = key === undefined ? undefined : this.keys.get(key);
    if (!state) return 0;
    const now = this.now();
    if (state.remaining !== undefined && state.resetAt !== undefined) {
      return state.remaining > 0 || now >= state.resetAt ? 0 : state.resetAt - now;
    }
    if (state.limit > COUNTED_LIMIT_AT_MOST) return 0;
    while (state.sent.length > 0 && state.sent[0]! <= now - WINDOW_MS) state.sent.shift();
    return state.sent.length < state.limit ? 0 : state.sent[0]! + WINDOW_MS - now;
  }

  /** Records a request sent with `key`, and what its answer said of the allowance. */
  record(key: string | undefined, headers: Headers | undefined): void {
    const state = key === undefined ? undefined : this.keys.get(key);
    if (!state) return;
    const now = this.now();
    if (state.limit <= COUNTED_LIMIT_AT_MOST && state.remaining === undefined) {
      state.sent.push(now);
      if (state.sent.length > state.limit) state.sent.shift();
    }
    const remaining = headers?.get('ratelimit-remaining');
    const reset = headers?.get('ratelimit-reset');
    if (remaining && reset && /^\d+$/.test(remaining) && /^\d+$/.test(reset)) {
      state.remaining = Number(remaining);
      state.resetAt = now + Number(reset) * 1000;
      state.sent = [];
    }
  }
}
