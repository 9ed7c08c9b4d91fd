// The package's client entry point: what consuming teams import.
export { createSnippetsClient, type SnippetsClient, type SnippetsClientOptions, type SnippetsResult } from './client.ts';
export {
  SnippetsError,
  SnippetsApiError,
  AuthenticationError,
  ValidationError,
  PermissionError,
  QuotaError,
  NotFoundError,
  VariationError,
  BatchError,
  RateLimitError,
  ServerError,
  NetworkError,
  TimeoutError,
  InvalidResponseError,
  UNKNOWN_CODE,
  type ErrorDetail,
} from './errors.ts';
export { toUserMessage, type UserMessageOverrides } from './messages.ts';
export { RequestLimiter, type LimiterOptions } from './limiter.ts';
export { defaultRetryOptions, RETRYABLE_STATUSES, type RetryOptions, type RetryReason } from './retry-policy.ts';
export type { ClientEvent, EventHook } from './events.ts';
export { ErrorTracker, type ErrorCounts } from './error-tracker.ts';
export { pinoHook, type PinoLike } from './pino-hook.ts';
export { batchWrite, batchDelete, batchGetSnippets, type MergedWrite, type MergedDelete, type MergedRead, type BatchRun } from './batch.ts';
export { errorCatalog, isErrorCode, type ErrorCode, type ErrorCategory } from '../../generated/error-catalog.js';
