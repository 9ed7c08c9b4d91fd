// Finding 2 of the adversarial review: answers built whole in memory. A
// folder of big snippets read at once took the process down; one snippet
// with hundreds of variations answered tens of MiB for a cost of 1. Every
// collection read now pages (limit + cursor, and a byte budget), and a
// snippet holds a bounded number of variations.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { limits } from '../../generated/limits.js';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { ContractClient, demoTeams, startRoomySandbox, type Answer } from '../helpers/sandbox.ts';

let sandbox: Sandbox;
let api: ContractClient;
let folderId: string;
const bigIds: string[] = [];
const BIG_SNIPPETS = 12;

/** A snippet of about 0.9 MiB: the most content one create request can carry. */
function bigSnippet(n: number, folder: string) {
  const text = (c: string) => ({ type: 'plaintext', content: c.repeat(50_000) });
  return {
    title: `Big ${n}`,
    content: text('a'),
    teamId: demoTeams.platform,
    folderId: folder,
    additionalVariations: Array.from({ length: 17 }, (_, i) => ({ variationName: `V${i}`, content: text(String.fromCharCode(98 + (i % 20))) })),
  };
}

const bytesOf = (answer: Answer) => Buffer.byteLength(JSON.stringify(answer.body));
/** The largest answer a page may give: the budget, or one item over it (a page always holds one). */
const oneSnippetMax = 1.1 * 1024 * 1024;

beforeAll(async () => {
  ({ sandbox, api } = await startRoomySandbox());
  folderId = (await api.send('createFolder', 'POST', '/api/prompts/folder', { body: { folderName: 'Big', teamId: demoTeams.platform } })).body.data.id;
  for (let n = 0; n < BIG_SNIPPETS; n++) {
    const created = await api.send('createSnippet', 'POST', '/api/prompts/snippet', { body: bigSnippet(n, folderId) });
    expect(created.status).toBe(201);
    bigIds.push(created.body.data.id);
  }
}, 120_000);

afterAll(async () => {
  await sandbox?.close();
});

/** Follows nextCursor from the first page; every answer is checked against the contract by ContractClient. */
async function allPages(operationId: string, path: string, query: Record<string, string>, pagesAtMost: number): Promise<Answer[]> {
  const pages: Answer[] = [];
  let cursor: string | undefined;
  for (let n = 0; n < pagesAtMost; n++) {
    const page = await api.send(operationId, 'GET', path, { query: { ...query, ...(cursor && { cursor }) } });
    expect(page.status, JSON.stringify(page.body).slice(0, 300)).toBe(200);
    pages.push(page);
    if (!page.body.metadata.hasMore) return pages;
    cursor = page.body.metadata.nextCursor;
  }
  throw new Error(`${operationId}: still more pages after ${pagesAtMost}`);
}

describe('a folder of big snippets', () => {
  it('is read in pages no larger than the page budget plus one snippet, each snippet once, each page charged its own items', async () => {
    const pages = await allPages('getFolder', '/api/prompts/folder', { id: folderId, limit: '100' }, BIG_SNIPPETS + 1);
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) {
      expect(bytesOf(page)).toBeLessThan(limits.maxPageBytes + oneSnippetMax);
      expect(page.body.usage.usageDeducted).toBe(1 + page.body.data.snippets.length);
      expect(page.body.data.folder.id).toBe(folderId);
    }
    expect(pages.flatMap((p) => p.body.data.snippets.map((s: { id: string }) => s.id))).toEqual(bigIds);
  });

  it('is listed by getFolders and getSnippets in bounded pages too', async () => {
    const folders = await allPages('getFolders', '/api/prompts/folders', { teamId: demoTeams.platform }, BIG_SNIPPETS + 5);
    const snippetIds = folders.flatMap((p) => p.body.data.filter((f: any) => f.folder.id === folderId).flatMap((f: any) => f.snippets.map((s: { id: string }) => s.id)));
    expect(snippetIds).toEqual(bigIds);
    for (const page of folders) expect(bytesOf(page)).toBeLessThan(limits.maxPageBytes + oneSnippetMax);

    const byId = await allPages('getSnippets', '/api/prompts/snippets', { ids: bigIds.join(',') }, BIG_SNIPPETS + 1);
    expect(byId.flatMap((p) => p.body.data.map((s: { id: string }) => s.id))).toEqual(bigIds);
    for (const page of byId) {
      expect(bytesOf(page)).toBeLessThan(limits.maxPageBytes + oneSnippetMax);
      expect(page.body.metadata.accessibleCount).toBe(BIG_SNIPPETS);
    }
  });

  it('read by ten clients at once keeps the process memory bounded', async () => {
    const before = process.memoryUsage().rss;
    const answers = await Promise.all(Array.from({ length: 10 }, () => api.send('getFolder', 'GET', '/api/prompts/folder', { query: { id: folderId, limit: '100' } })));
    const grown = process.memoryUsage().rss - before;
    for (const answer of answers) expect(bytesOf(answer)).toBeLessThan(limits.maxPageBytes + oneSnippetMax);
    // Whole answers would be 10 x ~22 MiB, parsed and serialized several times over; pages are ~1-2 MiB each.
    expect(grown).toBeLessThan(256 * 1024 * 1024);
  });
});

describe('a snippet', () => {
  it(`holds at most ${limits.maxVariationsPerSnippet} variations, so one read is bounded`, async () => {
    const id = bigIds[0]!;
    for (let n = 18; n < limits.maxVariationsPerSnippet; n++) {
      const added = await api.send('createVariation', 'POST', '/api/prompts/snippet/variation', { query: { snippetId: id }, body: { variationName: `More ${n}`, content: { type: 'plaintext', content: 'x'.repeat(50_000) } } });
      expect(added.status).toBe(201);
    }
    const refused = await api.send('createVariation', 'POST', '/api/prompts/snippet/variation', { query: { snippetId: id }, body: { variationName: 'Too many', content: { type: 'plaintext', content: 'x' } } });
    expect([refused.status, refused.body.code]).toEqual([409, 'VARIATION_LIMIT_REACHED']);
    const read = await api.send('getSnippet', 'GET', '/api/prompts/snippet', { query: { id } });
    expect(read.body.data.variations).toHaveLength(limits.maxVariationsPerSnippet);
  });
});

describe('pages of small items', () => {
  it('give every tag of every team of the key once, in order, with limit items a page', async () => {
    for (const teamId of [demoTeams.platform, demoTeams.support]) {
      const tags = Array.from({ length: 7 }, (_, n) => ({ tagName: `paged ${teamId.slice(0, 4)} ${n}`, teamId }));
      expect((await api.send('createTags', 'POST', '/api/prompts/tags', { body: { tags } })).status).toBe(201);
    }
    const whole = (await api.send('getTags', 'GET', '/api/prompts/tags', { query: { limit: '100' } })).body.data.map((t: { id: string }) => t.id);
    const pages = await allPages('getTags', '/api/prompts/tags', { limit: '3' }, 100);
    for (const page of pages.slice(0, -1)) expect(page.body.data).toHaveLength(3);
    expect(pages.flatMap((p) => p.body.data.map((t: { id: string }) => t.id))).toEqual(whole);
    expect(whole.length).toBeGreaterThanOrEqual(14);
  });

  it('give every folder and every filed snippet once, a folder cut between pages starting the next one', async () => {
    const team = demoTeams.support;
    const content = { type: 'plaintext', content: 'small' };
    const byAge = (a: { createdAt: string; id: string }, b: { createdAt: string; id: string }) => (a.createdAt === b.createdAt ? (a.id < b.id ? -1 : 1) : a.createdAt < b.createdAt ? -1 : 1);
    const made: Array<{ folder: { id: string; createdAt: string }; snippets: Array<{ id: string; createdAt: string }> }> = [];
    for (const size of [0, 3, 1, 4]) {
      const folder = (await api.send('createFolder', 'POST', '/api/prompts/folder', { body: { folderName: `Small ${size}`, teamId: team } })).body.data;
      const snippets = Array.from({ length: size }, (_, n) => ({ title: `s${n}`, content, teamId: team, folderId: folder.id }));
      const created = size === 0 ? [] : (await api.send('createSnippets', 'POST', '/api/prompts/snippets', { body: { snippets } })).body.data.snippets;
      made.push({ folder, snippets: created });
    }
    // Oldest first, as the spec says: folders, then each folder's snippets, by (createdAt, id).
    const expected = made.sort((a, b) => byAge(a.folder, b.folder)).flatMap((f) => [`folder ${f.folder.id}`, ...f.snippets.sort(byAge).map((s) => `snippet ${s.id}`)]);
    const pages = await allPages('getFolders', '/api/prompts/folders', { teamId: team, limit: '2' }, 50);
    const seen: string[] = [];
    for (const page of pages) {
      expect(page.body.metadata.folderCount).toBeLessThanOrEqual(2);
      expect(page.body.metadata.snippetCount).toBeLessThanOrEqual(2);
      expect(page.body.usage.usageDeducted).toBe(page.body.metadata.folderCount + page.body.metadata.snippetCount);
      for (const entry of page.body.data) {
        // A folder continued from the page before is not listed again as new.
        if (seen.at(-1) !== `folder ${entry.folder.id}` && !seen.includes(`folder ${entry.folder.id}`)) seen.push(`folder ${entry.folder.id}`);
        seen.push(...entry.snippets.map((s: { id: string }) => `snippet ${s.id}`));
      }
    }
    const ours = new Set(expected);
    expect(seen.filter((entry) => ours.has(entry))).toEqual(expected);
  });

  it('refuse a cursor they did not give, or one of another listing', async () => {
    const tags = await api.send('getTags', 'GET', '/api/prompts/tags', { query: { limit: '1' } });
    const foreign = tags.body.metadata.nextCursor as string;
    for (const cursor of ['bm90LWEtY3Vyc29y', foreign]) {
      const answer = await api.send('getFolders', 'GET', '/api/prompts/folders', { query: { cursor } });
      expect([answer.status, answer.body.code, answer.body.details]).toEqual([400, 'PARAMETER_INVALID', [{ field: 'cursor', issue: expect.any(String) }]]);
    }
  });
});
