// The rounds of an instance (migration 4's sandbox_round): the admissions
// (limits.ts: block and rate window) and the read-only quota charges
// (optimistic-read.ts) of the requests of a moment, in one statement: they
// are what every request does, so they share one batch (batch.ts) rather
// than each kind its own. A charge may be made only if an admission lets its
// request in (a read-only operation run before its admission is known:
// core/sandbox-core.ts): in the same round when both are in it, else once
// the admission is known.
import type pg from 'pg';
import { Batcher } from './batch.ts';
import { translate } from './connection.ts';
import type { SeenDataVersion } from './data-version.ts';
import { statement } from './sql.ts';

const ROUND = statement(
  'round',
  `SELECT blocked_until, allowed, in_window, oldest, outcome, remaining, data_version
   FROM sandbox_round($1::text[], $2::integer[], $3::bigint[], $4::bigint[], $5::text[], $6::bigint[], $7::bigint[], $8::integer[])`,
);

export interface AdmitRow {
  blocked_until: number;
  allowed: boolean;
  in_window: number | null;
  oldest: number | null;
}

export interface ChargeRow {
  outcome: 'charged' | 'short' | 'stale' | 'current' | 'refused';
  remaining: number | null;
}

/** A request's admission: queued for the next round, sent in one, or known. */
export class Admission {
  state: 'queued' | 'sent' | 'known' = 'queued';
  /** Whether it let the request in, once known. */
  allowed = false;
  readonly row: Promise<AdmitRow>;

  constructor(
    readonly keyHash: string,
    readonly limit: number,
    readonly now: number,
    readonly windowMs: number,
    submit: (admission: Admission) => Promise<AdmitRow>,
  ) {
    this.row = submit(this).then((row) => {
      this.state = 'known';
      this.allowed = row.allowed === true;
      return row;
    });
    // Its outcome is read by whoever asked for it; a charge that waits on it must not see an unhandled rejection.
    this.row.catch(() => {});
  }
}

export interface Charge {
  /** null: only whether the data version is still `expected`. */
  workspaceId: string | null;
  cost: number;
  expected: number;
  /** The admission that must let the request in first. */
  after?: Admission | undefined;
}

/** What a read-only operation's charge throws when the request's admission refused it: the core answers with the refusal. */
export class AdmissionRefused extends Error {
  override name = 'AdmissionRefused';
}

type Call = { admission: Admission } | { charge: Charge };
type Row = AdmitRow & ChargeRow & { data_version: number };

export class Rounds {
  private readonly batcher: Batcher<Call, Row>;

  constructor(pool: pg.Pool, seen: SeenDataVersion, refuseClosed: () => void, full: () => unknown) {
    this.batcher = new Batcher(async (calls) => {
      refuseClosed();
      const admissions: Admission[] = [];
      const charges: Charge[] = [];
      for (const call of calls) {
        if ('admission' in call) {
          call.admission.state = 'sent';
          admissions.push(call.admission);
        } else charges.push(call.charge);
      }
      // A charge whose admission went out in an earlier round waits for it (only when a round overflowed: MAX_BATCH).
      for (const charge of charges) if (charge.after && !admissions.includes(charge.after)) await charge.after.row.catch(() => {});
      // c_after: the admission's index in this round; 0 (no such row) for one known, or failed, to have refused.
      const after = charges.map((charge) => {
        if (!charge.after) return null;
        if (charge.after.state === 'known') return charge.after.allowed ? null : 0;
        return admissions.indexOf(charge.after) + 1;
      });
      let rows: Row[];
      try {
        rows = (
          await pool.query<Row>({
            name: ROUND.name,
            text: ROUND.text,
            values: [
              admissions.map((a) => a.keyHash),
              admissions.map((a) => a.limit),
              admissions.map((a) => a.now),
              admissions.map((a) => a.windowMs),
              charges.map((c) => c.workspaceId),
              charges.map((c) => c.cost),
              charges.map((c) => c.expected),
              after,
            ],
          })
        ).rows;
      } catch (error) {
        throw translate(error);
      }
      if (rows[0]) seen.see(rows[0].data_version);
      // Back in the order of the calls: admissions' rows first, then charges'.
      let a = 0;
      let c = admissions.length;
      return calls.map((call) => ('admission' in call ? rows[a++]! : rows[c++]!));
    }, full);
  }

  /** Counts the request (block, rate window) in the next round. */
  admit(keyHash: string, limit: number, now: number, windowMs: number): Admission {
    return new Admission(keyHash, limit, now, windowMs, (admission) => this.batcher.submit({ admission }));
  }

  /** Charges a read-only operation in the next round, checking the data version (and first the admission, if any). */
  async charge(charge: Charge): Promise<ChargeRow> {
    const { after } = charge;
    if (after?.state === 'sent') await after.row;
    if (after?.state === 'known' && !after.allowed) return { outcome: 'refused', remaining: null };
    return this.batcher.submit({ charge });
  }
}
