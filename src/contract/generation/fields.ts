// The fields of an operation's request, read from its parameters and body
// schema (nested objects and the items of lists included), and the valid
// request a case starts from: every required field, and (for most cases)
// some optional ones as extras that shrinking may drop again.
import type { Draft } from './draft.ts';
import { getAt, setAt, startsWith } from './draft.ts';
import type { Random } from './random.ts';
import { isBatch, mainType, resolve, type OperationModel, type Path } from './spec-model.ts';
import { newGeneration, optionalValue, serverGiven, validObject, validValue, type Generation } from './values.ts';

type Json = any;

export interface Field {
  /** Where: ['body', 'snippets', 0, 'title'], ['query', 'limit'], ['header', 'Idempotency-Key']. */
  at: Path;
  name: string;
  schema: Json;
  /** Required in the object (or parameters) that holds it. */
  required: boolean;
  where: 'query' | 'header' | 'body';
}

/** `snippets_title`, `limit`: a field's name in a scenario id. */
export const fieldLabel = (field: Pick<Field, 'at'>): string =>
  field.at
    .slice(1)
    .filter((k) => typeof k === 'string')
    .join('_') || 'body';

export function fieldsOf(op: OperationModel): Field[] {
  const fields: Field[] = op.parameters.map((p) => ({ at: [p.in, p.name], name: p.name, schema: p.schema, required: p.required, where: p.in }));
  const walk = (schema: Json, at: Path) => {
    const required: string[] = schema.required ?? [];
    for (const [name, property] of Object.entries<Json>(schema.properties ?? {})) {
      const resolved = resolve(property);
      fields.push({ at: [...at, name], name, schema: resolved, required: required.includes(name), where: 'body' });
      if (mainType(resolved) === 'object') walk(resolved, [...at, name]);
      const items = resolved.items && resolve(resolved.items);
      if (mainType(resolved) === 'array' && items && mainType(items) === 'object') walk(items, [...at, name, 0]);
    }
  };
  if (op.body) walk(resolve(op.body), ['body']);
  return fields;
}

/** The body's objects (the body itself, nested objects, the items of lists of objects), with their schemas. */
export function objectsOf(op: OperationModel): Array<{ at: Path; schema: Json }> {
  if (!op.body) return [];
  const root = { at: ['body'] as Path, schema: resolve(op.body) };
  return [root, ...fieldsOf(op).filter((f) => f.where === 'body' && mainType(f.schema) === 'object').map((f) => ({ at: f.at, schema: f.schema }))].concat(
    fieldsOf(op)
      .filter((f) => f.where === 'body' && mainType(f.schema) === 'array' && f.schema.items && mainType(resolve(f.schema.items)) === 'object')
      .map((f) => ({ at: [...f.at, 0], schema: resolve(f.schema.items) })),
  );
}

/** The schema of the value at `at` in a request of `op`. */
export function schemaAt(op: OperationModel, at: Path): Json {
  let node: Json;
  if (at[0] === 'body') node = resolve(op.body);
  else node = op.parameters.find((p) => p.in === at[0] && p.name === at[1])?.schema;
  for (const key of at.slice(at[0] === 'body' ? 1 : 2)) node = typeof key === 'number' ? resolve(node?.items) : resolve(node?.properties?.[key]);
  return node ?? {};
}

/** Makes the objects and lists that lead to `at` exist, each valid and minimal (a list of one item). */
export function ensurePath(draft: Draft, op: OperationModel, at: Path, g: Generation): void {
  for (let i = 2; i < at.length; i++) {
    const prefix = at.slice(0, i);
    if (getAt(draft.parts, prefix) !== undefined) continue;
    const schema = schemaAt(op, prefix);
    if (typeof at[i] === 'number') setAt(draft.parts, prefix, [validValue(resolve(schema.items), String(prefix.at(-1)), g, false)]);
    else setAt(draft.parts, prefix, validObject(schema, g, false));
  }
}

/**
 * A valid request of `op`: its required parameters and body fields, and,
 * with `extras`, each optional parameter and top-level body field with even
 * odds (never one on the way to `focus`, which the case sets itself).
 */
export function baseDraft(op: OperationModel, rng: Random, options: { focus?: Path; extras?: boolean } = {}): { draft: Draft; g: Generation } {
  const g = newGeneration(rng, op);
  const draft: Draft = { operationId: op.operationId, parts: { query: {}, header: {} }, extras: [], arrays: [] };
  for (const p of op.parameters) if (p.required) draft.parts[p.in][p.name] = validValue(p.schema, p.name, g);
  if (op.body) draft.parts.body = validObject(op.body, g, false);
  const onTheWay = (at: Path) => options.focus !== undefined && startsWith(options.focus, at);
  if (options.extras !== false) {
    for (const p of op.parameters) {
      // An Idempotency-Key needs a part unique to the run (a request to learn one): the cases about keys send it, extras do not.
      if (p.required || serverGiven(p.name) || p.name === 'Idempotency-Key' || onTheWay([p.in, p.name]) || !rng.chance(0.5)) continue;
      draft.parts[p.in][p.name] = optionalValue(p.schema, p.name, g);
      draft.extras.push([p.in, p.name]);
    }
    const body = op.body && resolve(op.body);
    for (const name of Object.keys(body?.properties ?? {})) {
      if ((body.required ?? []).includes(name) || onTheWay(['body', name]) || !rng.chance(0.5)) continue;
      (draft.parts.body as Record<string, unknown>)[name] = optionalValue(body.properties[name], name, g);
      draft.extras.push(['body', name]);
    }
  }
  const body = op.body && resolve(op.body);
  for (const name of Object.keys(body?.properties ?? {})) if (isBatch(body.properties[name])) draft.arrays.push({ at: ['body', name], min: 1 });
  if (options.focus) ensurePath(draft, op, options.focus, g);
  return { draft, g };
}
