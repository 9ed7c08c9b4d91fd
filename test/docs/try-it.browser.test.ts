// The reference's try-it panel (scripts/docs/try-it.ts) in Chromium, on the
// site as a real sandbox serves it (loopback only): every operation has a
// panel and its curl sample; one operation of each tag gets a real 2xx, the
// reads on the prefilled example ids (the demo fixtures' resources); an id
// the sandbox does not know gets a 404 whose catalog entry is shown with its link; a fault button gets the 503 it asks for, with
// Retry-After; opened as a file, every panel is off with its note. No
// request leaves 127.0.0.1 and no page logs an error.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { CHROMIUM, skipBrowserTests } from '../helpers/chromium.ts';
import { docsBrowser, redocReady, type DocsBrowser } from '../helpers/docs-browser.ts';
import { ensureSiteBuilt, referenceOperations, siteDir } from '../helpers/docs-site.ts';
import { operations } from '../../generated/operations.js';
import { startSandbox } from '../helpers/sandbox.ts';

const skip = skipBrowserTests;
const TIMEOUT = 240_000;

describe.skipIf(skip)(skip ? `try-it browser tests skipped: ${CHROMIUM} is missing` : 'try it, from the reference', () => {
  let sandbox: Sandbox;
  let site: DocsBrowser;
  let page: Page;
  let mine: string[];
  const routeOf = (operationId: string) => referenceOperations().find((o) => o.operationId === operationId)!.route;

  beforeAll(async () => {
    await ensureSiteBuilt();
    sandbox = await startSandbox();
    site = await docsBrowser(sandbox.url);
    // The 404 and 503 below are asked for.
    ({ page, mine } = await site.open('/docs/reference', { expected: [404, 503] }));
    await redocReady(page);
  }, 300_000);

  afterAll(async () => {
    await site?.close();
    await sandbox?.close();
  });

  async function panelOf(operationId: string) {
    await page.evaluate((r) => {
      location.hash = `/${r}`;
    }, routeOf(operationId));
    const panel = page.locator(`.try-it[data-operation="${operationId}"]`);
    await panel.waitFor({ state: 'visible' });
    await panel.locator('.try-it-send:not([disabled])').waitFor();
    return panel;
  }

  async function send(operationId: string, fill: Record<string, string> = {}, button = '.try-it-send') {
    const panel = await panelOf(operationId);
    for (const [name, value] of Object.entries(fill)) await panel.locator(`[name="${name}"]`).fill(value);
    // Redoc may still be moving the page to the operation: a click that lands elsewhere starts nothing (the
    // output stays hidden), and is made again; one that started the request is never repeated.
    for (let attempt = 1; ; attempt++) {
      await panel.locator(button).click();
      const started = await panel
        .locator('.try-it-output:not([hidden])')
        .waitFor({ timeout: 3000 })
        .then(() => true, () => false);
      if (started || attempt === 5) break;
    }
    await panel.locator('.try-it-status').waitFor();
    const status = Number(await panel.locator('.try-it-status').getAttribute('data-status'));
    const headers = await panel.locator('.try-it-headers dt').allTextContents();
    const body = JSON.parse((await panel.locator('.try-it-body').textContent())!);
    return { panel, status, headers, body };
  }

  it(
    'every operation has a try-it panel and both code samples',
    async () => {
      for (const { operationId, route } of referenceOperations()) {
        await panelOf(operationId);
        const samples = await page.locator(`[id="${route}"]`).textContent();
        expect(samples, operationId).toContain('curl -X');
        // The TypeScript sample is the other entry of the samples' menu: it is in the page's Redoc state.
        const { method, path } = operations.find((o) => o.operationId === operationId)!;
        const call = `await client.${method.toUpperCase()}('${path}'`;
        expect(await page.evaluate((c) => document.documentElement.innerHTML.includes(c.replace(/'/g, "\\u0027")) || document.documentElement.innerHTML.includes(c), call), `${operationId}: ${call}`).toBe(true);
      }
    },
    TIMEOUT,
  );

  it(
    'one operation of each tag gets a real 2xx, with X-Request-Id and RateLimit-* shown; the prefilled ids name what the demo fixtures hold',
    async () => {
      expect((await send('getHealth')).status).toBe(200);
      const read = await send('getSnippet');
      expect(read.status, JSON.stringify(read.body)).toBe(200);
      expect((await send('getFolder')).status).toBe(200);
      expect((await send('getTag')).status).toBe(200);
      const created = await send('createSnippet');
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      expect(created.headers).toEqual(expect.arrayContaining(['x-request-id', 'ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset']));
      const snippet = created.body.data;
      const variation = await send('getVariation', { snippetId: snippet.id, variationId: snippet.variations[1].id });
      expect(variation.status, JSON.stringify(variation.body)).toBe(200);
      expect((await send('createFolder')).status).toBe(201);
      expect((await send('createTag')).status).toBe(201);
      expect(mine).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    'an id the sandbox does not know: 404, and the catalog entry of its code with its link',
    async () => {
      // The example's id is a snippet of the demo fixtures (200, as the 2xx test shows for the others): another one is asked for.
      const { panel, status, body } = await send('getSnippet', { id: '00000000-0000-4000-8000-00000000dead' });
      expect(status).toBe(404);
      const card = panel.locator('.try-it-catalog');
      expect(await card.getAttribute('data-code')).toBe(body.code);
      expect(await card.locator('a').getAttribute('href')).toBe(`errors#${body.code}`);
      await Promise.all([page.waitForURL(new RegExp(`/docs/errors#${body.code}$`)), card.locator('a').click()]);
      await page.goBack();
      await redocReady(page);
    },
    TIMEOUT,
  );

  it(
    'a fault button asks for it with Prefer: 503 with Retry-After',
    async () => {
      const { status, headers, body } = await send('getTags', {}, '.try-it-fault:has-text("503")');
      expect(status).toBe(503);
      expect(headers).toContain('retry-after');
      expect(body.code).toBeTypeOf('string');
      expect(await page.locator('.try-it[data-operation="getTags"] .try-it-catalog').getAttribute('data-code')).toBe(body.code);
    },
    TIMEOUT,
  );

  it(
    'an operation Redoc renders again keeps its panel, with the answer shown',
    async () => {
      const { status } = await send('getTags');
      expect(status).toBe(200);
      // As Redoc's full render replaces its first, lazy one: a new element with the operation's id.
      await page.evaluate((r) => {
        const old = document.getElementById(r)!;
        const fresh = document.createElement(old.tagName);
        fresh.id = r;
        old.replaceWith(fresh);
      }, routeOf('getTags'));
      const moved = page.locator(`[id="${routeOf('getTags')}"] > .try-it[data-operation="getTags"] .try-it-status`);
      await moved.waitFor();
      expect(await moved.getAttribute('data-status')).toBe('200');
      expect(await page.locator('.try-it[data-operation="getTags"]').count()).toBe(1);
    },
    TIMEOUT,
  );

  it(
    'opened as a file, without the sandbox: every panel off, with its note, and no request sent',
    async () => {
      const context = await site.browser.newContext({ viewport: { width: 1280, height: 800 } });
      const requests: string[] = [];
      // Only the page itself is a file; anything else it asks for (the sandbox's /health among them) is recorded and refused.
      await context.route('**/*', (route) => {
        const url = route.request().url();
        if (url.startsWith('file://')) return route.continue();
        requests.push(url);
        return route.abort('blockedbyclient');
      });
      try {
        const file = await context.newPage();
        await file.goto(pathToFileURL(join(siteDir, 'reference.html')).href, { waitUntil: 'load' });
        await redocReady(file);
        await file.evaluate((r) => {
          location.hash = `/${r}`;
        }, routeOf('getSnippet'));
        const panel = file.locator('.try-it[data-operation="getSnippet"]');
        await panel.locator('.try-it-note').filter({ hasText: /^Off/ }).waitFor();
        expect(await panel.locator('.try-it-send').isDisabled()).toBe(true);
        expect(await panel.locator('.try-it-note').textContent()).toMatch(/^Off: this page is not served by the sandbox/);
        expect(requests).toEqual([]);
      } finally {
        await context.close();
      }
    },
    TIMEOUT,
  );

  it('no request left 127.0.0.1 and no page logged an error', () => {
    expect(site.external).toEqual([]);
    expect(site.problems).toEqual([]);
  });
});
