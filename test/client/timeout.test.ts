// The per-attempt timeout: an AbortSignal and a timer of the client's own,
// from sending to the last byte of the answer's body. A server that is late
// with its headers, or that sends them and then stalls the body, must give a
// TimeoutError on time, and the request must really be given up (its
// connection closed). Nothing of undici's internals is used.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createSnippetsClient, TimeoutError, type SnippetsClientOptions } from '../../src/client/index.ts';
import { okBody, startScriptedServer, type ScriptedServer } from '../helpers/scripted-server.ts';

const TIMEOUT = 1_000;
/** A timer of the client's own is precise; this is room for a busy machine. */
const LATENESS_MS = 1_000;
/** Far past the timeout: a client still waiting then has no timeout. */
const STALL_MS = TIMEOUT + 4_000;

const servers: ScriptedServer[] = [];
async function server(): Promise<ScriptedServer> {
  const started = await startScriptedServer();
  servers.push(started);
  return started;
}
afterAll(() => Promise.all(servers.map((s) => s.close())));

function client(baseUrl: string, extra: Partial<SnippetsClientOptions> = {}) {
  return createSnippetsClient({ baseUrl, apiKey: 'sk_test_timeoutTestsKey00000000000001', retry: { attempts: 1 }, timeoutMs: TIMEOUT, ...extra });
}

/** One call that the server answers too late: the error, how long it took, and when the server saw its connection close. */
async function lateCall(api: ReturnType<typeof client>, at: ScriptedServer) {
  const started = performance.now();
  const { error } = await api.GET('/api/prompts/tags');
  const tookMs = performance.now() - started;
  await vi.waitFor(() => expect(at.received.at(-1)?.connectionClosedAt).toBeDefined(), { timeout: 2_000 });
  return { error, tookMs, closedAfterMs: at.received.at(-1)!.connectionClosedAt! - started };
}

describe.concurrent(`a ${TIMEOUT} ms timeout`, () => {
  let headersServer: ScriptedServer;
  let bodyServer: ScriptedServer;
  let slowBodyServer: ScriptedServer;
  let deafServer: ScriptedServer;
  beforeAll(async () => {
    [headersServer, bodyServer, slowBodyServer, deafServer] = await Promise.all([server(), server(), server(), server()]);
  });

  it('with late headers: a TimeoutError on time, the connection closed, and the client goes on', async () => {
    const api = client(headersServer.url);
    headersServer.script({ delayMs: STALL_MS }, {});
    const { error, tookMs, closedAfterMs } = await lateCall(api, headersServer);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).timeoutMs).toBe(TIMEOUT);
    expect(tookMs).toBeGreaterThanOrEqual(TIMEOUT - 5);
    expect(tookMs).toBeLessThan(TIMEOUT + LATENESS_MS);
    expect(closedAfterMs).toBeLessThan(TIMEOUT + LATENESS_MS);
    expect((await api.GET('/api/prompts/tags')).data).toEqual(okBody);
  });

  it('with the headers sent and the body stalled: a TimeoutError on time, not a hang, and the connection closed', async () => {
    const api = client(bodyServer.url);
    bodyServer.script({ bodyDelayMs: STALL_MS });
    const { error, tookMs, closedAfterMs } = await lateCall(api, bodyServer);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(tookMs).toBeGreaterThanOrEqual(TIMEOUT - 5);
    expect(tookMs).toBeLessThan(TIMEOUT + LATENESS_MS);
    expect(closedAfterMs).toBeLessThan(TIMEOUT + LATENESS_MS);
  });

  it('reads a body that comes slowly but in time, whole', async () => {
    const api = client(slowBodyServer.url);
    slowBodyServer.script({ bodyDelayMs: TIMEOUT / 2 });
    const { data, error } = await api.GET('/api/prompts/tags');
    expect(error).toBeUndefined();
    expect(data).toEqual(okBody);
  });

  it('with a fetch of the caller’s that ignores the signal: still a TimeoutError on time', async () => {
    const deaf: typeof fetch = (input, init) => globalThis.fetch(input, { ...init, signal: undefined });
    const api = client(deafServer.url, { fetch: deaf });
    deafServer.script({ delayMs: STALL_MS });
    const started = performance.now();
    const { error } = await api.GET('/api/prompts/tags');
    expect(error).toBeInstanceOf(TimeoutError);
    expect(performance.now() - started).toBeLessThan(TIMEOUT + LATENESS_MS);
  });
});

describe('the client', () => {
  it("uses nothing of undici's internals (no global-dispatcher symbol, no dispatcher of its own, no headersTimeout)", () => {
    const dir = join(import.meta.dirname, '../../src/client');
    const offending = readdirSync(dir)
      .filter((name) => name.endsWith('.ts'))
      .filter((name) => /Symbol\.for\(\s*['"`]undici|headersTimeout|UND_ERR_|\.dispatcher\b|dispatcher\s*[:=]/.test(readFileSync(join(dir, name), 'utf8')));
    expect(offending).toEqual([]);
  });
});
