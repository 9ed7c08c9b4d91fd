// The sandbox in-process (issue #15, point 2): createSandbox() on the memory
// store, called through the typed client with `fetch: sandbox.fetch`, with no
// server and no native module; and it bundles for a browser.
import { build } from 'esbuild';
import { afterEach, describe, expect, it } from 'vitest';
import { createSnippetsClient } from '../../src/client/index.ts';
import { createSandbox, type InProcessSandbox } from '../../src/sandbox/in-process.ts';
import { limits } from '../../src/contract/spec.ts';
import { demoKeys, demoTeams, fixtures } from '../helpers/sandbox.ts';

const open: InProcessSandbox[] = [];
afterEach(async () => {
  for (const sandbox of open.splice(0)) await sandbox.close();
});

async function sandboxWithClient(key = demoKeys.acme) {
  const sandbox = await createSandbox();
  open.push(sandbox);
  const client = createSnippetsClient({ baseUrl: 'http://sandbox.test', apiKey: key, fetch: sandbox.fetch, retry: false });
  return { sandbox, client };
}

const acmeQuota = fixtures.workspaces.find((w) => w.id === fixtures.apiKeys.find((k) => k.key === demoKeys.acme)!.workspaceId)!.remainingRequests;

describe('createSandbox() in-process', () => {
  it('serves the typed client: a create, a read, a typed 404, the quota charged', async () => {
    const { client } = await sandboxWithClient();
    const created = await client.POST('/api/prompts/snippet', { body: { title: 'In-process', content: { type: 'plaintext', content: 'hi' }, teamId: demoTeams.platform } });
    expect(created.response?.status).toBe(201);
    const id = created.data!.data.id;
    const read = await client.GET('/api/prompts/snippet', { params: { query: { id } } });
    expect(read.data!.data.title).toBe('In-process');
    expect(read.data!.usage.remainingRequests).toBe(acmeQuota - 2);
    const missing = await client.GET('/api/prompts/snippet', { params: { query: { id: '00000000-0000-4000-8000-000000000000' } } });
    expect(missing.response?.status).toBe(404);
    expect((missing.error as { code?: string } | undefined)?.code).toBe('SNIPPET_NOT_FOUND');
  });

  it('/health names the memory store', async () => {
    const { client } = await sandboxWithClient();
    const health = await client.GET('/health');
    expect([health.response?.status, health.data?.data.store]).toEqual([200, 'memory']);
  });

  it('answers 429 after the rate limit, and reset() gives back quota and the window', async () => {
    const { sandbox, client } = await sandboxWithClient();
    let status = 0;
    for (let sent = 0; sent <= limits.rateLimitPerMinute && status !== 429; sent++) status = (await client.GET('/api/prompts/tags')).response?.status ?? 0;
    expect(status).toBe(429);
    await sandbox.reset();
    const after = await client.GET('/api/prompts/tags');
    expect(after.response?.status).toBe(200);
    // The full quota, less what this one call cost (one per tag listed).
    expect(after.data!.usage.remainingRequests).toBe(acmeQuota - after.data!.usage.usageDeducted);
  });

  it('snapshot() and restore() give back exactly the state', async () => {
    const { sandbox, client } = await sandboxWithClient();
    const kept = (await client.POST('/api/prompts/tag', { body: { tagName: 'kept', teamId: demoTeams.platform } })).data!.data;
    const snapshot = await sandbox.snapshot();
    const later = (await client.POST('/api/prompts/tag', { body: { tagName: 'later', teamId: demoTeams.platform } })).data!.data;
    await sandbox.restore(snapshot);
    // Before any read: reads charge the quota, which is part of the state.
    expect(await sandbox.snapshot()).toEqual(snapshot);
    expect((await client.GET('/api/prompts/tag', { params: { query: { id: kept.id } } })).response?.status).toBe(200);
    expect((await client.GET('/api/prompts/tag', { params: { query: { id: later.id } } })).response?.status).toBe(404);
  });

  it('bundles for a browser: nothing of Node, no native module', async () => {
    const result = await build({
      entryPoints: [new URL('../../src/sandbox/in-process.ts', import.meta.url).pathname],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((file) => file.includes('in-process.ts'))).toBe(true);
    for (const file of inputs) expect(file).not.toMatch(/better-sqlite3|fastify|^node:/);
  });
});
