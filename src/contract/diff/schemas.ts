// Comparing two schemas as a consumer meets them. In a request the client
// writes the value, so anything the head accepts less of breaks it; in a
// response the client reads it, so anything the head may send more of does.
import { child } from '../../openapi/pointer.ts';
import { compareConstraints, compareResponseConstraints } from './constraints.ts';
import { requiredOf, typesOf, viewOf, type SchemaView } from './schema-view.ts';
import { compareDeprecation, compareText, cover, follow, isObject, keyOf, once, report, type Located, type Walk } from './walk.ts';

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
  once(walk, `schema\u0000${scope.direction}\u0000${key}\u0000${label(place)}`, scope.operation, () => compareViews(scope, viewOf(walk.base, b), viewOf(walk.head, h), place));
}

function compareViews(scope: Scope, base: SchemaView, head: SchemaView, place: Place): void {
  const { walk } = scope;
  compareText(walk, scope.operation, base, head, label(place));
  compareDeprecation(walk, scope.operation, base, head, label(place));
  compareTypes(scope, base, head, place);
  compareEnums(scope, base, head, place);
  if (scope.direction === 'request') compareConstraints(walk, scope.operation, base, head, label(place));
  else compareResponseConstraints(walk, scope.operation, base, head, label(place));
  compareProperties(scope, base, head, place);
  compareAdditional(scope, base, head, place);
  if (base.node.items !== undefined || head.node.items !== undefined) {
    compare(scope, { node: base.node.items, at: `${base.at}/items` }, { node: head.node.items, at: `${head.at}/items` }, inside(place, '[]'));
  }
  for (const keyword of ['oneOf', 'anyOf'] as const) compareAlternatives(scope, base, head, place, keyword);
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
  if (b === undefined && h === undefined) return;
  if (b === undefined) return report(scope.walk, scope.operation, 'response-constraint-changed', at(base), at(head), `${where}: was of any type, now only ${[...h!].join(' or ')}`);
  if (h === undefined) return report(scope.walk, scope.operation, 'response-type-changed', at(base), at(head), `${where}: was ${[...b].join(' or ')}, may now be of any type`);
  const gained = missing(h, b);
  if (gained.length === 1 && gained[0] === 'null') report(scope.walk, scope.operation, 'response-property-made-nullable', at(base), at(head), `${where}: may now be null`);
  else if (gained.length > 0) report(scope.walk, scope.operation, 'response-type-changed', at(base), at(head), `${where}: may now be ${gained.join(' or ')} (type ${[...b].join('|')} -> ${[...h].join('|')})`);
  const lost = missing(b, h);
  if (lost.length > 0 && gained.length === 0) report(scope.walk, scope.operation, 'response-constraint-changed', at(base), at(head), `${where}: no longer ${lost.join(' or ')} (type ${[...b].join('|')} -> ${[...h].join('|')})`);
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
  if (b === undefined) return report(scope.walk, scope.operation, 'response-constraint-changed', at(base), at(head), `${where}: now limited to ${list(h!)}`);
  if (h === undefined) return report(scope.walk, scope.operation, 'response-enum-value-added', at(base), at(head), `${where}: no longer limited to ${list(b)}`);
  // New error codes are reported once, by the catalog's error-code-added.
  const added = h.filter((v) => !b.includes(v) && !scope.walk.newCodes.has(JSON.parse(v)));
  if (added.length < h.filter((v) => !b.includes(v)).length) cover(scope.walk, null, at(head).at);
  if (added.length > 0) report(scope.walk, scope.operation, 'response-enum-value-added', at(base), at(head), `${where}: may now be ${list(added)}`);
  const removed = b.filter((v) => !h.includes(v));
  if (removed.length > 0) report(scope.walk, scope.operation, 'response-enum-value-removed', at(base), at(head), `${where}: ${list(removed)} no longer sent`);
}

/** Whether the client never meets this property in this direction (readOnly in requests, writeOnly in responses). */
function notExchanged(scope: Scope, doc: 'base' | 'head', schema: unknown): boolean {
  const node = follow(scope.walk[doc], { node: schema, at: '' }).node;
  return isObject(node) && (scope.direction === 'request' ? node.readOnly === true : node.writeOnly === true);
}

function compareProperties(scope: Scope, base: SchemaView, head: SchemaView, place: Place): void {
  const bp: Record<string, any> = isObject(base.node.properties) ? base.node.properties : {};
  const hp: Record<string, any> = isObject(head.node.properties) ? head.node.properties : {};
  const breq = new Set(requiredOf(base.node));
  const hreq = new Set(requiredOf(head.node));
  // A property is found where it is written (an allOf part, a component), and named after it.
  const prop = (view: SchemaView, name: string, props: Record<string, any>) => ({ node: props[name], at: child(`${view.origins.get(name)?.at ?? view.at}/properties`, name) });
  const placeOf = (name: string) => {
    const component = (head.origins.get(name) ?? base.origins.get(name))?.component;
    return component ? { where: `schema ${component}`, path: name } : inside(place, name);
  };
  const { walk, operation } = scope;
  // A property the client never meets on a side (readOnly in requests, writeOnly in responses) is absent there.
  const visible = (side: 'base' | 'head', props: Record<string, any>) => Object.keys(props).filter((n) => !notExchanged(scope, side, props[n]));
  const bVisible = visible('base', bp);
  const hVisible = visible('head', hp);
  const flag = scope.direction === 'request' ? 'readOnly' : 'writeOnly';
  for (const name of new Set([...Object.keys(bp), ...Object.keys(hp)])) {
    if (!bVisible.includes(name)) cover(walk, name in bp ? prop(base, name, bp).at : null, null);
    if (!hVisible.includes(name)) cover(walk, null, name in hp ? prop(head, name, hp).at : null);
  }
  // A required entry is judged with its property: the entry's place is the finding's too.
  const requiredAt = (view: SchemaView, name: string) => {
    const i = Array.isArray(view.node.required) ? view.node.required.indexOf(name) : -1;
    return i === -1 ? null : `${view.at}/required/${i}`;
  };
  const coverRequired = (name: string) => cover(walk, requiredAt(base, name), requiredAt(head, name));
  const added = hVisible.filter((n) => !bVisible.includes(n));
  const removed = bVisible.filter((n) => !hVisible.includes(n));
  const note = (name: string, props: Record<string, any>, was: boolean) => (name in props ? ` (${was ? 'no longer' : 'now'} ${flag})` : '');
  for (const name of [...added, ...removed]) coverRequired(name);
  for (const name of added) {
    const where = label(placeOf(name)) + note(name, bp, true);
    if (scope.direction === 'response') report(walk, operation, 'response-property-added', null, prop(head, name, hp), `${where} added`);
    else if (hreq.has(name)) report(walk, operation, 'request-property-added-required', null, prop(head, name, hp), `${where} added as required`);
    else report(walk, operation, 'request-property-added-optional', null, prop(head, name, hp), `${where} added (optional)`);
  }
  for (const name of removed) {
    const where = label(placeOf(name)) + note(name, hp, false);
    if (scope.direction === 'request') {
      if (forbidsExtra(head.node)) report(walk, operation, 'request-property-removed-refused', prop(base, name, bp), null, `${where} removed, and additional properties are forbidden`);
      else report(walk, operation, 'request-property-removed', prop(base, name, bp), null, `${where} removed`);
      continue;
    }
    const type = keyOf(typesOf(follow(walk.base, { node: bp[name], at: '' }).node ?? {}) ?? 'any');
    const twin = added.find((n) => keyOf(typesOf(follow(walk.head, { node: hp[n], at: '' }).node ?? {}) ?? 'any') === type);
    report(walk, operation, 'response-property-removed', prop(base, name, bp), null, `${where} removed${twin ? ` (renamed to \`${twin}\`?)` : ''}`);
  }
  for (const name of bVisible.filter((n) => hVisible.includes(n))) {
    const where = label(placeOf(name));
    const b = prop(base, name, bp);
    const h = prop(head, name, hp);
    const wasRequired = breq.has(name);
    const isRequired = hreq.has(name);
    if (wasRequired !== isRequired) coverRequired(name);
    if (scope.direction === 'request' && !wasRequired && isRequired) report(walk, operation, 'request-property-made-required', b, h, `${where} is now required`);
    if (scope.direction === 'request' && wasRequired && !isRequired) report(walk, operation, 'request-constraint-widened', b, h, `${where} is now optional`);
    if (scope.direction === 'response' && wasRequired && !isRequired) report(walk, operation, 'response-property-made-optional', b, h, `${where} is no longer required`);
    if (scope.direction === 'response' && !wasRequired && isRequired) report(walk, operation, 'response-constraint-changed', b, h, `${where} is now always present`);
    compare(scope, b, h, placeOf(name));
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
  } else if (forbidsExtra(base.node) !== forbidsExtra(head.node)) {
    // Clients ignore properties they do not know (see response-property-added).
    report(scope.walk, scope.operation, 'response-constraint-changed', at(base), at(head), `${where}: additional properties are now ${forbidsExtra(head.node) ? 'forbidden' : 'allowed'}`);
  }
  if (isObject(base.node.additionalProperties) && isObject(head.node.additionalProperties)) compare(scope, at(base), at(head), inside(place, '*'));
}

/**
 * Alternatives are paired by what they are, not where they stand: the same
 * `$ref`, then the same content, then whatever is left in order.
 */
function pairAlternatives(scope: Scope, b: unknown[], h: unknown[]): [number, number][] {
  const pairs: [number, number][] = [];
  const freeB = new Set(b.keys());
  const freeH = new Set(h.keys());
  const match = (same: (x: unknown, y: unknown) => boolean) => {
    for (const i of freeB) {
      const j = [...freeH].find((k) => same(b[i], h[k]));
      if (j === undefined) continue;
      pairs.push([i, j]);
      freeB.delete(i);
      freeH.delete(j);
    }
  };
  const ref = (x: unknown) => (isObject(x) && typeof x.$ref === 'string' ? x.$ref : undefined);
  match((x, y) => ref(x) !== undefined && ref(x) === ref(y));
  match((x, y) => keyOf(follow(scope.walk.base, { node: x, at: '' }).node) === keyOf(follow(scope.walk.head, { node: y, at: '' }).node));
  const restB = [...freeB];
  const restH = [...freeH];
  for (let k = 0; k < Math.min(restB.length, restH.length); k++) pairs.push([restB[k]!, restH[k]!]);
  return pairs.sort((x, y) => x[0] - y[0]);
}

function compareAlternatives(scope: Scope, base: Located, head: Located, place: Place, keyword: 'oneOf' | 'anyOf'): void {
  const b: unknown[] = Array.isArray(base.node[keyword]) ? base.node[keyword] : [];
  const h: unknown[] = Array.isArray(head.node[keyword]) ? head.node[keyword] : [];
  if (b.length === 0 && h.length === 0) return;
  const where = label(place);
  const at = (l: Located) => ({ node: l.node[keyword], at: `${l.at}/${keyword}` });
  if (scope.direction === 'request' && h.length < b.length) report(scope.walk, scope.operation, 'request-type-changed', at(base), at(head), `${where}: ${keyword} has ${b.length - h.length} fewer alternatives`);
  if (scope.direction === 'response' && h.length > b.length) report(scope.walk, scope.operation, 'response-type-changed', at(base), at(head), `${where}: ${keyword} has ${h.length - b.length} more alternatives`);
  if (scope.direction === 'request' && h.length > b.length) report(scope.walk, scope.operation, 'request-constraint-widened', at(base), at(head), `${where}: ${keyword} has ${h.length - b.length} more alternatives`);
  if (scope.direction === 'response' && h.length < b.length) report(scope.walk, scope.operation, 'response-constraint-changed', at(base), at(head), `${where}: ${keyword} has ${b.length - h.length} fewer alternatives`);
  for (const [i, j] of pairAlternatives(scope, b, h)) {
    compare(scope, { node: b[i], at: `${base.at}/${keyword}/${i}` }, { node: h[j], at: `${head.at}/${keyword}/${j}` }, inside(place, `(${keyword} ${j + 1})`));
  }
}
