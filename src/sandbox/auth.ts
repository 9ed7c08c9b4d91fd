// Authentication: from the Authorization header to a Principal, or the
// catalog code that says why not. Keys are stored as SHA-256 hashes.
import { ApiError } from './errors.ts';
import type { Principal } from './principal.ts';
import type { KeyLimits, KeyRecord, SandboxStore } from './store/store.ts';

interface KnownKey {
  hash: string;
  row: KeyRecord;
  /** What the key authenticates as, built once. */
  principal: Principal;
}

/**
 * Refuses a request with more than one Authorization header (`count`, as the
 * shell that received it counted them: a Fetch Request joins repeated
 * headers with a comma, which no valid key holds). Which key the client (or
 * a proxy that added one) meant cannot be known, so none is used.
 */
export function refuseRepeatedAuthorization(count: number): void {
  if (count > 1) {
    throw new ApiError('PARAMETER_INVALID', 'Send one Authorization header, not several', {
      details: [{ field: 'Authorization', issue: 'is sent more than once' }],
    });
  }
}

/** The answer to a request with a key blocked after repeated invalid attempts. */
export function keyBlocked(seconds: number): ApiError {
  return new ApiError('KEY_TEMPORARILY_BLOCKED', 'This API key is temporarily blocked after repeated invalid attempts', { retryAfter: seconds });
}

/** Why a key that exists may not be used now, or undefined when it may. */
function refusalOf(row: KeyRecord, now: number): ApiError | undefined {
  if (row.status === 'inactive') return new ApiError('AUTH_KEY_INACTIVE', 'Invalid or inactive API key', { error: 'The API key is inactive' });
  if (row.status === 'deleted') return new ApiError('AUTH_KEY_DELETED', 'Invalid or inactive API key', { error: 'The API key was deleted' });
  if (row.expiresAt !== null && Date.parse(row.expiresAt) <= now) {
    return new ApiError('AUTH_KEY_EXPIRED', 'The API key has expired', { error: `Expired at ${row.expiresAt}` });
  }
  if (row.subscription !== 'active') return new ApiError('SUBSCRIPTION_INACTIVE', 'The workspace subscription is inactive');
  return undefined;
}

export class Authenticator {
  /**
   * Keys that exist, by hash (plaintext keys are never kept): keys change
   * only when the sandbox starts (fixtures), so one lookup per key is
   * enough. Unknown keys are never cached, so a scan cannot fill this.
   */
  private readonly known = new Map<string, KnownKey>();

  constructor(
    private readonly store: SandboxStore,
    private readonly sha256: (text: string) => string,
    private readonly keyPattern: RegExp,
    private readonly limits: KeyLimits,
    private readonly defaultRateLimit: number,
    /** When set (`--rate-limit`), every key's limit, whatever its fixtures say. */
    private readonly everyKeyRateLimit?: number,
  ) {}

  /**
   * Who the header's key is, or the answer that refuses it. A key known here
   * and usable is not checked for a block: the caller's KeyLimits.take is.
   */
  async authenticate(header: string | undefined, now: number): Promise<Principal> {
    if (!header) throw new ApiError('AUTH_HEADER_MISSING', 'Missing Authorization header. Send Authorization: Bearer <key>');
    const match = /^Bearer +(\S+)$/i.exec(header.trim());
    if (!match || !this.keyPattern.test(match[1]!)) {
      throw new ApiError('AUTH_KEY_MALFORMED', 'Invalid API key format: expected Authorization: Bearer sk_live_... or sk_test_...');
    }
    const hash = this.sha256(match[1]!);
    const cached = this.known.get(hash);
    // A key known here that may be used: whether it is blocked is asked with its rate limit's take (KeyLimits.take),
    // one call to the limits instead of two. Any other key is checked for a block first, as before anything else.
    if (cached && refusalOf(cached.row, now) === undefined) return cached.principal;
    // Awaited only when the limits are a store's: a promise per request is a measurable share of a fast one.
    const blocked = this.limits.blockedFor(hash, now);
    const blockedFor = typeof blocked === 'number' ? blocked : await blocked;
    if (blockedFor > 0) throw keyBlocked(blockedFor);
    const found = cached ?? (await this.lookUp(hash));
    if (!found) {
      await this.limits.recordUnknownKey(hash, now);
      throw new ApiError('AUTH_KEY_UNKNOWN', 'Invalid or inactive API key');
    }
    const refusal = refusalOf(found.row, now);
    if (refusal) throw refusal;
    return found.principal;
  }

  private async lookUp(hash: string): Promise<KnownKey | undefined> {
    // The lookup is by hash, which reveals nothing about the key (a store's
    // comparison of hashes leaks at most how alike two hashes are).
    const row = await this.store.findKey(hash);
    if (!row) return undefined;
    const principal: Principal = {
      keyHash: hash,
      workspaceId: row.workspaceId,
      teamIds: new Set(row.teamIds),
      rateLimit: this.everyKeyRateLimit ?? row.rateLimitPerMinute ?? this.defaultRateLimit,
    };
    const known = { hash, row, principal };
    if (this.known.size < 10_000) this.known.set(hash, known);
    return known;
  }
}
