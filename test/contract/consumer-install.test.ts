// What a consumer installs (issue #16, point 1): the package packed as npm
// would publish it, installed into a new project from the tarball. Its
// dependencies come from the registry; nothing is compiled and no server
// framework comes with it. The client, the types and the in-process sandbox
// work on that install; `snippets-sandbox` says in one line what the server
// needs. Prints the install's time, package count and size.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const SERVER_ONLY = ['fastify', 'better-sqlite3'];

let dir: string;
let installMs: number;

/** Every installed package (a folder with a package.json under node_modules, scoped ones included). */
function installedPackages(modules: string): string[] {
  const names: string[] = [];
  const visit = (folder: string, depth: number) => {
    if (!existsSync(folder) || depth > 8) return;
    for (const entry of readdirSync(folder)) {
      if (entry.startsWith('.')) continue;
      const path = join(folder, entry);
      if (entry.startsWith('@')) {
        for (const scoped of readdirSync(path)) names.push(`${entry}/${scoped}`), visit(join(path, scoped, 'node_modules'), depth + 1);
      } else if (existsSync(join(path, 'package.json'))) {
        names.push(entry);
        visit(join(path, 'node_modules'), depth + 1);
      }
    }
  };
  visit(modules, 0);
  return names;
}

function sizeOf(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((sum, entry) => sum + sizeOf(join(path, entry)), 0);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'consumer-'));
  // dist/ and docs-site/ are built already (npm test builds; npm ci's prepare builds both): no scripts run here.
  const { stdout } = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], { cwd: repoRoot, maxBuffer: 64 * 1024 * 1024 });
  const tarball = join(dir, (JSON.parse(stdout) as Array<{ filename: string }>)[0]!.filename);
  const project = join(dir, 'project');
  await run('mkdir', ['-p', project]);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true, type: 'module' }));
  const started = performance.now();
  await run('npm', ['install', tarball, '--no-audit', '--no-fund', '--loglevel=error'], { cwd: project, timeout: 240_000 });
  installMs = performance.now() - started;
}, 300_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the package as a consumer installs it', () => {
  it('brings no server framework and compiles nothing', () => {
    const modules = join(dir, 'project', 'node_modules');
    const packages = installedPackages(modules);
    for (const name of SERVER_ONLY) expect(packages, name).not.toContain(name);
    // A compiled addon leaves a build/ folder with a .node file; none may be there.
    const addons = packages.filter((name) => existsSync(join(modules, name, 'build')));
    expect(addons).toEqual([]);
    console.log(`consumer install: ${(installMs / 1000).toFixed(1)} s, ${packages.length} packages, ${(sizeOf(modules) / 1024 / 1024).toFixed(1)} MiB in node_modules`);
  });

  it('runs the typed client against the in-process sandbox, on that install alone', async () => {
    const project = join(dir, 'project');
    writeFileSync(
      join(project, 'check.mjs'),
      `import { createSnippetsClient } from 'snippets-api-contract';
import { createSandbox } from 'snippets-api-contract/sandbox';
const sandbox = await createSandbox();
const client = createSnippetsClient({ baseUrl: 'http://sandbox.test', apiKey: 'sk_test_demoAcmePlatformSupport0001', fetch: sandbox.fetch, retry: false });
const { data } = await client.GET('/api/prompts/tags');
console.log(JSON.stringify({ success: data.success, remaining: data.usage.remainingRequests }));
await sandbox.close();
`,
    );
    const { stdout } = await run(process.execPath, ['check.mjs'], { cwd: project });
    expect(JSON.parse(stdout.trim())).toEqual({ success: true, remaining: expect.any(Number) });
  }, 60_000);

  it('has the docs site in it, and snippets-sandbox names the two packages the server needs, in one line', async () => {
    const project = join(dir, 'project');
    expect(existsSync(join(project, 'node_modules', 'snippets-api-contract', 'docs-site', 'index.html'))).toBe(true);
    const result = await run(process.execPath, [join(project, 'node_modules', '.bin', 'snippets-sandbox'), '--port', '0'], { cwd: project }).catch((error: { code: number; stderr: string; stdout: string }) => error);
    expect((result as { code?: number }).code).toBe(2);
    const lines = (result as { stderr: string }).stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^snippets-sandbox: the sandbox server needs fastify and better-sqlite3 .*npm install fastify@\^5 better-sqlite3@\^12$/);
    // Nothing was written: the default database was never planned, let alone created.
    expect(existsSync(join(project, '.sandbox'))).toBe(false);
  }, 60_000);
});
