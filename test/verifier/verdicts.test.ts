// Issue #14, points 1 to 3: verdicts that mean what they say. A throttling
// answer the scenario did not ask for is waited out as the contract tells a
// client, and fails only when it breaks the contract; requests are paced
// under each key's limit; what cannot be decided is inconclusive, with the
// reason; a run that checks nothing, or less than its floor, does not pass;
// every wait is bounded by the per-request timeout and the run's deadline.
import { XMLParser } from 'fast-xml-parser';
import { afterEach, describe, expect, it } from 'vitest';
import { junitReport, verify, type Report } from '../../src/contract/index.ts';
import { fixturesFile, startSandbox, withoutResources } from '../helpers/sandbox.ts';
import { startUnrulyProxy, type Misbehaviour } from '../helpers/unruly-proxy.ts';

const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const server of open.splice(0).reverse()) await server.close();
});

const pass: Misbehaviour = { pass: true };
const isTags = (url: string | undefined) => url?.startsWith('/api/prompts/tags') === true;

async function behind(decide: Parameters<typeof startUnrulyProxy>[1]) {
  const sandbox = await startSandbox();
  const proxy = await startUnrulyProxy(sandbox.url, decide);
  open.push(sandbox, proxy);
  return proxy;
}

const outcomes = (report: Report) => Object.fromEntries(report.results.map((r) => [r.id, r.outcome]));

describe('a throttling answer the scenario did not ask for', () => {
  it('is waited out as its Retry-After says, and the request tried again: the scenario passes', async () => {
    let throttled = 0;
    const proxy = await behind((request) => (isTags(request.url) && throttled++ === 0 ? { throttle: 429, retryAfter: '1' } : pass));
    const report = await verify({ baseUrl: proxy.url, only: ['happy.getTags'] });
    expect(outcomes(report)).toEqual({ 'happy.getTags': 'passed' });
    expect(proxy.seen.filter((line) => line === 'GET /api/prompts/tags')).toHaveLength(2);
    expect(report.waitedMs).toBeGreaterThanOrEqual(1000);
    expect(report.verdict).toBe('conforms');
  });

  it('is a 503 waited out the same way', async () => {
    let throttled = 0;
    const proxy = await behind((request) => (isTags(request.url) && throttled++ === 0 ? { throttle: 503, retryAfter: '1' } : pass));
    const report = await verify({ baseUrl: proxy.url, only: ['happy.getTags'] });
    expect(outcomes(report)).toEqual({ 'happy.getTags': 'passed' });
  });

  it.each([
    ['without Retry-After', { throttle: 429 } as Misbehaviour, 'header Retry-After'],
    ['with the wrong code', { throttle: 429, retryAfter: '1', code: 'SERVICE_UNAVAILABLE' } as Misbehaviour, '/code'],
  ])('%s is a violation, not a reason to wait', async (_name, misbehaviour, at) => {
    const proxy = await behind((request) => (isTags(request.url) ? misbehaviour : pass));
    const report = await verify({ baseUrl: proxy.url, only: ['happy.getTags'] });
    expect(outcomes(report)).toEqual({ 'happy.getTags': 'failed' });
    expect(report.results[0]!.violations).toEqual(expect.arrayContaining([expect.objectContaining({ at })]));
    expect(report.verdict).toBe('does-not-conform');
  });

  it('that asks for a wait past the deadline makes the scenario inconclusive, with the reason; the run goes on', async () => {
    const proxy = await behind((request) => (isTags(request.url) && request.headers.prefer === undefined ? { throttle: 503, retryAfter: '120' } : pass));
    const report = await verify({ baseUrl: proxy.url, only: ['happy.getTags', 'happy.getHealth'], deadlineMs: 20_000 });
    expect(outcomes(report)).toEqual({ 'happy.getHealth': 'passed', 'happy.getTags': 'inconclusive' });
    expect(report.results.find((r) => r.id === 'happy.getTags')!.reason).toMatch(/503 SERVICE_UNAVAILABLE asked to wait 120 s, past the run's deadline/);
    expect(report.verdict).toBe('inconclusive');
    expect(report.ok).toBe(false);
    // JUnit shows it as skipped, with the reason.
    const suite = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(junitReport(report)).testsuites.testsuite;
    const tags = [suite.testcase].flat().find((c: { name: string }) => c.name.startsWith('happy.getTags'));
    expect(tags.skipped.message).toMatch(/^inconclusive: 503 SERVICE_UNAVAILABLE asked to wait 120 s/);
    expect(Number(suite.skipped)).toBe(1);
  });

  it('that goes on and on makes the scenario inconclusive after a few tries', async () => {
    const proxy = await behind((request) => (isTags(request.url) ? { throttle: 429, retryAfter: '0' } : pass));
    const report = await verify({ baseUrl: proxy.url, only: ['happy.getTags'] });
    expect(outcomes(report)).toEqual({ 'happy.getTags': 'inconclusive' });
    expect(report.results[0]!.reason).toMatch(/answered 429 RATE_LIMIT_EXCEEDED 4 times in a row/);
  });
});

describe('pacing', () => {
  it('two runs back-to-back against one sandbox both conform', async () => {
    const sandbox = await startSandbox();
    open.push(sandbox);
    const first = await verify({ baseUrl: sandbox.url });
    const second = await verify({ baseUrl: sandbox.url });
    expect([first.verdict, first.reasons, second.verdict, second.reasons]).toEqual(['conforms', [], 'conforms', []]);
  }, 60_000);

  it('with every key at 20 requests a window, the run is paced and conforms, without meeting a 429 it did not ask for', async () => {
    const file = fixturesFile((copy) => {
      for (const key of copy.apiKeys) key.rateLimitPerMinute = 20;
    });
    // A 2-second window stands for the minute: the pacing is the same, the test 30 times shorter.
    const sandbox = await startSandbox({ fixtures: file, rateWindowSeconds: 2 });
    open.push(sandbox);
    let unasked429 = 0;
    const report = await verify({
      baseUrl: sandbox.url,
      fixtures: file,
      onExchange: (exchange) => {
        if (exchange.status === 429 && exchange.operationId !== 'getTags') unasked429++;
      },
    });
    expect([report.verdict, report.reasons]).toEqual(['conforms', []]);
    expect(report.counts.requests).toBeGreaterThan(100);
    expect(report.waitedMs).toBeGreaterThan(0);
    expect(unasked429).toBe(0);
    console.info(`paced run, every key at 20 per 2 s window: ${(report.durationMs / 1000).toFixed(1)} s, ${(report.waitedMs / 1000).toFixed(1)} s of it waiting`);
  }, 90_000);
});

describe('time limits', () => {
  it('a request with no answer within the timeout makes its scenario inconclusive; the run goes on', async () => {
    const proxy = await behind((request) => (isTags(request.url) ? { delayMs: 3000 } : pass));
    const started = Date.now();
    const report = await verify({ baseUrl: proxy.url, only: ['happy.getTags', 'happy.getHealth'], timeoutMs: 500 });
    expect(outcomes(report)).toEqual({ 'happy.getHealth': 'passed', 'happy.getTags': 'inconclusive' });
    expect(report.results.find((r) => r.id === 'happy.getTags')!.reason).toBe('getTags got no answer within 0.5 s (--timeout-seconds)');
    expect(Date.now() - started).toBeLessThan(2500);
  });

  it('a server that stops answering stops the run, incomplete, with what it has', async () => {
    const proxy = await behind((_request, index) => (index < 8 ? pass : { hang: true }));
    const report = await verify({ baseUrl: proxy.url, timeoutMs: 300 });
    expect(report.verdict).toBe('incomplete');
    expect(report.incomplete).toMatch(/the server stopped answering: 3 requests in a row got no answer within 0\.3 s/);
    expect(report.results.length).toBeGreaterThan(0);
    expect(report.counts.notRun).toBeGreaterThan(0);
  });

  it('the run deadline stops it, incomplete, with the scenarios run so far', async () => {
    const proxy = await behind(() => ({ delayMs: 100 }));
    const started = Date.now();
    const report = await verify({ baseUrl: proxy.url, deadlineMs: 1500 });
    expect(Date.now() - started).toBeLessThan(4000);
    expect(report.verdict).toBe('incomplete');
    expect(report.incomplete).toBe('the deadline of 1.5 s passed (--deadline-seconds)');
    expect(report.results.length).toBeGreaterThan(0);
    expect(report.counts.notRun).toBeGreaterThan(0);
  });
});

describe('coverage', () => {
  it('an empty fixtures file does not pass: it checks almost nothing, and says why', async () => {
    const empty = fixturesFile((copy) => {
      withoutResources(copy);
      copy.workspaces = [];
      copy.teams = [];
      copy.apiKeys = [];
    });
    const report = await verify({ fixtures: empty });
    expect(report.verdict).toBe('inconclusive');
    expect(report.reasons).toEqual(expect.arrayContaining([expect.stringMatching(/^operations covered \d+ % < --min-coverage 100 %$/)]));
    expect(report.coverage.operations.missing).toEqual(
      expect.arrayContaining([{ operationId: 'createSnippet', why: expect.stringMatching(/^skipped: the fixtures lack an active, unexpired key/) }]),
    );
  });

  it('names what was not provoked and why; --min-coverage sets the floor', async () => {
    const noLapsed = fixturesFile((copy) => {
      const lapsed = new Set(copy.workspaces.filter((w) => w.subscription === 'inactive').map((w) => w.id));
      copy.apiKeys = copy.apiKeys.filter((k) => !lapsed.has(k.workspaceId));
    });
    const strictFloor = await verify({ fixtures: noLapsed });
    expect(strictFloor.verdict).toBe('inconclusive');
    expect(strictFloor.coverage.codes.missing).toEqual([{ code: 'SUBSCRIPTION_INACTIVE', why: expect.stringMatching(/^skipped: the fixtures lack an active key of a workspace whose subscription is "inactive"/) }]);
    const lowered = await verify({ fixtures: noLapsed, minCoverage: 90 });
    expect([lowered.verdict, lowered.reasons]).toEqual(['conforms', []]);
  });

  it('the full run against the sandbox covers every operation and every catalog code', async () => {
    const report = await verify();
    expect(report.coverage.operations).toMatchObject({ percent: 100, missing: [] });
    expect(report.coverage.codes).toMatchObject({ percent: 100, missing: [] });
    expect(report.coverage.responses.covered).toBeGreaterThan(0);
  });

  it('an --only that matches nothing is refused before any request', async () => {
    const proxy = await behind(() => pass);
    await expect(verify({ baseUrl: proxy.url, only: ['nope.'] })).rejects.toThrow(/--only nope\. matches no scenario; scenario ids start with happy\., authentication\./);
    expect(proxy.seen).toEqual([]);
  });
});
