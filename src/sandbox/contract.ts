// What the sandbox knows of the API, read from the generated spec: one entry
// per operation, plus the paths, so routing, auth, fault injection and quota
// rules come from openapi.yaml rather than from code.
import document from '../../generated/openapi.json' with { type: 'json' };
import { derefLocal } from '../openapi/deref.ts';

type Json = any;

export interface QueryParameter {
  name: string;
  /** How to decode the raw string before validation. */
  decode: 'string' | 'integer' | 'number' | 'boolean' | 'csv';
  /** Whether the spec's serialization repeats it (`ids=a&ids=b`: an array, style form, explode true); otherwise it is sent once. */
  repeatable: boolean;
}

export interface OperationInfo {
  operationId: string;
  method: string;
  path: string;
  authenticated: boolean;
  /** A GET: changes nothing but the quota (so cached reads stay valid through it). */
  readOnly: boolean;
  /** Statuses the spec documents for this operation. */
  statuses: ReadonlySet<number>;
  /** Statuses whose response must carry Retry-After. */
  retryAfterStatuses: ReadonlySet<number>;
  takesBody: boolean;
  /** The most JSON values a valid request body can hold (from its schema's maxItems and properties); Infinity when unbounded. */
  maxBodyValues: number;
  query: QueryParameter[];
  /** Where the operation's batch array is (`body.snippets`, `query.ids`), if it has one. */
  batchField?: { in: 'body' | 'query'; name: string };
  /** Whether a POST under Idempotency-Key runs once. */
  idempotent: boolean;
}

/** The root `x-limits` of the spec. */
export interface Limits {
  rateLimitPerMinute: number;
  invalidAttemptThreshold: number;
  keyBlockSeconds: number;
  maxBodyBytes: number;
  maxBatchItems: number;
  idempotencyKeyHours: number;
  /** A page's `data` ends before it would pass this many bytes (it always holds one item). */
  maxPageBytes: number;
  maxVariationsPerSnippet: number;
  /** Entries of an error's `details` at most; `omittedDetailCount` counts the rest. */
  maxErrorDetails: number;
}

export interface Contract {
  version: string;
  limits: Limits;
  /** How many items a page holds when the request gives no `limit` (the PageLimit parameter's default). */
  defaultPageLimit: number;
  /** What a well-formed API key looks like (bearerAuth's x-key-pattern). */
  keyPattern: RegExp;
  operations: OperationInfo[];
  /** Path -> methods (upper-case) that it supports. */
  methodsByPath: Map<string, string[]>;
  /** The request headers a client of the contract sends (the key's, Content-Type, header parameters), for CORS. */
  requestHeaders: string[];
  /** Every response header the contract declares, for CORS to expose to a page. */
  responseHeaders: string[];
  /** The maxLength of an error's texts (ErrorResponse, ErrorDetail): longer ones are cut to it. */
  errorTextMax: { message: number; error: number; field: number; issue: number; batchItemMessage: number };
  /** What an Access-Control-Allow-Origin may be (its schema): an Origin that is not is never echoed (no CORS for it). */
  echoableOrigin: (origin: string) => boolean;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'];

const deref = derefLocal;

/** An array parameter of style form (the default of a query parameter) with explode true (form's default) is sent once per item. */
function repeatable(parameter: Json): boolean {
  return parameter.schema?.type === 'array' && (parameter.style ?? 'form') === 'form' && (parameter.explode ?? true) === true;
}

function decoderFor(schema: Json): QueryParameter['decode'] {
  if (schema?.type === 'array') return 'csv';
  if (schema?.type === 'integer' || schema?.type === 'number' || schema?.type === 'boolean') return schema.type;
  return 'string';
}

/**
 * The most JSON values (objects, arrays and scalars) a value valid against
 * `schema` can hold: 1 for a scalar, 1 + maxItems x its items' most for an
 * array, 1 + each property's most for a closed object. Infinity for anything
 * unbounded (no maxItems, open objects, alternatives it cannot bound).
 */
function maxValues(doc: Json, node: Json, depth: number): number {
  const schema = deref(doc, node);
  if (schema === undefined || typeof schema !== 'object' || depth > 32) return Infinity;
  const types: string[] = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (schema.properties || types.includes('object')) {
    if (schema.additionalProperties !== false) return Infinity;
    return 1 + Object.values<Json>(schema.properties ?? {}).reduce((sum, property) => sum + maxValues(doc, property, depth + 1), 0);
  }
  if (types.includes('array')) {
    return typeof schema.maxItems === 'number' ? 1 + schema.maxItems * maxValues(doc, schema.items, depth + 1) : Infinity;
  }
  if (types.length > 0 || schema.enum || schema.const !== undefined) return 1;
  return Infinity;
}

export function readContract(doc: Json): Contract {
  const operations: OperationInfo[] = [];
  const methodsByPath = new Map<string, string[]>();
  const requestHeaders = new Set<string>();
  const responseHeaders = new Set<string>();
  // CORS's own answer headers (Access-Control-Allow-Origin) are documented too, but are no header a page reads.
  const collectResponseHeaders = (responses: Json) => {
    for (const response of Object.values<Json>(responses ?? {})) {
      for (const name of Object.keys(deref(doc, response).headers ?? {})) if (!/^access-control-/i.test(name)) responseHeaders.add(name);
    }
  };
  collectResponseHeaders(doc['x-unmatched-requests']);
  for (const [path, item] of Object.entries<Json>(doc.paths)) {
    methodsByPath.set(path, METHODS.filter((m) => item[m]).map((m) => m.toUpperCase()));
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const parameters: Json[] = [...(item.parameters ?? []), ...(op.parameters ?? [])].map((p: Json) => deref(doc, p));
      const security = op.security ?? doc.security ?? [];
      for (const p of parameters) if (p.in === 'header') requestHeaders.add(p.name);
      if (op.requestBody !== undefined) requestHeaders.add('Content-Type');
      for (const requirement of security) {
        for (const scheme of Object.keys(requirement)) {
          const declared = doc.components.securitySchemes[scheme];
          requestHeaders.add(declared.type === 'apiKey' && declared.in === 'header' ? declared.name : 'Authorization');
        }
      }
      collectResponseHeaders(op.responses);
      const bodySchema = deref(doc, deref(doc, op.requestBody)?.content?.['application/json']?.schema);
      const batchParam = parameters.find((p) => p.in === 'query' && p.schema?.['x-batch'] === true);
      const batchProperty = Object.entries<Json>(bodySchema?.properties ?? {}).find(([, s]) => s['x-batch'] === true);
      const batchField = batchParam
        ? { in: 'query' as const, name: batchParam.name as string }
        : batchProperty
          ? { in: 'body' as const, name: batchProperty[0] }
          : undefined;
      operations.push({
        operationId: op.operationId,
        method: method.toUpperCase(),
        path,
        authenticated: security.length > 0,
        readOnly: method === 'get',
        statuses: new Set(Object.keys(op.responses).map(Number)),
        retryAfterStatuses: new Set(
          Object.entries<Json>(op.responses)
            .filter(([, response]) => deref(doc, deref(doc, response).headers?.['Retry-After'])?.required === true)
            .map(([status]) => Number(status)),
        ),
        takesBody: op.requestBody !== undefined,
        maxBodyValues: bodySchema ? maxValues(doc, bodySchema, 0) : 0,
        query: parameters.filter((p) => p.in === 'query').map((p) => ({ name: p.name, decode: decoderFor(p.schema), repeatable: repeatable(p) })),
        ...(batchField && { batchField }),
        idempotent: parameters.some((p) => p.in === 'header' && p.name === 'Idempotency-Key'),
      });
    }
  }
  const keyPattern = new RegExp(doc.components.securitySchemes.bearerAuth['x-key-pattern']);
  const defaultPageLimit = doc.components.parameters.PageLimit.schema.default;
  const errorProperties = doc.components.schemas.ErrorResponse.properties;
  const detailProperties = doc.components.schemas.ErrorDetail.properties;
  const errorTextMax = {
    message: errorProperties.message.maxLength,
    error: errorProperties.error.maxLength,
    field: detailProperties.field.maxLength,
    issue: detailProperties.issue.maxLength,
    batchItemMessage: doc.components.schemas.BatchItemError.properties.message.maxLength,
  };
  // Every error is cut to these: a missing one would cut every text to nothing.
  for (const [name, max] of Object.entries(errorTextMax)) {
    if (!Number.isInteger(max) || max < 1) throw new Error(`openapi.yaml: the error text ${name} has no maxLength (a whole number >= 1); the sandbox cuts longer texts to it`);
  }
  return {
    version: doc.info.version,
    limits: doc['x-limits'],
    defaultPageLimit,
    keyPattern,
    operations,
    methodsByPath,
    requestHeaders: [...requestHeaders].sort(),
    responseHeaders: [...responseHeaders].sort(),
    errorTextMax,
    echoableOrigin: echoableOrigin(doc.components.headers['Access-Control-Allow-Origin'].schema),
  };
}

/** The header's maxLength and pattern as a test of an origin; the length first, so a long one costs no regex. */
function echoableOrigin(schema: Json): (origin: string) => boolean {
  const pattern = new RegExp(schema.pattern, 'u');
  return (origin) => origin.length <= schema.maxLength && pattern.test(origin);
}

let loaded: Contract | undefined;

/** The contract of generated/openapi.json, read once. */
export function contract(): Contract {
  loaded ??= readContract(document);
  return loaded;
}
