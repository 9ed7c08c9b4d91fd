import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ContractClient, fixtures } from '../helpers/sandbox.ts';
import { runCli, sandboxBin, startSandboxProcess, type RunningSandbox } from '../helpers/processes.ts';

const running: RunningSandbox[] = [];
afterEach(() => {
  for (const sandbox of running.splice(0)) sandbox.child.kill('SIGKILL');
});

async function start(args: string[], options: { cwd?: string } = {}) {
  const sandbox = await startSandboxProcess(args, options);
  running.push(sandbox);
  return sandbox;
}

describe('snippets-sandbox', () => {
  it('prints the ready line and the demo key; the key gets a conforming answer, no key a conforming 401', async () => {
    const sandbox = await start(['--port', '0', '--db', ':memory:', '--log-level', 'silent']);
    const demoKey = (await sandbox.waitFor(/^Demo key: (\S+)/m))[1];
    expect(demoKey).toMatch(/^sk_test_/);
    const api = new ContractClient(sandbox.url, demoKey);
    expect((await api.send('getTags', 'GET', '/api/prompts/tags')).status).toBe(200);
    expect((await api.send('getTags', 'GET', '/api/prompts/tags', { key: null })).status).toBe(401);
  });

  it('keeps its database file across restarts, under .sandbox/ by default, and stops cleanly on SIGTERM and SIGINT', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'sandbox-cwd-'));
    const first = await start(['--port', '0', '--log-level', 'silent'], { cwd });
    expect(existsSync(join(cwd, '.sandbox', 'sandbox.db'))).toBe(true);
    const key = (await first.waitFor(/^Demo key: (\S+)/m))[1]!;
    const teamId = fixtures.apiKeys.find((k) => k.key === key)!.teamIds[0]!;
    const created = await new ContractClient(first.url, key).send('createTag', 'POST', '/api/prompts/tag', { body: { tagName: 'persisted', teamId } });
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(first.output()).toContain('Sandbox stopped (SIGTERM)');

    const second = await start(['--port', '0', '--log-level', 'silent'], { cwd });
    const again = await new ContractClient(second.url, key).send('getTag', 'GET', '/api/prompts/tag', { query: { id: created.body.data.id } });
    expect(again.body.data.tag.tagName).toBe('persisted');
    // Quota spent before the restart stays spent.
    expect(again.body.usage.remainingRequests).toBe(created.body.usage.remainingRequests - 1);
    second.child.kill('SIGINT');
    expect(await second.exited).toBe(0);
  });

  it('reads its flags from SNIPPETS_SANDBOX_* variables too', async () => {
    const child = spawn(process.execPath, [sandboxBin], { env: { ...process.env, SNIPPETS_SANDBOX_PORT: '0', SNIPPETS_SANDBOX_DB: ':memory:', SNIPPETS_SANDBOX_LOG_LEVEL: 'silent' } });
    let output = '';
    await new Promise<void>((resolve) => child.stdout.on('data', (chunk) => ((output += chunk), /listening on/.test(output) && resolve())));
    child.kill('SIGTERM');
    expect(output).toMatch(/^Sandbox listening on http:\/\/127\.0\.0\.1:\d+$/m);
  });

  it.each([
    [['--bogus'], /Unknown option '--bogus'/],
    [['--port', 'abc'], /--port must be a whole number/],
    [['--rate-limit', '0'], /--rate-limit must be a whole number of at least 1/],
    [['--log-level', 'loud'], /--log-level must be one of/],
    [['--headers-timeout-seconds', 'soon'], /--headers-timeout-seconds must be a whole number from 1 to 3600, got "soon"/],
    [['--body-timeout-seconds', '0'], /--body-timeout-seconds must be a whole number from 1 to 3600, got "0"/],
    [['--idle-timeout-seconds', '3601'], /--idle-timeout-seconds must be a whole number from 1 to 3600, got "3601"/],
    [['--fixtures', '/does/not/exist.json'], /cannot read fixtures file \/does\/not\/exist\.json/],
  ])('refuses %j in one line with exit code 2', async (args, message) => {
    const result = await runCli(sandboxBin, [...args, '--db', ':memory:']);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses a --db that is a URL of a store it does not have, in one line, and writes nothing', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'sandbox-url-db-'));
    const result = await runCli(sandboxBin, ['--db', 'mysql://sandbox@127.0.0.1/snippets', '--port', '0'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/--db mysql:\/\/… names a mysql database, which the sandbox cannot use; give a file path, :memory: or a postgres:\/\/ URL/);
    expect(existsSync(join(cwd, 'mysql:'))).toBe(false);
  });

  it('refuses a bad timeout from SNIPPETS_SANDBOX_* too', async () => {
    const child = spawn(process.execPath, [sandboxBin, '--port', '0', '--db', ':memory:', '--log-level', 'silent'], {
      env: { ...process.env, SNIPPETS_SANDBOX_IDLE_TIMEOUT_SECONDS: '1.5' },
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    // A sandbox that took the value would run on: stop waiting after a while, and stop it.
    const code = await new Promise((resolve) => {
      const timer = setTimeout(() => (child.kill('SIGKILL'), resolve('still running')), 10_000);
      child.on('exit', (exitCode) => (clearTimeout(timer), resolve(exitCode)));
    });
    expect(code).toBe(2);
    expect(stderr).toMatch(/--idle-timeout-seconds must be a whole number from 1 to 3600, got "1\.5"/);
  });

  it('names the field of a fixtures file with a typo', async () => {
    const copy = structuredClone(fixtures) as any;
    copy.apiKeys[0].teamIDs = copy.apiKeys[0].teamIds;
    delete copy.apiKeys[0].teamIds;
    const file = join(mkdtempSync(join(tmpdir(), 'fixtures-')), 'typo.json');
    writeFileSync(file, JSON.stringify(copy));
    const result = await runCli(sandboxBin, ['--fixtures', file, '--port', '0', '--db', ':memory:']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/apiKeys\[0\] has an unknown field "teamIDs"/);
  });

  it('explains --help', async () => {
    const result = await runCli(sandboxBin, ['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/--rate-window-seconds/);
    expect(result.stdout).toMatch(/--headers-timeout-seconds S\] \[--body-timeout-seconds S\] \[--idle-timeout-seconds S\]/);
  });
});
