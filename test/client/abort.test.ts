// The per-attempt timeout and the caller's AbortSignal while a request is in
// flight: before the answer's headers, and while its body is read.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSnippetsClient, RequestLimiter, TimeoutError, type ClientEvent } from '../../src/client/index.ts';
import { startScriptedServer, type ScriptedServer } from '../helpers/scripted-server.ts';

let server: ScriptedServer;
beforeAll(async () => (server = await startScriptedServer()));
afterAll(() => server?.close());

function client(timeoutMs?: number) {
  const events: ClientEvent[] = [];
  const api = createSnippetsClient({
    baseUrl: server.url,
    apiKey: 'sk_test_abortTestsKey000000000000001',
    retry: { attempts: 1 },
    limiter: new RequestLimiter(),
    onEvent: (event) => events.push(event),
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
  });
  return { api, events };
}

const abortIn = (ms: number) => {
  const controller = new AbortController();
  setTimeout(() => controller.abort(new Error('user left the page')), ms);
  return controller.signal;
};

describe('a request in flight', () => {
  it('times out at its configured time', async () => {
    server.script({ delayMs: 3_000 });
    const { api, events } = client(200);
    const started = performance.now();
    const { error } = await api.GET('/api/prompts/tags');
    const took = performance.now() - started;
    expect(error).toBeInstanceOf(TimeoutError);
    expect(took).toBeGreaterThanOrEqual(195);
    expect(took).toBeLessThan(1_000);
    expect(events.at(-1)).toMatchObject({ type: 'failure', error: 'timeout' });
  });

  it.each([
    ['with the default timeout', undefined],
    ['without a timeout', 0],
  ])('is cancelled by the caller before the headers arrive, %s', async (_, timeoutMs) => {
    server.script({ delayMs: 3_000 });
    const { api, events } = client(timeoutMs);
    const started = performance.now();
    await expect(api.GET('/api/prompts/tags', { signal: abortIn(150) })).rejects.toThrow('user left the page');
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(events.at(-1)).toMatchObject({ type: 'failure', error: 'aborted' });
  });

  it.each([
    ['with the default timeout', undefined],
    ['without a timeout', 0],
  ])('is cancelled by the caller while its body is read, %s', async (_, timeoutMs) => {
    server.script({ bodyDelayMs: 3_000 });
    const { api } = client(timeoutMs);
    const started = performance.now();
    await expect(api.GET('/api/prompts/tags', { signal: abortIn(150) })).rejects.toThrow();
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('is not sent when the caller aborted before the call', async () => {
    server.script({});
    const { api } = client();
    const controller = new AbortController();
    controller.abort(new Error('too late'));
    await expect(api.GET('/api/prompts/tags', { signal: controller.signal })).rejects.toThrow('too late');
    expect(server.received).toHaveLength(0);
  });
});

// A collection between the call and the abort, as any busy process has: in
// undici a clone of a Request follows the original's signal only weakly
// (nodejs/undici#4068), so a request with a body, sent as a clone on each
// attempt, must name its signal or the abort is lost.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

describe('a request with a body, aborted after a garbage collection', () => {
  it.each([
    ['with the default timeout', 'headers', undefined],
    ['with the default timeout', 'body', undefined],
    ['with a short timeout (a signal)', 'headers', 2_000],
    ['without a timeout', 'headers', 0],
    ['without a timeout', 'body', 0],
  ] as const)('is cancelled %s, while waiting for the %s', async (_, stage, timeoutMs) => {
    const { api } = client(timeoutMs);
    server.script({}, stage === 'headers' ? { delayMs: 3_000 } : { bodyDelayMs: 3_000 });
    expect((await api.GET('/api/prompts/tags')).data).toBeDefined();
    const controller = new AbortController();
    setTimeout(() => {
      collectGarbage();
      setTimeout(() => controller.abort(new Error('user cancelled')), 50);
    }, 150);
    const started = performance.now();
    const put = api.PUT('/api/prompts/snippet', { params: { query: { id: '6f1f5c2e-8f4b-4a53-9a51-2d5f1f0c9a11' } }, body: { title: 'x' }, signal: controller.signal });
    await expect(put).rejects.toThrow('user cancelled');
    expect(performance.now() - started).toBeLessThan(1_500);
  });
});
