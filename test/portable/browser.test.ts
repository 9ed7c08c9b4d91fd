// src/portable in a real browser, where there is no Node: Chromium loads the
// five files (their types stripped, nothing bundled) from a secure origin
// (http://127.0.0.1) and from one that is not (a name other than localhost,
// mapped to 127.0.0.1), where crypto.randomUUID is missing. What they give is
// compared with Node's Buffer and node:crypto.
// Without /usr/bin/chromium the test is skipped, except in CI (CI=true).
import { launchChromium, skipBrowserTests } from '../helpers/chromium.ts';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { type Browser } from 'playwright-core';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/spec.ts';

const skip = skipBrowserTests;

/** Not localhost nor a loopback address, so not a secure context, though Chromium is told it is 127.0.0.1. */
const INSECURE_HOST = 'portable.test';

const samples = ['', 'abc', '\ufeffBOM', 'é€😀', '\ud800', 'a\udfffb', '\udc00\ud83d', 'x'.repeat(55), 'x'.repeat(56), 'é'.repeat(32), '😀'.repeat(16), '€😀\ud800'.repeat(1_000)];

/** One module of src/portable as JavaScript: its types stripped, imports (there are none) left as they are. */
function moduleSource(name: string): string | undefined {
  if (!/^[\w-]+$/.test(name)) return undefined;
  const file = join(repoRoot, 'src/portable', `${name}.ts`);
  if (!existsSync(file)) return undefined;
  return ts.transpileModule(readFileSync(file, 'utf8'), { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
}

/** A page that loads the modules, as a page of an application would, and leaves them on window.portable. */
const PAGE = `<!doctype html><title>portable</title>
<script type="module">
  const names = ['sha256', 'base64url', 'utf8', 'uuid', 'next-turn'];
  const modules = await Promise.all(names.map((name) => import(\`/portable/\${name}.js\`)));
  window.portable = Object.assign({}, ...modules);
</script>`;

describe.skipIf(skip)('src/portable in Chromium', () => {
  let browser: Browser | undefined;
  let server: Server;
  let port: number;

  beforeAll(async () => {
    server = createServer((request, response) => {
      const name = /^\/portable\/([^/]+)\.js$/.exec(request.url ?? '')?.[1];
      const source = name === undefined ? undefined : moduleSource(name);
      if (source !== undefined) response.writeHead(200, { 'content-type': 'text/javascript' }).end(source);
      else if (request.url === '/') response.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
      else response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    browser = await launchChromium([`--host-resolver-rules=MAP ${INSECURE_HOST} 127.0.0.1`]);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  /** Loads the modules in a page at `origin` and runs each helper there. */
  async function runInPage(origin: string) {
    const tab = await browser!.newPage();
    try {
      await tab.goto(`${origin}/`);
      await tab.waitForFunction(() => 'portable' in window);
      return await tab.evaluate(async (samples) => {
        type Portable = typeof import('../../src/portable/sha256.ts') &
          typeof import('../../src/portable/base64url.ts') &
          typeof import('../../src/portable/utf8.ts') &
          typeof import('../../src/portable/uuid.ts') &
          typeof import('../../src/portable/next-turn.ts');
        const m = (window as unknown as { portable: Portable }).portable;
        const order = (schedule: (callback: () => void) => void) =>
          new Promise<{ synchronous: boolean; order: number[] }>((resolve) => {
            const ran: number[] = [];
            for (let i = 0; i < 100; i++) schedule(() => ran.push(i) === 100 && resolve({ synchronous, order: ran }));
            const synchronous = ran.length > 0;
          });
        return {
          secure: isSecureContext,
          hasRandomUuid: typeof crypto.randomUUID === 'function',
          hasSetImmediate: 'setImmediate' in globalThis,
          perSample: samples.map((text) => {
            const encoded = m.encodeBase64Url(text);
            return { sha256: m.sha256Hex(text), base64url: encoded, decoded: m.decodeBase64Url(encoded), utf8Length: m.utf8Length(text) };
          }),
          uuids: Array.from({ length: 1_000 }, () => m.randomUuid()),
          fallbackUuids: Array.from({ length: 1_000 }, () => m.randomUuidFromRandomValues()),
          nextTurn: await order(m.nextTurn),
          // The browser's own setTimeout, called as the module calls it (a browser refuses it called as a method of another object).
          nextTurnBySetTimeout: await order(m.makeNextTurn({ setTimeout: globalThis.setTimeout })),
        };
      }, samples);
    } finally {
      await tab.close();
    }
  }

  const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
  const inOrder = { synchronous: false, order: Array.from({ length: 100 }, (_, i) => i) };

  function expectAsInNode(result: Awaited<ReturnType<typeof runInPage>>) {
    expect(result.hasSetImmediate).toBe(false);
    expect(result.perSample).toEqual(
      samples.map((text) => ({
        sha256: createHash('sha256').update(text).digest('hex'),
        base64url: Buffer.from(text).toString('base64url'),
        decoded: Buffer.from(text).toString('utf8'),
        utf8Length: Buffer.byteLength(text, 'utf8'),
      })),
    );
    for (const uuids of [result.uuids, result.fallbackUuids]) {
      for (const uuid of uuids) expect(uuid).toMatch(V4);
      expect(new Set(uuids).size).toBe(uuids.length);
    }
    expect(result.nextTurn).toEqual(inOrder);
    expect(result.nextTurnBySetTimeout).toEqual(inOrder);
  }

  it('gives what Node gives, on a secure origin (crypto.randomUUID there)', async () => {
    const result = await runInPage(`http://127.0.0.1:${port}`);
    expect({ secure: result.secure, hasRandomUuid: result.hasRandomUuid }).toEqual({ secure: true, hasRandomUuid: true });
    expectAsInNode(result);
  }, 60_000);

  it('gives what Node gives, on an origin that is not secure (no crypto.randomUUID)', async () => {
    const result = await runInPage(`http://${INSECURE_HOST}:${port}`);
    expect({ secure: result.secure, hasRandomUuid: result.hasRandomUuid }).toEqual({ secure: false, hasRandomUuid: false });
    expectAsInNode(result);
  }, 60_000);
});
