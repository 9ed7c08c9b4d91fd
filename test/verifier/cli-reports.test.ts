// Issue #14, points 1 to 4 and 6, as a CI job meets them: exit codes, a
// hanging server, report files checked before the first request, a run cut
// short that still writes its report, and the HAR record.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { requireBuild, runCli } from '../helpers/processes.ts';
import { fixtures, startSandbox } from '../helpers/sandbox.ts';
import { startUnrulyProxy } from '../helpers/unruly-proxy.ts';
import { editJson, startMutatingProxy } from '../helpers/mutating-proxy.ts';
import { XMLParser } from 'fast-xml-parser';

const bin = fileURLToPath(new URL('../../bin/snippets-contract.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'verify-reports-'));
const open: Array<{ close(): Promise<void> }> = [];

beforeAll(() => requireBuild());
afterEach(async () => {
  for (const server of open.splice(0).reverse()) await server.close();
});

/** A server that accepts connections and reads requests, and never answers; it counts what it got. */
async function silentServer(): Promise<{ url: string; requests: () => number; close(): Promise<void> }> {
  let requests = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer(() => void requests++);
  server.on('connection', (socket) => (sockets.add(socket), socket.on('close', () => sockets.delete(socket))));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const handle = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests: () => requests,
    close: () => new Promise<void>((resolve) => (sockets.forEach((s) => s.destroy()), server.close(() => resolve()))),
  };
  open.push(handle);
  return handle;
}

describe('snippets-contract verify in CI', () => {
  it('ends with exit 2 within its timeout against a server that accepts connections and never answers', async () => {
    const server = await silentServer();
    const started = Date.now();
    const result = await runCli(bin, ['verify', '--base-url', server.url, '--timeout-seconds', '2']);
    expect(Date.now() - started).toBeLessThan(8000);
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe(`snippets-contract: ${server.url}/health gave no answer within 2 s (--timeout-seconds); is the server stuck?`);
  });

  it.each([
    ['--output', 'missing/report.xml', /--output .*missing\/report\.xml: the directory .*missing does not exist; create it first \(mkdir -p .*missing\)/],
    ['--har', 'missing/traffic.har', /--har .*missing\/traffic\.har: the directory .*missing does not exist/],
    ['--output', '', /--output .* is a directory; give a file path/],
  ])('refuses %s %s before sending any request', async (flag, path, message) => {
    const server = await silentServer();
    const result = await runCli(bin, ['verify', '--base-url', server.url, flag, join(dir, path)]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(message);
    expect(server.requests()).toBe(0);
  });

  it('exits 2 for an --only that matches nothing, and 3 (inconclusive) for an empty fixtures file', async () => {
    const nothing = await runCli(bin, ['verify', '--only', 'nope.']);
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toMatch(/--only nope\. matches no scenario/);

    const empty = join(dir, 'empty.json');
    writeFileSync(empty, JSON.stringify({ workspaces: [], teams: [], apiKeys: [] }));
    const result = await runCli(bin, ['verify', '--fixtures', empty]);
    expect(result.code).toBe(3);
    expect(result.stdout).toMatch(/^INCONCLUSIVE: \d+ passed, 0 failed, 0 inconclusive, \d+ skipped/m);
    expect(result.stdout).toMatch(/^ {2}operations covered \d+ % < --min-coverage 100 %$/m);
    expect(result.stdout).toMatch(/^ {2}not exercised: .*createSnippet.* \(skipped: the fixtures lack an active, unexpired key/m);
  });

  it.each(['SIGINT', 'SIGTERM'] as const)('writes what it has, marked incomplete, when interrupted by %s, and exits 2', async (signal) => {
    const sandbox = await startSandbox();
    const proxy = await startUnrulyProxy(sandbox.url, () => ({ delayMs: 150 }));
    open.push(sandbox, proxy);
    const output = join(dir, `interrupted-${signal}.json`);
    const har = join(dir, `interrupted-${signal}.har`);
    const child = spawn(process.execPath, [bin, 'verify', '--base-url', proxy.url, '--reporter', 'json', '--output', output, '--har', har]);
    let stdout = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    // Interrupt once a few scenarios have run.
    await new Promise<void>((resolve) => child.stdout.on('data', () => /\[ *3\/\d+\]/.test(stdout) && resolve()));
    child.kill(signal);
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code).toBe(2);
    const report = JSON.parse(readFileSync(output, 'utf8'));
    expect(report.verdict).toBe('incomplete');
    expect(report.incomplete).toBe(`interrupted by ${signal}`);
    expect(report.results.length).toBeGreaterThanOrEqual(3);
    expect(report.counts.notRun).toBeGreaterThan(0);
    expect(JSON.parse(readFileSync(har, 'utf8')).log.entries.length).toBeGreaterThan(0);
  }, 30_000);

  it('records every exchange as HAR 1.2, with no key in the file', async () => {
    const har = join(dir, 'traffic.har');
    const output = join(dir, 'traffic.json');
    const result = await runCli(bin, ['verify', '--only', 'authentication.', '--only', 'happy.createSnippet', '--har', har, '--reporter', 'json', '--output', output]);
    expect(result.code).toBe(0);
    const text = readFileSync(har, 'utf8');
    const { log } = JSON.parse(text);
    expect(log.version).toBe('1.2');
    expect(log.creator.name).toBe('snippets-contract');
    const report = JSON.parse(readFileSync(output, 'utf8'));
    // Every request of the run, the health probe aside.
    expect(log.entries.length).toBe(report.counts.requests);
    for (const entry of log.entries) {
      expect(entry.request.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\//);
      expect(typeof entry.response.status).toBe('number');
      expect(entry.response.content.mimeType).toMatch(/^application\/json/);
      for (const header of entry.request.headers) if (header.name.toLowerCase() === 'authorization') expect(header.value).toBe('Bearer [redacted]');
    }
    const created = log.entries.find((e: { request: { method: string } }) => e.request.method === 'POST');
    expect(JSON.parse(created.request.postData.text)).toHaveProperty('title');
    for (const { key } of fixtures.apiKeys) expect(text).not.toContain(key);
    expect(text).not.toMatch(/sk_test_verifier|sk_test_guessing/);
    expect(existsSync(`${har}.tmp-${process.pid}`)).toBe(false);
  });
});

describe('snippets-contract verify --generate', () => {
  it('finds a defect no fixed scenario looks for, and prints it as a curl line in the terminal and in JUnit, with no key in any report', async () => {
    const sandbox = await startSandbox();
    // The defect: a list whose count disagrees with its items.
    const proxy = await startMutatingProxy(
      sandbox.url,
      editJson(
        (answer, request) => answer.status === 200 && request.url.startsWith('/api/prompts/tags'),
        (body) => ((body.metadata as { tagCount: number }).tagCount += 1),
      ),
    );
    open.push(sandbox, proxy);
    const args = ['verify', '--base-url', proxy.url, '--only', 'happy.getHealth', '--generate', '300', '--seed', '11'];
    const pretty = await runCli(bin, args);
    expect(pretty.code).toBe(1);
    expect(pretty.stdout).toMatch(/^Generating about 300 requests from seed 11 \(--seed 11 repeats them\)$/m);
    const curl = /^ {4}reproduce \(SNIPPETS_API_KEY=the key sk_test_…\w{4}\): (curl .*'http:\/\/127\.0\.0\.1:\d+\/api\/prompts\/tags[^']*'.*)$/m.exec(pretty.stdout);
    expect(curl, pretty.stdout).not.toBeNull();
    expect(curl![1]).toContain('"Authorization: Bearer $SNIPPETS_API_KEY"');

    const xmlFile = join(dir, 'generated.xml');
    const jsonFile = join(dir, 'generated.json');
    expect((await runCli(bin, [...args, '--reporter', 'junit', '--output', xmlFile])).code).toBe(1);
    expect((await runCli(bin, [...args, '--reporter', 'json', '--output', jsonFile])).code).toBe(1);
    const suite = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(readFileSync(xmlFile, 'utf8')).testsuites.testsuite;
    const failures = [suite.testcase].flat().filter((c: { failure?: unknown }) => c.failure);
    expect(failures.length).toBeGreaterThan(0);
    expect(failures.some((c: { failure: { '#text': string } }) => /reproduce \(SNIPPETS_API_KEY=the key sk_test_…\w{4}\): curl /.test(c.failure['#text']))).toBe(true);
    const json = readFileSync(jsonFile, 'utf8');
    expect(JSON.parse(json).generated).toEqual({ count: 300, seed: 11, scenarios: expect.any(Number) });
    for (const text of [pretty.stdout, readFileSync(xmlFile, 'utf8'), json]) for (const { key } of fixtures.apiKeys) expect(text).not.toContain(key);
  }, 60_000);

  it('refuses --seed without --generate, and a --generate that is not a count', async () => {
    expect((await runCli(bin, ['verify', '--seed', '3'])).stderr).toMatch(/--seed goes with --generate N/);
    const bad = await runCli(bin, ['verify', '--generate', 'lots']);
    expect([bad.code, bad.stderr.trim()]).toEqual([2, 'snippets-contract: --generate must be a whole number from 1 to 100000; got "lots"']);
  });
});
