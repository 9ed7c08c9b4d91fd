// Idempotency-Key on POST: the first request with a key runs; a repeat with
// the same key and request returns the stored response and costs nothing;
// the same key with another request is refused (IDEMPOTENCY_KEY_REUSED).
//
// Keys are kept per API key (its hash), so one key never sees what another
// stored, not even that a key was used. A stored answer is handed back only
// after the request is authenticated, and only if the key may still use
// every team the first request used (the teams are stored with the answer):
// a key's teams can change across restarts (fixtures, seed.ts).
import { createHash } from 'node:crypto';
import type { Access } from './access.ts';
import type { Db } from './database.ts';
import { ApiError } from './errors.ts';
import { canonicalJson as canonical } from '../json/canonical.ts';

export interface StoredResponse {
  status: number;
  /** The body as JSON text, sent again as it is. */
  body: string;
}

/** Expired keys deleted per new key: more than one, so the expired ones drain faster than new ones arrive. */
const PURGE_BATCH = 8;

export function requestHash(operationId: string, query: unknown, body: unknown): string {
  return createHash('sha256').update(`${operationId}\n${canonical(query)}\n${canonical(body)}`).digest('hex');
}

export function prepareIdempotencyStore(db: Db, keepHours: number) {
  const keepMs = keepHours * 3_600_000;
  // Expired rows are ignored here, so purging them can wait.
  const find = db.prepare<[string, string, string], { request_hash: string; team_ids: string; status: number; body: string }>(
    'SELECT request_hash, team_ids, status, body FROM idempotency_keys WHERE key_hash = ? AND key = ? AND created_at >= ?',
  );
  // An expired row of the same key may not be purged yet: it is replaced.
  const insert = db.prepare(
    `INSERT INTO idempotency_keys (key_hash, key, request_hash, team_ids, status, body, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(key_hash, key) DO UPDATE SET request_hash = excluded.request_hash, team_ids = excluded.team_ids,
       status = excluded.status, body = excluded.body, created_at = excluded.created_at`,
  );
  // The oldest few expired rows, found through the index on created_at: bounded work, never a scan.
  const purge = db.prepare(
    `DELETE FROM idempotency_keys WHERE rowid IN
       (SELECT rowid FROM idempotency_keys WHERE created_at < ? ORDER BY created_at LIMIT ${PURGE_BATCH})`,
  );
  const cutoff = (nowMs: number) => new Date(nowMs - keepMs).toISOString();
  return {
    /**
     * The stored response for a repeat, undefined for a new key. Throws for a
     * key reused with another request, and, like the request itself would,
     * when the key may no longer use a team the first request used.
     */
    replay(access: Access, key: string, hash: string, nowMs: number): StoredResponse | undefined {
      const row = find.get(access.principal.keyHash, key, cutoff(nowMs));
      if (!row) return undefined;
      if (row.request_hash !== hash) {
        throw new ApiError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was already used with a different request body');
      }
      if (row.team_ids) for (const teamId of row.team_ids.split(' ')) access.requireTeam(teamId);
      return { status: row.status, body: row.body };
    },
    /** Stores a first response with the teams its request used, and purges a few expired keys. */
    remember(access: Access, key: string, hash: string, response: StoredResponse, nowMs: number): void {
      purge.run(cutoff(nowMs));
      const teamIds = [...access.granted].join(' ');
      insert.run(access.principal.keyHash, key, hash, teamIds, response.status, response.body, new Date(nowMs).toISOString());
    },
  };
}

export type IdempotencyStore = ReturnType<typeof prepareIdempotencyStore>;
