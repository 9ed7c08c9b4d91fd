// A POST sent twice under one Idempotency-Key: the same answer (status and
// body), one write, no cost for the repeat; then the key with another body:
// 422 IDEMPOTENCY_KEY_REUSED (openapi.yaml, "Idempotency").
import { errorCatalog } from '../../../generated/error-catalog.js';
import { getAt, IdempotencyKey, setAt } from './draft.ts';
import { baseDraft } from './fields.ts';
import { canonical } from './invariants.ts';
import { createdOf, sendDraft, success, type SequenceTemplate } from './sequence.ts';
import { batchParameter, batchProperty, mainType, operationModels, resolve, type OperationModel } from './spec-model.ts';

type Json = any;

/** The first string property without a format, in the body or its first batch item: changing one character keeps it valid. */
function aStringAt(op: OperationModel, body: Json): Array<string | number> | undefined {
  const schema = resolve(op.body);
  const items = batchProperty(op);
  const [holder, at, props] = items ? [body?.[items]?.[0], ['body', items, 0], resolve(resolve(schema.properties[items]).items).properties] : [body, ['body'], schema.properties];
  const name = Object.keys(holder ?? {}).find((n) => typeof holder[n] === 'string' && mainType(resolve(props?.[n] ?? {})) === 'string' && !resolve(props[n]).format);
  return name ? [...at, name] : undefined;
}

export function idempotentReplay(op: OperationModel): SequenceTemplate | undefined {
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
