// The PostgreSQL store: a SandboxStore (store/store.ts) that several sandbox
// instances share, behind a load balancer (docs/sandbox.md). Loaded only when
// `--db postgres://…` selects it (store-from-option.ts), with the pg driver.
//
// Transactions keep the interface's promise across instances with one
// advisory lock per database, taken as each transaction that may write
// begins: exclusive, so writes never interleave, on one instance or several,
// and each sees every write committed before it began. Each also makes the
// data version larger (data-version.ts). Read-only transactions change only
// the quota; they run side by side, without the lock, checked against the
// data version when they are charged (optimistic-read.ts), and with the lock,
// shared, when a write came in between. Within an instance, Turns (turns.ts)
// starts them in arrival order. Everything else an instance needs to agree
// on with the others is in the database too: quota, idempotent answers, and
// the shared limits.
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { SharedClock } from '../clock.ts';
import type { ClockShare, KeyLimits, KeyRecord, LimitSettings, RateDecision, SandboxStore, SeedOutcome, StoredFixtures, StoreSnapshot, StoreTransaction } from '../store/store.ts';
import { keyRecordOf, type KeyColumns } from '../store/rows.ts';
import { databaseUnavailable } from '../health.ts';
import { openPool, POSTGRES_DEFAULTS, translate, type PostgresConnectionOptions } from './connection.ts';
import { LIMIT_TABLES, postgresLimits, type AdmissionsOf } from './limits.ts';
import { AdmissionRefused, Rounds } from './rounds.ts';
import { migrate, TRANSACTION_LOCK } from './migrations.ts';
import { Notifications } from './notifications.ts';
import { shareClock } from './shared-clock.ts';
import { seed } from './seed.ts';
import { emptyAll, POSTGRES_STORE_KIND, restoreSnapshot, takeSnapshot } from './snapshot.ts';
import { sqlOn, statement } from './sql.ts';
import { refund, spendAndCommit, type ReadOnlyState } from './read-only-spend.ts';
import { postgresTransaction } from './transaction.ts';
import { BUMP_DATA_VERSION, READ_DATA_VERSION, SeenDataVersion } from './data-version.ts';
import { OptimisticReads } from './optimistic-read.ts';
import { Turns } from './turns.ts';

export interface PostgresStoreOptions extends PostgresConnectionOptions {
  /** Told about errors of idle connections (the server went away between requests); the pool replaces them. */
  onConnectionError?: (error: Error) => void;
}

export interface PostgresStore extends SandboxStore {
  pool: pg.Pool;
  /** The schema versions this start applied (none when the database was up to date). */
  migrated: number[];
}

/** Where seed, reset and restore are announced (watchFixtures). */
const FIXTURES_CHANNEL = 'sandbox_fixtures';

// One simple query each: BEGIN, the lock and the data version in one round trip.
const BEGIN_SHARED = `BEGIN; SELECT pg_advisory_xact_lock_shared(${TRANSACTION_LOCK}); ${READ_DATA_VERSION}`;
const BEGIN_EXCLUSIVE = `BEGIN; SELECT pg_advisory_xact_lock(${TRANSACTION_LOCK}); ${BUMP_DATA_VERSION}`;

const S = {
  findKey: statement(
    'find_key',
    `SELECT k.key_hash, k.workspace_id, k.status, k.expires_at, k.rate_limit_per_minute, w.subscription,
            COALESCE((SELECT array_agg(team_id ORDER BY team_id) FROM api_key_teams WHERE key_hash = k.key_hash), '{}') AS team_ids
     FROM api_keys k JOIN workspaces w ON w.id = k.workspace_id WHERE k.key_hash = $1`,
  ),
  teams: statement('teams', 'SELECT id, workspace_id FROM teams WHERE NOT removed'),
};


const emptyLimits = (client: pg.ClientBase) => client.query(`TRUNCATE ${LIMIT_TABLES.join(', ')}`);

export async function openPostgresStore(options: PostgresStoreOptions): Promise<PostgresStore> {
  const pool = openPool(options, options.onConnectionError ?? (() => {}));
  try {
    const migrated = await migrate(pool);
    const seen = new SeenDataVersion();
    seen.see(Number((await pool.query<{ version: string }>(READ_DATA_VERSION)).rows[0]!.version));
    return new PgStore(pool, migrated, options, seen);
  } catch (error) {
    await pool.end().catch(() => {});
    throw error;
  }
}

/**
 * Transactions that may wait for their turn, per pooled connection: past
 * that, a request is answered 503 at once (a hanging database or a flood of
 * writes queues nothing without end; the wait itself is bounded by maxWaitMs).
 */
const WAITING_PER_CONNECTION = 100;

class PgStore implements PostgresStore {
  readonly kind = POSTGRES_STORE_KIND;
  private readonly turns: Turns;
  /** The StoreTransaction of each pooled connection, made once: the pool hands out the same few clients. */
  private readonly transactions = new WeakMap<pg.PoolClient, StoreTransaction>();
  private closed = false;
  /**
   * Longest a transaction waits for its turn: the statement timeout (how long
   * the one before may hold it) plus the connect timeout. Past that, 503.
   */
  private readonly maxWaitMs: number;
  private clockShare: ClockShare | undefined;
  private readonly optimistic: OptimisticReads;
  private readonly rounds: Rounds;
  /** The admission behind each rate decision this store's limits gave (limits.ts). */
  private readonly admissions: AdmissionsOf = new WeakMap();
  private readonly notifications: Notifications;
  /** Who announces this instance's changes of the fixtures (it does not hear its own). */
  private readonly instance = randomUUID();

  constructor(
    readonly pool: pg.Pool,
    readonly migrated: number[],
    private readonly options: PostgresStoreOptions,
    private readonly seen: SeenDataVersion,
  ) {
    this.maxWaitMs = (options.statementTimeoutMs ?? POSTGRES_DEFAULTS.statementTimeoutMs) + (options.connectionTimeoutMs ?? POSTGRES_DEFAULTS.connectionTimeoutMs);
    const poolSize = options.poolSize ?? POSTGRES_DEFAULTS.poolSize;
    // What a request gets when too many wait already, for a turn or for a round.
    const full = () => databaseUnavailable('The sandbox has too many requests waiting for its database; retry later');
    this.turns = new Turns({
      // Readers beyond the pool would only wait in the pool's own queue, which nothing bounds.
      maxReaders: poolSize,
      maxWaiting: WAITING_PER_CONNECTION * poolSize,
      full,
    });
    this.rounds = new Rounds(pool, seen, () => this.refuseClosed(), full);
    this.optimistic = new OptimisticReads(pool, seen, this.rounds, full);
    this.notifications = new Notifications(options, options.onConnectionError ?? (() => {}));
  }

  transaction<T>(work: (tx: StoreTransaction) => Promise<T>, readOnly: boolean, admission?: Promise<RateDecision>): Promise<T> {
    // The request's admission, when the core runs the operation before knowing it: no charge unless it lets the request in.
    const after = admission && this.admissions.get(admission);
    const locked = (exclusive: boolean) =>
      this.withLock(exclusive, async (client, readState) => {
        let tx = this.transactions.get(client);
        if (!tx) this.transactions.set(client, (tx = postgresTransaction(sqlOn(client))));
        if (exclusive) return work(tx);
        // Read-only: the charge commits (read-only-spend.ts).
        return work({
          ...tx,
          async spend(workspaceId, cost) {
            if (after) {
              await after.row;
              if (!after.allowed) throw new AdmissionRefused('the request was not let in');
            }
            return spendAndCommit(client, readState, workspaceId, cost);
          },
        });
      });
    if (!readOnly) return this.inTurn(true, () => locked(true));
    return this.inTurn(false, () => this.optimistic.run(work, () => locked(false), after));
  }

  async findKey(keyHash: string): Promise<KeyRecord | undefined> {
    const [row] = await this.query<KeyColumns & { team_ids: string[] }>(S.findKey, [keyHash]);
    if (!row) return undefined;
    return keyRecordOf(row, row.team_ids);
  }

  async teamWorkspaces(): Promise<ReadonlyMap<string, string>> {
    return new Map((await this.query<{ id: string; workspace_id: string }>(S.teams)).map((team) => [team.id, team.workspace_id]));
  }

  seed(fixtures: StoredFixtures): Promise<SeedOutcome> {
    return this.inTransaction(true, async (client) => {
      const outcome = await seed(sqlOn(client), fixtures);
      await this.announceFixtures(client);
      return outcome;
    });
  }

  reset(fixtures: StoredFixtures): Promise<void> {
    return this.inTransaction(true, async (client) => {
      await emptyAll(client);
      await emptyLimits(client);
      await seed(sqlOn(client), fixtures);
      await this.announceFixtures(client);
    });
  }

  async watchFixtures(changed: () => void): Promise<void> {
    this.refuseClosed();
    // Not this instance's own changes: its core knows of them.
    await this.notifications.listen(FIXTURES_CHANNEL, (from) => from !== this.instance && changed(), async () => changed());
  }

  sharedLimits(settings: LimitSettings): KeyLimits {
    return postgresLimits(this.pool, settings, this.rounds, this.admissions, () => this.refuseClosed());
  }

  snapshot(): Promise<StoreSnapshot> {
    return this.inTransaction(true, async (client) => ({ store: POSTGRES_STORE_KIND, state: await takeSnapshot(client) }));
  }

  restore(snapshot: StoreSnapshot): Promise<void> {
    return this.inTransaction(true, async (client) => {
      if (snapshot.store !== POSTGRES_STORE_KIND) {
        throw new Error(`A snapshot of the ${snapshot.store} store cannot be restored into the ${POSTGRES_STORE_KIND} store`);
      }
      await restoreSnapshot(client, snapshot.state);
      // As on a store of one process, whose core starts its limits afresh on a restore.
      await emptyLimits(client);
      await this.announceFixtures(client);
    });
  }

  async shareClock(clock: SharedClock): Promise<ClockShare> {
    this.refuseClosed();
    await this.clockShare?.close();
    this.clockShare = await shareClock(this.pool, this.notifications, clock, this.options.onConnectionError ?? (() => {}));
    return this.clockShare;
  }

  async check(): Promise<void> {
    await this.query(statement('probe', 'SELECT 1'));
  }

  /** Lets what was queued finish, then closes the pool; every later call throws. */
  async close(): Promise<void> {
    if (this.closed) return;
    await this.turns.drain();
    this.closed = true;
    await this.clockShare?.close();
    await this.notifications.close();
    await this.pool.end();
  }

  /** Tells the other instances, once this transaction commits, that keys and teams may have changed. */
  private async announceFixtures(client: pg.ClientBase): Promise<void> {
    await client.query('SELECT pg_notify($1, $2)', [FIXTURES_CHANNEL, this.instance]);
  }

  private refuseClosed(): void {
    if (this.closed) throw new Error('the sandbox store is closed');
  }

  /** One statement outside any transaction (keys and teams change only with seed and reset). */
  private async query<R extends object>(s: ReturnType<typeof statement>, values: unknown[] = []): Promise<R[]> {
    this.refuseClosed();
    try {
      return (await this.pool.query<R>({ name: s.name, text: s.text, values })).rows;
    } catch (error) {
      throw translate(error);
    }
  }

  /** `work` with a transaction of its own, in its turn, holding the transaction lock (exclusive or shared). */
  private inTransaction<T>(exclusive: boolean, work: (client: pg.PoolClient, readState: ReadOnlyState) => Promise<T>): Promise<T> {
    return this.inTurn(exclusive, () => this.withLock(exclusive, work));
  }

  /** `work` in its turn (exclusive: alone), or a 503 when the turn does not come in time. */
  private inTurn<T>(exclusive: boolean, work: () => Promise<T>): Promise<T> {
    return this.turns.run(
      exclusive,
      async () => {
        this.refuseClosed();
        return work();
      },
      this.maxWaitMs,
      () => databaseUnavailable('The sandbox cannot reach its database in time; retry later'),
    );
  }

  /** `work` in a transaction of its own holding the transaction lock (exclusive or shared). */
  private async withLock<T>(exclusive: boolean, work: (client: pg.PoolClient, readState: ReadOnlyState) => Promise<T>): Promise<T> {
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      throw translate(error);
    }
    let broken = false;
    const readState: ReadOnlyState = { committed: false, charged: [] };
    try {
      const began = (await client.query(exclusive ? BEGIN_EXCLUSIVE : BEGIN_SHARED)) as unknown as Array<pg.QueryResult<{ version: number }>>;
      // A writer's version is seen once it is committed; a reader's at once (writes wait for it).
      const version = Number(began[2]!.rows[0]!.version);
      if (!exclusive) this.seen.see(version);
      const result = await work(client, readState);
      if (!readState.committed) await client.query('COMMIT');
      this.seen.see(version);
      return result;
    } catch (error) {
      // A connection that cannot even roll back (or refund) is closed, not given back.
      if (readState.committed) await refund(client, readState).catch(() => (broken = true));
      else await client.query('ROLLBACK').catch(() => (broken = true));
      throw translate(error);
    } finally {
      client.release(broken);
    }
  }
}
