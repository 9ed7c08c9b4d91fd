// A happy path for every operation of the spec: the request it answers with
// its success status, after whatever setup that takes.
import type { Request, Scenario, ScenarioContext } from '../scenario.ts';
import { operations } from '../spec.ts';
import { content, mainTeam, newFolder, newSnippet, newTag, unique, uuid } from './shared.ts';

type Build = (t: ScenarioContext) => Promise<Request>;

const builds: Record<string, Build> = {
  getHealth: async () => ({ operationId: 'getHealth', key: null }),
  getSnippet: async (t) => ({ operationId: 'getSnippet', query: { id: (await newSnippet(t)).id } }),
  createSnippet: async (t) => ({ operationId: 'createSnippet', body: { title: unique('Snippet'), content: content(), teamId: mainTeam(t) } }),
  updateSnippet: async (t) => ({ operationId: 'updateSnippet', query: { id: (await newSnippet(t)).id }, body: { title: unique('Renamed') } }),
  deleteSnippet: async (t) => ({ operationId: 'deleteSnippet', query: { id: (await newSnippet(t)).id } }),
  getSnippets: async (t) => ({ operationId: 'getSnippets', query: { ids: `${(await newSnippet(t)).id},${uuid()}` } }),
  createSnippets: async (t) => ({ operationId: 'createSnippets', body: { snippets: [{ title: unique('A'), content: content(), teamId: mainTeam(t) }] } }),
  deleteSnippets: async (t) => ({ operationId: 'deleteSnippets', query: { ids: (await newSnippet(t)).id } }),
  getVariation: async (t) => {
    const snippet = await newSnippet(t);
    return { operationId: 'getVariation', query: { snippetId: snippet.id, variationId: snippet.variations[1]!.id } };
  },
  createVariation: async (t) => ({ operationId: 'createVariation', query: { snippetId: (await newSnippet(t)).id }, body: { variationName: unique('V'), content: content() } }),
  updateVariation: async (t) => ({ operationId: 'updateVariation', query: { variationId: (await newSnippet(t)).variations[1]!.id }, body: { content: content('changed') } }),
  deleteVariations: async (t) => {
    const snippet = await newSnippet(t);
    return { operationId: 'deleteVariations', query: { snippetId: snippet.id, variationIds: snippet.variations[1]!.id } };
  },
  getVariationHistory: async (t) => ({ operationId: 'getVariationHistory', query: { variationId: (await newSnippet(t)).variations[0]!.id } }),
  getFolder: async (t) => ({ operationId: 'getFolder', query: { id: (await newFolder(t)).id } }),
  createFolder: async (t) => ({ operationId: 'createFolder', body: { folderName: unique('Folder'), teamId: mainTeam(t) } }),
  updateFolder: async (t) => ({ operationId: 'updateFolder', query: { id: (await newFolder(t)).id }, body: { folderColor: '#10B981' } }),
  deleteFolder: async (t) => ({ operationId: 'deleteFolder', query: { id: (await newFolder(t)).id } }),
  getFolders: async (t) => ({ operationId: 'getFolders', query: { teamId: mainTeam(t) } }),
  createFolders: async (t) => ({ operationId: 'createFolders', body: { folders: [{ folderName: unique('F'), teamId: mainTeam(t) }] } }),
  updateFolders: async (t) => ({ operationId: 'updateFolders', body: { folders: [{ id: (await newFolder(t)).id, folderName: unique('F') }] } }),
  deleteFolders: async (t) => ({ operationId: 'deleteFolders', query: { ids: (await newFolder(t)).id } }),
  getTag: async (t) => ({ operationId: 'getTag', query: { id: (await newTag(t)).id } }),
  createTag: async (t) => ({ operationId: 'createTag', body: { tagName: unique('Tag'), teamId: mainTeam(t) } }),
  updateTag: async (t) => ({ operationId: 'updateTag', query: { id: (await newTag(t)).id }, body: { tagColor: '#EF4444' } }),
  deleteTag: async (t) => ({ operationId: 'deleteTag', query: { id: (await newTag(t)).id } }),
  getTags: async (t) => ({ operationId: 'getTags', query: { teamId: mainTeam(t) } }),
  createTags: async (t) => ({ operationId: 'createTags', body: { tags: [{ tagName: unique('T'), teamId: mainTeam(t) }] } }),
  updateTags: async (t) => ({ operationId: 'updateTags', body: { tags: [{ id: (await newTag(t)).id, tagName: unique('T') }] } }),
  deleteTags: async (t) => ({ operationId: 'deleteTags', query: { ids: (await newTag(t)).id } }),
};

/** The success status an operation answers a happy path with: its lowest documented 2xx other than 207. */
function successStatus(responses: Map<number, unknown>): number {
  return [...responses.keys()].filter((s) => s >= 200 && s < 300 && s !== 207).sort()[0]!;
}

export const happyPathScenarios: Scenario[] = operations.map((op) => ({
  id: `happy.${op.operationId}`,
  title: `${op.method} ${op.path} succeeds`,
  category: 'happy path',
  expected: String(successStatus(op.responses)),
  needs: op.authenticated ? ['main'] : [],
  run: async (t) => {
    const build = builds[op.operationId];
    if (!build) return t.skip(`no happy path is known for ${op.operationId} (an operation newer than this verifier)`);
    await t.expect(await build(t), { status: successStatus(op.responses) });
  },
}));
