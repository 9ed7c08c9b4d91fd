// The `fetch` the client hands to openapi-fetch: everything that may send a
// request more than once lives here, under the middleware chain, because a
// middleware cannot re-send (openapi-fetch leaves retries out of its core).
// Per attempt: wait for the limiter, send with a timeout, then decide from
// the retry policy whether and how long to wait before the next attempt.
import { limits } from '../../generated/limits.js';
import { operations } from '../../generated/operations.js';
import { delay } from './delay.ts';
import { InvalidResponseError, NetworkError, TimeoutError } from './errors.ts';
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
  /** Removes the API key from text the client keeps (bodies it quotes in errors). */
  redact: (text: string) => string;
}

const operationIdOf = new Map(operations.map((op) => [`${op.method} ${op.path}`, op.operationId as string]));

function isJson(response: Response): boolean {
  return response.status === 204 || /^application\/(.+\+)?json\b/i.test(response.headers.get('content-type') ?? '');
}

/** An InvalidResponseError with the status, content type, request id and the start of the body. */
export async function invalidResponse(response: Response, method: string, path: string, redact: (text: string) => string) {
  const text = redact(await response.clone().text().catch(() => ''));
  const contentType = response.headers.get('content-type');
  return new InvalidResponseError(
    `Expected JSON from ${method} ${path}, got ${contentType ?? 'no content type'} with status ${response.status}`,
    response.status,
    contentType,
    text.slice(0, 200),
    method,
    path,
    response.headers.get('x-request-id') ?? undefined,
  );
}

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
        const requestId = response.headers.get('x-request-id') ?? undefined;
        // A success the client cannot read (an HTML page from a proxy) is a failure, reported with what is known.
        if (!isJson(response)) {
          const invalid = await invalidResponse(response, method, path, options.redact);
          emit({ type: 'failure', ...common(), attempt: attemptNumber, status: response.status, code: undefined, requestId, durationMs: Date.now() - started, error: 'invalid-response' });
          throw invalid;
        }
        emit({ type: 'success', ...common(), attempt: attemptNumber, status: response.status, requestId, durationMs: Date.now() - started });
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
        const unreadable = response && !isJson(response);
        emit({
          type: 'failure',
          ...common(),
          attempt: attemptNumber,
          status: response?.status,
          code: facts.code,
          requestId: facts.requestId,
          durationMs: Date.now() - started,
          error: failure ? failure.kind : unreadable ? 'invalid-response' : 'api',
        });
        if (failure) throw failure;
        // Not the contract's JSON error body (an HTML page from a proxy): say so with what is known.
        if (unreadable) throw await invalidResponse(response!, method, path, options.redact);
        return response!;
      }
      emit({ type: 'retry', ...common(), attempt: attemptNumber, reason: reason!, delayMs: waitMs, status: response?.status, code: facts.code, requestId: facts.requestId });
      await delay(waitMs, request.signal);
    }
  };
}
