import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { type ContractClient, demoTeams, startRoomySandbox } from '../helpers/sandbox.ts';

const content = (text: string) => ({ type: 'plaintext', content: text });
let sandbox: Sandbox;
let api: ContractClient;
const team = demoTeams.platform;

beforeAll(async () => {
  ({ sandbox, api } = await startRoomySandbox());
});
afterAll(() => sandbox?.close());

const post = async (operationId: string, path: string, body: unknown, query?: Record<string, string>) => {
  const answer = await api.send(operationId, 'POST', path, { body, ...(query && { query }) });
  expect(answer.status, JSON.stringify(answer.body)).toBeLessThan(300);
  return answer.body.data;
};
const folder = (folderName: string, parentFolderId: string | null = null) => post('createFolder', '/api/prompts/folder', { folderName, teamId: team, parentFolderId });
const tag = (tagName: string) => post('createTag', '/api/prompts/tag', { tagName, teamId: team });
const snippet = (title: string, extra: Record<string, unknown> = {}) => post('createSnippet', '/api/prompts/snippet', { title, content: content(title), teamId: team, ...extra });

describe('snippets', () => {
  it('are created with their content as the first variation, filed and tagged', async () => {
    const f = await folder('Replies');
    const t = await tag('billing');
    const s = await snippet('Refund', { folderId: f.id, tagIds: [t.id], additionalVariations: [{ variationName: 'Formal', content: content('Dear...') }] });
    expect(s).toMatchObject({ folderId: f.id, tagIds: [t.id], note: null });
    expect(s.variations.map((v: any) => [v.variationName, v.orderIndex])).toEqual([['Default', 0], ['Formal', 1]]);
  });

  it('refuse a folder or tag of another team', async () => {
    const other = (await api.send('createFolder', 'POST', '/api/prompts/folder', { body: { folderName: 'Support stuff', teamId: demoTeams.support } })).body.data;
    const answer = await api.send('createSnippet', 'POST', '/api/prompts/snippet', { body: { title: 'x', content: content('x'), teamId: team, folderId: other.id } });
    expect([answer.status, answer.body.code]).toEqual([404, 'FOLDER_NOT_FOUND']);
  });

  it('are updated partially', async () => {
    const s = await snippet('Before', { note: 'keep me' });
    const answer = await api.send('updateSnippet', 'PUT', '/api/prompts/snippet', { query: { id: s.id }, body: { title: 'After' } });
    expect(answer.body.data).toMatchObject({ title: 'After', note: 'keep me' });
  });
});

describe('folders', () => {
  it('nest, and deleting one keeps its snippets unfiled and moves its sub-folders up', async () => {
    const root = await folder('Root');
    const middle = await folder('Middle', root.id);
    const leaf = await folder('Leaf', middle.id);
    const kept = await snippet('Kept', { folderId: middle.id });
    const deleted = await api.send('deleteFolder', 'DELETE', '/api/prompts/folder', { query: { id: middle.id } });
    expect(deleted.body.metadata).toEqual({ unfiledSnippetCount: 1, movedFolderCount: 1 });
    const after = await api.send('getSnippet', 'GET', '/api/prompts/snippet', { query: { id: kept.id } });
    expect(after.body.data.folderId).toBeNull();
    const leafNow = await api.send('getFolder', 'GET', '/api/prompts/folder', { query: { id: leaf.id } });
    expect(leafNow.body.data.folder.parentFolderId).toBe(root.id);
    const gone = await api.send('getFolder', 'GET', '/api/prompts/folder', { query: { id: middle.id } });
    expect([gone.status, gone.body.code]).toEqual([404, 'RESOURCE_DELETED']);
  });

  it('cannot be moved inside themselves', async () => {
    const a = await folder('A');
    const b = await folder('B', a.id);
    const answer = await api.send('updateFolder', 'PUT', '/api/prompts/folder', { query: { id: a.id }, body: { parentFolderId: b.id } });
    expect([answer.status, answer.body.code]).toEqual([400, 'PARAMETER_INVALID']);
  });

  it('list with their snippets, and cost one per folder and per snippet', async () => {
    const answer = await api.send('getFolders', 'GET', '/api/prompts/folders', { query: { teamId: team } });
    const snippets = answer.body.data.reduce((n: number, f: any) => n + f.snippets.length, 0);
    expect(answer.body.metadata).toEqual({ folderCount: answer.body.data.length, snippetCount: snippets, hasMore: false, nextCursor: null });
    expect(answer.body.usage.usageDeducted).toBe(answer.body.data.length + snippets);
  });
});

describe('tags', () => {
  it('deleting one takes it off its snippets and keeps them', async () => {
    const t = await tag('temporary');
    const s = await snippet('Tagged', { tagIds: [t.id] });
    const detail = await api.send('getTag', 'GET', '/api/prompts/tag', { query: { id: t.id } });
    expect(detail.body.data.snippets.map((x: any) => x.id)).toEqual([s.id]);
    await api.send('deleteTag', 'DELETE', '/api/prompts/tag', { query: { id: t.id } });
    const after = await api.send('getSnippet', 'GET', '/api/prompts/snippet', { query: { id: s.id } });
    expect(after.body.data.tagIds).toEqual([]);
  });
});

describe('variations', () => {
  it('record their history on every change, newest first', async () => {
    const s = await snippet('History');
    const variationId = s.variations[0].id;
    await api.send('updateVariation', 'PUT', '/api/prompts/snippet/variation', { query: { variationId }, body: { content: content('v2') } });
    await api.send('updateVariation', 'PUT', '/api/prompts/snippet/variation', { query: { variationId }, body: { variationName: 'Renamed' } });
    const extra = await post('createVariation', '/api/prompts/snippet/variation', { variationName: 'Extra', content: content('e') }, { snippetId: s.id });
    await api.send('deleteVariations', 'DELETE', '/api/prompts/snippet/variation', { query: { snippetId: s.id, variationIds: variationId } });
    const history = await api.send('getVariationHistory', 'GET', '/api/prompts/snippet/variation/history', { query: { variationId } });
    expect(history.body.data.map((h: any) => [h.change, h.variationName, h.content.content])).toEqual([
      ['deleted', 'Renamed', 'v2'],
      ['updated', 'Renamed', 'v2'],
      ['updated', 'Default', 'v2'],
      ['created', 'Default', 'History'],
    ]);
    expect(history.body.metadata).toEqual({ hasMore: false, nextCursor: null, totalRecords: 4 });
    const limited = await api.send('getVariationHistory', 'GET', '/api/prompts/snippet/variation/history', { query: { variationId, limit: '2' } });
    expect([limited.body.data.length, limited.body.metadata.hasMore, limited.body.usage.usageDeducted]).toEqual([2, true, 2]);
    expect(extra.orderIndex).toBe(1);
  });

  it('are told apart: not found, of another snippet, last remaining', async () => {
    const a = await snippet('A');
    const b = await snippet('B');
    const get = (snippetId: string, variationId: string) => api.send('getVariation', 'GET', '/api/prompts/snippet/variation', { query: { snippetId, variationId } });
    expect((await get(a.id, randomUUID())).body.code).toBe('VARIATION_NOT_FOUND');
    expect((await get(a.id, b.variations[0].id)).body.code).toBe('VARIATION_NOT_IN_SNIPPET');
    const last = await api.send('deleteVariations', 'DELETE', '/api/prompts/snippet/variation', { query: { snippetId: a.id, variationIds: a.variations[0].id } });
    expect([last.status, last.body.code]).toEqual([409, 'VARIATION_LAST_REMAINING']);
  });
});

describe('batches', () => {
  const items = (n: number) => Array.from({ length: n }, (_, i) => ({ title: `t${i}`, content: content('x'), teamId: team }));

  it('take up to 100 items and refuse 0 or 101 with their own codes, writing nothing', async () => {
    expect((await api.send('createSnippets', 'POST', '/api/prompts/snippets', { body: { snippets: items(100) } })).status).toBe(201);
    const empty = await api.send('createSnippets', 'POST', '/api/prompts/snippets', { body: { snippets: [] } });
    expect([empty.status, empty.body.code]).toEqual([400, 'BATCH_EMPTY']);
    const tooMany = await api.send('createSnippets', 'POST', '/api/prompts/snippets', { body: { snippets: items(101) } });
    expect([tooMany.status, tooMany.body.code]).toEqual([400, 'BATCH_TOO_LARGE']);
    const ids = Array.from({ length: 101 }, () => randomUUID()).join(',');
    const tooManyIds = await api.send('getSnippets', 'GET', '/api/prompts/snippets', { query: { ids } });
    expect([tooManyIds.status, tooManyIds.body.code]).toEqual([400, 'BATCH_TOO_LARGE']);
  });

  it('reject the whole batch on a schema violation in one item', async () => {
    const bad = [...items(3), { title: 'x'.repeat(201), content: content('x'), teamId: team }];
    const answer = await api.send('createSnippets', 'POST', '/api/prompts/snippets', { body: { snippets: bad } });
    expect([answer.status, answer.body.code, answer.body.details]).toEqual([400, 'FIELD_LENGTH_INVALID', [{ field: 'snippets.3.title', issue: 'must NOT have more than 200 characters' }]]);
  });

  it('report per-item failures in the code/message shape, with counts', async () => {
    const answer = await api.send('createSnippets', 'POST', '/api/prompts/snippets', {
      body: { snippets: [items(1)[0], { ...items(1)[0], tagIds: [randomUUID()] }, { ...items(1)[0], teamId: demoTeams.legal }] },
    });
    expect(answer.status).toBe(207);
    expect(answer.body.data.errors.map((e: any) => [e.index, e.code])).toEqual([[1, 'TAG_NOT_FOUND'], [2, 'TEAM_ACCESS_DENIED']]);
    expect(answer.body.metadata).toEqual({ requestedCount: 3, succeededCount: 1, failedCount: 2 });
  });
});

describe('validation', () => {
  it.each([
    ['a missing field', { content: content('x'), teamId: team }, 'PARAMETER_MISSING', 'title'],
    ['a wrong type', { title: 5, content: content('x'), teamId: team }, 'TYPE_MISMATCH', 'title'],
    ['an over-long field', { title: 'x'.repeat(201), content: content('x'), teamId: team }, 'FIELD_LENGTH_INVALID', 'title'],
    ['an unknown field', { titel: 'x', title: 'x', content: content('x'), teamId: team }, 'FIELD_UNKNOWN', 'titel'],
    ['a malformed uuid', { title: 'x', content: content('x'), teamId: 'team-1' }, 'PARAMETER_INVALID', 'teamId'],
    ['a value outside its enum', { title: 'x', content: { type: 'pdf', content: 'x' }, teamId: team }, 'PARAMETER_INVALID', 'content.type'],
  ])('names %s with its code and field', async (_name, body, code, field) => {
    const answer = await api.send('createSnippet', 'POST', '/api/prompts/snippet', { body });
    expect([answer.status, answer.body.code]).toEqual([400, code]);
    expect(answer.body.details.map((d: any) => d.field)).toContain(field);
  });

  it('answers invalid JSON with BODY_INVALID_JSON', async () => {
    const answer = await api.send('createSnippet', 'POST', '/api/prompts/snippet', { rawBody: '{"title": "x",', headers: { 'content-type': 'application/json' } });
    expect([answer.status, answer.body.code]).toEqual([400, 'BODY_INVALID_JSON']);
  });

  it('answers a missing body with PARAMETER_MISSING', async () => {
    const answer = await api.send('createSnippet', 'POST', '/api/prompts/snippet', {});
    expect([answer.status, answer.body.code]).toEqual([400, 'PARAMETER_MISSING']);
  });
});
