// The rounds of an instance (migration 5's sandbox_round_by_key): the
// admissions (limits.ts: block and rate window) and the read-only quota
// charges (optimistic-read.ts) of the requests of a moment, in one statement:
// they are what every request does, so they share one batch (batch.ts) rather
// than each kind its own. A charge may be made only if an admission lets its
// request in (a read-only operation run before its admission is known:
// core/sandbox-core.ts): in the same round when both are in it, else once
// the admission is known.
//
// The database works per key and per workspace, not per request: a key's
// requests of the round are counted together, at the latest of their times
// (the window lets in the first ones it has room for), and when every charge
// goes through, a workspace pays their total in one statement. Each request's
// answer is worked out here from its key's row and its rank among them, as if
// the requests had come one after the other; only when some charge cannot go
// through does the database answer the charges one by one. A loop over every
// request in plpgsql was most of what a round cost the database, and the
// round is what the next one waits for (docs/benchmarks.md, PostgreSQL).
import type pg from 'pg';
import { Batcher } from './batch.ts';
import { translate } from './connection.ts';
import type { SeenDataVersion } from './data-version.ts';
import { statement } from './sql.ts';

const ROUND = statement(
  'round_by_key',
  `SELECT kind, blocked_until, counted, admitted, oldest, outcome, remaining, data_version
   FROM sandbox_round_by_key($1::text[], $2::integer[], $3::bigint[], $4::bigint[], $5::integer[],
                             $6::text[], $7::bigint[], $8::bigint[], $9::integer[], $10::integer[], $11::text[], $12::bigint[])`,
);

/** A row of sandbox_round_by_key (migration 5). */
interface RoundRow {
  kind: 'key' | 'workspace' | 'charge' | 'version';
  blocked_until: number | null;
  counted: number | null;
  admitted: number | null;
  oldest: number | null;
  outcome: ChargeRow['outcome'] | null;
  remaining: number | null;
  data_version: number;
}

/** A key's requests in one round: counted together, at the latest of their times. */
interface KeyInRound {
  keyHash: string;
  limit: number;
  time: number;
  windowMs: number;
  requests: number;
}

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
type Answer = AdmitRow | ChargeRow;

export class Rounds {
  private readonly batcher: Batcher<Call, Answer>;

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
      // The admissions by key: each one's key (index) and rank among the key's requests of this round.
      const keys: KeyInRound[] = [];
      const keyIndex = new Map<string, number>();
      const places = admissions.map((admission) => {
        let index = keyIndex.get(admission.keyHash);
        if (index === undefined) {
          index = keys.push({ keyHash: admission.keyHash, limit: admission.limit, time: admission.now, windowMs: admission.windowMs, requests: 0 }) - 1;
          keyIndex.set(admission.keyHash, index);
        }
        const key = keys[index]!;
        key.time = Math.max(key.time, admission.now);
        return { key: index, rank: ++key.requests };
      });
      // Charges whose admission is known to have refused them are answered here; the others go to the database.
      const answers = new Map<Charge, ChargeRow>();
      const sent: Array<{ charge: Charge; key: number | null; rank: number | null }> = [];
      const totals = new Map<string, number>();
      for (const charge of charges) {
        const { after } = charge;
        if (after?.state === 'known' && !after.allowed) {
          answers.set(charge, { outcome: 'refused', remaining: null });
          continue;
        }
        let place: { key: number; rank: number } | undefined;
        if (after && after.state !== 'known') {
          place = places[admissions.indexOf(after)];
          // Not in this round nor known: its round failed, so it let nothing in.
          if (!place) {
            answers.set(charge, { outcome: 'refused', remaining: null });
            continue;
          }
        }
        sent.push({ charge, key: place ? place.key + 1 : null, rank: place?.rank ?? null });
        if (charge.workspaceId !== null) totals.set(charge.workspaceId, (totals.get(charge.workspaceId) ?? 0) + charge.cost);
      }
      if (keys.length === 0 && sent.length === 0) return calls.map((call) => answers.get((call as { charge: Charge }).charge)!);
      let rows: RoundRow[];
      try {
        rows = (
          await pool.query<RoundRow>({
            name: ROUND.name,
            text: ROUND.text,
            values: [
              keys.map((k) => k.keyHash),
              keys.map((k) => k.limit),
              keys.map((k) => k.time),
              keys.map((k) => k.windowMs),
              keys.map((k) => k.requests),
              sent.map((c) => c.charge.workspaceId),
              sent.map((c) => c.charge.cost),
              sent.map((c) => c.charge.expected),
              sent.map((c) => c.key),
              sent.map((c) => c.rank),
              [...totals.keys()],
              [...totals.values()],
            ],
          })
        ).rows;
      } catch (error) {
        throw translate(error);
      }
      if (rows[0]) seen.see(rows[0].data_version);
      const keyRows = rows.slice(0, keys.length);
      const rest = rows.slice(keys.length);
      if (rest[0]?.kind === 'workspace') {
        // Every charge went through: each one's remaining is its workspace's, less what it and those before it paid.
        const left = new Map([...totals.keys()].map((id, i) => [id, rest[i]!.remaining!]));
        for (const { charge } of sent) {
          if (charge.workspaceId === null) {
            answers.set(charge, { outcome: 'current', remaining: null });
            continue;
          }
          const remaining = left.get(charge.workspaceId)! - charge.cost;
          left.set(charge.workspaceId, remaining);
          answers.set(charge, { outcome: 'charged', remaining });
        }
      } else if (sent.length > 0) {
        sent.forEach(({ charge }, i) => answers.set(charge, { outcome: rest[i]!.outcome!, remaining: rest[i]!.remaining }));
      }
      let a = 0;
      return calls.map((call) => ('admission' in call ? admitRow(keyRows[places[a]!.key]!, keys[places[a]!.key]!, places[a++]!.rank) : answers.get(call.charge)!));
    }, full);
  }

  /** Counts the request (block, rate window) in the next round. */
  admit(keyHash: string, limit: number, now: number, windowMs: number): Admission {
    return new Admission(keyHash, limit, now, windowMs, (admission) => this.batcher.submit({ admission }) as Promise<AdmitRow>);
  }

  /** Charges a read-only operation in the next round, checking the data version (and first the admission, if any). */
  async charge(charge: Charge): Promise<ChargeRow> {
    const { after } = charge;
    if (after?.state === 'sent') await after.row;
    if (after?.state === 'known' && !after.allowed) return { outcome: 'refused', remaining: null };
    return this.batcher.submit({ charge }) as Promise<ChargeRow>;
  }
}

/**
 * A request's admission from its key's row: the key's requests of the round
 * are let in in order while the window has room, so the one of rank `rank`
 * is in if its key admitted that many, and finds in the window those of the
 * round let in up to it; those count from the key's time.
 */
function admitRow(row: RoundRow, key: KeyInRound, rank: number): AdmitRow {
  if (row.blocked_until! > 0) return { blocked_until: row.blocked_until!, allowed: false, in_window: null, oldest: null };
  const inRound = Math.min(rank, row.admitted!);
  const oldest = inRound > 0 && (row.oldest === null || key.time < row.oldest) ? key.time : row.oldest;
  return { blocked_until: 0, allowed: rank <= row.admitted!, in_window: row.counted! + inRound, oldest };
}
