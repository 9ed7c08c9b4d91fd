// The workflows of arazzo.yaml (the main lifecycles and the error page's
// scenarios), run by Redocly's `respect` against a real sandbox on the demo
// fixtures (issue #19, point 2): every workflow passes, every step's answer
// checked against openapi.yaml too (status, content type, schema). And the
// workflows Redocly generates from openapi.yaml alone: their pass rate on a
// fresh sandbox, reported.
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { demoKeys, fixtures, startSandbox } from '../helpers/sandbox.ts';
import { repoRoot } from '../helpers/spec.ts';

const run = promisify(execFile);
const redocly = join(repoRoot, 'node_modules', '.bin', 'redocly');
const dir = mkdtempSync(join(tmpdir(), 'arazzo-'));
const open: Sandbox[] = [];
afterAll(async () => {
  for (const sandbox of open) await sandbox.close();
  rmSync(dir, { recursive: true, force: true });
});

interface RespectReport {
  files: Record<string, { executedWorkflows: Array<{ workflowId: string; status: string; executedSteps: Array<{ stepId: string; checks?: Array<{ name: string; passed: boolean }> }> }> }>;
}

/** Runs `respect` on `file` against a new sandbox (the demo fixtures); its exit code and JSON report. */
async function respect(file: string, server: string, extra: string[] = []) {
  const sandbox = await startSandbox();
  open.push(sandbox);
  const report = join(dir, `report-${open.length}.json`);
  const args = ['respect', file, '--server', `${server}=${sandbox.url}`, '--json-output', report, ...extra];
  const code = await run(redocly, args, { cwd: repoRoot, timeout: 120_000 }).then(
    () => 0,
    (error: { code?: number }) => error.code ?? -1,
  );
  const json = JSON.parse(readFileSync(report, 'utf8')) as RespectReport;
  const workflows = Object.values(json.files).flatMap((f) => f.executedWorkflows);
  const failed = workflows.filter((w) => w.status !== 'success');
  const why = failed.map((w) => `${w.workflowId}: ${w.executedSteps.flatMap((s) => (s.checks ?? []).filter((c) => !c.passed).map((c) => `${s.stepId} ${c.name}`)).join(', ')}`);
  return { code, workflows, failed, why };
}

describe('arazzo.yaml', () => {
  const declared = (parse(readFileSync(join(repoRoot, 'arazzo.yaml'), 'utf8')) as { workflows: Array<{ workflowId: string }> }).workflows.map((w) => w.workflowId);

  it('names keys of the demo fixtures', () => {
    const inputs = parse(readFileSync(join(repoRoot, 'arazzo.yaml'), 'utf8')).components.inputs.keys.properties as Record<string, { default: string }>;
    const keys = new Set(fixtures.apiKeys.map((k) => k.key));
    const notHeld = Object.entries(inputs).filter(([name, input]) => name !== 'unknown' && !keys.has(input.default));
    expect(notHeld).toEqual([]);
    expect(keys.has(inputs.unknown!.default)).toBe(false);
    expect(keys.has(demoKeys.acme)).toBe(true);
  });

  it('every workflow passes against the sandbox, every answer as openapi.yaml says', async () => {
    const { code, workflows, failed, why } = await respect('arazzo.yaml', 'snippets');
    expect(why).toEqual([]);
    expect(failed).toEqual([]);
    expect(code).toBe(0);
    expect(workflows.map((w) => w.workflowId).sort()).toEqual([...declared].sort());
    expect(declared.length).toBeGreaterThanOrEqual(8);
  }, 180_000);

  it('can fail: a criterion the sandbox does not meet fails its workflow, and respect exits non-zero', async () => {
    const broken = readFileSync(join(repoRoot, 'arazzo.yaml'), 'utf8').replace("$response.body#/data/title == 'Renamed'", "$response.body#/data/title == 'Something else'");
    expect(broken).toContain('Something else');
    writeFileSync(join(dir, 'arazzo.yaml'), broken);
    copyFileSync(join(repoRoot, 'openapi.yaml'), join(dir, 'openapi.yaml'));
    const { code, failed } = await respect(join(dir, 'arazzo.yaml'), 'snippets', ['--workflow', 'snippetLifecycle']);
    expect(failed.map((w) => w.workflowId)).toEqual(['snippetLifecycle']);
    expect(code).not.toBe(0);
  }, 180_000);
});

describe("Redocly's workflows generated from openapi.yaml alone", () => {
  it('mostly pass in one run on a fresh sandbox (the pass rate reported), and each of the others alone on a fresh one', async () => {
    const generated = join(dir, 'generated.arazzo.yaml');
    copyFileSync(join(repoRoot, 'openapi.yaml'), join(dir, 'openapi.yaml'));
    await run(redocly, ['generate-arazzo', join(dir, 'openapi.yaml'), '--output-file', generated], { cwd: dir, timeout: 120_000 });
    const ci = fixtures.apiKeys.find((k) => k.rateLimitPerMinute === 100_000 && k.workspaceId === fixtures.workspaces[0]!.id)!.key;
    const { workflows, failed } = await respect(generated, 'openapi', ['--input', `bearerAuth=${ci}`]);
    const passed = workflows.length - failed.length;
    console.log(`redocly generate-arazzo workflows on a fresh sandbox: ${passed} of ${workflows.length} pass (failing: ${failed.map((w) => w.workflowId).join(', ')})`);
    expect(workflows.length).toBeGreaterThanOrEqual(29);
    expect(passed / workflows.length).toBeGreaterThanOrEqual(0.75);
    // Those that failed did so for running after others on one sandbox (deleteSnippet's deletes the snippet the
    // variation workflows then name): each passes alone on a fresh one.
    for (const workflow of failed) {
      const alone = await respect(generated, 'openapi', ['--input', `bearerAuth=${ci}`, '--workflow', workflow.workflowId]);
      expect(alone.why, workflow.workflowId).toEqual([]);
      expect(alone.workflows).toHaveLength(1);
    }
  }, 300_000);
});
