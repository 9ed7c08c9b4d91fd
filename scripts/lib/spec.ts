// Loading openapi.yaml, and the small walkers every generator shares.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface CatalogEntry {
  status: number;
  category: string;
  summary: string;
  causes: string[];
  fixes: string[];
  userMessage: string;
}

export interface Operation {
  operationId: string;
  method: string;
  path: string;
  /** Response status -> the response object, $ref resolved. */
  responses: Record<string, JsonObject>;
  /** The request body object, $ref resolved, if the operation takes one. */
  requestBody?: JsonObject;
  /** Path-level then operation-level parameters, $refs resolved. */
  parameters: JsonObject[];
}

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** Reads and parses the spec; throws an Error whose message names the file and the problem. */
export function loadSpec(path: string): JsonObject {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`cannot read ${path}: ${(error as Error).message}`);
  }
  let doc: unknown;
  try {
    doc = parse(text, { prettyErrors: true });
  } catch (error) {
    throw new Error(`${path} is not valid YAML: ${(error as Error).message}`);
  }
  if (!isObject(doc) || typeof doc.openapi !== 'string' || !doc.openapi.startsWith('3.1')) {
    throw new Error(`${path} is not an OpenAPI 3.1 document (no "openapi: 3.1.x" at its top)`);
  }
  return doc;
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Follows a local JSON pointer ref such as `#/components/responses/NotFound`. */
export function resolvePointer(doc: JsonObject, ref: string): Json {
  if (!ref.startsWith('#/')) throw new Error(`only local $refs are supported, got ${ref}`);
  let node: Json = doc;
  for (const raw of ref.slice(2).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (!isObject(node) || !(key in node)) throw new Error(`$ref ${ref} points at nothing`);
    node = node[key]!;
  }
  return node;
}

/** Resolves `node` if it is a `{ $ref }`, repeatedly. */
export function deref(doc: JsonObject, node: Json): Json {
  let current = node;
  for (let hops = 0; isObject(current) && typeof current.$ref === 'string'; hops++) {
    if (hops > 20) throw new Error(`$ref loop at ${current.$ref}`);
    current = resolvePointer(doc, current.$ref);
  }
  return current;
}

/** Every operation of the spec, path by path in document order (methods in HTTP_METHODS order). */
export function listOperations(doc: JsonObject): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths as JsonObject)) {
    if (!isObject(item)) continue;
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (!isObject(op)) continue;
      const responses: Record<string, JsonObject> = {};
      for (const [status, response] of Object.entries(op.responses as JsonObject)) {
        responses[status] = deref(doc, response) as JsonObject;
      }
      const requestBody = op.requestBody === undefined ? undefined : (deref(doc, op.requestBody) as JsonObject);
      const parameters = [...asArray(item.parameters), ...asArray(op.parameters)].map((p) => deref(doc, p) as JsonObject);
      operations.push({ operationId: String(op.operationId), method, path, responses, parameters, ...(requestBody && { requestBody }) });
    }
  }
  return operations;
}

function asArray(value: Json | undefined): Json[] {
  return Array.isArray(value) ? value : [];
}

export function errorCatalog(doc: JsonObject): Record<string, CatalogEntry> {
  const catalog = doc['x-error-catalog'];
  if (!isObject(catalog)) throw new Error('the spec has no x-error-catalog');
  return catalog as unknown as Record<string, CatalogEntry>;
}

/** The JSON schema of a response's application/json body, if it has one. */
export function jsonBodySchema(response: JsonObject): Json | undefined {
  const content = response.content;
  if (!isObject(content)) return undefined;
  const media = content['application/json'];
  return isObject(media) ? media.schema : undefined;
}
