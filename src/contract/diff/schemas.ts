// Comparing two schemas as a consumer meets them. In a request the client
// writes the value, so anything the head accepts less of breaks it; in a
// response the client reads it, so anything the head may send more of does.
import type { Document } from './load.ts';
import { child } from '../../openapi/pointer.ts';
import { compareText, follow, isObject, keyOf, once, report, type Located, type Walk } from './walk.ts';

export type Direction = 'request' | 'response';

/** Where a schema sits, for messages: `where` plus a property path inside it. */
export interface Place {
  where: string;
  path: string;
}

interface Scope {
  walk: Walk;
  operation: string;
  direction: Direction;
  /** Node pairs already compared in this operation: recursive schemas end here. */
  seen: Set<string>;
}

export function compareSchemas(walk: Walk, operation: string, direction: Direction, base: Located, head: Located, place: Place): void {
  compare({ walk, operation, direction, seen: new Set() }, base, head, place);
}

function label(place: Place): string {
  return place.path === '' ? place.where : `${place.where} \`${place.path}\``;
}

function inside(place: Place, step: string): Place {
  if (step.startsWith('[')) return { where: place.where, path: `${place.path}${step}` };
  return { where: place.where, path: place.path === '' ? step : `${place.path}.${step}` };
}

function compare(scope: Scope, baseIn: Located, headIn: Located, placeIn: Place): void {
  const { walk } = scope;
  const b = follow(walk.base, baseIn);
  const h = follow(walk.head, headIn);
  if (!isObject(b.node) || !isObject(h.node)) return;
  const key = `${b.at}\u0000${h.at}`;
  if (scope.seen.has(key)) return;
  scope.seen.add(key);
  // A shared schema is named after its component, so the same change met
  // through many operations is one finding.
  const component = h.component ?? b.component;
  const place = component ? { where: `schema ${component}`, path: '' } : placeIn;
  once(walk, `schema\u0000${scope.direction}\u0000${key}\u0000${label(place)}`, scope.operation, () => compareResolved(scope, { node: flatten(walk.base, b.node), at: b.at }, { node: flatten(walk.head, h.node), at: h.at }, place));
}

function compareResolved(scope: Scope, base: Located, head: Located, place: Place): void {
  const { walk } = scope;

  compareText(walk, scope.operation, base, head, label(place));
  compareTypes(scope, base, head, place);
  compareEnums(scope, base, head, place);
  if (scope.direction === 'request') compareConstraints(scope, base, head, place);
  compareProperties(scope, base, head, place);
  compareAdditional(scope, base, head, place);
  if (base.node.items !== undefined || head.node.items !== undefined) {
    compare(scope, { node: base.node.items, at: `${base.at}/items` }, { node: head.node.items, at: `${head.at}/items` }, inside(place, '[]'));
  }
  for (const keyword of ['oneOf', 'anyOf'] as const) compareAlternatives(scope, base, head, place, keyword);
}

/** allOf merged into one schema: enough to compare properties, required and types. */
function flatten(doc: Document, node: Record<string, any>): Record<string, any> {
  if (!Array.isArray(node.allOf)) return node;
  const merged: Record<string, any> = { ...node, properties: { ...node.properties }, required: [...(node.required ?? [])] };
  delete merged.allOf;
  for (const part of node.allOf) {
    const resolved = flatten(doc, follow(doc, { node: part, at: '' }).node ?? {});
    Object.assign(merged.properties, resolved.properties);
    merged.required.push(...(resolved.required ?? []));
    for (const [k, v] of Object.entries(resolved)) if (!(k in merged)) merged[k] = v;
  }
  return merged;
}

/** The JSON types a schema allows, or undefined for any. */
function typesOf(node: Record<string, any>): Set<string> | undefined {
  let types: string[] | undefined;
  if (typeof node.type === 'string') types = [node.type];
  else if (Array.isArray(node.type)) types = [...node.type];
  else if (isObject(node.properties)) types = ['object'];
  else if (node.items !== undefined) types = ['array'];
  if (types && node.nullable === true) types.push('null');
  return types && new Set(types);
}

/** Types in `from` that `to` does not allow (an integer is a number). */
function missing(from: Set<string>, to: Set<string>): string[] {
  return [...from].filter((t) => !to.has(t) && !(t === 'integer' && to.has('number')));
}

function compareTypes(scope: Scope, base: Located, head: Located, place: Place): void {
  const b = typesOf(base.node);
  const h = typesOf(head.node);
  const where = label(place);
  const at = (l: Located) => (l.node.type === undefined ? l : { node: l.node.type, at: `${l.at}/type` });
  if (scope.direction === 'request') {
    if (b === undefined && h === undefined) return;
    if (b === undefined) return report(scope.walk, scope.operation, 'request-type-changed', at(base), at(head), `${where}: any type was accepted, now only ${[...h!].join(' or ')}`);
    if (h === undefined) return report(scope.walk, scope.operation, 'request-constraint-widened', at(base), at(head), `${where}: any type is now accepted`);
    const lost = missing(b, h);
    if (lost.length > 0) report(scope.walk, scope.operation, 'request-type-changed', at(base), at(head), `${where}: ${lost.join(' and ')} no longer accepted (type ${[...b].join('|')} -> ${[...h].join('|')})`);
    const gained = missing(h, b);
    if (gained.length > 0) report(scope.walk, scope.operation, 'request-constraint-widened', at(base), at(head), `${where}: now also accepts ${gained.join(' and ')}`);
    return;
  }
  if (b === undefined) return;
  if (h === undefined) return report(scope.walk, scope.operation, 'response-type-changed', at(base), at(head), `${where}: was ${[...b].join(' or ')}, may now be of any type`);
  const gained = missing(h, b);
  if (gained.length === 1 && gained[0] === 'null') report(scope.walk, scope.operation, 'response-property-made-nullable', at(base), at(head), `${where}: may now be null`);
  else if (gained.length > 0) report(scope.walk, scope.operation, 'response-type-changed', at(base), at(head), `${where}: may now be ${gained.join(' or ')} (type ${[...b].join('|')} -> ${[...h].join('|')})`);
}

function enumOf(node: Record<string, any>): string[] | undefined {
  if (Array.isArray(node.enum)) return node.enum.map(keyOf);
  if (node.const !== undefined) return [keyOf(node.const)];
  return undefined;
}

function compareEnums(scope: Scope, base: Located, head: Located, place: Place): void {
  const b = enumOf(base.node);
  const h = enumOf(head.node);
  if (b === undefined && h === undefined) return;
  const where = label(place);
  const at = (l: Located) => ({ node: l.node.enum ?? l.node.const, at: `${l.at}/${l.node.enum !== undefined || l.node.const === undefined ? 'enum' : 'const'}` });
  const list = (values: string[]) => values.slice(0, 5).join(', ') + (values.length > 5 ? ` and ${values.length - 5} more` : '');
  if (scope.direction === 'request') {
    if (b === undefined) return report(scope.walk, scope.operation, 'request-enum-value-removed', at(base), at(head), `${where}: now limited to ${list(h!)}`);
    if (h === undefined) return report(scope.walk, scope.operation, 'request-constraint-widened', at(base), at(head), `${where}: no longer limited to an enum`);
    const removed = b.filter((v) => !h.includes(v));
    if (removed.length > 0) report(scope.walk, scope.operation, 'request-enum-value-removed', at(base), at(head), `${where}: ${list(removed)} no longer accepted`);
    const added = h.filter((v) => !b.includes(v));
    if (added.length > 0) report(scope.walk, scope.operation, 'request-constraint-widened', at(base), at(head), `${where}: now also accepts ${list(added)}`);
    return;
  }
  if (b === undefined) return;
  if (h === undefined) return report(scope.walk, scope.operation, 'response-enum-value-added', at(base), at(head), `${where}: no longer limited to ${list(b)}`);
  // New error codes are reported once, by the catalog's error-code-added.
  const added = h.filter((v) => !b.includes(v) && !scope.walk.newCodes.has(JSON.parse(v)));
  if (added.length > 0) report(scope.walk, scope.operation, 'response-enum-value-added', at(base), at(head), `${where}: may now be ${list(added)}`);
}

const UPPER = { maxLength: 'request-max-length-decreased', maxItems: 'request-max-items-decreased', maximum: 'request-maximum-decreased', exclusiveMaximum: 'request-maximum-decreased' } as const;
const LOWER = { minLength: 'request-min-length-increased', minItems: 'request-min-items-increased', minimum: 'request-minimum-increased', exclusiveMinimum: 'request-minimum-increased' } as const;
const SHAPES = { pattern: 'request-pattern-changed', format: 'request-format-changed' } as const;

function compareConstraints(scope: Scope, base: Located, head: Located, place: Place): void {
  const where = label(place);
  const at = (l: Located, keyword: string) => ({ node: l.node[keyword], at: `${l.at}/${keyword}` });
  for (const [bounds, tighter] of [
    [UPPER, (b: number, h: number) => h < b],
    [LOWER, (b: number, h: number) => h > b],
  ] as const) {
    for (const [keyword, rule] of Object.entries(bounds)) {
      // OpenAPI 3.0's boolean exclusiveMaximum modifies maximum; only numbers are bounds here.
      const b = typeof base.node[keyword] === 'number' ? (base.node[keyword] as number) : undefined;
      const h = typeof head.node[keyword] === 'number' ? (head.node[keyword] as number) : undefined;
      if (b === h) continue;
      if (h !== undefined && (b === undefined || tighter(b, h))) report(scope.walk, scope.operation, rule, at(base, keyword), at(head, keyword), `${where}: ${keyword} ${b === undefined ? `${h} added` : `${b} -> ${h}`}`);
      else report(scope.walk, scope.operation, 'request-constraint-widened', at(base, keyword), at(head, keyword), `${where}: ${keyword} ${h === undefined ? `${b} removed` : `${b} -> ${h}`}`);
    }
  }
  for (const [keyword, rule] of Object.entries(SHAPES)) {
    const b = base.node[keyword];
    const h = head.node[keyword];
    if (b === h) continue;
    if (h !== undefined) report(scope.walk, scope.operation, rule, at(base, keyword), at(head, keyword), `${where}: ${keyword} ${b === undefined ? `${JSON.stringify(h)} added` : `${JSON.stringify(b)} -> ${JSON.stringify(h)}`}`);
    else report(scope.walk, scope.operation, 'request-constraint-widened', at(base, keyword), at(head, keyword), `${where}: ${keyword} ${JSON.stringify(b)} removed`);
  }
}

function required(node: Record<string, any>): Set<string> {
  return new Set(Array.isArray(node.required) ? node.required : []);
}

function compareProperties(scope: Scope, base: Located, head: Located, place: Place): void {
  const bp: Record<string, any> = isObject(base.node.properties) ? base.node.properties : {};
  const hp: Record<string, any> = isObject(head.node.properties) ? head.node.properties : {};
  const breq = required(base.node);
  const hreq = required(head.node);
  const prop = (l: Located, name: string, props: Record<string, any>) => ({ node: props[name], at: child(`${l.at}/properties`, name) });
  const { walk, operation } = scope;
  const added = Object.keys(hp).filter((n) => !(n in bp));
  const removed = Object.keys(bp).filter((n) => !(n in hp));
  for (const name of added) {
    const where = label(inside(place, name));
    if (scope.direction === 'response') report(walk, operation, 'response-property-added', null, prop(head, name, hp), `${where} added`);
    else if (hreq.has(name)) report(walk, operation, 'request-property-added-required', null, prop(head, name, hp), `${where} added as required`);
    else report(walk, operation, 'request-property-added-optional', null, prop(head, name, hp), `${where} added (optional)`);
  }
  for (const name of removed) {
    const where = label(inside(place, name));
    if (scope.direction === 'request') {
      report(walk, operation, 'request-property-removed', prop(base, name, bp), null, `${where} removed`);
      continue;
    }
    const type = keyOf(typesOf(follow(walk.base, { node: bp[name], at: '' }).node ?? {}) ?? 'any');
    const twin = added.find((n) => keyOf(typesOf(follow(walk.head, { node: hp[n], at: '' }).node ?? {}) ?? 'any') === type);
    report(walk, operation, 'response-property-removed', prop(base, name, bp), null, `${where} removed${twin ? ` (renamed to \`${twin}\`?)` : ''}`);
  }
  for (const name of Object.keys(bp).filter((n) => n in hp)) {
    const where = label(inside(place, name));
    const b = prop(base, name, bp);
    const h = prop(head, name, hp);
    const wasRequired = breq.has(name);
    const isRequired = hreq.has(name);
    if (scope.direction === 'request' && !wasRequired && isRequired) report(walk, operation, 'request-property-made-required', b, h, `${where} is now required`);
    if (scope.direction === 'request' && wasRequired && !isRequired) report(walk, operation, 'request-constraint-widened', b, h, `${where} is now optional`);
    if (scope.direction === 'response' && wasRequired && !isRequired) report(walk, operation, 'response-property-made-optional', b, h, `${where} is no longer required`);
    compare(scope, b, h, inside(place, name));
  }
}

function forbidsExtra(node: Record<string, any>): boolean {
  return node.additionalProperties === false || node.unevaluatedProperties === false;
}

function compareAdditional(scope: Scope, base: Located, head: Located, place: Place): void {
  const where = label(place);
  const at = (l: Located) => ({ node: l.node.additionalProperties, at: `${l.at}/additionalProperties` });
  if (scope.direction === 'request') {
    if (!forbidsExtra(base.node) && forbidsExtra(head.node)) report(scope.walk, scope.operation, 'request-additional-properties-forbidden', at(base), at(head), `${where}: additional properties are now forbidden`);
    if (forbidsExtra(base.node) && !forbidsExtra(head.node)) report(scope.walk, scope.operation, 'request-constraint-widened', at(base), at(head), `${where}: additional properties are now allowed`);
  }
  if (isObject(base.node.additionalProperties) && isObject(head.node.additionalProperties)) compare(scope, at(base), at(head), inside(place, '*'));
}

function compareAlternatives(scope: Scope, base: Located, head: Located, place: Place, keyword: 'oneOf' | 'anyOf'): void {
  const b: unknown[] = Array.isArray(base.node[keyword]) ? base.node[keyword] : [];
  const h: unknown[] = Array.isArray(head.node[keyword]) ? head.node[keyword] : [];
  if (b.length === 0 && h.length === 0) return;
  const where = label(place);
  const at = (l: Located) => ({ node: l.node[keyword], at: `${l.at}/${keyword}` });
  if (scope.direction === 'request' && h.length < b.length) report(scope.walk, scope.operation, 'request-type-changed', at(base), at(head), `${where}: ${keyword} has ${b.length - h.length} fewer alternatives`);
  if (scope.direction === 'response' && h.length > b.length) report(scope.walk, scope.operation, 'response-type-changed', at(base), at(head), `${where}: ${keyword} has ${h.length - b.length} more alternatives`);
  for (let i = 0; i < Math.min(b.length, h.length); i++) {
    compare(scope, { node: b[i], at: `${base.at}/${keyword}/${i}` }, { node: h[i], at: `${head.at}/${keyword}/${i}` }, inside(place, `(${keyword} ${i + 1})`));
  }
}
