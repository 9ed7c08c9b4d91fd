// What every success answer of a generated request must also hold, beyond
// its schema: the counts in `metadata` agree with the items in `data`, the
// quota falls by exactly the operation's documented `x-request-cost`, and a
// created or updated resource holds what was sent. Each is read from the
// spec: the cost formula and what its letters count from the operation's
// description ("N is the number of snippets returned"), the meaning of a
// count from its name or description ("The snippets on this page.").
import type { Exchange, Violation } from '../exchange.ts';
import type { Request } from '../scenario.ts';
import { batchParameter, batchProperty, resolve, type OperationModel } from './spec-model.ts';

type Json = any;

const show = (value: unknown) => (value === undefined ? '(absent)' : JSON.stringify(value));

/** The items of `noun` in an answer's data: the list itself, a list property of that name, or such lists in each item. */
export function countItems(data: Json, noun: string, verb?: string): number | undefined {
  if (verb === 'deleted' && Array.isArray(data?.deletedIds)) return data.deletedIds.length;
  if (Array.isArray(data)) {
    const nested = data.length > 0 && data.every((item) => Array.isArray(item?.[noun]));
    return nested ? data.reduce((sum, item) => sum + item[noun].length, 0) : data.length;
  }
  if (data && Array.isArray(data[noun])) return data[noun].length;
  return undefined;
}

const termsOf = new WeakMap<OperationModel, Map<string, { noun: string; verb?: string }>>();

/** The letters of an operation's cost and what each counts: "N is the number of snippets returned" -> N: snippets, returned. */
export function costTerms(op: OperationModel): Map<string, { noun: string; verb?: string }> {
  const known = termsOf.get(op);
  if (known) return known;
  const terms = new Map<string, { noun: string; verb?: string }>();
  termsOf.set(op, terms);
  for (const match of op.description.matchAll(/\b([A-Z])(?: is)? the number of (.+?)(?= and |, |\.|\n|$)/g)) {
    const words = match[2]!.trim().split(/\s+/);
    const verb = ['returned', 'created', 'deleted', 'updated'].includes(words.at(-1)!) ? words.pop() : undefined;
    terms.set(match[1]!, { noun: words.join(' '), ...(verb && { verb }) });
  }
  return terms;
}

/** What a success answer documents it cost (`x-request-cost` evaluated on its own data), or undefined when the spec does not say enough. */
export function documentedCost(op: OperationModel, json: Json): number | undefined {
  if (op.cost === undefined) return undefined;
  const terms = costTerms(op);
  let total = 0;
  for (const term of op.cost.split('+').map((t) => t.trim())) {
    if (/^\d+$/.test(term)) total += Number(term);
    else {
      const meaning = terms.get(term);
      const count = meaning && countItems(json?.data, meaning.noun, meaning.verb);
      if (count === undefined) return undefined;
      total += count;
    }
  }
  return total;
}

/**
 * The quota as a sequence of answers sees it: each success takes exactly
 * its documented cost from what the one before left (failed calls cost
 * nothing, so they do not move it). One chain per key; it holds only while
 * nobody else spends the workspace's quota, which a verifier's own server is.
 */
export class QuotaChain {
  private readonly remaining = new Map<string, number>();

  observe(key: string, op: OperationModel, exchange: Pick<Exchange, 'status' | 'json'>, requestId?: string): Violation[] {
    const usage = (exchange.json as Json)?.usage;
    if (exchange.status >= 300 || typeof usage?.remainingRequests !== 'number') return [];
    const found: Violation[] = [];
    const cost = documentedCost(op, exchange.json);
    const add = (at: string, expected: string, actual: unknown) => found.push({ operationId: op.operationId, at, expected, actual: show(actual), requestId });
    if (cost !== undefined && usage.usageDeducted !== cost) add('/usage/usageDeducted', `${cost} (x-request-cost ${op.cost} for this answer)`, usage.usageDeducted);
    const before = this.remaining.get(key);
    if (before !== undefined && cost !== undefined && usage.remainingRequests !== before - cost) {
      add('/usage/remainingRequests', `${before - cost} (${before} before this call, less its cost ${cost})`, usage.remainingRequests);
    }
    this.remaining.set(key, usage.remainingRequests);
    return found;
  }

  /** What the chain last saw for `key`. */
  last(key: string): number | undefined {
    return this.remaining.get(key);
  }

  /** Forgets `key` (after requests the chain did not see, such as a shrinker's probes). */
  forget(key: string): void {
    this.remaining.delete(key);
  }
}

const distinct = (values: unknown): number | undefined => (typeof values === 'string' ? new Set(values.split(',').map((v) => v.trim())).size : undefined);

/** Count metadata against the items of the answer (and of the request). */
export function countViolations(op: OperationModel, request: Request, exchange: Exchange): Violation[] {
  const json = exchange.json as Json;
  if (exchange.status >= 300 || !json || typeof json.metadata !== 'object' || json.metadata === null) return [];
  const { data, metadata } = json;
  const found: Violation[] = [];
  const requestId = exchange.headers.get('x-request-id') ?? undefined;
  const check = (name: string, ok: boolean, expected: string) => {
    if (!ok) found.push({ operationId: op.operationId, at: `/metadata/${name}`, expected, actual: show(metadata[name]), requestId });
  };
  const properties: Record<string, Json> = resolve(resolve(op.responses.get(exchange.status))?.properties?.metadata)?.properties ?? {};
  const has = (...names: string[]) => names.every((n) => n in properties && typeof metadata[n] === 'number');
  const firstPage = !request.query?.cursor;
  const lastPage = metadata.hasMore === false;

  // "The snippets on this page.": that many items.
  for (const [name, property] of Object.entries(properties)) {
    const noun = /^The (\w+) on this page\.?$/.exec(resolve(property).description ?? '')?.[1];
    const count = noun ? countItems(data, noun) : undefined;
    if (count === undefined || typeof metadata[name] !== 'number') continue;
    check(name, metadata[name] === count, `${count} (the ${noun} in data)`);
    const limit = Number(request.query?.limit);
    if (Number.isInteger(limit)) check(name, count <= limit, `at most limit=${limit} ${noun}`);
  }
  // A batch: what was asked, what succeeded (the items in data), what failed (data.errors).
  const items = batchProperty(op);
  if (has('requestedCount', 'succeededCount', 'failedCount') && items) {
    const asked = (request.body as Json)?.[items];
    if (Array.isArray(asked)) check('requestedCount', metadata.requestedCount === asked.length, `${asked.length} (the items sent)`);
    if (Array.isArray(data?.[items])) check('succeededCount', metadata.succeededCount === data[items].length, `${data[items].length} (data.${items})`);
    if (Array.isArray(data?.errors)) check('failedCount', metadata.failedCount === data.errors.length, `${data.errors.length} (data.errors)`);
    check('requestedCount', metadata.succeededCount + metadata.failedCount === metadata.requestedCount, `succeededCount + failedCount (${metadata.succeededCount + metadata.failedCount})`);
  }
  const ids = batchParameter(op);
  const asked = ids && distinct(request.query?.[ids.name]);
  // A delete by ids: deleted (data.deletedIds) and missing make up what was asked.
  if (has('requestedCount', 'deletedCount', 'missingCount')) {
    if (asked !== undefined) check('requestedCount', metadata.requestedCount === asked, `${asked} (the distinct ids sent)`);
    if (Array.isArray(data?.deletedIds)) check('deletedCount', metadata.deletedCount === data.deletedIds.length, `${data.deletedIds.length} (data.deletedIds)`);
    check('missingCount', metadata.deletedCount + metadata.missingCount === metadata.requestedCount, `requestedCount - deletedCount (${metadata.requestedCount - metadata.deletedCount})`);
  }
  // A read by ids: found is accessible and inaccessible, asked is found and missing, and the pages hold the accessible ones.
  if (has('requestedCount', 'foundCount', 'accessibleCount', 'inaccessibleCount', 'missingCount')) {
    if (asked !== undefined) check('requestedCount', metadata.requestedCount === asked, `${asked} (the distinct ids sent)`);
    check('foundCount', metadata.foundCount === metadata.accessibleCount + metadata.inaccessibleCount, `accessibleCount + inaccessibleCount (${metadata.accessibleCount + metadata.inaccessibleCount})`);
    check('missingCount', metadata.foundCount + metadata.missingCount === metadata.requestedCount, `requestedCount - foundCount (${metadata.requestedCount - metadata.foundCount})`);
    if (Array.isArray(data)) {
      if (firstPage && lastPage) check('accessibleCount', metadata.accessibleCount === data.length, `${data.length} (every accessible snippet, on this only page)`);
      else check('accessibleCount', metadata.accessibleCount >= data.length, `at least ${data.length} (the items on this page)`);
    }
  }
  // "Records matching the date bounds, on this page or any other."
  if (has('totalRecords') && Array.isArray(data)) {
    if (firstPage && lastPage) check('totalRecords', metadata.totalRecords === data.length, `${data.length} (every record, on this only page)`);
    else check('totalRecords', metadata.totalRecords >= data.length, `at least ${data.length} (the records on this page)`);
  }
  // A snippet's summary.
  if (has('totalVariations') && Array.isArray(data?.variations)) check('totalVariations', metadata.totalVariations === data.variations.length, `${data.variations.length} (data.variations)`);
  if (has('tagsAttached') && Array.isArray(data?.tagIds)) check('tagsAttached', metadata.tagsAttached === data.tagIds.length, `${data.tagIds.length} (data.tagIds)`);
  // Paging: a next cursor exactly when more follows.
  if ('hasMore' in properties && typeof metadata.hasMore === 'boolean') {
    check('nextCursor', metadata.hasMore === (typeof metadata.nextCursor === 'string'), metadata.hasMore ? 'a cursor, since hasMore is true' : 'null, since hasMore is false');
  }
  return found.map((v) => ({ ...v, requestId }));
}

/** Canonical JSON: the same text for the same value, whatever the order of its keys. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

/** A list of ids is a set (`tagIds` replaces the tags; no order is promised): compared sorted. */
const comparable = (value: unknown) => canonical(Array.isArray(value) && value.every((v) => typeof v === 'string') ? [...value].sort() : value);

/** A created or updated resource holds each property as it was sent (strings byte for byte: no trimming, truncation or normalisation). */
export function echoViolations(op: OperationModel, request: Request, exchange: Exchange): Violation[] {
  const json = exchange.json as Json;
  if (exchange.status >= 300 || exchange.status === 207 || !json?.data || (op.method !== 'POST' && op.method !== 'PUT')) return [];
  const body = request.body as Json;
  if (!body || typeof body !== 'object') return [];
  const requestId = exchange.headers.get('x-request-id') ?? undefined;
  const pairs: Array<[Json, Json, string]> = [];
  const items = batchProperty(op);
  if (items && Array.isArray(body[items]) && Array.isArray(json.data[items])) {
    body[items].forEach((item: Json, i: number) => pairs.push([item, json.data[items][i], `/data/${items}/${i}`]));
  } else if (!items) pairs.push([body, json.data, '/data']);
  const found: Violation[] = [];
  for (const [sent, got, at] of pairs) {
    if (!sent || !got || typeof got !== 'object') continue;
    for (const [name, value] of Object.entries(sent)) {
      if (!(name in got) || name === 'id') continue;
      if (comparable(value) !== comparable(got[name])) {
        found.push({ operationId: op.operationId, at: `${at}/${name}`, expected: `${show(value)} (as sent)`, actual: show(got[name]), requestId });
      }
    }
  }
  return found;
}
