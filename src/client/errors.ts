// The client's error types. One base class carries everything the server
// said; one factory (`apiErrorFromBody`) picks the subclass from the catalog
// category of the code, so adding a code to openapi.yaml needs no code here.
// A code this version does not know (from a newer server) falls back on the
// HTTP status. It reads the codes' categories only: the catalog's texts stay
// out of a bundle that never shows them (see messages.ts).
import { errorCategoryOfCode, isErrorCode, type ErrorCategory, type ErrorCode, type ErrorCodeOfCategory } from '../../generated/error-codes.js';

/** `code` of an error whose code this version of the catalog does not know. */
export const UNKNOWN_CODE = 'UNKNOWN' as const;

export interface ErrorDetail {
  field: string;
  issue: string;
}

export interface ApiErrorInit {
  status: number;
  /** The code the server sent, known or not. */
  serverCode: string;
  message: string;
  requestId: string | undefined;
  method: string;
  path: string;
  /** Seconds to wait, from Retry-After. */
  retryAfter: number | undefined;
  usage: { remainingRequests: number; requiredRequests: number } | undefined;
  details: ErrorDetail[];
  /** `error` of the body: additional detail. */
  detail: string | undefined;
}

/** Base of every error the client returns or throws. */
export abstract class SnippetsError extends Error {
  abstract readonly kind: 'api' | 'network' | 'timeout' | 'invalid-response';
  constructor(
    message: string,
    readonly method: string,
    readonly path: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** A non-2xx answer of the API. */
export class SnippetsApiError extends SnippetsError {
  readonly kind = 'api' as const;
  readonly status: number;
  readonly code: ErrorCode | typeof UNKNOWN_CODE;
  readonly serverCode: string;
  readonly category: ErrorCategory | 'unknown';
  readonly requestId: string | undefined;
  readonly retryAfter: number | undefined;
  readonly usage: ApiErrorInit['usage'];
  readonly details: readonly ErrorDetail[];
  readonly detail: string | undefined;

  constructor(init: ApiErrorInit) {
    super(init.message, init.method, init.path);
    this.name = new.target.name;
    this.status = init.status;
    this.serverCode = init.serverCode;
    this.code = isErrorCode(init.serverCode) ? init.serverCode : UNKNOWN_CODE;
    this.category = this.code === UNKNOWN_CODE ? 'unknown' : errorCategoryOfCode[this.code];
    this.requestId = init.requestId;
    this.retryAfter = init.retryAfter;
    this.usage = init.usage;
    this.details = init.details;
    this.detail = init.detail;
  }

  override toString(): string {
    return `${this.name} ${this.status} ${this.serverCode}: ${this.message} (${this.method} ${this.path}${this.requestId ? `, request ${this.requestId}` : ''})`;
  }
}

type Narrowed<C extends ErrorCategory> = ErrorCodeOfCategory<C> | typeof UNKNOWN_CODE;

export class AuthenticationError extends SnippetsApiError {
  declare readonly code: Narrowed<'authentication'>;
}
export class ValidationError extends SnippetsApiError {
  declare readonly code: Narrowed<'validation'>;
}
export class PermissionError extends SnippetsApiError {
  declare readonly code: Narrowed<'permission'>;
}
export class QuotaError extends SnippetsApiError {
  declare readonly code: Narrowed<'quota'>;
}
export class NotFoundError extends SnippetsApiError {
  declare readonly code: Narrowed<'resource'>;
}
export class VariationError extends SnippetsApiError {
  declare readonly code: Narrowed<'variation'>;
}
export class BatchError extends SnippetsApiError {
  declare readonly code: Narrowed<'batch'>;
}
export class RateLimitError extends SnippetsApiError {
  declare readonly code: Narrowed<'rate_limit'>;
}
export class ServerError extends SnippetsApiError {
  declare readonly code: Narrowed<'server'>;
}

const CLASS_OF_CATEGORY: Record<ErrorCategory, new (init: ApiErrorInit) => SnippetsApiError> = {
  authentication: AuthenticationError,
  validation: ValidationError,
  permission: PermissionError,
  quota: QuotaError,
  resource: NotFoundError,
  variation: VariationError,
  batch: BatchError,
  rate_limit: RateLimitError,
  server: ServerError,
};

/** For a code this version does not know: the class its HTTP status suggests. */
function classOfStatus(status: number): new (init: ApiErrorInit) => SnippetsApiError {
  if (status === 401) return AuthenticationError;
  if (status === 403) return PermissionError;
  if (status === 404) return NotFoundError;
  if (status === 429) return RateLimitError;
  if (status >= 500) return ServerError;
  return ValidationError;
}

export function apiErrorFromBody(init: ApiErrorInit): SnippetsApiError {
  const ErrorClass = isErrorCode(init.serverCode) ? CLASS_OF_CATEGORY[errorCategoryOfCode[init.serverCode]] : classOfStatus(init.status);
  return new ErrorClass(init);
}

/** The request never got an answer: DNS, refused connection, reset ... */
export class NetworkError extends SnippetsError {
  readonly kind = 'network' as const;
  override name = 'NetworkError';
}

/** No answer within the per-attempt timeout. */
export class TimeoutError extends SnippetsError {
  readonly kind = 'timeout' as const;
  override name = 'TimeoutError';
  constructor(
    readonly timeoutMs: number,
    method: string,
    path: string,
  ) {
    super(`No answer within ${timeoutMs} ms`, method, path);
  }
}

/** An answer that is not the JSON the contract promises (an HTML error page from a proxy, say). */
export class InvalidResponseError extends SnippetsError {
  readonly kind = 'invalid-response' as const;
  override name = 'InvalidResponseError';
  constructor(
    message: string,
    readonly status: number,
    readonly contentType: string | null,
    /** The first 200 characters of the body (with the API key, should it be echoed, redacted). */
    readonly bodyStart: string,
    method: string,
    path: string,
    /** X-Request-Id of the answer, if it had one. */
    readonly requestId?: string,
  ) {
    super(message, method, path);
  }
}
