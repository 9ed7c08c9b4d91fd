// The client's Idempotency-Key where crypto.randomUUID does not exist (a page
// served over plain http from a host other than localhost is not a secure
// context): a version-4 UUID from crypto.getRandomValues, and the POST is sent.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSnippetsClient } from '../../src/client/index.ts';
import { demoKeys } from '../helpers/sandbox.ts';
import { createSandbox } from '../../src/sandbox/in-process.ts';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the Idempotency-Key without crypto.randomUUID', () => {
  it('is a v4 UUID from getRandomValues, and the create goes through', async () => {
    const sandbox = await createSandbox();
    const keys: string[] = [];
    const fetch: typeof globalThis.fetch = async (input, init) => {
      const request = new Request(input, init);
      const key = request.headers.get('idempotency-key');
      if (key) keys.push(key);
      return sandbox.fetch(request);
    };
    const { getRandomValues } = globalThis.crypto;
    vi.stubGlobal('crypto', { getRandomValues: getRandomValues.bind(globalThis.crypto) });
    expect((globalThis.crypto as { randomUUID?: unknown }).randomUUID).toBeUndefined();
    const client = createSnippetsClient({ baseUrl: 'http://sandbox.test', apiKey: demoKeys.acme, fetch });
    const created = await client.POST('/api/prompts/tag', { body: { tagName: 'no secure context', teamId: '7ea40000-0000-4000-8000-000000000001' } });
    vi.unstubAllGlobals();
    await sandbox.close();
    expect(created.response?.status).toBe(201);
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
