// User-facing messages: the catalog's message for the code, overridable per
// code, with a fallback for codes from a newer server and for failures that
// never reached the API. The one module of the client that loads the
// catalog's texts (error-catalog.js): a bundle without toUserMessage has none.
import { errorCatalog, isErrorCode, type ErrorCategory, type ErrorCode } from '../../generated/error-catalog.js';
import { SnippetsApiError, SnippetsError, UNKNOWN_CODE } from './errors.ts';

export type UserMessageOverrides = Partial<Record<ErrorCode, string>> & {
  /** For a code this version does not know, by the HTTP status's category. */
  fallback?: string;
  /** For no answer at all (network failure, timeout). */
  unreachable?: string;
};

const FALLBACK_BY_CATEGORY: Record<ErrorCategory | 'unknown', string> = {
  authentication: 'Your Snippets connection needs attention. Please check your settings.',
  validation: 'Some of the information entered could not be accepted. Please check it and try again.',
  permission: 'You do not have permission to do that.',
  quota: 'Your workspace has run out of Snippets requests.',
  resource: 'That item could not be found.',
  variation: 'That version of the snippet could not be changed.',
  batch: 'Some items could not be saved.',
  rate_limit: 'Too many requests right now. Please wait a moment and try again.',
  server: 'Something went wrong on our side. Please try again in a moment.',
  unknown: 'Something went wrong. Please try again.',
};

const UNREACHABLE = 'The Snippets service could not be reached. Please check your connection and try again.';

/**
 * What to show an end user for `error`: a typed error of the client, or a
 * per-item error of a batch (`{ index, code, message }`). Never the server's
 * technical message.
 */
export function toUserMessage(error: unknown, overrides: UserMessageOverrides = {}): string {
  if (!(error instanceof SnippetsError) && typeof (error as { code?: unknown } | null)?.code === 'string') {
    const code = (error as { code: string }).code;
    return isErrorCode(code) ? (overrides[code] ?? errorCatalog[code].userMessage) : (overrides.fallback ?? FALLBACK_BY_CATEGORY.unknown);
  }
  if (error instanceof SnippetsApiError) {
    if (error.code !== UNKNOWN_CODE) return overrides[error.code] ?? errorCatalog[error.code].userMessage;
    if (overrides.fallback) return overrides.fallback;
    const byStatus: ErrorCategory | 'unknown' =
      error.status === 401 ? 'authentication' : error.status === 403 ? 'permission' : error.status === 404 ? 'resource' : error.status === 429 ? 'rate_limit' : error.status >= 500 ? 'server' : error.status >= 400 ? 'validation' : 'unknown';
    return FALLBACK_BY_CATEGORY[byStatus];
  }
  if (error instanceof SnippetsError && (error.kind === 'network' || error.kind === 'timeout')) return overrides.unreachable ?? UNREACHABLE;
  return overrides.fallback ?? FALLBACK_BY_CATEGORY.unknown;
}
