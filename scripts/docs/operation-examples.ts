// What one call of each operation looks like, taken from openapi.yaml: its
// method and path, the query parameters it needs with their examples (or
// values from the operation's own 2xx example), the request body example, the status it
// answers, and the faults (`Prefer: code=...`) it documents. The code
// samples, the try-it panel and the catalog page are all built from this, so
// the spec's examples are the one source of every value a reader sees.
import { isInjectable } from '../../src/sandbox/faults.ts';
import { deref, isObject, listOperations, type Json, type JsonObject } from '../lib/spec.ts';

export interface OperationExample {
  operationId: string;
  method: string;
  path: string;
  tag: string;
  summary: string;
  /** Required query parameters, in the spec's order, with example values (arrays for `explode` lists). */
  query: Array<{ name: string; value: string | string[] }>;
  /** The request body example, if the operation takes one. */
  body?: Json;
  /** The documented success status (the first 2xx). */
  status: number;
  /** Whether it needs an API key (`security: []` says not). */
  authenticated: boolean;
  /** Statuses the sandbox answers on `Prefer: code=N`: the 429 and 5xx the operation documents. */
  faults: number[];
  /** Every documented status. */
  statuses: number[];
}

/** The name of the first entry of an `examples` map, if there is one. */
function firstName(media: Json | undefined): string | undefined {
  return isObject(media) && isObject(media.examples) ? Object.keys(media.examples)[0] : undefined;
}

/**
 * A parameter's own example for the call named `name`: a shared parameter
 * holds one example per operation that uses it, keyed by that operation's
 * example name (example-driven tools such as Specmatic pair them by name);
 * the first one, or `example`, otherwise.
 */
function ownExample(p: JsonObject, name: string | undefined, doc: JsonObject): Json | undefined {
  if (p.example !== undefined) return p.example;
  if (!isObject(p.examples)) return undefined;
  const chosen = (name !== undefined ? p.examples[name] : undefined) ?? Object.values(p.examples)[0];
  return chosen === undefined ? undefined : (deref(doc, chosen) as JsonObject).value;
}

function firstExample(media: Json | undefined, doc: JsonObject): Json | undefined {
  if (!isObject(media)) return undefined;
  if (media.example !== undefined) return media.example;
  if (!isObject(media.examples)) return undefined;
  const first = Object.values(media.examples)[0];
  return first === undefined ? undefined : (deref(doc, first) as JsonObject).value;
}

/** Values of `key` in `value`, breadth first (the shallowest is the operation's own resource). */
function findKey(value: Json | undefined, key: string): Json[] {
  const found: Json[] = [];
  let level: Json[] = value === undefined ? [] : [value];
  while (level.length > 0) {
    const next: Json[] = [];
    for (const node of level) {
      if (Array.isArray(node)) next.push(...node);
      else if (isObject(node)) {
        if (key in node) found.push(node[key]!);
        next.push(...Object.values(node));
      }
    }
    level = next;
  }
  return found;
}

/**
 * A parameter's value from the operation's success example: the field of the
 * same name (`snippetId`), else for `id` and `<kind>Id` the resource's own
 * `id`, and for a list (`ids`, `variationIds`) the ids the example deleted or returned.
 */
function parameterValue(name: string, isList: boolean, example: Json | undefined): string | string[] | undefined {
  const same = findKey(example, name)[0];
  if (same !== undefined) return isList && !Array.isArray(same) ? [String(same)] : Array.isArray(same) ? same.map(String) : String(same);
  if (isList) {
    const deleted = findKey(example, 'deletedIds')[0];
    if (Array.isArray(deleted)) return deleted.map(String);
    const data = isObject(example) ? example.data : undefined;
    if (Array.isArray(data)) return data.flatMap((item) => (isObject(item) && typeof item.id === 'string' ? [item.id] : []));
    return undefined;
  }
  if (name === 'id' || name.endsWith('Id')) {
    const id = findKey(example, 'id')[0];
    return id === undefined ? undefined : String(id);
  }
  return undefined;
}

export function operationExamples(doc: JsonObject): OperationExample[] {
  const global = Array.isArray(doc.security) && doc.security.length > 0;
  return listOperations(doc).map((op) => {
    const raw = (doc.paths as JsonObject)[op.path] as JsonObject;
    const spec = raw[op.method] as JsonObject;
    const statuses = Object.keys(op.responses).map(Number).filter(Number.isInteger);
    const status = statuses.find((s) => s >= 200 && s < 300);
    if (status === undefined) throw new Error(`${op.operationId}: no 2xx response`);
    const successMedia = isObject(op.responses[status]!.content) ? (op.responses[status]!.content as JsonObject)['application/json'] : undefined;
    const success = firstExample(successMedia, doc);
    const bodyContent = op.requestBody && isObject(op.requestBody.content) ? op.requestBody.content['application/json'] : undefined;
    // The call's name: its request example's, else its success example's.
    const call = firstName(bodyContent) ?? firstName(successMedia);
    const query = op.parameters
      .filter((p) => p.in === 'query' && p.required === true)
      .map((p) => {
        const name = String(p.name);
        const isList = isObject(p.schema) && p.schema.type === 'array';
        const own = ownExample(p, call, doc) as string | string[] | undefined;
        const value = own !== undefined ? own : parameterValue(name, isList, success);
        if (value === undefined || (Array.isArray(value) && value.length === 0)) {
          throw new Error(`${op.operationId}: no example value for the required parameter ${name}; give it an example, or name it in the operation's ${status} example`);
        }
        return { name, value };
      });
    const body = firstExample(bodyContent, doc);
    if (op.requestBody && body === undefined) throw new Error(`${op.operationId}: the request body has no example`);
    const security = spec.security === undefined ? global : Array.isArray(spec.security) && spec.security.length > 0;
    return {
      operationId: op.operationId,
      method: op.method.toUpperCase(),
      path: op.path,
      tag: Array.isArray(spec.tags) ? String(spec.tags[0]) : '',
      summary: String(spec.summary ?? ''),
      query,
      ...(body !== undefined && { body }),
      status,
      authenticated: security,
      faults: statuses.filter(isInjectable),
      statuses,
    };
  });
}
