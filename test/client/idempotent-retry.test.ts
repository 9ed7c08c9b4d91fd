import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSnippetsClient } from '../../src/client/index.ts';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { demoKeys, demoTeams, startSandbox } from '../helpers/sandbox.ts';

// In front of the sandbox: the first POST reaches it (and creates the
// snippet), but its answer is replaced by a 503, as when a gateway fails
// after the server did the work. The client must retry without creating twice.
let sandbox: Sandbox;
let proxyUrl: string;
let closeProxy: () => void;
let postsSeen = 0;

beforeAll(async () => {
  sandbox = await startSandbox();
  const proxy = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const upstream = await fetch(new URL(request.url!, sandbox.url), {
      method: request.method,
      headers: Object.entries(request.headers).filter(([name]) => name !== 'host' && name !== 'content-length') as [string, string][],
      ...(chunks.length > 0 && { body: Buffer.concat(chunks) }),
    });
    const text = await upstream.text();
    if (request.method === 'POST' && ++postsSeen === 1) {
      response.writeHead(503, { 'content-type': 'application/json', 'retry-after': '0' });
      response.end(JSON.stringify({ success: false, code: 'SERVICE_UNAVAILABLE', message: 'gateway lost the answer', requestId: 'req_proxy00000001' }));
      return;
    }
    response.writeHead(upstream.status, Object.fromEntries(upstream.headers));
    response.end(text);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  closeProxy = () => proxy.close();
});

afterAll(async () => {
  closeProxy?.();
  await sandbox?.close();
});

describe('a POST that fails once with a 503', () => {
  it('is retried under its idempotency key and leaves exactly one created snippet', async () => {
    const api = createSnippetsClient({ baseUrl: proxyUrl, apiKey: demoKeys.acme, retry: { baseDelayMs: 10 } });
    const title = `Once ${Date.now()}`;
    const { data, error } = await api.POST('/api/prompts/snippet', {
      body: { title, content: { type: 'plaintext', content: 'Hi' }, teamId: demoTeams.platform },
    });
    expect(error).toBeUndefined();
    expect(postsSeen).toBe(2);
    const rows = sandbox.db.prepare('SELECT id FROM snippets WHERE title = ?').all(title) as Array<{ id: string }>;
    expect(rows).toHaveLength(1);
    expect(data!.data.id).toBe(rows[0]!.id);
  });
});
