// Dates and text a client may send that the spec accepts or that JSON can
// spell, but that naive code mishandles (issue 13, finding 8): a leap second,
// the largest year under an offset and fractions finer than a millisecond as
// history bounds; lone surrogates ("\ud800") in a JSON body. Every answer is
// checked against the spec by the ContractClient, and none may echo text that
// is not valid Unicode.
import { MAX_BODY_DEPTH } from '../../src/sandbox/body.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { ContractClient, demoKeys, demoTeams, fixturesFile, startSandbox } from '../helpers/sandbox.ts';

const content = (text: string) => ({ type: 'plaintext', content: text });
const team = demoTeams.platform;
let sandbox: Sandbox;
let api: ContractClient;
let clock = Date.parse('2026-12-04T10:00:00.000Z');

beforeAll(async () => {
  const file = fixturesFile((f) => f.apiKeys.forEach((k) => (k.rateLimitPerMinute = 100_000)));
  sandbox = await startSandbox({ fixtures: file, now: () => clock });
  api = new ContractClient(sandbox.url, demoKeys.acme);
});
afterAll(() => sandbox?.close());

/** JSON.stringify escapes a lone surrogate (and nothing else of a string) as \udXXX. */
function expectWellFormed(value: unknown): void {
  expect(JSON.stringify(value)).not.toMatch(/\\u[dD][89a-fA-F]/);
}

async function createSnippet(title: string) {
  const answer = await api.send('createSnippet', 'POST', '/api/prompts/snippet', { body: { title, content: content(title), teamId: team } });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body.data;
}

describe('history bounds', () => {
  // One variation with a record at each of these times (the sandbox clock is set before each change).
  const times = {
    beforeLeap: '2016-12-31T23:59:59.999Z',
    afterLeap: '2017-01-01T00:00:00.000Z',
    today: '2026-12-04T10:00:00.000Z',
    lastOfYear9999: '9999-12-31T23:59:59.999Z',
  };
  type Label = keyof typeof times;
  let variationId: string;

  beforeAll(async () => {
    clock = Date.parse(times.beforeLeap);
    variationId = (await createSnippet('Bounds')).variations[0].id;
    for (const label of ['afterLeap', 'today', 'lastOfYear9999'] as const) {
      clock = Date.parse(times[label]);
      const answer = await api.send('updateVariation', 'PUT', '/api/prompts/snippet/variation', { query: { variationId }, body: { content: content(label) } });
      expect(answer.status).toBe(200);
    }
    clock = Date.parse(times.today);
  });

  /** The records between the bounds, by label, oldest first. */
  async function recordsWithin(bounds: { fromDate?: string; toDate?: string }): Promise<Label[]> {
    const answer = await api.send('getVariationHistory', 'GET', '/api/prompts/snippet/variation/history', { query: { variationId, ...bounds } });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body.metadata.totalRecords).toBe(answer.body.data.length);
    const byTime = new Map(Object.entries(times).map(([label, at]) => [at, label as Label]));
    return answer.body.data.map((entry: { recordedAt: string }) => byTime.get(entry.recordedAt)).reverse();
  }

  it('hold every record without bounds, the year 9999 included', async () => {
    expect(await recordsWithin({})).toEqual(['beforeLeap', 'afterLeap', 'today', 'lastOfYear9999']);
  });

  it('read a leap second as the last instant of its minute: after all of 23:59:59, before the next second', async () => {
    for (const leap of ['2016-12-31T23:59:60Z', '2016-12-31T23:59:60.5Z', '2017-01-01T00:59:60+01:00', '2016-12-31t22:29:60-01:30']) {
      expect(await recordsWithin({ fromDate: leap }), leap).toEqual(['afterLeap', 'today', 'lastOfYear9999']);
      expect(await recordsWithin({ toDate: leap }), leap).toEqual(['beforeLeap']);
      expect(await recordsWithin({ fromDate: leap, toDate: leap }), leap).toEqual([]);
    }
    expect(await recordsWithin({ fromDate: '2016-12-31T23:59:59.999Z', toDate: '2016-12-31T23:59:60Z' })).toEqual(['beforeLeap']);
    expect(await recordsWithin({ fromDate: '2016-12-31T23:59:60Z', toDate: '2017-01-01T00:00:00Z' })).toEqual(['afterLeap']);
    // The last leap second a date-time can name.
    expect(await recordsWithin({ toDate: '9999-12-31T23:59:60Z' })).toEqual(['beforeLeap', 'afterLeap', 'today', 'lastOfYear9999']);
    expect(await recordsWithin({ fromDate: '9999-12-31T23:59:60Z' })).toEqual([]);
  });

  it('compare the largest year under any offset as an instant, past the year 9999 or before the year 0', async () => {
    // 9999-12-31T23:59:59-23:59 is 10000-01-01T23:58:59Z.
    expect(await recordsWithin({ toDate: '9999-12-31T23:59:59-23:59' })).toEqual(['beforeLeap', 'afterLeap', 'today', 'lastOfYear9999']);
    expect(await recordsWithin({ fromDate: '9999-12-31T23:59:59-23:59' })).toEqual([]);
    expect(await recordsWithin({ fromDate: '9999-12-31T23:59:59.999+00:00', toDate: '9999-12-31T23:59:59-23:59' })).toEqual(['lastOfYear9999']);
    expect(await recordsWithin({ toDate: '9999-12-31T23:59:59Z' })).toEqual(['beforeLeap', 'afterLeap', 'today']);
    // 0000-01-01T00:00:00+23:59 is in the year -1.
    expect(await recordsWithin({ fromDate: '0000-01-01T00:00:00+23:59' })).toEqual(['beforeLeap', 'afterLeap', 'today', 'lastOfYear9999']);
    expect(await recordsWithin({ toDate: '0000-01-01T00:00:00+23:59' })).toEqual([]);
    expect(await recordsWithin({ fromDate: '2026-12-04T15:30:00+05:30', toDate: '2026-12-04T00:00:00-10:00' })).toEqual(['today']);
  });

  it('do not round a fraction finer than a millisecond into the range', async () => {
    expect(await recordsWithin({ fromDate: '2026-12-04T10:00:00.000000001Z' })).toEqual(['lastOfYear9999']);
    expect(await recordsWithin({ toDate: '2026-12-04T09:59:59.99999999999Z' })).toEqual(['beforeLeap', 'afterLeap']);
    expect(await recordsWithin({ fromDate: '2026-12-04T10:00:00.0000000000z', toDate: '2026-12-04T10:00:00.000999Z' })).toEqual(['today']);
  });
});

describe('lone surrogates in a JSON body', () => {
  const LONE = 'is not valid Unicode (lone surrogate)';
  const snippetCount = () => (sandbox.db.prepare('SELECT COUNT(*) AS n FROM snippets').get() as { n: number }).n;
  const remaining = () => (sandbox.db.prepare('SELECT SUM(remaining_requests) AS r FROM workspaces').get() as { r: number }).r;

  async function expectRefused(send: () => Promise<{ status: number; body: any }>, fields: string[]) {
    const [snippets, quota] = [snippetCount(), remaining()];
    const answer = await send();
    expect([answer.status, answer.body.code], JSON.stringify(answer.body)).toEqual([400, 'PARAMETER_INVALID']);
    expect(answer.body.details).toEqual(fields.map((field) => ({ field, issue: LONE })));
    expect(answer.body.message).toBe(`${fields[0]} ${LONE}`);
    expectWellFormed(answer.body);
    expect([snippetCount(), remaining()]).toEqual([snippets, quota]);
  }

  it('are refused in a title, naming the field, and nothing is stored', async () => {
    const send = (title: string) => () => api.send('createSnippet', 'POST', '/api/prompts/snippet', { body: { title, content: content('x'), teamId: team } });
    await expectRefused(send('\ud800'.repeat(200)), ['title']);
    await expectRefused(send('ok \udfff'), ['title']);
    // A pair in the wrong order is two lone surrogates.
    await expectRefused(send('\ude00\ud83d'), ['title']);
  });

  it("are refused in a batch item's field, naming the item, and no item is stored", async () => {
    const snippets = Array.from({ length: 5 }, (_, i) => ({ title: `Item ${i}`, content: content('x'), teamId: team }));
    snippets[3]!.title = 'broken \ud800';
    snippets[4]!.content = content('\udc00 too');
    await expectRefused(() => api.send('createSnippets', 'POST', '/api/prompts/snippets', { body: { snippets } }), ['snippets.3.title', 'snippets.4.content.content']);
  });

  it("are refused in a variation's content, which keeps its former content", async () => {
    const s = await createSnippet('Variation content');
    const variationId = s.variations[0].id;
    await expectRefused(
      () => api.send('updateVariation', 'PUT', '/api/prompts/snippet/variation', { query: { variationId }, body: { content: content('\ud800'.repeat(50_000)) } }),
      ['content.content'],
    );
    await expectRefused(
      () => api.send('createVariation', 'POST', '/api/prompts/snippet/variation', { query: { snippetId: s.id }, body: { variationName: '\udbff', content: content('x') } }),
      ['variationName'],
    );
    const after = await api.send('getVariation', 'GET', '/api/prompts/snippet/variation', { query: { snippetId: s.id, variationId } });
    expect(after.body.data.content).toEqual(content('Variation content'));
    const history = await api.send('getVariationHistory', 'GET', '/api/prompts/snippet/variation/history', { query: { variationId } });
    expect(history.body.metadata.totalRecords).toBe(1);
  });

  it('are refused in a key, the field named with U+FFFD in its place', async () => {
    await expectRefused(
      () => api.send('createSnippet', 'POST', '/api/prompts/snippet', { body: { title: 'Key', content: { ...content('x'), 'a\ud800': 'x' }, teamId: team } }),
      ['content.a\ufffd'],
    );
    await expectRefused(() => api.send('createSnippet', 'POST', '/api/prompts/snippet', { body: { title: 'Key', content: content('x'), teamId: team, '\udc00': 1 } }), ['\ufffd']);
    // A long key is named in 200 characters, not cut inside a pair.
    const long = `${'k'.repeat(191)}😀😀\ud800`;
    await expectRefused(() => api.send('createSnippet', 'POST', '/api/prompts/snippet', { body: { title: 'Key', content: { ...content('x'), [long]: 1 } } }), [
      `content.${'k'.repeat(191)}…`,
    ]);
  });

  it('are found as deep as a body may nest, the field named in at most 200 characters', async () => {
    // As deep as a body may nest (body.ts); the schema would refuse the body later anyway.
    const depth = MAX_BODY_DEPTH - 1;
    const rawBody = `{"title":"Deep","teamId":"${team}","content":${'['.repeat(depth)}"\\ud800${'k'.repeat(300)}"${']'.repeat(depth)}}`;
    await expectRefused(
      () => api.send('createSnippet', 'POST', '/api/prompts/snippet', { rawBody, headers: { 'content-type': 'application/json' } }),
      [`content${'.0'.repeat(depth)}`],
    );
  });

  it('nesting deeper than any request of the API is refused before it is parsed, and quickly', async () => {
    const depth = 500_000;
    const rawBody = `{"title":"Deep","content":${'['.repeat(depth)}1${']'.repeat(depth)}}`;
    const started = performance.now();
    const answer = await api.send('createSnippet', 'POST', '/api/prompts/snippet', { rawBody, headers: { 'content-type': 'application/json' } });
    const elapsed = performance.now() - started;
    const parseStarted = performance.now();
    JSON.parse(rawBody);
    const parse = performance.now() - parseStarted;
    expect([answer.status, answer.body.code, answer.body.details]).toEqual([400, 'PARAMETER_INVALID', [{ field: 'body', issue: expect.stringContaining(String(MAX_BODY_DEPTH)) }]]);
    // The whole round trip costs less than parsing the body once would.
    expect(elapsed).toBeLessThan(parse);
  });

  it('are not confused with a pair: an emoji is accepted, returned unchanged and counted as one character', async () => {
    const title = '😀'.repeat(200);
    const created = await createSnippet(title);
    expect(created.title).toBe(title);
    const read = await api.send('getSnippet', 'GET', '/api/prompts/snippet', { query: { id: created.id } });
    expect(read.body.data.title).toBe(title);
    const tooLong = await api.send('createSnippet', 'POST', '/api/prompts/snippet', { body: { title: `${title}😀`, content: content('x'), teamId: team } });
    expect([tooLong.status, tooLong.body.code]).toEqual([400, 'FIELD_LENGTH_INVALID']);
    // An escaped pair is the same pair.
    const escaped = await api.send('createSnippet', 'POST', '/api/prompts/snippet', {
      rawBody: `{"title":"\\ud83d\\ude00","content":{"type":"plaintext","content":"x"},"teamId":"${team}"}`,
      headers: { 'content-type': 'application/json' },
    });
    expect([escaped.status, escaped.body.data.title]).toEqual([201, '😀']);
  });
});

describe('text echoed in an answer', () => {
  it('is valid Unicode when the JSON parser quotes a body cut inside a pair', async () => {
    for (const rawBody of ['😀'.repeat(40), `x${'😀'.repeat(40)}`]) {
      const answer = await api.send('createSnippet', 'POST', '/api/prompts/snippet', { rawBody, headers: { 'content-type': 'application/json' } });
      expect([answer.status, answer.body.code]).toEqual([400, 'BODY_INVALID_JSON']);
      expectWellFormed(answer.body);
    }
  });

  it('is valid Unicode for a percent-encoded lone surrogate in the query, which stays as it was sent', async () => {
    const url = (query: string) => `${sandbox.url}/api/prompts/snippet/variation/history?${query}`;
    for (const query of ['%ED%A0%80=1', 'variationId=%ED%A0%80', 'fromDate=%ED%A0%80']) {
      const response = await fetch(url(query), { headers: { authorization: `Bearer ${demoKeys.acme}` } });
      const body = await response.json();
      expect([response.status, body.code], JSON.stringify(body)).toEqual([400, expect.stringMatching(/^(FIELD_UNKNOWN|PARAMETER_INVALID|PARAMETER_MISSING)$/)]);
      expectWellFormed(body);
    }
  });
});
