// Which of the PostgreSQL store's statements write (src/sandbox/postgres/sql.ts):
// a read-only operation runs its statements without a transaction, each
// committing on its own (optimistic-read.ts), and must take the lock instead
// as soon as one of them would write. A write taken for a read there would be
// committed at once and never rolled back. Checked on every method of the
// transaction, through a Sql that records what it is asked to run.
import { describe, expect, it } from 'vitest';
import { postgresTransaction } from '../../src/sandbox/postgres/transaction.ts';
import type { Statement } from '../../src/sandbox/postgres/sql.ts';
import type { StoreTransaction } from '../../src/sandbox/store/store.ts';

const ROW = { team_id: 't', remaining_requests: 1, n: 0, found: false, order_index: 0, id: 'x', parent_id: null, name: 'n', color: null, created_at: '', updated_at: '', tag_ids: [], variations_json: [], title: 't', note: null, shortcut: null, folder_id: null, snippet_id: 's', content_type: 'plaintext', content: 'c' };

/** The statements `call` runs on a transaction. */
async function statementsOf(call: (tx: StoreTransaction) => Promise<unknown>): Promise<Statement[]> {
  const ran: Statement[] = [];
  const sql = (async (s: Statement) => {
    ran.push(s);
    return [ROW];
  }) as Parameters<typeof postgresTransaction>[0];
  await call(postgresTransaction(sql));
  return ran;
}

const content = { type: 'plaintext' as const, content: 'c' };
const variation = { ...ROW, content_type: 'plaintext' as const, snippet_id: 's', order_index: 0 };

const reads: Record<string, (tx: StoreTransaction) => Promise<unknown>> = {
  ownerTeam: async (tx) => tx.ownerTeam('snippet', 'x'),
  deletedFrom: async (tx) => tx.deletedFrom('tag', 'x'),
  remaining: async (tx) => tx.remaining('w'),
  findAnswer: async (tx) => tx.findAnswer('k', 'key', ''),
  'snippets.get': async (tx) => tx.snippets.get('x'),
  'snippets.read': async (tx) => tx.snippets.read('x'),
  'snippets.inFolder': async (tx) => tx.snippets.inFolder('f', undefined, 5),
  'snippets.withTag': async (tx) => tx.snippets.withTag('t', undefined, 5),
  'variations.ofSnippet': async (tx) => tx.variations.ofSnippet('s'),
  'variations.countOf': async (tx) => tx.variations.countOf('s'),
  'variations.row': async (tx) => tx.variations.row('v'),
  'variations.formerOwner': async (tx) => tx.variations.formerOwner('v'),
  'variations.history': async (tx) => tx.variations.history('v', '', '9', 10, 5),
  'variations.historyCount': async (tx) => tx.variations.historyCount('v', '', '9'),
  'folders.row': async (tx) => tx.folders.row('f'),
  'folders.ofTeam': async (tx) => tx.folders.ofTeam('t', undefined, 5),
  'folders.isSelfOrDescendant': async (tx) => tx.folders.isSelfOrDescendant('a', 'b'),
  'tags.row': async (tx) => tx.tags.row('f'),
  'tags.ofTeam': async (tx) => tx.tags.ofTeam('t', undefined, 5),
  'tags.isSelfOrDescendant': async (tx) => tx.tags.isSelfOrDescendant('a', 'b'),
};

const writes: Record<string, (tx: StoreTransaction) => Promise<unknown>> = {
  recordDeletion: async (tx) => tx.recordDeletion('snippet', 'x', 't', ''),
  spend: async (tx) => tx.spend('w', 1),
  rememberAnswer: async (tx) => tx.rememberAnswer('k', 'key', { requestHash: 'h', teamIds: [], status: 201, body: '{}' }, '', ''),
  'snippets.create': async (tx) => tx.snippets.create({ title: 't', content, teamId: 't', tagIds: ['g'] }, ''),
  'snippets.update': async (tx) => tx.snippets.update('x', { title: 'u', tagIds: ['g'] }, ''),
  'snippets.remove': async (tx) => tx.snippets.remove('x', ''),
  'snippets.unfile': async (tx) => tx.snippets.unfile('f', ''),
  'variations.create': async (tx) => tx.variations.create('s', 'n', content, ''),
  'variations.update': async (tx) => tx.variations.update(variation, { content }, ''),
  'variations.remove': async (tx) => tx.variations.remove(variation, ''),
  'folders.create': async (tx) => tx.folders.create('t', { name: 'n' }, ''),
  'folders.update': async (tx) => tx.folders.update('f', { name: 'n' }, ''),
  'folders.remove': async (tx) => tx.folders.remove('f', ''),
  'tags.create': async (tx) => tx.tags.create('t', { name: 'n' }, ''),
  'tags.remove': async (tx) => tx.tags.remove('f', ''),
};

describe('the PostgreSQL store\'s statements', () => {
  it.each(Object.entries(reads))('%s only reads', async (_name, call) => {
    const ran = await statementsOf(call);
    expect(ran.length).toBeGreaterThan(0);
    for (const s of ran) expect(s.writes, s.name).toBe(false);
  });

  it.each(Object.entries(writes))('%s is known to write before it does', async (_name, call) => {
    const ran = await statementsOf(call);
    // The first statement that changes something is the one a read-only operation must not run without the lock.
    const first = ran.findIndex((s) => !/^\s*SELECT\b/i.test(s.text) || /\b(INSERT|UPDATE|DELETE)\b/i.test(s.text));
    expect(first, 'a statement that writes').toBeGreaterThanOrEqual(0);
    expect(ran[first]!.writes, ran[first]!.name).toBe(true);
  });
});
