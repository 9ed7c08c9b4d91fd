// A schema in normal form: the spellings the rules read as one schema made
// one (nullable idioms, allOf, const, 3.0 exclusive bounds, unordered lists,
// defaults that say nothing).
import { hashOf, leaf, object, type NormalNode } from './normal-node.ts';

/** Lists whose order no rule reads. */
const UNORDERED = ['enum', 'required', 'type', 'oneOf', 'anyOf', 'allOf'];

/** `node` (a schema whose keywords are already in normal form) in normal form. */
export function normalSchema(built: NormalNode & { kind: 'object' }): NormalNode {
  let node = built;
  node = mergeNullable(node);
  node = mergeAllOf(node);
  const e = node.entries;
  const type = e.get('type');
  if (type?.kind === 'leaf' && typeof type.value === 'string') e.set('type', { kind: 'list', raw: type.raw, items: [leaf(type.raw, type.value)], unordered: true });
  const nullable = e.get('nullable');
  if (nullable?.kind === 'leaf') {
    e.delete('nullable');
    const now = e.get('type');
    if (nullable.value === true && now?.kind === 'list' && !now.items.some((t) => t.kind === 'leaf' && t.value === 'null')) e.set('type', { ...now, items: [...now.items, leaf(nullable.raw, 'null')], hash: undefined });
  }
  const constant = e.get('const');
  if (constant && !e.has('enum')) {
    e.delete('const');
    e.set('enum', { kind: 'list', raw: constant.raw, items: [constant], unordered: true });
  }
  for (const [inclusive, exclusive] of [['maximum', 'exclusiveMaximum'], ['minimum', 'exclusiveMinimum']] as const) {
    // 3.0's boolean exclusiveMaximum beside maximum says what 3.1's number says alone.
    const flag = e.get(exclusive);
    if (flag?.kind !== 'leaf' || typeof flag.value !== 'boolean') continue;
    const bound = e.get(inclusive);
    e.delete(exclusive);
    if (flag.value && bound) {
      e.delete(inclusive);
      e.set(exclusive, bound);
    }
  }
  // Absent, `true` and `{}` allow any additional property; no required list and an empty one require nothing.
  const extra = e.get('additionalProperties');
  if ((extra?.kind === 'leaf' && extra.value === true) || (extra?.kind === 'object' && extra.entries.size === 0)) e.delete('additionalProperties');
  const required = e.get('required');
  if (required?.kind === 'list' && required.items.length === 0) e.delete('required');
  for (const key of UNORDERED) {
    const list = e.get(key);
    if (list?.kind === 'list' && !list.unordered) e.set(key, { ...list, unordered: true, hash: undefined });
  }
  return node;
}

function isNullSchema(node: NormalNode): boolean {
  if (node.kind !== 'object') return false;
  const type = node.entries.get('type');
  const values = (n: NormalNode | undefined) => (n?.kind === 'leaf' ? [n.value] : n?.kind === 'list' ? n.items.map((i) => (i.kind === 'leaf' ? i.value : undefined)) : []);
  const only = (n: NormalNode | undefined) => values(n).length === 1 && values(n)[0] === null;
  return (values(type).length === 1 && values(type)[0] === 'null') || only(node.entries.get('enum')) || (node.entries.get('const')?.kind === 'leaf' && (node.entries.get('const') as { value: unknown }).value === null);
}

/** `anyOf`/`oneOf` of a schema and a null schema: that schema, with null among its types. */
function mergeNullable(node: NormalNode & { kind: 'object' }): NormalNode & { kind: 'object' } {
  for (const keyword of ['anyOf', 'oneOf']) {
    const options = node.entries.get(keyword);
    if (options?.kind !== 'list' || options.items.length !== 2) continue;
    const nulls = options.items.filter(isNullSchema);
    const other = options.items.find((o) => !isNullSchema(o));
    if (nulls.length !== 1 || other?.kind !== 'object') continue;
    const merged = object(node.raw, new Map([...other.entries, ...[...node.entries].filter(([k]) => k !== keyword)]));
    const type = merged.entries.get('type');
    const types = type?.kind === 'list' ? type.items : type ? [type] : [];
    if (types.length > 0) merged.entries.set('type', { kind: 'list', raw: type!.raw, items: [...types, leaf(nulls[0]!.raw, 'null')], unordered: true });
    return merged;
  }
  return node;
}

/** `allOf` read as one schema: properties and required merged, other keywords the first one written. */
function mergeAllOf(node: NormalNode & { kind: 'object' }): NormalNode & { kind: 'object' } {
  const parts = node.entries.get('allOf');
  if (parts?.kind !== 'list' || !parts.items.every((p) => p.kind === 'object')) return node;
  const merged = object(node.raw, new Map([...node.entries].filter(([k]) => k !== 'allOf')));
  for (const part of parts.items as (NormalNode & { kind: 'object' })[]) {
    for (const [key, value] of part.entries) {
      const mine = merged.entries.get(key);
      if (!mine) merged.entries.set(key, value);
      else if (key === 'properties' && mine.kind === 'object' && value.kind === 'object') merged.entries.set(key, object(mine.raw, new Map([...value.entries, ...mine.entries])));
      else if (key === 'required' && mine.kind === 'list' && value.kind === 'list') merged.entries.set(key, { kind: 'list', raw: mine.raw, items: [...mine.items, ...value.items.filter((v) => !mine.items.some((m) => hashOf(m) === hashOf(v)))], unordered: true });
    }
  }
  return merged;
}
