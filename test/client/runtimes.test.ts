// The client on every runtime it claims (issue #16, point 5), beside Node's
// majors (.ci/run runs the whole suite on each): Bun, Deno, Chromium and
// workerd each run test/fixtures/client-scenario.ts, bundled as a consumer's
// bundler would. There the typed client works on the in-process sandbox
// (typed 404 included), then over real HTTP against a server scripted here:
// a 503 retried, an answer that never comes and a body that stops half-way,
// both ending in the client's TimeoutError.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, skipBrowserTests } from '../helpers/chromium.ts';
import { answerOfWorker, runtimeBin, RUNTIMES_MISSING, runtimesMissing, skipRuntimes } from '../helpers/runtimes.ts';
import { demoKeys, demoTeams } from '../helpers/sandbox.ts';

const run = promisify(execFile);
const TIMEOUT_MS = 400;

let dir: string;
let server: Server;
let origin: string;
/** Requests seen per runtime prefix and path: the first of each retried route fails. */
const seen = new Map<string, number>();

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json', 'x-request-id': `req-${status}` }).end(JSON.stringify(body));
}

/** The scripted server: routes under /<runtime>/ so that each runtime's first 503 is its own. */
function serve(): Server {
  return createServer((request, response) => {
    const url = new URL(request.url!, 'http://x');
    const [, runtime, ...rest] = url.pathname.split('/');
    const path = `/${rest.join('/')}`;
    if (path === '/page.html') return void response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>client</title>');
    if (path === '/scenario.mjs') return void response.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(join(dir, 'scenario.mjs')));
    const key = `${runtime} ${path}`;
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    if (path === '/api/prompts/tags') {
      if (count === 1) return json(response, 503, { success: false, code: 'SERVICE_UNAVAILABLE', message: 'Try again shortly.', requestId: 'req-503' });
      return json(response, 200, { success: true, data: [], usage: { remainingRequests: 10, requiredRequests: 1 } });
    }
    // No answer at all: the client's timeout must end the wait (the server lets go at the end of the file).
    if (path === '/api/prompts/folders') return;
    // Headers, then half a body, then nothing.
    if (path === '/api/prompts/snippet') {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"success":true,"data":');
      return;
    }
    json(response, 404, { success: false, code: 'ENDPOINT_NOT_FOUND', message: `Nothing scripted at ${path}`, requestId: 'req-404' });
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'client-runtimes-'));
  await build({
    entryPoints: [new URL('../fixtures/client-scenario.ts', import.meta.url).pathname],
    bundle: true,
    platform: 'browser',
    format: 'esm',
    outfile: join(dir, 'scenario.mjs'),
    logLevel: 'silent',
  });
  server = serve();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}, 60_000);

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const inputFor = (runtime: string) => ({ baseUrl: `${origin}/${runtime}`, apiKey: demoKeys.acme, teamId: demoTeams.platform, timeoutMs: TIMEOUT_MS });

/** A script that runs the scenario and prints its outcome as one JSON line. */
function script(runtime: string): string {
  const file = `${runtime}.mjs`;
  writeFileSync(join(dir, file), `import { clientScenario } from './scenario.mjs';\nconsole.log(JSON.stringify(await clientScenario(${JSON.stringify(inputFor(runtime))})));\n`);
  return file;
}

function expectOutcome(outcome: unknown): void {
  const timedOut = { timeout: true, name: 'TimeoutError', elapsedMs: expect.any(Number) };
  expect(outcome).toEqual({
    created: 'elsewhere',
    missing: { notFound: true, api: true, code: 'TAG_NOT_FOUND', status: 404 },
    retried: { tags: 0, events: ['request', 'retry:status:503', 'request', 'success'] },
    silent: timedOut,
    stalled: timedOut,
  });
  // Not before the timeout, and not long after it (a generous margin: these machines are noisy).
  const { silent, stalled } = outcome as Record<'silent' | 'stalled', { elapsedMs: number }>;
  for (const { elapsedMs } of [silent, stalled]) {
    expect(elapsedMs).toBeGreaterThanOrEqual(TIMEOUT_MS - 5);
    expect(elapsedMs).toBeLessThan(TIMEOUT_MS * 10);
  }
}

describe.skipIf(skipRuntimes)('the client in Bun, Deno and workerd', () => {
  beforeAll(() => {
    if (runtimesMissing) throw new Error(RUNTIMES_MISSING);
  });

  it('works in Bun', async () => {
    const { stdout } = await run(runtimeBin('bun'), [script('bun')], { cwd: dir, timeout: 60_000 });
    expectOutcome(JSON.parse(stdout.trim()));
  }, 90_000);

  it('works in Deno, allowed the network to 127.0.0.1 alone', async () => {
    const { stdout } = await run(runtimeBin('deno'), ['run', '--no-prompt', '--allow-net=127.0.0.1', script('deno')], {
      cwd: dir,
      timeout: 60_000,
      env: { ...process.env, DENO_DIR: join(dir, '.deno'), NO_COLOR: '1' },
    });
    expectOutcome(JSON.parse(stdout.trim()));
  }, 90_000);

  it('works in workerd', async () => {
    writeFileSync(
      join(dir, 'worker.mjs'),
      `import { clientScenario } from './scenario.mjs';\nexport default { async fetch() { return Response.json(await clientScenario(${JSON.stringify(inputFor('workerd'))})); } };\n`,
    );
    expectOutcome(await (await answerOfWorker(dir, ['scenario.mjs'], { outbound: true })).json());
  }, 90_000);
});

describe.skipIf(skipBrowserTests)('the client in Chromium', () => {
  it('works in a page, its calls to the page’s own origin', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.goto(`${origin}/chromium/page.html`);
      // As text: a function given to evaluate would go through vitest's transform, whose import() the page lacks.
      const outcome = await page.evaluate(`import('${origin}/chromium/scenario.mjs').then((m) => m.clientScenario(${JSON.stringify(inputFor('chromium'))}))`);
      expectOutcome(outcome);
    } finally {
      await browser.close();
    }
  }, 90_000);
});
