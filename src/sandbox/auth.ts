// Authentication: from the Authorization header to a Principal, or the
// catalog code that says why not. Keys are stored as SHA-256 hashes.
import { timingSafeEqual } from 'node:crypto';
import type { Db } from './database.ts';
import { ApiError } from './errors.ts';
import { hashKey } from './seed.ts';
import type { InvalidAttemptBlocker } from './limits.ts';
import type { Principal } from './principal.ts';

interface KeyRow {
  key_hash: string;
  workspace_id: string;
  status: 'active' | 'inactive' | 'deleted';
  expires_at: string | null;
  rate_limit_per_minute: number | null;
  subscription: 'active' | 'inactive';
}

interface KnownKey {
  hash: string;
  row: KeyRow;
  /** What the key authenticates as, built once. */
  principal: Principal;
}

/**
 * Refuses a request with more than one Authorization header. Node keeps only
 * the first in `headers`; which key the client (or a proxy that added one)
 * meant cannot be known, so none is used. `rawHeaders` is bounded by Node's
 * header limits.
 */
export function refuseRepeatedAuthorization(rawHeaders: string[]): void {
  let seen = 0;
  for (let i = 0; i < rawHeaders.length; i += 2) {
    const name = rawHeaders[i]!;
    if (name.length !== 13 || name.toLowerCase() !== 'authorization') continue;
    if (++seen > 1) {
      throw new ApiError('PARAMETER_INVALID', 'Send one Authorization header, not several', {
        details: [{ field: 'Authorization', issue: 'is sent more than once' }],
      });
    }
  }
}

export class Authenticator {
  private readonly findKey;
  private readonly teamsOfKey;
  /**
   * Keys that exist, by hash (plaintext keys are never kept): keys change
   * only when the sandbox starts (fixtures), so one lookup per key is
   * enough. Unknown keys are never cached, so a scan cannot fill this.
   */
  private readonly known = new Map<string, KnownKey>();

  constructor(
    db: Db,
    private readonly keyPattern: RegExp,
    private readonly blocker: InvalidAttemptBlocker,
    private readonly defaultRateLimit: number,
    /** When set (`--rate-limit`), every key's limit, whatever its fixtures say. */
    private readonly everyKeyRateLimit?: number,
  ) {
    this.findKey = db.prepare<[string], KeyRow>(
      `SELECT k.key_hash, k.workspace_id, k.status, k.expires_at, k.rate_limit_per_minute, w.subscription
       FROM api_keys k JOIN workspaces w ON w.id = k.workspace_id WHERE k.key_hash = ?`,
    );
    this.teamsOfKey = db.prepare<[string], { team_id: string }>('SELECT team_id FROM api_key_teams WHERE key_hash = ?');
  }

  authenticate(header: string | undefined, now: number): Principal {
    if (!header) throw new ApiError('AUTH_HEADER_MISSING', 'Missing Authorization header. Send Authorization: Bearer <key>');
    const match = /^Bearer +(\S+)$/i.exec(header.trim());
    if (!match || !this.keyPattern.test(match[1]!)) {
      throw new ApiError('AUTH_KEY_MALFORMED', 'Invalid API key format: expected Authorization: Bearer sk_live_... or sk_test_...');
    }
    const hash = hashKey(match[1]!);
    const cached = this.known.get(hash);
    const blockedFor = this.blocker.blockedFor(hash, now);
    if (blockedFor > 0) {
      throw new ApiError('KEY_TEMPORARILY_BLOCKED', 'This API key is temporarily blocked after repeated invalid attempts', {
        retryAfter: blockedFor,
      });
    }
    const found = cached ?? this.lookUp(hash);
    if (!found) {
      this.blocker.recordUnknownKey(hash, now);
      throw new ApiError('AUTH_KEY_UNKNOWN', 'Invalid or inactive API key');
    }
    const { row } = found;
    if (row.status === 'inactive') throw new ApiError('AUTH_KEY_INACTIVE', 'Invalid or inactive API key', { error: 'The API key is inactive' });
    if (row.status === 'deleted') throw new ApiError('AUTH_KEY_DELETED', 'Invalid or inactive API key', { error: 'The API key was deleted' });
    if (row.expires_at !== null && Date.parse(row.expires_at) <= now) {
      throw new ApiError('AUTH_KEY_EXPIRED', 'The API key has expired', { error: `Expired at ${row.expires_at}` });
    }
    if (row.subscription !== 'active') throw new ApiError('SUBSCRIPTION_INACTIVE', 'The workspace subscription is inactive');
    return found.principal;
  }

  private lookUp(hash: string): KnownKey | undefined {
    const row = this.findKey.get(hash);
    // The lookup is by hash, which reveals nothing about the key; the
    // comparison that accepts the key is constant-time all the same.
    if (!row || !timingSafeEqual(Buffer.from(row.key_hash, 'hex'), Buffer.from(hash, 'hex'))) return undefined;
    const principal: Principal = {
      keyHash: hash,
      workspaceId: row.workspace_id,
      teamIds: new Set(this.teamsOfKey.all(hash).map((t) => t.team_id)),
      rateLimit: this.everyKeyRateLimit ?? row.rate_limit_per_minute ?? this.defaultRateLimit,
    };
    const known = { hash, row, principal };
    if (this.known.size < 10_000) this.known.set(hash, known);
    return known;
  }
}
