// Read-only operations without a lock or a transaction of their own, checked
// when they are charged: optimistic concurrency control over the data version
// (data-version.ts, migration 4).
//
// An operation that writes nothing but the quota reads with statements that
// each commit on their own, on any connection of the pool; a snippet read
// (getSnippet) goes out with those of the other requests of the moment, in one
// statement (batch.ts), and the quota charge in the next round (rounds.ts),
// with the request's admission when the core runs the operation before that
// is known. It expects the data version this instance had seen when it
// began. The charge is made only if the version is still that one
// (sandbox_round, migration 4): then no write committed between
// that moment and the charge, so every read saw one state, the one the charge
// is made in, and the operation is as if it had run alone at that moment,
// with the lock. One that ends without a charge (a refusal, a 404) is checked
// the same way when it read more than once, or from what was kept. If a write
// came in between, the
// operation runs again the way it always could (`locked`: a transaction with
// the shared lock, postgres-store.ts), so it cannot be starved by writers. So
// does one that tries to write: that takes the lock. A snippet read that a
// charge found current is kept (snippet-cache.ts) and answers the next reads
// that expect the same version, checked by their own charge like any read.
//
// What a reader saves: the lock's round trip, the transaction's BEGIN and
// COMMIT, with the batches most of the messages of its reads and charge, and
// with the kept reads the snippet's read and serialization.
// What it costs: a write committed meanwhile (on another instance: this
// one's writes take turns with its reads, turns.ts) means the reads are made
// twice.
import type pg from 'pg';
import type { NewSnippet, ResourceKind, SnippetChanges, SnippetRead, StoredAnswer, StoreTransaction } from '../store/store.ts';
import { Batcher } from './batch.ts';
import { translate } from './connection.ts';
import type { SeenDataVersion } from './data-version.ts';
import { SnippetCache } from './snippet-cache.ts';
import { readOf, snippetsByIds } from './snippets.ts';
import { AdmissionRefused, type Admission, type Charge, type ChargeRow, type Rounds } from './rounds.ts';
import { statement, type Sql, type Statement } from './sql.ts';
import { postgresTransaction } from './transaction.ts';

/** Most snippets read in one statement: a snippet can be a megabyte of JSON. */
const MAX_SNIPPETS_PER_READ = 32;

type SnippetStore = StoreTransaction['snippets'];

const S = {
  refund: statement('refund', 'UPDATE workspaces SET remaining_requests = remaining_requests + $1 WHERE id = $2'),
};

/** Thrown through the operation's work when it must run again with the lock: a write came in between, or it wants to write. */
class RunLocked extends Error {
  override name = 'RunLocked';
}

export class OptimisticReads {
  private readonly snippetReads: Batcher<string[], Map<string, SnippetRead>>;
  /** Statements on any connection of the pool, each committing on its own. */
  private readonly sql: Sql;
  /** getSnippet's answers that a charge found current (snippet-cache.ts). */
  readonly cache = new SnippetCache();

  constructor(
    pool: pg.Pool,
    private readonly seen: SeenDataVersion,
    private readonly rounds: Rounds,
    full: () => unknown,
  ) {
    this.sql = async <R extends object>(s: Statement, values: unknown[] = []) => {
      try {
        return (await pool.query<R>({ name: s.name, text: s.text, values })).rows;
      } catch (error) {
        throw translate(error);
      }
    };
    // One input per read of the batch: the ids are gathered into as few statements as their number allows.
    this.snippetReads = new Batcher(async (batch) => {
      const ids = [...new Set(batch.flat())];
      const found = new Map<string, SnippetRead>();
      for (let i = 0; i < ids.length; i += MAX_SNIPPETS_PER_READ) {
        for (const [id, snippet] of await snippetsByIds(this.sql, ids.slice(i, i + MAX_SNIPPETS_PER_READ))) found.set(id, readOf(snippet));
      }
      return batch.map(() => found);
    }, full);
  }

  /**
   * Runs a read-only `work` without the lock if it can, else (or when it must
   * run again) through `locked`; `after`: the request's admission, which its
   * charge waits for (in the same round when it can).
   */
  async run<T>(work: (tx: StoreTransaction) => Promise<T>, locked: () => Promise<T>, after?: Admission): Promise<T> {
    const expected = this.seen.current;
    if (expected === undefined) return locked();
    const attempt = new Attempt(this, expected, after);
    let outcome: { ok: true; value: T } | { ok: false; error: unknown };
    try {
      outcome = { ok: true, value: await work(attempt) };
    } catch (error) {
      // Refused at the door: nothing was charged, and nothing it read matters.
      if (error instanceof AdmissionRefused) throw error;
      outcome = { ok: false, error };
    }
    let oneState: boolean;
    try {
      oneState = !(!outcome.ok && outcome.error instanceof RunLocked) && (await attempt.sawOneState());
    } catch (error) {
      await attempt.refund().catch(() => {});
      throw error;
    }
    if (!oneState || !outcome.ok) await attempt.refund();
    if (!oneState) return locked();
    if (!outcome.ok) throw outcome.error;
    return outcome.value;
  }

  /** @internal for Attempt */
  async query<R extends object>(s: Statement, values: unknown[]): Promise<R[]> {
    if (s.writes) throw new RunLocked(`${s.name} writes`);
    return this.sql<R>(s, values);
  }

  /** @internal for Attempt */
  charge(charge: Charge): Promise<ChargeRow> {
    return this.rounds.charge(charge);
  }

  /** @internal for Attempt */
  async readSnippet(id: string): Promise<SnippetRead | undefined> {
    return (await this.snippetReads.submit([id])).get(id);
  }

  /** @internal for Attempt: the kept read of `id` if it is the state at `version`. */
  kept(id: string, version: number): SnippetRead | undefined {
    return this.cache.get(id, version);
  }

  /** @internal for Attempt: a read found to be the state at `version`. */
  keep(id: string, read: SnippetRead, version: number): void {
    this.cache.keep(id, read, version, this.seen.current);
  }

  /** @internal for Attempt */
  async refund(workspaceId: string, cost: number): Promise<void> {
    await this.sql(S.refund, [cost, workspaceId]);
  }
}

/**
 * One run of a read-only operation without the lock: its transaction, and
 * what it read and charged. A class, not an object of closures: one is made
 * per request. All but the snippet read and the charge go through the whole
 * transaction (transaction.ts), made on first use over counted statements.
 */
class Attempt implements StoreTransaction {
  readonly snippets: AttemptSnippets;
  /** Statements run since the version was last checked (by a charge), and whether one was. */
  private statements = 0;
  private checked = false;
  /** Whether a kept read was used since the last check: the state at a version seen before this began, not after. */
  private usedKept = false;
  /** Snippets read from the database since the last check: kept once a check finds them the state at `expected`. */
  private fresh: Array<[string, SnippetRead]> = [];
  private readonly charged: Array<{ workspaceId: string; cost: number }> = [];
  private built: StoreTransaction | undefined;
  /** Set when a charge found a write in between (even if the work went on): it runs again with the lock. */
  mustRunLocked = false;

  constructor(
    private readonly reads: OptimisticReads,
    private readonly expected: number,
    private readonly after: Admission | undefined,
  ) {
    this.snippets = new AttemptSnippets(this);
  }

  /** The transaction of statements on the pool, each counted. */
  whole(): StoreTransaction {
    return (this.built ??= postgresTransaction(<R extends object>(s: Statement, values: unknown[] = []) => {
      this.statements++;
      return this.reads.query<R>(s, values);
    }));
  }

  ownerTeam(kind: ResourceKind, id: string) {
    return this.whole().ownerTeam(kind, id);
  }
  deletedFrom(kind: ResourceKind, id: string) {
    return this.whole().deletedFrom(kind, id);
  }
  recordDeletion(kind: ResourceKind, id: string, teamId: string, at: string) {
    return this.whole().recordDeletion(kind, id, teamId, at);
  }
  remaining(workspaceId: string) {
    return this.whole().remaining(workspaceId);
  }
  findAnswer(keyHash: string, key: string, since: string) {
    return this.whole().findAnswer(keyHash, key, since);
  }
  rememberAnswer(keyHash: string, key: string, answer: StoredAnswer, at: string, expiredBefore: string) {
    return this.whole().rememberAnswer(keyHash, key, answer, at, expiredBefore);
  }
  get variations() {
    return this.whole().variations;
  }
  get folders() {
    return this.whole().folders;
  }
  get tags() {
    return this.whole().tags;
  }

  /** @internal for AttemptSnippets */
  async readSnippet(id: string): Promise<SnippetRead | undefined> {
    const kept = this.reads.kept(id, this.expected);
    if (kept) {
      this.usedKept = true;
      return kept;
    }
    this.statements++;
    const read = await this.reads.readSnippet(id);
    if (read) this.fresh.push([id, read]);
    return read;
  }

  async spend(workspaceId: string, cost: number): Promise<number | undefined> {
    const { outcome, remaining } = await this.reads.charge({ workspaceId, cost, expected: this.expected, after: this.after });
    if (outcome === 'refused') throw new AdmissionRefused('the request was not let in');
    if (outcome === 'stale') {
      this.mustRunLocked = true;
      throw new RunLocked('a write came in between');
    }
    this.found();
    if (outcome === 'short') return undefined;
    this.charged.push({ workspaceId, cost });
    return remaining!;
  }

  /** A check found the version still `expected`: all read so far is the state at it. */
  private found(): void {
    for (const [id, read] of this.fresh) this.reads.keep(id, read, this.expected);
    this.fresh = [];
    this.statements = 0;
    this.usedKept = false;
    this.checked = true;
  }

  /**
   * Whether all this attempt read is one state of the data, the state at a
   * moment after it began: nothing read since the last check (a charge), or
   * a single statement in all, or the version still the expected one now.
   */
  async sawOneState(): Promise<boolean> {
    if (this.mustRunLocked) return false;
    if (!this.usedKept && (this.statements === 0 || (this.statements === 1 && !this.checked))) return true;
    const { outcome } = await this.reads.charge({ workspaceId: null, cost: 0, expected: this.expected });
    if (outcome !== 'current') return false;
    this.found();
    return true;
  }

  /** Gives back what was charged (the work failed after, or runs again). */
  async refund(): Promise<void> {
    for (const { workspaceId, cost } of this.charged.splice(0)) await this.reads.refund(workspaceId, cost);
  }
}

/** An attempt's snippets: read() its own (batched, kept), the rest the whole transaction's. */
class AttemptSnippets implements SnippetStore {
  constructor(private readonly attempt: Attempt) {}

  read(id: string) {
    return this.attempt.readSnippet(id);
  }
  get(id: string) {
    return this.attempt.whole().snippets.get(id);
  }
  inFolder(folderId: string, after: readonly [string, string] | undefined, max: number) {
    return this.attempt.whole().snippets.inFolder(folderId, after, max);
  }
  withTag(tagId: string, after: string | undefined, max: number) {
    return this.attempt.whole().snippets.withTag(tagId, after, max);
  }
  create(input: NewSnippet, at: string) {
    return this.attempt.whole().snippets.create(input, at);
  }
  update(id: string, changes: SnippetChanges, at: string) {
    return this.attempt.whole().snippets.update(id, changes, at);
  }
  remove(id: string, at: string) {
    return this.attempt.whole().snippets.remove(id, at);
  }
  unfile(folderId: string, at: string) {
    return this.attempt.whole().snippets.unfile(folderId, at);
  }
}
