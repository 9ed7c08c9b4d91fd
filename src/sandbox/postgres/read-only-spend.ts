// The quota charge of a read-only transaction, and its COMMIT, in one round
// trip. Every request of a workspace charges the same row, so the row lock is
// what many requests wait on: held from the UPDATE to the COMMIT, it would
// include a whole round trip to the database and back. A read-only
// operation writes nothing but the quota, and charges it last, so the charge
// commits its transaction at once. Should the work still fail after that,
// the charge is given back (refund), so that a failed read-only operation
// costs nothing, as the interface promises.
import type pg from 'pg';

export interface ReadOnlyState {
  /** Whether the transaction was committed by the charge; what follows runs on its own. */
  committed: boolean;
  /** What to give back should the work fail after being charged. */
  charged: Array<{ workspaceId: string; cost: number }>;
}

export async function spendAndCommit(client: pg.ClientBase, state: ReadOnlyState, workspaceId: string, cost: number): Promise<number | undefined> {
  // Literals, not parameters: a simple query may hold two statements. The cost is checked, the id quoted.
  if (!Number.isSafeInteger(cost) || cost < 0) throw new RangeError(`a quota cost is a whole number of at least 0, got ${cost}`);
  const update = `UPDATE workspaces SET remaining_requests = remaining_requests - ${cost} WHERE id = ${client.escapeLiteral(workspaceId)} AND remaining_requests >= ${cost} RETURNING remaining_requests`;
  const text = state.committed ? update : `${update}; COMMIT`;
  const results = (await client.query(text)) as unknown as pg.QueryResult<{ remaining_requests: number }> | Array<pg.QueryResult<{ remaining_requests: number }>>;
  state.committed = true;
  const rows = Array.isArray(results) ? results[0]!.rows : results.rows;
  if (rows.length === 0) return undefined;
  state.charged.push({ workspaceId, cost });
  return Number(rows[0]!.remaining_requests);
}

export async function refund(client: pg.ClientBase, state: ReadOnlyState): Promise<void> {
  for (const { workspaceId, cost } of state.charged.splice(0)) {
    await client.query('UPDATE workspaces SET remaining_requests = remaining_requests + $1 WHERE id = $2', [cost, workspaceId]);
  }
}
