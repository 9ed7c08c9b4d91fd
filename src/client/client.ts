// createSnippetsClient: an openapi-fetch client typed by the generated
// `paths`, with behaviour added around it: the transport (retries, limiter,
// timeout) as its `fetch`, the key and idempotency keys as middleware, and
// errors turned into the typed errors of errors.ts. Nothing here restates an
// operation: paths, parameters and bodies are checked by the types alone.
import { redactDeep, redactorOf } from './redact.ts';
import { checkApiKey, checkLimiter, checkRetry, checkTimeout } from './checked-options.ts';
import createClient, { type Client, type FetchOptions, type FetchResponse, type ParseAs } from 'openapi-fetch';
import type { FilterKeys, HttpMethod, IsOperationRequestBodyOptional, OperationRequestBodyContent, PathsWithMethod, RequiredKeysOf } from 'openapi-typescript-helpers';
import type { paths } from '../../generated/openapi.js';
import { apiErrorFromBody, InvalidResponseError, SnippetsError } from './errors.ts';
import type { EventHook } from './events.ts';
import type { RequestLimiter } from './limiter.ts';
import { PlannedRequest } from './planned-request.ts';
import { retryAfterMs } from './retry-after.ts';
import { defaultRetryOptions, type RetryOptions } from './retry-policy.ts';
import { createTransport, invalidResponse } from './transport.ts';

export interface SnippetsClientOptions {
  /** The server, e.g. `http://127.0.0.1:4010` (paths start with /api/prompts). */
  baseUrl: string;
  apiKey: string;
  /** Retry policy; `false` for a single attempt. */
  retry?: Partial<RetryOptions> | false;
  /**
   * Client-side request queuing; off unless given: `new RequestLimiter()` (the spec's rate limit) or
   * `new RequestLimiter({ limit, windowMs })`; share one between the clients of a key.
   */
  limiter?: RequestLimiter;
  /** Per-attempt timeout in ms, from sending to the last byte of the answer's body; 0 for none. Default 30 s. */
  timeoutMs?: number;
  /** Receives request, retry, success and failure events (see events.ts). */
  onEvent?: EventHook;
  /** The fetch to send with (default: globalThis.fetch). */
  fetch?: typeof globalThis.fetch;
}

// The init of a call is the operation's own options type, not a type inferred
// from the argument as openapi-fetch does: an inferred init only has to fit
// its constraint, which an all-optional body (every update) fits whatever it
// holds. A declared parameter type gets TypeScript's excess-property check, so
// a misspelt field is a compile error. The body is the spec's schema as is:
// openapi-fetch's Writable<> (which strips readOnly markers, none in this
// spec) adds `& {}` to it, and that hides it from the weak-type check that
// refuses `body: 5` for a schema whose fields are all optional.
type Operation<Path extends keyof paths, M extends HttpMethod> = FilterKeys<paths[Path], M>;
type Body<Op> = OperationRequestBodyContent<Op>;
type BodyOption<Op> = [Body<Op>] extends [never] ? { body?: never } : IsOperationRequestBodyOptional<Op> extends true ? { body?: Body<Op> } : { body: Body<Op> };
type OperationInit<Path extends keyof paths, M extends HttpMethod> = Omit<FetchOptions<Operation<Path, M>>, 'body'> & BodyOption<Operation<Path, M>>;
type InitParam<Init> = RequiredKeysOf<Init> extends never ? [init?: Init] : [init: Init];
type Data<T, Init> = T extends Record<string | number, any> ? NonNullable<FetchResponse<T, Init, `${string}/${string}`>['data']> : never;

/** openapi-fetch's `{ data, error, response }`, with `error` one of the client's typed errors. */
export type SnippetsResult<T, Init> =
  | { data: Data<T, Init>; error?: never; response: Response }
  | { data?: never; error: SnippetsError; response: Response | undefined };

// `As` carries `parseAs` (json unless given) to the type of `data`.
type Method<M extends HttpMethod> = <Path extends PathsWithMethod<paths, M>, As extends ParseAs = 'json'>(
  url: Path,
  ...init: InitParam<OperationInit<Path, M> & { parseAs?: As }>
) => Promise<SnippetsResult<paths[Path][M], { parseAs: As }>>;

type ThrowingMethod<M extends HttpMethod> = <Path extends PathsWithMethod<paths, M>, As extends ParseAs = 'json'>(
  url: Path,
  ...init: InitParam<OperationInit<Path, M> & { parseAs?: As }>
) => Promise<Data<paths[Path][M], { parseAs: As }>>;

export interface SnippetsClient {
  GET: Method<'get'>;
  POST: Method<'post'>;
  PUT: Method<'put'>;
  DELETE: Method<'delete'>;
  /** The same calls, returning `data` and throwing the typed error instead. */
  throwing: { GET: ThrowingMethod<'get'>; POST: ThrowingMethod<'post'>; PUT: ThrowingMethod<'put'>; DELETE: ThrowingMethod<'delete'> };
  /** The underlying openapi-fetch client, for middleware of your own (`raw.use(...)`). */
  raw: Client<paths>;
  /** The limiter in use, if any. */
  limiter: RequestLimiter | undefined;
}

/** Turns what openapi-fetch returned for a non-2xx answer into a typed error. */
async function toClientError(request: { method: string; path: string }, response: Response, body: unknown, redact: (text: string) => string): Promise<SnippetsError> {
  const { method, path } = request;
  const envelope = body as { code?: unknown; message?: unknown; requestId?: unknown; usage?: any; details?: any; error?: unknown } | null;
  if (envelope && typeof envelope === 'object' && typeof envelope.code === 'string' && typeof envelope.message === 'string') {
    const retryMs = retryAfterMs(response.headers.get('retry-after'));
    const requestId = typeof envelope.requestId === 'string' ? envelope.requestId : (response.headers.get('x-request-id') ?? undefined);
    return apiErrorFromBody({
      status: response.status,
      serverCode: redact(envelope.code),
      message: redact(envelope.message),
      requestId: requestId === undefined ? undefined : redact(requestId),
      method,
      path,
      retryAfter: retryMs === undefined ? undefined : Math.ceil(retryMs / 1000),
      usage: redactDeep(envelope.usage, redact),
      details: Array.isArray(envelope.details) ? redactDeep(envelope.details, redact) : [],
      detail: typeof envelope.error === 'string' ? redact(envelope.error) : undefined,
    });
  }
  return invalidResponse(response, method, path, redact);
}

/** The base URL, checked once: a typo would otherwise surface on every call as a misleading network error. */
function checkedBaseUrl(baseUrl: unknown): string {
  let url: URL | undefined;
  try {
    url = typeof baseUrl === 'string' ? new URL(baseUrl) : undefined;
  } catch {
    // reported below
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new TypeError(`createSnippetsClient: baseUrl must be an absolute http(s) URL such as "http://127.0.0.1:4010", got ${JSON.stringify(baseUrl)}`);
  }
  // fetch refuses such URLs on every request; the key goes in `apiKey`.
  if (url.username || url.password) throw new TypeError('createSnippetsClient: baseUrl must not contain a user name or password; the API key goes in `apiKey`');
  return baseUrl as string;
}

export function createSnippetsClient(options: SnippetsClientOptions): SnippetsClient {
  const baseUrl = checkedBaseUrl(options.baseUrl);
  checkApiKey(options.apiKey);
  const retry = options.retry === false ? undefined : { ...defaultRetryOptions, ...options.retry };
  if (retry) checkRetry(retry);
  checkLimiter(options.limiter);
  const limiter = options.limiter;
  // The key must never reach what the client keeps or reports, even when a server echoes it.
  const redact = redactorOf(options.apiKey);
  const timeoutMs = options.timeoutMs ?? 30_000;
  checkTimeout(timeoutMs);
  const transport = createTransport({
    redact,
    fetch: options.fetch ?? globalThis.fetch.bind(globalThis),
    retry,
    limiter,
    timeoutMs,
    onEvent: options.onEvent,
  });
  const raw = createClient<paths>({
    baseUrl,
    // A header of the client, not a middleware: cheaper, and the same on every request.
    headers: { authorization: `Bearer ${options.apiKey}` },
    fetch: transport,
    // The spec's list parameters (ids, variationIds) are comma-separated: style form, explode false.
    querySerializer: { array: { style: 'form', explode: false } },
  });
  // Until a middleware of the user's is registered, nothing but the transport sees what openapi-fetch
  // builds for a call, so it builds a PlannedRequest (see planned-request.ts) instead of a Request.
  // Once one is, every call builds a real Request, for good: middleware may keep or compare requests.
  let plan = true;
  const use = raw.use;
  raw.use = (...middleware) => {
    plan = false;
    use(...middleware);
  };
  const planned = { Request: PlannedRequest as unknown as typeof Request };

  function call<M extends 'GET' | 'POST' | 'PUT' | 'DELETE'>(method: M) {
    return async (url: string, init?: Record<string, unknown>) => {
      const where = { method, path: url };
      const callerSignal = init?.signal as AbortSignal | undefined;
      try {
        // A call's own middleware, fetch, Request class or base URL (checked by no one) gets what openapi-fetch normally builds.
        const plannable = plan && init?.middleware === undefined && init?.fetch === undefined && init?.Request === undefined && init?.baseUrl === undefined;
        const result = await (raw[method] as (u: string, i?: unknown) => Promise<{ data?: unknown; error?: unknown; response: Response }>)(
          url,
          plannable ? (init ? { ...init, ...planned } : planned) : init,
        );
        if (result.error !== undefined) return { error: await toClientError(where, result.response, result.error, redact), response: result.response };
        return result;
      } catch (error) {
        if (error instanceof SnippetsError) return { error, response: undefined };
        if ((error as Error)?.name === 'AbortError' || callerSignal?.aborted) throw error;
        // A JSON content type with a body that does not parse.
        return { error: new InvalidResponseError(`Unreadable answer from ${method} ${url}: ${redact((error as Error).message)}`, 0, null, '', method, url), response: undefined };
      }
    };
  }

  function throwing<M extends 'GET' | 'POST' | 'PUT' | 'DELETE'>(method: M) {
    const send = call(method);
    return async (url: string, init?: Record<string, unknown>) => {
      const result = await send(url, init);
      if (result.error !== undefined) throw result.error;
      return (result as { data: unknown }).data;
    };
  }

  return {
    GET: call('GET') as unknown as Method<'get'>,
    POST: call('POST') as unknown as Method<'post'>,
    PUT: call('PUT') as unknown as Method<'put'>,
    DELETE: call('DELETE') as unknown as Method<'delete'>,
    throwing: {
      GET: throwing('GET') as unknown as ThrowingMethod<'get'>,
      POST: throwing('POST') as unknown as ThrowingMethod<'post'>,
      PUT: throwing('PUT') as unknown as ThrowingMethod<'put'>,
      DELETE: throwing('DELETE') as unknown as ThrowingMethod<'delete'>,
    },
    raw,
    limiter,
  };
}
