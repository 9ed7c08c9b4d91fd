// A batch with one item that names what does not exist (an unknown id for
// an update, an unknown folder or tag for a create): the others succeed,
// and the answer is 207 BATCH_PARTIAL_FAILURE with that item's error (its
// index, its id for an update, the kind's NOT_FOUND code) and the counts.
import { errorCatalog } from '../../../generated/error-catalog.js';
import { notFoundCodes } from './codes.ts';
import { setAt } from './draft.ts';
import { baseDraft } from './fields.ts';
import { sendDraft, single, success, type SequenceTemplate } from './sequence.ts';
import { batchProperty, mainType, resolve, type OperationModel } from './spec-model.ts';
import { newGeneration, refKind, validValue } from './values.ts';

type Json = any;

export function partialBatch(op: OperationModel): SequenceTemplate | undefined {
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
