// Idempotency-Key on POST: the first request with a key runs; a repeat with
// the same key and request returns the stored response and costs nothing;
// the same key with another request is refused (IDEMPOTENCY_KEY_REUSED).
import { createHash } from 'node:crypto';
import type { Db } from './database.ts';
import { ApiError } from './errors.ts';
import { canonicalJson as canonical } from '../json/canonical.ts';

export interface StoredResponse {
  status: number;
  /** The body as JSON text, sent again as it is. */
  body: string;
}

export function requestHash(operationId: string, query: unknown, body: unknown): string {
  return createHash('sha256').update(`${operationId}\n${canonical(query)}\n${canonical(body)}`).digest('hex');
}

export function prepareIdempotencyStore(db: Db, keepHours: number) {
  const find = db.prepare<[string, string], { request_hash: string; status: number; body: string }>(
    'SELECT request_hash, status, body FROM idempotency_keys WHERE workspace_id = ? AND key = ?',
  );
  const insert = db.prepare(
    'INSERT INTO idempotency_keys (workspace_id, key, request_hash, status, body, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const expire = db.prepare('DELETE FROM idempotency_keys WHERE created_at < ?');
  return {
    /** The stored response for a repeat, undefined for a new key; throws for a key reused with another request. */
    replay(workspaceId: string, key: string, hash: string, nowMs: number): StoredResponse | undefined {
      expire.run(new Date(nowMs - keepHours * 3_600_000).toISOString());
      const row = find.get(workspaceId, key);
      if (!row) return undefined;
      if (row.request_hash !== hash) {
        throw new ApiError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was already used with a different request body');
      }
      return { status: row.status, body: row.body };
    },
    remember(workspaceId: string, key: string, hash: string, response: StoredResponse, at: string): void {
      insert.run(workspaceId, key, hash, response.status, response.body, at);
    },
  };
}

export type IdempotencyStore = ReturnType<typeof prepareIdempotencyStore>;
