// The `fetch` the client hands to openapi-fetch: everything that may send a
// request more than once lives here, under the middleware chain, because a
// middleware cannot re-send (openapi-fetch leaves retries out of its core).
// Per attempt: wait for the limiter, send with a timeout, then decide from
// the retry policy whether and how long to wait before the next attempt.
import { limits } from '../../generated/limits.js';
import { operations } from '../../generated/operations.js';
import { delay } from './delay.ts';
import { NetworkError, TimeoutError } from './errors.ts';
import type { EventHook } from './events.ts';
import type { RequestLimiter } from './limiter.ts';
import { retryAfterMs } from './retry-after.ts';
import { backoffMs, KEY_BLOCKED_CODE, mayRetryMethod, RETRYABLE_STATUSES, type RetryOptions, type RetryReason } from './retry-policy.ts';

export interface TransportOptions {
  fetch: typeof globalThis.fetch;
  /** Retry policy, or undefined for a single attempt. */
  retry: RetryOptions | undefined;
  limiter: RequestLimiter | undefined;
  /** Per attempt; 0 for none. */
  timeoutMs: number;
  onEvent: EventHook | undefined;
}

const operationIdOf = new Map(operations.map((op) => [`${op.method} ${op.path}`, op.operationId as string]));

/** The code and request id of an error answer, if it has the envelope. */
async function errorFacts(response: Response): Promise<{ code: string | undefined; requestId: string | undefined }> {
  const requestId = response.headers.get('x-request-id') ?? undefined;
  try {
    const body = (await response.clone().json()) as { code?: unknown; requestId?: unknown };
    return { code: typeof body.code === 'string' ? body.code : undefined, requestId: typeof body.requestId === 'string' ? body.requestId : requestId };
  } catch {
    return { code: undefined, requestId };
  }
}

export function createTransport(options: TransportOptions): (request: Request) => Promise<Response> {
  const emit = options.onEvent ?? (() => {});

  async function attempt(request: Request, path: string): Promise<Response> {
    if (options.timeoutMs <= 0) return options.fetch(request);
    const timeout = AbortSignal.timeout(options.timeoutMs);
    try {
      return await options.fetch(new Request(request, { signal: AbortSignal.any([request.signal, timeout]) }));
    } catch (error) {
      if (timeout.aborted && !request.signal.aborted) throw new TimeoutError(options.timeoutMs, request.method, path);
      throw error;
    }
  }

  return async function send(request: Request): Promise<Response> {
    const { method } = request;
    const path = new URL(request.url).pathname;
    const operationId = operationIdOf.get(`${method} ${path}`);
    const common = () => ({ method, path, operationId, time: Date.now() });
    const retry = options.retry;
    const started = Date.now();

    for (let attemptNumber = 1; ; attemptNumber++) {
      emit({ type: 'request', ...common(), attempt: attemptNumber });
      let response: Response | undefined;
      let failure: NetworkError | TimeoutError | undefined;
      try {
        await options.limiter?.acquire(request.signal);
        response = await attempt(request.clone(), path);
        options.limiter?.observe(response.headers);
      } catch (error) {
        if (request.signal.aborted) throw request.signal.reason;
        failure = error instanceof TimeoutError ? error : new NetworkError(`No answer from ${new URL(request.url).origin}: ${(error as Error).message}`, method, path, { cause: error });
      }

      if (response?.ok) {
        emit({ type: 'success', ...common(), attempt: attemptNumber, status: response.status, requestId: response.headers.get('x-request-id') ?? undefined, durationMs: Date.now() - started });
        return response;
      }

      const facts = response ? await errorFacts(response) : { code: undefined, requestId: undefined };
      let reason: RetryReason | undefined;
      let waitMs = 0;
      if (retry) {
        const askedMs = response ? retryAfterMs(response.headers.get('retry-after')) : undefined;
        if (failure) {
          reason = failure instanceof TimeoutError ? 'timeout' : 'network';
          waitMs = backoffMs(attemptNumber, retry);
        } else if (RETRYABLE_STATUSES.has(response!.status)) {
          reason = 'status';
          waitMs = askedMs ?? backoffMs(attemptNumber, retry);
        } else if (response!.status === 403 && facts.code === KEY_BLOCKED_CODE && retry.onKeyBlocked === 'wait') {
          reason = 'key-blocked';
          waitMs = askedMs ?? limits.keyBlockSeconds * 1000;
        }
      }
      const retryable =
        retry !== undefined &&
        reason !== undefined &&
        attemptNumber < retry.attempts &&
        mayRetryMethod(method, request.headers) &&
        // A wait longer than allowed is not shortened: the server asked for it.
        waitMs <= retry.maxDelayMs &&
        Date.now() + waitMs - started <= retry.deadlineMs;

      if (!retryable) {
        emit({
          type: 'failure',
          ...common(),
          attempt: attemptNumber,
          status: response?.status,
          code: facts.code,
          requestId: facts.requestId,
          durationMs: Date.now() - started,
          error: failure ? failure.kind : 'api',
        });
        if (failure) throw failure;
        return response!;
      }
      emit({ type: 'retry', ...common(), attempt: attemptNumber, reason: reason!, delayMs: waitMs, status: response?.status, code: facts.code, requestId: facts.requestId });
      await delay(waitMs, request.signal);
    }
  };
}
