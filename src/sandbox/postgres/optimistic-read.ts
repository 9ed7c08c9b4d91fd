// Read-only operations without a lock or a transaction of their own, checked
// when they are charged: optimistic concurrency control over the data version
// (data-version.ts, migration 4).
//
// An operation that writes nothing but the quota reads with statements that
// each commit on their own, on any connection of the pool; a snippet read
// (getSnippet) and the quota charge go out with those of the other requests
// of the moment, one statement each (batch.ts). It expects the data version
// this instance had seen when it began. The charge is made only if the
// version is still that one (sandbox_charge): then no write committed between
// that moment and the charge, so every read saw one state, the one the charge
// is made in, and the operation is as if it had run alone at that moment,
// with the lock. One that ends without a charge (a refusal, a 404) is checked
// the same way when it read more than once. If a write came in between, the
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
import type { SnippetRead, StoreTransaction } from '../store/store.ts';
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
    });
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
      outcome = { ok: true, value: await work(attempt.tx) };
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

/** One run of a read-only operation without the lock: what it read and charged. */
class Attempt {
  readonly tx: StoreTransaction;
  /** Statements run since the version was last checked (by a charge), and whether one was. */
  private statements = 0;
  private checked = false;
  /** Whether a kept read was used since the last check: the state at a version seen before this began, not after. */
  private usedKept = false;
  /** Snippets read from the database since the last check: kept once a check finds them the state at `expected`. */
  private fresh: Array<[string, SnippetRead]> = [];
  private readonly charged: Array<{ workspaceId: string; cost: number }> = [];
  /** Set when a charge found a write in between (even if the work went on): it runs again with the lock. */
  mustRunLocked = false;

  constructor(
    private readonly reads: OptimisticReads,
    private readonly expected: number,
    private readonly after: Admission | undefined,
  ) {
    const sql: Sql = <R extends object>(s: Statement, values: unknown[] = []) => {
      this.statements++;
      return reads.query<R>(s, values);
    };
    // Built on first use: a getSnippet needs only the read and the charge.
    let built: StoreTransaction | undefined;
    const whole = () => (built ??= postgresTransaction(sql));
    const snippets: StoreTransaction['snippets'] = {
      read: (id) => this.readSnippet(id),
      get: (id) => whole().snippets.get(id),
      inFolder: (folderId, after, max) => whole().snippets.inFolder(folderId, after, max),
      withTag: (tagId, after, max) => whole().snippets.withTag(tagId, after, max),
      create: (input, at) => whole().snippets.create(input, at),
      update: (id, changes, at) => whole().snippets.update(id, changes, at),
      remove: (id, at) => whole().snippets.remove(id, at),
      unfile: (folderId, at) => whole().snippets.unfile(folderId, at),
    };
    this.tx = {
      ownerTeam: (kind, id) => whole().ownerTeam(kind, id),
      deletedFrom: (kind, id) => whole().deletedFrom(kind, id),
      recordDeletion: (kind, id, teamId, at) => whole().recordDeletion(kind, id, teamId, at),
      spend: (workspaceId, cost) => this.spend(workspaceId, cost),
      remaining: (workspaceId) => whole().remaining(workspaceId),
      findAnswer: (keyHash, key, since) => whole().findAnswer(keyHash, key, since),
      rememberAnswer: (keyHash, key, answer, at, expiredBefore) => whole().rememberAnswer(keyHash, key, answer, at, expiredBefore),
      snippets,
      get variations() {
        return whole().variations;
      },
      get folders() {
        return whole().folders;
      },
      get tags() {
        return whole().tags;
      },
    };
  }

  private async readSnippet(id: string): Promise<SnippetRead | undefined> {
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

  private async spend(workspaceId: string, cost: number): Promise<number | undefined> {
    const { outcome, remaining } = await this.reads.charge({ workspaceId, cost, expected: this.expected, ...(this.after && { after: this.after }) });
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
