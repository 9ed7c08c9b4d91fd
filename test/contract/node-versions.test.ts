// The supported Node versions (issue #16, point 3): package.json's
// `engines.node` is the one statement of the minimum; the commands check it
// before loading anything, `.ci/run` tests every supported major from it
// upward, and the README names them.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: plain JS of bin/, without types (it must parse on old Nodes)
import { nodeVerdict, supportedMajor } from '../../bin/check-node.js';
import { repoRoot, requireBuild } from '../helpers/processes.ts';

const run = promisify(execFile);
const packageJson = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { engines: { node: string } };
const minimum = Number(/^>=(\d+)$/.exec(packageJson.engines.node)![1]);
/** The majors `.ci/run` runs the suite on. */
const testedMajors = /^NODE_MAJORS="([\d ]+)"$/m.exec(readFileSync(join(repoRoot, '.ci/run'), 'utf8'))![1]!.split(' ').map(Number);

const scratch = mkdtempSync(join(tmpdir(), 'node-versions-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs a command of bin/ on this Node, which it is told is `version`; without NODE_NO_WARNINGS. */
async function runAs(version: string, bin: string, args: string[]) {
  requireBuild();
  const pretend = `data:text/javascript,Object.defineProperty(process,'version',{value:${JSON.stringify(version)}})`;
  const env = { ...process.env };
  delete env.NODE_NO_WARNINGS;
  return run(process.execPath, ['--import', pretend, join(repoRoot, 'bin', bin), ...args], { cwd: scratch, env }).then(
    (ok) => ({ code: 0, ...ok }),
    (failed: { code: number; stdout: string; stderr: string }) => failed,
  );
}

describe('the supported Node versions', () => {
  it('are tested in CI from the minimum of engines.node upward, and named in the README', () => {
    expect(supportedMajor()).toBe(minimum);
    expect(Math.min(...testedMajors)).toBe(minimum);
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    const stated = /Supported Node versions: ([^.]+)\./.exec(readme)?.[1];
    expect(stated, 'README: "Supported Node versions: …."').toBeDefined();
    for (const major of testedMajors) expect(stated).toContain(String(major));
  });

  it('gives each version its verdict: supported, past end of life (runs, warns), too old (stops)', () => {
    expect(nodeVerdict('tool', `v${minimum}.0.0`, minimum)).toEqual({ level: 'ok' });
    expect(nodeVerdict('tool', `v${minimum + 4}.1.2`, minimum)).toEqual({ level: 'ok' });
    const old = nodeVerdict('tool', 'v20.20.0', minimum);
    expect(old.level).toBe('warn');
    expect(old.line).toMatch(new RegExp(`^tool: warning: Node v20\\.20\\.0 .*end of life.*Node ${minimum}`));
    const ancient = nodeVerdict('tool', 'v18.20.4', minimum);
    expect(ancient.level).toBe('error');
    expect(ancient.line).toMatch(new RegExp(`^tool: Node v18\\.20\\.4 is too old: .*Node ${minimum} or newer`));
  });

  it('stops a command on a Node too old, in one line, before anything is loaded or written', async () => {
    for (const bin of ['snippets-sandbox.js', 'snippets-contract.js']) {
      const result = await runAs('v18.20.4', bin, ['--port', '0']);
      expect(result.code, bin).toBe(1);
      expect(result.stderr.trim().split('\n'), bin).toEqual([expect.stringMatching(/ Node v18\.20\.4 is too old: /)]);
      expect(result.stdout).toBe('');
    }
    expect(readdirSync(scratch)).toEqual([]);
  });

  it('runs a command on a Node past its end of life after one warning line', async () => {
    const result = await runAs('v20.1.0', 'snippets-sandbox.js', ['--help']);
    expect(result.code).toBe(0);
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^snippets-sandbox: warning: Node v20\.1\.0 /)]);
    expect(result.stdout).toMatch(/^Usage: snippets-sandbox/);
  });

  it('says nothing on a supported Node', async () => {
    const result = await runAs(`v${minimum}.3.0`, 'snippets-contract.js', ['--help']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
  });
});
