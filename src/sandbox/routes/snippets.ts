// Snippet operations: getSnippet, createSnippet, updateSnippet, deleteSnippet,
// getSnippets, createSnippets, deleteSnippets.
import { JsonText } from '../json-text.ts';
import { batchResult, eachItem, type Handler, type OperationContext } from '../operation.ts';
import { decodeCursor, Page, pageMetadata } from '../paging.ts';
import type { NewSnippet, SnippetChanges } from '../store/snippets.ts';

/** Checks what a new or changed snippet refers to: its folder and tags must be in its team. */
function checkReferences(ctx: OperationContext, teamId: string, input: { folderId?: string | null; tagIds?: string[] }): void {
  if (input.folderId) ctx.access.resolveInTeam('folder', input.folderId, teamId);
  for (const tagId of input.tagIds ?? []) ctx.access.resolveInTeam('tag', tagId, teamId);
}

function createOne(ctx: OperationContext, input: NewSnippet) {
  ctx.access.requireTeam(input.teamId);
  checkReferences(ctx, input.teamId, input);
  return ctx.stores.snippets.create(input, ctx.at);
}

function snippetMetadata(snippet: { variations: unknown[]; tagIds: unknown[] }) {
  return { totalVariations: snippet.variations.length, tagsAttached: snippet.tagIds.length };
}

export const snippetHandlers: Record<string, Handler> = {
  getSnippet(ctx) {
    const found = ctx.stores.snippetReads.get(ctx.query.id, (id) => {
      const snippet = ctx.stores.snippets.get(id);
      return snippet && { teamId: snippet.teamId, data: JsonText.of(snippet), metadata: JsonText.of(snippetMetadata(snippet)) };
    });
    ctx.access.requireOwner('snippet', ctx.query.id, found?.teamId);
    return { status: 200, data: found!.data, metadata: found!.metadata, cost: 1 };
  },

  createSnippet(ctx) {
    const snippet = createOne(ctx, ctx.body);
    return { status: 201, data: snippet, metadata: snippetMetadata(snippet), cost: 1 };
  },

  updateSnippet(ctx) {
    const teamId = ctx.access.resolve('snippet', ctx.query.id);
    const changes = ctx.body as SnippetChanges;
    checkReferences(ctx, teamId, changes);
    const snippet = ctx.stores.snippets.update(ctx.query.id, changes, ctx.at);
    return { status: 200, data: snippet, metadata: snippetMetadata(snippet), cost: 1 };
  },

  deleteSnippet(ctx) {
    const teamId = ctx.access.resolve('snippet', ctx.query.id);
    ctx.stores.snippets.remove(ctx.query.id, ctx.at);
    ctx.access.recordDeletion('snippet', ctx.query.id, teamId, ctx.at);
    return { status: 200, data: { id: ctx.query.id, deleted: true }, cost: 1 };
  },

  getSnippets(ctx) {
    const ids = [...new Set<string>(ctx.query.ids)];
    const { usable, inaccessible, missing } = ctx.access.classify('snippet', ids);
    // A page of the usable snippets, in the order of `ids`; the cursor is where the next page starts in `usable`.
    const start = (decodeCursor('snippets', ctx.query.cursor, ['number'])?.[0] as number | undefined) ?? 0;
    const page = new Page(usable.length);
    let next = start;
    while (next < usable.length && page.add(ctx.stores.snippets.get(usable[next]!)!)) next++;
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

  createSnippets(ctx) {
    const items = ctx.body.snippets as NewSnippet[];
    const { done, errors } = eachItem(items, (item) => createOne(ctx, item));
    return batchResult('snippets', items.length, done, errors, 201);
  },

  deleteSnippets(ctx) {
    const ids = [...new Set<string>(ctx.query.ids)];
    const { usable } = ctx.access.classify('snippet', ids);
    for (const id of usable) {
      const teamId = ctx.access.resolve('snippet', id);
      ctx.stores.snippets.remove(id, ctx.at);
      ctx.access.recordDeletion('snippet', id, teamId, ctx.at);
    }
    return {
      status: 200,
      data: { deletedIds: usable },
      metadata: { requestedCount: ids.length, deletedCount: usable.length, missingCount: ids.length - usable.length },
      cost: usable.length,
    };
  },
};
