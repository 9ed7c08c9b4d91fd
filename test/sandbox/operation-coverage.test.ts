// Every (operation, status) pair that openapi.yaml documents is produced here
// against the real sandbox, and every answer is checked with the generated
// validators (ContractClient). The last test lists any pair no test produced.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, type OperationInfo } from '../../src/sandbox/contract.ts';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { ContractClient, demoKeys, demoTeams, fixturesFile, startSandbox, type Answer } from '../helpers/sandbox.ts';

interface Request {
  query?: Record<string, string>;
  body?: unknown;
}

let sandbox: Sandbox;
let api: ContractClient;
const ops = new Map(contract().operations.map((op) => [op.operationId, op]));
const content = { type: 'plaintext', content: 'Hello' };
const unique = (name: string) => `${name} ${randomUUID().slice(0, 8)}`;

const call = (operationId: string, request: Request & { headers?: Record<string, string>; key?: string | null; rawBody?: string } = {}) => {
  const op = ops.get(operationId)!;
  return api.send(operationId, op.method, op.path, request);
};
const created = async (operationId: string, request: Request) => {
  const answer = await call(operationId, request);
  expect(answer.status, JSON.stringify(answer.body)).toBeLessThan(300);
  return answer.body.data;
};

const newSnippet = () => created('createSnippet', { body: { title: unique('Snippet'), content, teamId: demoTeams.platform, additionalVariations: [{ variationName: 'Formal', content }] } });
const newFolder = () => created('createFolder', { body: { folderName: unique('Folder'), teamId: demoTeams.platform } });
const newTag = () => created('createTag', { body: { tagName: unique('Tag'), teamId: demoTeams.platform } });

/** A request each operation answers with its success status. */
const happy: Record<string, () => Promise<Request>> = {
  getHealth: async () => ({}),
  getSnippet: async () => ({ query: { id: (await newSnippet()).id } }),
  createSnippet: async () => ({ body: { title: unique('Snippet'), content, teamId: demoTeams.platform } }),
  updateSnippet: async () => ({ query: { id: (await newSnippet()).id }, body: { title: unique('Renamed') } }),
  deleteSnippet: async () => ({ query: { id: (await newSnippet()).id } }),
  getSnippets: async () => ({ query: { ids: [(await newSnippet()).id, randomUUID()].join(',') } }),
  createSnippets: async () => ({ body: { snippets: [{ title: unique('A'), content, teamId: demoTeams.platform }] } }),
  deleteSnippets: async () => ({ query: { ids: (await newSnippet()).id } }),
  getVariation: async () => {
    const snippet = await newSnippet();
    return { query: { snippetId: snippet.id, variationId: snippet.variations[1].id } };
  },
  createVariation: async () => ({ query: { snippetId: (await newSnippet()).id }, body: { variationName: unique('V'), content } }),
  updateVariation: async () => ({ query: { variationId: (await newSnippet()).variations[1].id }, body: { content } }),
  deleteVariations: async () => {
    const snippet = await newSnippet();
    return { query: { snippetId: snippet.id, variationIds: snippet.variations[1].id } };
  },
  getVariationHistory: async () => ({ query: { variationId: (await newSnippet()).variations[0].id } }),
  getFolder: async () => ({ query: { id: (await newFolder()).id } }),
  createFolder: async () => ({ body: { folderName: unique('Folder'), teamId: demoTeams.platform } }),
  updateFolder: async () => ({ query: { id: (await newFolder()).id }, body: { folderColor: '#10B981' } }),
  deleteFolder: async () => ({ query: { id: (await newFolder()).id } }),
  getFolders: async () => ({ query: { teamId: demoTeams.platform } }),
  createFolders: async () => ({ body: { folders: [{ folderName: unique('F'), teamId: demoTeams.platform }] } }),
  updateFolders: async () => ({ body: { folders: [{ id: (await newFolder()).id, folderName: unique('F') }] } }),
  deleteFolders: async () => ({ query: { ids: (await newFolder()).id } }),
  getTag: async () => ({ query: { id: (await newTag()).id } }),
  createTag: async () => ({ body: { tagName: unique('Tag'), teamId: demoTeams.platform } }),
  updateTag: async () => ({ query: { id: (await newTag()).id }, body: { tagColor: '#EF4444' } }),
  deleteTag: async () => ({ query: { id: (await newTag()).id } }),
  getTags: async () => ({}),
  createTags: async () => ({ body: { tags: [{ tagName: unique('T'), teamId: demoTeams.platform }] } }),
  updateTags: async () => ({ body: { tags: [{ id: (await newTag()).id, tagName: unique('T') }] } }),
  deleteTags: async () => ({ query: { ids: (await newTag()).id } }),
};

/** Batch writes where one item succeeds and one fails on something only the server can know. */
const partial: Record<string, () => Promise<Request>> = {
  createSnippets: async () => ({
    body: { snippets: [{ title: 'ok', content, teamId: demoTeams.platform }, { title: 'no', content, teamId: demoTeams.legal }] },
  }),
  createFolders: async () => ({
    body: { folders: [{ folderName: 'ok', teamId: demoTeams.platform }, { folderName: 'no', teamId: demoTeams.platform, parentFolderId: randomUUID() }] },
  }),
  updateFolders: async () => ({ body: { folders: [{ id: (await newFolder()).id, folderName: 'ok' }, { id: randomUUID(), folderName: 'no' }] } }),
  createTags: async () => ({ body: { tags: [{ tagName: 'ok', teamId: demoTeams.platform }, { tagName: 'no', teamId: randomUUID() }] } }),
  updateTags: async () => ({ body: { tags: [{ id: (await newTag()).id, tagName: 'ok' }, { id: randomUUID(), tagName: 'no' }] } }),
};

/** Requests that name something that does not exist. */
const missing: Record<string, () => Promise<Request>> = {
  createSnippet: async () => ({ body: { title: 'x', content, teamId: demoTeams.platform, folderId: randomUUID() } }),
  createFolder: async () => ({ body: { folderName: 'x', teamId: demoTeams.platform, parentFolderId: randomUUID() } }),
  createTag: async () => ({ body: { tagName: 'x', teamId: demoTeams.platform, parentTagId: randomUUID() } }),
};

async function missingRequest(op: OperationInfo): Promise<Request> {
  if (missing[op.operationId]) return missing[op.operationId]!();
  const request = await happy[op.operationId]!();
  const query = Object.fromEntries(Object.entries(request.query ?? {}).map(([name]) => [name, randomUUID()]));
  return { ...request, query };
}

async function expectStatus(op: OperationInfo, status: number, send: () => Promise<Answer>): Promise<Answer> {
  const answer = await send();
  expect(answer.status, `${op.operationId}: ${JSON.stringify(answer.body)}`).toBe(status);
  return answer;
}

beforeAll(async () => {
  // High per-key limits: this file is about every status, not about limits.
  const file = fixturesFile((f) => f.apiKeys.forEach((k) => (k.rateLimitPerMinute = 1_000_000)));
  sandbox = await startSandbox({ fixtures: file, blockThreshold: 1_000_000 });
  api = new ContractClient(sandbox.url, demoKeys.acme);
});

afterAll(() => sandbox?.close());

describe.each([...ops.values()].map((op) => [op.operationId, op] as const))('%s', (_id, op) => {
  const documented = [...op.statuses].sort();

  it.runIf(documented.some((s) => s < 300 && s !== 207))('answers its success status', async () => {
    const answer = await call(op.operationId, await happy[op.operationId]!());
    expect(documented).toContain(answer.status);
    expect(answer.status).toBeLessThan(300);
  });

  it.runIf(op.statuses.has(207))('answers 207 BATCH_PARTIAL_FAILURE when some items fail', async () => {
    const answer = await expectStatus(op, 207, async () => call(op.operationId, await partial[op.operationId]!()));
    expect(answer.body.code).toBe('BATCH_PARTIAL_FAILURE');
    expect(answer.body.metadata).toMatchObject({ requestedCount: 2, succeededCount: 1, failedCount: 1 });
    expect(answer.body.data.errors).toEqual([expect.objectContaining({ index: 1 })]);
    expect(answer.body.usage.usageDeducted).toBe(1);
  });

  it.runIf(op.statuses.has(400))('answers 400 for an unknown query parameter', async () => {
    const answer = await expectStatus(op, 400, async () => call(op.operationId, { ...(await happy[op.operationId]!()), query: { bogus: '1' } }));
    expect(answer.body.details).toEqual(expect.arrayContaining([{ field: 'bogus', issue: 'is not a known field' }]));
  });

  it.runIf(op.statuses.has(401))('answers 401 without a key', async () => {
    await expectStatus(op, 401, () => call(op.operationId, { key: null }));
  });

  it.runIf(op.statuses.has(403))('answers 403 for a workspace whose subscription lapsed', async () => {
    const answer = await expectStatus(op, 403, () => call(op.operationId, { key: demoKeys.lapsed }));
    expect(answer.body.code).toBe('SUBSCRIPTION_INACTIVE');
  });

  it.runIf(op.statuses.has(404))('answers 404 for an id that does not exist', async () => {
    await expectStatus(op, 404, async () => call(op.operationId, await missingRequest(op)));
  });

  it.runIf(op.statuses.has(409) && op.operationId === 'deleteVariations')('answers 409 when it would remove the last variation', async () => {
    const snippet = await newSnippet();
    const all = snippet.variations.map((v: { id: string }) => v.id).join(',');
    const answer = await expectStatus(op, 409, () => call(op.operationId, { query: { snippetId: snippet.id, variationIds: all } }));
    expect(answer.body.code).toBe('VARIATION_LAST_REMAINING');
  });

  it.runIf(op.statuses.has(409) && op.operationId === 'createVariation')('answers 409 when the snippet holds the most variations it may', async () => {
    const snippet = await newSnippet();
    const { maxVariationsPerSnippet } = contract().limits;
    for (let n = snippet.variations.length; n < maxVariationsPerSnippet; n++) await created('createVariation', { query: { snippetId: snippet.id }, body: { variationName: `V${n}`, content } });
    const answer = await expectStatus(op, 409, () => call(op.operationId, { query: { snippetId: snippet.id }, body: { variationName: 'One too many', content } }));
    expect(answer.body.code).toBe('VARIATION_LIMIT_REACHED');
    expect((await call('getSnippet', { query: { id: snippet.id } })).body.data.variations).toHaveLength(maxVariationsPerSnippet);
  });

  it.runIf(op.statuses.has(413))('answers 413 for a body over the limit', async () => {
    const request = await happy[op.operationId]!();
    await expectStatus(op, 413, () => call(op.operationId, { ...request, rawBody: JSON.stringify({ pad: 'x'.repeat(1_100_000) }), headers: { 'content-type': 'application/json' } }));
  });

  it.runIf(op.statuses.has(415))('answers 415 for a body that is not JSON', async () => {
    const request = await happy[op.operationId]!();
    await expectStatus(op, 415, () => call(op.operationId, { ...request, rawBody: 'title=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } }));
  });

  it.runIf(op.statuses.has(422))('answers 422 when an Idempotency-Key is reused with another body', async () => {
    const headers = { 'idempotency-key': randomUUID() };
    const first = await call(op.operationId, { ...(await happy[op.operationId]!()), headers });
    expect(first.status).toBeLessThan(300);
    const again = await expectStatus(op, 422, async () => call(op.operationId, { ...(await happy[op.operationId]!()), headers }));
    expect(again.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  for (const injected of [429, 500, 503].filter((s) => op.statuses.has(s))) {
    it(`answers ${injected} when asked to through Prefer`, async () => {
      const answer = await expectStatus(op, injected, () => call(op.operationId, { headers: { prefer: `code=${injected}` } }));
      if (op.retryAfterStatuses.has(injected)) expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
    });
  }
});

describe('coverage', () => {
  it('produced every documented (operation, status) pair', () => {
    const documented = [...ops.values()].flatMap((op) => [...op.statuses].map((status) => `${op.operationId} ${status}`));
    expect(documented.length).toBeGreaterThan(250);
    expect(documented.filter((pair) => !api.seen.has(pair))).toEqual([]);
  });
});
