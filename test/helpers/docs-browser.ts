// A Chromium context on the docs site of a real sandbox, for the browser
// tests of test/docs: every request that leaves 127.0.0.1 is aborted and
// recorded, and every console error, page error or failed local request of a
// page is recorded, so that a test can say "none happened".
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './chromium.ts';

/** Hosts of the site itself; a request anywhere else is aborted and recorded. */
export const isLocal = (url: URL) => url.protocol === 'data:' || url.protocol === 'blob:' || ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);

export interface DocsBrowser {
  browser: Browser;
  /** Requests the pages tried to send outside 127.0.0.1, all aborted. */
  external: string[];
  /** Console errors, page errors, failed local requests and local 4xx/5xx other than `expected`, of every page. */
  problems: string[];
  /** A new page of `width` px, at `path` of the sandbox; `expected` statuses of local requests are not problems. */
  open(path: string, options?: { width?: number; height?: number; expectStatus?: number; expected?: number[] }): Promise<{ page: Page; mine: string[] }>;
  close(): Promise<void>;
}

export async function docsBrowser(baseUrl: string): Promise<DocsBrowser> {
  const browser = await launchChromium();
  const external: string[] = [];
  const problems: string[] = [];
  const contexts: BrowserContext[] = [];
  return {
    browser,
    external,
    problems,
    async open(path, { width = 1280, height = 800, expectStatus = 200, expected = [] } = {}) {
      const context = await browser.newContext({ viewport: { width, height } });
      contexts.push(context);
      context.setDefaultTimeout(60_000);
      await context.route('**/*', (route) => {
        const url = new URL(route.request().url());
        if (isLocal(url)) return route.continue();
        external.push(`${route.request().method()} ${url.href}`);
        return route.abort('blockedbyclient');
      });
      const page = await context.newPage();
      const mine: string[] = [];
      const report = (problem: string) => {
        mine.push(problem);
        problems.push(problem);
      };
      const allowed = new Set([expectStatus, ...expected]);
      page.on('console', (message) => {
        // The browser logs every 4xx/5xx answer as a console error; those are judged by status below.
        if (message.type() === 'error' && !/^Failed to load resource: the server responded with a status of (\d+)/.test(message.text())) report(`${page.url()}: console error: ${message.text()}`);
      });
      page.on('pageerror', (error) => report(`${page.url()}: page error: ${error.stack ?? error.message}`));
      page.on('response', (response) => {
        if (response.status() >= 400 && isLocal(new URL(response.url())) && !allowed.has(response.status())) report(`${page.url()}: ${response.status()} for ${response.url()}`);
      });
      page.on('requestfailed', (request) => {
        if (isLocal(new URL(request.url()))) report(`${page.url()}: request failed: ${request.url()} (${request.failure()?.errorText})`);
      });
      const response = await page.goto(new URL(path, baseUrl).href, { waitUntil: 'load' });
      if (response?.status() !== expectStatus) throw new Error(`${path}: status ${response?.status()}, expected ${expectStatus}`);
      return { page, mine };
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close();
    },
  };
}

/** Redoc hydrates its prerendered shell after load; its search box reads "Loading..." until then. */
export async function redocReady(page: Page): Promise<void> {
  await page.waitForSelector('#api-content');
  await page.waitForFunction(() => {
    const search = document.querySelector('[data-testid="search-trigger"]')?.textContent ?? '';
    return search !== '' && !search.includes('Loading');
  });
}

/** How far the page is wider than its viewport (0 when nothing scrolls sideways), and the widest culprit. */
export async function horizontalOverflow(page: Page): Promise<{ overflow: number; culprit: string }> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    let culprit = '';
    let widest = width;
    for (const element of document.querySelectorAll('body *')) {
      const right = element.getBoundingClientRect().right + window.scrollX;
      if (right > widest + 1) {
        widest = right;
        culprit = `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}.${String(element.className).slice(0, 40)}`;
      }
    }
    return { overflow: document.documentElement.scrollWidth - width, culprit };
  });
}
