// The per-attempt timeout, on both of its routes (src/client/headers-timer.ts):
// undici's headers timer when the client sends with Node's own fetch and the
// timeout is long enough for that timer's half-second tick, an AbortSignal
// otherwise. Each route must give a TimeoutError on time and really give up
// the request (its connection closed), and the client must notice a fetch
// that ignores the dispatcher and fall back to the signal.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createSnippetsClient, TimeoutError, type SnippetsClientOptions } from '../../src/client/index.ts';
import { GLOBAL_DISPATCHER, HEADERS_TIMER_MIN_MS } from '../../src/client/headers-timer.ts';
import { startScriptedServer, type ScriptedServer } from '../helpers/scripted-server.ts';

const TIMEOUT = HEADERS_TIMER_MIN_MS;
/** undici's timer ticks about every 500 ms, so it may fire that much late; a signal's timer is precise. Both with room for a busy machine. */
const TIMER_LATENESS_MS = 1_500;
const SIGNAL_LATENESS_MS = 1_000;

/** Node's fetch, before any test replaces the global. */
const nodeFetch = globalThis.fetch;

const servers: ScriptedServer[] = [];
async function server(): Promise<ScriptedServer> {
  const started = await startScriptedServer();
  servers.push(started);
  return started;
}
afterAll(() => Promise.all(servers.map((s) => s.close())));
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

function client(baseUrl: string, extra: Partial<SnippetsClientOptions> = {}) {
  return createSnippetsClient({ baseUrl, apiKey: 'sk_test_timeoutTestsKey00000000000001', retry: { attempts: 1 }, timeoutMs: TIMEOUT, ...extra });
}

/** One call that the server answers too late: the error, how long it took, and when the server saw its connection close. */
async function lateCall(api: ReturnType<typeof client>, at: ScriptedServer) {
  const started = performance.now();
  const { error } = await api.GET('/api/prompts/tags');
  const tookMs = performance.now() - started;
  await vi.waitFor(() => expect(at.received[0]?.connectionClosedAt).toBeDefined(), { timeout: 2_000 });
  return { error, tookMs, closedAfterMs: at.received[0]!.connectionClosedAt! - started };
}

describe.concurrent(`a ${TIMEOUT} ms timeout`, () => {
  let timerServer: ScriptedServer;
  let signalServer: ScriptedServer;
  let fallbackServer: ScriptedServer;
  let ownServer: ScriptedServer;
  beforeAll(async () => {
    [timerServer, signalServer, fallbackServer, ownServer] = await Promise.all([server(), server(), server(), server()]);
  });

  it("with Node's own fetch: once an answer shows fetch uses the dispatcher, runs on undici's headers timer (no signal), closes the connection, and the client goes on", async () => {
    const sent = vi.spyOn(globalThis, 'fetch');
    const api = client(timerServer.url);
    timerServer.script({});
    expect((await api.GET('/api/prompts/tags')).data).toBeDefined();
    const probe = sent.mock.calls.find(([input]) => String(input instanceof Request ? input.url : input).startsWith(timerServer.url))?.[1];
    expect(probe).toMatchObject({ dispatcher: expect.any(Object), signal: expect.any(AbortSignal) });
    sent.mockClear();
    timerServer.script({ delayMs: TIMEOUT + 3_000 }, {});
    const { error, tookMs, closedAfterMs } = await lateCall(api, timerServer);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).timeoutMs).toBe(TIMEOUT);
    expect(tookMs).toBeGreaterThanOrEqual(TIMEOUT - 5);
    expect(tookMs).toBeLessThan(TIMEOUT + TIMER_LATENESS_MS);
    expect(closedAfterMs).toBeLessThan(TIMEOUT + TIMER_LATENESS_MS);
    const init = sent.mock.calls.find(([input]) => String(input instanceof Request ? input.url : input).startsWith(timerServer.url))?.[1];
    expect(init).toMatchObject({ dispatcher: expect.any(Object) });
    expect(init?.signal).toBeUndefined();
    expect((await api.GET('/api/prompts/tags')).data).toBeDefined();
  });

  it('with a fetch of the caller’s: runs on a signal, on time, and closes the connection', async () => {
    const api = client(signalServer.url, { fetch: (input, init) => globalThis.fetch(input, init) });
    signalServer.script({ delayMs: TIMEOUT + 3_000 });
    const { error, tookMs, closedAfterMs } = await lateCall(api, signalServer);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(tookMs).toBeGreaterThanOrEqual(TIMEOUT - 5);
    expect(tookMs).toBeLessThan(TIMEOUT + SIGNAL_LATENESS_MS);
    expect(closedAfterMs).toBeLessThan(TIMEOUT + SIGNAL_LATENESS_MS);
  });

  it('with a global fetch that ignores the dispatcher (a mock, a wrapper): a signal, before the first answer and after it', async () => {
    // The client takes the global fetch when it is created: the stub is needed only that long (the tests run at once).
    vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) => nodeFetch(input, init && ({ ...init, dispatcher: undefined } as RequestInit)));
    const api = client(fallbackServer.url);
    vi.unstubAllGlobals();
    fallbackServer.script({ delayMs: TIMEOUT + 3_000 });
    const first = await lateCall(api, fallbackServer);
    expect(first.error).toBeInstanceOf(TimeoutError);
    expect(first.tookMs).toBeLessThan(TIMEOUT + SIGNAL_LATENESS_MS);
    fallbackServer.script({});
    expect((await api.GET('/api/prompts/tags')).data).toBeDefined();
    fallbackServer.script({ delayMs: TIMEOUT + 3_000 });
    const after = await lateCall(api, fallbackServer);
    expect(after.error).toBeInstanceOf(TimeoutError);
    expect(after.tookMs).toBeLessThan(TIMEOUT + SIGNAL_LATENESS_MS);
  });

  it('keeps a dispatcher given to the call (the timeout is then a signal)', async () => {
    const api = client(ownServer.url);
    const dispatched: string[] = [];
    const global = (globalThis as Record<symbol, { dispatch(options: object, handler: object): boolean }>)[GLOBAL_DISPATCHER]!;
    const own = { dispatch: (options: { path: string }, handler: object) => (dispatched.push(options.path), global.dispatch(options, handler)) };
    ownServer.script({ delayMs: TIMEOUT + 3_000 });
    const started = performance.now();
    const { error } = await api.GET('/api/prompts/tags', { dispatcher: own } as Record<string, unknown>);
    expect(dispatched).toEqual(['/api/prompts/tags']);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(performance.now() - started).toBeLessThan(TIMEOUT + SIGNAL_LATENESS_MS);
  });
});

describe(`a ${TIMEOUT} ms timeout, with a global dispatcher of the user's`, () => {
  type Dispatcher = { dispatch(options: { headersTimeout?: number }, handler: object): boolean };
  const globals = globalThis as unknown as Record<symbol, Dispatcher>;
  let agent: Dispatcher;
  afterEach(() => {
    if (agent) globals[GLOBAL_DISPATCHER] = agent;
  });

  it('that ignores headersTimeout (as a MockAgent does): the signal serves, even after fetch was seen to use the dispatcher', async () => {
    const at = await server();
    const api = client(at.url);
    at.script({});
    expect((await api.GET('/api/prompts/tags')).data).toBeDefined(); // the probe: fetch uses the dispatcher
    agent = globals[GLOBAL_DISPATCHER]!;
    const real = agent;
    globals[GLOBAL_DISPATCHER] = {
      dispatch(options, handler) {
        delete options.headersTimeout;
        return real.dispatch(options, handler);
      },
    };
    at.script({ delayMs: TIMEOUT + 3_000 });
    const { error, tookMs } = await lateCall(api, at);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(tookMs).toBeLessThan(TIMEOUT + SIGNAL_LATENESS_MS);
  });
});
