// The per-key limits in PostgreSQL (migration 2's tables and functions),
// shared by every instance on the database: each call is one statement, atomic
// per key, so 200 requests sent at once to three instances with a limit of 20
// give exactly 20 successes. Bounded: a key's window holds at most its limit
// of rows, a key's attempts at most the threshold, and unknown keys at most
// UNKNOWN_KEYS_CAPACITY rows (limits.ts), the least recently tried forgotten first.
import type pg from 'pg';
import { UNKNOWN_KEYS_CAPACITY } from '../limits.ts';
import type { KeyLimits, LimitSettings, RateDecision } from '../store/store.ts';
import { translate } from './connection.ts';
import { statement, type Statement } from './sql.ts';

const S = {
  take: statement('rate_take', 'SELECT allowed, in_window, oldest_ms FROM sandbox_rate_take($1, $2, $3, $4)'),
  blockedUntil: statement('blocked_until', 'SELECT max(blocked_until) AS until FROM key_attempts WHERE key_hash = $1'),
  record: statement('record_attempt', 'SELECT sandbox_record_attempt($1, $2, $3, $4, $5, $6, $7)'),
};

/** What reset() and restore() empty, with the data. */
export const LIMIT_TABLES = ['rate_windows', 'rate_hits', 'key_attempts'] as const;

const ceilSeconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

export function postgresLimits(pool: pg.Pool, settings: LimitSettings, refuseClosed: () => void): KeyLimits {
  const { windowMs, blockThreshold, blockMs } = settings;
  async function query<R extends object>(s: Statement, values: unknown[]): Promise<R[]> {
    refuseClosed();
    try {
      return (await pool.query<R>({ name: s.name, text: s.text, values })).rows;
    } catch (error) {
      throw translate(error);
    }
  }
  return {
    async take(keyHash, limit, now): Promise<RateDecision> {
      const blockedFor = await this.blockedFor(keyHash, now);
      if (blockedFor > 0) return { allowed: false, limit, remaining: 0, resetSeconds: 0, blockedFor };
      const [row] = await query<{ allowed: boolean; in_window: number; oldest_ms: number | null }>(S.take, [keyHash, limit, now, windowMs]);
      const resetMs = row!.oldest_ms !== null ? row!.oldest_ms + windowMs - now : windowMs;
      return { allowed: row!.allowed, limit, remaining: Math.max(0, limit - row!.in_window), resetSeconds: ceilSeconds(resetMs), blockedFor: 0 };
    },
    async blockedFor(keyHash, now) {
      const [row] = await query<{ until: number | null }>(S.blockedUntil, [keyHash]);
      const until = row?.until ?? 0;
      return until > now ? ceilSeconds(until - now) : 0;
    },
    async recordUnknownKey(keyHash, now) {
      await query(S.record, [keyHash, true, now, windowMs, blockThreshold, blockMs, UNKNOWN_KEYS_CAPACITY]);
    },
    async recordRealKey(keyHash, now) {
      await query(S.record, [keyHash, false, now, windowMs, blockThreshold, blockMs, UNKNOWN_KEYS_CAPACITY]);
    },
  };
}
