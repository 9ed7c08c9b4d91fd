// getSnippet answers from memory once a snippet was read (src/sandbox/sqlite/snippet-reads.ts).
// These tests read a snippet, change it (or what it refers to) in every way
// the API allows, and check that the next getSnippet shows the change: it
// must equal getSnippets' answer, which always reads the database.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { ContractClient, demoKeys, demoTeams, fixturesFile, startRoomySandbox, startSandbox } from '../helpers/sandbox.ts';

const content = (text: string) => ({ type: 'plaintext', content: text });
let sandbox: Sandbox;
let api: ContractClient;
const team = demoTeams.platform;

beforeAll(async () => {
  ({ sandbox, api } = await startRoomySandbox());
});
afterAll(() => sandbox?.close());

async function ok(operationId: string, method: string, path: string, init: { query?: Record<string, string>; body?: unknown } = {}) {
  const answer = await api.send(operationId, method, path, init);
  expect(answer.status, JSON.stringify(answer.body)).toBeLessThan(300);
  return answer.body;
}
const create = async (path: string, operationId: string, body: unknown) => (await ok(operationId, 'POST', path, { body })).data;
const getSnippet = (id: string) => api.send('getSnippet', 'GET', '/api/prompts/snippet', { query: { id } });
/** The snippet as the database holds it now: getSnippets reads it, never the cache. */
const stored = async (id: string) => (await ok('getSnippets', 'GET', '/api/prompts/snippets', { query: { ids: id } })).data[0];

/** A filed, tagged snippet with two variations, read once so that it is cached. */
async function cachedSnippet() {
  const folder = await create('/api/prompts/folder', 'createFolder', { folderName: 'F', teamId: team });
  const tags = [await create('/api/prompts/tag', 'createTag', { tagName: 'a', teamId: team }), await create('/api/prompts/tag', 'createTag', { tagName: 'b', teamId: team })];
  const snippet = await create('/api/prompts/snippet', 'createSnippet', {
    title: 'Cached',
    content: content('one'),
    teamId: team,
    folderId: folder.id,
    tagIds: tags.map((t: { id: string }) => t.id),
    additionalVariations: [{ variationName: 'Two', content: content('two') }],
  });
  expect((await getSnippet(snippet.id)).body.data).toEqual(snippet);
  return { snippet, folder, tags };
}

/** getSnippet shows exactly what the database holds, with metadata to match. */
async function expectFresh(id: string) {
  const expected = await stored(id);
  const answer = await getSnippet(id);
  expect(answer.status).toBe(200);
  expect(answer.body.data).toEqual(expected);
  expect(answer.body.metadata).toEqual({ totalVariations: expected.variations.length, tagsAttached: expected.tagIds.length });
  return answer.body.data;
}

describe('a snippet read from memory', () => {
  const writes: Array<[string, (s: Awaited<ReturnType<typeof cachedSnippet>>) => Promise<unknown>]> = [
    ['updateSnippet (fields and tags)', ({ snippet, tags }) => ok('updateSnippet', 'PUT', '/api/prompts/snippet', { query: { id: snippet.id }, body: { title: 'New', note: 'n', tagIds: [tags[1].id] } })],
    ['createVariation', ({ snippet }) => ok('createVariation', 'POST', '/api/prompts/snippet/variation', { query: { snippetId: snippet.id }, body: { variationName: 'Three', content: content('3') } })],
    ['updateVariation', ({ snippet }) => ok('updateVariation', 'PUT', '/api/prompts/snippet/variation', { query: { variationId: snippet.variations[1].id }, body: { content: content('changed') } })],
    ['deleteVariations', ({ snippet }) => ok('deleteVariations', 'DELETE', '/api/prompts/snippet/variation', { query: { snippetId: snippet.id, variationIds: snippet.variations[1].id } })],
    ['deleteFolder (the snippet is unfiled)', ({ folder }) => ok('deleteFolder', 'DELETE', '/api/prompts/folder', { query: { id: folder.id } })],
    ['deleteFolders', ({ folder }) => ok('deleteFolders', 'DELETE', '/api/prompts/folders', { query: { ids: folder.id } })],
    ['deleteTag (the tag is detached)', ({ tags }) => ok('deleteTag', 'DELETE', '/api/prompts/tag', { query: { id: tags[0].id } })],
    ['deleteTags', ({ tags }) => ok('deleteTags', 'DELETE', '/api/prompts/tags', { query: { ids: `${tags[0].id},${tags[1].id}` } })],
  ];

  for (const [name, write] of writes) {
    it(`shows the change after ${name}`, async () => {
      const made = await cachedSnippet();
      const before = (await getSnippet(made.snippet.id)).body.data;
      await write(made);
      const after = await expectFresh(made.snippet.id);
      expect(after).not.toEqual(before);
    });
  }

  it('is gone after deleteSnippet and deleteSnippets', async () => {
    for (const remove of [
      (id: string) => ok('deleteSnippet', 'DELETE', '/api/prompts/snippet', { query: { id } }),
      (id: string) => ok('deleteSnippets', 'DELETE', '/api/prompts/snippets', { query: { ids: id } }),
    ]) {
      const { snippet } = await cachedSnippet();
      await remove(snippet.id);
      const answer = await getSnippet(snippet.id);
      expect([answer.status, answer.body.code]).toEqual([404, 'RESOURCE_DELETED']);
    }
  });

  it('still charges the quota and reports what remains, on every read', async () => {
    const { snippet } = await cachedSnippet();
    const remaining = [];
    for (let i = 0; i < 3; i++) remaining.push((await getSnippet(snippet.id)).body.usage);
    const left = (remaining[0].remainingRequests as number) - 1;
    expect(remaining).toEqual([remaining[0], { remainingRequests: left, usageDeducted: 1 }, { remainingRequests: left - 1, usageDeducted: 1 }]);
    const inDb = sandbox.db.prepare('SELECT remaining_requests AS r FROM workspaces WHERE id = (SELECT workspace_id FROM teams WHERE id = ?)').get(team) as { r: number };
    expect(inDb.r).toBe(left - 1);
  });

  it('is refused to keys that may not see it, as if it were not cached', async () => {
    const { snippet } = await cachedSnippet();
    const otherWorkspace = await api.send('getSnippet', 'GET', '/api/prompts/snippet', { query: { id: snippet.id }, key: demoKeys.globex });
    expect([otherWorkspace.status, otherWorkspace.body.code]).toEqual([404, 'SNIPPET_NOT_FOUND']);
  });

  it('shows a write that another process commits to the same database file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'snippet-reads-'));
    const file = join(dir, 'sandbox.db');
    const own = await startSandbox({ db: file, fixtures: fixturesFile(() => {}) });
    try {
      const client = new ContractClient(own.url, demoKeys.acme);
      const made = await client.send('createSnippet', 'POST', '/api/prompts/snippet', { body: { title: 'Mine', content: content('x'), teamId: team } });
      const id = made.body.data.id as string;
      expect((await client.send('getSnippet', 'GET', '/api/prompts/snippet', { query: { id } })).body.data.title).toBe('Mine');
      const other = new Database(file);
      other.prepare('UPDATE snippets SET title = ? WHERE id = ?').run('Theirs', id);
      other.close();
      expect((await client.send('getSnippet', 'GET', '/api/prompts/snippet', { query: { id } })).body.data.title).toBe('Theirs');
    } finally {
      await own.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
