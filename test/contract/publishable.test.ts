// The package as npm would publish it (issue #16, point 2): `npm publish
// --dry-run` without a warning about the package, the metadata a registry
// page and a consumer's tooling need, and every file that package.json points
// at inside the tarball.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/processes.ts';

const run = promisify(execFile);

interface PackageJson {
  name: string;
  version: string;
  private?: boolean;
  license?: string;
  description?: string;
  keywords?: string[];
  repository?: { type: string; url: string };
  engines?: { node?: string };
  bin: Record<string, string>;
  exports: Record<string, string | { types?: string; default?: string }>;
}

const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as PackageJson;
/** What npm says on any machine that is not about the package: a dry run is not logged in; this machine's npmrc. */
const NOT_ABOUT_THE_PACKAGE = [/requires you to be logged in/, /Unknown user config "nodedir"/, /^npm notice /];

let published: { files: { path: string }[]; name: string; version: string };
let warnings: string[];

beforeAll(async () => {
  // dist/ and docs-site/ are built (npm test builds them): no scripts run here.
  const { stdout, stderr } = await run('npm', ['publish', '--dry-run', '--ignore-scripts', '--json'], { cwd: repoRoot, maxBuffer: 64 * 1024 * 1024 });
  published = (JSON.parse(stdout) as Record<string, typeof published>)[pkg.name]!;
  warnings = stderr.split('\n').filter((line) => line.trim() !== '' && !NOT_ABOUT_THE_PACKAGE.some((pattern) => pattern.test(line)));
}, 120_000);

describe('the package as published', () => {
  it('passes npm publish --dry-run with no warning about the package (npm would otherwise rewrite it: bins dropped, fields fixed)', () => {
    expect(warnings).toEqual([]);
    expect(published).toMatchObject({ name: pkg.name, version: pkg.version });
  });

  it('has the metadata of a public package', () => {
    expect(pkg.private).toBeUndefined();
    expect(pkg.license).toBe('MIT');
    expect(readFileSync(join(repoRoot, 'LICENSE'), 'utf8')).toMatch(/^MIT License/);
    expect(pkg.description?.length).toBeGreaterThan(20);
    expect(pkg.keywords).toEqual(expect.arrayContaining(['openapi']));
    expect(pkg.repository).toEqual({ type: 'git', url: expect.stringMatching(/^git\+https:\/\/.+\.git$/) });
    expect(pkg.engines?.node).toMatch(/^>=\d+$/);
  });

  it('gives types beside every JavaScript export', () => {
    const untyped = Object.entries(pkg.exports).filter(([, target]) => typeof target === 'object' && target.default?.endsWith('.js') && !target.types?.endsWith('.d.ts'));
    expect(untyped).toEqual([]);
  });

  it('ships every file package.json points at, the licence, the docs site and the commands', () => {
    const files = new Set(published.files.map((file) => file.path));
    const targets = Object.values(pkg.exports).flatMap((target) => (typeof target === 'string' ? [target] : Object.values(target)));
    const wanted = [...targets, ...Object.values(pkg.bin), 'bin/check-node.js', 'LICENSE', 'README.md', 'docs-site/index.html', 'docs-site/reference.html'];
    expect(wanted.map((path) => path.replace(/^\.\//, '')).filter((path) => !files.has(path))).toEqual([]);
    // Nothing of the repository's own: its tests, sources of the build, a sandbox database.
    expect([...files].filter((path) => /^(test|src|bench|scripts|\.sandbox|node_modules)\//.test(path))).toEqual([]);
  });
});
