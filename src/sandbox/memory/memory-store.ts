// The in-memory store: a SandboxStore (store/store.ts) that keeps everything
// in plain JavaScript objects, so that the sandbox core runs wherever
// JavaScript does (a browser, Deno, Bun, a worker): no node: module, no
// Buffer, no native addon. Ids come from randomUuid() (src/portable)
// unless `newId` is given (deterministic tests).
//
// Everything that reads or writes more than a key goes through one FIFO
// queue: transactions, seed, reset, snapshot, restore and close each start
// when the one before has settled, so transactions never interleave even
// when their work awaits. A transaction's writes are recorded in an undo log
// (undo-log.ts) and undone, newest first, when its work throws or rejects.
// reset() and restore() build a new state aside and swap it in: atomic, and
// what they replace is simply dropped. findKey() and teamWorkspaces() read at
// once: keys and teams change only in seed() and reset(), which run whole in
// their turn. A transaction's work must not wait for the store's queued
// calls (transaction, seed, snapshot ...): they start only after it ends.
import { randomUuid } from '../../portable/uuid.ts';
import type { KeyRecord, SandboxStore, SeedOutcome, StoredFixtures, StoreSnapshot, StoreTransaction } from '../store/store.ts';
import { compareText } from './ordered.ts';
import { seedState } from './seeding.ts';
import { State } from './tables.ts';
import { MemoryTransaction } from './transaction.ts';
import { Journal, UndoLog } from './undo-log.ts';

export const MEMORY_STORE_KIND = 'memory';

export interface MemoryStoreOptions {
  /** Makes the id of each new snippet, variation, history record, folder and tag; randomUuid() by default (src/portable/uuid.ts: crypto.randomUUID, or getRandomValues where a page is not a secure context). */
  newId?: () => string;
  /**
   * Told after each transaction (and seed) how it ended and how many changes
   * its undo log held: what a rollback undid, or what a commit dropped. For
   * tests and measurements.
   */
  onTransactionEnd?: (outcome: { committed: boolean; undoEntries: number }) => void;
}

export function createMemoryStore(options: MemoryStoreOptions = {}): SandboxStore {
  return new MemoryStore(options);
}

function closedError(): Error {
  return new Error('the sandbox store is closed');
}

const settled = () => {};

class MemoryStore implements SandboxStore {
  readonly kind = MEMORY_STORE_KIND;
  private state = new State(new Journal());
  /** Settles when the last queued task has: the next one starts then. Never rejects. */
  private queue: Promise<void> = Promise.resolve();
  private closed = false;
  private closing: Promise<void> | undefined;
  private readonly newId: () => string;
  private readonly onTransactionEnd: MemoryStoreOptions['onTransactionEnd'];

  constructor(options: MemoryStoreOptions) {
    this.newId = options.newId ?? randomUuid;
    this.onTransactionEnd = options.onTransactionEnd;
  }

  transaction<T>(work: (tx: StoreTransaction) => Promise<T>, _readOnly: boolean): Promise<T> {
    // readOnly changes nothing here: a read-only operation still spends quota, which rolls back like any write.
    return this.enqueue(async () => {
      const tx = new MemoryTransaction(this.state, this.newId);
      return this.logged(async () => {
        try {
          return await work(tx);
        } finally {
          tx.end();
        }
      });
    });
  }

  findKey(keyHash: string): KeyRecord | undefined {
    this.check();
    // Keys and workspaces' subscriptions change only in seed() and reset(), which never stop halfway: read at once.
    const key = this.state.keys.get(keyHash);
    if (!key) return undefined;
    const workspace = this.state.workspaces.get(key.workspace_id);
    if (!workspace) return undefined;
    return {
      keyHash: key.key_hash,
      workspaceId: key.workspace_id,
      status: key.status,
      expiresAt: key.expires_at,
      rateLimitPerMinute: key.rate_limit_per_minute,
      subscription: workspace.subscription,
      // In team id order, as SQLite reads them (through api_key_teams' primary key index).
      teamIds: [...key.team_ids].sort(compareText),
    };
  }

  teamWorkspaces(): ReadonlyMap<string, string> {
    this.check();
    const map = new Map<string, string>();
    for (const team of this.state.teams.values()) if (!team.removed) map.set(team.id, team.workspace_id);
    return map;
  }

  seed(fixtures: StoredFixtures): Promise<SeedOutcome> {
    return this.enqueue(() => this.logged(() => seedState(this.state, fixtures)));
  }

  reset(fixtures: StoredFixtures): Promise<void> {
    return this.enqueue(() => {
      // A new, empty state (sqlite_sequence emptied too: history seqs start again), seeded, then swapped in.
      const fresh = new State(new Journal());
      seedState(fresh, fixtures);
      this.state = fresh;
    });
  }

  snapshot(): Promise<StoreSnapshot> {
    return this.enqueue(() => ({ store: MEMORY_STORE_KIND, state: this.state.toPlain() }));
  }

  restore(snapshot: StoreSnapshot): Promise<void> {
    return this.enqueue(() => {
      if (snapshot.store !== MEMORY_STORE_KIND) {
        throw new Error(`cannot restore a snapshot of a ${JSON.stringify(snapshot.store)} store into a ${JSON.stringify(MEMORY_STORE_KIND)} store`);
      }
      this.state = State.fromPlain(snapshot.state, new Journal());
    });
  }

  check(): void {
    if (this.closed) throw closedError();
  }

  /** Waits for what is already queued, then drops the state; every later call throws. Closing again waits for the same. */
  close(): Promise<void> {
    if (this.closing) return this.closing;
    this.closed = true;
    this.closing = this.queue.then(() => {
      this.state = new State(new Journal());
    });
    return this.closing;
  }

  /** Runs `task` once every task queued before it has settled. */
  private enqueue<T>(task: () => T | Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(closedError());
    const result = this.queue.then(task);
    this.queue = result.then(settled, settled);
    return result;
  }

  /** Runs `change` with an undo log: if it throws or rejects, every change it made is undone. */
  private async logged<T>(change: () => T | Promise<T>): Promise<T> {
    const { journal } = this.state;
    const log = new UndoLog();
    journal.log = log;
    let outcome = { committed: false, undoEntries: 0 };
    try {
      const result = await change();
      outcome = { committed: true, undoEntries: log.size };
      return result;
    } catch (error) {
      outcome = { committed: false, undoEntries: log.size };
      log.rollbackTo(0);
      throw error;
    } finally {
      journal.log = undefined;
      this.onTransactionEnd?.(outcome);
    }
  }
}
