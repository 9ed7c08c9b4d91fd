// No difference between two documents passes silently. Both are put in
// normal form (normal-form.ts) and compared; a difference that no finding
// accounts for is reported as `unclassified-change`, naming its place. A
// finding accounts for a difference when it names the place, a place
// inside it, or a place around it on the way there (through `$ref`s too:
// a finding on a shared schema covers it wherever it is used). Places a rule
// examined and judged no finding of its own (walk.covered) count as named.
import { hashOf, normalFormOf, type NormalNode } from './normal-form.ts';
import type { Finding } from './findings.ts';
import { report, type Walk } from './walk.ts';

/** Most places listed: a rewritten document is one review, not thousands of lines. */
export const MAX_UNCLASSIFIED = 50;

interface Difference {
  /** Where the node is written in each document, null where it is absent. */
  base: string | null;
  head: string | null;
  /** The places written on the way down to it, in each document. */
  baseTrail: string[];
  headTrail: string[];
  /** A list whose items shifted: findings on its items account for it (as for a place on one side only). */
  list?: true;
}

/** Keywords that say the same thing as one another: a finding on either covers both. */
const ALIASES: Record<string, string[]> = {
  maximum: ['exclusiveMaximum'],
  exclusiveMaximum: ['maximum'],
  minimum: ['exclusiveMinimum'],
  exclusiveMinimum: ['minimum'],
  enum: ['const'],
  type: ['nullable', 'anyOf', 'oneOf'],
};

function differences(base: NormalNode | undefined, head: NormalNode | undefined, trails: [string[], string[]], out: Difference[], budget: { left: number }): void {
  if (budget.left <= 0) return;
  if (base && head && hashOf(base) === hashOf(head)) return;
  const trail = (node: NormalNode | undefined, before: string[]) => (node ? [...before, ...(node.via === undefined ? [] : [node.via]), node.raw] : before);
  const baseTrail = trail(base, trails[0]);
  const headTrail = trail(head, trails[1]);
  if (base?.kind === 'object' && head?.kind === 'object') {
    for (const key of new Set([...base.entries.keys(), ...head.entries.keys()])) differences(base.entries.get(key), head.entries.get(key), [baseTrail, headTrail], out, budget);
    return;
  }
  if (base?.kind === 'list' && head?.kind === 'list') return listDifferences(base, head, [baseTrail, headTrail], out, budget);
  budget.left--;
  // Present on one side only: where it is referred to says more than the component it refers to.
  const place = (node: NormalNode | undefined) => (node === undefined ? null : base && head ? node.raw : (node.via ?? node.raw));
  out.push({ base: place(base), head: place(head), baseTrail, headTrail });
}

/** Ordered lists item by item; unordered ones with equal items set aside first. */
function listDifferences(base: NormalNode & { kind: 'list' }, head: NormalNode & { kind: 'list' }, trails: [string[], string[]], out: Difference[], budget: { left: number }): void {
  let b = base.items;
  let h = head.items;
  if (base.unordered || head.unordered) {
    const unmatched = [...h];
    b = b.filter((item) => {
      const i = unmatched.findIndex((other) => hashOf(other) === hashOf(item));
      if (i === -1) return true;
      unmatched.splice(i, 1);
      return false;
    });
    h = unmatched;
  } else if (b.length !== h.length) {
    // An item inserted or removed shifts the rest: the list is one difference.
    budget.left--;
    out.push({ base: base.raw, head: head.raw, baseTrail: trails[0], headTrail: trails[1], list: true });
    return;
  }
  for (let i = 0; i < Math.max(b.length, h.length); i++) differences(b[i], h[i], trails, out, budget);
}

function parent(pointer: string): string {
  return pointer.slice(0, pointer.lastIndexOf('/'));
}

/** The places a finding may name to account for `place`: itself and its aliases. */
function namesOf(place: string): string[] {
  const keyword = place.slice(place.lastIndexOf('/') + 1);
  return [place, ...(ALIASES[keyword] ?? []).map((alias) => `${parent(place)}/${alias}`)];
}

interface Named {
  base: Set<string>;
  head: Set<string>;
}

function accounted(difference: Difference, named: Named): boolean {
  for (const [place, trail, side] of [
    [difference.base, difference.baseTrail, named.base],
    [difference.head, difference.headTrail, named.head],
  ] as const) {
    if (trail.some((at) => side.has(at))) return true;
    if (place === null) continue;
    if (namesOf(place).some((at) => side.has(at))) return true;
    // Inside a place both sides have (a schema become a string, say), findings may be about other uses of it.
    const whole = difference.list || difference.base === null || difference.head === null;
    if (whole && [...side].some((at) => at.startsWith(`${place}/`))) return true;
  }
  return false;
}

const OPERATION = /^\/paths\/([^/]+)\/(get|put|post|delete|options|head|patch|trace)(\/|$)/;

/** `METHOD /path` of the operation a place is in, when it is in one. */
function operationOf(difference: Difference): string | null {
  for (const at of [...difference.headTrail, ...difference.baseTrail]) {
    const match = OPERATION.exec(at);
    if (match) return `${match[2]!.toUpperCase()} ${match[1]!.replace(/~1/g, '/').replace(/~0/g, '~')}`;
  }
  return null;
}

export function reportUnclassified(walk: Walk, findings: Finding[]): void {
  const found: Difference[] = [];
  // Bounded: a document rewritten from scratch stops the search, not the machine.
  differences(normalFormOf(walk.base), normalFormOf(walk.head), [[], []], found, { left: 10_000 });
  if (found.length === 0) return;
  const named: Named = {
    base: new Set([...findings.flatMap((f) => (f.base === null ? [] : [f.base])), ...walk.covered.base]),
    head: new Set([...findings.flatMap((f) => (f.head === null ? [] : [f.head])), ...walk.covered.head]),
  };
  const places = new Map<string, Difference & { operations: Set<string> }>();
  for (const difference of found) {
    if (accounted(difference, named)) continue;
    const key = `${difference.base}\u0000${difference.head}`;
    const known = places.get(key) ?? places.set(key, { ...difference, operations: new Set() }).get(key)!;
    const operation = operationOf(difference);
    if (operation) known.operations.add(operation);
  }
  const listed = [...places.values()].slice(0, MAX_UNCLASSIFIED);
  listed.forEach((place, i) => {
    const more = i === listed.length - 1 && places.size > listed.length ? ` (and ${places.size - listed.length} more places not listed)` : '';
    const where = place.head ?? place.base ?? '';
    const what = `${where || 'the document'} ${place.base === null ? 'added' : place.head === null ? 'removed' : 'changed'}, and no rule classifies it${more}`;
    const located = (at: string | null) => (at === null ? null : { node: true, at });
    const operations = place.operations.size > 0 ? [...place.operations] : [null];
    for (const operation of operations) report(walk, operation, 'unclassified-change', located(place.base), located(place.head), what);
  });
}
