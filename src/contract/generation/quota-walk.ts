// A random walk over creates, batches, reads, lists, updates, deletes and
// refused calls, in which every answer must keep the quota chain
// (invariants.ts): each success costs its x-request-cost, failures nothing.
import { notFoundCodes, type Expected } from './codes.ts';
import { baseDraft } from './fields.ts';
import { createdOf, plural, reproduceStep, sendDraft, single, success, type SequenceTemplate } from './sequence.ts';
import { batchParameter } from './spec-model.ts';
import { refKind } from './values.ts';

type Json = any;

/** A random walk over creates, batches, reads, lists, updates, deletes and refused calls: the quota chain must hold at every answer. */
export const quotaWalk: SequenceTemplate = {
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
