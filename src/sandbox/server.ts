// The reference sandbox as a Node server: a Fastify shell around the core
// (core/sandbox-core.ts) on the embedded SQLite store (sqlite/sqlite-store.ts).
// The core answers every API request; this file adds what belongs to a
// process on a network:
//
//   requests    each Fastify request becomes the core's SandboxRequest; its
//               body is read from the socket (node/read-body.ts), size- and
//               time-limited, only once the core has admitted it
//   answers     the core's answer, sent; a client that went away
//               (client-gone.ts) is logged, not answered
//   HTTP        malformed HTTP and undecodable paths answered in the
//               envelope; every wait on a client bounded (timeouts.ts)
//   logs        one line per request
//   docs        the docs site at /docs
//   admin       state control at /__sandbox/, only with --admin (node/admin-routes.ts)
import { randomUUID } from 'node:crypto';
import Fastify, { LogController, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { adjustableClock, type SandboxClock } from './clock.ts';
import { ClientGone } from './client-gone.ts';
import { contract } from './contract.ts';
import { createSandboxCore, type SandboxCore } from './core/sandbox-core.ts';
import type { SandboxAnswer, SandboxRequest } from './core/request.ts';
import { registerDocsSite } from './docs-site.ts';
import { ApiError } from './errors.ts';
import { injectFetch } from './inject-fetch.ts';
import { hashKey } from './key-hash.ts';
import { registerAdminRoutes } from './node/admin-routes.ts';
import { readBodyText } from './node/read-body.ts';
import { DEMO_FIXTURES_PATH, readFixtures } from '../fixtures/fixtures-file.ts';
import type { Fixtures } from '../fixtures/fixtures.ts';
import { defaultOptions, type SandboxOptions } from './options.ts';
import { isPostgresUrl, openPostgres } from './open-store.ts';
import { openSqliteStore, type SqliteStore } from './sqlite/sqlite-store.ts';
import type { SnippetReadCache } from './sqlite/snippet-reads.ts';
import type { Db } from './sqlite/database.ts';
import type { SandboxStore, StoreSnapshot } from './store/store.ts';
import { serverTimeouts } from './timeouts.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The core's answer, for the request log. */
    answer?: SandboxAnswer;
  }
}

export interface Sandbox {
  app: FastifyInstance;
  core: SandboxCore;
  store: SandboxStore;
  /** The SQLite database (the SQLite store only: reading it on another store throws). */
  db: Db;
  /** getSnippet's read cache, for tests of its bounds (`bytes`; the SQLite store only). */
  snippetReads: SnippetReadCache;
  /** `http://host:port`, once listening. */
  url: string;
  /** The sandbox as a fetch function, without a network (inject-fetch.ts); works before `listen()` too. */
  fetch: typeof globalThis.fetch;
  /** The clock every time-based rule reads: `advance(ms)` and `set(time)` move it forward (clock.ts). */
  clock: SandboxClock;
  /** Starts again from the fixtures, or from other ones (a file or the fixtures themselves): data, quota, rate windows and blocks. */
  reset(next?: { fixtures?: string | Fixtures }): Promise<void>;
  /** The store's whole state, to restore() later. */
  snapshot(): Promise<StoreSnapshot>;
  restore(snapshot: StoreSnapshot): Promise<void>;
  close(): Promise<void>;
}

/** Answers longer than this (in UTF-16 code units) are sent in a turn of their own: about 1 ms of encoding and writing on these machines. */
const LARGE_ANSWER_CHARS = 64 * 1024;
const newRequestId = () => `req_${randomUUID().replace(/-/g, '')}`;

/** How many Authorization headers came: Node keeps only the first in `headers`. `rawHeaders` is bounded by Node's header limits. */
function authorizationCount(rawHeaders: string[]): number {
  let seen = 0;
  for (let i = 0; i < rawHeaders.length; i += 2) {
    const name = rawHeaders[i]!;
    if (name.length === 13 && name.toLowerCase() === 'authorization') seen++;
  }
  return seen;
}

/** Maps what Fastify itself refuses to an ApiError. */
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

export async function createSandboxServer(overrides: Partial<SandboxOptions> = {}): Promise<Omit<Sandbox, 'url'> & { listen(): Promise<Sandbox> }> {
  const clock = adjustableClock(overrides.now ?? defaultOptions.now);
  const options: SandboxOptions = { ...defaultOptions, ...overrides, now: clock.now };
  const spec = contract();
  // Fixtures first: a bad file must not leave a new database behind.
  const fixtures = readFixtures(options.fixtures ?? DEMO_FIXTURES_PATH, spec.keyPattern);

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
    genReqId: newRequestId,
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
      const answer = core.errorAnswer(new ApiError('PARAMETER_INVALID', 'The request is not valid HTTP', { error: error.message }), newRequestId());
      const body = answer.body!;
      // An answer to HEAD has no body, even this one.
      const head = (error as unknown as { rawPacket?: Buffer }).rawPacket?.subarray(0, 5).toString('latin1') === 'HEAD ';
      socket.end(
        `HTTP/1.1 400 Bad Request\r\nContent-Type: ${answer.headers['content-type']}\r\nX-Request-Id: ${JSON.parse(body).requestId}\r\n` +
          `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${head ? '' : body}`,
      );
    },
    // A path that cannot be decoded cannot name an endpoint.
    frameworkErrors(_error, request, reply) {
      void sendError(request, reply, new ApiError('ENDPOINT_NOT_FOUND', 'No endpoint at this path'));
    },
  });

  // A database file deleted or replaced while the sandbox runs fails every group with 503 (database-file.ts).
  const store: SandboxStore = isPostgresUrl(options.db)
    ? await openPostgres(options, app.log)
    : openSqliteStore({ path: options.db, onFileLost: (problem) => app.log.error({ db: options.db }, `database file lost: ${problem}`) });
  let core: SandboxCore;
  try {
    core = await createSandboxCore({
      store,
      fixtures,
      clock,
      rateLimit: options.rateLimit,
      ...(options.rateLimitForEveryKey !== undefined && { rateLimitForEveryKey: options.rateLimitForEveryKey }),
      rateWindowSeconds: options.rateWindowSeconds,
      blockThreshold: options.blockThreshold,
      blockSeconds: options.blockSeconds,
      faultInjection: options.faultInjection,
      cors: options.cors,
      sha256: hashKey,
      newRequestId,
      log: app.log,
    });
  } catch (error) {
    await store.close();
    throw error;
  }

  // Once at start: what the fixtures took away from an existing database (sqlite/seed.ts).
  if (core.seeded.revokedKeys > 0 || core.seeded.removedTeams > 0) {
    app.log.info(core.seeded, 'fixtures: keys and teams no longer in the fixtures file are revoked');
  }

  function send(request: FastifyRequest, reply: FastifyReply, answer: SandboxAnswer) {
    request.answer = answer;
    return reply.code(answer.status).headers(answer.headers).send(answer.body ?? undefined);
  }

  function sendError(request: FastifyRequest, reply: FastifyReply, error: ApiError) {
    return send(request, reply, core.errorAnswer(error, request.id));
  }

  const operationRoutes = new Map(spec.operations.map((o) => [`${o.method} ${o.path}`, o]));
  /** The admin routes (--admin), which answer for themselves; filled below. */
  const adminRoutes = new Set<string>();
  // Fastify refuses a malformed Content-Type before any handler runs; a request without a body to read must not care.
  // Per route, where the route is known: not request.routeOptions, a getter that builds an object per call.
  const ignoreContentType = (request: FastifyRequest, _reply: FastifyReply, done: () => void) => {
    delete request.headers['content-type'];
    done();
  };

  // No request log at all when logging is off: the hook costs a measurable share of a fast request.
  if (options.logLevel !== 'silent') app.addHook('onResponse', async (request, reply) => {
    const { answer } = request;
    request.log.info(
      {
        operationId: answer?.operation?.operationId ?? null,
        method: request.method,
        // The path only: query values may hold ids and other things a log should not keep.
        path: request.url.split('?', 1)[0],
        route: answer?.operation?.path ?? null,
        status: reply.statusCode,
        code: answer?.code ?? null,
        ...(answer?.injected && { injected: true }),
        durationMs: Math.round(reply.elapsedTime * 10) / 10,
      },
      'request',
    );
  });

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof ClientGone) {
      const operation = operationRoutes.get(`${request.method} ${request.routeOptions.url}`);
      request.log.info(
        { operationId: operation?.operationId ?? null, method: request.method, route: operation?.path ?? null, reason: error.reason, error: error.message },
        error.reason === 'aborted' ? 'client aborted' : 'client too slow',
      );
      // Nobody is left to answer, or the client was too slow to deserve one: the connection ends here.
      reply.hijack();
      request.raw.socket.destroy();
      return;
    }
    // A request that matches no operation gets the core's 404 or 405 whatever Fastify objected to on the way (its body, its method).
    const route = `${request.method} ${request.routeOptions.url}`;
    if (!(error instanceof ApiError) && !operationRoutes.has(route) && !adminRoutes.has(route)) return forward(request, reply);
    const apiError = toApiError(error);
    if (apiError.code === 'INTERNAL_ERROR' && !(error instanceof ApiError)) request.log.error({ err: error }, 'unexpected error');
    return sendError(request, reply, apiError);
  });

  const bodyTimeoutMs = options.bodyTimeoutSeconds * 1000;
  /** Every API request, matched or not, goes to the core. Not async: an exception reaches the error handler without a promise. */
  function forward(request: FastifyRequest, reply: FastifyReply): void {
    const sandboxRequest: SandboxRequest = {
      method: request.method,
      url: request.url,
      query: request.query as Record<string, string | string[]>,
      headers: request.headers,
      authorizationCount: authorizationCount(request.raw.rawHeaders),
      id: request.id,
      // As Node frames a request: a body is announced by its length or by chunked encoding.
      hasBody: request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length'] ?? 0) > 0,
      text: (limit) => readBodyText(request.raw, limit, bodyTimeoutMs),
    };
    core.handle(sandboxRequest, request.log).then(
      // Sending a large answer (measuring, encoding, writing a megabyte) takes a turn of its own, apart from the work that made it.
      (answer) => (typeof answer.body === 'string' && answer.body.length > LARGE_ANSWER_CHARS ? core.inTurn(() => send(request, reply, answer)) : send(request, reply, answer)),
      (error: unknown) => reply.send(error instanceof Error ? error : new Error(String(error))),
    );
  }

  // Bodies are read by the core, after admission, and only by operations that take one: Fastify leaves the stream alone.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_request, _payload, done) => done(null));

  registerDocsSite(app, sendError);
  // Never without the flag: a shared server must not let anyone reset it.
  if (options.admin) {
    for (const route of registerAdminRoutes(app, { core, clock, cors: options.cors, bodyTimeoutMs, send })) adminRoutes.add(`${route.method} ${route.url}`);
  }
  for (const operation of spec.operations) {
    app.route({ method: operation.method, url: operation.path, handler: forward, ...(!operation.takesBody && { onRequest: ignoreContentType }) });
  }
  app.setNotFoundHandler(forward);

  async function reset(next: { fixtures?: string | Fixtures } = {}): Promise<void> {
    const other = typeof next.fixtures === 'string' ? readFixtures(next.fixtures, spec.keyPattern) : next.fixtures;
    await core.reset(other ? { fixtures: other } : {});
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
    await core.close();
  }

  const sqliteOnly = <K extends 'db' | 'snippetReads'>(name: K): SqliteStore[K] => {
    if (store.kind !== 'sqlite') throw new Error(`sandbox.${name} exists on the SQLite store only; this sandbox runs on ${store.kind}`);
    return (store as SqliteStore)[name];
  };
  // One object, getters kept (never spread: that would read them): listen() gives it back with its url.
  const sandbox: Sandbox & { listen(): Promise<Sandbox> } = {
    app,
    core,
    store,
    get db() {
      return sqliteOnly('db');
    },
    get snippetReads() {
      return sqliteOnly('snippetReads');
    },
    url: '',
    fetch: injectFetch(app),
    clock,
    reset,
    snapshot: () => core.snapshot(),
    restore: (snapshot: StoreSnapshot) => core.restore(snapshot),
    close,
    async listen() {
      const address = await app.listen({ host: options.host, port: options.port });
      sandbox.url = address.replace('[::1]', 'localhost');
      return sandbox;
    },
  };
  return sandbox;
}
