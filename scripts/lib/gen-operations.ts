// The operations of the spec as data (operationId, method, path, whether it
// needs a key, whether it is safe to repeat), for code that must tell which
// operation a URL is and whether a failed call may be sent again.
import { listOperations, type JsonObject } from './spec.ts';

export function generateOperations(doc: JsonObject, header: string): { js: string; dts: string } {
  const rootSecurity = Array.isArray(doc.security) ? doc.security : [];
  const rows = listOperations(doc).map((op) => {
    const raw = ((doc.paths as JsonObject)[op.path] as JsonObject)[op.method] as JsonObject;
    const security = Array.isArray(raw.security) ? raw.security : rootSecurity;
    const marked = raw['x-idempotent'];
    if (marked !== undefined && typeof marked !== 'boolean') throw new Error(`${op.operationId}: x-idempotent must be true or false, got ${JSON.stringify(marked)}`);
    const method = op.method.toUpperCase();
    // A GET is safe to repeat by its method; anything else only when the spec says so.
    const idempotent = method === 'GET' || marked === true;
    return { operationId: op.operationId, method, path: op.path, authenticated: security.length > 0, idempotent };
  });
  // One array per operation rather than an object: the table ships in every client bundle, and field
  // names repeated per row weigh more than the facts (the rows become objects when the module loads).
  const table = rows.map((r) => `  ${JSON.stringify([r.operationId, r.method, r.path, r.authenticated ? 1 : 0, r.idempotent ? 1 : 0])},`).join('\n');
  const js = [
    header,
    '/** Every operation of openapi.yaml: operationId, method, path, authenticated, idempotent. */',
    'export const operations = /*#__PURE__*/ Object.freeze(',
    '  [',
    table.replace(/^/gm, '  '),
    '  ].map(([operationId, method, path, authenticated, idempotent]) => Object.freeze({ operationId, method, path, authenticated: authenticated === 1, idempotent: idempotent === 1 })),',
    ');',
    '',
  ].join('\n');
  const union = rows.map((r) => `\n  | ${JSON.stringify(r.operationId)}`).join('');
  const dts = [
    header,
    `export type OperationId =${union};`,
    '',
    'export interface OperationInfo {',
    '  readonly operationId: OperationId;',
    '  readonly method: "GET" | "PUT" | "POST" | "DELETE";',
    '  readonly path: string;',
    '  /** Whether the operation needs an API key. */',
    '  readonly authenticated: boolean;',
    '  /** Whether sending it twice does what sending it once does: a GET, or `x-idempotent: true` in the spec. */',
    '  readonly idempotent: boolean;',
    '}',
    '',
    '/** Every operation of openapi.yaml. */',
    'export declare const operations: readonly OperationInfo[];',
    '',
  ].join('\n');
  return { js, dts };
}
