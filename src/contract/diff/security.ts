// Security of one operation: its own `security`, or the document's. Each
// entry is an alternative (a set of schemes used together); an empty one, or
// none at all, means anonymous calls are accepted. A client that satisfied
// a base alternative still works if some head alternative asks for no more
// than it has, with each of those schemes defined as before.
import type { Document } from './load.ts';
import { follow, isObject, keyOf, report, type Located, type Walk } from './walk.ts';

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
  const { description, ...rest } = scheme;
  return keyOf(Object.fromEntries(Object.entries(rest).filter(([k]) => !k.startsWith('x-') || k === 'x-key-pattern')));
}

export function compareSecurity(walk: Walk, operation: string, baseOp: Located, headOp: Located): void {
  const base = requirementOf(walk.base, baseOp);
  const head = requirementOf(walk.head, headOp);
  const same = (name: string) => definition(walk.base, name) === definition(walk.head, name);
  const describe = (alternatives: string[][]) => alternatives.map((a) => (a.length === 0 ? 'no credentials' : a.join(' + '))).join(' or ');
  for (const had of base.alternatives) {
    if (head.alternatives.some((alt) => alt.every((s) => had.includes(s) && same(s)))) continue;
    const extended = head.alternatives.some((alt) => had.every((s) => alt.includes(s) && same(s)));
    if (had.length === 0 || extended) {
      report(walk, operation, 'security-added', base, head, `now requires ${describe(head.alternatives)} where ${describe([had])} was enough`);
    } else {
      report(walk, operation, 'security-scheme-removed', base, head, `no longer accepts ${describe([had])}${had.some((s) => !same(s)) ? ' as it was defined' : ''}; it accepts ${describe(head.alternatives)}`);
    }
  }
}
