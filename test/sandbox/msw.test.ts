// The sandbox as MSW handlers in Node (issue #15, point 2): msw/node's
// setupServer with sandboxHandlers(sandbox), and consumer code that knows
// only the typed client and the global fetch. Every answer is the sandbox's
// own: a create, a read, a typed 404, a 429 after the rate limit (3 a window
// here, to keep it short), and reset() between tests giving the quota back.
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSnippetsClient, SnippetsApiError, type SnippetsError } from '../../src/client/index.ts';
import { createSandbox } from '../../src/sandbox/in-process.ts';
import { createSandbox as createSandboxWithHandlers, SANDBOX_BASE_URL, sandboxHandlers } from '../../src/sandbox/msw-handlers.ts';
import { demoKeys, demoTeams, fixtures } from '../helpers/sandbox.ts';

const RATE_LIMIT = 3;
const acmeQuota = fixtures.workspaces.find((w) => w.id === fixtures.apiKeys.find((k) => k.key === demoKeys.acme)!.workspaceId)!.remainingRequests;

/** What a call of the consumer code came to. */
interface Outcome {
  status: number | undefined;
  code?: string;
  remaining?: number;
}

const failed = (error: SnippetsError, response: Response | undefined): Outcome => ({ status: response?.status, code: error instanceof SnippetsApiError ? error.code : error.kind });

/**
 * Consumer code: a team's notes module over the Snippets API, written against
 * the typed client and the global fetch; it knows nothing of MSW or the
 * sandbox. (The client takes `globalThis.fetch` when it is created, so it must
 * be created once MSW has patched fetch, after `server.listen()`.)
 */
function notesApi(baseUrl: string) {
  const client = createSnippetsClient({ baseUrl, apiKey: demoKeys.acme, retry: false });
  return {
    async save(title: string, text: string): Promise<Outcome & { id?: string }> {
      const { data, error, response } = await client.POST('/api/prompts/snippet', { body: { title, content: { type: 'plaintext', content: text }, teamId: demoTeams.platform } });
      return error ? failed(error, response) : { status: response.status, id: data.data.id, remaining: data.usage.remainingRequests };
    },
    async open(id: string): Promise<Outcome & { title?: string }> {
      const { data, error, response } = await client.GET('/api/prompts/snippet', { params: { query: { id } } });
      return error ? failed(error, response) : { status: response.status, title: data.data.title, remaining: data.usage.remainingRequests };
    },
    async tags(): Promise<Outcome> {
      const { data, error, response } = await client.GET('/api/prompts/tags');
      return error ? failed(error, response) : { status: response.status, remaining: data.usage.remainingRequests };
    },
  };
}

const unknownId = '00000000-0000-4000-8000-000000000000';

const sandbox = await createSandbox({ rateLimitForEveryKey: RATE_LIMIT });
const server = setupServer(...sandboxHandlers(sandbox));

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(async () => {
  server.resetHandlers();
  await sandbox.reset();
});
afterAll(async () => {
  server.close();
  await sandbox.close();
});

describe('sandboxHandlers() with msw/node', () => {
  it('answers the consumer’s create and read, and a typed 404, as the sandbox does', async () => {
    const notes = notesApi(SANDBOX_BASE_URL);
    const saved = await notes.save('Through MSW', 'hello');
    expect(saved).toEqual({ status: 201, id: expect.any(String), remaining: acmeQuota - 1 });
    expect(await notes.open(saved.id!)).toEqual({ status: 200, title: 'Through MSW', remaining: acmeQuota - 2 });
    expect(await notes.open(unknownId)).toEqual({ status: 404, code: 'SNIPPET_NOT_FOUND' });
  });

  it(`answers 429 RATE_LIMIT_EXCEEDED once the key has made its ${RATE_LIMIT} requests of the window`, async () => {
    const notes = notesApi(SANDBOX_BASE_URL);
    for (let sent = 1; sent <= RATE_LIMIT; sent++) expect(await notes.tags()).toEqual({ status: 200, remaining: expect.any(Number) });
    expect(await notes.tags()).toEqual({ status: 429, code: 'RATE_LIMIT_EXCEEDED' });
    const raw = await fetch(`${SANDBOX_BASE_URL}/api/prompts/tags`, { headers: { authorization: `Bearer ${demoKeys.acme}` } });
    expect(raw.status).toBe(429);
    expect(Number(raw.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(raw.headers.get('x-request-id')).toMatch(/^req_/);
  });

  // Runs after the tests above spent quota and used up the window: afterEach's reset() gave both back.
  it('starts each test afresh after reset(): the whole quota and rate window again', async () => {
    const notes = notesApi(SANDBOX_BASE_URL);
    const saved = await notes.save('After reset', 'again');
    expect(saved).toEqual({ status: 201, id: expect.any(String), remaining: acmeQuota - 1 });
    expect(await notes.open(saved.id!)).toEqual({ status: 200, title: 'After reset', remaining: acmeQuota - 2 });
  });

  it('hands every method and path under baseUrl to the sandbox: an unknown endpoint is its 404', async () => {
    const answer = await fetch(`${SANDBOX_BASE_URL}/api/prompts/nothing-here?x=1`, { method: 'PATCH', body: '{}' });
    expect(answer.status).toBe(404);
    expect((await answer.json()).code).toBe('ENDPOINT_NOT_FOUND');
    const health = await fetch(`${SANDBOX_BASE_URL}/health`);
    expect(health.status).toBe(200);
  });

  it('answers under a baseUrl with a path as a sandbox mounted there', async () => {
    const baseUrl = 'https://gateway.example/snippets/';
    const mounted = await createSandbox();
    try {
      server.use(...sandboxHandlers(mounted, { baseUrl }));
      const notes = notesApi(baseUrl.replace(/\/$/, ''));
      const saved = await notes.save('Mounted', 'hi');
      expect(saved.status).toBe(201);
      expect(await notes.open(saved.id!)).toMatchObject({ status: 200, title: 'Mounted' });
      // The sandbox under the default baseUrl is another one, with other data.
      expect(await notesApi(SANDBOX_BASE_URL).open(saved.id!)).toEqual({ status: 404, code: 'SNIPPET_NOT_FOUND' });
    } finally {
      await mounted.close();
    }
  });

  it('gives the same handlers as sandbox.handlers() on the sandbox of snippets-api-contract/sandbox/msw', async () => {
    const baseUrl = 'http://method.test';
    const withHandlers = await createSandboxWithHandlers();
    try {
      server.use(...withHandlers.handlers({ baseUrl }));
      const saved = await notesApi(baseUrl).save('Through handlers()', 'hi');
      expect(saved.status).toBe(201);
      expect(await notesApi(baseUrl).open(saved.id!)).toMatchObject({ status: 200, title: 'Through handlers()' });
    } finally {
      await withHandlers.close();
    }
  });

  it('refuses a baseUrl that is not a plain absolute http(s) URL', () => {
    for (const baseUrl of ['sandbox.test', '/api', 'ftp://sandbox.test', 'http://user:pw@sandbox.test', 'http://sandbox.test/?x=1', 'http://sandbox.test/#top']) {
      expect(() => sandboxHandlers(sandbox, { baseUrl }), baseUrl).toThrow(TypeError);
    }
  });
});
