// The per-attempt timeout and the caller's AbortSignal while a request is in
// flight: before the answer's headers, and while its body is read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSnippetsClient, TimeoutError, type ClientEvent } from '../../src/client/index.ts';
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
    limiter: true,
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
