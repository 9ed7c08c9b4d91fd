// What a consumer installs (issue #16, point 1): the package packed as npm
// would publish it, installed into a new project from the tarball. Its
// dependencies come from the registry; nothing is compiled and no server
// framework comes with it. The client, the types and the in-process sandbox
// work on that install; `snippets-sandbox` says in one line what the server
// needs; with them added, it serves the docs site from the installed copy.
// Every export a consumer imports has its types. Prints the install's time,
// package count and size.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandboxProcess } from '../helpers/processes.ts';

const run = promisify(execFile);
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const SERVER_ONLY = ['fastify', 'better-sqlite3'];

let dir: string;
let installMs: number;
/** What npm warned about during the install. */
let installWarnings: string;

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
  const { stderr } = await run('npm', ['install', tarball, '--no-audit', '--no-fund', '--loglevel=warn'], { cwd: project, timeout: 240_000 });
  installMs = performance.now() - started;
  installWarnings = stderr;
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

  it('installs without an engine warning on a supported Node', () => {
    const minimum = Number(/^>=(\d+)$/.exec((JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { engines: { node: string } }).engines.node)![1]);
    const major = Number(process.versions.node.split('.')[0]);
    // On a Node below the window the warning is the truth (the package's own engines say so).
    if (major < minimum) expect(installWarnings).toMatch(/EBADENGINE/);
    else expect(installWarnings).not.toMatch(/EBADENGINE/);
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

  it('has types for every export, under NodeNext and bundler resolution alike', () => {
    const project = join(dir, 'project');
    const { exports } = JSON.parse(readFileSync(join(project, 'node_modules', 'snippets-api-contract', 'package.json'), 'utf8')) as { exports: Record<string, unknown> };
    // Each subpath as a consumer imports it: JSON with an import attribute; the YAML is a file to read, not a module.
    const importsOf = (subpaths: string[]) =>
      subpaths
        .filter((subpath) => !subpath.endsWith('.yaml'))
        .map((subpath, index) => {
          const specifier = `snippets-api-contract${subpath.slice(1)}`;
          return subpath.endsWith('.json') ? `import json${index} from '${specifier}' with { type: 'json' };\nexport { json${index} };` : `export * as module${index} from '${specifier}';`;
        })
        .join('\n');
    const common: ts.CompilerOptions = {
      strict: true,
      noEmit: true,
      resolveJsonModule: true,
      target: ts.ScriptTarget.ES2022,
      // The package's own declarations are checked too (no skipLibCheck), against a consumer's @types/node.
      typeRoots: [join(repoRoot, 'node_modules', '@types')],
      types: ['node'],
      lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
    };
    const problemsOf = (source: string) => {
      writeFileSync(join(project, 'imports.ts'), `${source}\n`);
      return [
        { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext },
        { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler },
      ].flatMap((resolution) =>
        ts
          .getPreEmitDiagnostics(ts.createProgram([join(project, 'imports.ts')], { ...common, ...resolution }))
          .map((d) => `${ts.ModuleResolutionKind[resolution.moduleResolution]} ${d.file?.fileName ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`),
      );
    };
    const subpaths = Object.keys(exports);
    expect(subpaths.length).toBeGreaterThan(10);
    // Every export but the MSW handlers, with no optional peer installed.
    expect(problemsOf(importsOf(subpaths.filter((subpath) => subpath !== './sandbox/msw')))).toEqual([]);
    // The MSW handlers' types need msw's, as their code does: with msw installed (linked from this repository), all of them.
    symlinkSync(join(repoRoot, 'node_modules', 'msw'), join(project, 'node_modules', 'msw'), 'dir');
    try {
      expect(problemsOf(importsOf(subpaths))).toEqual([]);
    } finally {
      rmSync(join(project, 'node_modules', 'msw'), { force: true });
    }
  }, 120_000);

  it("serves the docs site from the installed copy once the server's two packages are there", async () => {
    const project = join(dir, 'project');
    // The two optional peers, as `npm install fastify better-sqlite3` would add them (linked from this
    // repository's install: the addon is already compiled for this Node).
    for (const name of SERVER_ONLY) symlinkSync(join(repoRoot, 'node_modules', name), join(project, 'node_modules', name), 'dir');
    try {
      const bin = join(project, 'node_modules', '.bin', 'snippets-sandbox');
      const sandbox = await startSandboxProcess(['--port', '0', '--db', ':memory:'], { cwd: project, launcher: [process.execPath, [bin]] });
      try {
        const index = await fetch(`${sandbox.url}/docs/`);
        expect(index.status).toBe(200);
        const html = await index.text();
        expect(html).toContain('<html');
        // Served from the installed copy's docs-site/, byte for byte.
        expect(html).toBe(readFileSync(join(project, 'node_modules', 'snippets-api-contract', 'docs-site', 'index.html'), 'utf8'));
        expect((await fetch(`${sandbox.url}/docs/reference`)).status).toBe(200);
      } finally {
        sandbox.child.kill('SIGTERM');
        await sandbox.exited;
      }
    } finally {
      for (const name of SERVER_ONLY) rmSync(join(project, 'node_modules', name), { force: true });
    }
  }, 60_000);
});
