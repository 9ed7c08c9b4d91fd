// The storage interface of the sandbox core: what every store (embedded
// SQLite, in memory, PostgreSQL) provides, and nothing of how. The core
// (core/sandbox-core.ts) and the operations (routes/) use only this.
//
// Asynchronous, so that a store over a network fits (`Awaitable`: a store
// that answers at once returns plain values, and no promise is made for
// them). Transactional: every operation runs in `transaction`, and a throw
// rolls back everything it wrote, the quota charge included.
import type { Fixtures } from '../../fixtures/fixtures.ts';
import type { SharedClock } from '../clock.ts';
import type { JsonText } from '../json-text.ts';
import type { Content, FolderRow, Snippet, Variation, VariationHistoryEntry, VariationRow } from './rows.ts';

export type Awaitable<T> = T | Promise<T>;

export type ResourceKind = 'snippet' | 'folder' | 'tag';
export type GroupTable = 'folders' | 'tags';

/** An API key of the fixtures, found by the SHA-256 hash of its text. */
export interface KeyRecord {
  keyHash: string;
  workspaceId: string;
  status: 'active' | 'inactive' | 'deleted';
  expiresAt: string | null;
  rateLimitPerMinute: number | null;
  subscription: 'active' | 'inactive';
  teamIds: string[];
}

export interface NewSnippet {
  /** A fixed id (a fixtures file's snippet); a new random one without it. */
  id?: string;
  /** Fixed ids of its variations, the Default's first, then the additional ones in order; random ones for those not given. */
  variationIds?: string[];
  title: string;
  content: Content;
  teamId: string;
  note?: string | null;
  shortcut?: string | null;
  folderId?: string | null;
  tagIds?: string[];
  additionalVariations?: Array<{ variationName: string; content: Content }>;
}

export interface SnippetChanges {
  title?: string;
  note?: string | null;
  shortcut?: string | null;
  folderId?: string | null;
  tagIds?: string[];
}

export interface GroupInput {
  /** A fixed id, on create only (a fixtures file's folder or tag); a new random one without it. */
  id?: string;
  name?: string;
  color?: string | null;
  parentId?: string | null;
}

/** getSnippet's answer parts, serialized once (a store may keep them; see sqlite/snippet-reads.ts). */
export interface SnippetRead {
  teamId: string;
  data: JsonText;
  metadata: JsonText;
}

/** An idempotent answer as stored: the request it answered and the teams that request used. */
export interface StoredAnswer {
  requestHash: string;
  teamIds: string[];
  status: number;
  body: string;
}

export const DEFAULT_VARIATION_NAME = 'Default';

/** Expired idempotent answers a store forgets per answer it stores: more than one, so that the expired ones drain faster than new ones arrive. */
export const PURGE_BATCH = 8;

/** The fixtures as a store keeps them: each key by the SHA-256 hash of its text (hex), never the text. */
export type StoredFixtures = Omit<Fixtures, 'apiKeys'> & {
  apiKeys: Array<Omit<Fixtures['apiKeys'][number], 'key'> & { keyHash: string }>;
};

/** What a start or reset took away: keys and teams that were stored but are no longer in the fixtures. */
export interface SeedOutcome {
  revokedKeys: number;
  removedTeams: number;
}

/** Everything a store holds, as plain JSON: what snapshot() gives and restore() takes back. */
export interface StoreSnapshot {
  /** Which store made it; a snapshot is restored into a store of the same kind. */
  store: string;
  state: unknown;
}

export interface GroupStore {
  row(id: string): Awaitable<FolderRow | undefined>;
  /** Up to `max` groups of the team after `after` (created_at, id), oldest first. */
  ofTeam(teamId: string, after: readonly [string, string] | undefined, max: number): Awaitable<FolderRow[]>;
  /** Whether `candidate` is `id` itself or one of its descendants (moving `id` under it would make a cycle). */
  isSelfOrDescendant(id: string, candidate: string): Awaitable<boolean>;
  create(teamId: string, input: Required<Pick<GroupInput, 'name'>> & GroupInput, at: string): Awaitable<FolderRow>;
  update(id: string, changes: GroupInput, at: string): Awaitable<FolderRow>;
  /** Deletes the group (a tag with its links to snippets); its child groups move up to its parent. Returns how many moved. */
  remove(id: string, at: string): Awaitable<number>;
}

/** What an operation may do, inside its transaction. */
export interface StoreTransaction {
  /** The owning team of a snippet, folder or tag, if it exists. */
  ownerTeam(kind: ResourceKind, id: string): Awaitable<string | undefined>;
  /** The team a deleted resource belonged to, if it was deleted. */
  deletedFrom(kind: ResourceKind, id: string): Awaitable<string | undefined>;
  recordDeletion(kind: ResourceKind, id: string, teamId: string, at: string): Awaitable<void>;

  /** Charges `cost` to the workspace's quota and returns what remains; undefined (and nothing charged) when it cannot pay. */
  spend(workspaceId: string, cost: number): Awaitable<number | undefined>;
  remaining(workspaceId: string): Awaitable<number>;

  /** The stored answer of (API key, Idempotency-Key) made at or after `since` (ISO), if any. */
  findAnswer(keyHash: string, key: string, since: string): Awaitable<StoredAnswer | undefined>;
  /** Stores an answer (replacing an expired one of the same key) and forgets a few answers made before `expiredBefore`. */
  rememberAnswer(keyHash: string, key: string, answer: StoredAnswer, at: string, expiredBefore: string): Awaitable<void>;

  snippets: {
    get(id: string): Awaitable<Snippet | undefined>;
    /** getSnippet's answer parts; a store may serve them from memory (committed state only). */
    read(id: string): Awaitable<SnippetRead | undefined>;
    /** Up to `max` snippets of the folder after `after` (created_at, id), oldest first. */
    inFolder(folderId: string, after: readonly [string, string] | undefined, max: number): Awaitable<Snippet[]>;
    /** Up to `max` snippets with the tag after the snippet id `after`, in id order. */
    withTag(tagId: string, after: string | undefined, max: number): Awaitable<Snippet[]>;
    /**
     * Optional, for a store whose snippet reads cost by their size: at least
     * how many UTF-8 bytes of JSON each of the snippets `inFolder` (`withTag`)
     * would return weighs, read without the snippets themselves, so that a
     * page does not read a snippet it cannot hold.
     */
    sizesInFolder?(folderId: string, after: readonly [string, string] | undefined, max: number): Awaitable<number[]>;
    sizesWithTag?(tagId: string, after: string | undefined, max: number): Awaitable<number[]>;
    create(input: NewSnippet, at: string): Awaitable<Snippet>;
    update(id: string, changes: SnippetChanges, at: string): Awaitable<Snippet>;
    /** Deletes the snippet with its variations (each recorded as deleted in their history) and tag links. */
    remove(id: string, at: string): Awaitable<void>;
    /** Takes a folder's snippets out of it; returns how many. */
    unfile(folderId: string, at: string): Awaitable<number>;
  };

  variations: {
    ofSnippet(snippetId: string): Awaitable<Variation[]>;
    countOf(snippetId: string): Awaitable<number>;
    row(id: string): Awaitable<VariationRow | undefined>;
    /** `id`: a fixed id (a fixtures file's variation); a new random one without it. */
    create(snippetId: string, name: string, content: Content, at: string, id?: string): Awaitable<Variation>;
    update(row: VariationRow, changes: { variationName?: string; content?: Content }, at: string): Awaitable<Variation>;
    remove(row: VariationRow, at: string): Awaitable<void>;
    /** The team and snippet a variation had, from its history, once the variation itself is gone. */
    formerOwner(variationId: string): Awaitable<{ teamId: string; snippetId: string } | undefined>;
    /** Up to `max` history records between `from` and `to` (ISO, inclusive), newest first, older than the record `beforeSeq`. */
    history(variationId: string, from: string, to: string, beforeSeq: number, max: number): Awaitable<Array<{ seq: number; entry: VariationHistoryEntry }>>;
    historyCount(variationId: string, from: string, to: string): Awaitable<number>;
  };

  folders: GroupStore;
  tags: GroupStore;
}

/** The per-key limits' settings (options.ts): rate window, invalid attempts that block a key, and for how long. */
export interface LimitSettings {
  windowMs: number;
  blockThreshold: number;
  blockMs: number;
}

/** A rate window's state after a request was counted, or refused: by its window, or by a block of the key. */
export interface RateDecision {
  allowed: boolean;
  /** Requests the window allows, what is left of them, and seconds until its oldest request leaves it. */
  limit: number;
  remaining: number;
  resetSeconds: number;
  /** Seconds the key stays blocked, or 0. When blocked, nothing was counted, allowed is false and the window's figures say nothing. */
  blockedFor: number;
}

/**
 * Rate windows, invalid attempts and blocks, per API key (by hash). Each call
 * is atomic: requests arriving together are counted one after the other.
 * The core keeps them in its process (limits.ts) unless the store shares
 * them between instances (sharedLimits below).
 */
export interface KeyLimits {
  /**
   * Counts one request for the key unless it is blocked or its window is full:
   * a known key's admission in one call (one round trip on a shared store).
   */
  take(keyHash: string, limit: number, now: number): Awaitable<RateDecision>;
  /** Seconds the key stays blocked, or 0. */
  blockedFor(keyHash: string, now: number): Awaitable<number>;
  /** An attempt with a key that exists nowhere. */
  recordUnknownKey(keyHash: string, now: number): Awaitable<void>;
  /** An invalid attempt by a real key (a team it lacks). */
  recordRealKey(keyHash: string, now: number): Awaitable<void>;
}

/** The sandbox clock kept in step with the other instances' on a shared store. */
export interface ClockShare {
  /** Settles once this instance's latest move of the clock is stored and announced. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

export interface SandboxStore {
  /** A short name for logs and the start-up line ("SQLite file …", "memory"). */
  readonly kind: string;
  /**
   * Runs `work` in one transaction and returns what it returned; a throw
   * rolls back all it wrote. `readOnly`: the operation writes nothing but
   * the quota. Transactions never interleave: each sees the ones before it
   * applied. An answer given is committed.
   *
   * `admission`: given with a read-only `work` by the core to a store whose
   * sharedLimits count the request, when it runs the operation before the
   * count is known (the rate decision that take() gave, still pending): the
   * store charges the quota only if the count lets the request in (where it
   * can, in the same round trip), and fails the work otherwise.
   */
  transaction<T>(work: (tx: StoreTransaction) => Promise<T>, readOnly: boolean, admission?: Promise<RateDecision>): Promise<T>;
  /** The API key with this hash, if the fixtures have it. Keys change only with seed() and reset(). */
  findKey(keyHash: string): Awaitable<KeyRecord | undefined>;
  /** Team id -> workspace id of every team of the fixtures (removed teams left out). */
  teamWorkspaces(): Awaitable<ReadonlyMap<string, string>>;
  /** Makes the fixtures the truth about who may call, keeping existing data and quota (seed.ts). */
  seed(fixtures: StoredFixtures): Awaitable<SeedOutcome>;
  /** Empties the store and seeds it from the fixtures, in one transaction. */
  reset(fixtures: StoredFixtures): Awaitable<void>;
  snapshot(): Awaitable<StoreSnapshot>;
  restore(snapshot: StoreSnapshot): Awaitable<void>;
  /**
   * Limits kept in the store, for a store that several sandbox instances
   * share (PostgreSQL): every instance then counts each key's requests,
   * attempts and blocks in one place. reset() and restore() empty them. A
   * store of one process (memory, SQLite) has none: the core keeps them.
   */
  sharedLimits?(settings: LimitSettings): KeyLimits;
  /**
   * For a store several instances share: keeps the clock's offset from real
   * time in the store, so that moving the clock of one instance moves every
   * instance's (never back). The store's close() ends the sharing.
   */
  shareClock?(clock: SharedClock): Promise<ClockShare>;
  /**
   * For a store several instances share: calls `changed` whenever another
   * instance may have changed the keys or teams (its seed, reset or
   * restore), or this one cannot tell (it was not listening for a while), so
   * that what the core keeps of them is read again. close() ends it.
   */
  watchFixtures?(changed: () => void): Promise<void>;
  /** Throws when the store cannot be used (its database gone or broken). */
  check(): Awaitable<void>;
  close(): Awaitable<void>;
}
