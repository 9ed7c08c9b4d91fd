// What a scenario is and what it gets to work with. A scenario sends real
// requests with plain fetch (it must be able to send what a typed client
// refuses), and every answer goes through the checker with what the
// scenario expects.
import { checkExchange, type Expectation } from './check.ts';
import type { Exchange, Violation } from './exchange.ts';
import type { RoleName, Roles } from './roles.ts';
import { operationById } from './spec.ts';

export interface Request {
  /** The operation meant; its method and path come from the spec unless given. */
  operationId?: string;
  method?: string;
  path?: string;
  /** The key to send; `null` for none. Default: the main role's key. */
  key?: string | null;
  query?: Record<string, string>;
  /** A JSON body. */
  body?: unknown;
  /** A body sent as is (with the content type of `headers`). */
  rawBody?: string;
  headers?: Record<string, string>;
}

export interface ScenarioContext {
  roles: Roles;
  /** Sends a request and checks the answer against the contract and the expectation. */
  expect(request: Request, expectation: Expectation): Promise<Exchange>;
  /** Sends a request the scenario needs to succeed to go on (creating a snippet, say); checked as well. */
  setup(request: Request): Promise<any>;
  /** Ends the scenario as skipped, with the reason. */
  skip(reason: string): never;
  /** Records a violation the scenario itself found (nothing written, a sane Retry-After ...). */
  fail(violation: Omit<Violation, 'requestId'> & { requestId?: string }): void;
  /**
   * Sends a request and checks it like `expect`, but records nothing: what a
   * shrinker uses to try smaller versions of a failing request. Counted in
   * the run's requests (and its record), not in the scenario's verdict.
   */
  probe(request: Request, expectation: Expectation): Promise<{ exchange: Exchange; violations: Violation[] }>;
  /** The smallest request that shows the scenario's failure: the report prints it as a curl command (key redacted) and keeps it in JSON. */
  reproduce(request: Request): void;
}

export interface Scenario {
  /** Stable id: `category.name`. */
  id: string;
  title: string;
  category: string;
  /** What the scenario expects, for the summary: `401 AUTH_HEADER_MISSING`. */
  expected: string;
  /** Roles it cannot run without; missing ones make it skip. */
  needs: RoleName[];
  /** Scenarios that spend a key's allowance run last. */
  last?: boolean;
  /** `fixed` (written by hand, the default) or `generated` (from the spec, by `--generate`). */
  kind?: 'fixed' | 'generated';
  run(context: ScenarioContext): Promise<void>;
}

export class SkipScenario extends Error {}

/** A request that reached no server: the run cannot go on. */
export class ConnectionError extends Error {}

export interface Transport {
  baseUrl: string;
  fetch: typeof globalThis.fetch;
}

/** No answer within the per-request timeout. */
export class RequestTimedOut extends Error {}

/** The key a request is sent with: its own, or the main role's. */
export const keyOf = (roles: Roles, request: Request) => (request.key === undefined ? roles.main?.key : request.key) ?? undefined;

/** Sends one request, once; `signal` ends the wait (the per-request timeout, or the end of the run). */
export async function send(transport: Transport, roles: Roles, request: Request, signal?: AbortSignal): Promise<Exchange> {
  const operation = request.operationId ? operationById.get(request.operationId) : undefined;
  if (request.operationId && !operation) throw new Error(`unknown operationId ${request.operationId}`);
  const method = request.method ?? operation!.method;
  const path = request.path ?? operation!.path;
  const url = new URL(path, transport.baseUrl);
  for (const [name, value] of Object.entries(request.query ?? {})) url.searchParams.set(name, value);
  const key = keyOf(roles, request);
  const headers: Record<string, string> = {
    ...(key ? { authorization: `Bearer ${key}` } : {}),
    ...(request.body !== undefined ? { 'content-type': 'application/json' } : {}),
    ...request.headers,
  };
  const body = request.rawBody ?? (request.body !== undefined ? JSON.stringify(request.body) : undefined);
  const started = performance.now();
  const startedAt = new Date().toISOString();
  let response: Response;
  let text: string;
  try {
    response = await transport.fetch(url, { method, headers, ...(body !== undefined && { body }), ...(signal && { signal }) });
    text = await response.text();
  } catch (error) {
    if (signal?.aborted) throw signal.reason instanceof Error ? signal.reason : new RequestTimedOut(String(signal.reason));
    throw new ConnectionError(`cannot reach ${transport.baseUrl}: ${(error as Error & { cause?: Error }).cause?.message ?? (error as Error).message}`);
  }
  let json: unknown;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  return {
    operationId: operation?.operationId,
    method,
    path,
    status: response.status,
    headers: response.headers,
    text,
    json,
    durationMs: performance.now() - started,
    sent: { url: url.href, method, headers, ...(body !== undefined && { body }), startedAt },
  };
}

export { checkExchange };
