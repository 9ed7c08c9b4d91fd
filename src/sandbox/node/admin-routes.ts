// State control over HTTP (issue #15, point 3), for tests that drive a
// sandbox server from outside its process: what `createSandbox()` and the
// server object offer in-process (reset, other fixtures, snapshot, restore,
// the clock), under /__sandbox/. Registered only with `--admin`
// (SandboxOptions.admin): a shared server must never serve it, and without it
// /__sandbox/… answers as any unknown path does (404 ENDPOINT_NOT_FOUND).
//
// Outside the API, as /docs is: not in openapi.yaml, no key, no quota, no
// rate limit. The flag is the protection, with the loopback default host;
// besides, a page of an origin that --cors does not allow is refused, so that
// a site open in the developer's browser cannot reset their sandbox.
//
//   POST /__sandbox/reset     [{ "fixtures": {…} }]               -> { "reset": true }
//   GET  /__sandbox/snapshot                                      -> { "store": "sqlite", "state": {…} }
//   POST /__sandbox/restore   { "store": …, "state": … }          -> { "restored": true }
//   GET  /__sandbox/clock                                         -> { "now": "<ISO>", "nowMs": N }
//   POST /__sandbox/clock     { "advanceMs": N } | { "set": T }   -> { "now": "<ISO>", "nowMs": N }
//
// JSON in and out; a body is read from the socket here (read-body.ts), with
// Content-Type application/json. Errors leave in the API's error envelope
// (core.errorAnswer), so that a client parses them as it parses the API's.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { checkContentType, parseJson } from '../body.ts';
import type { SandboxClock } from '../clock.ts';
import { ClientGone } from '../client-gone.ts';
import type { SandboxCore } from '../core/sandbox-core.ts';
import type { SandboxAnswer } from '../core/request.ts';
import { corsPolicy, originAllowed, type CorsOrigins } from '../cors.ts';
import { ApiError } from '../errors.ts';
import { checkFixtures, FixturesError } from '../../fixtures/fixtures.ts';
import { readBodyText } from './read-body.ts';

export const ADMIN_PREFIX = '/__sandbox/';

/**
 * The largest body POST /__sandbox/restore reads. A snapshot is the whole
 * store as JSON, far more than any API request (the contract's maxBodyBytes,
 * which bounds the other admin bodies): 64 MiB holds tens of thousands of
 * snippets, more than a test's sandbox holds, and is still read and parsed in
 * well under a second on loopback.
 */
export const MAX_SNAPSHOT_BODY_BYTES = 64 * 1024 * 1024;

const JSON_TYPE = 'application/json; charset=utf-8';

export interface AdminContext {
  core: SandboxCore;
  clock: SandboxClock;
  /** The sandbox's --cors origins: pages of other origins are refused. */
  cors: CorsOrigins;
  /** How long a client may take to send a body (--body-timeout-seconds). */
  bodyTimeoutMs: number;
  /** Sends an answer as the server sends the core's (server.ts), so that the request log sees it. */
  send(request: FastifyRequest, reply: FastifyReply, answer: SandboxAnswer): unknown;
}

export interface AdminRoute {
  method: 'GET' | 'POST';
  url: string;
  /** The most bytes its body may hold; undefined when it takes none. */
  bodyLimit?: number;
}

interface AdminHandler extends AdminRoute {
  /** The answer's body (200), from the request's JSON body (undefined when none came). */
  run(body: unknown): Promise<unknown>;
}

const invalid = (message: string) => new ApiError('PARAMETER_INVALID', message);

/** The body as a JSON object, refusing any field but `allowed`. */
function objectBody(body: unknown, route: string, allowed: readonly string[], shape: string): Record<string, unknown> {
  if (body === undefined) throw new ApiError('PARAMETER_MISSING', `${route} takes a JSON body: ${shape}`);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw invalid(`${route} takes a JSON object: ${shape}`);
  const unknown = Object.keys(body).find((field) => !allowed.includes(field));
  if (unknown !== undefined) throw invalid(`${route} does not take a field "${unknown}": ${shape}`);
  return body as Record<string, unknown>;
}

/** Registers the admin routes on `app`; returns them, so that the server lets their bodies and errors through to them. */
export function registerAdminRoutes(app: FastifyInstance, context: AdminContext): AdminRoute[] {
  const { core, clock } = context;
  const { limits, keyPattern } = core.spec;
  const cors = corsPolicy(context.cors, core.spec);
  const time = () => {
    const nowMs = clock.now();
    return { now: new Date(nowMs).toISOString(), nowMs };
  };

  const handlers: AdminHandler[] = [
    {
      method: 'POST',
      url: `${ADMIN_PREFIX}reset`,
      bodyLimit: limits.maxBodyBytes,
      async run(body) {
        const shape = 'nothing (back to the fixtures), or { "fixtures": { "workspaces": […], "teams": […], "apiKeys": […] } }';
        const { fixtures } = body === undefined ? {} : objectBody(body, 'POST /__sandbox/reset', ['fixtures'], shape);
        if (fixtures === undefined) {
          await core.reset();
          return { reset: true };
        }
        let checked;
        try {
          checked = checkFixtures(fixtures, 'fixtures', keyPattern);
        } catch (error) {
          if (error instanceof FixturesError) throw invalid(`${error.message} (nothing was changed)`);
          throw error;
        }
        await core.reset({ fixtures: checked });
        return { reset: true };
      },
    },
    {
      method: 'GET',
      url: `${ADMIN_PREFIX}snapshot`,
      run: () => core.snapshot(),
    },
    {
      method: 'POST',
      url: `${ADMIN_PREFIX}restore`,
      bodyLimit: MAX_SNAPSHOT_BODY_BYTES,
      async run(body) {
        const route = 'POST /__sandbox/restore';
        const shape = 'a snapshot, as GET /__sandbox/snapshot gives it: { "store": …, "state": … }';
        const { store, state } = objectBody(body, route, ['store', 'state'], shape);
        if (typeof store !== 'string' || state === undefined) throw invalid(`${route} takes ${shape}`);
        const kind = core.store.kind;
        if (store !== kind) throw invalid(`This is a snapshot of a ${store} store; this sandbox's store is ${kind} (nothing was changed)`);
        try {
          await core.restore({ store, state });
        } catch (error) {
          if (error instanceof ApiError) throw error;
          // The store refused the snapshot's state, in one transaction (or one swap): nothing of it was kept.
          throw invalid(`The snapshot cannot be restored (nothing was changed): ${(error as Error).message}`);
        }
        return { restored: true };
      },
    },
    {
      method: 'GET',
      url: `${ADMIN_PREFIX}clock`,
      run: () => Promise.resolve(time()),
    },
    {
      method: 'POST',
      url: `${ADMIN_PREFIX}clock`,
      bodyLimit: limits.maxBodyBytes,
      async run(body) {
        const route = 'POST /__sandbox/clock';
        const shape = '{ "advanceMs": N } or { "set": "<ISO date-time>" | ms since the epoch }';
        const { advanceMs, set } = objectBody(body, route, ['advanceMs', 'set'], shape);
        if ((advanceMs === undefined) === (set === undefined)) throw invalid(`${route} takes one of advanceMs and set: ${shape}`);
        try {
          if (advanceMs !== undefined) {
            if (typeof advanceMs !== 'number') throw invalid(`advanceMs must be a number of milliseconds, got ${JSON.stringify(advanceMs)}`);
            clock.advance(advanceMs);
          } else {
            if (typeof set !== 'string' && typeof set !== 'number') throw invalid(`set must be an ISO date-time or ms since the epoch, got ${JSON.stringify(set)}`);
            clock.set(typeof set === 'string' && /^\d+$/.test(set) ? Number(set) : set);
          }
        } catch (error) {
          // Backwards, too far ahead, not a time: the clock's own words (clock.ts).
          if (error instanceof RangeError) throw invalid(error.message);
          throw error;
        }
        // On a store that instances share: answered once the move is stored for the others.
        await context.core.clockSettled();
        return time();
      },
    },
  ];

  /** The route's answer; throws only ClientGone (the server's error handler closes the connection). */
  async function answer(request: FastifyRequest, handler: AdminHandler): Promise<SandboxAnswer> {
    const headers: Record<string, string> = { 'x-request-id': request.id };
    try {
      const origin = request.headers.origin;
      if (typeof origin === 'string' && !originAllowed(context.cors, origin)) {
        throw new ApiError('ENDPOINT_NOT_FOUND', `No endpoint at ${handler.method} ${handler.url} for a page of ${origin}: the sandbox's admin path answers only pages of origins that --cors allows`);
      }
      Object.assign(headers, cors?.(request.method, handler.url, request.headers, request.log).headers);
      let body: unknown;
      // As Node frames a request: a body is announced by its length or by chunked encoding.
      const hasBody = request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length'] ?? 0) > 0;
      if (handler.bodyLimit !== undefined && hasBody) {
        checkContentType(request.headers['content-type']);
        const decode = await readBodyText(request.raw, handler.bodyLimit, context.bodyTimeoutMs);
        // No bound on the number of values beyond the body's size: this path is for tests, and its bodies (a store's snapshot) are big.
        body = parseJson(decode(), Number.MAX_SAFE_INTEGER);
      }
      const result = await handler.run(body);
      return { status: 200, headers: { ...headers, 'content-type': JSON_TYPE, 'cache-control': 'no-store' }, body: JSON.stringify(result) };
    } catch (error) {
      if (error instanceof ClientGone) throw error;
      if (!(error instanceof ApiError)) request.log.error({ err: error }, 'unexpected error');
      const apiError = error instanceof ApiError ? error : new ApiError('INTERNAL_ERROR', 'An unexpected error occurred');
      return core.errorAnswer(apiError, request.id, headers);
    }
  }

  for (const handler of handlers) {
    app.route({
      method: handler.method,
      url: handler.url,
      handler: async (request, reply) => context.send(request, reply, await answer(request, handler)),
    });
  }
  return handlers.map(({ method, url, bodyLimit }) => ({ method, url, ...(bodyLimit !== undefined && { bodyLimit }) }));
}
