// Walks every example body of the spec, with where it sits and what it should validate against.
import { deref, isObject, listOperations, type Json, type JsonObject } from '../../scripts/lib/spec.ts';

export interface ExampleSite {
  /** Where the example is, for messages: `getSnippet 200 snippet`, `createSnippet request withVariation`. */
  where: string;
  operationId: string;
  /** The HTTP status, or 'request'. */
  status: string;
  name: string;
  value: Json;
}

function examplesOf(doc: JsonObject, media: Json): Array<[string, Json]> {
  if (!isObject(media)) return [];
  const found: Array<[string, Json]> = [];
  if (media.example !== undefined) found.push(['example', media.example]);
  if (isObject(media.examples)) {
    for (const [name, example] of Object.entries(media.examples)) {
      const resolved = deref(doc, example);
      if (isObject(resolved) && 'value' in resolved) found.push([name, resolved.value!]);
    }
  }
  return found;
}

/** Every example of every operation's JSON request and response bodies. */
export function exampleSites(doc: JsonObject): ExampleSite[] {
  const sites: ExampleSite[] = [];
  for (const op of listOperations(doc)) {
    const bodies: Array<[string, JsonObject | undefined]> = [
      ['request', op.requestBody],
      ...Object.entries(op.responses),
    ];
    for (const [status, body] of bodies) {
      const media = body && isObject(body.content) ? body.content['application/json'] : undefined;
      for (const [name, value] of examplesOf(doc, media ?? null)) {
        sites.push({ where: `${op.operationId} ${status} ${name}`, operationId: op.operationId, status, name, value });
      }
    }
  }
  return sites;
}

/** Examples of the responses that answer requests matching no operation (x-unmatched-requests). */
export function unmatchedExampleSites(doc: JsonObject): ExampleSite[] {
  const unmatched = doc['x-unmatched-requests'];
  if (!isObject(unmatched)) return [];
  return Object.entries(unmatched).flatMap(([status, ref]) => {
    const response = deref(doc, ref);
    const media = isObject(response) && isObject(response.content) ? response.content['application/json'] : undefined;
    return examplesOf(doc, media ?? null).map(([name, value]) => ({
      where: `unmatched ${status} ${name}`,
      operationId: '(unmatched)',
      status,
      name,
      value,
    }));
  });
}
