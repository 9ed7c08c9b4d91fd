// A PUT or DELETE is retried only when the spec marks its operation
// idempotent (x-idempotent, generated into operations.js), or when the
// request surely did not reach the server: a 429 (the spec: nothing was
// done) or a connection that never opened. A 500, a timeout or a reset after
// sending proves nothing: a retried variation update would write a second
// history record, a retried delete would report 404 after it succeeded.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSnippetsClient, NetworkError, ServerError, TimeoutError } from '../../src/client/index.ts';
import { NOT_PROCESSED_STATUSES } from '../../src/client/retry-policy.ts';
import { operations } from '../../generated/operations.js';
import { generateOperations } from '../../scripts/lib/gen-operations.ts';

const id = '6f1f5c2e-8f4b-4a53-9a51-2d5f1f0c9a11';
const ok = () => new Response(JSON.stringify({ success: true, data: { id, deleted: true }, usage: { remainingRequests: 1, usageDeducted: 1 } }), { headers: { 'content-type': 'application/json' } });
const error = (status: number, code: string) =>
  new Response(JSON.stringify({ success: false, code, message: code, requestId: 'req_byoperation01' }), { status, headers: { 'content-type': 'application/json', 'retry-after': '0' } });

type Answer = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;
function client(answers: Answer[], timeoutMs = 2_000) {
  let calls = 0;
  const fetch: typeof globalThis.fetch = (input, init) => answers[Math.min(calls++, answers.length - 1)]!(input, init);
  const api = createSnippetsClient({ baseUrl: 'http://127.0.0.1:9', apiKey: 'sk_test_byOperationKey00000000000001', fetch, timeoutMs, retry: { baseDelayMs: 1 } });
  return { api, calls: () => calls };
}

const updateVariation = (api: ReturnType<typeof client>['api']) =>
  api.PUT('/api/prompts/snippet/variation', { params: { query: { variationId: id } }, body: { variationName: 'B' } });
const deleteSnippet = (api: ReturnType<typeof client>['api']) => api.DELETE('/api/prompts/snippet', { params: { query: { id } } });
const updateTag = (api: ReturnType<typeof client>['api']) => api.PUT('/api/prompts/tag', { params: { query: { id } }, body: { tagName: 'B' } });

/** Sends to a port nobody listens on, with Node's own fetch: a real ECONNREFUSED, in whatever shape this Node gives it. */
async function refusedFetch(): Promise<Answer> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return (_input, init) => globalThis.fetch(`http://127.0.0.1:${port}/api/prompts/snippet`, { method: init?.method, signal: init?.signal ?? null });
}

/** A server that reads the request, then drops the connection: a reset after sending. */
async function resettingFetch(): Promise<{ answer: Answer; close: () => Promise<void> }> {
  const server = createServer((request) => request.on('end', () => request.socket.destroy()).resume());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    answer: (_input, init) => globalThis.fetch(`http://127.0.0.1:${port}/api/prompts/snippet`, { method: init?.method, signal: init?.signal ?? null }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe('a PUT of a variation (not marked idempotent)', () => {
  it('is not retried on a 500', async () => {
    const { api, calls } = client([async () => error(500, 'INTERNAL_ERROR'), async () => ok()]);
    expect((await updateVariation(api)).error).toBeInstanceOf(ServerError);
    expect(calls()).toBe(1);
  });

  it('is not retried on a timeout', async () => {
    const never: Answer = (_input, init) => new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)));
    const { api, calls } = client([never, async () => ok()], 100);
    expect((await updateVariation(api)).error).toBeInstanceOf(TimeoutError);
    expect(calls()).toBe(1);
  });

  it('is retried on a 429, which the spec says did nothing', async () => {
    const { api, calls } = client([async () => error(429, 'RATE_LIMIT_EXCEEDED'), async () => ok()]);
    expect((await updateVariation(api)).error).toBeUndefined();
    expect(calls()).toBe(2);
  });
});

describe('a connection that never opened', () => {
  it.each([
    ['a PUT of a variation', updateVariation],
    ['a DELETE of a snippet', deleteSnippet],
  ])('%s is retried on ECONNREFUSED, then succeeds', async (_, send) => {
    const { api, calls } = client([await refusedFetch(), async () => ok()]);
    expect((await send(api)).error).toBeUndefined();
    expect(calls()).toBe(2);
  });

  it('a DELETE is not retried on a reset after the request was sent', async () => {
    const resetting = await resettingFetch();
    try {
      const { api, calls } = client([resetting.answer, async () => ok()]);
      expect((await deleteSnippet(api)).error).toBeInstanceOf(NetworkError);
      expect(calls()).toBe(1);
    } finally {
      await resetting.close();
    }
  });
});

describe('an operation the spec marks idempotent', () => {
  it('updateTag is retried on a 500', async () => {
    expect(operations.find((op) => op.operationId === 'updateTag')?.idempotent).toBe(true);
    const { api, calls } = client([async () => error(500, 'INTERNAL_ERROR'), async () => ok()]);
    expect((await updateTag(api)).error).toBeUndefined();
    expect(calls()).toBe(2);
  });
});

describe('the idempotent field of generated/operations.js', () => {
  const spec = JSON.parse(readFileSync(new URL('../../generated/openapi.json', import.meta.url), 'utf8'));
  /** The operations the generator's module gives, loaded as a consumer would load it. */
  const rowsOf = async (doc: unknown) => {
    const { js } = generateOperations(doc as Parameters<typeof generateOperations>[0], '');
    const module = (await import(`data:text/javascript,${encodeURIComponent(js)}`)) as { operations: Array<{ operationId: string; idempotent: boolean }> };
    return module.operations;
  };

  it('is what the spec says: a GET, or x-idempotent true', () => {
    for (const op of operations) {
      const raw = spec.paths[op.path][op.method.toLowerCase()];
      expect([op.operationId, op.idempotent]).toEqual([op.operationId, op.method === 'GET' || raw['x-idempotent'] === true]);
    }
  });

  it('follows the extension when it is flipped in a copy of the spec', async () => {
    const copy = structuredClone(spec);
    copy.paths['/api/prompts/snippet/variation'].put['x-idempotent'] = true;
    delete copy.paths['/api/prompts/tag'].put['x-idempotent'];
    const rows = await rowsOf(copy);
    expect(rows.find((r) => r.operationId === 'updateVariation')?.idempotent).toBe(true);
    expect(rows.find((r) => r.operationId === 'updateTag')?.idempotent).toBe(false);
    copy.paths['/api/prompts/tag'].put['x-idempotent'] = 'yes';
    await expect(rowsOf(copy)).rejects.toThrow(/updateTag: x-idempotent must be true or false/);
  });
});

describe('the statuses taken as "nothing was done"', () => {
  it('are those whose response in the spec says so', () => {
    const spec = JSON.parse(readFileSync(new URL('../../generated/openapi.json', import.meta.url), 'utf8'));
    for (const status of NOT_PROCESSED_STATUSES) {
      const refs = new Set<string>();
      for (const item of Object.values(spec.paths) as Array<Record<string, { responses?: Record<string, { $ref?: string }> }>>) {
        for (const op of Object.values(item)) if (op.responses?.[status]?.$ref) refs.add(op.responses[status]!.$ref!);
      }
      expect(refs.size).toBeGreaterThan(0);
      for (const ref of refs) expect(spec.components.responses[ref.split('/').pop()!].description).toMatch(/nothing was done/i);
    }
  });
});
