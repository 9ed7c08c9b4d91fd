// The in-process sandbox where Node is not (issue #15, point 1: the memory
// store "runs anywhere"): bundled for a browser-like platform, as a consumer's
// bundler would, and run by Bun, Deno and workerd (Cloudflare's worker
// runtime, which refuses eval). Each creates a tag, reads it back, and gets a
// 404 with its code from the catalog.
//
// The runtimes come from the npm registry (bun, deno, workerd), installed by
// .ci/run into SANDBOX_RUNTIMES_DIR, not by the package: they weigh some
// 350 MB. Without that directory the test is skipped, except in CI.
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoKeys, demoTeams } from '../helpers/sandbox.ts';

const runtimesDir = process.env.SANDBOX_RUNTIMES_DIR;
const bin = (name: string) => (runtimesDir ? join(runtimesDir, 'node_modules', '.bin', name) : '');
const missing = !runtimesDir || !['bun', 'deno', 'workerd'].every((name) => existsSync(bin(name)));
const skip = missing && !process.env.CI;
const run = promisify(execFile);

/** What every runtime is asked to do, and prints as one JSON line. */
const SCENARIO = `
  const auth = { authorization: 'Bearer ${demoKeys.acme}' };
  const created = await sandbox.fetch('http://sandbox.test/api/prompts/tag', { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ tagName: 'elsewhere', teamId: '${demoTeams.platform}' }) });
  const tag = (await created.json()).data;
  const read = await sandbox.fetch('http://sandbox.test/api/prompts/tag?id=' + tag.id, { headers: auth });
  const missing = await sandbox.fetch('http://sandbox.test/api/prompts/tag?id=00000000-0000-4000-8000-000000000000', { headers: auth });
  const outcome = { created: created.status, read: read.status, name: (await read.json()).data.tag.tagName, missing: missing.status, code: (await missing.json()).code };
`;
const EXPECTED = { created: 201, read: 200, name: 'elsewhere', missing: 404, code: 'TAG_NOT_FOUND' };

let dir: string;
beforeAll(async () => {
  if (missing) throw new Error('SANDBOX_RUNTIMES_DIR has no bun, deno and workerd; .ci/run installs them (npm install --prefix DIR bun deno workerd)');
  dir = mkdtempSync(join(tmpdir(), 'runtimes-'));
  await build({
    entryPoints: [new URL('../../src/sandbox/in-process.ts', import.meta.url).pathname],
    bundle: true,
    platform: 'browser',
    format: 'esm',
    outfile: join(dir, 'sandbox.mjs'),
    logLevel: 'silent',
  });
  writeFileSync(join(dir, 'script.mjs'), `import { createSandbox } from './sandbox.mjs';\nconst sandbox = await createSandbox();\n${SCENARIO}\nconsole.log(JSON.stringify(outcome));\n`);
  writeFileSync(
    join(dir, 'worker.mjs'),
    `import { createSandbox } from './sandbox.mjs';\nexport default {\n  async fetch() {\n    const sandbox = await createSandbox();\n${SCENARIO}\n    return Response.json(outcome);\n  },\n};\n`,
  );
}, 60_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe.skipIf(skip)('the in-process sandbox outside Node', () => {
  it('runs in Bun', async () => {
    const { stdout } = await run(bin('bun'), ['script.mjs'], { cwd: dir, timeout: 60_000 });
    expect(JSON.parse(stdout.trim())).toEqual(EXPECTED);
  }, 90_000);

  it('runs in Deno, with no permission at all', async () => {
    const { stdout } = await run(bin('deno'), ['run', '--no-prompt', 'script.mjs'], { cwd: dir, timeout: 60_000, env: { ...process.env, DENO_DIR: join(dir, '.deno'), NO_COLOR: '1' } });
    expect(JSON.parse(stdout.trim())).toEqual(EXPECTED);
  }, 90_000);

  it('runs in workerd, where eval is refused', async () => {
    const port = await freePort();
    writeFileSync(
      join(dir, 'config.capnp'),
      `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [ (name = "main", worker = .sandbox) ],
  sockets = [ (name = "http", address = "127.0.0.1:${port}", http = (), service = "main") ],
);
const sandbox :Workerd.Worker = (
  modules = [ (name = "worker.mjs", esModule = embed "worker.mjs"), (name = "sandbox.mjs", esModule = embed "sandbox.mjs") ],
  compatibilityDate = "2024-09-01",
);
`,
    );
    const child = spawn(bin('workerd'), ['serve', 'config.capnp'], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    try {
      let answer: Response | undefined;
      // workerd is up once it answers; bounded: 100 tries of 100 ms.
      for (let attempt = 0; attempt < 100 && !answer; attempt++) {
        answer = await fetch(`http://127.0.0.1:${port}/`).catch(() => undefined);
        if (!answer) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(answer, `workerd did not answer: ${stderr}`).toBeDefined();
      expect(await answer!.json()).toEqual(EXPECTED);
    } finally {
      child.kill('SIGTERM');
    }
  }, 90_000);
});
