// Every catalog code the sandbox can produce, provoked through the client
// against the real sandbox, in both styles ({ data, error } and throwing):
// the subclass of its catalog category and every field the server sent.
// Then the user-facing messages, and what the client makes of answers this
// version does not know (a newer server's code, no answer, an HTML page).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { errorCatalog, errorCodes, type ErrorCode, type ErrorCodeOfCategory } from '../../generated/error-catalog.js';
import type { components } from '../../generated/openapi.js';
import { limits } from '../../generated/limits.js';
import {
  AuthenticationError,
  BatchError,
  createSnippetsClient,
  InvalidResponseError,
  NetworkError,
  NotFoundError,
  PermissionError,
  QuotaError,
  RateLimitError,
  ServerError,
  SnippetsApiError,
  SnippetsError,
  TimeoutError,
  toUserMessage,
  ValidationError,
  VariationError,
  type SnippetsClient,
  type SnippetsClientOptions,
} from '../../src/client/index.ts';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { closedPortUrl, recordingFetch, startTinyServer, type TinyServer } from '../helpers/client-testing.ts';
import { demoKeys, demoTeams, fixtures, fixturesFile, startSandbox } from '../helpers/sandbox.ts';

type CreateSnippet = components['schemas']['CreateSnippetRequest'];

/** The subclass each catalog category must produce. */
const CLASS_OF_CATEGORY = {
  authentication: AuthenticationError,
  validation: ValidationError,
  permission: PermissionError,
  quota: QuotaError,
  resource: NotFoundError,
  variation: VariationError,
  batch: BatchError,
  rate_limit: RateLimitError,
  server: ServerError,
} as const;
const ALL_CLASSES = Object.values(CLASS_OF_CATEGORY);

/** Catalog codes that are not provoked as errors here, each with the reason. */
const EXCLUDED: Partial<Record<ErrorCode, string>> = {
  BATCH_PARTIAL_FAILURE:
    'a 207 success (some items failed, the others were written): the client returns it as data, not as an error; checked separately below',
};

const content = { type: 'plaintext' as const, content: 'Hello' };
const snippet = (extra: Partial<CreateSnippet> = {}): CreateSnippet => ({ title: 'x', content, teamId: demoTeams.platform, ...extra });
const hooliTeam = fixtures.teams.find((t) => t.name === 'Hooli Main')!.id;

// ---------------------------------------------------------------------------
// Sandboxes and clients
// ---------------------------------------------------------------------------

/** Main sandbox: limits out of the way, so that nothing but the case at hand answers. */
let sandbox: Sandbox;
/** Strict sandbox (demo fixtures: 20 requests a minute per key; 3 invalid attempts block a key). */
let strict: Sandbox;
const wire = recordingFetch();
const strictUnknownKey = 'sk_test_someoneGuessingKeys000000009';

function clientFor(baseUrl: string, apiKey: string, options: Partial<SnippetsClientOptions> = {}): SnippetsClient {
  return createSnippetsClient({ baseUrl, apiKey, retry: false, fetch: wire.fetch, ...options });
}

/** Untyped methods, for what the typed client refuses (unknown paths, wrong methods). */
type Loose = (url: string, init?: Record<string, unknown>) => Promise<unknown>;
const loose = (api: SnippetsClient) => ({ GET: api.GET as unknown as Loose, POST: api.POST as unknown as Loose, PUT: api.PUT as unknown as Loose });

/** State the cases refer to, created in beforeAll. */
const state = {
  oneVariation: { id: '', variationId: '' },
  /** A snippet holding the most variations a snippet may have. */
  fullSnippetId: '',
  other: { id: '', variationId: '' },
  deletedFolderId: '',
  idempotencyKey: '',
};

beforeAll(async () => {
  const file = fixturesFile((f) => f.apiKeys.forEach((k) => (k.rateLimitPerMinute = 1_000_000)));
  [sandbox, strict] = await Promise.all([startSandbox({ fixtures: file, blockThreshold: 1_000_000 }), startSandbox({ blockThreshold: 3, blockSeconds: 300 })]);

  const acme = clientFor(sandbox.url, demoKeys.acme).throwing;
  const a = await acme.POST('/api/prompts/snippet', { body: snippet({ title: 'A' }) });
  const b = await acme.POST('/api/prompts/snippet', { body: snippet({ title: 'B' }) });
  state.oneVariation = { id: a.data.id, variationId: a.data.variations[0]!.id };
  state.other = { id: b.data.id, variationId: b.data.variations[0]!.id };
  const folder = await acme.POST('/api/prompts/folder', { body: { folderName: 'Gone', teamId: demoTeams.platform } });
  await acme.DELETE('/api/prompts/folder', { params: { query: { id: folder.data.id } } });
  state.deletedFolderId = folder.data.id;
  const { maxVariationsPerSnippet } = limits;
  const full = await acme.POST('/api/prompts/snippet', { body: snippet({ title: 'full' }) });
  for (let n = 1; n < maxVariationsPerSnippet; n++) {
    await acme.POST('/api/prompts/snippet/variation', { params: { query: { snippetId: full.data.id } }, body: { variationName: `V${n}`, content } });
  }
  state.fullSnippetId = full.data.id;
  state.idempotencyKey = randomUUID();
  await acme.POST('/api/prompts/snippet', { body: snippet({ title: 'first body' }), headers: { 'idempotency-key': state.idempotencyKey } });

  // Strict sandbox: block the unknown key (3 invalid attempts), use up the Globex key's 20 requests of the minute.
  for (let i = 0; i < 3; i++) {
    const answer = await fetch(`${strict.url}/api/prompts/tags`, { headers: { authorization: `Bearer ${strictUnknownKey}` } });
    expect((await answer.json()).code).toBe('AUTH_KEY_UNKNOWN');
  }
  for (let i = 0; i < 20; i++) {
    const answer = await fetch(`${strict.url}/api/prompts/tags`, { headers: { authorization: `Bearer ${demoKeys.globex}` } });
    expect(answer.status).toBe(200);
  }
});

afterAll(async () => {
  await Promise.all([sandbox?.close(), strict?.close()]);
});

// ---------------------------------------------------------------------------
// 1. A typed error for every code the sandbox can produce
// ---------------------------------------------------------------------------

interface Case {
  code: ErrorCode;
  how: string;
  /** The client to send with (default: the Acme key on the main sandbox). */
  client?: () => SnippetsClient;
  call: (api: SnippetsClient) => Promise<unknown>;
  /** A field that the details must name (validation errors about a field). */
  field?: string;
  usage?: { remainingRequests: number; requiredRequests: number };
}

const acme = () => clientFor(sandbox.url, demoKeys.acme);
const withKey = (key: string) => () => clientFor(sandbox.url, key);
const getTags = (api: SnippetsClient) => api.GET('/api/prompts/tags');
const createSnippet = (body: CreateSnippet, extra: Record<string, unknown> = {}) => (api: SnippetsClient) => api.POST('/api/prompts/snippet', { body, ...extra });

const cases: Case[] = [
  // authentication
  {
    code: 'AUTH_HEADER_MISSING',
    how: 'a middleware of our own (client.raw.use) removes the Authorization header',
    client: () => {
      const client = acme();
      client.raw.use({ onRequest: ({ request }) => (request.headers.delete('authorization'), request) });
      return client;
    },
    call: getTags,
  },
  { code: 'AUTH_KEY_MALFORMED', how: 'a key of the wrong form', client: withKey('not-a-key'), call: getTags },
  { code: 'AUTH_KEY_UNKNOWN', how: 'a key nobody issued', client: withKey('sk_test_nobodyIssuedThisKey00000000'), call: getTags },
  { code: 'AUTH_KEY_INACTIVE', how: 'an inactive key', client: withKey(demoKeys.inactive), call: getTags },
  { code: 'AUTH_KEY_DELETED', how: 'a deleted key', client: withKey(demoKeys.deleted), call: getTags },
  { code: 'AUTH_KEY_EXPIRED', how: 'an expired key', client: withKey(demoKeys.expired), call: getTags },
  // validation
  { code: 'PARAMETER_MISSING', how: 'a body without title', call: createSnippet({ content, teamId: demoTeams.platform } as CreateSnippet), field: 'title' },
  { code: 'PARAMETER_MISSING', how: 'an empty ids list', call: (api) => api.GET('/api/prompts/snippets', { params: { query: { ids: [] } } }), field: 'ids' },
  {
    code: 'BODY_INVALID_JSON',
    how: 'a bodySerializer that sends broken JSON',
    call: createSnippet(snippet(), { bodySerializer: () => '{"title": "x",' }),
  },
  { code: 'PARAMETER_INVALID', how: 'a malformed uuid', call: createSnippet(snippet({ teamId: 'team-1' })), field: 'teamId' },
  { code: 'TYPE_MISMATCH', how: 'a number as title', call: createSnippet(snippet({ title: 5 as unknown as string })), field: 'title' },
  { code: 'FIELD_LENGTH_INVALID', how: 'a 201-character title', call: createSnippet(snippet({ title: 'x'.repeat(201) })), field: 'title' },
  { code: 'FIELD_UNKNOWN', how: 'an unknown field', call: createSnippet({ ...snippet(), titel: 'x' } as CreateSnippet), field: 'titel' },
  { code: 'PAYLOAD_TOO_LARGE', how: 'a body over 1 MiB', call: createSnippet(snippet({ note: 'x'.repeat(1_100_000) })) },
  {
    code: 'UNSUPPORTED_MEDIA_TYPE',
    how: 'a form-encoded body',
    call: createSnippet(snippet(), { bodySerializer: () => 'title=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
  },
  {
    code: 'IDEMPOTENCY_KEY_REUSED',
    how: 'an Idempotency-Key already used with another body',
    call: (api) => api.POST('/api/prompts/snippet', { body: snippet({ title: 'another body' }), headers: { 'idempotency-key': state.idempotencyKey } }),
  },
  // permission
  { code: 'TEAM_ACCESS_DENIED', how: 'a team of the workspace the key lacks', call: createSnippet(snippet({ teamId: demoTeams.legal })) },
  { code: 'SUBSCRIPTION_INACTIVE', how: 'a workspace whose subscription lapsed', client: withKey(demoKeys.lapsed), call: getTags },
  {
    code: 'WORKSPACE_MISMATCH',
    how: "another workspace's team",
    call: (api) => api.POST('/api/prompts/folder', { body: { folderName: 'x', teamId: demoTeams.globex } }),
  },
  // quota
  {
    code: 'QUOTA_INSUFFICIENT',
    how: 'a workspace with no requests left',
    client: withKey(demoKeys.noQuota),
    call: createSnippet(snippet({ teamId: hooliTeam })),
    usage: { remainingRequests: 0, requiredRequests: 1 },
  },
  // resource
  { code: 'SNIPPET_NOT_FOUND', how: 'an unknown snippet id', call: (api) => api.GET('/api/prompts/snippet', { params: { query: { id: randomUUID() } } }) },
  { code: 'FOLDER_NOT_FOUND', how: 'an unknown folder id', call: (api) => api.GET('/api/prompts/folder', { params: { query: { id: randomUUID() } } }) },
  { code: 'TAG_NOT_FOUND', how: 'an unknown tag id', call: (api) => api.GET('/api/prompts/tag', { params: { query: { id: randomUUID() } } }) },
  { code: 'RESOURCE_DELETED', how: 'a deleted folder', call: (api) => api.GET('/api/prompts/folder', { params: { query: { id: state.deletedFolderId } } }) },
  { code: 'ENDPOINT_NOT_FOUND', how: 'an unknown path (through a cast)', call: (api) => loose(api).GET('/api/prompts/nope') },
  { code: 'METHOD_NOT_ALLOWED', how: 'POST on /health (through a cast)', call: (api) => loose(api).POST('/health', { body: {} }) },
  {
    code: 'METHOD_NOT_ALLOWED',
    how: 'PUT on the GET-only history path (through a cast)',
    call: (api) => loose(api).PUT('/api/prompts/snippet/variation/history', { params: { query: { variationId: state.other.variationId } }, body: {} }),
  },
  // variation
  {
    code: 'VARIATION_NOT_FOUND',
    how: 'an unknown variation id',
    call: (api) => api.GET('/api/prompts/snippet/variation', { params: { query: { snippetId: state.oneVariation.id, variationId: randomUUID() } } }),
  },
  {
    code: 'VARIATION_NOT_IN_SNIPPET',
    how: "another snippet's variation",
    call: (api) => api.GET('/api/prompts/snippet/variation', { params: { query: { snippetId: state.oneVariation.id, variationId: state.other.variationId } } }),
  },
  {
    code: 'VARIATION_LAST_REMAINING',
    how: 'removing the only variation',
    call: (api) =>
      api.DELETE('/api/prompts/snippet/variation', { params: { query: { snippetId: state.oneVariation.id, variationIds: [state.oneVariation.variationId] } } }),
  },
  {
    code: 'VARIATION_LIMIT_REACHED',
    how: 'a variation more than a snippet may hold',
    call: (api) => api.POST('/api/prompts/snippet/variation', { params: { query: { snippetId: state.fullSnippetId } }, body: { variationName: 'One too many', content } }),
  },
  // batch
  { code: 'BATCH_EMPTY', how: 'no items', call: (api) => api.POST('/api/prompts/snippets', { body: { snippets: [] } }) },
  {
    code: 'BATCH_TOO_LARGE',
    how: '101 items',
    call: (api) => api.POST('/api/prompts/snippets', { body: { snippets: Array.from({ length: 101 }, (_, n) => snippet({ title: `t${n}` })) } }),
  },
  { code: 'BATCH_TOO_LARGE', how: '101 ids', call: (api) => api.GET('/api/prompts/snippets', { params: { query: { ids: Array.from({ length: 101 }, () => randomUUID()) } } }) },
  {
    code: 'BATCH_QUOTA_INSUFFICIENT',
    how: 'a batch of 3 with no requests left',
    client: withKey(demoKeys.noQuota),
    call: (api) => api.POST('/api/prompts/snippets', { body: { snippets: [1, 2, 3].map((n) => snippet({ title: `b${n}`, teamId: hooliTeam })) } }),
    usage: { remainingRequests: 0, requiredRequests: 3 },
  },
  // rate_limit
  { code: 'RATE_LIMIT_EXCEEDED', how: 'Prefer: code=429', call: (api) => api.GET('/api/prompts/tags', { headers: { prefer: 'code=429' } }) },
  { code: 'RATE_LIMIT_EXCEEDED', how: 'the real per-key limit (21st request of the minute)', client: () => clientFor(strict.url, demoKeys.globex), call: getTags },
  { code: 'KEY_TEMPORARILY_BLOCKED', how: 'a key blocked after 3 invalid attempts', client: () => clientFor(strict.url, strictUnknownKey), call: getTags },
  // server
  { code: 'INTERNAL_ERROR', how: 'Prefer: code=500', call: (api) => api.GET('/api/prompts/tags', { headers: { prefer: 'code=500' } }) },
  { code: 'SERVICE_UNAVAILABLE', how: 'Prefer: code=503', call: (api) => api.GET('/api/prompts/tags', { headers: { prefer: 'code=503' } }) },
];

type Style = 'result' | 'throwing';
interface Outcome {
  error: unknown;
  threw: boolean;
  response: Response | undefined;
}

/** Sends `call` in one style: `{ data, error }`, or the throwing methods (the error is what was thrown). */
async function send(style: Style, client: SnippetsClient, call: (api: SnippetsClient) => Promise<unknown>): Promise<Outcome> {
  if (style === 'result') {
    const result = (await call(client)) as { error?: unknown; response?: Response };
    return { error: result.error, threw: false, response: result.response };
  }
  const throwing = { ...client, ...client.throwing } as unknown as SnippetsClient;
  try {
    await call(throwing);
    return { error: undefined, threw: false, response: undefined };
  } catch (error) {
    return { error, threw: true, response: undefined };
  }
}

const covered: Record<Style, Set<ErrorCode>> = { result: new Set(), throwing: new Set() };

describe.each(['result', 'throwing'] as const)('a typed error for every code, %s style', (style) => {
  it.each(cases.map((c) => [c.code, c.how, c] as const))('%s (%s)', async (code, _how, c) => {
    const client = (c.client ?? acme)();
    const before = wire.exchanges.length;
    const outcome = await send(style, client, c.call);
    expect(wire.exchanges.length, 'exactly one request went out (retries are off)').toBe(before + 1);
    const exchange = wire.last();
    const body = exchange.body as Record<string, any>;
    const entry = errorCatalog[code];

    // The server did answer this code (else the case provokes the wrong thing).
    expect([exchange.status, body.code], JSON.stringify(body)).toEqual([entry.status, code]);

    if (style === 'throwing') expect(outcome.threw, 'the throwing style throws').toBe(true);
    else {
      expect(outcome.threw).toBe(false);
      expect(outcome.response?.status).toBe(entry.status);
    }
    const error = outcome.error;
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(SnippetsError);
    expect(error).toBeInstanceOf(SnippetsApiError);
    if (!(error instanceof SnippetsApiError)) throw new Error('unreachable');

    const Expected = CLASS_OF_CATEGORY[entry.category];
    expect(error).toBeInstanceOf(Expected);
    expect(ALL_CLASSES.filter((K) => error instanceof K)).toEqual([Expected]);
    expect(error.name).toBe(Expected.name);
    expect(error.kind).toBe('api');
    expect(error.code).toBe(code);
    expect(error.serverCode).toBe(code);
    expect(error.status).toBe(entry.status);
    expect(error.category).toBe(entry.category);
    expect(error.message).toBe(body.message);
    expect(error.requestId).toMatch(/^[A-Za-z0-9_-]{8,128}$/);
    expect(error.requestId).toBe(exchange.headers.get('x-request-id'));
    expect(error.requestId).toBe(body.requestId);

    const retryAfterHeader = exchange.headers.get('retry-after');
    if (entry.status === 429 || entry.status === 503 || code === 'KEY_TEMPORARILY_BLOCKED') {
      expect(retryAfterHeader, 'the sandbox sends Retry-After').toMatch(/^\d+$/);
      expect(error.retryAfter).toBe(Number(retryAfterHeader));
      expect(error.retryAfter).toBeGreaterThan(0);
    } else {
      expect(retryAfterHeader).toBeNull();
      expect(error.retryAfter).toBeUndefined();
    }

    if (c.usage) {
      expect(body.usage).toEqual(c.usage);
      expect(error.usage).toEqual(c.usage);
    } else {
      expect(error.usage).toEqual(body.usage);
    }

    expect(error.details).toEqual(body.details ?? []);
    if (entry.category === 'validation') expect(Array.isArray(error.details)).toBe(true);
    if (c.field) {
      expect(error.details.length).toBeGreaterThan(0);
      expect(error.details.map((d) => d.field)).toContain(c.field);
      for (const detail of error.details) expect(detail).toEqual({ field: expect.any(String), issue: expect.any(String) });
    }

    expect(toUserMessage(error)).toBe(entry.userMessage);
    covered[style].add(code);
  });
});

describe('what is not an error', () => {
  it('BATCH_PARTIAL_FAILURE (207) is data in both styles, its per-item errors in the code/message shape', async () => {
    const client = acme();
    const body = { snippets: [snippet({ title: 'ok' }), snippet({ title: 'no', teamId: demoTeams.legal })] };
    const result = await client.POST('/api/prompts/snippets', { body });
    expect(result.error).toBeUndefined();
    expect(result.response?.status).toBe(207);
    const data = result.data as unknown as Record<string, any>;
    expect(data.code).toBe('BATCH_PARTIAL_FAILURE');
    expect(data.data.errors).toEqual([expect.objectContaining({ index: 1, code: 'TEAM_ACCESS_DENIED', message: expect.any(String) })]);
    expect(data.metadata).toMatchObject({ requestedCount: 2, succeededCount: 1, failedCount: 1 });
    const thrown = (await client.throwing.POST('/api/prompts/snippets', { body })) as unknown as Record<string, any>;
    expect(thrown.code).toBe('BATCH_PARTIAL_FAILURE');
  });
});

describe('after retries', () => {
  it('the error is the typed error of the last attempt, with its request id', async () => {
    const client = clientFor(sandbox.url, demoKeys.acme, { retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 5 } });
    const before = wire.exchanges.length;
    const { error } = await client.GET('/api/prompts/tags', { headers: { prefer: 'code=500' } });
    const attempts = wire.exchanges.slice(before);
    expect(attempts.map((a) => a.status)).toEqual([500, 500, 500]);
    expect(new Set(attempts.map((a) => a.headers.get('x-request-id'))).size).toBe(3);
    expect(error).toBeInstanceOf(ServerError);
    expect((error as ServerError).code).toBe('INTERNAL_ERROR');
    expect((error as ServerError).requestId).toBe(attempts[2]!.headers.get('x-request-id'));
  });
});

describe('types', () => {
  it('narrow code by subclass', () => {
    expectTypeOf<VariationError['code']>().toEqualTypeOf<ErrorCodeOfCategory<'variation'> | 'UNKNOWN'>();
    expectTypeOf<QuotaError['code']>().toEqualTypeOf<'QUOTA_INSUFFICIENT' | 'UNKNOWN'>();
    expectTypeOf<SnippetsApiError['code']>().toEqualTypeOf<ErrorCode | 'UNKNOWN'>();
  });
});

describe('coverage', () => {
  it('covers every catalog code except the listed exclusions, in both styles', () => {
    const excluded = Object.keys(EXCLUDED) as ErrorCode[];
    for (const code of excluded) expect(errorCodes, `excluded ${code} is not in the catalog`).toContain(code);
    const expected = errorCodes.filter((code) => !excluded.includes(code)).sort();
    expect(expected.length).toBeGreaterThan(30);
    expect([...new Set(cases.map((c) => c.code))].sort(), 'a case for every code').toEqual(expected);
    expect([...covered.result].sort(), '{ data, error } style').toEqual(expected);
    expect([...covered.throwing].sort(), 'throwing style').toEqual(expected);
  });
});

// ---------------------------------------------------------------------------
// 2. User-facing messages, unknown codes, no answer, non-JSON answers
// ---------------------------------------------------------------------------

describe('toUserMessage', () => {
  let tiny: TinyServer;
  beforeAll(async () => {
    tiny = await startTinyServer();
  });
  afterAll(() => tiny?.close());
  const tinyClient = (options: Partial<SnippetsClientOptions> = {}) => createSnippetsClient({ baseUrl: tiny.url, apiKey: demoKeys.acme, retry: false, ...options });

  /** What the client makes of a server answering `code` with its catalog status. */
  async function errorFor(code: string, status: number): Promise<SnippetsError> {
    tiny.answer({ status, headers: { 'x-request-id': 'req_12345678' }, body: { success: false, code, message: `server text for ${code}`, requestId: 'req_12345678' } });
    const { error } = await tinyClient().GET('/api/prompts/tags');
    expect(error).toBeInstanceOf(SnippetsError);
    return error!;
  }

  it("is the catalog's userMessage for every catalog code, and a per-code override wins", async () => {
    expect(errorCodes.length).toBeGreaterThan(30);
    for (const code of errorCodes) {
      const entry = errorCatalog[code];
      // An error status comes through the client; a 2xx code (BATCH_PARTIAL_FAILURE) is built directly.
      const error =
        entry.status >= 400
          ? await errorFor(code, entry.status)
          : new SnippetsApiError({
              status: entry.status,
              serverCode: code,
              message: 'm',
              requestId: 'req_12345678',
              method: 'POST',
              path: '/api/prompts/snippets',
              retryAfter: undefined,
              usage: undefined,
              details: [],
              detail: undefined,
            });
      expect(error, code).toBeInstanceOf(SnippetsApiError);
      if (entry.status >= 400) expect(error, code).toBeInstanceOf(CLASS_OF_CATEGORY[entry.category]);
      expect(toUserMessage(error), code).toBe(entry.userMessage);
      expect(toUserMessage(error), code).not.toContain('server text');
      expect(toUserMessage(error, { [code]: `custom for ${code}` }), code).toBe(`custom for ${code}`);
      // Overrides of other codes, and the fallbacks, do not apply to a known code.
      const other = errorCodes.find((c) => c !== code)!;
      expect(toUserMessage(error, { [other]: 'not me', fallback: 'not me either', unreachable: 'nor me' }), code).toBe(entry.userMessage);
    }
  });

  it.each([
    [403, PermissionError, /permission/i],
    [404, NotFoundError, /could not be found/i],
    [500, ServerError, /went wrong/i],
    [401, AuthenticationError, /settings|sign/i],
    [429, RateLimitError, /wait/i],
    [400, ValidationError, /check/i],
  ] as const)('an unknown code from a newer server with status %i: code UNKNOWN, serverCode kept, the class its status suggests, a fallback message', async (status, Expected, fallback) => {
    tiny.answer({ status, headers: { 'x-request-id': 'req_12345678' }, body: { success: false, code: 'SOMETHING_NEW', message: 'x', requestId: 'req_12345678' } });
    for (const style of ['result', 'throwing'] as const) {
      const outcome = await send(style, tinyClient(), getTags);
      expect(outcome.threw).toBe(style === 'throwing');
      const error = outcome.error as SnippetsApiError;
      expect(error).toBeInstanceOf(SnippetsApiError);
      expect(error).toBeInstanceOf(Expected);
      expect(ALL_CLASSES.filter((K) => error instanceof K)).toEqual([Expected]);
      expect(error.code).toBe('UNKNOWN');
      expect(error.serverCode).toBe('SOMETHING_NEW');
      expect(error.category).toBe('unknown');
      expect(error.status).toBe(status);
      expect(error.requestId).toBe('req_12345678');
      expect(error.message).toBe('x');
      const message = toUserMessage(error);
      expect(message).toMatch(fallback);
      expect(message).not.toBe('x');
      expect(message).not.toContain('SOMETHING_NEW');
      expect(toUserMessage(error, { fallback: 'Please update the app.' })).toBe('Please update the app.');
    }
  });

  it('a refused connection gives a NetworkError and the unreachable message', async () => {
    const client = createSnippetsClient({ baseUrl: await closedPortUrl(), apiKey: demoKeys.acme, retry: false });
    for (const style of ['result', 'throwing'] as const) {
      const outcome = await send(style, client, getTags);
      expect(outcome.threw).toBe(style === 'throwing');
      const error = outcome.error as NetworkError;
      expect(error).toBeInstanceOf(NetworkError);
      expect(error).toBeInstanceOf(SnippetsError);
      expect(error).not.toBeInstanceOf(SnippetsApiError);
      expect([error.kind, error.method, error.path]).toEqual(['network', 'GET', '/api/prompts/tags']);
      expect(toUserMessage(error)).toMatch(/could not be reached/);
      expect(toUserMessage(error, { unreachable: 'Offline.' })).toBe('Offline.');
    }
  });

  it('no answer within the timeout gives a TimeoutError and the unreachable message', async () => {
    // The tiny server, not the sandbox: after an aborted request Node's fetch opens a spare connection
    // that the sandbox's close() waits for (see the report), while the tiny server closes all of them.
    tiny.answer({ status: 200, body: { success: true, data: [] }, delayMs: 400 });
    const client = tinyClient({ timeoutMs: 50 });
    const { error } = await client.GET('/api/prompts/tags');
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).timeoutMs).toBe(50);
    expect(toUserMessage(error)).toMatch(/could not be reached/);
  });

  it('an HTML 502 page gives an InvalidResponseError with status and content type', async () => {
    const page = '<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>';
    tiny.answer({ status: 502, body: page });
    for (const style of ['result', 'throwing'] as const) {
      const outcome = await send(style, tinyClient(), getTags);
      expect(outcome.threw).toBe(style === 'throwing');
      const error = outcome.error as InvalidResponseError;
      expect(error).toBeInstanceOf(InvalidResponseError);
      expect(error).not.toBeInstanceOf(SnippetsApiError);
      expect(error.kind).toBe('invalid-response');
      expect(error.status).toBe(502);
      expect(error.contentType).toBe('text/html; charset=utf-8');
      expect(error.bodyStart).toBe(page);
      expect(error.message).toMatch(/502/);
      expect(error.message).toMatch(/text\/html/);
      const message = toUserMessage(error);
      expect(message).toMatch(/went wrong/i);
      expect(message).not.toContain('Bad Gateway');
    }
  });
});
