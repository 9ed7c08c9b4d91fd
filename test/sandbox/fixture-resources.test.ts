// Folders, tags and snippets with fixed ids in a fixtures file
// (core/fixture-resources.ts): checked against the spec's own create
// bodies and against the rest of the file; made at start and at every reset,
// on every store; at a start on a database that has them, left as they are,
// a deleted one left deleted; never charged to the quota.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { keyPattern } from '../../src/contract/spec.ts';
import { checkFixtures, FixturesError, type Fixtures } from '../../src/fixtures/fixtures.ts';
import { createSandbox, type InProcessSandbox } from '../../src/sandbox/in-process.ts';
import { createSandboxServer, type Sandbox } from '../../src/sandbox/server.ts';
import { ContractClient, demoKeys, fixtures, fixturesFile, startSandbox } from '../helpers/sandbox.ts';

const snippet = fixtures.snippets![0]!;
const [parentFolder, childFolder] = fixtures.folders!;
const tag = fixtures.tags![0]!;
const acmeQuota = fixtures.workspaces.find((w) => w.id === fixtures.apiKeys.find((k) => k.key === demoKeys.acme)!.workspaceId)!.remainingRequests;

/** The fixtures' check of a copy of the demo fixtures changed by `edit`: its message, or 'ok'. */
function verdict(edit: (copy: Fixtures) => void): string {
  const copy = structuredClone(fixtures);
  edit(copy);
  try {
    checkFixtures(copy, 'fixtures.json', keyPattern);
    return 'ok';
  } catch (error) {
    if (!(error instanceof FixturesError)) throw error;
    return error.message;
  }
}

describe('the check of a fixtures file names what is wrong with a resource', () => {
  it('accepts the demo fixtures, and a file without resources', () => {
    expect(verdict(() => {})).toBe('ok');
    expect(verdict((f) => ['folders', 'tags', 'snippets'].forEach((list) => delete f[list as 'folders']))).toBe('ok');
  });

  it('a body the create operation would refuse, by openapi.yaml', () => {
    expect(verdict((f) => (f.snippets![0]!.title = 'x'.repeat(5000)))).toMatch(/^fixtures\.json: snippets\[0\]\.title .*openapi\.yaml/);
    expect(verdict((f) => Object.assign(f.tags![0]!, { colour: 'red' }))).toMatch(/tags\[0\] has an unknown field "colour"/);
    expect(verdict((f) => delete (f.folders![0] as Record<string, unknown>).folderName)).toMatch(/folders\[0\] .*folderName/);
    expect(verdict((f) => delete (f.snippets![0] as Record<string, unknown>).id)).toMatch(/snippets\[0\] lacks "id"/);
  });

  it('a team, parent, folder or tag that is not in the file (or not before it, or of another team)', () => {
    const other = fixtures.teams.find((t) => t.id !== snippet.teamId)!.id;
    expect(verdict((f) => (f.folders![0]!.teamId = '00000000-0000-4000-8000-000000000000'))).toMatch(/folders\[0\]\.teamId .* is not a team of the file/);
    expect(verdict((f) => f.folders!.reverse())).toMatch(/folders\[0\]\.parentFolderId .* not one of the folders listed before it/);
    expect(verdict((f) => (f.snippets![0]!.folderId = '00000000-0000-4000-8000-000000000000'))).toMatch(/snippets\[0\]\.folderId .* is not a folder of the file/);
    expect(verdict((f) => (f.snippets![0]!.teamId = other))).toMatch(/snippets\[0\]\.folderId .* in team/);
    expect(verdict((f) => (f.snippets![0]!.tagIds = ['00000000-0000-4000-8000-000000000000']))).toMatch(/snippets\[0\]\.tagIds\[0\] .* is not a tag of the file/);
  });

  it('an id used twice in the file, or more variation ids than variations', () => {
    expect(verdict((f) => (f.tags![1]!.id = f.folders![0]!.id))).toMatch(/tags\[1\]\.id .* is used twice/);
    expect(verdict((f) => f.snippets![0]!.variationIds!.push('00000000-0000-4000-8000-000000000001'))).toMatch(/variationIds names 3 ids for 2 variations/);
    expect(verdict((f) => (f.snippets![0]!.variationIds = [snippet.id]))).toMatch(/variationIds\[0\] .* is used twice/);
  });
});

describe('the sandbox makes them', () => {
  const open: InProcessSandbox[] = [];
  afterEach(async () => {
    for (const sandbox of open.splice(0)) await sandbox.close();
  });
  const get = async (sandbox: InProcessSandbox, path: string) => {
    const response = await sandbox.fetch(new Request(`http://sandbox.test${path}`, { headers: { authorization: `Bearer ${demoKeys.acme}` } }));
    return { status: response.status, body: await response.json() };
  };

  it('with their ids, fields, folder, tags and variations, at no cost to the quota', async () => {
    const sandbox = await createSandbox();
    open.push(sandbox);
    const read = await get(sandbox, `/api/prompts/snippet?id=${snippet.id}`);
    expect(read.status).toBe(200);
    expect(read.body.data).toMatchObject({ id: snippet.id, title: snippet.title, note: snippet.note, shortcut: snippet.shortcut, folderId: snippet.folderId, tagIds: snippet.tagIds });
    expect(read.body.data.variations.map((v: { id: string; variationName: string }) => [v.id, v.variationName])).toEqual([
      [snippet.variationIds![0], 'Default'],
      [snippet.variationIds![1], snippet.additionalVariations![0]!.variationName],
    ]);
    // The first request of the workspace pays its own cost only.
    expect(read.body.usage.remainingRequests).toBe(acmeQuota - read.body.usage.usageDeducted);
    const folder = await get(sandbox, `/api/prompts/folder?id=${childFolder!.id}`);
    expect(folder.body.data.folder).toMatchObject({ folderName: childFolder!.folderName, parentFolderId: parentFolder!.id, folderColor: childFolder!.folderColor });
    expect((await get(sandbox, `/api/prompts/tag?id=${tag.id}`)).body.data.tag).toMatchObject({ tagName: tag.tagName, tagColor: tag.tagColor });
  });

  it('back after a reset, once deleted', async () => {
    const sandbox = await createSandbox();
    open.push(sandbox);
    const removed = await sandbox.fetch(
      new Request(`http://sandbox.test/api/prompts/snippet?id=${snippet.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${demoKeys.acme}` } }),
    );
    expect(removed.status).toBe(200);
    expect((await get(sandbox, `/api/prompts/snippet?id=${snippet.id}`)).status).not.toBe(200);
    await sandbox.reset();
    expect((await get(sandbox, `/api/prompts/snippet?id=${snippet.id}`)).status).toBe(200);
  });

  it('from fixtures loaded by a reset, and a reset with a wrong resource changes nothing', async () => {
    const sandbox = await createSandbox();
    open.push(sandbox);
    const next = structuredClone(fixtures);
    next.tags!.push({ id: '00000000-0000-4000-8000-00000000beef', teamId: tag.teamId, tagName: 'loaded' });
    await sandbox.reset({ fixtures: next });
    expect((await get(sandbox, '/api/prompts/tag?id=00000000-0000-4000-8000-00000000beef')).body.data.tag.tagName).toBe('loaded');
    const wrong = structuredClone(next);
    wrong.tags![0]!.tagName = '';
    await expect(sandbox.reset({ fixtures: wrong })).rejects.toThrow(/tags\[0\]\.tagName/);
    expect((await get(sandbox, '/api/prompts/tag?id=00000000-0000-4000-8000-00000000beef')).status).toBe(200);
  });
});

describe('a start on a database that has them leaves them as they are', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fixture-resources-'));
  let sandbox: Sandbox | undefined;
  afterAll(async () => {
    await sandbox?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a changed one keeps its change, a deleted one stays deleted; a reset brings them back', async () => {
    // On a SQLite file here, whatever store the suite is re-run on: this is about a second start on the same data.
    const db = join(dir, 'sandbox.db');
    const start = async () => (await createSandboxServer({ db, port: 0, host: '127.0.0.1', logLevel: 'silent', admin: true, fixtures: fixturesFile(() => {}) })).listen();
    sandbox = await start();
    let api = new ContractClient(sandbox.url, demoKeys.acme);
    expect((await api.send('updateSnippet', 'PUT', '/api/prompts/snippet', { query: { id: snippet.id }, body: { title: 'Changed' } })).status).toBe(200);
    expect((await api.send('deleteTag', 'DELETE', '/api/prompts/tag', { query: { id: tag.id } })).status).toBe(200);
    await sandbox.close();

    sandbox = await start();
    api = new ContractClient(sandbox.url, demoKeys.acme);
    expect((await api.send('getSnippet', 'GET', '/api/prompts/snippet', { query: { id: snippet.id } })).body.data.title).toBe('Changed');
    expect((await api.send('getTag', 'GET', '/api/prompts/tag', { query: { id: tag.id } })).status).not.toBe(200);

    expect((await fetch(`${sandbox.url}/__sandbox/reset`, { method: 'POST' })).status).toBe(200);
    expect((await api.send('getSnippet', 'GET', '/api/prompts/snippet', { query: { id: snippet.id } })).body.data.title).toBe(snippet.title);
    expect((await api.send('getTag', 'GET', '/api/prompts/tag', { query: { id: tag.id } })).status).toBe(200);
  });

  it('runs on the store of the suite too: the demo resources are there', async () => {
    const other = await startSandbox();
    try {
      const read = await new ContractClient(other.url, demoKeys.acme).send('getSnippet', 'GET', '/api/prompts/snippet', { query: { id: snippet.id } });
      expect(read.status).toBe(200);
    } finally {
      await other.close();
    }
  });
});
