// Snippet operations: getSnippet, createSnippet, updateSnippet, deleteSnippet,
// getSnippets, createSnippets, deleteSnippets.
import { batchResult, eachItem, type Handler, type OperationContext } from '../operation.ts';
import { decodeCursor, Page, pageMetadata } from '../paging.ts';
import type { NewSnippet, SnippetChanges } from '../store/store.ts';

/** Checks what a new or changed snippet refers to: its folder and tags must be in its team. */
async function checkReferences(ctx: OperationContext, teamId: string, input: { folderId?: string | null; tagIds?: string[] }): Promise<void> {
  if (input.folderId) await ctx.access.resolveInTeam('folder', input.folderId, teamId);
  for (const tagId of input.tagIds ?? []) await ctx.access.resolveInTeam('tag', tagId, teamId);
}

async function createOne(ctx: OperationContext, input: NewSnippet) {
  ctx.access.requireTeam(input.teamId);
  await checkReferences(ctx, input.teamId, input);
  return ctx.tx.snippets.create(input, ctx.at);
}

function snippetMetadata(snippet: { variations: unknown[]; tagIds: unknown[] }) {
  return { totalVariations: snippet.variations.length, tagsAttached: snippet.tagIds.length };
}

export const snippetHandlers: Record<string, Handler> = {
  async getSnippet(ctx) {
    const found = await ctx.tx.snippets.read(ctx.query.id);
    await ctx.access.requireOwner('snippet', ctx.query.id, found?.teamId);
    return { status: 200, data: found!.data, metadata: found!.metadata, cost: 1 };
  },

  async createSnippet(ctx) {
    const snippet = await createOne(ctx, ctx.body);
    return { status: 201, data: snippet, metadata: snippetMetadata(snippet), cost: 1 };
  },

  async updateSnippet(ctx) {
    const teamId = await ctx.access.resolve('snippet', ctx.query.id);
    const changes = ctx.body as SnippetChanges;
    await checkReferences(ctx, teamId, changes);
    const snippet = await ctx.tx.snippets.update(ctx.query.id, changes, ctx.at);
    return { status: 200, data: snippet, metadata: snippetMetadata(snippet), cost: 1 };
  },

  async deleteSnippet(ctx) {
    const teamId = await ctx.access.resolve('snippet', ctx.query.id);
    await ctx.tx.snippets.remove(ctx.query.id, ctx.at);
    await ctx.access.recordDeletion('snippet', ctx.query.id, teamId, ctx.at);
    return { status: 200, data: { id: ctx.query.id, deleted: true }, cost: 1 };
  },

  async getSnippets(ctx) {
    const ids = [...new Set<string>(ctx.query.ids)];
    const { usable, inaccessible, missing } = await ctx.access.classify('snippet', ids);
    // A page of the usable snippets, in the order of `ids`; the cursor is where the next page starts in `usable`.
    const start = (decodeCursor('snippets', ctx.query.cursor, ['number'])?.[0] as number | undefined) ?? 0;
    const page = new Page(usable.length);
    let next = start;
    while (next < usable.length && page.add((await ctx.tx.snippets.get(usable[next]!))!)) next++;
    return {
      status: 200,
      data: page.data(),
      metadata: {
        requestedCount: ids.length,
        foundCount: usable.length + inaccessible.length,
        accessibleCount: usable.length,
        inaccessibleCount: inaccessible.length,
        missingCount: missing.length,
        ...pageMetadata('snippets', next < usable.length ? [next] : undefined),
      },
      cost: page.count,
    };
  },

  async createSnippets(ctx) {
    const items = ctx.body.snippets as NewSnippet[];
    const { done, errors } = await eachItem(items, (item) => createOne(ctx, item));
    return batchResult('snippets', items.length, done, errors, 201);
  },

  async deleteSnippets(ctx) {
    const ids = [...new Set<string>(ctx.query.ids)];
    const { usable } = await ctx.access.classify('snippet', ids);
    for (const id of usable) {
      const teamId = await ctx.access.resolve('snippet', id);
      await ctx.tx.snippets.remove(id, ctx.at);
      await ctx.access.recordDeletion('snippet', id, teamId, ctx.at);
    }
    return {
      status: 200,
      data: { deletedIds: usable },
      metadata: { requestedCount: ids.length, deletedCount: usable.length, missingCount: ids.length - usable.length },
      cost: usable.length,
    };
  },
};
