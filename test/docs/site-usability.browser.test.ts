// The docs site as one site, in Chromium on a real sandbox (loopback only):
// the same header on every page, the reference included, and a way from the
// reference to a guide and back; no page scrolls sideways at 360, 1280 or
// 1920 px (screenshots of each go to test-results/docs/widths/, their paths
// printed); an unknown page is an HTML 404 with the site's links; the
// reference shows no raw Markdown. No request leaves 127.0.0.1 and no page
// logs an error.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { CHROMIUM, skipBrowserTests } from '../helpers/chromium.ts';
import { docsBrowser, horizontalOverflow, redocReady, type DocsBrowser } from '../helpers/docs-browser.ts';
import { artifactsDir, ensureSiteBuilt, referenceOperations, referenceTagRoutes } from '../helpers/docs-site.ts';
import { startSandbox } from '../helpers/sandbox.ts';

const skip = skipBrowserTests;
const SKIP_MESSAGE = `docs usability browser tests skipped: ${CHROMIUM} is missing`;
const TIMEOUT = 240_000;
const WIDTHS = [360, 1280, 1920];
const PAGES = ['/docs/', '/docs/reference', '/docs/errors', '/docs/client', '/docs/contract-evolution', '/docs/no-such-page'];
const shotsDir = join(artifactsDir, 'widths');

describe.skipIf(skip)(skip ? SKIP_MESSAGE : 'the docs site as one site, on every screen', () => {
  let sandbox: Sandbox;
  let site: DocsBrowser;

  beforeAll(async () => {
    await ensureSiteBuilt();
    mkdirSync(shotsDir, { recursive: true });
    sandbox = await startSandbox();
    site = await docsBrowser(sandbox.url);
  }, 300_000);

  afterAll(async () => {
    await site?.close();
    await sandbox?.close();
  });

  it(
    'no page scrolls sideways at 360, 1280 or 1920 px, and the header is one line',
    async () => {
      const shots: string[] = [];
      for (const width of WIDTHS) {
        for (const path of PAGES) {
          const notFound = path.endsWith('no-such-page');
          const { page, mine } = await site.open(path, { width, expectStatus: notFound ? 404 : 200 });
          if (path.endsWith('reference')) await redocReady(page);
          const { overflow, culprit } = await horizontalOverflow(page);
          expect(overflow, `${path} at ${width} px is ${overflow} px too wide (${culprit})`).toBeLessThanOrEqual(0);
          // One line of header: about 2.75rem, a small part of a phone's screen.
          const header = await page.evaluate(() => document.querySelector('.site-header')!.getBoundingClientRect().height);
          expect(header, `${path} at ${width} px: header height`).toBeLessThan(56);
          const file = join(shotsDir, `${path.replace(/^\/docs\/?/, '') || 'index'}-${width}.png`);
          await page.screenshot({ path: file });
          shots.push(file);
          expect(mine, `${path} at ${width} px`).toEqual([]);
          await page.close();
        }
      }
      console.info(`docs screenshots:\n  ${shots.join('\n  ')}`);
    },
    TIMEOUT,
  );

  it(
    'the reference has the site header: to a guide and back again',
    async () => {
      const { page, mine } = await site.open('/docs/reference');
      await redocReady(page);
      const links = await page.$$eval('.site-header nav a', (all) => all.map((a) => a.getAttribute('href')));
      expect(links).toEqual(expect.arrayContaining(['./', 'reference', 'errors', 'client', 'sandbox']));
      expect(await page.$eval('.site-header nav a[aria-current="page"]', (a) => a.getAttribute('href'))).toBe('reference');
      await Promise.all([page.waitForURL(/\/docs\/sandbox$/), page.click('.site-header nav a[href="sandbox"]')]);
      expect(await page.$eval('h1', (h) => h.textContent)).toMatch(/sandbox/i);
      await Promise.all([page.waitForURL(/\/docs\/reference$/), page.click('.site-header nav a[href="reference"]')]);
      await redocReady(page);
      await page.goBack();
      await page.waitForURL(/\/docs\/sandbox$/);
      await page.goBack();
      await page.waitForURL(/\/docs\/reference$/);
      await redocReady(page);
      expect(mine).toEqual([]);
      await page.close();
    },
    TIMEOUT,
  );

  it(
    'an unknown docs page is an HTML 404 with the site links, at any depth',
    async () => {
      for (const path of ['/docs/no-such-page', '/docs/a/b/c', '/docs/errors.html']) {
        const response = await fetch(new URL(path, sandbox.url));
        expect(response.status, path).toBe(404);
        expect(response.headers.get('content-type'), path).toMatch(/^text\/html/);
        expect(await response.text(), path).toContain('Page not found');
      }
      const { page, mine } = await site.open('/docs/a/b/c', { expectStatus: 404 });
      expect(await page.$eval('h1', (h) => h.textContent)).toBe('Page not found');
      await Promise.all([page.waitForURL(/\/docs\/errors$/), page.click('main a[href="errors"]')]);
      expect(await page.title()).toMatch(/Error catalog/);
      expect(mine).toEqual([]);
      await page.close();
    },
    TIMEOUT,
  );

  it(
    'the reference shows no raw Markdown backticks, on any tag',
    async () => {
      const { page, mine } = await site.open('/docs/reference');
      await redocReady(page);
      const raw: string[] = [];
      const routes = [...referenceTagRoutes(), ...new Set(referenceOperations().map((o) => o.route.split('/')[0]!))];
      for (const route of ['', ...new Set(routes)]) {
        await page.evaluate((r) => {
          location.hash = `/${r}`;
        }, route);
        await page.waitForTimeout(400);
        // Text outside code, pre and scripts that still has a backtick (a code span Redoc did not render).
        raw.push(
          ...(await page.evaluate(() => {
            const found: string[] = [];
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              const parent = node.parentElement!;
              if (parent.closest('code, pre, script, style, .try-it, [data-component-name="CodeBlock/CodeBlock"]')) continue;
              if (node.textContent!.includes('`')) found.push(`${parent.tagName}: ${node.textContent!.trim().slice(0, 80)}`);
            }
            return found;
          })),
        );
      }
      expect([...new Set(raw)]).toEqual([]);
      expect(mine).toEqual([]);
      await page.close();
    },
    TIMEOUT,
  );

  it('no page attempted a request outside 127.0.0.1 or logged an error', () => {
    expect(site.external).toEqual([]);
    expect(site.problems).toEqual([]);
  });
});
