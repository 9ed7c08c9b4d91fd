// Batch helpers: any number of items, sent in calls of at most
// maxBatchItems (from the spec's x-limits), with the per-item results,
// per-item errors (re-indexed to the caller's list) and counts merged.
// A call that fails as a whole (quota, rate limit after retries ...) stops
// the run: what was done so far is returned with the error.
import type { components } from '../../generated/openapi.js';
import { limits } from '../../generated/limits.js';
import type { SnippetsClient } from './client.ts';
import type { SnippetsError } from './errors.ts';

type Schemas = components['schemas'];

const WRITES = {
  createSnippets: { method: 'POST', path: '/api/prompts/snippets', key: 'snippets' },
  createFolders: { method: 'POST', path: '/api/prompts/folders', key: 'folders' },
  updateFolders: { method: 'PUT', path: '/api/prompts/folders', key: 'folders' },
  createTags: { method: 'POST', path: '/api/prompts/tags', key: 'tags' },
  updateTags: { method: 'PUT', path: '/api/prompts/tags', key: 'tags' },
} as const;

interface WriteTypes {
  createSnippets: [Schemas['CreateSnippetRequest'], Schemas['Snippet']];
  createFolders: [Schemas['CreateFolderRequest'], Schemas['Folder']];
  updateFolders: [Schemas['UpdateFoldersRequest']['folders'][number], Schemas['Folder']];
  createTags: [Schemas['CreateTagRequest'], Schemas['Tag']];
  updateTags: [Schemas['UpdateTagsRequest']['tags'][number], Schemas['Tag']];
}

const DELETES = {
  deleteSnippets: '/api/prompts/snippets',
  deleteFolders: '/api/prompts/folders',
  deleteTags: '/api/prompts/tags',
} as const;

export interface BatchRun {
  /** Calls made. */
  calls: number;
  /** What all calls cost together. */
  usageDeducted: number;
  /** The quota after the last successful call. */
  remainingRequests: number | undefined;
  /** The error that stopped the run, if one did. */
  error?: SnippetsError;
  /** How many items were not sent because of it. */
  unsent: number;
}

export interface MergedWrite<T> extends BatchRun {
  items: T[];
  /** Per-item errors, `index` counted in the list given to the helper. */
  errors: Schemas['BatchItemError'][];
  metadata: { requestedCount: number; succeededCount: number; failedCount: number };
}

function chunks<T>(items: readonly T[], size: number = limits.maxBatchItems): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size) out.push(items.slice(start, start + size));
  return out;
}

type LooseCall = (url: string, init: Record<string, unknown>) => Promise<{ data?: any; error?: SnippetsError }>;

/**
 * The loop every helper shares: one call per chunk (and per page of a
 * paged answer: a read whose `metadata.hasMore` asks for the next page with
 * its `nextCursor`), stopping at the first call that fails as a whole;
 * `merge` adds a call's answer to the result, `firstPage` false for the
 * chunk's later pages.
 */
async function inChunks<T, R extends BatchRun>(
  items: readonly T[],
  run: R,
  send: (chunk: T[], cursor?: string) => Promise<{ data?: any; error?: SnippetsError }>,
  merge: (data: any, offset: number, firstPage: boolean) => void,
): Promise<R> {
  let offset = 0;
  for (const chunk of chunks(items)) {
    let cursor: string | undefined;
    // Every page holds at least one item of the chunk, so a chunk has at most as many pages as items.
    for (let page = 0; page < chunk.length; page++) {
      const { data, error } = await send(chunk, cursor);
      run.calls++;
      if (error) {
        run.error = error;
        run.unsent = items.length - offset;
        return run;
      }
      merge(data, offset, page === 0);
      run.usageDeducted += data.usage.usageDeducted;
      run.remainingRequests = data.usage.remainingRequests;
      cursor = data.metadata?.hasMore ? (data.metadata.nextCursor as string) : undefined;
      if (!cursor) break;
    }
    offset += chunk.length;
  }
  return run;
}

const emptyRun = (): BatchRun => ({ calls: 0, usageDeducted: 0, remainingRequests: undefined, unsent: 0 });

/** Adds each count of `from` to `into`. */
function addCounts<C extends object>(into: C, from: C): void {
  const target = into as Record<string, number>;
  const source = from as Record<string, number>;
  for (const field of Object.keys(target)) target[field] = target[field]! + (source[field] ?? 0);
}

/** Creates or updates any number of snippets, folders or tags, 100 per call. */
export async function batchWrite<O extends keyof typeof WRITES>(
  client: SnippetsClient,
  operation: O,
  items: readonly WriteTypes[O][0][],
  init: { signal?: AbortSignal } = {},
): Promise<MergedWrite<WriteTypes[O][1]>> {
  const { method, path, key } = WRITES[operation];
  const send = client[method] as unknown as LooseCall;
  const merged: MergedWrite<WriteTypes[O][1]> = { ...emptyRun(), items: [], errors: [], metadata: { requestedCount: 0, succeededCount: 0, failedCount: 0 } };
  return inChunks(items, merged, (chunk) => send(path, { body: { [key]: chunk }, ...init }), (data, offset) => {
    merged.items.push(...data.data[key]);
    // Per-item errors count from the start of the caller's list, not of the chunk.
    merged.errors.push(...data.data.errors.map((e: Schemas['BatchItemError']) => ({ ...e, index: e.index + offset })));
    addCounts(merged.metadata, data.metadata);
  });
}

export interface MergedDelete extends BatchRun {
  deletedIds: string[];
  metadata: { requestedCount: number; deletedCount: number; missingCount: number };
}

/** Deletes any number of snippets, folders or tags by id, 100 per call. */
export async function batchDelete(client: SnippetsClient, operation: keyof typeof DELETES, ids: readonly string[], init: { signal?: AbortSignal } = {}): Promise<MergedDelete> {
  const send = client.DELETE as unknown as LooseCall;
  const merged: MergedDelete = { ...emptyRun(), deletedIds: [], metadata: { requestedCount: 0, deletedCount: 0, missingCount: 0 } };
  return inChunks(ids, merged, (chunk) => send(DELETES[operation], { params: { query: { ids: chunk } }, ...init }), (data) => {
    merged.deletedIds.push(...data.data.deletedIds);
    addCounts(merged.metadata, data.metadata);
  });
}

export interface MergedRead extends BatchRun {
  snippets: Schemas['Snippet'][];
  metadata: Omit<Schemas['SnippetListResponse']['metadata'], 'hasMore' | 'nextCursor'>;
}

/** Reads any number of snippets by id, 100 per call, following each call's pages. */
export async function batchGetSnippets(client: SnippetsClient, ids: readonly string[], init: { signal?: AbortSignal } = {}): Promise<MergedRead> {
  const send = client.GET as unknown as LooseCall;
  const merged: MergedRead = {
    ...emptyRun(),
    snippets: [],
    metadata: { requestedCount: 0, foundCount: 0, accessibleCount: 0, inaccessibleCount: 0, missingCount: 0 },
  };
  const query = (chunk: string[], cursor?: string) => ({ ids: chunk, ...(cursor !== undefined && { cursor }) });
  return inChunks(ids, merged, (chunk, cursor) => send('/api/prompts/snippets', { params: { query: query(chunk, cursor) }, ...init }), (data, _offset, firstPage) => {
    merged.snippets.push(...data.data);
    // Every page of a call repeats the counts of all its ids.
    if (firstPage) addCounts(merged.metadata, data.metadata);
  });
}
