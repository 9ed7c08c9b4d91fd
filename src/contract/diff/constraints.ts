// The constraints on a request value: bounds, pattern, format, default. A
// tighter one refuses requests that were valid; a looser one is info.
import type { RuleId } from './rules.ts';
import { keyOf, report, type Located, type Walk } from './walk.ts';

interface Bound {
  value: number;
  exclusive: boolean;
  /** The keyword that sets it, for the pointer. */
  keyword: string;
}

/**
 * The effective numeric bound, from `maximum` and `exclusiveMaximum` (or the
 * minimums): a number in 3.1, a boolean modifying `maximum` in 3.0.
 * `{maximum: 10, exclusiveMaximum: true}` and `{exclusiveMaximum: 10}` are one bound.
 */
function numericBound(node: Record<string, any>, upper: boolean): Bound | undefined {
  const inclusiveKey = upper ? 'maximum' : 'minimum';
  const exclusiveKey = upper ? 'exclusiveMaximum' : 'exclusiveMinimum';
  const found: Bound[] = [];
  if (typeof node[inclusiveKey] === 'number') found.push({ value: node[inclusiveKey], exclusive: node[exclusiveKey] === true, keyword: inclusiveKey });
  if (typeof node[exclusiveKey] === 'number') found.push({ value: node[exclusiveKey], exclusive: true, keyword: exclusiveKey });
  return found.sort((a, b) => (upper ? a.value - b.value : b.value - a.value) || Number(b.exclusive) - Number(a.exclusive))[0];
}

function plainBound(node: Record<string, any>, keyword: string): Bound | undefined {
  return typeof node[keyword] === 'number' ? { value: node[keyword], exclusive: false, keyword } : undefined;
}

/** Whether `to` accepts less than `from` (an absent bound accepts everything). */
function tighter(from: Bound | undefined, to: Bound | undefined, upper: boolean): boolean {
  if (to === undefined) return false;
  if (from === undefined) return true;
  if (to.value !== from.value) return upper ? to.value < from.value : to.value > from.value;
  return to.exclusive && !from.exclusive;
}

/** `50`, or `< 10` / `<= 10` where exclusiveness can differ (numeric bounds). */
function show(bound: Bound | undefined, upper: boolean, numeric: boolean): string {
  if (bound === undefined) return 'none';
  if (!numeric) return String(bound.value);
  return `${upper ? (bound.exclusive ? '<' : '<=') : bound.exclusive ? '>' : '>='} ${bound.value}`;
}

const BOUNDS: { name: string; upper: boolean; rule: RuleId; read: (node: Record<string, any>) => Bound | undefined }[] = [
  { name: 'maxLength', upper: true, rule: 'request-max-length-decreased', read: (n) => plainBound(n, 'maxLength') },
  { name: 'minLength', upper: false, rule: 'request-min-length-increased', read: (n) => plainBound(n, 'minLength') },
  { name: 'maxItems', upper: true, rule: 'request-max-items-decreased', read: (n) => plainBound(n, 'maxItems') },
  { name: 'minItems', upper: false, rule: 'request-min-items-increased', read: (n) => plainBound(n, 'minItems') },
  { name: 'maximum', upper: true, rule: 'request-maximum-decreased', read: (n) => numericBound(n, true) },
  { name: 'minimum', upper: false, rule: 'request-minimum-increased', read: (n) => numericBound(n, false) },
];

const SHAPES = { pattern: 'request-pattern-changed', format: 'request-format-changed' } as const;

export function compareConstraints(walk: Walk, operation: string, base: Located, head: Located, where: string): void {
  const at = (l: Located, keyword: string) => ({ node: l.node[keyword], at: `${l.at}/${keyword}` });
  for (const { name, upper, rule, read } of BOUNDS) {
    const b = read(base.node);
    const h = read(head.node);
    const places = [at(base, (b ?? h)?.keyword ?? name), at(head, (h ?? b)?.keyword ?? name)] as const;
    const numeric = name === 'maximum' || name === 'minimum';
    const change = `${where}: ${name} ${show(b, upper, numeric)} -> ${show(h, upper, numeric)}`;
    if (tighter(b, h, upper)) report(walk, operation, rule, places[0], places[1], change);
    else if (tighter(h, b, upper)) report(walk, operation, 'request-constraint-widened', places[0], places[1], change);
  }
  for (const [keyword, rule] of Object.entries(SHAPES)) {
    const b = base.node[keyword];
    const h = head.node[keyword];
    if (b === h) continue;
    const change = `${where}: ${keyword} ${b === undefined ? `${JSON.stringify(h)} added` : h === undefined ? `${JSON.stringify(b)} removed` : `${JSON.stringify(b)} -> ${JSON.stringify(h)}`}`;
    report(walk, operation, h !== undefined ? rule : 'request-constraint-widened', at(base, keyword), at(head, keyword), change);
  }
  if (keyOf(base.node.default) !== keyOf(head.node.default)) {
    report(walk, operation, 'request-default-changed', at(base, 'default'), at(head, 'default'), `${where}: default ${JSON.stringify(base.node.default) ?? 'none'} -> ${JSON.stringify(head.node.default) ?? 'none'}`);
  }
}

/**
 * Response constraints, read from the client's side. A response array that
 * gains or lowers `maxItems` answers fewer items than before: a list that
 * was whole is now paged or cut (breaking). Any other bound loosened, or a
 * format changed or dropped, lets the server send values a client (or a
 * validator generated from the base document) refuses. What only narrows
 * what is sent, and a pattern (a hint clients rarely parse by), is info.
 */
export function compareResponseConstraints(walk: Walk, operation: string, base: Located, head: Located, where: string): void {
  const at = (l: Located, keyword: string) => ({ node: l.node[keyword], at: `${l.at}/${keyword}` });
  for (const { name, upper, read } of BOUNDS) {
    const b = read(base.node);
    const h = read(head.node);
    const places = [at(base, (b ?? h)?.keyword ?? name), at(head, (h ?? b)?.keyword ?? name)] as const;
    const numeric = name === 'maximum' || name === 'minimum';
    const change = `${where}: ${name} ${show(b, upper, numeric)} -> ${show(h, upper, numeric)}`;
    const cut = name === 'maxItems';
    if (tighter(b, h, upper)) report(walk, operation, cut ? 'response-max-items-decreased' : 'response-constraint-changed', places[0], places[1], change);
    else if (tighter(h, b, upper)) report(walk, operation, cut ? 'response-constraint-changed' : 'response-constraint-loosened', places[0], places[1], change);
  }
  for (const keyword of ['pattern', 'format'] as const) {
    const b = base.node[keyword];
    const h = head.node[keyword];
    if (b === h) continue;
    const change = `${where}: ${keyword} ${b === undefined ? `${JSON.stringify(h)} added` : h === undefined ? `${JSON.stringify(b)} removed` : `${JSON.stringify(b)} -> ${JSON.stringify(h)}`}`;
    const loosened = keyword === 'format' && b !== undefined;
    report(walk, operation, loosened ? 'response-constraint-loosened' : 'response-constraint-changed', at(base, keyword), at(head, keyword), change);
  }
  if (keyOf(base.node.default) !== keyOf(head.node.default)) {
    report(walk, operation, 'response-constraint-changed', at(base, 'default'), at(head, 'default'), `${where}: default ${JSON.stringify(base.node.default) ?? 'none'} -> ${JSON.stringify(head.node.default) ?? 'none'}`);
  }
}
