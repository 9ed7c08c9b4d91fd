// Paging (openapi.yaml, "Paging"): a collection read in pages of `limit`
// items, followed by `metadata.nextCursor`, gives every item exactly once,
// and a cursor the server did not give is refused.
import type { Scenario, ScenarioContext } from '../scenario.ts';
import { limits } from '../spec.ts';
import { content, mainTeam, newFolder, unique, uuid } from './shared.ts';

interface Listed {
  data: { snippets: Array<{ id: string }> };
  metadata: { hasMore: boolean; nextCursor: string | null };
}

/** Reads every page of the folder, `limit` snippets at a time; the pages' snippet ids in order. */
async function readAllPages(t: ScenarioContext, folderId: string, limit: number, pagesAtMost: number): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < pagesAtMost; page++) {
    const answer = await t.expect({ operationId: 'getFolder', query: { id: folderId, limit: String(limit), ...(cursor && { cursor }) } }, { status: 200 });
    const body = answer.json as Listed;
    ids.push(...body.data.snippets.map((s) => s.id));
    if (body.data.snippets.length > limit) {
      t.fail({ operationId: 'getFolder', at: '/data/snippets', expected: `at most limit=${limit} items`, actual: `${body.data.snippets.length}` });
    }
    if (!body.metadata.hasMore) return ids;
    cursor = body.metadata.nextCursor ?? undefined;
    if (!cursor) {
      t.fail({ operationId: 'getFolder', at: '/metadata/nextCursor', expected: 'a cursor when hasMore is true', actual: 'null' });
      return ids;
    }
  }
  t.fail({ operationId: 'getFolder', at: '/metadata/hasMore', expected: `the last page within ${pagesAtMost} pages`, actual: 'hasMore still true' });
  return ids;
}

export const pagingScenarios: Scenario[] = [
  {
    id: 'paging.folder-snippets',
    title: 'A folder read two snippets at a time',
    category: 'paging',
    expected: '200 pages holding every snippet once',
    needs: ['main'],
    run: async (t) => {
      const folder = await newFolder(t);
      const snippets = [1, 2, 3, 4, 5].map(() => ({ title: unique('Paged'), content: content(), teamId: mainTeam(t), folderId: folder.id }));
      const created = (await t.setup({ operationId: 'createSnippets', body: { snippets } })).data.snippets as Array<{ id: string }>;
      const read = await readAllPages(t, folder.id, 2, 5);
      const want = created.map((s) => s.id).sort();
      if (JSON.stringify([...read].sort()) !== JSON.stringify(want)) {
        t.fail({ operationId: 'getFolder', at: '/data/snippets', expected: `the ${want.length} snippets filed, each once`, actual: `${read.length} read: ${read.join(', ')}` });
      }
    },
  },
  {
    id: 'paging.foreign-cursor',
    title: 'A cursor the server never gave',
    category: 'paging',
    expected: '400 PARAMETER_INVALID',
    needs: ['main'],
    run: async (t) => {
      await t.expect({ operationId: 'getTags', query: { cursor: uuid().replace(/-/g, '') } }, { status: 400, code: 'PARAMETER_INVALID' });
    },
  },
  {
    id: 'variation.limit-reached',
    title: 'A variation more than a snippet may hold',
    category: 'variation',
    expected: '409 VARIATION_LIMIT_REACHED',
    needs: ['main'],
    run: async (t) => {
      const extra = Math.min(limits.maxBatchItems, limits.maxVariationsPerSnippet - 1, 20);
      const additionalVariations = Array.from({ length: extra }, (_, n) => ({ variationName: `V${n + 1}`, content: content() }));
      const snippet = (await t.setup({ operationId: 'createSnippet', body: { title: unique('Full'), content: content(), teamId: mainTeam(t), additionalVariations } })).data as { id: string };
      for (let n = extra + 1; n < limits.maxVariationsPerSnippet; n++) {
        await t.setup({ operationId: 'createVariation', query: { snippetId: snippet.id }, body: { variationName: `V${n}`, content: content() } });
      }
      await t.expect({ operationId: 'createVariation', query: { snippetId: snippet.id }, body: { variationName: 'One too many', content: content() } }, { status: 409, code: 'VARIATION_LIMIT_REACHED' });
      const after = await t.setup({ operationId: 'getSnippet', query: { id: snippet.id } });
      if (after.data.variations.length !== limits.maxVariationsPerSnippet) {
        t.fail({ operationId: 'createVariation', at: '/data/variations', expected: `${limits.maxVariationsPerSnippet} variations, nothing added`, actual: `${after.data.variations.length}` });
      }
    },
  },
];
