// The reference sandbox: a Fastify server that implements openapi.yaml on
// SQLite. Routes, documented statuses, limits and codes come from the spec
// (generated/); this file wires the request pipeline:
//
//   onRequest   request id, then for authenticated operations: key, rate
//               limit, and fault injection (Prefer), before the body is read
//   body        read by body.ts (JSON only, size- and time-limited)
//   handler     parameters and body validated against the spec, then, in
//               the event-loop turn's group commit (group-commit.ts): the
//               idempotency replay (the key's own, if it may still use the
//               teams) and the operation in one savepoint that also
//               charges its cost to the quota; answered once committed
//   errors      every failure leaves through errorBody(), with a catalog code;
//               a client that went away (client-gone.ts) is logged, not answered
//
// Every wait on a client is bounded (timeouts.ts).
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import Fastify, { LogController, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { errorCatalog, type ErrorCode } from '../../generated/error-catalog.js';
import { Access, prepareAccessStatements } from './access.ts';
import { Authenticator, refuseRepeatedAuthorization } from './auth.ts';
import { readJsonBody } from './body.ts';
import { adjustableClock, type SandboxClock } from './clock.ts';
import { registerCors } from './cors.ts';
import { injectFetch } from './inject-fetch.ts';
import { TurnBudget } from './turn-budget.ts';
import { ClientGone } from './client-gone.ts';
import { contract, type OperationInfo } from './contract.ts';
import { openDatabase, type Db } from './database.ts';
import { registerDocsSite } from './docs-site.ts';
import { GroupCommit } from './group-commit.ts';
import { successJson } from './envelope.ts';
import { ApiError, codeForStatus, errorBody } from './errors.ts';
import { injectableStatus, parsePrefer } from './faults.ts';
import { watchDatabaseFile } from './database-file.ts';
import { prepareHealthCheck } from './health.ts';
import { DEMO_FIXTURES_PATH, readFixtures } from '../fixtures/fixtures.ts';
import { prepareSeeder, seedFixtures } from './seed.ts';
import { prepareIdempotencyStore, requestHash } from './idempotency.ts';
import { InvalidAttemptBlocker, RateLimiter, type WindowState } from './limits.ts';
import type { Handler, OperationContext, Stores } from './operation.ts';
import { defaultOptions, type SandboxOptions } from './options.ts';
import type { Principal } from './principal.ts';
import { groupHandlers } from './routes/groups.ts';
import { snippetHandlers } from './routes/snippets.ts';
import { variationHandlers } from './routes/variations.ts';
import { serverTimeouts } from './timeouts.ts';
import { decodeQuery, validateBody, validateParameters } from './validation.ts';
import { prepareGroupStore } from './store/groups.ts';
import { SnippetReadCache } from './store/snippet-reads.ts';
import { prepareSnippetStore } from './store/snippets.ts';
import { prepareVariationStore } from './store/variations.ts';

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
    errorCode?: string;
    /** The status a `Prefer: code=` asked for, when the sandbox answered it. */
    injectedStatus?: number;
  }
  interface FastifyContextConfig {
    operation?: OperationInfo;
  }
}

export interface Sandbox {
  app: FastifyInstance;
  db: Db;
  /** getSnippet's read cache, for tests of its bounds (`bytes`). */
  snippetReads: SnippetReadCache;
  /** `http://host:port`, once listening. */
  url: string;
  /** The sandbox as a fetch function, without a network (inject-fetch.ts); works before `listen()` too. */
  fetch: typeof globalThis.fetch;
  /** The clock every time-based rule reads: `advance(ms)` and `set(time)` move it forward (clock.ts). */
  clock: SandboxClock;
  /** Starts again from the fixtures, or from another fixtures file: data, quota, rate windows and blocks. */
  reset(next?: { fixtures?: string }): void;
  close(): Promise<void>;
}

const handlers: Record<string, Handler> = { ...snippetHandlers, ...variationHandlers, ...groupHandlers };

/** Maps anything thrown while handling a request to an ApiError. */
function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const fastifyError = error as { code?: string; statusCode?: number };
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new ApiError('UNSUPPORTED_MEDIA_TYPE', 'Content-Type must be application/json');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new ApiError('PAYLOAD_TOO_LARGE');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new ApiError('BODY_INVALID_JSON', 'The request body does not match its Content-Length');
  }
  return new ApiError('INTERNAL_ERROR', 'An unexpected error occurred');
}

function setRateLimitHeaders(reply: FastifyReply, state: WindowState): void {
  reply.header('ratelimit-limit', state.limit);
  reply.header('ratelimit-remaining', state.remaining);
  reply.header('ratelimit-reset', state.resetSeconds);
}

export function createSandbox(overrides: Partial<SandboxOptions> = {}): Omit<Sandbox, 'url'> & { listen(): Promise<Sandbox> } {
  const clock = adjustableClock(overrides.now ?? defaultOptions.now);
  const options: SandboxOptions = { ...defaultOptions, ...overrides, now: clock.now };
  const spec = contract();
  // Fixtures first: a bad file must not leave a new database behind.
  let fixtures = readFixtures(options.fixtures ?? DEMO_FIXTURES_PATH, spec.keyPattern);
  const db = openDatabase(options.db);
  let seeded;
  try {
    seeded = seedFixtures(db, fixtures);
  } catch (error) {
    db.close();
    throw error;
  }

  const windowMs = options.rateWindowSeconds * 1000;
  // What the sandbox keeps in memory about keys: rate windows, invalid attempts and blocks, known keys. `let`: reset() starts them afresh.
  let rateLimiter = new RateLimiter(windowMs);
  let blocker = new InvalidAttemptBlocker(windowMs, options.blockThreshold, options.blockSeconds * 1000);
  let authenticator = new Authenticator(db, spec.keyPattern, blocker, options.rateLimit, options.rateLimitForEveryKey);
  const accessStatements = prepareAccessStatements(db);
  const idempotency = prepareIdempotencyStore(db, spec.limits.idempotencyKeyHours);
  const variations = prepareVariationStore(db);
  const unfile = db.prepare('UPDATE snippets SET folder_id = NULL, updated_at = ? WHERE folder_id = ?');
  const stores: Stores = {
    variations,
    snippets: prepareSnippetStore(db, variations),
    snippetReads: new SnippetReadCache(db),
    folders: prepareGroupStore(db, 'folders'),
    tags: prepareGroupStore(db, 'tags'),
    unfileSnippets: (folderId, at) => unfile.run(at, folderId).changes,
  };
  const remainingOf = db.prepare<[string], { remaining_requests: number }>('SELECT remaining_requests FROM workspaces WHERE id = ?');
  // One statement charges the cost and says what remains, or changes nothing when the quota cannot pay.
  // Plucked: the number itself, without a row object per request.
  const spend = db
    .prepare<[number, string, number], number>(
      'UPDATE workspaces SET remaining_requests = remaining_requests - ? WHERE id = ? AND remaining_requests >= ? RETURNING remaining_requests',
    )
    .pluck();
  const checkHealth = prepareHealthCheck(db, spec.version);

  const app = Fastify({
    // At `silent` no logger at all: pino would write nothing, but Fastify would still build a child logger per request.
    logger:
      options.logLevel === 'silent'
        ? false
        : {
            level: options.logLevel,
            // Times a person can read; logs are the one place the sandbox reads the wall clock rather than its own.
            timestamp: () => `,"time":"${new Date().toISOString()}"`,
            ...(options.logStream && { stream: options.logStream }),
          },
    // One log line per request, written by the onResponse hook below.
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: () => `req_${randomUUID().replace(/-/g, '')}`,
    requestIdHeader: false,
    exposeHeadRoutes: false,
    return503OnClosing: false,
    bodyLimit: spec.limits.maxBodyBytes,
    ...serverTimeouts(options),
    // Malformed HTTP never reaches a route: answer it in the envelope all the same.
    clientErrorHandler(error, socket) {
      // Headers (or a whole request) not received in time: no status of the contract says "too slow", so the connection is closed unanswered.
      if ((error as NodeJS.ErrnoException).code === 'ERR_HTTP_REQUEST_TIMEOUT') {
        app.log.info({ reason: 'request timeout' }, 'client too slow');
        return void socket.destroy();
      }
      if (!socket.writable) return void socket.destroy();
      const apiError = new ApiError('PARAMETER_INVALID', 'The request is not valid HTTP', { error: error.message });
      const requestId = `req_${randomUUID().replace(/-/g, '')}`;
      const body = JSON.stringify(errorBody(apiError, requestId));
      // An answer to HEAD has no body, even this one.
      const head = (error as unknown as { rawPacket?: Buffer }).rawPacket?.subarray(0, 5).toString('latin1') === 'HEAD ';
      socket.end(
        `HTTP/1.1 400 Bad Request\r\nContent-Type: application/json; charset=utf-8\r\nX-Request-Id: ${requestId}\r\n` +
          `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${head ? '' : body}`,
      );
    },
    // A path that cannot be decoded cannot name an endpoint.
    frameworkErrors(_error, request, reply) {
      void sendError(request, reply, new ApiError('ENDPOINT_NOT_FOUND', 'No endpoint at this path'));
    },
  });

  // Once at start: what the fixtures took away from an existing database (seed.ts).
  if (seeded.revokedKeys > 0 || seeded.removedTeams > 0) {
    app.log.info(seeded, 'fixtures: keys and teams no longer in the fixtures file are revoked');
  }

  function sendError(request: FastifyRequest, reply: FastifyReply, error: ApiError) {
    request.errorCode = error.code;
    // Set here too: framework errors (an undecodable path) skip the onRequest hooks.
    reply.header('x-request-id', request.id);
    if (error.extras.retryAfter !== undefined) reply.header('retry-after', error.extras.retryAfter);
    for (const [name, value] of Object.entries(error.extras.headers ?? {})) reply.header(name, value);
    return reply.code(error.status).type('application/json; charset=utf-8').send(errorBody(error, request.id));
  }

  // First: a preflight is answered before anything else looks at the request.
  registerCors(app, options.cors, spec);

  // Hooks take `done` rather than being async: a promise per hook is a measurable share of a fast request.
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    // Fastify refuses a malformed Content-Type before any handler runs; a request without a body to read must not care.
    if (!request.routeOptions.config.operation?.takesBody) delete request.headers['content-type'];
    done();
  });

  // No request log at all when logging is off: the hook costs a measurable share of a fast request.
  if (options.logLevel !== 'silent') app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      {
        operationId: request.routeOptions.config.operation?.operationId ?? null,
        method: request.method,
        // The path only: query values may hold ids and other things a log should not keep.
        path: request.url.split('?', 1)[0],
        route: request.routeOptions.url ?? null,
        status: reply.statusCode,
        code: request.errorCode ?? null,
        ...(request.injectedStatus !== undefined && { injected: true }),
        durationMs: Math.round(reply.elapsedTime * 10) / 10,
      },
      'request',
    );
  });

  /** The answer to a request that matches no operation: 405 on a known path, 404 otherwise. */
  function unmatched(request: FastifyRequest): ApiError {
    const path = request.url.split('?')[0]!;
    const methods = spec.methodsByPath.get(path);
    if (methods) {
      return new ApiError('METHOD_NOT_ALLOWED', `${request.method} is not allowed on ${path}; use ${methods.join(', ')}`, {
        headers: { allow: methods.join(', ') },
      });
    }
    return new ApiError('ENDPOINT_NOT_FOUND', `No endpoint at ${request.method} ${path}`);
  }

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof ClientGone) {
      request.log.info(
        {
          operationId: request.routeOptions.config.operation?.operationId ?? null,
          method: request.method,
          route: request.routeOptions.url ?? null,
          reason: error.reason,
          error: error.message,
        },
        error.reason === 'aborted' ? 'client aborted' : 'client too slow',
      );
      // Nobody is left to answer, or the client was too slow to deserve one: the connection ends here.
      reply.hijack();
      request.raw.socket.destroy();
      return;
    }
    // A request that matches no operation gets 404 or 405 whatever Fastify objected to on the way (its body, its method).
    if (!request.routeOptions.config.operation && !(error instanceof ApiError)) return sendError(request, reply, unmatched(request));
    const apiError = toApiError(error);
    // An error the sandbox threw on purpose (an injected 500 among them) is an answer, not a failure.
    if (apiError.code === 'INTERNAL_ERROR' && !(error instanceof ApiError)) request.log.error({ err: error }, 'unexpected error');
    return sendError(request, reply, apiError);
  });

  app.setNotFoundHandler((request, reply) => sendError(request, reply, unmatched(request)));

  const turns = new TurnBudget();
  // Bodies are read only by operations that take one (body.ts); the others ignore what was sent.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (request: FastifyRequest, payload: IncomingMessage) => {
    const operation = request.routeOptions.config.operation;
    if (!operation?.takesBody) return Promise.resolve(undefined);
    return readJsonBody(payload, request.headers['content-type'], spec.limits.maxBodyBytes, options.bodyTimeoutSeconds * 1000, operation.maxBodyValues, (work) => turns.run(work));
  });

  /** Before the body is read: who is calling, whether they may, and any injected fault. */
  function admit(operation: OperationInfo, request: FastifyRequest, reply: FastifyReply, done: (error?: Error) => void): void {
    const now = options.now();
    try {
      if (operation.authenticated) {
        refuseRepeatedAuthorization(request.raw.rawHeaders);
        const principal = authenticator.authenticate(request.headers.authorization, now);
        const { allowed, retryAfterSeconds, state } = rateLimiter.take(principal.keyHash, principal.rateLimit, now);
        setRateLimitHeaders(reply, state);
        if (!allowed) {
          throw new ApiError('RATE_LIMIT_EXCEEDED', `Rate limit exceeded (${principal.rateLimit} requests per ${options.rateWindowSeconds} seconds)`, {
            retryAfter: retryAfterSeconds,
          });
        }
        request.principal = principal;
      }
    } catch (error) {
      return done(error as Error);
    }
    if (!options.faultInjection || request.headers.prefer === undefined) return done();
    const preferences = parsePrefer(request.headers.prefer);
    const injected = injectableStatus(preferences.code, operation.statuses);
    const finish = () => {
      if (injected === undefined) return done();
      reply.header('preference-applied', `code=${injected}`);
      request.injectedStatus = injected;
      const code = codeForStatus(injected);
      done(
        new ApiError(code, `${errorCatalog[code].summary} (injected by Prefer: code=${injected})`, {
          ...(operation.retryAfterStatuses.has(injected) && { retryAfter: 1 }),
        }),
      );
    };
    if (preferences.delayMs) setTimeout(finish, preferences.delayMs);
    else finish();
  }

  function decodeAndValidate(operation: OperationInfo, request: FastifyRequest) {
    const query = decodeQuery(operation, request.query as Record<string, string>);
    if (operation.statuses.has(400)) {
      validateParameters(operation, query, request.headers);
      validateBody(operation, request.body);
    }
    return query;
  }

  /**
   * The operation in one transaction: idempotency replay, the handler, the
   * quota charge; any throw rolls all of it back. Created once, not per request.
   * It runs inside the group commit's transaction (group-commit.ts), so it is
   * a savepoint there.
   */
  const runOperation = db.transaction(
    (operation: OperationInfo, principal: Principal, query: Record<string, unknown>, body: unknown, now: number, idempotencyKey?: string, hash?: string) => {
      const access = new Access(accessStatements, principal, () => blocker.recordRealKey(principal.keyHash, now));
      if (idempotencyKey && hash) {
        const stored = idempotency.replay(access, idempotencyKey, hash, now);
        if (stored) return { ...stored, replayed: true };
      }
      const at = new Date(now).toISOString();
      const context: OperationContext = { principal, access, query, body, at, stores, db };
      const result = handlers[operation.operationId]!(context);
      const remaining = spend.get(result.cost, principal.workspaceId, result.cost);
      if (remaining === undefined) {
        const code: ErrorCode = operation.batchField ? 'BATCH_QUOTA_INSUFFICIENT' : 'QUOTA_INSUFFICIENT';
        const remainingRequests = remainingOf.get(principal.workspaceId)!.remaining_requests;
        throw new ApiError(code, errorCatalog[code].summary, { usage: { remainingRequests, requiredRequests: result.cost } });
      }
      const json = successJson(result, remaining);
      if (idempotencyKey && hash) idempotency.remember(access, idempotencyKey, hash, { status: result.status, body: json }, now);
      return { status: result.status, body: json, replayed: false };
    },
  );

  type Answered = { status: number; body: string; replayed: boolean };
  // Each group starts from committed state: reads until its first write may be kept (store/snippet-reads.ts).
  // A database file deleted or replaced while the sandbox runs fails every group with 503 (database-file.ts).
  const checkDatabaseFile = watchDatabaseFile(options.db, (problem) => app.log.error({ db: options.db }, `database file lost: ${problem}`));
  const groupCommit = new GroupCommit<Answered>(db, () => {
    checkDatabaseFile?.();
    stores.snippetReads.beginGroup();
  });

  // Not async: the answer is sent by the group commit's delivery; an exception before that reaches Fastify's error handler without a promise.
  function handle(operation: OperationInfo, request: FastifyRequest, reply: FastifyReply): void {
    if (operation.operationId === 'getHealth') {
      checkDatabaseFile?.();
      reply.send(checkHealth(request.log));
      return;
    }
    const query = decodeAndValidate(operation, request);
    const idempotencyKey = operation.idempotent ? (request.headers['idempotency-key'] as string | undefined) : undefined;
    const hash = idempotencyKey && requestHash(operation.operationId, query, request.body);
    const principal = request.principal!;
    const now = options.now();
    groupCommit.submit(
      () => {
        // Whatever this operation writes, no cached read may outlive it, nor be made until its group ends (snippet-reads.ts).
        if (!operation.readOnly) stores.snippetReads.beforeWrite();
        return runOperation(operation, principal, query, request.body, now, idempotencyKey, hash);
      },
      (outcome) => {
        // An Error given to send() goes to the error handler above.
        if (!outcome.ok) return void reply.send(outcome.error instanceof Error ? outcome.error : new Error(String(outcome.error)));
        const { status, body, replayed } = outcome.value;
        if (replayed) reply.header('idempotent-replayed', 'true');
        reply.code(status).type('application/json; charset=utf-8').send(body);
      },
    );
  }

  registerDocsSite(app, sendError);

  for (const operation of spec.operations) {
    if (operation.operationId !== 'getHealth' && !handlers[operation.operationId]) {
      throw new Error(`openapi.yaml has operation ${operation.operationId}, which the sandbox does not implement`);
    }
    app.route({
      method: operation.method,
      url: operation.path,
      config: { operation },
      // The operation is passed along rather than read from request.routeOptions, a getter that builds an object per call.
      onRequest: (request, reply, done) => admit(operation, request, reply, done),
      handler: (request, reply) => handle(operation, request, reply),
    });
  }

  /**
   * Starts again from the fixtures (these, or a new file): every resource,
   * stored idempotent answer and spent quota is gone, and so are rate
   * windows, invalid attempts and blocks. In one transaction: a fixtures file
   * that cannot be read changes nothing. Requests already queued in this
   * turn's group run after it, on the new state.
   */
  const seed = prepareSeeder(db);
  // Prepared once: a reset between tests is a few statements, not a schema read and a compile per table.
  const emptyTables = db
    .prepare<[], string>("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' OR name = 'sqlite_sequence'")
    .pluck()
    .all()
    .map((table) => db.prepare(`DELETE FROM "${table}"`));
  function reset(next: { fixtures?: string } = {}): void {
    const seedFrom = next.fixtures === undefined ? fixtures : readFixtures(next.fixtures, spec.keyPattern);
    db.transaction(() => {
      // Foreign keys checked at COMMIT, so that tables empty in any order; every table of the schema, none listed by hand.
      db.pragma('defer_foreign_keys = ON');
      for (const empty of emptyTables) empty.run();
      seed(seedFrom);
    })();
    fixtures = seedFrom;
    rateLimiter = new RateLimiter(windowMs);
    blocker = new InvalidAttemptBlocker(windowMs, options.blockThreshold, options.blockSeconds * 1000);
    authenticator = new Authenticator(db, spec.keyPattern, blocker, options.rateLimit, options.rateLimitForEveryKey);
    stores.snippetReads.beforeWrite();
  }

  let closed = false;
  async function close(): Promise<void> {
    if (closed) return;
    closed = true;
    // In-flight requests get a second to finish; then connections still open
    // (a client's spare keep-alive socket that never sends a request) are cut.
    const force = setTimeout(() => app.server.closeAllConnections(), 1000);
    await app.close();
    clearTimeout(force);
    db.close();
  }

  const fetch = injectFetch(app);
  return {
    app,
    db,
    snippetReads: stores.snippetReads,
    fetch,
    clock,
    reset,
    close,
    async listen() {
      const address = await app.listen({ host: options.host, port: options.port });
      return { app, db, snippetReads: stores.snippetReads, fetch, clock, reset, close, url: address.replace('[::1]', 'localhost') };
    },
  };
}
