// `snippets-contract diff` as a user runs it: the built bin in a real process.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser } from 'fast-xml-parser';
import { dump, load } from 'js-yaml';
import { marked } from 'marked';
import { beforeAll, describe, expect, it } from 'vitest';
import { requireBuild, runCli } from '../helpers/processes.ts';
import { RULE_CASES } from './rule-cases.ts';

const bin = fileURLToPath(new URL('../../bin/snippets-contract.js', import.meta.url));
const miniPath = fileURLToPath(new URL('./fixtures/mini.yaml', import.meta.url));
const mini = load(readFileSync(miniPath, 'utf8')) as Record<string, any>;
const dir = mkdtempSync(join(tmpdir(), 'diff-cli-'));

/** The mini spec with some rule cases applied, written to a file. */
function headWith(name: string, ...rules: (keyof typeof RULE_CASES)[]): string {
  const head = structuredClone(mini);
  for (const rule of rules) RULE_CASES[rule](head);
  const file = join(dir, `${name}.yaml`);
  writeFileSync(file, dump(head));
  return file;
}

const git = (cwd: string, ...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd, encoding: 'utf8', stdio: 'pipe' });

beforeAll(() => requireBuild());

describe('snippets-contract diff', () => {
  const mixed = () => headWith('mixed', 'request-max-length-decreased', 'operation-removed', 'response-enum-value-added', 'error-code-added', 'text-changed');

  it('text: breaking first, a summary line, exit 1 on a breaking finding', async () => {
    const result = await runCli(bin, ['diff', '--base', miniPath, '--head', mixed()]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    const levels = [...result.stdout.matchAll(/^(BREAKING|WARNING|INFO) +(\S+)/gm)].map((m) => `${m[1]} ${m[2]}`);
    // Breaking, then warnings, then info; operations before the catalog within a level.
    expect(levels).toEqual(['BREAKING request-max-length-decreased', 'BREAKING operation-removed', 'WARNING response-enum-value-added', 'INFO text-changed', 'INFO error-code-added']);
    expect(result.stdout).toMatch(/^5 findings: 2 breaking, 1 warning, 2 info; 2 at or above --fail-on breaking$/m);
    expect(result.stdout).toContain('base: /components/schemas/NewThing/properties/name/maxLength');
  });

  it('--fail-on: info alone passes; a warning fails only with --fail-on warning', async () => {
    const info = headWith('info', 'error-code-added', 'request-property-added-optional');
    expect((await runCli(bin, ['diff', '--base', miniPath, '--head', info])).code).toBe(0);
    expect((await runCli(bin, ['diff', '--base', miniPath, '--head', info, '--fail-on', 'warning'])).code).toBe(0);
    const warning = headWith('warning', 'operation-deprecated');
    expect((await runCli(bin, ['diff', '--base', miniPath, '--head', warning])).code).toBe(0);
    expect((await runCli(bin, ['diff', '--base', miniPath, '--head', warning, '--fail-on', 'warning'])).code).toBe(1);
  });

  it('json: the findings with rule, level, operations and both pointers', async () => {
    const result = await runCli(bin, ['diff', '--base', miniPath, '--head', mixed(), '--format', 'json']);
    const report = JSON.parse(result.stdout);
    expect(report.counts).toEqual({ breaking: 2, warning: 1, info: 2 });
    const maxLength = report.findings.find((f: any) => f.rule === 'request-max-length-decreased');
    expect(maxLength).toMatchObject({ level: 'breaking', operation: 'POST /things', base: '/components/schemas/NewThing/properties/name/maxLength', head: '/components/schemas/NewThing/properties/name/maxLength' });
    expect(maxLength.message).toMatch(/maxLength 50 -> 40; /);
  });

  it('junit: parses back with one testcase per finding and the failures that reach --fail-on', async () => {
    const file = join(dir, 'diff.xml');
    const result = await runCli(bin, ['diff', '--base', miniPath, '--head', mixed(), '--format', 'junit', '--output', file]);
    expect(result.code).toBe(1);
    expect(result.stdout.trim()).toMatch(/^5 findings: 2 breaking/);
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(readFileSync(file, 'utf8'));
    const suite = xml.testsuites.testsuite;
    expect(Number(suite.tests)).toBe(5);
    expect(Number(suite.failures)).toBe(2);
    const cases = [suite.testcase].flat();
    expect(cases).toHaveLength(5);
    expect(cases.filter((c: any) => c.failure).map((c: any) => c.name)).toEqual(['request-max-length-decreased: POST /things', 'operation-removed: DELETE /things/{id}']);
    const warned = await runCli(bin, ['diff', '--base', miniPath, '--head', mixed(), '--format', 'junit', '--fail-on', 'warning']);
    expect(Number(new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(warned.stdout).testsuites.testsuite.failures)).toBe(3);
    const none = await runCli(bin, ['diff', '--base', miniPath, '--head', miniPath, '--format', 'junit']);
    expect(Number(new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(none.stdout).testsuites.testsuite.tests)).toBe(1);
  });

  it('markdown: renders as a table with a row per finding', async () => {
    const result = await runCli(bin, ['diff', '--base', miniPath, '--head', mixed(), '--format', 'markdown']);
    const html = await marked.parse(result.stdout);
    expect(html).toContain('<table>');
    const rows = [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => [...m[1]!.matchAll(/<t[dh]>([\s\S]*?)<\/t[dh]>/g)].map((c) => c[1]));
    expect(rows[0]).toEqual(['Level', 'Rule', 'Operation', 'Change']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(['breaking', 'breaking', 'warning', 'info', 'info']);
    expect(rows.every((r) => r.length === 4)).toBe(true);
  });

  it('git:REF and git:REF:PATH read the document at a revision', async () => {
    const repo = mkdtempSync(join(tmpdir(), 'diff-git-'));
    git(repo, 'init', '-q');
    writeFileSync(join(repo, 'openapi.yaml'), readFileSync(miniPath));
    mkdirSync(join(repo, 'api'));
    writeFileSync(join(repo, 'api', 'spec.yaml'), readFileSync(miniPath));
    git(repo, 'add', '.');
    git(repo, 'commit', '-qm', 'base');
    writeFileSync(join(repo, 'openapi.yaml'), readFileSync(headWith('git', 'request-max-length-decreased')));
    const changed = await runCli(bin, ['diff', '--base', 'git:HEAD'], { cwd: repo });
    expect(changed.code).toBe(1);
    expect(changed.stdout).toMatch(/^BREAKING request-max-length-decreased/m);
    const unchanged = await runCli(bin, ['diff', '--base', 'git:HEAD:api/spec.yaml', '--head', 'api/spec.yaml'], { cwd: repo });
    expect(unchanged.stdout).toContain('No changes.');
    expect(unchanged.code).toBe(0);
    // From a subdirectory, git:REF:PATH is relative to where the command runs, like a file path.
    const fromSub = await runCli(bin, ['diff', '--base', 'git:HEAD:spec.yaml', '--head', 'spec.yaml'], { cwd: join(repo, 'api') });
    expect(fromSub.code).toBe(0);
  });

  it('bundles $refs to other files before comparing: moving a schema to another file is no change', async () => {
    const split = mkdtempSync(join(tmpdir(), 'diff-split-'));
    const doc = structuredClone(mini);
    writeFileSync(join(split, 'schemas.yaml'), dump({ Thing: doc.components.schemas.Thing }));
    doc.paths['/things/{id}'].get.responses['200'].content['application/json'].schema = { $ref: 'schemas.yaml#/Thing' };
    writeFileSync(join(split, 'openapi.yaml'), dump(doc));
    const result = await runCli(bin, ['diff', '--base', miniPath, '--head', join(split, 'openapi.yaml')]);
    expect(result.stdout).toContain('No changes.');
    expect(result.code).toBe(0);
  });

  it('bundles a schema of another file that refers to itself', async () => {
    const split = mkdtempSync(join(tmpdir(), 'diff-recursive-'));
    const node = { type: 'object', properties: { name: { type: 'string' }, children: { type: 'array', items: { $ref: '#/Node' } } } };
    writeFileSync(join(split, 'schemas.yaml'), dump({ Node: node }));
    const doc = structuredClone(mini);
    doc.components.schemas.Thing.properties.tree = { $ref: 'schemas.yaml#/Node' };
    writeFileSync(join(split, 'base.yaml'), dump(doc));
    writeFileSync(join(split, 'schemas2.yaml'), dump({ Node: { ...node, required: ['name'] } }));
    doc.components.schemas.Thing.properties.tree = { $ref: 'schemas2.yaml#/Node' };
    writeFileSync(join(split, 'head.yaml'), dump(doc));
    const same = await runCli(bin, ['diff', '--base', join(split, 'base.yaml'), '--head', join(split, 'base.yaml')]);
    expect(same.stdout).toContain('No changes.');
    const changed = await runCli(bin, ['diff', '--base', join(split, 'base.yaml'), '--head', join(split, 'head.yaml'), '--format', 'json']);
    expect(changed.stderr).toBe('');
    // A response property made required is compatible: one info finding.
    expect(JSON.parse(changed.stdout).findings.map((f: { rule: string; level: string }) => `${f.level} ${f.rule}`)).toEqual(['info response-constraint-changed']);
  });

  describe('bad input: one line that says what is wrong and what to do, exit 2', () => {
    const notOpenApi = join(dir, 'package.json');
    writeFileSync(notOpenApi, JSON.stringify({ name: 'x', version: '1.0.0' }));
    const badYaml = join(dir, 'bad.yaml');
    writeFileSync(badYaml, 'openapi: 3.1.0\npaths:\n  /a: [\n');
    const empty = join(dir, 'empty.yaml');
    writeFileSync(empty, '\n');
    const brokenRef = join(dir, 'broken-ref.yaml');
    writeFileSync(brokenRef, dump({ ...mini, paths: { '/x': { get: { responses: { '200': { $ref: 'missing.yaml#/R' } } } } } }));
    const cases: [string, string[], RegExp][] = [
      ['a missing file', ['--base', join(dir, 'nope.yaml')], /cannot read .*nope\.yaml: no such file; pass the path of an OpenAPI document/],
      ['invalid YAML', ['--base', badYaml], /bad\.yaml is not valid YAML or JSON: .* at line \d+, column \d+; fix the syntax there/],
      ['a document that is not OpenAPI', ['--base', notOpenApi], /package\.json is not an OpenAPI 3 document: it has no "openapi: 3\.x" field/],
      ['an unknown git ref', ['--base', 'git:no-such-branch'], /unknown git revision "no-such-branch"; use a branch, tag or commit/],
      ['a path missing at a git ref', ['--base', 'git:HEAD:no/such.yaml'], /revision HEAD has no file no\/such\.yaml/],
      ['an unknown flag', ['--base', miniPath, '--colour'], /Unknown option '--colour'\. Run snippets-contract diff --help for the flags\./],
      ['no --base', [], /--base is required/],
      ['an unknown format', ['--base', miniPath, '--format', 'html'], /--format must be text, json, junit, markdown; got "html"/],
      ['an unknown --fail-on', ['--base', miniPath, '--fail-on', 'info'], /--fail-on must be breaking or warning; got "info"/],
      ['an empty file', ['--base', empty], /empty\.yaml is empty; pass the path of an OpenAPI document/],
      ['a $ref to a file that is missing', ['--base', brokenRef], /cannot read .*missing\.yaml: no such file/],
    ];
    for (const [name, args, message] of cases) {
      it(name, async () => {
        const result = await runCli(bin, ['diff', ...args]);
        expect(result.code).toBe(2);
        expect(result.stdout).toBe('');
        const lines = result.stderr.trim().split('\n');
        expect(lines, result.stderr).toHaveLength(1);
        expect(lines[0]).toMatch(/^snippets-contract: /);
        expect(lines[0]).toMatch(message);
        expect(result.stderr).not.toMatch(/\n\s+at |node:internal|Error:/);
      });
    }
  });

  it('--help prints the usage and exits 0', async () => {
    const result = await runCli(bin, ['diff', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: snippets-contract diff --base SRC/);
  });
});
