// Which operations can return each code of the catalog, computed from
// openapi.yaml (the catalog page shows it). The rule: an operation returns a
// code when its responses include the code's status ($refs followed), and,
// when that response's examples name codes (`code` in an example body), the
// code is one of them. The shared responses name every code of their status,
// so the refinement only narrows responses of an operation's own (a 207 that
// names BATCH_PARTIAL_FAILURE). Requests that match no operation answer with
// x-unmatched-requests, by the same rule.
import { deref, errorCatalog, isObject, listOperations, type JsonObject } from '../lib/spec.ts';

export interface Returner {
  operationId: string;
  method: string;
  path: string;
  tag: string;
}

export interface ReturnedBy {
  operations: Returner[];
  /** Whether a request matching no operation can get it too (x-unmatched-requests). */
  unmatched: boolean;
}

/** The codes named by the examples of a response, or undefined when none names one. */
function exampleCodes(doc: JsonObject, response: JsonObject): Set<string> | undefined {
  const media = isObject(response.content) ? response.content['application/json'] : undefined;
  if (!isObject(media)) return undefined;
  const values = [media.example, ...(isObject(media.examples) ? Object.values(media.examples).map((e) => (deref(doc, e) as JsonObject).value) : [])];
  const codes = values.flatMap((v) => (isObject(v) && typeof v.code === 'string' ? [v.code] : []));
  return codes.length === 0 ? undefined : new Set(codes);
}

function returns(doc: JsonObject, responses: Record<string, JsonObject>, code: string, status: number): boolean {
  const response = responses[String(status)];
  if (response === undefined) return false;
  const named = exampleCodes(doc, response);
  return named === undefined || named.has(code);
}

export function returnedBy(doc: JsonObject): Map<string, ReturnedBy> {
  const operations = listOperations(doc);
  const unmatched = Object.fromEntries(
    Object.entries(isObject(doc['x-unmatched-requests']) ? doc['x-unmatched-requests'] : {}).map(([status, ref]) => [status, deref(doc, ref) as JsonObject]),
  );
  const tagOf = (op: (typeof operations)[number]) => {
    const spec = ((doc.paths as JsonObject)[op.path] as JsonObject)[op.method] as JsonObject;
    return Array.isArray(spec.tags) ? String(spec.tags[0]) : '';
  };
  const result = new Map<string, ReturnedBy>();
  for (const [code, entry] of Object.entries(errorCatalog(doc))) {
    result.set(code, {
      operations: operations
        .filter((op) => returns(doc, op.responses, code, entry.status))
        .map((op) => ({ operationId: op.operationId, method: op.method.toUpperCase(), path: op.path, tag: tagOf(op) })),
      unmatched: returns(doc, unmatched, code, entry.status),
    });
  }
  return result;
}
