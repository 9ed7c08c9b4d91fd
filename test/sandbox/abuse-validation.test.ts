// Validation a tenant cannot turn against the shared sandbox (issue #13,
// finding 1): a request far past its limits (an array's maxItems, an object's
// keys) is refused for the first one alone, at about the cost of parsing it,
// in a small answer; error details are capped; and other requests are
// answered meanwhile. A 400 costs no quota, so the requests here use the
// workspace that has none left.
//
// The sandbox runs as a process of its own (the built one: `npm run build`
// first, as npm test does), so that a request that blocks its event loop
// cannot block this test's timers too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContractClient, demoKeys, fixturesFile, type Answer } from '../helpers/sandbox.ts';
import { startSandboxProcess, type RunningSandbox } from '../helpers/processes.ts';
import { limits } from '../../generated/limits.js';

/** A refused request may take this many times (parsing its body + a small request's round trip). Generous: the old code took thousands. */
const SLOWDOWN = 20;
/** An answer to any of these bodies fits in this many bytes. */
const SMALL_ANSWER = 8 * 1024;

let server: RunningSandbox;
let api: ContractClient;

beforeAll(async () => {
  const file = fixturesFile((f) => f.apiKeys.forEach((k) => (k.rateLimitPerMinute = 1_000_000)));
  server = await startSandboxProcess(['--host', '127.0.0.1', '--port', '0', '--db', ':memory:', '--fixtures', file, '--log-level', 'silent']);
  api = new ContractClient(server.url, demoKeys.noQuota);
});

afterAll(async () => {
  server.child.kill('SIGKILL');
  await server.exited;
});

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await work();
  return { ms: performance.now() - start, result };
}

/** Median ms of JSON.parse of `text` here (after one to warm up), the floor of what the server must spend on it. */
function parseMs(text: string): number {
  JSON.parse(text);
  return median(
    Array.from({ length: 9 }, () => {
      const start = performance.now();
      JSON.parse(text);
      return performance.now() - start;
    }),
  );
}

/** Median ms of a small refused request: the round trip with no work to speak of. */
async function smallRequestMs(): Promise<number> {
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    runs.push((await timed(() => api.send('createSnippets', 'POST', '/api/prompts/snippets', { body: { snippets: [{}] } }))).ms);
  }
  return median(runs);
}

/**
 * Sends a request three times; checks each answer is small, then that the
 * median time is within SLOWDOWN times (parsing its body + a small round trip).
 */
async function expectQuickAndSmall(send: () => Promise<Answer>, bodyText: string): Promise<Answer> {
  const budget = SLOWDOWN * (parseMs(bodyText) + (await smallRequestMs()));
  const runs: number[] = [];
  let answer: Answer | undefined;
  for (let i = 0; i < 3; i++) {
    const run = await timed(send);
    runs.push(run.ms);
    answer = run.result;
    expect(Buffer.byteLength(JSON.stringify(answer.body))).toBeLessThan(SMALL_ANSWER);
    expect(answer.body.details.length).toBeLessThanOrEqual(limits.maxErrorDetails);
  }
  expect(median(runs), `ms per request, against a budget of ${budget.toFixed(1)} ms`).toBeLessThan(budget);
  return answer!;
}

const emptyItems = (count: number) => `{"snippets":[${Array.from({ length: count }, () => '{}').join(',')}]}`;

describe('a request far past its limits', () => {
  it('a batch of 15,000 empty items (under the most values a valid body holds, so it is parsed) is refused at once with BATCH_TOO_LARGE, in a small answer', async () => {
    const text = emptyItems(15_000);
    const answer = await expectQuickAndSmall(() => api.send('createSnippets', 'POST', '/api/prompts/snippets', { rawBody: text, headers: { 'content-type': 'application/json' } }), text);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ code: 'BATCH_TOO_LARGE', message: `snippets may contain at most ${limits.maxBatchItems} items` });
    expect(answer.body.details).toContainEqual({ field: 'snippets', issue: `must NOT have more than ${limits.maxBatchItems} items` });
  }, 20_000);

  it('100 items of 150 tagIds each (maxItems 50) are refused at once for the first one, in a small answer', async () => {
    const tagIds = Array.from({ length: 150 }, (_, i) => i).join(',');
    const text = `{"snippets":[${Array.from({ length: 100 }, () => `{"tagIds":[${tagIds}]}`).join(',')}]}`;
    expect(Buffer.byteLength(text)).toBeLessThan(limits.maxBodyBytes);
    const answer = await expectQuickAndSmall(() => api.send('createSnippets', 'POST', '/api/prompts/snippets', { rawBody: text, headers: { 'content-type': 'application/json' } }), text);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ code: 'FIELD_LENGTH_INVALID', details: [{ field: 'snippets.0.tagIds', issue: 'must NOT have more than 50 items' }] });
  }, 20_000);

  it('100 items of 150 unknown fields each are refused at once for the first one, in a small answer', async () => {
    const fields = Array.from({ length: 150 }, (_, k) => `"k${k}":0`).join(',');
    const text = `{"snippets":[${Array.from({ length: 100 }, () => `{${fields}}`).join(',')}]}`;
    expect(Buffer.byteLength(text)).toBeLessThan(limits.maxBodyBytes);
    const answer = await expectQuickAndSmall(() => api.send('createSnippets', 'POST', '/api/prompts/snippets', { rawBody: text, headers: { 'content-type': 'application/json' } }), text);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ code: 'FIELD_UNKNOWN', details: [{ field: 'snippets.0.k0', issue: 'is not a known field' }] });
  }, 20_000);

  for (const [what, text] of [
    ['40,000 empty items', emptyItems(40_000)],
    ['100 items of 2,000 tagIds each, within 1 MiB', `{"snippets":[${Array.from({ length: 100 }, () => `{"tagIds":[${Array.from({ length: 2_000 }, (_, i) => i).join(',')}]}`).join(',')}]}`],
    ['100 items of 1,000 unknown fields each', `{"snippets":[${Array.from({ length: 100 }, () => `{${Array.from({ length: 1_000 }, (_, k) => `"k${k}":0`).join(',')}}`).join(',')}]}`],
  ] as const) {
    it(`a body of more values than a valid one can hold (${what}) is refused before it is parsed, in a small answer`, async () => {
      expect(Buffer.byteLength(text)).toBeLessThan(limits.maxBodyBytes);
      const answer = await expectQuickAndSmall(() => api.send('createSnippets', 'POST', '/api/prompts/snippets', { rawBody: text, headers: { 'content-type': 'application/json' } }), text);
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ code: 'PARAMETER_INVALID', details: [{ field: 'body', issue: expect.stringContaining('maxItems') }] });
    }, 20_000);
  }

  it('the largest valid body (every array at its maxItems, every field) is not refused by that check', async () => {
    const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
    const content = { type: 'plaintext', content: 'x' };
    const item = (n: number) => ({
      title: `t${n}`,
      content,
      teamId: uuid(1),
      note: 'n',
      shortcut: 's',
      folderId: uuid(2),
      tagIds: Array.from({ length: 50 }, (_, t) => uuid(100 + t)),
      additionalVariations: Array.from({ length: 20 }, (_, v) => ({ variationName: `v${v}`, content })),
    });
    const text = JSON.stringify({ snippets: Array.from({ length: limits.maxBatchItems }, (_, n) => item(n)) });
    expect(Buffer.byteLength(text)).toBeLessThan(limits.maxBodyBytes);
    const answer = await api.send('createSnippets', 'POST', '/api/prompts/snippets', { rawBody: text, headers: { 'content-type': 'application/json' } });
    // Valid, so it gets as far as running each item, which fails on its (unknown) team.
    expect([answer.status, answer.body.code]).toEqual([207, 'BATCH_PARTIAL_FAILURE']);
    expect(answer.body.data.errors).toHaveLength(limits.maxBatchItems);
  });

  it('2,000 ids in the query are refused at once with BATCH_TOO_LARGE, in a small answer', async () => {
    // About 9 KiB: the most that fits in a request line under Node's 16 KiB header limit, with room to spare.
    const ids = Array.from({ length: 2_000 }, (_, i) => i).join(',');
    // The floor: parsing the same list as JSON, about what splitting the query string costs.
    const answer = await expectQuickAndSmall(() => api.send('deleteSnippets', 'DELETE', '/api/prompts/snippets', { query: { ids } }), `[${ids}]`);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ code: 'BATCH_TOO_LARGE', message: `ids may contain at most ${limits.maxBatchItems} items` });
  }, 20_000);
});

describe('error details', () => {
  it(`list at most ${limits.maxErrorDetails} problems of a body within its limits, and count the rest`, async () => {
    // 100 empty items: three required fields missing in each, 300 problems.
    const answer = await api.send('createSnippets', 'POST', '/api/prompts/snippets', { body: { snippets: Array.from({ length: 100 }, () => ({})) } });
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('PARAMETER_MISSING');
    expect(answer.body.details).toHaveLength(limits.maxErrorDetails);
    expect(answer.body.details[0]).toEqual({ field: 'snippets.0.title', issue: 'is required' });
    expect(answer.body.omittedDetailCount).toBe(300 - limits.maxErrorDetails);

    // When they all fit, each field and issue once, and no count.
    const few = await api.send('createSnippet', 'POST', '/api/prompts/snippet', { body: { title: 5, teamId: 'x', extra: 1 } });
    expect(few.status).toBe(400);
    expect(few.body.details.length).toBeLessThan(limits.maxErrorDetails);
    expect(new Set(few.body.details.map((d: { field: string; issue: string }) => `${d.field}\n${d.issue}`)).size).toBe(few.body.details.length);
    expect(few.body).not.toHaveProperty('omittedDetailCount');
  });
});

describe('the sandbox under such requests', () => {
  it('answers /health while 20 batches of 40,000 empty items are being refused', async () => {
    const text = emptyItems(40_000);
    const baseline = median(await Promise.all(Array.from({ length: 3 }, async () => (await timed(() => fetch(`${server.url}/health`).then((r) => r.text()))).ms)));
    // The server may spend a parse of each body before it answers /health; anything more is a blocked event loop.
    const budget = SLOWDOWN * (20 * parseMs(text) + baseline);
    let pending = 20;
    const abusive = Array.from({ length: 20 }, () =>
      fetch(`${server.url}/api/prompts/snippets`, {
        method: 'POST',
        headers: { authorization: `Bearer ${demoKeys.noQuota}`, 'content-type': 'application/json' },
        body: text,
      })
        .then((r) => r.json())
        // A request cut short (the server stopped after a failed check) must not end as an unhandled rejection.
        .catch((error: unknown) => ({ error: String(error) }))
        .finally(() => pending--),
    );
    const health: number[] = [];
    do {
      // Aborted past the budget: a blocked server fails the test here, not by its timeout.
      const run = await timed(() => fetch(`${server.url}/health`, { signal: AbortSignal.timeout(Math.ceil(budget)) }).then((r) => r.json()));
      expect(run.result).toMatchObject({ success: true, data: { status: 'ok' } });
      health.push(run.ms);
      // Stop early once one check took longer than the budget: the answer is known.
    } while (pending > 0 && Math.max(...health) < budget);
    expect(Math.max(...health), `slowest /health of ${health.length}, against a budget of ${budget.toFixed(1)} ms`).toBeLessThan(budget);
    const answers = await Promise.all(abusive);
    // Far more values than a valid body can hold: refused before the body is parsed.
    expect(answers.every((a) => a.code === 'PARAMETER_INVALID')).toBe(true);
  }, 20_000);
});
