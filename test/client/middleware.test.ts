// Middleware of the user's (client.raw.use) and what goes over the wire.
// Until one is registered, the client has openapi-fetch build a
// PlannedRequest (the URL and init, no Request) and fetch builds the only
// Request; once one is, every call builds a real Request, which the
// middleware sees. Both must send exactly the same requests.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSnippetsClient, type SnippetsClient } from '../../src/client/index.ts';
import { startScriptedServer, type ReceivedRequest, type ScriptedServer } from '../helpers/scripted-server.ts';

let server: ScriptedServer;
beforeAll(async () => (server = await startScriptedServer()));
afterAll(() => server?.close());

const id = '6f1f5c2e-8f4b-4a53-9a51-2d5f1f0c9a11';
const other = '0b7c7a3e-5d2a-4f0e-8a8e-9d1c2b3a4f5e';

/** The same calls, of every method, with a query list, a body and a header of the call's own. */
async function calls(api: SnippetsClient): Promise<void> {
  const loose = api as unknown as Record<'GET' | 'POST' | 'PUT' | 'DELETE', (url: string, init: object) => Promise<{ error?: unknown }>>;
  const results = [
    await loose.GET('/api/prompts/snippet', { params: { query: { id } }, headers: { 'x-trace': 'abc' } }),
    await loose.GET('/api/prompts/snippets', { params: { query: { ids: [id, other] } } }),
    await loose.POST('/api/prompts/snippet', { body: { title: 'Grüße', content: { type: 'plaintext', content: 'Hi' } } }),
    await loose.POST('/api/prompts/snippet', { body: { title: 'x' }, params: { header: { 'Idempotency-Key': 'form-42' } } }),
    await loose.PUT('/api/prompts/snippet', { params: { query: { id } }, body: { title: 'Renamed' } }),
    await loose.DELETE('/api/prompts/snippets', { params: { query: { ids: [id] } } }),
  ];
  for (const result of results) expect(result.error).toBeUndefined();
}

/** What the server saw, without what differs by nature from one sending to the next (a generated key, the connection). */
function comparable(received: ReceivedRequest[]) {
  return received.map(({ method, url, body, headers }) => {
    const { 'idempotency-key': key, connection, ...rest } = headers;
    return { method, url, body, headers: rest, idempotencyKey: key === undefined ? 'none' : key === 'form-42' ? key : 'generated' };
  });
}

describe('a middleware of the user’s', () => {
  it('sees a real Request on every call, and the requests sent are the same as without it', async () => {
    const api = createSnippetsClient({ baseUrl: server.url, apiKey: 'sk_test_middlewareTestsKey000000000001', retry: {} });
    server.script({});
    await calls(api);
    const without = comparable(server.received);
    expect(without).toHaveLength(6);

    const seen: { isRequest: boolean; method: string; body: string }[] = [];
    api.raw.use({
      async onRequest({ request }) {
        seen.push({ isRequest: request instanceof Request, method: request.method, body: await request.clone().text() });
      },
    });
    server.script({});
    await calls(api);
    expect(comparable(server.received)).toEqual(without);
    expect(seen.map((s) => s.isRequest)).toEqual([true, true, true, true, true, true]);
    expect(seen.map((s) => s.method)).toEqual(without.map((r) => r.method));
    expect(seen.map((s) => s.body)).toEqual(without.map((r) => r.body));
  });

  it('can replace the request, and the replacement is what is sent', async () => {
    const api = createSnippetsClient({ baseUrl: server.url, apiKey: 'sk_test_middlewareTestsKey000000000001' });
    api.raw.use({
      onRequest({ request }) {
        const replaced = new Request(request, { headers: new Headers(request.headers) });
        replaced.headers.set('x-replaced', 'yes');
        return replaced;
      },
    });
    server.script({});
    await calls(api);
    expect(server.received.map((r) => r.headers['x-replaced'])).toEqual(Array(6).fill('yes'));
  });
});

describe('a call’s own options, with no middleware registered', () => {
  const key = 'sk_test_middlewareTestsKey000000000001';

  it('a fetch of the call’s gets a Request, and a Request class of the call’s is used', async () => {
    const api = createSnippetsClient({ baseUrl: server.url, apiKey: key });
    server.script({});
    const given: unknown[] = [];
    const own = (input: Request) => (given.push(input), globalThis.fetch(input));
    expect((await api.GET('/api/prompts/tags', { fetch: own } as Record<string, unknown>)).data).toBeDefined();
    expect(given).toHaveLength(1);
    expect(given[0]).toBeInstanceOf(Request);

    const built: string[] = [];
    class CountingRequest extends Request {
      constructor(input: RequestInfo | URL, init?: RequestInit) {
        super(input, init);
        built.push(this.url);
      }
    }
    expect((await api.GET('/api/prompts/tags', { Request: CountingRequest } as Record<string, unknown>)).data).toBeDefined();
    expect(built).toEqual([`${server.url}/api/prompts/tags`]);
  });

  it.each([
    ['cache', 'only-if-cached'],
    ['redirect', 'nope'],
    ['mode', 'navigate'],
  ])('%s: %j, refused as a Request refuses it: at once, not retried, the same with a middleware', async (member, value) => {
    const outcomes = [];
    for (const withMiddleware of [false, true]) {
      const events: string[] = [];
      const api = createSnippetsClient({ baseUrl: server.url, apiKey: key, retry: { attempts: 3, baseDelayMs: 1 }, onEvent: (event) => events.push(event.type) });
      if (withMiddleware) api.raw.use({ onRequest() {} });
      server.script({});
      const { error } = await api.GET('/api/prompts/tags', { [member]: value } as Record<string, unknown>);
      outcomes.push({ error: error?.constructor.name, message: error?.message, events, sent: server.received.length });
    }
    expect(outcomes[0]).toEqual(outcomes[1]);
    expect(outcomes[0]!.error).toBeDefined();
    expect(outcomes[0]!.events).not.toContain('retry');
    expect(outcomes[0]!.sent).toBe(0);
  });
});

describe('createSnippetsClient', () => {
  it('refuses a base URL with a user name or password, without repeating it', () => {
    expect(() => createSnippetsClient({ baseUrl: 'http://me:s3cret@127.0.0.1:4010', apiKey: 'sk_test_x' })).toThrow(/must not contain a user name or password/);
    expect(() => createSnippetsClient({ baseUrl: 'http://me:s3cret@127.0.0.1:4010', apiKey: 'sk_test_x' })).not.toThrow(/s3cret/);
  });

  it.each([['not a url'], ['/api/prompts'], ['ftp://example.com'], [''], [undefined]])('refuses the base URL %j, naming it and the fix', (baseUrl) => {
    let message = '';
    try {
      createSnippetsClient({ baseUrl: baseUrl as string, apiKey: 'sk_test_x' });
    } catch (error) {
      expect(error).toBeInstanceOf(TypeError);
      message = (error as Error).message;
    }
    expect(message).toContain('baseUrl must be an absolute http(s) URL such as "http://127.0.0.1:4010"');
    expect(message).toContain(`got ${JSON.stringify(baseUrl)}`);
  });
});
