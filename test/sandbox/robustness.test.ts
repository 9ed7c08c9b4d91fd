import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { ContractClient, demoKeys, startSandbox } from '../helpers/sandbox.ts';

describe('unexpected failures', () => {
  it('become the documented 500, with a requestId and no stack trace or internal path', async () => {
    const lines: string[] = [];
    const sandbox = await startSandbox({ logLevel: 'info', logStream: { write: (line) => lines.push(line) } });
    try {
      const api = new ContractClient(sandbox.url, demoKeys.acme);
      // Pull the database out from under the server: every query now throws.
      sandbox.db.close();
      const answer = await api.send('getTags', 'GET', '/api/prompts/tags');
      expect([answer.status, answer.body.code]).toEqual([500, 'INTERNAL_ERROR']);
      const text = JSON.stringify(answer.body);
      expect(text).not.toMatch(/\bat \S+ \(|\.ts:\d+|\.js:\d+|\/work\/|node_modules|database connection/i);
      // The log keeps what the answer hides, under the same request id.
      const logged = lines.map((l) => JSON.parse(l)).find((l) => l.msg === 'unexpected error');
      expect(logged.reqId).toBe(answer.body.requestId);
      expect(logged.err.message).toMatch(/database/);
    } finally {
      await sandbox.app.close();
    }
  });
});

describe('request logs', () => {
  it('have one line per request with request id, route, status, code and duration, and never a key', async () => {
    const lines: string[] = [];
    const sandbox = await startSandbox({ logLevel: 'info', logStream: { write: (line) => lines.push(line) } });
    try {
      const api = new ContractClient(sandbox.url, demoKeys.acme);
      const ok = await api.send('getTags', 'GET', '/api/prompts/tags');
      const denied = await api.send('getTags', 'GET', '/api/prompts/tags', { key: 'sk_test_wrongKeyWrongKeyWrongKey00' });
      const entries = lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'request');
      expect(entries).toEqual([
        expect.objectContaining({ reqId: ok.headers.get('x-request-id'), operationId: 'getTags', route: '/api/prompts/tags', status: 200, code: null, durationMs: expect.any(Number) }),
        expect.objectContaining({ reqId: denied.body.requestId, operationId: 'getTags', status: 401, code: 'AUTH_KEY_UNKNOWN' }),
      ]);
      const all = lines.join('\n');
      expect(all).not.toContain(demoKeys.acme);
      expect(all).not.toContain('sk_test_wrongKey');
      expect(all).not.toMatch(/authorization/i);
    } finally {
      await sandbox.close();
    }
  });

  it('say the path (never the query), with an ISO time; an unmatched request names its path; an injected 500 is an answer, not an error with a stack', async () => {
    const lines: string[] = [];
    const sandbox = await startSandbox({ logLevel: 'info', logStream: { write: (line) => lines.push(line) } });
    try {
      const api = new ContractClient(sandbox.url, demoKeys.acme);
      const secretId = '0b8f5c2a-1d3e-4f5a-9b6c-7d8e9f0a1b2d';
      await api.send('getSnippet', 'GET', '/api/prompts/snippet', { query: { id: secretId } });
      await api.send(undefined, 'GET', '/api/prompts/nowhere', { query: { token: 'hidden' } });
      const injected = await api.send('getTags', 'GET', '/api/prompts/tags', { headers: { prefer: 'code=500' } });
      expect(injected.status).toBe(500);
      const entries = lines.map((l) => JSON.parse(l));
      const requests = entries.filter((l) => l.msg === 'request');
      expect(requests).toEqual([
        expect.objectContaining({ method: 'GET', path: '/api/prompts/snippet', route: '/api/prompts/snippet', status: 404 }),
        expect.objectContaining({ method: 'GET', path: '/api/prompts/nowhere', route: null, status: 404, code: 'ENDPOINT_NOT_FOUND' }),
        expect.objectContaining({ path: '/api/prompts/tags', status: 500, code: 'INTERNAL_ERROR', injected: true }),
      ]);
      for (const entry of requests) expect(new Date(entry.time).toISOString()).toBe(entry.time);
      expect(entries.filter((l) => l.msg === 'unexpected error' || l.err)).toEqual([]);
      const all = lines.join('\n');
      expect(all).not.toContain(secretId);
      expect(all).not.toContain('hidden');
    } finally {
      await sandbox.close();
    }
  });
});

describe('answers that never are HTML', () => {
  it.each([
    ['an unknown path', 'GET', '/nope', 404, 'ENDPOINT_NOT_FOUND'],
    ['a path with a trailing slash', 'GET', '/api/prompts/snippet/', 404, 'ENDPOINT_NOT_FOUND'],
    ['a wrong method', 'PATCH', '/api/prompts/snippet', 405, 'METHOD_NOT_ALLOWED'],
    ['HEAD on a GET path', 'HEAD', '/health', 405, 'METHOD_NOT_ALLOWED'],
    ['a path that cannot be decoded', 'GET', '/api/prompts/%E0%A4%A', 404, 'ENDPOINT_NOT_FOUND'],
  ])('%s gets a JSON error', async (_name, method, path, status, code) => {
    const sandbox = await startSandbox();
    try {
      const response = await fetch(`${sandbox.url}${path}`, { method, headers: { authorization: `Bearer ${demoKeys.acme}` } });
      expect(response.status).toBe(status);
      if (method === 'HEAD') return;
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      const body = await response.json();
      expect(body).toMatchObject({ success: false, code });
      if (status === 405) expect(response.headers.get('allow')).toMatch(/GET/);
    } finally {
      await sandbox.close();
    }
  });

  it('malformed HTTP gets a JSON 400 too', async () => {
    const sandbox = await startSandbox();
    try {
      const url = new URL(sandbox.url);
      const reply = await new Promise<string>((resolve, reject) => {
        const socket = connect(Number(url.port), url.hostname, () => socket.write('GET /health HTTP/1.1\r\nHost: x\r\nBad Header Line\r\n\r\n'));
        let data = '';
        socket.on('data', (chunk) => (data += chunk));
        socket.on('end', () => resolve(data));
        socket.on('error', reject);
      });
      expect(reply).toMatch(/^HTTP\/1\.1 400/);
      const body = JSON.parse(reply.slice(reply.indexOf('\r\n\r\n') + 4));
      expect(body).toMatchObject({ success: false, code: 'PARAMETER_INVALID' });
    } finally {
      await sandbox.close();
    }
  });
});
