// What an operation may do inside its PostgreSQL transaction (store.ts's
// StoreTransaction), over the one connection that transaction holds.
import { PURGE_BATCH, type ResourceKind, type StoredAnswer, type StoreTransaction } from '../store/store.ts';
import { groupStore } from './groups.ts';
import { readOf, snippetStore } from './snippets.ts';
import { statement, type Sql } from './sql.ts';
import { variationStore } from './variations.ts';

const owner = (kind: ResourceKind, table: string) => statement(`owner_${kind}`, `SELECT team_id FROM ${table} WHERE id = $1`);

const S = {
  owner: { snippet: owner('snippet', 'snippets'), folder: owner('folder', 'folders'), tag: owner('tag', 'tags') },
  tombstone: statement('tombstone', 'SELECT team_id FROM tombstones WHERE id = $1 AND kind = $2'),
  insertTombstone: statement(
    'tombstone_insert',
    `INSERT INTO tombstones (id, kind, team_id, deleted_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, team_id = excluded.team_id, deleted_at = excluded.deleted_at`,
  ),
  // One statement charges the cost and says what remains, or changes nothing when the quota cannot pay; the row lock makes it exact across instances.
  spend: statement(
    'spend',
    'UPDATE workspaces SET remaining_requests = remaining_requests - $1 WHERE id = $2 AND remaining_requests >= $1 RETURNING remaining_requests',
  ),
  remaining: statement('remaining', 'SELECT remaining_requests FROM workspaces WHERE id = $1'),
  findAnswer: statement(
    'answer_find',
    'SELECT request_hash, team_ids, status, body FROM idempotency_keys WHERE key_hash = $1 AND key = $2 AND created_at >= $3',
  ),
  // The oldest few expired answers, through the index on created_at: bounded work, never a scan.
  purgeAnswers: statement(
    'answers_purge',
    `DELETE FROM idempotency_keys WHERE (key_hash, key) IN
       (SELECT key_hash, key FROM idempotency_keys WHERE created_at < $1 ORDER BY created_at LIMIT ${PURGE_BATCH})`,
  ),
  // An expired answer of the same key may not be purged yet: it is replaced.
  insertAnswer: statement(
    'answer_insert',
    `INSERT INTO idempotency_keys (key_hash, key, request_hash, team_ids, status, body, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (key_hash, key) DO UPDATE SET request_hash = excluded.request_hash, team_ids = excluded.team_ids,
       status = excluded.status, body = excluded.body, created_at = excluded.created_at`,
  ),
};

export function postgresTransaction(sql: Sql): StoreTransaction {
  const variations = variationStore(sql);
  const snippets = snippetStore(sql, variations);
  const first = async <T>(rows: Promise<Array<Record<string, T>>>, column: string): Promise<T | undefined> => (await rows)[0]?.[column];
  return {
    ownerTeam: (kind, id) => first<string>(sql(S.owner[kind], [id]), 'team_id'),
    deletedFrom: (kind, id) => first<string>(sql(S.tombstone, [id, kind]), 'team_id'),
    async recordDeletion(kind, id, teamId, at) {
      await sql(S.insertTombstone, [id, kind, teamId, at]);
    },
    spend: (workspaceId, cost) => first<number>(sql(S.spend, [cost, workspaceId]), 'remaining_requests'),
    remaining: async (workspaceId) => (await first<number>(sql(S.remaining, [workspaceId]), 'remaining_requests'))!,
    async findAnswer(keyHash, key, since): Promise<StoredAnswer | undefined> {
      const [row] = await sql<{ request_hash: string; team_ids: string; status: number; body: string }>(S.findAnswer, [keyHash, key, since]);
      return row && { requestHash: row.request_hash, teamIds: row.team_ids ? row.team_ids.split(' ') : [], status: row.status, body: row.body };
    },
    async rememberAnswer(keyHash, key, answer, at, expiredBefore) {
      await sql(S.purgeAnswers, [expiredBefore]);
      await sql(S.insertAnswer, [keyHash, key, answer.requestHash, answer.teamIds.join(' '), answer.status, answer.body, at]);
    },
    snippets: {
      ...snippets,
      // Read anew: this is the read of a transaction with the lock (optimistic-read.ts keeps what a charge found current).
      async read(id) {
        const snippet = await snippets.get(id);
        return snippet && readOf(snippet);
      },
    },
    variations,
    folders: groupStore(sql, 'folders'),
    tags: groupStore(sql, 'tags'),
  };
}
