// A resource through its life: created, read back as created, updated,
// found in its list as updated, deleted, then unreadable (404
// RESOURCE_DELETED, as deleteSnippet's description and the catalog say) and
// gone from a list by ids.
import { errorCatalog } from '../../../generated/error-catalog.js';
import type { Expected } from './codes.ts';
import { baseDraft } from './fields.ts';
import { canonical } from './invariants.ts';
import { findResource, plural, sendDraft, single, success, type SequenceTemplate } from './sequence.ts';
import { batchParameter, type OperationModel } from './spec-model.ts';
import { refKind } from './values.ts';

const RESOURCE_DELETED = 'RESOURCE_DELETED' as const;
const deleted: Expected = { status: [errorCatalog[RESOURCE_DELETED].status], codes: [RESOURCE_DELETED] };

type Json = any;

export function lifecycle(kind: string): SequenceTemplate | undefined {
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
