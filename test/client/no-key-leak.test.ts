// The API key never leaves the Authorization header: not in an event, a
// pino log line, an error's message, toString(), JSON or inspection, a user
// message, nor an ErrorTracker snapshot, across successes, 4xx answers,
// retried 5xx answers, network failures and timeouts.
import { randomUUID } from 'node:crypto';
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createSnippetsClient,
  ErrorTracker,
  NetworkError,
  pinoHook,
  SnippetsApiError,
  SnippetsError,
  TimeoutError,
  toUserMessage,
  type ClientEvent,
  type SnippetsClient,
  type SnippetsClientOptions,
} from '../../src/client/index.ts';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { closedPortUrl, startTinyServer, type TinyServer } from '../helpers/client-testing.ts';
import { demoKeys, demoTeams, fixturesFile, startSandbox } from '../helpers/sandbox.ts';

const unknownKey = 'sk_test_leakCanaryNobodyIssued000001';
const malformedKey = 'leakCanaryMalformedKey-0000002';
const content = { type: 'plaintext' as const, content: 'Hello' };
const fastRetry = { attempts: 3, baseDelayMs: 1, maxDelayMs: 2_000, deadlineMs: 5_000 };

let sandbox: Sandbox;
let tiny: TinyServer;

beforeAll(async () => {
  const file = fixturesFile((f) => f.apiKeys.forEach((k) => (k.rateLimitPerMinute = 1_000_000)));
  [sandbox, tiny] = await Promise.all([startSandbox({ fixtures: file, blockThreshold: 1_000_000 }), startTinyServer()]);
});
afterAll(async () => {
  await Promise.all([sandbox?.close(), tiny?.close()]);
});

/** Everything the client tells the outside world, for one key. */
class Watch {
  readonly events: ClientEvent[] = [];
  readonly logLines: string[] = [];
  readonly tracker = new ErrorTracker(60_000);
  readonly errors: SnippetsError[] = [];
  readonly client: SnippetsClient;

  constructor(
    readonly apiKey: string,
    options: Partial<SnippetsClientOptions> & { baseUrl: string },
  ) {
    const line = (level: string) => (object: object, message: string) => this.logLines.push(JSON.stringify({ level, ...object, msg: message }));
    const logger = { info: line('info'), warn: line('warn'), error: line('error'), debug: line('debug') };
    const log = pinoHook(logger);
    this.client = createSnippetsClient({
      apiKey,
      retry: false,
      ...options,
      onEvent: (event) => {
        this.events.push(event);
        log(event);
        this.tracker.hook(event);
      },
    });
  }

  /** Sends in the { data, error } style and keeps the error, if any. */
  async result<T extends { error?: SnippetsError }>(call: (client: SnippetsClient) => Promise<T>): Promise<T> {
    const result = await call(this.client);
    if (result.error) this.errors.push(result.error);
    return result;
  }

  /** Sends through client.throwing and keeps what was thrown, if anything. */
  async throwing(call: (client: SnippetsClient['throwing']) => Promise<unknown>): Promise<void> {
    try {
      await call(this.client.throwing);
    } catch (error) {
      expect(error).toBeInstanceOf(SnippetsError);
      this.errors.push(error as SnippetsError);
    }
  }

  /** Every text that could reach a log, a screen or a dashboard. */
  texts(): Array<[where: string, text: string]> {
    const texts: Array<[string, string]> = [
      ['events', JSON.stringify(this.events)],
      ...this.logLines.map((line, i) => [`log line ${i}`, line] as [string, string]),
      ['tracker snapshot', JSON.stringify(this.tracker.snapshot())],
    ];
    this.errors.forEach((error, i) => {
      texts.push(
        [`error ${i} message`, error.message],
        [`error ${i} toString()`, error.toString()],
        [`error ${i} String()`, String(error)],
        [`error ${i} JSON.stringify`, JSON.stringify(error)],
        [`error ${i} stack`, error.stack ?? ''],
        [`error ${i} inspect`, inspect(error, { depth: 10 })],
        [`error ${i} toUserMessage`, toUserMessage(error)],
      );
    });
    return texts;
  }

  expectNoKey(): void {
    const secret = this.apiKey.replace(/^sk_(test|live)_/, '');
    expect(secret.length).toBeGreaterThan(10);
    for (const [where, text] of this.texts()) {
      expect(text, where).not.toContain(this.apiKey);
      expect(text, where).not.toContain(secret);
      // No serialized headers either (a server message may mention the Bearer scheme, not a header dump).
      expect(text, where).not.toMatch(/["']authorization["']\s*(:|=>)/i);
    }
  }

  types(): string[] {
    return [...new Set(this.events.map((e) => (e.type === 'retry' ? `retry:${e.reason}` : e.type)))].sort();
  }
}

describe('the API key appears nowhere', () => {
  it('(the check itself finds a key wherever it is)', () => {
    const watch = new Watch(demoKeys.acme, { baseUrl: sandbox.url });
    watch.logLines.push(JSON.stringify({ msg: `key ${demoKeys.acme.slice(8)}` }));
    expect(() => watch.expectNoKey()).toThrow(/log line 0/);
    const other = new Watch(demoKeys.acme, { baseUrl: sandbox.url });
    other.errors.push(new NetworkError(`failed with ${demoKeys.acme}`, 'GET', '/x'));
    expect(() => other.expectNoKey()).toThrow(/error 0 message/);
  });

  it('on successes', async () => {
    const watch = new Watch(demoKeys.acme, { baseUrl: sandbox.url, retry: fastRetry });
    const tags = await watch.result((c) => c.GET('/api/prompts/tags'));
    expect(tags.response?.status).toBe(200);
    const created = await watch.result((c) => c.POST('/api/prompts/snippet', { body: { title: 'x', content, teamId: demoTeams.platform } }));
    expect(created.response?.status).toBe(201);
    await watch.throwing((c) => c.GET('/api/prompts/snippet', { params: { query: { id: created.data!.data.id } } }));
    expect(watch.errors).toEqual([]);
    expect(watch.types()).toEqual(['request', 'success']);
    expect(watch.logLines.filter((l) => l.includes('"level":"info"'))).toHaveLength(3);
    watch.expectNoKey();
  });

  it('on 4xx answers, the key valid or not', async () => {
    const acme = new Watch(demoKeys.acme, { baseUrl: sandbox.url, retry: fastRetry });
    await acme.result((c) => c.GET('/api/prompts/snippet', { params: { query: { id: randomUUID() } } }));
    await acme.result((c) => c.POST('/api/prompts/snippet', { body: { title: 'x'.repeat(201), content, teamId: demoTeams.platform } }));
    await acme.throwing((c) => c.POST('/api/prompts/snippet', { body: { title: 'x', content, teamId: demoTeams.legal } }));
    expect(acme.errors.map((e) => (e as SnippetsApiError).code)).toEqual(['SNIPPET_NOT_FOUND', 'FIELD_LENGTH_INVALID', 'TEAM_ACCESS_DENIED']);
    expect(acme.tracker.snapshot().total).toBe(3);
    acme.expectNoKey();

    for (const [key, code] of [
      [unknownKey, 'AUTH_KEY_UNKNOWN'],
      [malformedKey, 'AUTH_KEY_MALFORMED'],
    ] as const) {
      const watch = new Watch(key, { baseUrl: sandbox.url, retry: fastRetry });
      await watch.result((c) => c.GET('/api/prompts/tags'));
      await watch.throwing((c) => c.GET('/api/prompts/tags'));
      expect(watch.errors.map((e) => (e as SnippetsApiError).code)).toEqual([code, code]);
      expect(watch.types()).toEqual(['failure', 'request']);
      watch.expectNoKey();
    }
  });

  it('on retried 5xx answers (Prefer: code=503 with its Retry-After, code=500 with fast backoff)', async () => {
    const watch = new Watch(demoKeys.acme, { baseUrl: sandbox.url, retry: { ...fastRetry, attempts: 2 } });
    const unavailable = await watch.result((c) => c.GET('/api/prompts/tags', { headers: { prefer: 'code=503' } }));
    expect((unavailable.error as SnippetsApiError).code).toBe('SERVICE_UNAVAILABLE');
    await watch.throwing((c) => c.PUT('/api/prompts/snippet', { params: { query: { id: randomUUID() } }, body: { title: 'y' }, headers: { prefer: 'code=500' } }));
    expect((watch.errors[1] as SnippetsApiError).code).toBe('INTERNAL_ERROR');
    const retries = watch.events.filter((e) => e.type === 'retry');
    expect(retries.map((e) => [e.status, e.code])).toEqual([
      [503, 'SERVICE_UNAVAILABLE'],
      [500, 'INTERNAL_ERROR'],
    ]);
    expect(watch.types()).toEqual(['failure', 'request', 'retry:status']);
    expect(watch.logLines.filter((l) => l.includes('"level":"warn"'))).toHaveLength(2);
    watch.expectNoKey();
  });

  it('on network failures (connection refused), retried', async () => {
    const watch = new Watch(demoKeys.acme, { baseUrl: await closedPortUrl(), retry: fastRetry });
    await watch.result((c) => c.GET('/api/prompts/tags'));
    await watch.throwing((c) => c.POST('/api/prompts/tag', { body: { tagName: 'x', teamId: demoTeams.platform } }));
    expect(watch.errors).toHaveLength(2);
    for (const error of watch.errors) expect(error).toBeInstanceOf(NetworkError);
    expect(watch.types()).toEqual(['failure', 'request', 'retry:network']);
    expect(watch.events.filter((e) => e.type === 'request')).toHaveLength(6);
    expect(watch.tracker.snapshot().byCode).toEqual({ NETWORK: 2 });
    watch.expectNoKey();
  });

  it('on timeouts, retried', async () => {
    // The tiny server answers too late; it saw the key, so the key was in play.
    const seen: Array<string | undefined> = [];
    tiny.answer((request) => (seen.push(request.headers.authorization), { status: 200, body: { success: true, data: [] }, delayMs: 500 }));
    const watch = new Watch(demoKeys.acme, { baseUrl: tiny.url, retry: { ...fastRetry, attempts: 2 }, timeoutMs: 40 });
    await watch.result((c) => c.GET('/api/prompts/tags'));
    // updateTag: an operation the spec marks idempotent, so a timed-out attempt is retried.
    await watch.throwing((c) => c.PUT('/api/prompts/tag', { params: { query: { id: randomUUID() } }, body: { tagName: 'Renamed' } }));
    expect(watch.errors).toHaveLength(2);
    for (const error of watch.errors) expect(error).toBeInstanceOf(TimeoutError);
    expect(watch.types()).toEqual(['failure', 'request', 'retry:timeout']);
    expect(seen).toEqual(Array(4).fill(`Bearer ${demoKeys.acme}`));
    expect(watch.tracker.snapshot().byCode).toEqual({ TIMEOUT: 2 });
    watch.expectNoKey();
  });
});
