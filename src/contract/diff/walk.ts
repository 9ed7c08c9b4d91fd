// What the comparison carries while it walks both documents side by side.
import type { Document } from './load.ts';
import type { Change, Findings } from './findings.ts';
import { canonicalJson } from '../../json/canonical.ts';
import { resolvePointer } from '../../openapi/pointer.ts';

/** A node and where it is in its document (a JSON pointer). */
export interface Located {
  node: any;
  at: string;
}

export interface Walk {
  base: Document;
  head: Document;
  findings: Findings;
  /** Error codes in head's catalog that base's lacks: reported once, as error-code-added. */
  newCodes: Set<string>;
  /** What comparing a pair of nodes found, by key: a shared schema is walked once, not once per operation. */
  memo: Map<string, Change[]>;
  /** The changes of the comparisons under way, innermost last. */
  recorders: Change[][];
  /**
   * Places a rule examined and judged to be no finding of its own (a new
   * error code in an enum, reported by the catalog; a property a client
   * never meets in that direction): not unclassified either.
   */
  covered: { base: Set<string>; head: Set<string> };
}

export function newWalk(base: Document, head: Document, findings: Findings, newCodes: Set<string>): Walk {
  return { base, head, findings, newCodes, memo: new Map(), recorders: [], covered: { base: new Set(), head: new Set() } };
}

/** Marks places as examined by a rule that reports them elsewhere or judges them invisible to clients. */
export function cover(walk: Walk, base: string | null, head: string | null): void {
  if (base !== null) walk.covered.base.add(base);
  if (head !== null) walk.covered.head.add(head);
}

/**
 * Runs `compare` once per `key`; later calls replay what it found for
 * `operation`. The key must name everything the changes depend on.
 */
export function once(walk: Walk, key: string, operation: string | null, compare: () => void): void {
  const known = walk.memo.get(key);
  if (known) {
    for (const change of known) record(walk, { ...change, operation });
    return;
  }
  const changes: Change[] = [];
  walk.recorders.push(changes);
  try {
    compare();
  } finally {
    walk.recorders.pop();
  }
  walk.memo.set(key, changes);
  walk.recorders.at(-1)?.push(...changes);
}

function record(walk: Walk, change: Change): void {
  walk.findings.add(change);
  walk.recorders.at(-1)?.push(change);
}

/** Follows local `$ref`s; `at` becomes the place of what was found. */
export function follow(doc: Document, located: Located): Located & { component?: string } {
  let { node, at } = located;
  let component: string | undefined;
  for (let hops = 0; node && typeof node === 'object' && typeof node.$ref === 'string' && hops < 64; hops++) {
    const ref: string = node.$ref;
    at = ref.startsWith('#') ? ref.slice(1) : ref;
    component = /^\/components\/schemas\/([^/]+)$/.exec(at)?.[1] ?? component;
    node = resolvePointer(doc, ref);
  }
  return component === undefined ? { node, at } : { node, at, component };
}

/** One operation's side of a change: the label and both places. */
export function report(walk: Walk, operation: string | null, rule: Change['rule'], base: Located | null, head: Located | null, what: string): void {
  // A place where the thing does not exist (a keyword added or removed) is null.
  const place = (l: Located | null) => (l === null || l.node === undefined ? null : l.at);
  record(walk, { rule, operation, base: place(base), head: place(head), what });
}

/** Equal for equal JSON values, whatever their key order. */
export const keyOf = canonicalJson;

export function isObject(value: unknown): value is Record<string, any> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

const TEXT_FIELDS = ['summary', 'description', 'title', 'example', 'examples'];

/** text-changed for each documentation field that differs between two nodes. */
export function compareText(walk: Walk, operation: string | null, base: Located, head: Located, label: string, fields: readonly string[] = TEXT_FIELDS): void {
  for (const field of fields) {
    const b = exampleRefsFollowed(walk.base, base.node?.[field]);
    const h = exampleRefsFollowed(walk.head, head.node?.[field]);
    if (keyOf(b) === keyOf(h)) continue;
    report(walk, operation, 'text-changed', { node: b, at: `${base.at}/${field}` }, { node: h, at: `${head.at}/${field}` }, `${label}: ${field} ${b === undefined ? 'added' : h === undefined ? 'removed' : 'changed'}`);
  }
}

// A media type's `examples` map often refers to #/components/examples: compare what they say.
function exampleRefsFollowed(doc: Document, value: unknown): unknown {
  if (!isObject(value)) return value;
  if (!Object.values(value).some((v) => isObject(v) && typeof v.$ref === 'string')) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, follow(doc, { node: v, at: '' }).node]));
}

/** Deprecation of a parameter, header or property (operations have their own rule for it). */
export function compareDeprecation(walk: Walk, operation: string | null, base: Located, head: Located, label: string): void {
  const was = base.node?.deprecated === true;
  const is = head.node?.deprecated === true;
  if (was === is) return;
  const at = (l: Located) => ({ node: l.node?.deprecated, at: `${l.at}/deprecated` });
  report(walk, operation, is ? 'value-deprecated' : 'deprecation-lifted', at(base), at(head), `${label} is ${is ? 'now' : 'no longer'} deprecated`);
}
