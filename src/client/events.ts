// What the client tells a monitoring hook. Events carry no headers and no
// bodies, so they can never carry the API key.
import type { ErrorCode } from '../../generated/error-codes.js';
import type { RetryReason } from './retry-policy.ts';

interface Common {
  method: string;
  /** The URL path, without query string. */
  path: string;
  /** The spec's operationId, when the path and method are one of its operations. */
  operationId: string | undefined;
  /** 1 for the first attempt. */
  attempt: number;
  /** When the event happened, ms since the epoch. */
  time: number;
}

export type ClientEvent =
  | (Common & { type: 'request' })
  | (Common & {
      type: 'retry';
      reason: RetryReason;
      delayMs: number;
      status: number | undefined;
      code: ErrorCode | string | undefined;
      requestId: string | undefined;
    })
  | (Common & { type: 'success'; status: number; requestId: string | undefined; durationMs: number })
  | (Common & {
      type: 'failure';
      status: number | undefined;
      code: ErrorCode | string | undefined;
      requestId: string | undefined;
      durationMs: number;
      /** What kind of failure: an API error answer, no answer, a timeout, an answer that is not the contract's JSON, or cancelled by the caller's AbortSignal. */
      error: 'api' | 'network' | 'timeout' | 'invalid-response' | 'aborted';
    });

export type EventHook = (event: ClientEvent) => void;
