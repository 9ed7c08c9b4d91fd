// Sequences of requests that follow the contract through state: a resource
// created, read, updated, found in its list, deleted, and then unreadable
// (404 RESOURCE_DELETED); a batch with one item that fails (207 with the
// item's error and the counts); an idempotent replay (the same answer, one
// resource, no cost) and a reused key (422); a random walk whose every
// answer keeps the quota chain; and a key sent past its rate limit (429 with
// Retry-After). Every answer is checked as a generated case's is; the first
// failing step is the reproduction (a batch that breaks the quota chain is
// shrunk first).
import { errorCatalog } from '../../../generated/error-catalog.js';
import type { Violation } from '../exchange.ts';
import type { RoleName } from '../roles.ts';
import type { Request, ScenarioContext } from '../scenario.ts';
import { limits } from '../spec.ts';
import { notFoundCodes, type Expected } from './codes.ts';
import { getAt, IdempotencyKey, setAt, toRequest, type Draft } from './draft.ts';
import { baseDraft } from './fields.ts';
import { canonical } from './invariants.ts';
import { Random } from './random.ts';
import { Session } from './session.ts';
import { MAX_PROBES, shrink } from './shrink.ts';
import { batchParameter, batchProperty, mainType, operationModels, resolve, type OperationModel } from './spec-model.ts';
import { refKind, validValue, newGeneration } from './values.ts';

type Json = any;

export interface SequenceTemplate {
  name: string;
  title: string;
  expected: string;
  needs: RoleName[];
  last?: boolean;
  /** Requests it sends, about. */
  estimate: number;
  run(session: Session): Promise<void>;
}

/** The operation on `/<kind>` (one resource) or `/<kind>s` (many) with this method. */
const single = (method: string, kind: string) => operationModels.find((op) => op.method === method && op.path.endsWith(`/${kind}`));
const plural = (method: string, kind: string) => operationModels.find((op) => op.method === method && op.path.endsWith(`/${kind}s`));

const success = (op: OperationModel): Expected => ({ status: [op.successStatus] });
const RESOURCE_DELETED = 'RESOURCE_DELETED' as const;
const deleted: Expected = { status: [errorCatalog[RESOURCE_DELETED].status], codes: [RESOURCE_DELETED] };

/** The resource with this id in an answer's data: the data itself, or one level down (`{ folder, snippets }`, a list). */
function findResource(data: Json, id: string): Json | undefined {
  if (!data || typeof data !== 'object') return undefined;
  if (data.id === id) return data;
  for (const value of Array.isArray(data) ? data : Object.values(data)) {
    if (!value || typeof value !== 'object') continue;
    if (value.id === id) return value;
    if (!Array.isArray(value)) for (const inner of Object.values(value)) if ((inner as Json)?.id === id) return inner;
  }
  return undefined;
}

/** The created items of a create answer: its data, or its batch list. */
const createdOf = (op: OperationModel, json: Json): Json[] => {
  const items = batchProperty(op);
  return items ? (json?.data?.[items] ?? []) : json?.data ? [json.data] : [];
};

async function sendDraft(session: Session, draft: Draft, expected: Expected) {
  const resolved = await session.resolve(draft);
  const request = toRequest(resolved);
  return { resolved, request, ...(await session.send(request, expected)) };
}

function lifecycle(kind: string): SequenceTemplate | undefined {
  const [create, read, update, remove] = [single('POST', kind), single('GET', kind), single('PUT', kind), single('DELETE', kind)];
  const list = plural('GET', kind);
  if (!create || !read || !update || !remove || !list) return undefined;
  return {
    name: `lifecycle-${kind}`,
    title: `A ${kind} created, read, updated, listed, deleted, then unreadable`,
    expected: `${create.successStatus}, 200 ..., then 404 ${RESOURCE_DELETED}`,
    needs: ['main'],
    estimate: 9,
    async run(session) {
      const { t, rng } = session;
      const { json } = (await sendDraft(session, baseDraft(create, rng).draft, success(create))).exchange as { json: Json };
      const id: string | undefined = json?.data?.id;
      if (typeof id !== 'string') return;
      const same = (at: string, want: Json, got: Json, operationId: string) => {
        if (canonical(want) !== canonical(got)) t.fail({ operationId, at, expected: `the ${kind} as the last write left it: ${canonical(want).slice(0, 100)}`, actual: got === undefined ? '(absent)' : canonical(got).slice(0, 100) });
      };
      const idParam = (op: OperationModel) => op.parameters.find((p) => p.required && refKind(p.name, op) === kind)!.name;
      const readBack = await session.send({ operationId: read.operationId, query: { [idParam(read)]: id } }, success(read));
      same('/data', json.data, findResource((readBack.exchange.json as Json)?.data, id), read.operationId);

      const change = baseDraft(update, rng).draft;
      change.parts.query[idParam(update)] = id;
      const updated = (await sendDraft(session, change, success(update))).exchange.json as Json;
      const latest = updated?.data ?? json.data;

      // Found in its list: by id when the list takes ids, else page by page through the team's.
      const ids = batchParameter(list);
      const query: Record<string, string> = ids ? { [ids.name]: id } : { ...(list.parameters.some((p) => p.name === 'teamId') && { teamId: session.team() }), ...(list.parameters.some((p) => p.name === 'limit') && { limit: String(list.parameters.find((p) => p.name === 'limit')!.schema.maximum ?? 100) }) };
      let found: Json;
      for (let page = 0; page < 10 && found === undefined; page++) {
        const answer = (await session.send({ operationId: list.operationId, query }, success(list))).exchange.json as Json;
        found = findResource(answer?.data, id);
        if (!answer?.metadata?.hasMore || typeof answer.metadata.nextCursor !== 'string') {
          if (found === undefined) t.fail({ operationId: list.operationId, at: '/data', expected: `the ${kind} ${id} (created in this scenario)`, actual: 'not listed' });
          break;
        }
        query.cursor = answer.metadata.nextCursor;
      }
      if (found !== undefined) same('/data', latest, found, list.operationId);

      const gone = (await session.send({ operationId: remove.operationId, query: { [idParam(remove)]: id } }, success(remove))).exchange.json as Json;
      if (gone?.data?.id !== undefined && gone.data.id !== id) t.fail({ operationId: remove.operationId, at: '/data/id', expected: id, actual: JSON.stringify(gone.data.id) });
      await session.send({ operationId: read.operationId, query: { [idParam(read)]: id } }, deleted);
      if (ids) {
        const after = (await session.send({ operationId: list.operationId, query: { [ids.name]: id } }, success(list))).exchange.json as Json;
        if (findResource(after?.data, id) !== undefined) t.fail({ operationId: list.operationId, at: '/data', expected: `no ${kind} ${id} (deleted)`, actual: 'listed' });
      }
    },
  };
}

function partialBatch(op: OperationModel): SequenceTemplate | undefined {
  const items = batchProperty(op);
  if (!items || !op.documents.has(207) || !op.kind) return undefined;
  const itemSchema = resolve(resolve(resolve(op.body).properties[items]).items);
  const byId = (itemSchema.required ?? []).includes('id');
  const refs = Object.keys(itemSchema.properties ?? {}).filter((name) => !(itemSchema.required ?? []).includes(name) && !['team', undefined].includes(refKind(name, op)));
  if (!byId && refs.length === 0) return undefined;
  const code = errorCatalog.BATCH_PARTIAL_FAILURE;
  return {
    name: `batch-partial-${op.operationId}`,
    title: `${op.operationId} with one item naming what does not exist: the others succeed`,
    expected: `${code.status} BATCH_PARTIAL_FAILURE`,
    needs: ['main'],
    estimate: 4,
    async run(session) {
      const { t, rng } = session;
      const g = newGeneration(rng, op);
      const count = rng.int(2, 5);
      const bad = rng.int(0, count - 1);
      const draft = baseDraft(op, rng, { extras: false }).draft;
      const list = Array.from({ length: count }, () => validValue(itemSchema, items, g, false) as Record<string, unknown>);
      const unknown = rng.uuid();
      let itemCodes: string[];
      if (byId) {
        list[bad]!.id = unknown;
        itemCodes = notFoundCodes(op.kind!);
      } else {
        const name = rng.pick(refs);
        const schema = resolve(itemSchema.properties[name]);
        list[bad]![name] = mainType(schema) === 'array' ? [unknown] : unknown;
        itemCodes = notFoundCodes(refKind(name, op)!);
      }
      setAt(draft.parts, ['body', items], list);
      const { exchange } = await sendDraft(session, draft, { status: [code.status], codes: ['BATCH_PARTIAL_FAILURE'] });
      const json = exchange.json as Json;
      if (exchange.status !== code.status) return;
      const errors: Json[] = json?.data?.errors ?? [];
      const at = '/data/errors';
      if (errors.length !== 1) t.fail({ operationId: op.operationId, at, expected: `one error, for item ${bad}`, actual: `${errors.length} errors` });
      const error = errors[0];
      if (error && error.index !== bad) t.fail({ operationId: op.operationId, at: `${at}/0/index`, expected: String(bad), actual: JSON.stringify(error.index) });
      if (error && !itemCodes.includes(error.code)) t.fail({ operationId: op.operationId, at: `${at}/0/code`, expected: itemCodes.join(' or '), actual: JSON.stringify(error.code) });
      if (error && byId && error.id !== unknown) t.fail({ operationId: op.operationId, at: `${at}/0/id`, expected: unknown, actual: JSON.stringify(error.id) });
      if ((json?.data?.[items] ?? []).length !== count - 1) t.fail({ operationId: op.operationId, at: `/data/${items}`, expected: `${count - 1} items (all but item ${bad})`, actual: String((json?.data?.[items] ?? []).length) });
      // The others really were written: the first reads back.
      const read = single('GET', op.kind!);
      const first = json?.data?.[items]?.[0]?.id;
      if (read && typeof first === 'string') await session.send({ operationId: read.operationId, query: { id: first } }, success(read));
    },
  };
}

/** The first string property without a format, in the body or its first batch item: changing one character keeps it valid. */
function aStringAt(op: OperationModel, body: Json): Array<string | number> | undefined {
  const schema = resolve(op.body);
  const items = batchProperty(op);
  const [holder, at, props] = items ? [body?.[items]?.[0], ['body', items, 0], resolve(resolve(schema.properties[items]).items).properties] : [body, ['body'], schema.properties];
  const name = Object.keys(holder ?? {}).find((n) => typeof holder[n] === 'string' && mainType(resolve(props?.[n] ?? {})) === 'string' && !resolve(props[n]).format);
  return name ? [...at, name] : undefined;
}

function idempotentReplay(op: OperationModel): SequenceTemplate | undefined {
  const header = op.parameters.find((p) => p.name === 'Idempotency-Key');
  if (!header || !op.body) return undefined;
  const reused = errorCatalog.IDEMPOTENCY_KEY_REUSED;
  return {
    name: `idempotent-replay-${op.operationId}`,
    title: `${op.operationId} sent twice under one Idempotency-Key: one answer, one write, no second cost; then with another body`,
    expected: `${op.successStatus} twice, then ${reused.status} IDEMPOTENCY_KEY_REUSED`,
    needs: ['main'],
    estimate: 6,
    async run(session) {
      const { t, rng } = session;
      const draft = baseDraft(op, rng, { focus: ['header', header.name] }).draft;
      draft.parts.header[header.name] = new IdempotencyKey(rng.hex(16));
      const first = await sendDraft(session, draft, success(op));
      if (first.exchange.status !== op.successStatus) return;
      // The replay answers the stored first answer, usage included: the quota chain skips it, the next read shows it cost nothing.
      const again = await session.send(first.request, { status: [first.exchange.status] }, { chain: false });
      if (canonical(again.exchange.json) !== canonical(first.exchange.json)) {
        t.fail({ operationId: op.operationId, at: '/', expected: `the first answer again: ${first.exchange.text.slice(0, 80)}`, actual: again.exchange.text.slice(0, 80) });
      }
      const read = operationModels.find((o) => o.method === 'GET' && o.cost === 'N' && batchParameter(o) && !o.documents.has(404));
      const kindRead = read && read.kind === op.kind ? read : undefined;
      const created = createdOf(op, first.exchange.json).map((item: Json) => item.id).filter((id: unknown) => typeof id === 'string');
      if (kindRead && created.length > 0) {
        // One write: each id once, and the read costs what it returns (nothing for the replay).
        const answer = (await session.send({ operationId: kindRead.operationId, query: { [batchParameter(kindRead)!.name]: created.join(',') } }, success(kindRead))).exchange.json as Json;
        if (answer?.metadata?.accessibleCount !== undefined && answer.metadata.accessibleCount !== created.length) {
          t.fail({ operationId: kindRead.operationId, at: '/metadata/accessibleCount', expected: String(created.length), actual: String(answer.metadata.accessibleCount) });
        }
      } else if (read) {
        await session.send({ operationId: read.operationId, query: { [batchParameter(read)!.name]: rng.uuid() } }, success(read));
      }
      const changed = structuredClone(first.request);
      const at = aStringAt(op, changed.body);
      if (!at) return;
      const value = getAt({ body: changed.body }, at) as string;
      setAt({ body: changed.body }, at, `${value.slice(0, -1)}${value.endsWith('a') ? 'b' : 'a'}`);
      await session.send(changed, { status: [reused.status], codes: ['IDEMPOTENCY_KEY_REUSED'] });
    },
  };
}

/** A random walk over creates, batches, reads, lists, updates, deletes and refused calls: the quota chain must hold at every answer. */
const quotaWalk: SequenceTemplate = {
  name: 'quota',
  title: 'A walk of calls whose every answer takes exactly its documented cost from the quota, failed calls nothing',
  expected: 'remainingRequests falls by each x-request-cost',
  needs: ['main'],
  estimate: 10,
  async run(session) {
    const { rng } = session;
    const kinds = ['snippet', 'folder', 'tag'].filter((k) => single('POST', k) && single('GET', k));
    const pool: Array<{ kind: string; id: string }> = [];
    const steps = rng.int(5, 8);
    for (let step = 0; step < steps; step++) {
      const kind = rng.pick(kinds);
      const mine = pool.filter((r) => r.kind === kind);
      const actions = ['create', 'batch', 'refused', 'list', ...(mine.length > 0 ? ['read', 'update', 'delete'] : [])];
      const action = rng.pick(actions);
      const op = (['create', 'refused', 'read', 'update', 'delete'].includes(action) ? single : plural)(
        { create: 'POST', batch: 'POST', refused: 'GET', list: 'GET', read: 'GET', update: 'PUT', delete: 'DELETE' }[action]!,
        kind,
      );
      if (!op) continue;
      const target = mine.length > 0 ? rng.pick(mine) : undefined;
      const draft = baseDraft(op, rng, { extras: action !== 'list' }).draft;
      const idName = op.parameters.find((p) => p.required && refKind(p.name, op) === kind)?.name;
      if (idName && target && ['read', 'update', 'delete'].includes(action)) draft.parts.query[idName] = target.id;
      if (idName && action === 'refused') draft.parts.query[idName] = rng.uuid();
      if (action === 'list' && batchParameter(op)) draft.parts.query[batchParameter(op)!.name] = [...mine.map((r) => r.id).slice(0, 3), rng.uuid()];
      const expected: Expected = action === 'refused' ? { status: [404], codes: notFoundCodes(kind) } : success(op);
      const sent = await sendDraft(session, draft, expected);
      if (sent.violations.length > 0) {
        await reproduceStep(session, sent.resolved, sent.violations, expected);
        return;
      }
      const json = sent.exchange.json as Json;
      if (action === 'create' || action === 'batch') for (const item of createdOf(op, json)) pool.push({ kind, id: item.id });
      if (action === 'delete' && target) pool.splice(pool.indexOf(target), 1);
    }
  },
};

/** The failing step, made smaller when its failure is the quota chain and it has a batch to cut; then recorded as the reproduction. */
async function reproduceStep(session: Session, draft: Draft, violations: Violation[], expected: Expected): Promise<void> {
  const primary = violations[0]!;
  let minimal = draft;
  if (primary.at.startsWith('/usage/') && draft.arrays.length > 0) {
    minimal = (await shrink(draft, primary, (candidate) => session.probeCost(toRequest(candidate), expected), MAX_PROBES / 2)).draft;
    session.forgetQuota(toRequest(draft));
  }
  session.t.reproduce(toRequest(minimal));
}

/** A key sent past its rate limit: the first 429 says when to come back (Retry-After, 1 to 60 seconds) in the full envelope. */
const rateLimit: SequenceTemplate = {
  name: 'rate-limit',
  title: 'Requests on one key until the first 429: RATE_LIMIT_EXCEEDED with a sane Retry-After',
  expected: '429 RATE_LIMIT_EXCEEDED with Retry-After',
  needs: ['limited'],
  last: true,
  estimate: limits.rateLimitPerMinute + 1,
  async run(session) {
    const { t } = session;
    const { key, rateLimit: allowed } = t.roles.limited!;
    const op = operationModels.find((o) => o.authenticated && o.method === 'GET' && o.documents.has(429) && o.parameters.every((p) => !p.required))!;
    const windowSeconds = 60; // x-limits.rateLimitPerMinute: the window is a minute.
    const request: Request = { operationId: op.operationId, key };
    for (let sent = 1; sent <= allowed + 1; sent++) {
      const { exchange, violations } = await session.send(request, { status: [op.successStatus, 429] });
      if (exchange.status !== 429) continue;
      const problems: string[] = [];
      const code = (exchange.json as Json)?.code;
      if (code !== 'RATE_LIMIT_EXCEEDED') {
        t.fail({ operationId: op.operationId, at: '/code', expected: 'RATE_LIMIT_EXCEEDED', actual: JSON.stringify(code) ?? '(absent)' });
        problems.push('code');
      }
      const retryAfter = exchange.headers.get('retry-after');
      const seconds = retryAfter !== null && /^\d+$/.test(retryAfter.trim()) ? Number(retryAfter) : undefined;
      if (seconds === undefined || seconds < 1 || seconds > windowSeconds) {
        t.fail({ operationId: op.operationId, at: 'header Retry-After', expected: `between 1 and ${windowSeconds} seconds`, actual: retryAfter === null ? '(absent)' : JSON.stringify(retryAfter) });
        problems.push('Retry-After');
      }
      if (problems.length > 0 || violations.length > 0) t.reproduce(request);
      return;
    }
    t.fail({ operationId: op.operationId, at: 'status', expected: `429 by request ${allowed + 1} (limit ${allowed} a minute)`, actual: 'every request allowed' });
    t.reproduce(request);
  },
};

export function sequenceTemplates(): SequenceTemplate[] {
  const kinds = [...new Set(operationModels.map((op) => op.kind).filter((k): k is string => k !== undefined))];
  return [
    ...kinds.map(lifecycle),
    ...operationModels.map(partialBatch),
    ...operationModels.map(idempotentReplay),
    quotaWalk,
  ].filter((s): s is SequenceTemplate => s !== undefined);
}

export const rateLimitSequence = rateLimit;

/** Runs a sequence with its own generator; its first failing step is the reproduction, unless it recorded a smaller one. */
export async function runSequence(template: SequenceTemplate, t: ScenarioContext, seed: number): Promise<void> {
  let reproduced = false;
  const context: ScenarioContext = {
    roles: t.roles,
    expect: (request, expectation) => t.expect(request, expectation),
    setup: (request) => t.setup(request),
    skip: (reason) => t.skip(reason),
    fail: (violation) => t.fail(violation),
    probe: (request, expectation) => t.probe(request, expectation),
    reproduce(request) {
      reproduced = true;
      t.reproduce(request);
    },
  };
  const session = new Session(context, new Random(seed), 'last');
  await template.run(session);
  if (!reproduced && session.firstFailure) t.reproduce(session.firstFailure.request);
}
