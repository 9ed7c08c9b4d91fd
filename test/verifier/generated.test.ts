// Generated mode (issue #14, point 5): scenarios drawn from the spec by a
// seeded generator. Against the real sandbox it must find nothing; the same
// seed must draw the same requests; and against deliberately broken
// variants of the sandbox each defect must be found, shrunk to a small
// request, and shown again by the curl line the report prints.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { findRoles, verify, type Report, type Request, type ScenarioResult } from '../../src/contract/index.ts';
import { maskKey } from '../../src/contract/curl.ts';
import { curlCommand, generatedScenarios } from '../../src/contract/generation/index.ts';
import { send } from '../../src/contract/scenario.ts';
import { limits } from '../../src/contract/spec.ts';
import { editJson, pathOf, startMutatingProxy, type Answer, type Mutation, type ProxyOptions } from '../helpers/mutating-proxy.ts';
import { fixtures, startSandbox } from '../helpers/sandbox.ts';

const roles = findRoles(fixtures, limits.rateLimitPerMinute);
const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const server of open.splice(0).reverse()) await server.close();
});

const failures = (report: Report) => report.results.filter((r) => r.outcome !== 'passed').map((r) => `${r.id}: ${r.reason ?? JSON.stringify(r.violations.slice(0, 3))}`);

/** Runs `command` in sh (asynchronously: the servers it talks to live in this process) with the key in SNIPPETS_API_KEY. */
function sh(command: string, key: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('sh', ['-c', command], { env: { ...process.env, SNIPPETS_API_KEY: key }, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) =>
      error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout),
    );
  });
}

/** `curl -i` output: the status, the headers (lower-case names) and the body parsed as JSON. */
function parseCurl(output: string): { status: number; headers: Map<string, string>; json: any } {
  const end = output.indexOf('\r\n\r\n');
  const [statusLine, ...lines] = output.slice(0, end).split('\r\n');
  const headers = new Map(lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()] as [string, string]));
  const text = output.slice(end + 4);
  return { status: Number(statusLine!.split(' ')[1]), headers, json: text ? JSON.parse(text) : undefined };
}

describe('generated mode against the real sandbox', () => {
  it('finds nothing wrong, with several seeds', async () => {
    for (const seed of [1, 2, 3]) {
      const scenarios = generatedScenarios({ count: 150, seed });
      const report = await verify({ scenarios });
      expect(failures(report), `seed ${seed}`).toEqual([]);
      expect(report.counts.passed).toBe(scenarios.length);
      expect(report.counts.requests).toBeGreaterThanOrEqual(130);
      // Valid, invalid and stateful scenarios all take part, the rate limit last.
      expect(scenarios.some((s) => s.category === 'generated (valid)')).toBe(true);
      expect(scenarios.some((s) => s.category === 'generated (invalid)')).toBe(true);
      expect(scenarios.some((s) => s.id.startsWith('stateful.'))).toBe(true);
      expect(scenarios.at(-1)!.id).toBe('stateful.rate-limit.1');
    }
  });

  it('draws the same scenarios and sends the same requests from the same seed, other ones from another', async () => {
    const ids = (seed: number) => generatedScenarios({ count: 150, seed }).map((s) => s.id);
    expect(ids(42)).toEqual(ids(42));
    expect(ids(43)).not.toEqual(ids(42));

    // What a run sends, with each value the server made up (ids, request ids, cursors) replaced by its order of appearance.
    async function sent(seed: number): Promise<string[]> {
      const made = new Map<string, string>();
      const learn = (value: string) => made.has(value) || made.set(value, `<server ${made.size}>`);
      const collect = (node: unknown, key = ''): void => {
        if (typeof node === 'string' && (/^[0-9a-f]{8}-[0-9a-f]{4}-/.test(node) || key === 'nextCursor')) learn(node);
        else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) collect(v, k);
      };
      // Server-made values wherever they stand (an Idempotency-Key ends with a request id); a long body by its digest.
      const normalise = (text: string) => {
        const named = text.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|req_[0-9a-f]+|[A-Za-z0-9_-]{20,}/g, (v) => made.get(v) ?? v);
        return named.length > 2000 ? `${named.slice(0, 200)}... ${createHash('sha256').update(named).digest('hex')}` : named;
      };
      const log: string[] = [];
      const recording: typeof fetch = async (input, init) => {
        const url = new URL(String(input));
        const headers = Object.entries((init?.headers ?? {}) as Record<string, string>).sort(([a], [b]) => a.localeCompare(b));
        const values = (text: string) => text.replace(/req_[0-9a-f]+/g, (v) => made.get(v) ?? v);
        log.push(normalise(values(`${init?.method ?? 'GET'} ${url.pathname}?${[...url.searchParams].map(([k, v]) => `${k}=${v.split(',').join(' ')}`).join('&')} ${JSON.stringify(headers)} ${init?.body ?? ''}`)));
        const response = await fetch(input, init);
        const text = await response.text();
        const requestId = response.headers.get('x-request-id');
        if (requestId) learn(requestId);
        try {
          collect(JSON.parse(text));
        } catch {
          // not JSON: nothing to learn
        }
        return new Response(text, { status: response.status, headers: response.headers });
      };
      const report = await verify({ scenarios: generatedScenarios({ count: 150, seed }), fetch: recording });
      expect(failures(report)).toEqual([]);
      return log;
    }
    const [first, second] = [await sent(42), await sent(42)];
    expect(first.length).toBeGreaterThan(130);
    expect(second).toEqual(first);
  });
});

describe('curlCommand', () => {
  /** A server that answers what it received. */
  async function startEcho() {
    const server = createServer(async (request, response) => {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      const headers = request.headers;
      response.writeHead(200, { 'content-type': 'application/json', 'x-request-id': 'req_echo0001' });
      response.end(JSON.stringify({ method: request.method, url: request.url, authorization: headers.authorization ?? null, contentType: headers['content-type'] ?? null, idempotencyKey: headers['idempotency-key'] ?? null, body: Buffer.concat(chunks).toString('utf8') }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const closing = { close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))) };
    open.push(closing);
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  const key = roles.main!.key;
  const awkward = `it's "quoted" $HOME \`date\` \\ back; & | > 😀 é\u0301 中 \n line`;
  const requests: Request[] = [
    { operationId: 'createSnippet', body: { title: awkward, content: { type: 'plaintext', content: "'''" }, teamId: roles.main!.teamIds[0] }, headers: { 'Idempotency-Key': "key-with-'quote'" } },
    { operationId: 'getTags', query: { teamId: roles.main!.teamIds[0]!, cursor: 'a b&c=d+e/f?g#h%i ü 😀' } },
    { operationId: 'getTags', key: null },
    { operationId: 'getTags', key: 'sk_test_someOtherKeyOfThe24Chars0000' },
    { operationId: 'getTags', key: null, headers: { Authorization: `Bearer ${key}` } },
    { operationId: 'createSnippet', rawBody: '{"title": "cut', headers: { 'content-type': 'application/json' } },
    { operationId: 'createSnippet', rawBody: "title='x'", headers: { 'content-type': 'text/plain' } },
    { method: 'PATCH', path: '/api/prompts/snippet' },
    { operationId: 'createSnippets', body: { snippets: Array.from({ length: 100 }, (_, i) => ({ title: `${awkward} ${i}`.repeat(8).slice(0, 200), content: { type: 'plaintext', content: 'x'.repeat(600) }, teamId: 'a' })) } },
  ];

  it('sends what the verifier sends, the key read from $SNIPPETS_API_KEY and never printed', async () => {
    const echo = await startEcho();
    for (const request of requests) {
      const command = curlCommand(request, echo);
      expect(command).not.toContain(key);
      expect(command).not.toMatch(/sk_test_\w{24}/);
      if (request.key !== null) expect(command).toContain('-H "Authorization: Bearer $SNIPPETS_API_KEY"');
      const viaVerifier = (await send({ baseUrl: echo, fetch }, roles, request)).json as Record<string, unknown>;
      const viaCurl = parseCurl(await sh(command, request.key ?? key)).json;
      expect(viaCurl, command.slice(0, 300)).toEqual(viaVerifier);
    }
  });

  it('pipes a body too large for one argument through printf', () => {
    const command = curlCommand(requests.at(-1)!, 'http://127.0.0.1:1');
    expect(command).toMatch(/^printf '%s' '.*' \| curl .* --data-binary @-$/s);
    expect(curlCommand(requests[0]!, 'http://127.0.0.1:1')).toMatch(/^curl -sS -i --globoff -X POST 'http:\/\/127\.0\.0\.1:1\/api\/prompts\/snippet' .* --data-raw '.*'$/s);
  });
});

describe('generated mode against broken sandboxes', () => {
  /** The generated scenarios whose id starts with one of `prefixes` (drawn from a large plan, so that every kind is in it), at most `most` of each. */
  function chosen(prefixes: string[], most = 2, seed = 7) {
    const all = generatedScenarios({ count: 4000, seed });
    const picked = prefixes.flatMap((prefix) => all.filter((s) => s.id.startsWith(prefix)).slice(0, most));
    expect(picked.length, `scenarios starting with ${prefixes.join(', ')}`).toBeGreaterThan(0);
    return picked;
  }

  async function broken(mutation: Mutation, prefixes: string[], options: ProxyOptions = {}, most = 2) {
    const sandbox = await startSandbox();
    const proxy = await startMutatingProxy(sandbox.url, mutation, options);
    open.push(sandbox, proxy);
    const report = await verify({ baseUrl: proxy.url, scenarios: chosen(prefixes, most) });
    return { report, url: proxy.url };
  }

  /** The failed scenarios with a violation that `match` accepts, and their reproductions. */
  function found(report: Report, match: (v: Report['results'][number]['violations'][number]) => boolean) {
    const failed = report.results.filter((r) => r.outcome === 'failed' && r.violations.some(match));
    expect(failed.length, JSON.stringify(report.results.map((r) => [r.id, r.outcome, r.violations.slice(0, 2)]))).toBeGreaterThan(0);
    for (const result of failed) expect(result.reproduction, result.id).toBeDefined();
    return failed;
  }

  // Reproductions carry no key, only its mask: the fixture key it names goes into SNIPPETS_API_KEY.
  const keyOf = (result: ScenarioResult) => fixtures.apiKeys.find((k) => maskKey(k.key) === result.reproductionKey)?.key ?? roles.main!.key;
  const astral = /[\u{10000}-\u{10FFFF}]/u;
  const titleOf = (body: any): string | undefined => body?.title ?? body?.snippets?.find((s: any) => typeof s?.title === 'string')?.title;
  const required = ['title', 'content', 'teamId'];

  it('a title one past maxLength accepted: found, shrunk to maxLength + 1 with no optional field, shown again by curl', async () => {
    const maxLength = 200;
    // Cuts a long title to maxLength before the sandbox sees it: the server "accepts" what it should refuse.
    const rewrite: ProxyOptions['rewrite'] = (request) => {
      if (request.method !== 'POST' || pathOf(request) !== '/api/prompts/snippet') return request;
      const body = JSON.parse(request.body);
      if (typeof body.title !== 'string' || [...body.title].length <= maxLength) return request;
      return { ...request, body: JSON.stringify({ ...body, title: [...body.title].slice(0, maxLength).join('') }) };
    };
    const { report, url } = await broken((a) => a, ['generated.createSnippet.too-long-title.'], { rewrite }, 3);
    for (const result of found(report, (v) => v.operationId === 'createSnippet' && v.at === 'status' && v.expected === '400' && v.actual === '201')) {
      const body = result.reproduction!.body as Record<string, unknown>;
      expect([...(body.title as string)].length).toBe(maxLength + 1);
      expect(Object.keys(body).sort()).toEqual([...required].sort());
      const answer = parseCurl(await sh(curlCommand(result.reproduction!, url), keyOf(result)));
      expect(answer.status).toBe(201);
    }
  });

  it('one batch item not charged: found on the quota, the batch shrunk to one item, shown again by curl', async () => {
    const batch = /^\/api\/prompts\/(snippets|folders|tags)$/;
    const undercharge = editJson(
      (a, r) => r.method === 'POST' && batch.test(pathOf(r)) && a.status < 300,
      (body) => {
        const usage = body.usage as { remainingRequests: number; usageDeducted: number };
        if (usage.usageDeducted > 0) {
          usage.usageDeducted -= 1;
          usage.remainingRequests += 1;
        }
      },
    );
    const { report, url } = await broken(undercharge, ['generated.createSnippets.batch-max-snippets.', 'generated.createTags.batch-max-tags.', 'stateful.quota.'], {}, 2);
    const failed = found(report, (v) => /^create(Snippets|Folders|Tags)$/.test(v.operationId ?? '') && /^\/usage\/(usageDeducted|remainingRequests)$/.test(v.at));
    // A generated batch case fails on its own batch, shrunk to one item (a sequence may fail on a setup's batch, not shrunk).
    const shrunk = failed.filter((r) => r.id.startsWith('generated.'));
    expect(shrunk.length).toBeGreaterThan(0);
    for (const result of shrunk) {
      const body = result.reproduction!.body as Record<string, unknown[]>;
      const items = Object.values(body)[0]!;
      expect(items).toHaveLength(1);
      const answer = parseCurl(await sh(curlCommand(result.reproduction!, url), keyOf(result)));
      expect(answer.status).toBe(201);
      expect(answer.json.usage.usageDeducted).not.toBe(answer.json.metadata.succeededCount);
    }
  });

  it('a deleted snippet still readable: found by the lifecycle sequence, its read reproduced by curl', async () => {
    const copies = new Map<string, string>();
    const deletedIds = new Set<string>();
    const resurrect: Mutation = (answer: Answer, request) => {
      if (pathOf(request) !== '/api/prompts/snippet') return answer;
      const id = new URL(request.url, 'http://proxy').searchParams.get('id');
      if (answer.status < 300 && request.method !== 'DELETE') {
        const body = JSON.parse(answer.body);
        if (body?.data?.id) copies.set(body.data.id, answer.body);
      }
      if (request.method === 'DELETE' && answer.status === 200 && id) deletedIds.add(id);
      if (request.method === 'GET' && id && deletedIds.has(id) && copies.has(id)) return { ...answer, status: 200, body: copies.get(id)! };
      return answer;
    };
    const { report, url } = await broken(resurrect, ['stateful.lifecycle-snippet.']);
    for (const result of found(report, (v) => v.operationId === 'getSnippet' && v.at === 'status' && v.expected === '404' && v.actual === '200')) {
      expect(result.reproduction).toEqual({ operationId: 'getSnippet', query: { id: expect.any(String) } });
      expect(deletedIds.has(result.reproduction!.query!.id!)).toBe(true);
      const answer = parseCurl(await sh(curlCommand(result.reproduction!, url), keyOf(result)));
      expect(answer.status).toBe(200);
    }
  });

  it('a 500 for a title outside the BMP: found, shrunk to a one-character title and the required fields, shown again by curl', async () => {
    const intercept: ProxyOptions['intercept'] = (request) => {
      if (!['POST', 'PUT'].includes(request.method) || !/^\/api\/prompts\/snippets?$/.test(pathOf(request))) return undefined;
      let body: unknown;
      try {
        body = JSON.parse(request.body);
      } catch {
        return undefined;
      }
      if (!astral.test(titleOf(body) ?? '')) return undefined;
      const requestId = 'req_brokenserver000000000000000001';
      return { status: 500, headers: { 'content-type': 'application/json', 'x-request-id': requestId }, body: JSON.stringify({ success: false, code: 'INTERNAL_ERROR', message: 'An unexpected error occurred', requestId }) };
    };
    const { report, url } = await broken((a) => a, ['generated.createSnippet.max-length-title-astral.', 'generated.createSnippet.max-length-title-mixed.'], { intercept });
    const failed = found(report, (v) => v.operationId === 'createSnippet' && v.at === 'status' && v.expected === '201' && v.actual === '500');
    for (const result of failed) {
      const body = result.reproduction!.body as Record<string, unknown>;
      const title = body.title as string;
      expect([...title]).toHaveLength(1);
      expect(title).toMatch(astral);
      expect(Object.keys(body).sort()).toEqual([...required].sort());
      const answer = parseCurl(await sh(curlCommand(result.reproduction!, url), keyOf(result)));
      expect(answer.status).toBe(500);
    }
  });

  it('no Retry-After on the 429: found by the rate-limit sequence, reproduced by curl with that key', async () => {
    const strip: Mutation = (a) => (a.status === 429 ? { ...a, headers: Object.fromEntries(Object.entries(a.headers).filter(([n]) => n !== 'retry-after')) } : a);
    const { report, url } = await broken(strip, ['stateful.rate-limit.']);
    for (const result of found(report, (v) => v.at === 'header Retry-After')) {
      expect(result.reproductionKey).toBe(maskKey(roles.limited!.key));
      expect(result.violations).toEqual(expect.arrayContaining([expect.objectContaining({ at: 'header Retry-After', expected: 'present', actual: '(absent)' })]));
      const answer = parseCurl(await sh(curlCommand(result.reproduction!, url), keyOf(result)));
      expect(answer.status).toBe(429);
      expect(answer.headers.has('retry-after')).toBe(false);
    }
  });

  it('a list whose count disagrees with its items: found, shrunk to the request without optional parameters, shown again by curl', async () => {
    const miscount = editJson(
      (a, r) => r.method === 'GET' && pathOf(r) === '/api/prompts/tags' && a.status === 200,
      (body) => ((body.metadata as Record<string, number>).tagCount = (body.data as unknown[]).length + 1),
    );
    const { report, url } = await broken(miscount, ['generated.getTags.optional-fields.', 'generated.getTags.maximum-limit.', 'stateful.lifecycle-tag.']);
    const failed = found(report, (v) => v.operationId === 'getTags' && v.at === '/metadata/tagCount');
    for (const result of failed.filter((r) => r.id.startsWith('generated.'))) {
      expect(result.reproduction!.operationId).toBe('getTags');
      // Only the parameter the case is about is left (`limit` at its maximum); every optional one is dropped.
      expect(Object.keys(result.reproduction!.query ?? {})).toEqual(result.id.includes('maximum-limit') ? ['limit'] : []);
      const answer = parseCurl(await sh(curlCommand(result.reproduction!, url), keyOf(result)));
      expect(answer.json.metadata.tagCount).not.toBe(answer.json.data.length);
    }
  });
});
