// CORS (issue #15, point 4): a page on a developer's dev server (another
// origin) can call the sandbox. Checked here over HTTP, as a browser sends
// it; test/sandbox/cors.browser.test.ts checks it in Chromium.
import { afterEach, describe, expect, it } from 'vitest';
import document from '../../generated/openapi.json' with { type: 'json' };
import { contract } from '../../src/sandbox/contract.ts';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { demoKeys, startSandbox } from '../helpers/sandbox.ts';
import { runCli, sandboxBin } from '../helpers/processes.ts';

const open: Sandbox[] = [];
afterEach(async () => {
  for (const sandbox of open.splice(0)) await sandbox.close();
});

async function sandboxWith(options: Parameters<typeof startSandbox>[0] = {}, lines: string[] = []) {
  const sandbox = await startSandbox({ ...options, logLevel: 'info', logStream: { write: (line) => lines.push(line) } });
  open.push(sandbox);
  return sandbox;
}

const preflight = (url: string, origin: string, method = 'POST') =>
  fetch(url, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': method, 'access-control-request-headers': 'authorization, content-type, idempotency-key' } });
const list = (value: string | null) => (value ?? '').split(',').map((v) => v.trim().toLowerCase());

describe('CORS', () => {
  it('answers a preflight from a loopback dev server with the path’s methods and the headers the contract uses', async () => {
    const sandbox = await sandboxWith();
    const answer = await preflight(`${sandbox.url}/api/prompts/snippet`, 'http://localhost:5173');
    expect(answer.status).toBe(204);
    expect(answer.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(list(answer.headers.get('access-control-allow-methods')).sort()).toEqual(contract().methodsByPath.get('/api/prompts/snippet')!.map((m) => m.toLowerCase()).sort());
    expect(list(answer.headers.get('access-control-allow-headers'))).toEqual(expect.arrayContaining(['authorization', 'content-type', 'idempotency-key', 'prefer']));
    expect(Number(answer.headers.get('access-control-max-age'))).toBeGreaterThan(0);
    expect(answer.headers.get('vary')).toMatch(/origin/i);
  });

  it('exposes the contract’s answer headers to an allowed page, on successes and errors alike', async () => {
    const sandbox = await sandboxWith();
    for (const key of [demoKeys.acme, null]) {
      const answer = await fetch(`${sandbox.url}/api/prompts/tags`, { headers: { origin: 'http://127.0.0.1:3000', ...(key && { authorization: `Bearer ${key}` }) } });
      expect(answer.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:3000');
      expect(list(answer.headers.get('access-control-expose-headers'))).toEqual(
        expect.arrayContaining(['x-request-id', 'retry-after', 'ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset']),
      );
    }
  });

  it('gives an origin it does not allow no CORS header, and logs once how to allow it', async () => {
    const lines: string[] = [];
    const sandbox = await sandboxWith({}, lines);
    for (let i = 0; i < 3; i++) {
      const answer = await preflight(`${sandbox.url}/api/prompts/snippet`, 'https://app.example.com');
      expect(answer.status).toBe(204);
      expect(answer.headers.get('access-control-allow-origin')).toBeNull();
    }
    const get = await fetch(`${sandbox.url}/health`, { headers: { origin: 'https://app.example.com' } });
    expect(get.headers.get('access-control-allow-origin')).toBeNull();
    const warnings = lines.map((l) => JSON.parse(l)).filter((l) => /^CORS:/.test(l.msg));
    expect(warnings.map((w) => w.msg)).toEqual(['CORS: origin https://app.example.com is not allowed; start the sandbox with --cors https://app.example.com']);
  });

  it('--cors names the origins allowed (then loopback ones are not), * allows all, none turns CORS off', async () => {
    const named = await sandboxWith({ cors: ['https://app.example.com'] });
    expect((await preflight(`${named.url}/api/prompts/tags`, 'https://app.example.com', 'GET')).headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    expect((await preflight(`${named.url}/api/prompts/tags`, 'http://localhost:5173', 'GET')).headers.get('access-control-allow-origin')).toBeNull();
    const any = await sandboxWith({ cors: ['*'] });
    expect((await preflight(`${any.url}/api/prompts/tags`, 'https://elsewhere.example', 'GET')).headers.get('access-control-allow-origin')).toBe('https://elsewhere.example');
    const none = await sandboxWith({ cors: [] });
    const off = await preflight(`${none.url}/api/prompts/tags`, 'http://localhost:5173', 'GET');
    // Without CORS, OPTIONS is a method the path does not support.
    expect([off.status, off.headers.get('access-control-allow-origin')]).toEqual([405, null]);
  });

  it('with * too, echoes only what the contract documents for Access-Control-Allow-Origin (its maxLength and pattern)', async () => {
    const any = await sandboxWith({ cors: ['*'] });
    const schema = (document as any).components.headers['Access-Control-Allow-Origin'].schema;
    const echoed = async (origin: string) => (await fetch(`${any.url}/api/prompts/tags`, { headers: { origin, authorization: `Bearer ${demoKeys.acme}` } })).headers.get('access-control-allow-origin');
    const long = `https://${'a'.repeat(schema.maxLength)}.example`;
    for (const origin of ['https://elsewhere.example', 'http://[::1]:3000', 'null']) {
      expect(await echoed(origin), origin).toBe(origin);
      expect(origin, origin).toMatch(new RegExp(schema.pattern, 'u'));
    }
    for (const origin of ['not an origin', 'javascript', long]) expect(await echoed(origin), origin.slice(0, 40)).toBeNull();
  });

  it.each([
    [['--cors', 'localhost:5173'], /--cors: "localhost:5173" is not an origin/],
    [['--cors', 'http://localhost:5173/app'], /--cors: "http:\/\/localhost:5173\/app" is not an origin \(no path\); give it as http:\/\/localhost:5173/],
  ])('refuses %j in one line', async (args, message) => {
    const result = await runCli(sandboxBin, [...args, '--db', ':memory:', '--port', '0']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});
