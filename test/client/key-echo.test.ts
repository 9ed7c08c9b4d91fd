// A server or proxy that echoes the Authorization header in its error body
// (issue #16, point 4): the key is redacted from everything the client
// keeps: the error's message, detail, details, usage, requestId,
// toString(), JSON and stack.
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createSnippetsClient, SnippetsApiError } from '../../src/client/index.ts';

const key = 'sk_test_echoedByAProxy00000000000001';

/** An answer that quotes the key everywhere a field allows, as a careless proxy or debugging server might. */
const echoing: typeof fetch = async () =>
  new Response(
    JSON.stringify({
      success: false,
      code: 'AUTH_KEY_UNKNOWN',
      message: `Unknown key Bearer ${key}`,
      error: `header was: Authorization: Bearer ${key}`,
      requestId: `req_${key}`,
      details: [{ field: `Authorization ${key}`, issue: `is ${key}` }],
      usage: { remainingRequests: 0, requiredRequests: 1, note: key, [key]: [key] },
    }),
    { status: 401, headers: { 'content-type': 'application/json' } },
  );

describe('a key echoed back by the server', () => {
  it('appears nowhere in the typed error', async () => {
    const client = createSnippetsClient({ baseUrl: 'http://echo.test', apiKey: key, fetch: echoing, retry: false });
    const { error } = await client.GET('/api/prompts/tags');
    expect(error).toBeInstanceOf(SnippetsApiError);
    const views = [error!.message, String(error), JSON.stringify(error), error!.stack ?? '', inspect(error, { depth: 10 })];
    for (const view of views) expect(view).not.toContain(key);
    // What was said is kept, with the key replaced.
    expect(error!.message).toContain('[redacted]');
    expect(JSON.stringify(error)).toContain('[redacted]');
  });
});
