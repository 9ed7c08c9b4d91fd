// What the verifier checks against, read from the generated spec: per
// operation, its method and path, the statuses it documents, and the headers
// each response must carry.
import openapi from '../../generated/openapi.json' with { type: 'json' };
import { derefLocal } from '../openapi/deref.ts';

type Json = any;

export interface HeaderRule {
  name: string;
  required: boolean;
  schema: { type?: string; minimum?: number; minLength?: number; maxLength?: number; pattern?: string };
}

export interface OperationSpec {
  operationId: string;
  method: string;
  path: string;
  authenticated: boolean;
  /** Status -> the headers the response declares. */
  responses: Map<number, HeaderRule[]>;
}

const doc = openapi as Json;

const deref = (node: Json): Json => derefLocal(doc, node);

function headerRules(response: Json): HeaderRule[] {
  return Object.entries<Json>(deref(response).headers ?? {}).map(([name, header]) => {
    const resolved = deref(header);
    return { name, required: resolved.required === true, schema: deref(resolved.schema) ?? {} };
  });
}

export const specVersion: string = doc.info.version;

/** The spec's first server: the reference sandbox as `npx snippets-sandbox` starts it. */
export const serverUrl: string = doc.servers[0].url;

export const operations: OperationSpec[] = Object.entries<Json>(doc.paths).flatMap(([path, item]) =>
  ['get', 'put', 'post', 'delete'].filter((m) => item[m]).map((method) => {
    const op = item[method];
    return {
      operationId: op.operationId,
      method: method.toUpperCase(),
      path,
      authenticated: (op.security ?? doc.security ?? []).length > 0,
      responses: new Map(Object.entries<Json>(op.responses).map(([status, response]) => [Number(status), headerRules(response)])),
    };
  }),
);

export const operationById = new Map(operations.map((op) => [op.operationId, op]));

/** Answers to requests that match no operation (x-unmatched-requests), by status. */
export const unmatchedResponses: Map<number, HeaderRule[]> = new Map(
  Object.entries<Json>(doc['x-unmatched-requests'] ?? {}).map(([status, response]) => [Number(status), headerRules(response)]),
);

/** What a well-formed API key looks like (bearerAuth's x-key-pattern). */
export const keyPattern = new RegExp(doc.components.securitySchemes.bearerAuth['x-key-pattern']);

export const limits: { rateLimitPerMinute: number; invalidAttemptThreshold: number; keyBlockSeconds: number; maxBodyBytes: number; maxBatchItems: number; maxVariationsPerSnippet: number } = doc['x-limits'];
