// The one way an error leaves the sandbox: an ApiError carrying a catalog
// code, turned into the ErrorResponse envelope by `errorBody`. The status
// comes from the catalog, never from the code that throws.
import { errorCatalog, errorCodes, type ErrorCode } from '../../generated/error-catalog.js';
import { contract } from './contract.ts';
import { clipText } from './error-text.ts';

export interface ErrorDetail {
  field: string;
  issue: string;
}

export interface ErrorExtras {
  /** Additional detail (`error` in the envelope). */
  error?: string;
  /** At most the contract's maxErrorDetails (validation.ts keeps to it). */
  details?: ErrorDetail[];
  /** How many more details there were than `details` lists. */
  omittedDetailCount?: number;
  usage?: { remainingRequests: number; requiredRequests: number };
  /** Seconds, sent as Retry-After. */
  retryAfter?: number;
  /** Extra response headers (Allow on 405). */
  headers?: Record<string, string>;
}

export class ApiError extends Error {
  readonly status: number;
  readonly extras: ErrorExtras;

  /** Texts longer than the contract's maxLength (some quote the request) are cut to it. */
  constructor(
    readonly code: ErrorCode,
    message: string = errorCatalog[code].summary,
    extras: ErrorExtras = {},
  ) {
    const max = contract().errorTextMax;
    super(clipText(message, max.message));
    this.name = 'ApiError';
    this.status = errorCatalog[code].status;
    const { error, details } = extras;
    this.extras = {
      ...extras,
      ...(error !== undefined && { error: clipText(error, max.error) }),
      ...(details && { details: details.map((d) => ({ field: clipText(d.field, max.field), issue: clipText(d.issue, max.issue) })) }),
    };
  }
}

export function errorBody(error: ApiError, requestId: string) {
  const { error: detail, details, omittedDetailCount, usage } = error.extras;
  return {
    success: false as const,
    code: error.code,
    message: error.message,
    ...(detail !== undefined && { error: detail }),
    requestId,
    ...(usage && { usage }),
    ...(details && details.length > 0 && { details }),
    ...(omittedDetailCount !== undefined && omittedDetailCount > 0 && { omittedDetailCount }),
  };
}

/** The catalog code a status stands for when it is injected or reported without one (429, 5xx, 207). */
export function codeForStatus(status: number): ErrorCode {
  return errorCodes.find((code) => errorCatalog[code].status === status)!;
}
