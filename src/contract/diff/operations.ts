// Operations matched by method and path (path parameter names do not
// matter: /a/{id} and /a/{snippetId} are the same endpoint), then compared
// part by part: identity, security, parameters, request body, responses.
import { child } from '../../openapi/pointer.ts';
import type { Document } from './load.ts';
import { compareSchemas } from './schemas.ts';
import { compareSecurity } from './security.ts';
import { compareDeprecation, compareText, follow, isObject, keyOf, once, report, type Located, type Walk } from './walk.ts';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

interface Operation extends Located {
  path: string;
  method: string;
  pathItem: Located;
  /** `METHOD /path`, as findings name it. */
  name: string;
}

function endpoint(path: string): string {
  return path.replace(/\{[^}]*\}/g, '{}');
}

function operationsOf(doc: Document): Map<string, Operation> {
  const found = new Map<string, Operation>();
  for (const [path, raw] of Object.entries<any>(isObject(doc.paths) ? doc.paths : {})) {
    const pathItem = follow(doc, { node: raw, at: child('/paths', path) });
    if (!isObject(pathItem.node)) continue;
    for (const method of METHODS) {
      if (!isObject(pathItem.node[method])) continue;
      found.set(`${method} ${endpoint(path)}`, { node: pathItem.node[method], at: child(pathItem.at, method), path, method, pathItem, name: `${method.toUpperCase()} ${path}` });
    }
  }
  return found;
}

export function compareOperations(walk: Walk): void {
  const base = operationsOf(walk.base);
  const head = operationsOf(walk.head);
  const headEndpoints = new Set([...head.values()].map((op) => endpoint(op.path)));
  const reportedPaths = new Set<string>();
  for (const [key, b] of base) {
    const h = head.get(key);
    if (h) {
      compareOperation(walk, b, h);
      continue;
    }
    if (headEndpoints.has(endpoint(b.path))) {
      report(walk, b.name, 'operation-removed', b, null, `${b.name}${b.node.operationId ? ` (${b.node.operationId})` : ''} removed`);
    } else if (!reportedPaths.has(b.path)) {
      reportedPaths.add(b.path);
      const methods = [...base.values()].filter((op) => op.path === b.path);
      for (const op of methods) walk.findings.add({ rule: 'path-removed', operation: op.name, base: b.pathItem.at, head: null, what: `path ${b.path} removed (${methods.map((m) => m.method.toUpperCase()).join(', ')})` });
    }
  }
  for (const [key, h] of head) {
    if (!base.has(key)) report(walk, h.name, 'operation-added', null, h, `${h.name}${h.node.operationId ? ` (${h.node.operationId})` : ''} added`);
  }
}

function compareOperation(walk: Walk, base: Operation, head: Operation): void {
  const name = head.name;
  const at = (op: Operation, key: string) => ({ node: op.node[key], at: `${op.at}/${key}` });
  if (base.node.operationId !== head.node.operationId) {
    report(walk, name, 'operation-id-changed', at(base, 'operationId'), at(head, 'operationId'), `${name}: operationId ${base.node.operationId ?? '(none)'} -> ${head.node.operationId ?? '(none)'}`);
  }
  if (base.node.deprecated !== true && head.node.deprecated === true) report(walk, name, 'operation-deprecated', at(base, 'deprecated'), at(head, 'deprecated'), `${name} is now deprecated`);
  if (base.node.deprecated === true && head.node.deprecated !== true) report(walk, name, 'deprecation-lifted', at(base, 'deprecated'), at(head, 'deprecated'), `${name} is no longer deprecated`);
  const tags = (op: Operation) => (Array.isArray(op.node.tags) ? [...op.node.tags].map(String).sort() : []);
  if (keyOf(tags(base)) !== keyOf(tags(head))) report(walk, name, 'operation-tags-changed', at(base, 'tags'), at(head, 'tags'), `${name}: tags ${tags(base).join(', ') || '(none)'} -> ${tags(head).join(', ') || '(none)'}`);
  const cost = 'x-request-cost';
  if (String(base.node[cost] ?? '') !== String(head.node[cost] ?? '')) report(walk, name, 'operation-cost-changed', at(base, cost), at(head, cost), `${name}: cost ${base.node[cost] ?? '(none)'} -> ${head.node[cost] ?? '(none)'}`);
  compareText(walk, name, base, head, name);
  compareSecurity(walk, name, base, head);
  compareParameters(walk, name, base, head);
  compareRequestBody(walk, name, base, head);
  compareResponses(walk, name, base, head);
}

interface Parameter extends Located {
  name: string;
  in: string;
}

/** Path-level parameters with the operation's own over them, keyed by location and name. */
function parametersOf(doc: Document, op: Operation): Map<string, Parameter> {
  const found = new Map<string, Parameter>();
  for (const [owner, list] of [
    [op.pathItem, op.pathItem.node.parameters],
    [op, op.node.parameters],
  ] as const) {
    if (!Array.isArray(list)) continue;
    list.forEach((raw, i) => {
      const p = follow(doc, { node: raw, at: `${owner.at}/parameters/${i}` });
      if (!isObject(p.node) || typeof p.node.name !== 'string') return;
      found.set(parameterKey(op.path, p.node.in, p.node.name), { ...p, name: p.node.name, in: p.node.in });
    });
  }
  return found;
}

// Header names are case-insensitive; a path parameter is its place in the
// template, so renaming {id} to {thingId} changes nothing for a client.
function parameterKey(path: string, location: string, name: string): string {
  if (location === 'header') return `header ${name.toLowerCase()}`;
  if (location === 'path') {
    const index = [...path.matchAll(/\{([^}]*)\}/g)].findIndex((m) => m[1] === name);
    if (index !== -1) return `path #${index}`;
  }
  return `${location} ${name}`;
}

/** The schema of a parameter or header: `schema`, or the one in its `content`. */
function valueSchema(p: Located): Located {
  if (!isObject(p.node)) return { node: undefined, at: `${p.at}/schema` };
  if (p.node.schema !== undefined) return { node: p.node.schema, at: `${p.at}/schema` };
  const [type, media] = Object.entries<any>(isObject(p.node.content) ? p.node.content : {})[0] ?? [];
  return type ? { node: media?.schema, at: `${child(`${p.at}/content`, type)}/schema` } : { node: undefined, at: `${p.at}/schema` };
}

const isRequired = (p: Parameter) => p.in === 'path' || p.node.required === true;

function compareParameters(walk: Walk, operation: string, baseOp: Operation, headOp: Operation): void {
  const base = parametersOf(walk.base, baseOp);
  const head = parametersOf(walk.head, headOp);
  const moved = new Set<string>();
  for (const [key, h] of head) {
    if (base.has(key)) continue;
    const from = [...base.entries()].find(([k, b]) => !head.has(k) && b.in !== h.in && b.name.toLowerCase() === h.name.toLowerCase());
    if (from) {
      moved.add(from[0]);
      report(walk, operation, 'request-parameter-moved', from[1], h, `parameter \`${h.name}\` moved from ${from[1].in} to ${h.in}`);
    } else if (isRequired(h)) report(walk, operation, 'request-parameter-added-required', null, h, `required ${h.in} parameter \`${h.name}\` added`);
    else report(walk, operation, 'request-parameter-added-optional', null, h, `optional ${h.in} parameter \`${h.name}\` added`);
  }
  for (const [key, b] of base) {
    const h = head.get(key);
    if (!h) {
      if (moved.has(key)) continue;
      // Refused once undeclared (the new contract says so): a client still sending it breaks.
      const refused = b.in === 'query' && walk.head['x-unknown-query-parameters'] === 'refused';
      report(walk, operation, refused ? 'request-parameter-removed-refused' : 'request-parameter-removed', b, null, `${b.in} parameter \`${b.name}\` removed`);
      continue;
    }
    const where = `${h.in} parameter \`${h.name}\``;
    if (!isRequired(b) && isRequired(h)) report(walk, operation, 'request-parameter-made-required', b, h, `${where} is now required`);
    if (isRequired(b) && !isRequired(h)) report(walk, operation, 'request-constraint-widened', b, h, `${where} is now optional`);
    compareText(walk, operation, b, h, where);
    compareDeprecation(walk, operation, b, h, where);
    compareSchemas(walk, operation, 'request', valueSchema(b), valueSchema(h), { where, path: '' });
  }
}

/** Media types by their essence: `application/json; charset=utf-8` is application/json. */
function contentOf(located: Located): Record<string, any> {
  const content = isObject(located.node?.content) ? located.node.content : {};
  const byType: Record<string, any> = {};
  for (const [type, media] of Object.entries(content)) byType[mediaType(type)] ??= { key: type, media };
  return byType;
}

function mediaType(type: string): string {
  return type.split(';')[0]!.trim().toLowerCase();
}

function compareRequestBody(walk: Walk, operation: string, baseOp: Operation, headOp: Operation): void {
  const base = follow(walk.base, { node: baseOp.node.requestBody, at: `${baseOp.at}/requestBody` });
  const head = follow(walk.head, { node: headOp.node.requestBody, at: `${headOp.at}/requestBody` });
  if (!isObject(head.node)) {
    if (isObject(base.node)) report(walk, operation, 'request-body-removed', base, null, 'the request body is removed');
    return;
  }
  const wasRequired = isObject(base.node) && base.node.required === true;
  if (head.node.required === true && !wasRequired) report(walk, operation, 'request-body-made-required', isObject(base.node) ? base : null, head, `the request body is now required`);
  if (!isObject(base.node)) {
    if (head.node.required !== true) report(walk, operation, 'request-constraint-widened', null, head, 'an optional request body is now accepted');
    return;
  }
  if (wasRequired && head.node.required !== true) report(walk, operation, 'request-constraint-widened', base, head, `the request body is now optional`);
  compareText(walk, operation, base, head, 'request body');
  const bc = contentOf(base);
  const hc = contentOf(head);
  for (const type of Object.keys(bc)) {
    const b = { node: bc[type].media, at: child(`${base.at}/content`, bc[type].key) };
    if (!(type in hc)) {
      report(walk, operation, 'request-content-type-removed', b, null, `request content type ${type} removed`);
      continue;
    }
    const h = { node: hc[type].media, at: child(`${head.at}/content`, hc[type].key) };
    compareText(walk, operation, b, h, `request body (${type})`);
    compareSchemas(walk, operation, 'request', { node: b.node?.schema, at: `${b.at}/schema` }, { node: h.node?.schema, at: `${h.at}/schema` }, { where: 'request body', path: '' });
  }
  for (const type of Object.keys(hc).filter((t) => !(t in bc))) {
    report(walk, operation, 'request-constraint-widened', null, { node: hc[type].media, at: child(`${head.at}/content`, hc[type].key) }, `request content type ${type} now accepted`);
  }
}

const isSuccess = (status: string) => /^[23]/.test(status);
const SHARED_RESPONSE = /^#\/components\/responses\//;

function compareResponses(walk: Walk, operation: string, baseOp: Operation, headOp: Operation): void {
  const bAt = `${baseOp.at}/responses`;
  const hAt = `${headOp.at}/responses`;
  const base: Record<string, any> = isObject(baseOp.node.responses) ? baseOp.node.responses : {};
  const head: Record<string, any> = isObject(headOp.node.responses) ? headOp.node.responses : {};
  for (const status of Object.keys(base)) {
    const rawB = { node: base[status], at: child(bAt, status) };
    if (!(status in head)) {
      report(walk, operation, isSuccess(status) ? 'response-success-status-removed' : 'response-error-status-removed', rawB, null, `response ${status} removed`);
      continue;
    }
    const rawH = { node: head[status], at: child(hAt, status) };
    const b = follow(walk.base, rawB);
    const h = follow(walk.head, rawH);
    if (!isSuccess(status) && leftSharedResponse(rawB.node, rawH.node, b.node, h.node)) {
      const ref: string = rawB.node.$ref;
      report(walk, operation, 'error-response-unreferenced', rawB, rawH, `response ${status} no longer refers to the shared ${ref.slice(ref.lastIndexOf('/') + 1)} response${typeof rawH.node?.$ref === 'string' ? ` (now ${rawH.node.$ref})` : ''}`);
    }
    // Shared responses (#/components/responses/...) are compared once.
    once(walk, `response\u0000${status}\u0000${b.at}\u0000${h.at}`, operation, () => compareResponse(walk, operation, status, b, h));
  }
  for (const status of Object.keys(head).filter((s) => !(s in base))) {
    report(walk, operation, 'response-status-added', null, { node: head[status], at: child(hAt, status) }, `response ${status} added`);
  }
}

/**
 * Whether an operation stopped using a shared response: it now writes the
 * response inline, or refers to another shared one that says something else
 * (a component renamed with the same content is still the shared contract).
 */
function leftSharedResponse(rawBase: any, rawHead: any, base: unknown, head: unknown): boolean {
  const ref = rawBase?.$ref;
  if (typeof ref !== 'string' || !SHARED_RESPONSE.test(ref) || rawHead?.$ref === ref) return false;
  if (typeof rawHead?.$ref !== 'string' || !SHARED_RESPONSE.test(rawHead.$ref)) return true;
  return keyOf(base) !== keyOf(head);
}

function compareResponse(walk: Walk, operation: string, status: string, base: Located, head: Located): void {
  if (!isObject(base.node) || !isObject(head.node)) return;
  const where = `response ${status}`;
  compareText(walk, operation, base, head, where);
  const bh: Record<string, any> = isObject(base.node.headers) ? base.node.headers : {};
  const hh: Record<string, any> = isObject(head.node.headers) ? head.node.headers : {};
  const headNames = new Map(Object.keys(hh).map((n) => [n.toLowerCase(), n]));
  const baseNames = new Set(Object.keys(bh).map((n) => n.toLowerCase()));
  for (const name of Object.keys(bh)) {
    const b = follow(walk.base, { node: bh[name], at: child(`${base.at}/headers`, name) });
    const other = headNames.get(name.toLowerCase());
    if (other === undefined) {
      report(walk, operation, 'response-header-removed', b, null, `${where}: header ${name} removed`);
      continue;
    }
    const h = follow(walk.head, { node: hh[other], at: child(`${head.at}/headers`, other) });
    if (b.node?.required === true && h.node?.required !== true) report(walk, operation, 'response-header-made-optional', b, h, `${where}: header ${name} is no longer required`);
    compareText(walk, operation, b, h, `header ${name}`);
    compareDeprecation(walk, operation, b, h, `${where}: header ${name}`);
    compareSchemas(walk, operation, 'response', valueSchema(b), valueSchema(h), { where: `header ${name}`, path: '' });
  }
  for (const name of Object.keys(hh).filter((n) => !baseNames.has(n.toLowerCase()))) {
    report(walk, operation, 'response-header-added', null, { node: hh[name], at: child(`${head.at}/headers`, name) }, `${where}: header ${name} added`);
  }
  const bc = contentOf(base);
  const hc = contentOf(head);
  for (const type of Object.keys(bc)) {
    const b = { node: bc[type].media, at: child(`${base.at}/content`, bc[type].key) };
    if (!(type in hc)) {
      report(walk, operation, 'response-content-type-removed', b, null, `${where}: content type ${type} removed`);
      continue;
    }
    const h = { node: hc[type].media, at: child(`${head.at}/content`, hc[type].key) };
    compareText(walk, operation, b, h, `${where} (${type})`);
    compareSchemas(walk, operation, 'response', { node: b.node?.schema, at: `${b.at}/schema` }, { node: h.node?.schema, at: `${h.at}/schema` }, { where, path: '' });
  }
}
