// The embedded SQLite store (better-sqlite3): the SandboxStore of the Node
// server. Operations run through the group commit (group-commit.ts), which
// makes each one a savepoint of its turn's transaction; getSnippet's reads
// are kept in memory (snippet-reads.ts). Node only.
import { PURGE_BATCH, type StoreSnapshot, type StoreTransaction, type SandboxStore, type ResourceKind, type StoredFixtures, type StoredAnswer } from '../store/store.ts';
import { keyRecordOf, type KeyColumns } from '../store/rows.ts';
import { JsonText } from '../json-text.ts';
import { openDatabase, type Db } from './database.ts';
import { watchDatabaseFile } from './database-file.ts';
import { GroupCommit } from './group-commit.ts';
import { prepareGroupStore } from './groups.ts';
import { prepareSeeder } from './seed.ts';
import { SnippetReadCache } from './snippet-reads.ts';
import { prepareSnippetStore } from './snippets.ts';
import { prepareVariationStore } from './variations.ts';

const TABLE: Record<ResourceKind, string> = { snippet: 'snippets', folder: 'folders', tag: 'tags' };
const STORE_KIND = 'sqlite';

export interface SqliteStoreOptions {
  /** A file path, or ':memory:'. */
  path: string;
  /** Called once when the database file is deleted or replaced under the running store. */
  onFileLost?: (problem: string) => void;
}

export interface SqliteStore extends SandboxStore {
  db: Db;
  /** getSnippet's read cache, for tests of its bounds. */
  snippetReads: SnippetReadCache;
}


export function openSqliteStore({ path, onFileLost = () => {} }: SqliteStoreOptions): SqliteStore {
  const db = openDatabase(path);
  try {
    return prepare(db, path, onFileLost);
  } catch (error) {
    db.close();
    throw error;
  }
}

function prepare(db: Db, path: string, onFileLost: (problem: string) => void): SqliteStore {
  const variations = prepareVariationStore(db);
  const snippets = prepareSnippetStore(db, variations);
  const snippetReads = new SnippetReadCache(db);
  const owner = (kind: ResourceKind) => db.prepare<[string], string>(`SELECT team_id FROM ${TABLE[kind]} WHERE id = ?`).pluck();
  const sql = {
    owner: { snippet: owner('snippet'), folder: owner('folder'), tag: owner('tag') },
    tombstone: db.prepare<[string, string], string>('SELECT team_id FROM tombstones WHERE id = ? AND kind = ?').pluck(),
    insertTombstone: db.prepare('INSERT OR REPLACE INTO tombstones (id, kind, team_id, deleted_at) VALUES (?, ?, ?, ?)'),
    // One statement charges the cost and says what remains, or changes nothing when the quota cannot pay.
    spend: db
      .prepare<[number, string, number], number>(
        'UPDATE workspaces SET remaining_requests = remaining_requests - ? WHERE id = ? AND remaining_requests >= ? RETURNING remaining_requests',
      )
      .pluck(),
    remaining: db.prepare<[string], number>('SELECT remaining_requests FROM workspaces WHERE id = ?').pluck(),
    unfile: db.prepare('UPDATE snippets SET folder_id = NULL, updated_at = ? WHERE folder_id = ?'),
    // Expired answers are ignored here, so purging them can wait.
    findAnswer: db.prepare<[string, string, string], { request_hash: string; team_ids: string; status: number; body: string }>(
      'SELECT request_hash, team_ids, status, body FROM idempotency_keys WHERE key_hash = ? AND key = ? AND created_at >= ?',
    ),
    // An expired answer of the same key may not be purged yet: it is replaced.
    insertAnswer: db.prepare(
      `INSERT INTO idempotency_keys (key_hash, key, request_hash, team_ids, status, body, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(key_hash, key) DO UPDATE SET request_hash = excluded.request_hash, team_ids = excluded.team_ids,
         status = excluded.status, body = excluded.body, created_at = excluded.created_at`,
    ),
    // The oldest few expired answers, found through the index on created_at: bounded work, never a scan.
    purgeAnswers: db.prepare(
      `DELETE FROM idempotency_keys WHERE rowid IN
         (SELECT rowid FROM idempotency_keys WHERE created_at < ? ORDER BY created_at LIMIT ${PURGE_BATCH})`,
    ),
    findKey: db.prepare<[string], KeyColumns>(
      `SELECT k.key_hash, k.workspace_id, k.status, k.expires_at, k.rate_limit_per_minute, w.subscription
       FROM api_keys k JOIN workspaces w ON w.id = k.workspace_id WHERE k.key_hash = ?`,
    ),
    teamsOfKey: db.prepare<[string], string>('SELECT team_id FROM api_key_teams WHERE key_hash = ?').pluck(),
    teams: db.prepare<[], { id: string; workspace_id: string }>('SELECT id, workspace_id FROM teams WHERE removed = 0'),
    probe: db.prepare('SELECT 1').pluck(),
  };
  const tableNames = db
    .prepare<[], string>("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' OR name = 'sqlite_sequence'")
    .pluck()
    .all();
  // Prepared once: a reset between tests is a few statements, not a schema read and a compile per table.
  const emptyTables = tableNames.map((table) => db.prepare(`DELETE FROM "${table}"`));
  // What a snapshot's rows may name (checkState): column names reach the text of restore's INSERTs.
  const columnsOf = new Map(
    tableNames.map((table) => [table, new Set(db.prepare<[], string>(`SELECT name FROM pragma_table_info('${table}')`).pluck().all())] as const),
  );
  const seed = prepareSeeder(db);

  const tx: StoreTransaction = {
    ownerTeam: (kind, id) => sql.owner[kind].get(id),
    deletedFrom: (kind, id) => sql.tombstone.get(id, kind),
    recordDeletion(kind, id, teamId, at) {
      sql.insertTombstone.run(id, kind, teamId, at);
    },
    spend: (workspaceId, cost) => sql.spend.get(cost, workspaceId, cost),
    remaining: (workspaceId) => sql.remaining.get(workspaceId)!,
    findAnswer(keyHash, key, since): StoredAnswer | undefined {
      const row = sql.findAnswer.get(keyHash, key, since);
      return row && { requestHash: row.request_hash, teamIds: row.team_ids ? row.team_ids.split(' ') : [], status: row.status, body: row.body };
    },
    rememberAnswer(keyHash, key, answer, at, expiredBefore) {
      sql.purgeAnswers.run(expiredBefore);
      sql.insertAnswer.run(keyHash, key, answer.requestHash, answer.teamIds.join(' '), answer.status, answer.body, at);
    },
    snippets: {
      get: snippets.get,
      read: (id) =>
        snippetReads.get(id, () => {
          const snippet = snippets.get(id);
          return (
            snippet && {
              teamId: snippet.teamId,
              data: JsonText.of(snippet),
              metadata: JsonText.of({ totalVariations: snippet.variations.length, tagsAttached: snippet.tagIds.length }),
            }
          );
        }),
      inFolder: snippets.inFolder,
      withTag: snippets.withTag,
      sizesInFolder: snippets.sizesInFolder,
      sizesWithTag: snippets.sizesWithTag,
      create: snippets.create,
      update: snippets.update,
      remove: snippets.remove,
      unfile: (folderId, at) => sql.unfile.run(at, folderId).changes,
    },
    variations,
    folders: prepareGroupStore(db, 'folders'),
    tags: prepareGroupStore(db, 'tags'),
  };

  // A database file deleted or replaced while the sandbox runs fails every group, and every check, with 503 (database-file.ts).
  const checkFile = watchDatabaseFile(path, onFileLost);
  // Each group starts from committed state: reads until its first write may be kept (snippet-reads.ts).
  const groups = new GroupCommit<unknown>(db, () => {
    checkFile?.();
    snippetReads.beginGroup();
  });
  let closed = false;
  const refuseClosed = () => {
    if (closed) throw new Error('the sandbox store is closed');
  };
  const exclusive = <T>(work: () => T | Promise<T>) => {
    refuseClosed();
    return groups.run(work) as Promise<T>;
  };

  function emptyAll(): void {
    // Foreign keys checked at the end of the transaction, so that tables empty in any order.
    db.pragma('defer_foreign_keys = ON');
    for (const empty of emptyTables) empty.run();
  }

  return {
    kind: STORE_KIND,
    db,
    snippetReads,
    transaction<T>(work: (tx: StoreTransaction) => Promise<T>, readOnly: boolean): Promise<T> {
      return exclusive(() => {
        // Whatever this operation writes, no kept read may outlive it, nor be made until its group ends (snippet-reads.ts).
        if (!readOnly) snippetReads.beforeWrite();
        return work(tx);
      });
    },
    findKey(keyHash) {
      refuseClosed();
      const row = sql.findKey.get(keyHash);
      if (!row) return undefined;
      return keyRecordOf(row, sql.teamsOfKey.all(keyHash));
    },
    teamWorkspaces: () => refuseClosed() ?? new Map(sql.teams.all().map((t) => [t.id, t.workspace_id])),
    // At start, before any request: the seeder is a transaction of its own.
    seed: (fixtures: StoredFixtures) => refuseClosed() ?? seed(fixtures),
    reset: (fixtures: StoredFixtures) =>
      exclusive(() => {
        emptyAll();
        seed(fixtures);
        snippetReads.beforeWrite();
      }),
    snapshot: () =>
      exclusive((): StoreSnapshot => ({
        store: STORE_KIND,
        state: Object.fromEntries(tableNames.map((table) => [table, db.prepare(`SELECT * FROM "${table}"`).all()])),
      })),
    restore: (snapshot: StoreSnapshot) =>
      exclusive(() => {
        if (snapshot.store !== STORE_KIND) throw new Error(`A snapshot of the ${snapshot.store} store cannot be restored into the ${STORE_KIND} store`);
        const state = checkState(snapshot.state, columnsOf);
        emptyAll();
        // sqlite_sequence last, emptied again: inserting rows with their own ids has just filled it.
        for (const table of [...tableNames.filter((t) => t !== 'sqlite_sequence'), 'sqlite_sequence']) {
          if (table === 'sqlite_sequence') db.prepare('DELETE FROM sqlite_sequence').run();
          const rows = state[table]!;
          if (rows.length === 0) continue;
          const columns = Object.keys(rows[0]!);
          const insert = db.prepare(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`);
          for (const row of rows) insert.run(row);
        }
        snippetReads.beforeWrite();
      }),
    check() {
      refuseClosed();
      checkFile?.();
      sql.probe.get();
    },
    /** Lets what was queued finish, then closes the database; every later call throws. */
    async close() {
      if (closed) return;
      // Queued work first; a group that fails (the database already gone) is still over.
      await groups.run(() => undefined).catch(() => {});
      closed = true;
      await groups.close();
      if (db.open) db.close();
    },
  };
}

/**
 * A snapshot's state checked on its surface before anything is emptied: every
 * table of this store and no other, each an array of rows (objects) whose
 * fields are columns of the table. Column names reach the INSERT's text, so
 * none is taken that the schema does not have. What is left to SQLite (a
 * value of the wrong type, a broken reference) fails the restore's
 * transaction, which then changes nothing.
 */
function checkState(state: unknown, columnsOf: ReadonlyMap<string, ReadonlySet<string>>): Record<string, Array<Record<string, unknown>>> {
  const fail = (problem: string): never => {
    throw new Error(`not the state of a sqlite store snapshot: ${problem}`);
  };
  if (typeof state !== 'object' || state === null || Array.isArray(state)) return fail('it is not an object');
  const tables = state as Record<string, unknown>;
  for (const name of Object.keys(tables)) if (!columnsOf.has(name)) fail(`it has a table ${JSON.stringify(name)} that this store does not have`);
  for (const [table, columns] of columnsOf) {
    const rows = tables[table];
    if (!Array.isArray(rows)) return fail(`it has no ${table} array`);
    for (const row of rows) {
      if (typeof row !== 'object' || row === null || Array.isArray(row)) return fail(`a row of ${table} is not an object`);
    }
    const unknown = rows.length > 0 ? Object.keys(rows[0] as object).find((column) => !columns.has(column)) : undefined;
    if (unknown !== undefined) fail(`${table} has no column ${JSON.stringify(unknown)}`);
  }
  return tables as Record<string, Array<Record<string, unknown>>>;
}
