// The per-key limits in PostgreSQL (migrations 2 and 4: tables and
// functions), shared by every instance on the database, so that 200 requests
// sent at once to three instances with a limit of 20 give exactly 20
// successes. The admissions (KeyLimits.take: the key's block, then its rate
// window) of the requests that arrive together go to the database in one
// statement (rounds.ts), handled in order and atomic per key. Bounded: a
// key's window holds at most a row per millisecond of the window (and at
// most its limit of requests), a key's attempts at most the threshold, and
// unknown keys at most UNKNOWN_KEYS_CAPACITY rows (limits.ts), the least
// recently tried forgotten first.
import type pg from 'pg';
import { UNKNOWN_KEYS_CAPACITY } from '../limits.ts';
import type { KeyLimits, LimitSettings, RateDecision } from '../store/store.ts';
import { translate } from './connection.ts';
import type { Admission, Rounds } from './rounds.ts';
import { statement, type Statement } from './sql.ts';

const S = {
  blockedUntil: statement('blocked_until', 'SELECT max(blocked_until) AS until FROM key_attempts WHERE key_hash = $1'),
  record: statement('record_attempt', 'SELECT sandbox_record_attempt($1, $2, $3, $4, $5, $6, $7)'),
};

/** What reset() and restore() empty, with the data. */
export const LIMIT_TABLES = ['rate_windows', 'rate_hit_counts', 'key_attempts'] as const;

const ceilSeconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/** The admission behind each decision take() gave, for a transaction that is handed the decision (postgres-store.ts). */
export type AdmissionsOf = WeakMap<object, Admission>;

export function postgresLimits(pool: pg.Pool, settings: LimitSettings, rounds: Rounds, admissions: AdmissionsOf, refuseClosed: () => void): KeyLimits {
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
    take(keyHash, limit, now): Promise<RateDecision> {
      refuseClosed();
      const admission = rounds.admit(keyHash, limit, now, windowMs);
      const decision = admission.row.then((row): RateDecision => {
        if (row.blocked_until > now) return { allowed: false, limit, remaining: 0, resetSeconds: 0, blockedFor: ceilSeconds(row.blocked_until - now) };
        // At most a window away: a round counts a key's requests at the latest of their times, a little after some.
        const resetMs = row.oldest !== null ? Math.min(windowMs, row.oldest + windowMs - now) : windowMs;
        return { allowed: row.allowed, limit, remaining: Math.max(0, limit - row.in_window!), resetSeconds: ceilSeconds(resetMs), blockedFor: 0 };
      });
      admissions.set(decision, admission);
      return decision;
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
