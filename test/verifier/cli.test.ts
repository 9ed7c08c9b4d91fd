import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { editJson, startMutatingProxy } from '../helpers/mutating-proxy.ts';
import { requireBuild, runCli } from '../helpers/processes.ts';
import { fixtures, startSandbox } from '../helpers/sandbox.ts';

const bin = fileURLToPath(new URL('../../bin/snippets-contract.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'verify-cli-'));

beforeAll(() => requireBuild());

describe('snippets-contract verify', () => {
  it('verifies an in-process sandbox: progress, a summary table, exit 0', async () => {
    const result = await runCli(bin, ['verify']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^\[ *1\/\d+\] ✓ happy\.getHealth$/m);
    expect(result.stdout).toMatch(/^scenario +expected +got +result +time$/m);
    expect(result.stdout).toMatch(/^authentication\.missing-header +401 AUTH_HEADER_MISSING +401 AUTH_HEADER_MISSING +pass +\d+ ms$/m);
    expect(result.stdout).toMatch(/^CONFORMS: \d+ passed, 0 failed, 0 inconclusive, 0 skipped/m);
    expect(result.stdout).toMatch(/^Coverage: operations (\d+)\/\1 \(100 %\), catalog codes (\d+)\/\2 \(100 %\)/m);
  });

  it('writes a JUnit report that parses back with the right counts, and JSON with the same', async () => {
    const junitFile = join(dir, 'report.xml');
    const junit = await runCli(bin, ['verify', '--reporter', 'junit', '--output', junitFile]);
    expect(junit.code).toBe(0);
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(readFileSync(junitFile, 'utf8'));
    const suite = xml.testsuites.testsuite;
    const cases = [suite.testcase].flat();
    expect(Number(suite.tests)).toBe(cases.length);
    expect([Number(suite.failures), Number(suite.skipped)]).toEqual([0, 0]);

    const json = await runCli(bin, ['verify', '--reporter', 'json', '--only', 'authentication.', '--only', 'batch.']);
    const report = JSON.parse(json.stdout);
    expect(report.counts).toMatchObject({ failed: 0, skipped: 0 });
    expect(report.results.every((r: { id: string }) => /^(authentication|batch)\./.test(r.id))).toBe(true);
    expect(report.counts.passed).toBe(report.results.length);
  });

  describe('against a broken server', () => {
    let sandbox: Sandbox;
    let proxy: { url: string; close(): Promise<void> };
    beforeAll(async () => {
      sandbox = await startSandbox();
      proxy = await startMutatingProxy(sandbox.url, editJson((a) => a.status >= 400, (b) => delete b.code));
    });
    afterAll(async () => {
      await proxy?.close();
      await sandbox?.close();
    });

    it('exits 1 and names each violation with operation, place, expected, actual and request id', async () => {
      const result = await runCli(bin, ['verify', '--base-url', proxy.url, '--only', 'resource.unknown-snippet']);
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(/^ {4}getSnippet \/code: expected present \(required\), got \(absent\) \[request req_[0-9a-f]{32}\]$/m);
      expect(result.stdout).toMatch(/^DOES NOT CONFORM: 0 passed, 1 failed/m);
    });

    it('counts the failures in JUnit too', async () => {
      const file = join(dir, 'broken.xml');
      await runCli(bin, ['verify', '--base-url', proxy.url, '--only', 'resource.', '--reporter', 'junit', '--output', file]);
      const suite = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(readFileSync(file, 'utf8')).testsuites.testsuite;
      const failing = [suite.testcase].flat().filter((c: { failure?: unknown }) => c.failure);
      expect(Number(suite.failures)).toBe(failing.length);
      expect(failing.length).toBeGreaterThan(0);
    });
  });

  describe('bad input gets one line that says what to do, and exit code 2', () => {
    let htmlServer: ReturnType<typeof createServer>;
    let htmlUrl: string;
    let closedUrl: string;
    beforeAll(async () => {
      htmlServer = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html>not an API</html>'));
      await new Promise<void>((resolve) => htmlServer.listen(0, '127.0.0.1', resolve));
      htmlUrl = `http://127.0.0.1:${(htmlServer.address() as AddressInfo).port}`;
      const probe = createServer();
      await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
      closedUrl = `http://127.0.0.1:${(probe.address() as AddressInfo).port}`;
      await new Promise((resolve) => probe.close(resolve));
    });
    afterAll(() => htmlServer?.close());

    const typoFixtures = () => {
      const copy = structuredClone(fixtures) as any;
      copy.workspaces[0].remainingRequest = copy.workspaces[0].remainingRequests;
      delete copy.workspaces[0].remainingRequests;
      const file = join(dir, 'typo.json');
      writeFileSync(file, JSON.stringify(copy));
      return file;
    };

    it.each([
      ['an unreachable base URL', () => ['verify', '--base-url', closedUrl], /cannot reach http:\/\/127\.0\.0\.1:\d+ \(.*\); start the server, or check --base-url/],
      ['a server that answers HTML', () => ['verify', '--base-url', htmlUrl], /\/health answered 200 text\/html that is not JSON; is --base-url the root of a Snippets API server\?/],
      ['a fixtures file with a typo', () => ['verify', '--fixtures', typoFixtures()], /workspaces\[0\] has an unknown field "remainingRequest"/],
      ['a fixtures file that does not exist', () => ['verify', '--fixtures', join(dir, 'nope.json')], /cannot read fixtures file .*nope\.json: ENOENT/],
      ['an unknown flag', () => ['verify', '--base-ur', 'http://x'], /Unknown option '--base-ur'/],
      ['an unknown command', () => ['verfy'], /unknown command "verfy"/],
      ['a base URL that is not a URL', () => ['verify', '--base-url', '127.0.0.1:4010'], /--base-url must be an http\(s\) URL/],
      ['an unknown reporter', () => ['verify', '--reporter', 'tap'], /--reporter must be pretty, json or junit/],
    ])('%s', async (_name, args, message) => {
      const result = await runCli(bin, args());
      expect(result.code).toBe(2);
      const lines = result.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(message);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    });
  });
});
