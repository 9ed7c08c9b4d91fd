// The in-process sandbox where Node is not (issue #15, point 1: the memory
// store "runs anywhere"): bundled for a browser-like platform, as a consumer's
// bundler would, and run by Bun, Deno and workerd (Cloudflare's worker
// runtime, which refuses eval). Each creates a tag, reads it back, and gets a
// 404 with its code from the catalog.
//
// The runtimes: test/helpers/runtimes.ts.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerOfWorker, runtimeBin as bin, RUNTIMES_MISSING, runtimesMissing, skipRuntimes } from '../helpers/runtimes.ts';
import { demoKeys, demoTeams } from '../helpers/sandbox.ts';

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
  if (runtimesMissing) throw new Error(RUNTIMES_MISSING);
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

describe.skipIf(skipRuntimes)('the in-process sandbox outside Node', () => {
  it('runs in Bun', async () => {
    const { stdout } = await run(bin('bun'), ['script.mjs'], { cwd: dir, timeout: 60_000 });
    expect(JSON.parse(stdout.trim())).toEqual(EXPECTED);
  }, 90_000);

  it('runs in Deno, with no permission at all', async () => {
    const { stdout } = await run(bin('deno'), ['run', '--no-prompt', 'script.mjs'], { cwd: dir, timeout: 60_000, env: { ...process.env, DENO_DIR: join(dir, '.deno'), NO_COLOR: '1' } });
    expect(JSON.parse(stdout.trim())).toEqual(EXPECTED);
  }, 90_000);

  it('runs in workerd, where eval is refused', async () => {
    expect(await (await answerOfWorker(dir, ['sandbox.mjs'])).json()).toEqual(EXPECTED);
  }, 90_000);
});
