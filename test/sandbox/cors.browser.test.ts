// CORS in a real browser (issue #15, point 4): a page served from one origin
// (a dev server on 127.0.0.1) calls the sandbox on another (localhost, another
// port) with its key, as a frontend under development does. Chromium must let
// the call through, preflight included, and let the page read the headers
// the contract gives it; with CORS off, the same call must fail in the page.
// Without /usr/bin/chromium the test is skipped, except in CI (CI=true).
import { launchChromium, skipBrowserTests } from '../helpers/chromium.ts';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { demoKeys, demoTeams, startSandbox } from '../helpers/sandbox.ts';

const skip = skipBrowserTests;

describe.skipIf(skip)('CORS in Chromium', () => {
  let browser: Browser | undefined;
  let page: Server;
  let pageUrl: string;
  const sandboxes: Sandbox[] = [];

  beforeAll(async () => {
    page = createServer((_request, response) => response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>dev server</title>'));
    await new Promise<void>((resolve) => page.listen(0, '127.0.0.1', resolve));
    pageUrl = `http://127.0.0.1:${(page.address() as AddressInfo).port}/`;
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => page?.close(resolve));
    for (const sandbox of sandboxes) await sandbox.close();
  });

  /** What a page on the dev server gets from a POST with a key, Content-Type and Idempotency-Key (a preflighted request). */
  async function callFromPage(sandbox: Sandbox) {
    const target = sandbox.url.replace('127.0.0.1', 'localhost');
    const tab = await browser!.newPage();
    try {
      await tab.goto(pageUrl);
      return await tab.evaluate(
        async ({ target, key, teamId }) => {
          try {
            const answer = await fetch(`${target}/api/prompts/tag`, {
              method: 'POST',
              headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
              body: JSON.stringify({ tagName: 'from the browser', teamId }),
            });
            return { status: answer.status, requestId: answer.headers.get('x-request-id'), remaining: answer.headers.get('ratelimit-remaining') };
          } catch (error) {
            return { error: String(error) };
          }
        },
        { target, key: demoKeys.acme, teamId: demoTeams.platform },
      );
    } finally {
      await tab.close();
    }
  }

  it('lets a page on a loopback dev server call the sandbox and read X-Request-Id and RateLimit-*', async () => {
    const sandbox = await startSandbox();
    sandboxes.push(sandbox);
    const result = await callFromPage(sandbox);
    expect(result).toEqual({ status: 201, requestId: expect.stringMatching(/^req_/), remaining: expect.stringMatching(/^\d+$/) });
  }, 60_000);

  it('blocks the same call when CORS is off', async () => {
    const sandbox = await startSandbox({ cors: [] });
    sandboxes.push(sandbox);
    expect(await callFromPage(sandbox)).toEqual({ error: expect.stringMatching(/TypeError: Failed to fetch/) });
  }, 60_000);
});
