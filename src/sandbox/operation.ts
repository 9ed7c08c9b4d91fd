// What a route handler receives and returns. Handlers run inside one store
// transaction (core/operations.ts), which also charges their cost to the
// workspace's quota or rolls everything back.
import type { Access } from './access.ts';
import { contract } from './contract.ts';
import { clipText } from './error-text.ts';
import { ApiError, type ErrorDetail } from './errors.ts';
import type { JsonText } from './json-text.ts';
import type { Principal } from './principal.ts';
import type { StoreTransaction } from './store/store.ts';
import type { ErrorCode } from '../../generated/error-catalog.js';

export interface OperationContext {
  principal: Principal;
  access: Access;
  query: Record<string, any>;
  body: any;
  /** The request's time as an ISO date-time. */
  at: string;
  tx: StoreTransaction;
}

export interface OperationResult {
  status: number;
  data: unknown;
  /** JsonText (like `data`) when already serialized. */
  metadata?: Record<string, unknown> | JsonText;
  /** Requests this call costs, charged only if it succeeds. */
  cost: number;
}

export type Handler = (ctx: OperationContext) => Promise<OperationResult>;

/** Per-item failure of a batch, in the code/message shape of an error body. */
export interface BatchItemError {
  index: number;
  id?: string;
  code: ErrorCode;
  message: string;
  details?: ErrorDetail[];
}

/** Runs `work` on each item; an ApiError fails that item alone, anything else fails the call. */
export async function eachItem<T, R>(items: T[], work: (item: T, index: number) => Promise<R>, idOf?: (item: T) => string) {
  const done: R[] = [];
  const errors: BatchItemError[] = [];
  for (const [index, item] of items.entries()) {
    try {
      done.push(await work(item, index));
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const id = idOf?.(item);
      errors.push({
        index,
        ...(id !== undefined && { id }),
        code: error.code,
        // Cut already to an error body's bound; the batch item's own bound is its schema's.
        message: clipText(error.message, contract().errorTextMax.batchItemMessage),
        ...(error.extras.details && { details: error.extras.details }),
      });
    }
  }
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
