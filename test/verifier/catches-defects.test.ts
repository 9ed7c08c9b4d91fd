// The verifier against the real sandbox (it must conform) and against
// deliberately broken variants of it (each defect must be reported, naming
// what is wrong).
import { afterEach, describe, expect, it } from 'vitest';
import { verify, type Report } from '../../src/contract/index.ts';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { editJson, startMutatingProxy, type Mutation } from '../helpers/mutating-proxy.ts';
import { startSandbox } from '../helpers/sandbox.ts';

const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const server of open.splice(0).reverse()) await server.close();
});

async function verifyBroken(mutation: Mutation, only: string[]): Promise<Report> {
  const sandbox: Sandbox = await startSandbox();
  const proxy = await startMutatingProxy(sandbox.url, mutation);
  open.push(sandbox, proxy);
  return verify({ baseUrl: proxy.url, only });
}

const violationsOf = (report: Report) => report.results.flatMap((r) => r.violations);

describe('the verifier', () => {
  it('finds the real sandbox conforming, with no skip, in-process', async () => {
    const report = await verify({ strict: true });
    expect(report.results.filter((r) => r.outcome !== 'passed').map((r) => `${r.id}: ${r.reason ?? JSON.stringify(r.violations)}`)).toEqual([]);
    expect(report.counts.passed).toBeGreaterThanOrEqual(60);
    expect(report.ok).toBe(true);
  });

  it('reports an error body without code', async () => {
    const report = await verifyBroken(editJson((a) => a.status >= 400, (b) => delete b.code), ['authentication.missing-header']);
    expect(report.ok).toBe(false);
    expect(violationsOf(report)).toEqual(expect.arrayContaining([expect.objectContaining({ operationId: 'getTags', at: '/code', expected: 'present (required)', actual: '(absent)' })]));
  });

  it('reports a 429 without Retry-After', async () => {
    const strip: Mutation = (a) => (a.status === 429 ? { ...a, headers: Object.fromEntries(Object.entries(a.headers).filter(([n]) => n !== 'retry-after')) } : a);
    const report = await verifyBroken(strip, ['rate-limit.exceeded']);
    expect(violationsOf(report)).toEqual(expect.arrayContaining([expect.objectContaining({ at: 'header Retry-After', expected: 'present', actual: '(absent)' })]));
  });

  it('reports a 500 that is an HTML page', async () => {
    const html: Mutation = (a) => (a.status === 500 ? { status: 500, headers: { 'content-type': 'text/html' }, body: '<html><body>Internal Server Error</body></html>' } : a);
    const report = await verifyBroken(html, ['server.500']);
    const found = violationsOf(report);
    expect(found).toEqual(expect.arrayContaining([expect.objectContaining({ at: 'header Content-Type', expected: 'application/json', actual: '"text/html"' })]));
    expect(found).toEqual(expect.arrayContaining([expect.objectContaining({ at: 'body', expected: 'a JSON body' })]));
    expect(found).toEqual(expect.arrayContaining([expect.objectContaining({ at: 'header X-Request-Id', expected: 'present' })]));
  });

  it('reports a validation error answered with the wrong status', async () => {
    const report = await verifyBroken((a) => (a.status === 400 ? { ...a, status: 422 } : a), ['validation.wrong-type']);
    expect(violationsOf(report)).toEqual(expect.arrayContaining([expect.objectContaining({ operationId: 'createSnippet', at: 'status', expected: '400', actual: '422' })]));
  });

  it('reports an error body with success: true', async () => {
    const report = await verifyBroken(editJson((a) => a.status >= 400, (b) => (b.success = true)), ['resource.unknown-snippet']);
    expect(violationsOf(report)).toEqual(expect.arrayContaining([expect.objectContaining({ operationId: 'getSnippet', at: '/success', expected: 'must be equal to constant', actual: 'true' })]));
  });

  it('reports an undocumented extra field', async () => {
    const report = await verifyBroken(editJson((a) => a.status >= 400, (b) => (b.stack = 'Error: boom\n    at handler (server.js:10:5)')), ['resource.unknown-tag']);
    expect(violationsOf(report)).toEqual(expect.arrayContaining([expect.objectContaining({ operationId: 'getTag', at: '/stack', expected: 'no such field (undocumented)' })]));
  });

  it('reports a requestId that differs from its header', async () => {
    const report = await verifyBroken(editJson((a) => a.status >= 400, (b) => (b.requestId = 'req_notTheHeaderValue01')), ['variation.not-found']);
    const found = violationsOf(report).find((v) => v.at === '/requestId');
    expect(found?.expected).toMatch(/^equal to header X-Request-Id \(req_[0-9a-f]{32}\)$/);
    expect(found?.actual).toBe('"req_notTheHeaderValue01"');
    expect(found?.requestId).toBe('req_notTheHeaderValue01');
  });

  it('reports success bodies that break the schema too, with the JSON pointer', async () => {
    const report = await verifyBroken(editJson((a) => a.status === 200 && a.body.includes('"tagCount"'), (b) => ((b.metadata as Record<string, unknown>).tagCount = -1)), ['happy.getTags']);
    expect(violationsOf(report)).toEqual(expect.arrayContaining([expect.objectContaining({ operationId: 'getTags', at: '/metadata/tagCount', actual: '-1' })]));
  });
});
