// One round of an instance (src/sandbox/postgres/rounds.ts and migration 5's
// sandbox_round_by_key), on a real PostgreSQL: the admissions and charges of
// requests made at once go to the database together, and each gets the
// answer it would get had the requests come one after the other, in order:
// the key's window lets in requests while it has room; a charge goes through
// only if its admission let it in, the data version is the one it expected,
// and its workspace can still pay for it, one charge after the other.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPool } from '../../src/sandbox/postgres/connection.ts';
import { SeenDataVersion } from '../../src/sandbox/postgres/data-version.ts';
import { migrate } from '../../src/sandbox/postgres/migrations.ts';
import { Rounds, type Admission, type ChargeRow } from '../../src/sandbox/postgres/rounds.ts';
import { postgresForSuite, postgresMissing } from '../helpers/postgres.ts';

const WINDOW = 60_000;

describe.skipIf(postgresMissing)('PostgreSQL rounds', () => {
  const suite = postgresForSuite();
  let pool: pg.Pool;
  let rounds: Rounds;
  let version: number;

  beforeAll(async () => {
    pool = openPool({ url: await suite.server.createDatabase() }, () => {});
    await migrate(pool);
    rounds = new Rounds(pool, new SeenDataVersion(), () => {}, () => new Error('full'));
    version = Number((await pool.query('SELECT version FROM sandbox_data_version')).rows[0].version);
  }, 60_000);
  afterAll(async () => {
    await pool?.end();
  });

  let workspaces = 0;
  async function workspace(remaining: number): Promise<string> {
    const id = `w${++workspaces}`;
    await pool.query(`INSERT INTO workspaces (id, name, subscription, remaining_requests) VALUES ($1, $1, 'active', $2)`, [id, remaining]);
    return id;
  }
  const remainingOf = async (id: string) => Number((await pool.query('SELECT remaining_requests FROM workspaces WHERE id = $1', [id])).rows[0].remaining_requests);
  const summary = (row: ChargeRow) => `${row.outcome}${row.remaining === null ? '' : ` ${row.remaining}`}`;

  /** Requests made at once (one round): an admission for each key given, then a charge for each request. */
  async function atOnce(requests: Array<{ key?: string; workspace: string | null; cost?: number; expected?: number; now?: number; limit?: number }>) {
    const now = Date.now();
    const admissions = requests.map((r) => (r.key ? rounds.admit(r.key, r.limit ?? 1000, r.now ?? now, WINDOW) : undefined));
    const charges = requests.map((r, i) =>
      rounds.charge({ workspaceId: r.workspace, cost: r.cost ?? 1, expected: r.expected ?? version, after: admissions[i] as Admission | undefined }),
    );
    const admitted = await Promise.all(admissions.map((a) => a?.row));
    return { admitted, charged: (await Promise.all(charges)).map(summary) };
  }

  it('every request of a round let in and charged: each charge sees those before it', async () => {
    const w = await workspace(10);
    const { admitted, charged } = await atOnce([{ key: 'k-all', workspace: w }, { key: 'k-all', workspace: w, cost: 3 }, { key: 'k-all', workspace: w }]);
    expect(admitted.map((a) => [a!.allowed, a!.in_window])).toEqual([[true, 1], [true, 2], [true, 3]]);
    expect(charged).toEqual(['charged 9', 'charged 6', 'charged 5']);
    expect(await remainingOf(w)).toBe(5);
  });

  it('a window with room for some of the round: the first ones in, the rest refused and not charged', async () => {
    const w = await workspace(10);
    const { admitted, charged } = await atOnce(Array.from({ length: 5 }, () => ({ key: 'k-limit', limit: 3, workspace: w })));
    expect(admitted.map((a) => [a!.allowed, a!.in_window])).toEqual([[true, 1], [true, 2], [true, 3], [false, 3], [false, 3]]);
    expect(charged).toEqual(['charged 9', 'charged 8', 'charged 7', 'refused', 'refused']);
    expect(await remainingOf(w)).toBe(7);
    // The next round finds the window full.
    const next = await atOnce([{ key: 'k-limit', limit: 3, workspace: w }]);
    expect(next.admitted[0]!.allowed).toBe(false);
    expect(next.charged).toEqual(['refused']);
  });

  it('two keys in one round are counted apart', async () => {
    const w = await workspace(100);
    const { admitted } = await atOnce([
      { key: 'k-a', limit: 1, workspace: w },
      { key: 'k-b', limit: 2, workspace: w },
      { key: 'k-a', limit: 1, workspace: w },
      { key: 'k-b', limit: 2, workspace: w },
      { key: 'k-b', limit: 2, workspace: w },
    ]);
    expect(admitted.map((a) => a!.allowed)).toEqual([true, true, false, true, false]);
  });

  it('a workspace that cannot pay for all: charged one after the other while it can, a cheaper one after a refused one still paid', async () => {
    const w = await workspace(3);
    const { charged } = await atOnce([
      { workspace: w, cost: 2 },
      { workspace: w, cost: 2 },
      { workspace: w, cost: 1 },
    ]);
    expect(charged).toEqual(['charged 1', 'short', 'charged 0']);
    expect(await remainingOf(w)).toBe(0);
  });

  it('a charge that expects another data version is stale and pays nothing; a question without a workspace is answered current', async () => {
    const w = await workspace(10);
    expect((await atOnce([{ workspace: w, expected: version - 1 }, { workspace: w }])).charged).toEqual(['stale', 'charged 9']);
    expect((await atOnce([{ workspace: null }, { workspace: w }])).charged).toEqual(['current', 'charged 8']);
    expect((await atOnce([{ workspace: null, expected: version - 1 }])).charged).toEqual(['stale']);
    expect(await remainingOf(w)).toBe(8);
  });

  it('a blocked key lets nothing in and counts nothing; the window then counts from where it was', async () => {
    const w = await workspace(10);
    const now = Date.now();
    await pool.query(`INSERT INTO key_attempts (key_hash, unknown, times, blocked_until, touched) VALUES ('k-blocked', false, '{}', $1, $2)`, [now + 5_000, now]);
    const blocked = await atOnce([{ key: 'k-blocked', workspace: w, now }, { key: 'k-blocked', workspace: w, now }]);
    expect(blocked.admitted.map((a) => [a!.allowed, a!.blocked_until])).toEqual([[false, now + 5_000], [false, now + 5_000]]);
    expect(blocked.charged).toEqual(['refused', 'refused']);
    const later = await atOnce([{ key: 'k-blocked', workspace: w, now: now + 6_000 }]);
    expect([later.admitted[0]!.allowed, later.admitted[0]!.in_window]).toEqual([true, 1]);
    expect(await remainingOf(w)).toBe(9);
  });

  it('a key with a long window of requests: each round lets out of the window exactly those that left it', async () => {
    const now = Date.now();
    // 40 000 counted milliseconds, the older half out of the window by now, as a busy key leaves them.
    await pool.query(
      `INSERT INTO rate_hit_counts (key_hash, at_ms, n) SELECT 'k-busy', $1::bigint - 80000 + g, 1 FROM generate_series(1, 40000) AS g`,
      [now],
    );
    await pool.query(`INSERT INTO rate_windows (key_hash, counted, oldest_ms) VALUES ('k-busy', 40000, $1::bigint - 79999)`, [now]);
    await pool.query('ANALYZE rate_hit_counts');
    // Each millisecond later, one of the window's requests leaves it and this one comes in.
    for (let i = 0; i < 5; i++) {
      const row = await rounds.admit('k-busy', 1_000_000, now + i, WINDOW).row;
      expect([row.in_window, row.oldest]).toEqual([20_001, now - WINDOW + 1 + i]);
    }
    expect(Number((await pool.query(`SELECT count(*) AS n FROM rate_hit_counts WHERE key_hash = 'k-busy'`)).rows[0].n)).toBe(20_001);
  });

  it('requests that left the window no longer count', async () => {
    const w = await workspace(10);
    const now = Date.now();
    const first = await atOnce([{ key: 'k-expiry', limit: 2, workspace: w, now }, { key: 'k-expiry', limit: 2, workspace: w, now }]);
    expect(first.admitted.map((a) => a!.allowed)).toEqual([true, true]);
    expect((await atOnce([{ key: 'k-expiry', limit: 2, workspace: w, now: now + WINDOW - 1 }])).admitted[0]!.allowed).toBe(false);
    const after = await atOnce([{ key: 'k-expiry', limit: 2, workspace: w, now: now + WINDOW }]);
    expect([after.admitted[0]!.allowed, after.admitted[0]!.in_window, after.admitted[0]!.oldest]).toEqual([true, 1, now + WINDOW]);
  });
});
