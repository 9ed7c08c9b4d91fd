// Idempotency-Key on POST: the first request with a key runs; a repeat with
// the same key and request returns the stored response and costs nothing;
// the same key with another request is refused (IDEMPOTENCY_KEY_REUSED).
//
// Keys are kept per API key (its hash), so one key never sees what another
// stored, not even that a key was used. A stored answer is handed back only
// after the request is authenticated, and only if the key may still use
// every team the first request used (the teams are stored with the answer):
// a key's teams can change across restarts (fixtures, seed.ts).
import type { Access } from './access.ts';
import { ApiError } from './errors.ts';
import { canonicalJson as canonical } from '../json/canonical.ts';
import type { StoreTransaction } from './store/store.ts';

export interface StoredResponse {
  status: number;
  /** The body as JSON text, sent again as it is. */
  body: string;
}

/** What identifies a request for its Idempotency-Key: the operation, its parameters and its body. */
export function requestHash(sha256: (text: string) => string, operationId: string, query: unknown, body: unknown): string {
  return sha256(`${operationId}\n${canonical(query)}\n${canonical(body)}`);
}

export function idempotency(keepHours: number) {
  const keepMs = keepHours * 3_600_000;
  const cutoff = (nowMs: number) => new Date(nowMs - keepMs).toISOString();
  return {
    /**
     * The stored response for a repeat, undefined for a new key. Throws for a
     * key reused with another request, and, like the request itself would,
     * when the key may no longer use a team the first request used.
     */
    async replay(tx: StoreTransaction, access: Access, key: string, hash: string, nowMs: number): Promise<StoredResponse | undefined> {
      const stored = await tx.findAnswer(access.principal.keyHash, key, cutoff(nowMs));
      if (!stored) return undefined;
      if (stored.requestHash !== hash) {
        throw new ApiError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was already used with a different request body');
      }
      for (const teamId of stored.teamIds) access.requireTeam(teamId);
      return { status: stored.status, body: stored.body };
    },
    /** Stores a first response with the teams its request used; the store forgets a few expired ones. */
    async remember(tx: StoreTransaction, access: Access, key: string, hash: string, response: StoredResponse, nowMs: number): Promise<void> {
      const answer = { requestHash: hash, teamIds: [...access.granted], status: response.status, body: response.body };
      await tx.rememberAnswer(access.principal.keyHash, key, answer, new Date(nowMs).toISOString(), cutoff(nowMs));
    },
  };
}

export type Idempotency = ReturnType<typeof idempotency>;
