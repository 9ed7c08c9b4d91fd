import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSnippetsClient, errorCatalog, InvalidResponseError, NetworkError, toUserMessage, PermissionError, RateLimitError, ServerError, TimeoutError, type ClientEvent, type RetryOptions } from '../../src/client/index.ts';
import { errorBody, startScriptedServer, type ScriptedServer } from '../helpers/scripted-server.ts';

let server: ScriptedServer;
beforeAll(async () => (server = await startScriptedServer()));
afterAll(() => server?.close());

function client(retry: Partial<RetryOptions> = {}, extra: { timeoutMs?: number } = {}) {
  const events: ClientEvent[] = [];
  const api = createSnippetsClient({
    baseUrl: server.url,
    apiKey: 'sk_test_retryTestsKey000000000000001',
    retry: { baseDelayMs: 20, maxDelayMs: 2_000, deadlineMs: 10_000, ...retry },
    onEvent: (event) => events.push(event),
    ...extra,
  });
  return { api, events, retries: () => events.filter((e): e is Extract<ClientEvent, { type: 'retry' }> => e.type === 'retry') };
}

const getTags = (api: ReturnType<typeof client>['api'], init: { signal?: AbortSignal } = {}) => api.GET('/api/prompts/tags', init);

describe('the retry policy', () => {
  it.each([
    [400, 'PARAMETER_INVALID'],
    [401, 'AUTH_KEY_UNKNOWN'],
    [404, 'SNIPPET_NOT_FOUND'],
    [403, 'TEAM_ACCESS_DENIED'],
    [409, 'VARIATION_LAST_REMAINING'],
  ])('never retries a %i', async (status, code) => {
    server.script({ status, body: errorBody(code) });
    const { api } = client();
    const { error } = await getTags(api);
    expect(error).toMatchObject({ status, code });
    expect(server.received).toHaveLength(1);
  });

  it.each([429, 500, 502, 503, 504])('retries a %i, then succeeds', async (status) => {
    server.script({ status, body: errorBody(status === 429 ? 'RATE_LIMIT_EXCEEDED' : 'INTERNAL_ERROR') }, {});
    const { api, retries } = client();
    const { data } = await getTags(api);
    expect(data?.success).toBe(true);
    expect(server.received).toHaveLength(2);
    expect(retries().map((r) => [r.reason, r.status])).toEqual([['status', status]]);
  });

  it('honours Retry-After in seconds over its own backoff, within 10%', async () => {
    server.script({ status: 503, headers: { 'retry-after': '1' }, body: errorBody('SERVICE_UNAVAILABLE') }, {});
    const { api, retries } = client({ baseDelayMs: 5 });
    await getTags(api);
    const waited = server.received[1]!.at - server.received[0]!.at;
    expect(retries()[0]!.delayMs).toBe(1000);
    expect(waited).toBeGreaterThanOrEqual(900);
    expect(waited).toBeLessThanOrEqual(1100);
  });

  it('honours Retry-After as an HTTP date', async () => {
    const at = new Date(Math.ceil(Date.now() / 1000) * 1000 + 2000);
    server.script({ status: 429, headers: { 'retry-after': at.toUTCString() }, body: errorBody('RATE_LIMIT_EXCEEDED') }, {});
    const { api, retries } = client({ baseDelayMs: 5, maxDelayMs: 5_000 });
    await getTags(api);
    const asked = retries()[0]!.delayMs;
    expect(asked).toBeGreaterThan(900);
    expect(asked).toBeLessThanOrEqual(3000);
    expect(server.received[1]!.at - server.received[0]!.at).toBeGreaterThanOrEqual(asked * 0.9);
  });

  it('backs off exponentially, with jitter, never above the cap', async () => {
    server.script({ status: 503, body: errorBody('SERVICE_UNAVAILABLE') });
    const { api, retries } = client({ attempts: 6, baseDelayMs: 10, maxDelayMs: 60, random: () => 0.999 });
    const { error } = await getTags(api);
    expect(error).toBeInstanceOf(ServerError);
    expect(server.received).toHaveLength(6);
    const delays = retries().map((r) => r.delayMs);
    expect(delays).toEqual([9, 19, 39, 59, 59]);
    const half = client({ attempts: 3, baseDelayMs: 10, maxDelayMs: 60, random: () => 0.5 });
    await getTags(half.api);
    expect(half.retries().map((r) => r.delayMs)).toEqual([5, 10]);
  });

  it('stops at the deadline', async () => {
    server.script({ status: 503, body: errorBody('SERVICE_UNAVAILABLE') });
    const { api, retries } = client({ attempts: 100, baseDelayMs: 100, maxDelayMs: 100, deadlineMs: 450, random: () => 0.999 });
    const started = performance.now();
    const { error } = await getTags(api);
    const elapsed = performance.now() - started;
    expect(error).toBeInstanceOf(ServerError);
    expect(elapsed).toBeLessThan(600);
    expect(server.received.length).toBeGreaterThanOrEqual(3);
    expect(server.received.length).toBeLessThanOrEqual(6);
    expect(retries().length).toBe(server.received.length - 1);
  });

  it('does not shorten a Retry-After longer than it may wait: it fails instead', async () => {
    server.script({ status: 429, headers: { 'retry-after': '120' }, body: errorBody('RATE_LIMIT_EXCEEDED') });
    const { api } = client({ maxDelayMs: 5_000 });
    const { error } = await getTags(api);
    expect(error).toMatchObject({ code: 'RATE_LIMIT_EXCEEDED', retryAfter: 120 });
    expect(server.received).toHaveLength(1);
  });

  it('is cancelled by an AbortSignal in the middle of a wait', async () => {
    server.script({ status: 503, headers: { 'retry-after': '5' }, body: errorBody('SERVICE_UNAVAILABLE') }, {});
    const { api, retries } = client({ maxDelayMs: 10_000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('user left the page')), 150);
    const started = performance.now();
    await expect(getTags(api, { signal: controller.signal })).rejects.toThrow('user left the page');
    expect(performance.now() - started).toBeLessThan(1000);
    expect(retries().map((r) => r.delayMs)).toEqual([5000]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(server.received).toHaveLength(1);
  });

  it('retries a dropped connection as a network error', async () => {
    server.script({ hangUp: true }, {});
    const { api, retries } = client();
    const { data } = await getTags(api);
    expect(data?.success).toBe(true);
    expect(retries()[0]!.reason).toBe('network');
  });

  it('gives a NetworkError once the attempts are spent', async () => {
    server.script({ hangUp: true });
    const { api } = client({ attempts: 2 });
    const { error } = await getTags(api);
    expect(error).toBeInstanceOf(NetworkError);
  });

  it('times out a slow attempt and retries it', async () => {
    server.script({ delayMs: 400 }, {});
    const { api, retries } = client({}, { timeoutMs: 100 });
    const { data } = await getTags(api);
    expect(data?.success).toBe(true);
    expect(retries()[0]!.reason).toBe('timeout');
    const once = client({ attempts: 1 }, { timeoutMs: 100 });
    server.script({ delayMs: 400 });
    expect((await getTags(once.api)).error).toBeInstanceOf(TimeoutError);
  });

  it('does not hammer a blocked key: fails at once by default, or waits its Retry-After when asked to', async () => {
    const blocked = { status: 403, headers: { 'retry-after': '1' }, body: errorBody('KEY_TEMPORARILY_BLOCKED') };
    server.script(blocked, {});
    const failFast = client();
    const { error } = await getTags(failFast.api);
    // The block is a 403 of the rate_limit category: a RateLimitError, not a PermissionError.
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).not.toBeInstanceOf(PermissionError);
    expect(error).toMatchObject({ status: 403, code: 'KEY_TEMPORARILY_BLOCKED', retryAfter: 1 });
    expect(server.received).toHaveLength(1);
    server.script(blocked, {});
    const waiting = client({ onKeyBlocked: 'wait' });
    const { data } = await getTags(waiting.api);
    expect(data?.success).toBe(true);
    expect(waiting.retries().map((r) => [r.reason, r.delayMs])).toEqual([['key-blocked', 1000]]);
  });
});

describe('POST', () => {
  const body = { tagName: 'x', teamId: '7ea40000-0000-4000-8000-000000000001' };

  it('is retried under an Idempotency-Key the client adds itself, the same on every attempt', async () => {
    server.script({ status: 503, body: errorBody('SERVICE_UNAVAILABLE') }, { status: 201 });
    const { api } = client();
    await api.POST('/api/prompts/tag', { body });
    const keys = server.received.map((r) => r.headers['idempotency-key']);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
    expect(server.received[1]!.body).toBe(JSON.stringify(body));
  });

  it('keeps an Idempotency-Key given by the caller', async () => {
    server.script({ status: 201 });
    const { api } = client();
    await api.POST('/api/prompts/tag', { body, headers: { 'Idempotency-Key': 'my-own-key' } });
    expect(server.received[0]!.headers['idempotency-key']).toBe('my-own-key');
  });

  it('is sent once, with no key, when retries are off', async () => {
    server.script({ status: 503, body: errorBody('SERVICE_UNAVAILABLE') });
    const api = createSnippetsClient({ baseUrl: server.url, apiKey: 'sk_test_retryTestsKey000000000000001', retry: false });
    await api.POST('/api/prompts/tag', { body });
    expect(server.received).toHaveLength(1);
    expect(server.received[0]!.headers['idempotency-key']).toBeUndefined();
  });
});

describe('answers that are not the contract JSON', () => {
  it('a 2xx HTML page is an InvalidResponseError with what is known, reported as a failure', async () => {
    server.script({ status: 200, body: '<html>maintenance</html>' });
    const { api, events } = client();
    const { error } = await getTags(api);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).toMatchObject({ status: 200, contentType: 'text/html', bodyStart: '<html>maintenance</html>', requestId: 'req_scripted0001' });
    expect(events.map((e) => e.type)).toEqual(['request', 'failure']);
    expect(events[1]).toMatchObject({ error: 'invalid-response', status: 200 });
  });

  it('never keeps the API key, even when a page echoes it', async () => {
    const key = 'sk_test_retryTestsKey000000000000001';
    server.script({ status: 403, body: `<pre>Authorization: Bearer ${key}</pre>` });
    const { api } = client();
    const { error } = await getTags(api);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(JSON.stringify(error)).not.toContain(key);
    expect((error as InvalidResponseError).bodyStart).toContain('[redacted]');
  });
});

describe('events and messages at the edges', () => {
  it('reports a cancelled call as a failure of kind aborted', async () => {
    server.script({ status: 503, headers: { 'retry-after': '5' }, body: errorBody('SERVICE_UNAVAILABLE') });
    const { api, events } = client({ maxDelayMs: 10_000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('closed')), 100);
    await expect(getTags(api, { signal: controller.signal })).rejects.toThrow('closed');
    expect(events.at(-1)).toMatchObject({ type: 'failure', error: 'aborted', status: 503 });
  });

  it('waits out a blocked key when asked to, within maxDelayMs', async () => {
    server.script({ status: 403, headers: { 'retry-after': '1' }, body: errorBody('KEY_TEMPORARILY_BLOCKED') }, {});
    const { api, retries } = client({ onKeyBlocked: 'wait', maxDelayMs: 1_000 });
    expect((await getTags(api)).data?.success).toBe(true);
    expect(retries().map((r) => [r.reason, r.delayMs])).toEqual([['key-blocked', 1_000]]);
  });

  it('gives a batch item error its user message, and an unknown code the fallback', () => {
    expect(toUserMessage({ index: 3, code: 'TAG_NOT_FOUND', message: 'Tag not found' })).toBe(errorCatalog.TAG_NOT_FOUND.userMessage);
    expect(toUserMessage({ index: 4, code: 'SOMETHING_NEWER', message: 'x' }, { fallback: 'Could not save this one.' })).toBe('Could not save this one.');
  });
});
