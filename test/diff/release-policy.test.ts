// The release policy on this repository's own files (this is what makes
// `npm test` refuse a breaking change without a major version and a
// changelog section), on made-up histories, and the release script.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dump, load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { checkReleasePolicy, RELEASED_SPEC } from '../../src/contract/diff/policy.ts';
import { repoRoot } from '../helpers/spec.ts';
import { RULE_CASES } from './rule-cases.ts';

const readRepo = (file: string) => readFileSync(join(repoRoot, file), 'utf8');
const mini = load(readFileSync(new URL('./fixtures/mini.yaml', import.meta.url), 'utf8')) as Record<string, any>;

describe('the release policy on this repository', () => {
  it('openapi.yaml info.version equals package.json version', () => {
    expect((load(readRepo('openapi.yaml')) as any).info.version).toBe(JSON.parse(readRepo('package.json')).version);
  });

  it('holds: openapi.yaml against released/openapi.yaml, CHANGELOG.md and package.json', () => {
    const result = checkReleasePolicy({
      spec: load(readRepo('openapi.yaml')) as any,
      released: load(readRepo(RELEASED_SPEC)) as any,
      changelog: readRepo('CHANGELOG.md'),
      packageVersion: JSON.parse(readRepo('package.json')).version,
    });
    // On failure the message names each problem, breaking findings included.
    expect(result.problems, `release policy:\n${result.problems.join('\n')}`).toEqual([]);
    expect(result.ok).toBe(true);
  });
});

/** The mini spec as released at 1.0.0, and a head with `rules` applied at `version`. */
function history(version: string, rules: (keyof typeof RULE_CASES)[], changelogVersions: string[] = [], packageVersion = version) {
  const head = structuredClone(mini);
  for (const rule of rules) RULE_CASES[rule](head);
  head.info.version = version;
  const changelog = ['# Changelog', ...changelogVersions.map((v) => `## ${v} - 2026-12-01\n\nSomething.`)].join('\n\n');
  return checkReleasePolicy({ spec: head, released: mini, changelog, packageVersion });
}

describe('the release policy', () => {
  it('an unchanged spec passes', () => {
    expect(history('1.0.0', []).problems).toEqual([]);
  });

  it('a breaking change under a minor version fails, naming the finding', () => {
    const result = history('1.1.0', ['request-max-length-decreased'], ['1.1.0']);
    expect(result.ok).toBe(false);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatch(/^1 breaking change since 1\.0\.0 needs a new major version, but info\.version is 1\.1\.0; set 2\.0\.0 or undo it: request-max-length-decreased \(POST \/things\): schema NewThing `name`: maxLength 50 -> 40/);
  });

  it('a breaking change under a new major version with a changelog section passes', () => {
    expect(history('2.0.0', ['request-max-length-decreased', 'operation-removed'], ['2.0.0']).problems).toEqual([]);
  });

  it('a change without a changelog section fails', () => {
    const result = history('1.1.0', ['request-property-added-optional']);
    expect(result.problems).toEqual(['CHANGELOG.md has no section for 1.1.0; run npm run release to write it from the findings (or add "## 1.1.0" by hand)']);
  });

  it('a change under the released version fails and says which version to use', () => {
    expect(history('1.0.0', ['request-property-added-optional'], ['1.0.0']).problems[0]).toMatch(/changed since 1\.0\.0 was released \(1 finding: request-property-added-optional\) but info\.version is 1\.0\.0; raise it, to 1\.1\.0/);
    expect(history('1.0.0', ['text-changed'], ['1.0.0']).problems[0]).toMatch(/raise it, to 1\.0\.1/);
    expect(history('1.0.0', ['operation-removed'], ['1.0.0']).problems[0]).toMatch(/^1 breaking change since 1\.0\.0 needs a new major version, but info\.version is 1\.0\.0; set 2\.0\.0 or undo it: operation-removed/);
  });

  it('a change no rule classifies (an unclassified-change warning) still needs a new version', () => {
    const head = structuredClone(mini);
    head.paths['/things/{id}'].get.parameters[0].style = 'form';
    const result = checkReleasePolicy({ spec: head, released: mini, changelog: '# Changelog\n\n## 1.0.0\n', packageVersion: '1.0.0' });
    expect(result.findings.map((f) => f.rule)).toEqual(['unclassified-change']);
    expect(result.problems[0]).toMatch(/changed since 1\.0\.0 was released \(1 finding: unclassified-change\) but info\.version is 1\.0\.0; raise it, to 1\.1\.0/);
  });

  it('info.version and package.json version must be equal', () => {
    expect(history('1.0.0', [], [], '1.0.1').problems).toEqual([`openapi.yaml info.version is 1.0.0 but package.json's version is 1.0.1; they must be equal: set both to the version being released`]);
  });
});

describe('npm run release (scripts/release.ts)', () => {
  const script = fileURLToPath(new URL('../../scripts/release.ts', import.meta.url));
  const run = (root: string) => spawnSync(process.execPath, ['--import', 'tsx', script, '--root', root, '--date', '2026-12-01'], { cwd: repoRoot, encoding: 'utf8' });

  function project(version: string, rules: (keyof typeof RULE_CASES)[]): string {
    const root = mkdtempSync(join(tmpdir(), 'release-'));
    mkdirSync(join(root, 'released'));
    writeFileSync(join(root, 'released', 'openapi.yaml'), dump(mini));
    const head = structuredClone(mini);
    for (const rule of rules) RULE_CASES[rule](head);
    head.info.version = version;
    writeFileSync(join(root, 'openapi.yaml'), dump(head));
    writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'x', version }));
    writeFileSync(join(root, 'CHANGELOG.md'), '# Changelog\n\nIntro.\n\n## 1.0.0 - 2026-11-25\n\nFirst.\n');
    return root;
  }

  it('writes the changelog section from the findings and makes openapi.yaml the baseline', () => {
    const root = project('1.1.0', ['request-property-added-optional', 'error-code-added']);
    const result = run(root);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Released 1\.1\.0 \(was 1\.0\.0\): 0 breaking, 0 warning, 2 info\./);
    const changelog = readFileSync(join(root, 'CHANGELOG.md'), 'utf8');
    expect(changelog.indexOf('## 1.1.0 - 2026-12-01')).toBeLessThan(changelog.indexOf('## 1.0.0'));
    expect(changelog).toContain('- `request-property-added-optional` POST /things: schema NewThing `color` added (optional)');
    expect(changelog).toContain('- `error-code-added`: error code THING_LOCKED (409, resource) added');
    expect(readFileSync(join(root, 'released', 'openapi.yaml'), 'utf8')).toBe(readFileSync(join(root, 'openapi.yaml'), 'utf8'));
    // Released: a second run has nothing to do.
    expect(run(root).stdout).toMatch(/^Nothing to release/);
  });

  it('refuses a breaking change under a minor version and writes nothing', () => {
    const root = project('1.1.0', ['response-property-removed']);
    const before = [readFileSync(join(root, 'CHANGELOG.md'), 'utf8'), readFileSync(join(root, 'released', 'openapi.yaml'), 'utf8')];
    const result = run(root);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^release: refused, nothing written:\n {2}- 1 breaking change since 1\.0\.0 needs a new major version/);
    expect([readFileSync(join(root, 'CHANGELOG.md'), 'utf8'), readFileSync(join(root, 'released', 'openapi.yaml'), 'utf8')]).toEqual(before);
  });
});
