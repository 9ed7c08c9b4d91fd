// Issue #20, point 1: SIGTERM and Ctrl-C stop the sandbox through every way of
// launching it. `npm start` and `npx` put npm (and, for npx, `sh -c`) between
// the signal and the sandbox; the shell passed nothing on, and the sandbox
// lived on holding its port. Each case writes, signals the launcher, and then
// starts a new sandbox on the same port and database: the write is there.
// SIGTERM goes to the launcher alone, as `kill PID` sends it; Ctrl-C is SIGINT
// to the terminal's foreground process group, the launcher's and all below it.
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ContractClient, demoKeys, demoTeams } from '../helpers/sandbox.ts';
import { repoRoot, startSandboxProcess, type RunningSandbox, type StartOptions } from '../helpers/processes.ts';

const running: RunningSandbox[] = [];
afterEach(() => {
  for (const sandbox of running.splice(0)) {
    try {
      process.kill(-sandbox.child.pid!, 'SIGKILL');
    } catch {
      sandbox.child.kill('SIGKILL');
    }
  }
});

/** A project that depends on this package, as `npm install` would lay it out, for `npx snippets-sandbox`. */
function consumerProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sandbox-npx-'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true }));
  mkdirSync(join(dir, 'node_modules', '.bin'), { recursive: true });
  symlinkSync(repoRoot, join(dir, 'node_modules', 'snippets-api-contract'));
  symlinkSync('../snippets-api-contract/bin/snippets-sandbox.js', join(dir, 'node_modules', '.bin', 'snippets-sandbox'));
  return dir;
}

const portIsFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const probe = createServer().once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });

const launchers: Array<[string, () => StartOptions]> = [
  ['the bin itself', () => ({})],
  ['npm start', () => ({ launcher: ['npm', ['start', '--silent', '--']] })],
  ['npx snippets-sandbox', () => ({ launcher: ['npx', ['--no-install', 'snippets-sandbox']], cwd: consumerProject() })],
];

describe.each(launchers)('a sandbox launched by %s', (_name, launch) => {
  it.each([
    ['SIGTERM to the launcher', 'SIGTERM', false],
    ['Ctrl-C (SIGINT to its process group)', 'SIGINT', true],
  ] as const)('stops on %s, commits, and frees its port for the next one', async (_how, signal, toGroup) => {
    const db = join(mkdtempSync(join(tmpdir(), 'sandbox-signal-')), 'sandbox.db');
    const options = { ...launch(), env: { ...process.env, npm_config_update_notifier: 'false' }, detached: true };
    const first = await startSandboxProcess(['--port', '0', '--db', db, '--log-level', 'silent'], options);
    running.push(first);
    const port = Number(new URL(first.url).port);
    const created = await new ContractClient(first.url, demoKeys.acme).send('createTag', 'POST', '/api/prompts/tag', { body: { tagName: 'kept', teamId: demoTeams.platform } });
    expect(created.status).toBe(201);

    if (toGroup) process.kill(-first.child.pid!, signal);
    else first.child.kill(signal);
    await first.exited;
    // The launcher is gone; the sandbox itself is gone once its port takes a new listener.
    const deadline = Date.now() + 10_000;
    while (!(await portIsFree(port))) {
      expect(Date.now(), `port ${port} still taken after ${signal} to the launcher:\n${first.output()}`).toBeLessThan(deadline);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    while (!/^Sandbox stopped \(.+\)$/m.test(first.output())) {
      expect(Date.now(), `no "Sandbox stopped" line:\n${first.output()}`).toBeLessThan(deadline);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }

    const second = await startSandboxProcess(['--port', String(port), '--db', db, '--log-level', 'silent']);
    running.push(second);
    expect(second.url).toBe(first.url);
    expect(second.output()).toMatch(/^Database: .+ \(SQLite file: reused/m);
    const again = await new ContractClient(second.url, demoKeys.acme).send('getTag', 'GET', '/api/prompts/tag', { query: { id: created.body.data.id } });
    expect([again.status, again.body.data?.tag.tagName]).toEqual([200, 'kept']);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  }, 60_000);
});

describe('requests in flight when SIGTERM arrives', () => {
  it('are finished and committed within the grace period; one that would outlast it is cut, and the sandbox does not wait for it', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'sandbox-grace-')), 'sandbox.db');
    const first = await startSandboxProcess(['--port', '0', '--db', db, '--log-level', 'silent']);
    running.push(first);
    const api = new ContractClient(first.url, demoKeys.acme);
    // Prefer: delay holds each request before it runs, as a slow one would be.
    const quick = api.send('createTag', 'POST', '/api/prompts/tag', { body: { tagName: 'in flight', teamId: demoTeams.platform }, headers: { prefer: 'delay=300' } });
    const slow = fetch(`${first.url}/api/prompts/tags`, { headers: { authorization: `Bearer ${demoKeys.acme}`, prefer: 'delay=8000' } }).then(
      (response) => `answered ${response.status}`,
      () => 'cut',
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    const signalled = Date.now();
    first.child.kill('SIGTERM');
    const answered = await quick;
    expect(answered.status).toBe(201);
    expect(await first.exited).toBe(0);
    // The grace period is a second; the slow request would have taken 8.
    expect(Date.now() - signalled).toBeLessThan(6000);
    expect(await slow).toBe('cut');

    const second = await startSandboxProcess(['--port', '0', '--db', db, '--log-level', 'silent']);
    running.push(second);
    const again = await new ContractClient(second.url, demoKeys.acme).send('getTag', 'GET', '/api/prompts/tag', { query: { id: answered.body.data.id } });
    expect([again.status, again.body.data?.tag.tagName]).toEqual([200, 'in flight']);
  }, 30_000);
});
