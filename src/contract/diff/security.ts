// Security of one operation: its own `security`, or the document's. Each
// entry is an alternative (a set of schemes used together); an empty one, or
// none at all, means anonymous calls are accepted. A client that satisfied
// a base alternative still works if some head alternative asks for no more
// than it has, with each of those schemes defined as before.
import { child } from '../../openapi/pointer.ts';
import type { Document } from './load.ts';
import { compareText, follow, isObject, keyOf, report, type Located, type Walk } from './walk.ts';

interface Requirement extends Located {
  alternatives: string[][];
}

function requirementOf(doc: Document, op: Located): Requirement {
  const own = Array.isArray(op.node.security);
  const list = own ? op.node.security : Array.isArray(doc.security) ? doc.security : [];
  const alternatives = list.length === 0 ? [[]] : list.map((entry: unknown) => (isObject(entry) ? Object.keys(entry).sort() : []));
  return { node: list, at: own ? `${op.at}/security` : '/security', alternatives };
}

const definitions = new WeakMap<Document, Map<string, string>>();

/** A scheme's definition minus its prose: what a client must do to satisfy it. */
function definition(doc: Document, name: string): string {
  let known = definitions.get(doc);
  if (!known) definitions.set(doc, (known = new Map()));
  if (!known.has(name)) known.set(name, describeScheme(doc, name));
  return known.get(name)!;
}

function describeScheme(doc: Document, name: string): string {
  const raw = isObject(doc.components?.securitySchemes) ? doc.components.securitySchemes[name] : undefined;
  const scheme = follow(doc, { node: raw, at: '' }).node;
  if (!isObject(scheme)) return 'undefined';
  // Prose and hints (description, bearerFormat) do not change what a client sends.
  const { description, bearerFormat, ...rest } = scheme;
  return keyOf(Object.fromEntries(Object.entries(rest).filter(([k]) => !k.startsWith('x-') || k === 'x-key-pattern')));
}

export function compareSecurity(walk: Walk, operation: string, baseOp: Located, headOp: Located): void {
  const base = requirementOf(walk.base, baseOp);
  const head = requirementOf(walk.head, headOp);
  // Schemes are compared by what they ask of the client, not by name: a renamed scheme is the same scheme.
  const asked = (doc: Document, names: string[]) => new Set(names.map((n) => definition(doc, n)));
  const covers = (outer: Set<string>, inner: Set<string>) => [...inner].every((d) => outer.has(d));
  const describe = (alternatives: string[][]) => alternatives.map((a) => (a.length === 0 ? 'no credentials' : a.join(' + '))).join(' or ');
  const headAsks = head.alternatives.map((alt) => asked(walk.head, alt));
  let narrowed = false;
  for (const had of base.alternatives) {
    const has = asked(walk.base, had);
    if (headAsks.some((alt) => covers(has, alt))) continue;
    narrowed = true;
    const extended = headAsks.some((alt) => covers(alt, has));
    if (had.length === 0 || extended) {
      report(walk, operation, 'security-added', base, head, `now requires ${describe(head.alternatives)} where ${describe([had])} was enough`);
    } else {
      const redefined = had.some((n) => definition(walk.base, n) !== definition(walk.head, n) && definition(walk.head, n) !== 'undefined');
      report(walk, operation, 'security-scheme-removed', base, head, `no longer accepts ${describe([had])}${redefined ? ' as it was defined' : ''}; it accepts ${describe(head.alternatives)}`);
    }
  }
  if (narrowed) return;
  // Nothing a client had is refused: a head alternative unlike every base one is a new way in.
  const baseAsks = base.alternatives.map((alt) => asked(walk.base, alt));
  const same = (a: Set<string>, b: Set<string>) => covers(a, b) && covers(b, a);
  const added = head.alternatives.filter((_, i) => !baseAsks.some((had) => same(had, headAsks[i]!)));
  if (added.length > 0) report(walk, operation, 'security-relaxed', base, head, `now also accepts ${describe(added)}`);
}

/** The prose of each security scheme the two documents share by name (what a scheme asks is compared above). */
export function compareSchemeText(walk: Walk): void {
  const schemes = (doc: Document): Record<string, unknown> => (isObject(doc.components?.securitySchemes) ? doc.components.securitySchemes : {});
  const head = schemes(walk.head);
  for (const [name, scheme] of Object.entries(schemes(walk.base))) {
    if (!(name in head)) continue;
    const at = child('/components/securitySchemes', name);
    const b = follow(walk.base, { node: scheme, at });
    const h = follow(walk.head, { node: head[name], at });
    compareText(walk, null, b, h, `security scheme ${name}`, ['description', 'bearerFormat']);
  }
}
