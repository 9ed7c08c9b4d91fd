// Creating what a generated request refers to, before it is sent: each
// placeholder (`Ref`) becomes the id of a resource made by a setup request
// in the same scenario, through the spec's own create operations (one
// `create<Kind>` call, or its batch when several are needed). A variation is
// made as part of its snippet (`additionalVariations`), then one at a time
// past what a create takes.
import type { Request } from '../scenario.ts';
import { limits } from '../spec.ts';
import { IdempotencyKey, Ref, TeamRef } from './draft.ts';
import type { Random } from './random.ts';
import { batchProperty, operationModels, propertySchema, resolve, type OperationModel } from './spec-model.ts';
import { newGeneration, validObject } from './values.ts';

type Json = any;

/** What resolving needs from the scenario: the team to work in, a run-unique value, and a way to send setup requests. */
export interface Setup {
  team(): string;
  nonce(): Promise<string>;
  setup(request: Request): Promise<any>;
}

const createOf = (kind: string, batch: boolean): OperationModel | undefined =>
  operationModels.find((op) => op.method === 'POST' && op.kind === kind && (batchProperty(op) !== undefined) === batch);

/** The property of createSnippet that holds further variations: an array whose items are createVariation's body. */
function variationsProperty(): string | undefined {
  const snippet = createOf('snippet', false);
  const variation = createOf('variation', false);
  if (!snippet?.body || !variation?.body) return undefined;
  const body = resolve(snippet.body);
  return Object.keys(body.properties ?? {}).find((name) => resolve(propertySchema(body, name).items) === resolve(variation.body));
}

/** Every placeholder in `value`, in document order (the order decides which setup creates what: deterministic). */
function collect(value: unknown, found: Set<object>): void {
  if (value instanceof Ref) {
    if (value.parent) collect(value.parent, found);
    found.add(value);
  } else if (value instanceof TeamRef || value instanceof IdempotencyKey) found.add(value);
  else if (Array.isArray(value)) value.forEach((item) => collect(item, found));
  else if (value !== null && typeof value === 'object') Object.values(value).forEach((item) => collect(item, found));
}

/** `value` with each placeholder replaced by what `replace` gives for it. */
function substitute(value: unknown, replace: (placeholder: object) => unknown): unknown {
  if (value instanceof Ref || value instanceof TeamRef || value instanceof IdempotencyKey) return replace(value);
  if (Array.isArray(value)) return value.map((item) => substitute(item, replace));
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v, replace)]));
  return value;
}

/** A minimal body to create one resource of `kind` (its required properties), in the team. */
function creationBody(op: OperationModel, rng: Random, team: string, variations = 0): Record<string, unknown> {
  // A create body names no resource but the team (the kinds the spec creates need nothing else).
  const resolved = substitute(validObject(op.body, newGeneration(rng, op), false), (p) => {
    if (p instanceof TeamRef) return team;
    throw new Error(`creating a ${op.kind} needs a ${(p as Ref).kind ?? 'value'} first`);
  }) as Record<string, unknown>;
  const more = variationsProperty();
  if (variations > 0 && more) {
    const variationOp = createOf('variation', false)!;
    resolved[more] = Array.from({ length: variations }, () => validObject(variationOp.body, newGeneration(rng, variationOp), false));
  }
  return resolved;
}

/** Creates `count` resources of `kind` (snippets with `variations[i]` more variations each); their created data in order. */
async function create(setup: Setup, rng: Random, kind: string, count: number, variations: number[] = []): Promise<Json[]> {
  const single = createOf(kind, false);
  const batch = createOf(kind, true);
  if (!single) throw new Error(`the spec has no operation that creates a ${kind}`);
  const bodies = Array.from({ length: count }, (_, i) => creationBody(single, rng, setup.team(), variations[i] ?? 0));
  if (count === 1 || !batch) {
    const created: Json[] = [];
    for (const body of bodies) created.push((await setup.setup({ operationId: single.operationId, body })).data);
    return created;
  }
  const property = batchProperty(batch)!;
  const created: Json[] = [];
  for (let start = 0; start < bodies.length; start += limits.maxBatchItems) {
    const answer = await setup.setup({ operationId: batch.operationId, body: { [property]: bodies.slice(start, start + limits.maxBatchItems) } });
    created.push(...(answer.data[property] as Json[]));
  }
  return created;
}

/** Replaces the placeholders of `value` (a draft's parts) by real ids, creating the resources first. */
export async function resolvePlaceholders<T>(value: T, setup: Setup, rng: Random): Promise<T> {
  const found = new Set<object>();
  collect(value, found);
  if (found.size === 0) return value;
  const resolved = new Map<object, unknown>();
  const refs = [...found].filter((p): p is Ref => p instanceof Ref);
  for (const placeholder of found) {
    if (placeholder instanceof TeamRef) resolved.set(placeholder, setup.team());
    if (placeholder instanceof IdempotencyKey) resolved.set(placeholder, idempotencyKey(placeholder, await setup.nonce()));
  }
  // Snippets first (with as many variations as the request names of each), then every other kind.
  const snippets = refs.filter((r) => r.kind === 'snippet');
  const variationsOf = (snippet: Ref) => refs.filter((r) => r.kind === 'variation' && r.parent === snippet);
  const more = variationsProperty();
  const maxMore = more ? (propertySchema(createOf('snippet', false)!.body, more).maxItems ?? 0) : 0;
  if (snippets.length > 0) {
    const wanted = snippets.map((s) => variationsOf(s).length);
    const created = await create(setup, rng, 'snippet', snippets.length, wanted.map((n) => Math.min(n, maxMore)));
    for (const [i, snippet] of snippets.entries()) {
      resolved.set(snippet, created[i].id);
      const variationIds: string[] = (created[i].variations as Json[]).slice(1).map((v) => v.id);
      const variationOp = createOf('variation', false)!;
      while (variationIds.length < wanted[i]!) {
        const body = validObject(variationOp.body, newGeneration(rng, variationOp), false);
        variationIds.push((await setup.setup({ operationId: variationOp.operationId, query: { snippetId: created[i].id }, body })).data.id);
      }
      variationsOf(snippet).forEach((variation, n) => resolved.set(variation, variationIds[n]));
    }
  }
  const otherKinds = [...new Set(refs.filter((r) => r.kind !== 'snippet' && r.kind !== 'variation').map((r) => r.kind))];
  for (const kind of otherKinds) {
    const ofKind = refs.filter((r) => r.kind === kind);
    const created = await create(setup, rng, kind, ofKind.length);
    ofKind.forEach((ref, i) => resolved.set(ref, created[i].id));
  }
  return substitute(value, (p) => resolved.get(p)) as T;
}

/** The key: its text, then the run's nonce; cut or repeated to the length the case wants, the nonce kept at the end. */
function idempotencyKey(key: IdempotencyKey, nonce: string): string {
  const tail = `-${nonce}`;
  if (key.length === undefined) return `${key.text}${tail}`;
  const head = key.text.repeat(Math.ceil(key.length / key.text.length) + 1).slice(0, Math.max(0, key.length - tail.length));
  return `${head}${tail}`.slice(-key.length);
}

/** How many setup requests resolving `value` takes, about: one per kind (snippets' extra variations aside). */
export function setupEstimate(value: unknown): number {
  const found = new Set<object>();
  collect(value, found);
  const kinds = new Set([...found].map((p) => (p instanceof Ref ? (p.kind === 'variation' ? 'snippet' : p.kind) : p instanceof IdempotencyKey ? 'nonce' : '')));
  kinds.delete('');
  return kinds.size;
}
