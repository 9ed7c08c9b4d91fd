// The sandbox core: the whole contract's behaviour, from a SandboxRequest
// (request.ts) to a SandboxAnswer, over a SandboxStore (store/store.ts). It
// knows nothing of Node, sockets or frameworks; the Node server (server.ts),
// the in-process fetch and MSW handlers are shells around it.
//
//   CORS        a preflight is answered before anything else looks at it
//   routing     the operation of (method, path); 404 or 405 otherwise
//   admission   for authenticated operations, before the body is read:
//               key, rate limit, then fault injection (Prefer)
//   body        decoded and parsed here (body.ts), size-limited, in its turn (turn-budget.ts)
//   validation  parameters and body against the spec, in the next turn, with the handler
//   operation   in one store transaction: idempotency replay, the handler,
//               the quota charge (operations.ts)
//   errors      every failure leaves through errorAnswer(), with a catalog code
import { errorCatalog } from '../../../generated/error-catalog.js';
import { Authenticator, keyBlocked, refuseRepeatedAuthorization } from '../auth.ts';
import { checkContentType, parseJson } from '../body.ts';
import { adjustableClock, type SandboxClock, type SharedClock } from '../clock.ts';
import { ClientGone } from '../client-gone.ts';
import { contract, type OperationInfo } from '../contract.ts';
import { corsPolicy, type CorsOrigins } from '../cors.ts';
import { ApiError, codeForStatus, errorBody } from '../errors.ts';
import { injectableStatus, parsePrefer } from '../faults.ts';
import type { Fixtures } from '../../fixtures/fixtures.ts';
import { databaseUnavailable } from '../health.ts';
import { ProcessLimits } from '../limits.ts';
import type { Principal } from '../principal.ts';
import { TurnBudget } from '../turn-budget.ts';
import { decodeQuery, validateBody, validateParameters } from '../validation.ts';
import type { Awaitable, KeyLimits, RateDecision, SandboxStore, StoredFixtures, StoreSnapshot } from '../store/store.ts';
import { seedFixtureResources } from './fixture-resources.ts';
import { prepareOperations, type Answered } from './operations.ts';
import { silentLog, type SandboxAnswer, type SandboxLog, type SandboxRequest } from './request.ts';

const JSON_TYPE = 'application/json; charset=utf-8';

export interface SandboxCoreOptions {
  store: SandboxStore;
  fixtures: Fixtures;
  /** The clock every time-based rule reads; a new one from Date.now when not given. */
  clock?: SandboxClock;
  /** Requests per key per window, unless a key's fixtures say otherwise. */
  rateLimit: number;
  /** Requests per key per window for every key, the fixtures' own limits included. */
  rateLimitForEveryKey?: number;
  rateWindowSeconds: number;
  /** Invalid attempts within the rate window that block a key. */
  blockThreshold: number;
  blockSeconds: number;
  /** Whether the Prefer header can inject faults and delays. */
  faultInjection: boolean;
  /** Origins whose pages may call the sandbox. */
  cors: CorsOrigins;
  /** SHA-256 of a text, as lower-case hex: API keys and idempotent requests are known by it. */
  sha256: (text: string) => string;
  /** A new request id (`req_…`). */
  newRequestId: () => string;
  /** Where the core logs what is not a request's answer (a lost database, a refused origin ...). */
  log?: SandboxLog;
}

/** What the fixtures became in a store: keys by hash (stores never see a key's text). */
export function storedFixtures(fixtures: Fixtures, sha256: (text: string) => string): StoredFixtures {
  return { ...fixtures, apiKeys: fixtures.apiKeys.map(({ key, ...rest }) => ({ ...rest, keyHash: sha256(key) })) };
}

export async function createSandboxCore(options: SandboxCoreOptions) {
  const spec = contract();
  const { store, sha256 } = options;
  const clock = options.clock ?? adjustableClock();
  // On a store that instances share, one clock for all of them (postgres/shared-clock.ts), whoever runs the core.
  const clockShare = store.shareClock ? await store.shareClock(shareable(clock)) : undefined;
  const log = options.log ?? silentLog;
  const windowMs = options.rateWindowSeconds * 1000;
  const cors = corsPolicy(options.cors, spec);
  const routes = new Map(spec.operations.map((operation) => [`${operation.method} ${operation.path}`, operation]));
  const turns = new TurnBudget();
  let fixtures = options.fixtures;

  // Rate windows, invalid attempts and blocks: the store's when it shares them between instances (which
  // its reset and restore empty), else this process's. Known keys and the teams are kept here. `let`: reset() starts them afresh.
  const limitSettings = { windowMs, blockThreshold: options.blockThreshold, blockMs: options.blockSeconds * 1000 };
  const sharedLimits = store.sharedLimits?.(limitSettings);
  let limits: KeyLimits;
  let authenticator: Authenticator;
  let teams: ReadonlyMap<string, string>;
  async function startAfresh(): Promise<void> {
    limits = sharedLimits ?? new ProcessLimits(limitSettings);
    await reloadKeysAndTeams();
  }

  /** Keys and teams read again (alone: another instance on the store changed them; its limits are the store's, and stay). */
  async function reloadKeysAndTeams(): Promise<void> {
    authenticator = new Authenticator(store, sha256, spec.keyPattern, limits, options.rateLimit, options.rateLimitForEveryKey);
    teams = await store.teamWorkspaces();
  }

  const seeded = await store.seed(storedFixtures(fixtures, sha256));
  // Every reset makes the fixtures' resources as this start did, timestamps included: a reset gives back the state of the start.
  const seededAt = new Date(clock.now()).toISOString();
  await seedFixtureResources(store, fixtures, seededAt);
  await startAfresh();
  await store.watchFixtures?.(() => {
    reloadKeysAndTeams().catch((error: unknown) => log.warn({ error: (error as Error).message }, 'keys and teams could not be read again'));
  });
  const operations = prepareOperations({ store, sha256, now: clock.now, teams: () => teams, limits: () => limits });

  function errorAnswer(error: ApiError, requestId: string, headers: Record<string, string> = { 'x-request-id': requestId }): SandboxAnswer {
    if (error.extras.retryAfter !== undefined) headers['retry-after'] = String(error.extras.retryAfter);
    Object.assign(headers, error.extras.headers);
    headers['content-type'] = JSON_TYPE;
    return { status: error.status, headers, body: JSON.stringify(errorBody(error, requestId)), code: error.code };
  }

  /** The answer to a request that matches no operation: 405 on a known path, 404 otherwise. */
  function unmatched(method: string, path: string): ApiError {
    const methods = spec.methodsByPath.get(path);
    if (methods) {
      return new ApiError('METHOD_NOT_ALLOWED', `${method} is not allowed on ${path}; use ${methods.join(', ')}`, { headers: { allow: methods.join(', ') } });
    }
    return new ApiError('ENDPOINT_NOT_FOUND', `No endpoint at ${method} ${path}`);
  }

  /**
   * Who is calling, and the count of the request against its key's limits
   * (block, rate window): known at once when this process keeps them, a
   * promise when the store does (settle() applies it).
   */
  async function admission(request: SandboxRequest): Promise<{ principal: Principal; decision: Awaitable<RateDecision> }> {
    refuseRepeatedAuthorization(request.authorizationCount ?? 1);
    const now = clock.now();
    const authorization = request.headers.authorization;
    const principal = await authenticator.authenticate(Array.isArray(authorization) ? authorization.join(', ') : authorization, now);
    return { principal, decision: limits.take(principal.keyHash, principal.rateLimit, now) };
  }

  /** A request's count applied: the rate-limit headers on the answer whatever follows, or the refusal. */
  function settle(window: RateDecision, principal: Principal, headers: Record<string, string>): void {
    if (window.blockedFor > 0) throw keyBlocked(window.blockedFor);
    headers['ratelimit-limit'] = String(window.limit);
    headers['ratelimit-remaining'] = String(window.remaining);
    headers['ratelimit-reset'] = String(window.resetSeconds);
    if (!window.allowed) {
      throw new ApiError('RATE_LIMIT_EXCEEDED', `Rate limit exceeded (${principal.rateLimit} requests per ${options.rateWindowSeconds} seconds)`, {
        retryAfter: window.resetSeconds,
      });
    }
  }

  /**
   * A read-only operation without a body or Prefer, run while the store still
   * counts the request (a store that shares the limits): its quota charge can
   * then go to the database with the count, in one round trip, and the store
   * makes it only if the count lets the request in. Answered as if it had
   * waited: the count's refusal first, then what validation says, then the
   * operation (whose answer a refusal drops).
   */
  async function runWhileCounted(
    operation: OperationInfo,
    request: SandboxRequest,
    principal: Principal,
    decision: Promise<RateDecision>,
    headers: Record<string, string>,
    rawQuery: string,
  ): Promise<Answered> {
    let parameters: Record<string, unknown>;
    try {
      parameters = decodeQuery(operation, request.query ?? parseQuery(rawQuery));
      if (operation.statuses.has(400)) validateParameters(operation, parameters, request.headers);
    } catch (invalid) {
      settle(await decision, principal, headers);
      throw invalid;
    }
    // Started at once, not in a turn of the budget: its charge must reach the database's round with the admission.
    const running = operations.run(operation, principal, parameters, undefined, undefined, decision);
    // Read below, or dropped with the request when the count refuses it.
    running.catch(() => {});
    settle(await decision, principal, headers);
    return running;
  }

  /** A fault the request asked for with Prefer (after its delay), or undefined. */
  async function injected(operation: OperationInfo, request: SandboxRequest, headers: Record<string, string>): Promise<ApiError | undefined> {
    const preferences = parsePrefer(request.headers.prefer);
    if (preferences.delayMs) await new Promise((resolve) => setTimeout(resolve, preferences.delayMs));
    const status = injectableStatus(preferences.code, operation.statuses);
    if (status === undefined) return undefined;
    headers['preference-applied'] = `code=${status}`;
    const code = codeForStatus(status);
    return new ApiError(code, `${errorCatalog[code].summary} (injected by Prefer: code=${status})`, {
      ...(operation.retryAfterStatuses.has(status) && { retryAfter: 1 }),
    });
  }

  async function readBody(operation: OperationInfo, request: SandboxRequest): Promise<unknown> {
    if (!operation.takesBody) return undefined;
    // No body at all is a missing body (400), whatever the Content-Type says.
    if (request.hasBody === false) return undefined;
    const contentType = request.headers['content-type'];
    checkContentType(Array.isArray(contentType) ? contentType[0] : contentType);
    const text = await request.text(spec.limits.maxBodyBytes);
    // The decoding and the parse in a turn of the budget (validation and the handler take the next): a burst of big bodies cannot hold the loop.
    return turns.run(() => parseJson(typeof text === 'function' ? text() : text, operation.maxBodyValues));
  }

  async function health(): Promise<string> {
    try {
      await store.check();
    } catch (error) {
      // The answer says which store is unreachable, not why (an address, a login); the log says why.
      log.warn({ store: store.kind, error: (error as Error).message }, 'health check failed');
      const message = error instanceof ApiError ? error.message : 'The sandbox cannot reach its database';
      throw databaseUnavailable(message, `The ${store.kind} store is unreachable`);
    }
    return JSON.stringify({ success: true, data: { status: 'ok', version: spec.version, store: store.kind } });
  }

  /**
   * Answers one request. Throws only ClientGone (the client left while its
   * body was read: nobody to answer); anything else becomes an answer.
   */
  async function handle(request: SandboxRequest, requestLog: SandboxLog = log): Promise<SandboxAnswer> {
    const requestId = request.id ?? options.newRequestId();
    const query = request.url.indexOf('?');
    const path = decodePath(query === -1 ? request.url : request.url.slice(0, query));
    const headers: Record<string, string> = { 'x-request-id': requestId };
    // A path that cannot be decoded cannot name an endpoint.
    if (path === undefined) return errorAnswer(new ApiError('ENDPOINT_NOT_FOUND', 'No endpoint at this path'), requestId, headers);
    const corsDecision = cors?.(request.method, path, request.headers, requestLog);
    if (corsDecision) {
      Object.assign(headers, corsDecision.headers);
      if (corsDecision.preflight) return { status: 204, headers, body: null };
    }
    const operation = routes.get(`${request.method} ${path}`);
    if (!operation) return errorAnswer(unmatched(request.method, path), requestId, headers);
    try {
      const admitted = operation.authenticated ? await admission(request) : undefined;
      const principal = admitted?.principal;
      const prefer = options.faultInjection && request.headers.prefer !== undefined;
      const rawQuery = query === -1 ? '' : request.url.slice(query + 1);
      let answer: Answered;
      if (admitted && admitted.decision instanceof Promise && operation.readOnly && !operation.takesBody && !prefer) {
        answer = await runWhileCounted(operation, request, principal!, admitted.decision, headers, rawQuery);
      } else {
        // Awaited only when there is something to wait for: a promise per step is a measurable share of a fast request.
        if (admitted) settle(admitted.decision instanceof Promise ? await admitted.decision : admitted.decision, principal!, headers);
        const fault = prefer ? await injected(operation, request, headers) : undefined;
        if (fault) return { ...errorAnswer(fault, requestId, headers), operation, injected: true };
        if (operation.operationId === 'getHealth') {
          return { status: 200, headers: { ...headers, 'content-type': JSON_TYPE }, body: await health(), operation };
        }
        const body = operation.takesBody ? await readBody(operation, request) : undefined;
        const parameters = decodeQuery(operation, request.query ?? parseQuery(rawQuery));
        const idempotencyKey = operation.idempotent ? request.headers['idempotency-key'] : undefined;
        const key = typeof idempotencyKey === 'string' ? idempotencyKey : undefined;
        // The validation and the handler take a turn of their own, apart from a body's decoding and parse
        // (readBody): a 1 MiB body full of errors is two steps of ~10 ms, not one of ~25.
        answer = await turns.run(() => {
          if (operation.statuses.has(400)) {
            validateParameters(operation, parameters, request.headers);
            validateBody(operation, body);
          }
          return operations.run(operation, principal!, parameters, body, key);
        });
      }
      if (answer.replayed) headers['idempotent-replayed'] = 'true';
      headers['content-type'] = JSON_TYPE;
      return { status: answer.status, headers, body: answer.body, operation };
    } catch (error) {
      if (error instanceof ClientGone) throw error;
      // An error the sandbox threw on purpose (an injected 500 among them) is an answer, not a failure.
      if (!(error instanceof ApiError)) requestLog.error({ err: error }, 'unexpected error');
      const apiError = error instanceof ApiError ? error : new ApiError('INTERNAL_ERROR', 'An unexpected error occurred');
      return { ...errorAnswer(apiError, requestId, headers), operation };
    }
  }

  return {
    spec,
    store,
    clock,
    /** What seeding the store at start took away (keys and teams no longer in the fixtures). */
    seeded,
    handle,
    errorAnswer,
    /** Runs `work` in a turn of the budget the requests' heavy steps share (turn-budget.ts). */
    inTurn: <T>(work: () => T): Promise<T> => turns.run(work),
    /**
     * Starts again from the fixtures (these, or new ones): every resource,
     * stored idempotent answer and spent quota is gone, and so are rate
     * windows, invalid attempts and blocks; the fixtures' own resources are
     * made again. Two steps, not one transaction: a store failing between
     * them leaves the fixtures' resources missing until the next reset.
     */
    async reset(next: { fixtures?: Fixtures } = {}): Promise<void> {
      const seedFrom = next.fixtures ?? fixtures;
      await store.reset(storedFixtures(seedFrom, sha256));
      await seedFixtureResources(store, seedFrom, seededAt);
      fixtures = seedFrom;
      await startAfresh();
    },
    /** Settles once the clock's latest move is stored for the other instances on the store (at once on a store of one process). */
    clockSettled: (): Promise<void> => clockShare?.settled() ?? Promise.resolve(),
    /** The store's whole state (not the rate windows and blocks, which are the clock's business). */
    snapshot: (): Promise<StoreSnapshot> => Promise.resolve(store.snapshot()),
    async restore(snapshot: StoreSnapshot): Promise<void> {
      await store.restore(snapshot);
      await startAfresh();
    },
    close: () => Promise.resolve(store.close()),
  };
}

export type SandboxCore = Awaited<ReturnType<typeof createSandboxCore>>;

/** A clock other instances can follow and move: the sandbox's own (clock.ts adjustableClock), not one of the caller's making. */
function shareable(clock: SandboxClock): SharedClock {
  if (typeof (clock as Partial<SharedClock>).follow === 'function' && typeof (clock as Partial<SharedClock>).offsetMs === 'function') return clock as SharedClock;
  throw new TypeError('This store is shared by several sandbox instances, which keep one clock: give no clock (or one made by adjustableClock()), not a clock of your own');
}

/** The path with its percent-escapes decoded (`/%61pi` is `/api`), those of reserved characters kept; undefined when malformed. */
function decodePath(raw: string): string | undefined {
  if (!raw.includes('%')) return raw;
  try {
    return decodeURI(raw);
  } catch {
    return undefined;
  }
}

/** A query string as an object; a parameter given more than once, as an array of its values (validation.ts joins them). */
function parseQuery(text: string): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = Object.create(null);
  if (text === '') return result;
  for (const [name, value] of new URLSearchParams(text)) {
    const before = result[name];
    if (before === undefined) result[name] = value;
    else if (Array.isArray(before)) before.push(value);
    else result[name] = [before, value];
  }
  return result;
}
