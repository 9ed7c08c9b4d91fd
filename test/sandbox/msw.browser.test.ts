// The sandbox as MSW handlers in a real browser (issue #15, point 2): a page
// (test/fixtures/msw-browser-page.ts, bundled by esbuild for the browser)
// runs the in-process sandbox and msw/browser's setupWorker with
// sandboxHandlers(); MSW's service worker hands the page's requests to
// http://sandbox.test back to the page, where the sandbox answers them. The
// page, its bundle and mockServiceWorker.js (copied from the installed msw,
// so that their versions match) are served from a temp dir on 127.0.0.1, a
// secure context, as service workers require. Every step's status and code
// is checked, every answer must come from the service worker, and any console
// error or page error fails the test.
// Without /usr/bin/chromium the test is skipped, except in CI (CI=true).
import { launchChromium, skipBrowserTests } from '../helpers/chromium.ts';
import { build } from 'esbuild';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_BASE_URL } from '../../src/sandbox/msw-handlers.ts';
import type { PageResults } from '../fixtures/msw-browser-page.ts';
import { demoKeys, demoTeams, fixtures } from '../helpers/sandbox.ts';

const skip = skipBrowserTests;

const acmeQuota = fixtures.workspaces.find((w) => w.id === fixtures.apiKeys.find((k) => k.key === demoKeys.acme)!.workspaceId)!.remainingRequests;

const PAGE = `<!doctype html>
<meta charset="utf-8">
<link rel="icon" href="data:,">
<title>sandbox through MSW</title>
<script type="module" src="/page.js"></script>
`;
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8' };

describe.skipIf(skip)('sandboxHandlers() with msw/browser in Chromium', () => {
  let dir: string;
  let site: Server;
  let siteUrl: string;
  let browser: Browser | undefined;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'msw-page-'));
    writeFileSync(join(dir, 'index.html'), PAGE);
    copyFileSync(createRequire(import.meta.url).resolve('msw/mockServiceWorker.js'), join(dir, 'mockServiceWorker.js'));
    await build({
      entryPoints: [new URL('../fixtures/msw-browser-page.ts', import.meta.url).pathname],
      outfile: join(dir, 'page.js'),
      bundle: true,
      platform: 'browser',
      format: 'esm',
      logLevel: 'silent',
    });
    site = createServer((request, response) => {
      const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
      const file = path === '/' ? 'index.html' : path.slice(1);
      if (!['index.html', 'page.js', 'mockServiceWorker.js'].includes(file)) return response.writeHead(404).end();
      response.writeHead(200, { 'content-type': TYPES[extname(file)]!, 'cache-control': 'no-store' }).end(readFileSync(join(dir, file)));
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}/`;
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => site?.close(resolve));
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('answers the page’s create, read, 404 and 429 with the sandbox in the page, and reset() gives the quota back', async () => {
    const context = await browser!.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    /** For each answer to a request to the sandbox's base URL, whether the service worker gave it. */
    const answered: boolean[] = [];
    // Chromium logs every 4xx answer as a console error; the steps' statuses are checked below.
    const expected = /^Failed to load resource: the server responded with a status of (404|429) /;
    page.on('console', (message) => message.type() === 'error' && !expected.test(message.text()) && problems.push(`console error: ${message.text()}`));
    page.on('pageerror', (error) => problems.push(`page error: ${error.stack ?? error.message}`));
    page.on('response', (response) => response.url().startsWith(SANDBOX_BASE_URL) && answered.push(response.fromServiceWorker()));
    try {
      await page.goto(`${siteUrl}?${new URLSearchParams({ key: demoKeys.acme, team: demoTeams.platform })}`);
      await page.waitForFunction(() => window.__results !== undefined, null, { timeout: 30_000 });
      const results = (await page.evaluate(() => window.__results)) as PageResults;
      if ('error' in results) throw new Error(`the page failed: ${results.error}`);
      const requestId = expect.stringMatching(/^req_/);
      expect(results.steps).toEqual([
        { step: 'create', status: 201, requestId, remaining: acmeQuota - 1 },
        { step: 'read', status: 200, requestId, remaining: acmeQuota - 2 },
        { step: 'read unknown', status: 404, code: 'SNIPPET_NOT_FOUND', requestId },
        { step: 'over the rate limit', status: 429, code: 'RATE_LIMIT_EXCEEDED', requestId, retryAfter: expect.any(Number) },
        { step: 'create after reset', status: 201, requestId, remaining: acmeQuota - 1 },
        { step: 'read after reset', status: 404, code: 'SNIPPET_NOT_FOUND', requestId },
      ]);
      expect(results.controlled).toBe(true);
      expect(answered).toEqual(results.steps.map(() => true));
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);
});
