// The docs site in a real browser: Debian's Chromium (installed by .ci/run)
// driven by playwright-core, on the site as a real sandbox serves it at /docs
// on 127.0.0.1. Every request that leaves 127.0.0.1/localhost is aborted and
// recorded (the site must work offline: none may be attempted), and every
// console error, page error or failed local request fails the test.
//
// Checked: the Redoc reference renders every operation of
// generated/operations.js; the catalog lists every code of
// generated/error-catalog.js, each with the operations that return it and
// its sandbox recipe; following a catalog anchor scrolls to its code;
// every page loads with a title and its stylesheet. Screenshots of the
// reference and the catalog go to test-results/docs/.
//
// Without /usr/bin/chromium the tests are skipped with a message, except in
// CI (CI=true), where they fail.
import { CHROMIUM, launchChromium, skipBrowserTests } from '../helpers/chromium.ts';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCatalog, errorCodes } from '../../generated/error-catalog.js';
import { operations } from '../../generated/operations.js';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { artifactsDir, ensureSiteBuilt, readSitePages, referenceOperations, referenceTagRoutes } from '../helpers/docs-site.ts';
import { startSandbox } from '../helpers/sandbox.ts';

const skip = skipBrowserTests;
const SKIP_MESSAGE = `docs site browser tests skipped: ${CHROMIUM} is missing (install it with \`apt-get install -y chromium\`, as .ci/run does; in CI they fail instead)`;
if (skip) console.warn(SKIP_MESSAGE);

const VIEWPORT = { width: 1280, height: 800 };
const BROWSER_TIMEOUT = 180_000;

/** Hosts of the site itself; a request anywhere else is aborted and recorded. */
const isLocal = (url: URL) => url.protocol === 'data:' || url.protocol === 'blob:' || ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);

describe.skipIf(skip)(skip ? SKIP_MESSAGE : 'the docs site in Chromium', () => {
  let sandbox: Sandbox | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext;
  /** Requests the pages tried to send outside 127.0.0.1, all aborted. */
  const external: string[] = [];
  /** Console errors, page errors and failed local requests, of every page. */
  const problems: string[] = [];

  const urlOf = (path: string) => new URL(path, sandbox!.url).href;

  /** A new page with the recorders attached; `mine` gets this page's problems only. */
  async function open(path: string): Promise<{ page: Page; mine: string[] }> {
    const page = await context.newPage();
    const mine: string[] = [];
    const report = (problem: string) => {
      mine.push(problem);
      problems.push(problem);
    };
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const source = message.location().url;
      report(`${page.url()}: console error: ${message.text()}${source ? ` (${source}:${message.location().lineNumber})` : ''}`);
    });
    page.on('pageerror', (error) => report(`${page.url()}: page error: ${error.stack ?? error.message}`));
    page.on('response', (response) => {
      if (response.status() >= 400 && isLocal(new URL(response.url()))) report(`${page.url()}: ${response.status()} for ${response.url()}`);
    });
    page.on('requestfailed', (request) => {
      if (isLocal(new URL(request.url()))) report(`${page.url()}: request failed: ${request.url()} (${request.failure()?.errorText})`);
    });
    const response = await page.goto(urlOf(path), { waitUntil: 'load' });
    expect(response?.status(), path).toBe(200);
    return { page, mine };
  }

  /** Redoc hydrates its prerendered shell after load; its search box reads "Loading..." until then. */
  async function redocReady(page: Page): Promise<void> {
    await page.waitForSelector('#api-content');
    await page.waitForFunction(() => {
      const search = document.querySelector('[data-testid="search-trigger"]')?.textContent ?? '';
      return search !== '' && !search.includes('Loading');
    });
  }

  /** Where an element is, against the viewport. */
  async function placeOf(page: Page, selector: string) {
    return page.evaluate((s) => {
      const box = document.querySelector(s)!.getBoundingClientRect();
      return { top: box.top, bottom: box.bottom, scrollY: window.scrollY, innerHeight: window.innerHeight, target: document.querySelector(':target')?.id ?? null, hash: location.hash };
    }, selector);
  }

  function expectScrolledTo(place: Awaited<ReturnType<typeof placeOf>>, code: string) {
    const where = `${code}: ${JSON.stringify(place)}`;
    expect(place.hash, where).toBe(`#${code}`);
    expect(place.target, where).toBe(code);
    expect(place.scrollY, where).toBeGreaterThan(0);
    // Its top is inside the viewport (a section can be taller than the viewport).
    expect(place.top, where).toBeGreaterThanOrEqual(0);
    expect(place.top, where).toBeLessThan(place.innerHeight);
  }

  beforeAll(async () => {
    await ensureSiteBuilt();
    mkdirSync(artifactsDir, { recursive: true });
    sandbox = await startSandbox();
    browser = await launchChromium();
    context = await browser.newContext({ viewport: VIEWPORT });
    context.setDefaultTimeout(60_000); // Redoc hydrates slowly on a loaded 2-core runner
    await context.route('**/*', async (route) => {
      const url = new URL(route.request().url());
      if (isLocal(url)) return route.continue();
      let from = '?';
      try {
        from = route.request().frame().url();
      } catch {
        // a request of no frame (a service worker's)
      }
      external.push(`${route.request().method()} ${url.href} (from ${from})`);
      return route.abort('blockedbyclient');
    });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await sandbox?.close();
  });

  it('its guards work: a request to another host is aborted and recorded, a console error is caught', async () => {
    const { page, mine } = await open('/docs/');
    const outcome = await page.evaluate(() => fetch('https://example.com/guard-probe').then(
      () => 'answered',
      (error: unknown) => `refused: ${String(error)}`,
    ));
    expect(outcome).toMatch(/^refused/);
    await page.evaluate(() => console.error('guard probe'));
    await page.waitForTimeout(100);
    await page.close();
    expect(external).toEqual([expect.stringContaining('GET https://example.com/guard-probe')]);
    expect(mine).toContainEqual(expect.stringContaining('console error: guard probe'));
    // Start the real checks clean.
    external.length = 0;
    problems.length = 0;
  });

  it(
    'the reference renders every operation of generated/operations.js',
    async () => {
      const { page, mine } = await open('/docs/reference');
      await redocReady(page);
      expect(await page.title()).toBe('Snippets API reference');
      await page.screenshot({ path: join(artifactsDir, 'reference.png') });

      // The menu has a group per tag, whose router paths are the tags' routes.
      const menu = await page.$$eval('[data-component-name="Menu/MenuItem"] > a', (links) => links.map((a) => a.getAttribute('href')));
      // The prerendered links are made page-local (`#/snippets`) by the docs build.
      for (const tag of referenceTagRoutes()) expect(menu, tag).toContain(`#/${tag}`);

      // Redoc 3 renders the operations of one tag at a time: go to each one
      // (reference#/<tag>/<operationid>) and wait for it to render.
      const expected = referenceOperations();
      expect(expected.map((o) => o.operationId)).toEqual(operations.map((o) => o.operationId));
      const rendered = new Set<string>();
      for (const { operationId, route, summary } of expected) {
        await page.evaluate((r) => {
          location.hash = `/${r}`;
        }, route);
        const element = await page.waitForSelector(`[id="${route}"]`, { state: 'visible' }).catch(() => null);
        expect(element, `${operationId}: no element id="${route}" after going to reference#/${route}`).not.toBeNull();
        expect(await element!.textContent(), operationId).toContain(summary);
        // The operations that Redoc shows at this moment (the tag's), to compare with the spec's.
        for (const section of await page.$$eval('[data-section-id]', (all) => all.map((e) => e.getAttribute('data-section-id')!))) {
          if (/^\/(?!section\/)[^/]+\/[^/]+$/.test(section)) rendered.add(section.slice(1));
        }
        if (operationId === 'createSnippet') await page.screenshot({ path: join(artifactsDir, 'reference-createSnippet.png') });
      }
      // Nothing more, nothing less than the operations of generated/operations.js.
      expect([...rendered].sort()).toEqual(expected.map((o) => o.route).sort());
      await page.waitForTimeout(250); // late console errors of the last render
      expect(mine).toEqual([]);
      await page.close();
    },
    BROWSER_TIMEOUT,
  );

  it(
    'the catalog lists every code of generated/error-catalog.js, with its status',
    async () => {
      const { page, mine } = await open('/docs/errors');
      expect(await page.title()).toMatch(/Error catalog/);
      await page.screenshot({ path: join(artifactsDir, 'errors.png') });
      const sections = await page.$$eval('section[data-code]', (all) =>
        all.map((s) => ({
          id: s.id,
          code: s.getAttribute('data-code'),
          facts: s.querySelector('.facts')?.textContent ?? '',
          visible: s.getBoundingClientRect().height > 0,
          // #18 point 4: who returns it, and the shell lines that get it from the sandbox.
          returnedBy: [...s.querySelectorAll('.returned-by li')].filter((li) => li.getBoundingClientRect().height > 0).length,
          recipe: (s.querySelector('pre.recipe') as HTMLElement | null)?.innerText ?? '',
        })),
      );
      expect(sections.map((s) => s.code).sort()).toEqual([...errorCodes].sort());
      for (const section of sections) {
        expect(section.id, section.code!).toBe(section.code);
        expect(section.visible, section.code!).toBe(true);
        expect(section.facts, section.code!).toContain(`HTTP ${errorCatalog[section.code as keyof typeof errorCatalog].status}`);
        expect(section.returnedBy, section.code!).toBeGreaterThan(0);
        expect(section.recipe, section.code!).toMatch(/^(.*\n)*.*curl /);
      }
      // The index at the top links to every code.
      const index = await page.$$eval('table a[href^="#"]', (links) => links.map((a) => a.getAttribute('href')!.slice(1)));
      expect(index.sort()).toEqual([...errorCodes].sort());
      expect(mine).toEqual([]);
      await page.close();
    },
    BROWSER_TIMEOUT,
  );

  it(
    'following a catalog anchor scrolls to its code: by address, from the index, from a guide',
    async () => {
      // By address, as an error body's code is looked up.
      const direct = await open('/docs/errors#QUOTA_INSUFFICIENT');
      expectScrolledTo(await placeOf(direct.page, '#QUOTA_INSUFFICIENT'), 'QUOTA_INSUFFICIENT');
      await direct.page.screenshot({ path: join(artifactsDir, 'errors-QUOTA_INSUFFICIENT.png') });
      expect(direct.mine).toEqual([]);
      await direct.page.close();

      // Clicking each link of the index, from the top of the page.
      const { page, mine } = await open('/docs/errors');
      for (const code of errorCodes) {
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.click(`table a[href="#${code}"]`);
        await page.waitForFunction((c) => location.hash === `#${c}`, code);
        expectScrolledTo(await placeOf(page, `[id="${code}"]`), code);
      }
      expect(mine).toEqual([]);
      await page.close();

      // From a guide, to another page's anchor.
      const guide = await open('/docs/sandbox');
      await Promise.all([guide.page.waitForURL(/\/docs\/errors#QUOTA_INSUFFICIENT$/), guide.page.click('a[href="errors#QUOTA_INSUFFICIENT"]')]);
      await guide.page.waitForLoadState('load');
      expectScrolledTo(await placeOf(guide.page, '#QUOTA_INSUFFICIENT'), 'QUOTA_INSUFFICIENT');
      expect(guide.mine).toEqual([]);
      await guide.page.close();
    },
    BROWSER_TIMEOUT,
  );

  it(
    'every page loads with a title and the stylesheet',
    async () => {
      // 404.html is served, with status 404, for unknown pages (site-usability.browser.test.ts).
      const names = [...readSitePages().keys()].filter((name) => name !== '404');
      expect(names).toEqual(expect.arrayContaining(['index', 'client', 'contract-testing', 'sandbox', 'errors', 'reference']));
      for (const name of names) {
        const { page, mine } = await open(name === 'index' ? '/docs/' : `/docs/${name}`);
        const title = await page.title();
        expect(title.trim(), name).not.toBe('');
        if (name === 'reference') {
          await redocReady(page);
        } else {
          // A heading, the title's first part, and the stylesheet, loaded and applied.
          const facts = await page.evaluate(() => ({
            h1: document.querySelector('h1')?.textContent?.trim() ?? '',
            sheets: [...document.styleSheets].map((s) => ({ href: s.href, rules: s.cssRules.length })),
            headerBorder: getComputedStyle(document.querySelector('header')!).borderBottomStyle,
          }));
          expect(facts.h1, name).not.toBe('');
          expect(title, name).toMatch(/ · Snippets API$/);
          expect(facts.sheets, name).toContainEqual({ href: urlOf('/docs/style.css'), rules: expect.any(Number) });
          expect(facts.sheets.find((s) => s.href === urlOf('/docs/style.css'))!.rules, name).toBeGreaterThan(5);
          expect(facts.headerBorder, name).toBe('solid');
        }
        await page.waitForTimeout(100);
        expect(mine, name).toEqual([]);
        await page.close();
      }
    },
    BROWSER_TIMEOUT,
  );

  it('no page attempted a request outside 127.0.0.1 or logged an error', () => {
    expect(external).toEqual([]);
    expect(problems).toEqual([]);
  });
});
