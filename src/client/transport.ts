// The `fetch` the client hands to openapi-fetch: everything that may send a
// request more than once lives here, under the middleware chain, because a
// middleware cannot re-send (openapi-fetch leaves retries out of its core).
// Per attempt: wait for the limiter, send with a timeout, then decide from
// the retry policy whether and how long to wait before the next attempt.
import { limits } from '../../generated/limits.js';
// Not crypto.randomUUID alone: a page served over plain http from another host than localhost has none.
import { randomUuid } from '../portable/uuid.ts';
import { operations } from '../../generated/operations.js';
import { delay } from './delay.ts';
import { InvalidResponseError, NetworkError, TimeoutError } from './errors.ts';
import type { ClientEvent, EventHook } from './events.ts';
import type { RequestLimiter } from './limiter.ts';
import { PlannedRequest } from './planned-request.ts';
import { retryAfterMs } from './retry-after.ts';
import {
  backoffMs,
  defaultRetryOptions,
  IDEMPOTENCY_HEADER,
  KEY_BLOCKED_CODE,
  mayRetryRequest,
  NOT_PROCESSED_STATUSES,
  RETRYABLE_STATUSES,
  surelyNotSent,
  type RetryOptions,
  type RetryReason,
} from './retry-policy.ts';

export interface TransportOptions {
  fetch: (input: Request | string, init?: RequestInit) => Promise<Response>;
  /** Retry policy, or undefined for a single attempt. */
  retry: RetryOptions | undefined;
  limiter: RequestLimiter | undefined;
  /** Per attempt, from sending to the last byte of the answer's body; 0 for none. */
  timeoutMs: number;
  onEvent: EventHook | undefined;
  /** Removes the API key from text the client keeps (bodies it quotes in errors). */
  redact: (text: string) => string;
}

/** The scheme and authority of a URL, without building a URL object (which would throw on a bad one). */
function originOf(url: string): string {
  const end = url.indexOf('/', url.indexOf('//') + 2);
  return end < 0 ? url : url.slice(0, end);
}

/** The path of a URL, without building a URL object. */
function pathOf(url: string): string {
  const start = url.indexOf('/', url.indexOf('//') + 2);
  const end = url.search(/[?#]/);
  return start < 0 ? '/' : url.slice(start, end < 0 ? undefined : end);
}

const operationOf = new Map(operations.map((op) => [`${op.method} ${op.path}`, op]));

/** What one attempt gave. */
interface Outcome {
  attemptNumber: number;
  response: Response | undefined;
  failure: NetworkError | TimeoutError | undefined;
  facts: { code: string | undefined; requestId: string | undefined };
}

/** The limiter's refusal of a wait past its bound (never seen outside this file). */
const TOO_LONG = Symbol('limiter wait too long');

/**
 * The longest a call may wait for the limiter before an attempt: what is
 * left of the deadline with retry; without, timeoutMs, or the default
 * deadline when there is no timeout either. Never unbounded.
 */
function limiterBoundMs(retry: RetryOptions | undefined, timeoutMs: number, elapsedMs: number): number {
  if (retry) return Math.max(0, retry.deadlineMs - elapsedMs);
  return timeoutMs > 0 ? timeoutMs : defaultRetryOptions.deadlineMs;
}

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

/** Statuses whose Response must have a null body (the Fetch standard's null body statuses). */
const NULL_BODY_STATUSES: ReadonlySet<number> = new Set([204, 205, 304]);

/** The answer with its body read in full, as a Response over the bytes read. */
async function readWhole(answer: Promise<Response>): Promise<Response> {
  const response = await answer;
  const bytes = NULL_BODY_STATUSES.has(response.status) ? null : await response.arrayBuffer();
  return new Response(bytes, { status: response.status, statusText: response.statusText, headers: response.headers });
}

export function createTransport(options: TransportOptions): (request: Request | PlannedRequest) => Promise<Response> {
  const hook = options.onEvent;

  /**
   * Hands one attempt to fetch. A planned request goes as its URL and init,
   * which fetch turns into one Request; a real one is copied by fetch. A
   * body can be read once, so each attempt sends a clone of a request with
   * one, naming the signal: a clone follows the original's signal only
   * weakly in undici (nodejs/undici#4068), and after a garbage collection
   * the caller's abort would no longer reach it.
   */
  function sendOnce(request: Request | PlannedRequest, init: RequestInit | undefined): Promise<Response> {
    if (request instanceof PlannedRequest) return options.fetch(request.url, init ? { ...request.init, ...init } : request.init);
    if (request.body === null) return init ? options.fetch(request, init) : options.fetch(request);
    return options.fetch(request.clone(), { signal: request.signal, ...init });
  }

  /**
   * One attempt, with the timeout covering the whole answer: the wait for
   * its headers and the reading of its body. The body is read here, under
   * the same timer, and openapi-fetch gets a Response built from the bytes
   * read; a server that sends its headers and then stalls fails with a
   * TimeoutError after timeoutMs instead of holding the call. The attempt's
   * signal goes to fetch in the init, so that the Request fetch builds
   * follows it alone (one signal followed per attempt); aborting it stops
   * the sending and the body read alike, and closes the connection. A real
   * Request's own signal follows the caller's; the caller's abort reaches
   * the attempt through a listener on it. A planned request has no caller's
   * signal (it is never planned with one). The race settles the attempt on
   * time even with a fetch of the caller's that ignores the signal.
   */
  async function attempt(request: Request | PlannedRequest, path: string): Promise<Response> {
    if (options.timeoutMs <= 0) return sendOnce(request, undefined);
    const controller = new AbortController();
    const caller = request instanceof PlannedRequest ? undefined : request.signal;
    const onCallerAbort = () => controller.abort(caller!.reason);
    if (caller) {
      if (caller.aborted) throw caller.reason;
      caller.addEventListener('abort', onCallerAbort, { once: true });
    }
    let timeout: ReturnType<typeof setTimeout> | undefined;
    const expired = new Promise<never>((_, reject) => {
      timeout = setTimeout(() => {
        const error = new TimeoutError(options.timeoutMs, request.method, path);
        controller.abort(error);
        reject(error);
      }, options.timeoutMs);
    });
    try {
      return await Promise.race([readWhole(sendOnce(request, { signal: controller.signal })), expired]);
    } catch (error) {
      // A timeout the caller's abort overtook is the caller's abort.
      if (controller.signal.reason instanceof TimeoutError && !caller?.aborted) throw controller.signal.reason;
      throw error;
    } finally {
      clearTimeout(timeout);
      // The attempt is over: the caller's abort has nothing left to stop here.
      caller?.removeEventListener('abort', onCallerAbort);
      // The race's loser must not become an unhandled rejection.
      expired.catch(() => {});
    }
  }

  return async function send(request: Request | PlannedRequest): Promise<Response> {
    const { method } = request;
    const path = pathOf(request.url);
    const operation = operationOf.get(`${method} ${path}`);
    const operationId = operation?.operationId;
    const common = () => ({ method, path, operationId, time: Date.now() });
    // Events are built only when someone listens.
    const emit = (make: () => ClientEvent) => hook?.(make());
    const retry = options.retry;
    const started = Date.now();

    // Follows the caller's signal, if any (openapi-fetch gave the caller's init to the Request).
    const callerSignal = request instanceof PlannedRequest ? undefined : request.signal;
    const cancelled = () => callerSignal?.aborted === true;
    // A POST is retried only under an Idempotency-Key, so that a retry never creates twice: one the caller
    // gave, or one added here, before the first attempt, so that every attempt carries the same.
    if (retry && method === 'POST' && !request.headers.has(IDEMPOTENCY_HEADER)) request.headers.set(IDEMPOTENCY_HEADER, randomUuid());

    /** Ends the call with what an attempt gave: the answer (openapi-fetch makes it the typed error) or a thrown failure. */
    async function finish(outcome: Outcome): Promise<Response> {
      const { attemptNumber, response, failure, facts } = outcome;
      const unreadable = response && !isJson(response);
      emit(() => ({
        type: 'failure',
        ...common(),
        attempt: attemptNumber,
        status: response?.status,
        code: facts.code,
        requestId: facts.requestId,
        durationMs: Date.now() - started,
        error: failure ? failure.kind : unreadable ? 'invalid-response' : 'api',
      }));
      if (failure) throw failure;
      // Not the contract's JSON error body (an HTML page from a proxy): say so with what is known.
      if (unreadable) throw await invalidResponse(response!, method, path, options.redact);
      return response!;
    }

    const aborted = (attemptNumber: number, outcome?: Outcome) => {
      emit(() => ({ type: 'failure', ...common(), attempt: attemptNumber, status: outcome?.response?.status, code: outcome?.facts.code, requestId: outcome?.facts.requestId, durationMs: Date.now() - started, error: 'aborted' }));
      return callerSignal?.reason;
    };

    let previous: Outcome | undefined;
    for (let attemptNumber = 1; ; attemptNumber++) {
      emit(() => ({ type: 'request', ...common(), attempt: attemptNumber }));
      if (options.limiter && !options.limiter.tryAcquire()) {
        // The wait for a turn counts against the deadline (with retry) or timeoutMs (without); see limiterBoundMs.
        const boundMs = limiterBoundMs(retry, options.timeoutMs, Date.now() - started);
        try {
          await options.limiter.acquire(callerSignal, boundMs, () => TOO_LONG);
        } catch (reason) {
          if (reason !== TOO_LONG) throw aborted(attemptNumber, previous) ?? reason;
          // What the last attempt gave is the truer answer than a wait that ran out.
          if (previous) return finish(previous);
          const failure = new TimeoutError(boundMs, method, path);
          return finish({ attemptNumber, response: undefined, failure, facts: { code: undefined, requestId: undefined } });
        }
      }
      let response: Response | undefined;
      let failure: NetworkError | TimeoutError | undefined;
      let notSent = false;
      try {
        response = await attempt(request, path);
        options.limiter?.observe(response.headers);
      } catch (error) {
        if (cancelled()) throw aborted(attemptNumber);
        notSent = !(error instanceof TimeoutError) && surelyNotSent(error);
        failure = error instanceof TimeoutError ? error : new NetworkError(`No answer from ${originOf(request.url)}: ${(error as Error).message}`, method, path, { cause: error });
      }

      if (response?.ok) {
        const requestId = response.headers.get('x-request-id') ?? undefined;
        // A success the client cannot read (an HTML page from a proxy) is a failure, reported with what is known.
        if (!isJson(response)) {
          const invalid = await invalidResponse(response, method, path, options.redact);
          emit(() => ({ type: 'failure', ...common(), attempt: attemptNumber, status: response.status, code: undefined, requestId, durationMs: Date.now() - started, error: 'invalid-response' }));
          throw invalid;
        }
        emit(() => ({ type: 'success', ...common(), attempt: attemptNumber, status: response.status, requestId, durationMs: Date.now() - started }));
        return response;
      }

      const facts = response ? await errorFacts(response) : { code: undefined, requestId: undefined };
      const outcome: Outcome = { attemptNumber, response, failure, facts };
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
      // A wait longer than allowed is not shortened, nor slept: the server asked for it, and the call
      // fails at once with the server's answer, whose retryAfter says how long it asked.
      const withinLimits = (policy: RetryOptions) => waitMs <= policy.maxDelayMs && Date.now() + waitMs - started <= policy.deadlineMs;
      const notProcessed = notSent || (response !== undefined && NOT_PROCESSED_STATUSES.has(response.status));
      const retryable =
        retry !== undefined &&
        reason !== undefined &&
        attemptNumber < retry.attempts &&
        mayRetryRequest(method, request.headers, operation?.idempotent === true, notProcessed) &&
        withinLimits(retry);

      if (!retryable) return finish(outcome);
      emit(() => ({ type: 'retry', ...common(), attempt: attemptNumber, reason: reason!, delayMs: waitMs, status: response?.status, code: facts.code, requestId: facts.requestId }));
      try {
        await delay(waitMs, callerSignal);
      } catch (reasonOfAbort) {
        aborted(attemptNumber, outcome);
        throw reasonOfAbort;
      }
      previous = outcome;
    }
  };
}
