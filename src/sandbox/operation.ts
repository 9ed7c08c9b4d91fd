// What a route handler receives and returns. Handlers are plain synchronous
// functions run inside one database transaction (see server.ts), which also
// charges their cost to the workspace's quota or rolls everything back.
import type { Access } from './access.ts';
import type { Db } from './database.ts';
import { ApiError, type ErrorDetail } from './errors.ts';
import type { JsonText } from './json-text.ts';
import type { Principal } from './principal.ts';
import type { GroupStore } from './store/groups.ts';
import type { SnippetReadCache } from './store/snippet-reads.ts';
import type { SnippetStore } from './store/snippets.ts';
import type { VariationStore } from './store/variations.ts';
import type { ErrorCode } from '../../generated/error-catalog.js';

export interface Stores {
  snippets: SnippetStore;
  /** getSnippet's serialized answers, committed state only; emptied before every operation that is not read-only. */
  snippetReads: SnippetReadCache;
  variations: VariationStore;
  folders: GroupStore;
  tags: GroupStore;
  /** Takes a deleted folder's snippets out of it. */
  unfileSnippets(folderId: string, at: string): number;
}

export interface OperationContext {
  principal: Principal;
  access: Access;
  query: Record<string, any>;
  body: any;
  /** The request's time as an ISO date-time. */
  at: string;
  stores: Stores;
  db: Db;
}

export interface OperationResult {
  status: number;
  data: unknown;
  /** JsonText (like `data`) when already serialized. */
  metadata?: Record<string, unknown> | JsonText;
  /** Requests this call costs, charged only if it succeeds. */
  cost: number;
}

export type Handler = (ctx: OperationContext) => OperationResult;

/** Per-item failure of a batch, in the code/message shape of an error body. */
export interface BatchItemError {
  index: number;
  id?: string;
  code: ErrorCode;
  message: string;
  details?: ErrorDetail[];
}

/** Runs `work` on each item; an ApiError fails that item alone, anything else fails the call. */
export function eachItem<T, R>(items: T[], work: (item: T, index: number) => R, idOf?: (item: T) => string) {
  const done: R[] = [];
  const errors: BatchItemError[] = [];
  items.forEach((item, index) => {
    try {
      done.push(work(item, index));
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const id = idOf?.(item);
      errors.push({
        index,
        ...(id !== undefined && { id }),
        code: error.code,
        message: error.message,
        ...(error.extras.details && { details: error.extras.details }),
      });
    }
  });
  return { done, errors };
}

/** The body of a batch write: 201/200 when every item succeeded, 207 with BATCH_PARTIAL_FAILURE otherwise. */
export function batchResult<R>(key: string, requested: number, done: R[], errors: BatchItemError[], allOkStatus: 200 | 201) {
  return {
    status: errors.length === 0 ? allOkStatus : 207,
    data: { [key]: done, errors },
    metadata: { requestedCount: requested, succeededCount: done.length, failedCount: errors.length },
    cost: done.length,
  };
}
