// Folder and tag operations. Both are nested groups of one team's snippets,
// so one set of handlers serves both, parameterised by the field names the
// spec gives each (folderName/tagName, parentFolderId/parentTagId ...).
import type { ResourceKind } from '../access.ts';
import { ApiError } from '../errors.ts';
import { batchResult, eachItem, type Handler, type OperationContext } from '../operation.ts';
import type { Awaitable, GroupStore } from '../store/store.ts';
import { toFolder, toTag, type FolderRow, type Snippet } from '../store/rows.ts';
import { folderListPage, groupListPage, pageLimit, snippetsPage } from './group-pages.ts';

export interface GroupKind {
  kind: Extract<ResourceKind, 'folder' | 'tag'>;
  /** Operation name part: Folder / Tag. */
  name: 'Folder' | 'Tag';
  /** The batch array in request and response bodies. */
  plural: 'folders' | 'tags';
  fields: { name: string; color: string; parent: string };
  store: (ctx: OperationContext) => GroupStore;
  toApi: (row: FolderRow) => unknown;
  /** The group's snippets after a cursor's position, in their listing's order, and that position of a snippet. */
  snippets: {
    listing: 'folder-snippets' | 'tag-snippets';
    after: (ctx: OperationContext, id: string, position: readonly string[] | undefined, max: number) => Awaitable<Snippet[]>;
    /** At least how many bytes each of the next `max` snippets weighs as JSON, where the store can tell without reading them. */
    sizes: (ctx: OperationContext, id: string, position: readonly string[] | undefined, max: number) => Awaitable<number[]> | undefined;
    positionOf: (snippet: Snippet) => string[];
    shape: ReadonlyArray<'string'>;
  };
  /** Detaches the group's snippets before it is deleted; returns how many. */
  detachSnippets: (ctx: OperationContext, id: string) => Awaitable<number>;
  /** The metadata of a single delete, if the spec gives it one. */
  deleteMetadata: (detachedSnippets: number, movedChildren: number) => Record<string, unknown> | undefined;
}

const FOLDER: GroupKind = {
  kind: 'folder',
  name: 'Folder',
  plural: 'folders',
  fields: { name: 'folderName', color: 'folderColor', parent: 'parentFolderId' },
  store: (ctx) => ctx.tx.folders,
  toApi: toFolder,
  snippets: {
    listing: 'folder-snippets',
    after: (ctx, id, position, max) => ctx.tx.snippets.inFolder(id, position as [string, string] | undefined, max),
    sizes: (ctx, id, position, max) => ctx.tx.snippets.sizesInFolder?.(id, position as [string, string] | undefined, max),
    positionOf: (snippet) => [snippet.createdAt, snippet.id],
    shape: ['string', 'string'],
  },
  detachSnippets: (ctx, id) => ctx.tx.snippets.unfile(id, ctx.at),
  deleteMetadata: (unfiledSnippetCount, movedFolderCount) => ({ unfiledSnippetCount, movedFolderCount }),
};

const TAG: GroupKind = {
  kind: 'tag',
  name: 'Tag',
  plural: 'tags',
  fields: { name: 'tagName', color: 'tagColor', parent: 'parentTagId' },
  store: (ctx) => ctx.tx.tags,
  toApi: toTag,
  snippets: {
    listing: 'tag-snippets',
    after: (ctx, id, position, max) => ctx.tx.snippets.withTag(id, position?.[0], max),
    sizes: (ctx, id, position, max) => ctx.tx.snippets.sizesWithTag?.(id, position?.[0], max),
    positionOf: (snippet) => [snippet.id],
    shape: ['string'],
  },
  // Tag links are removed with the tag (ON DELETE CASCADE).
  detachSnippets: () => 0,
  deleteMetadata: () => undefined,
};

function input(g: GroupKind, body: Record<string, any>) {
  return {
    ...(body[g.fields.name] !== undefined && { name: body[g.fields.name] as string }),
    ...(body[g.fields.color] !== undefined && { color: body[g.fields.color] as string | null }),
    ...(body[g.fields.parent] !== undefined && { parentId: body[g.fields.parent] as string | null }),
  };
}

async function create(g: GroupKind, ctx: OperationContext, body: Record<string, any>) {
  ctx.access.requireTeam(body.teamId);
  const values = input(g, body);
  if (values.parentId) await ctx.access.resolveInTeam(g.kind, values.parentId, body.teamId);
  return g.toApi(await g.store(ctx).create(body.teamId, { name: values.name!, ...values }, ctx.at));
}

async function update(g: GroupKind, ctx: OperationContext, id: string, body: Record<string, any>) {
  const teamId = await ctx.access.resolve(g.kind, id);
  const values = input(g, body);
  if (values.parentId) {
    await ctx.access.resolveInTeam(g.kind, values.parentId, teamId);
    if (await g.store(ctx).isSelfOrDescendant(id, values.parentId)) {
      throw new ApiError('PARAMETER_INVALID', `A ${g.kind} cannot be moved inside itself or one of its descendants`, {
        details: [{ field: g.fields.parent, issue: `is ${id} or one of its descendants` }],
      });
    }
  }
  return g.toApi(await g.store(ctx).update(id, values, ctx.at));
}

async function remove(g: GroupKind, ctx: OperationContext, id: string) {
  const teamId = await ctx.access.resolve(g.kind, id);
  const detached = await g.detachSnippets(ctx, id);
  const moved = await g.store(ctx).remove(id, ctx.at);
  await ctx.access.recordDeletion(g.kind, id, teamId, ctx.at);
  return g.deleteMetadata(detached, moved);
}

function handlers(g: GroupKind): Record<string, Handler> {
  return {
    async [`get${g.name}`](ctx) {
      await ctx.access.resolve(g.kind, ctx.query.id);
      const group = g.toApi((await g.store(ctx).row(ctx.query.id))!);
      const page = await snippetsPage(ctx, g, ctx.query.id, pageLimit(ctx));
      return {
        status: 200,
        data: page.entry(g.kind, group),
        metadata: { snippetCount: page.count, ...page.metadata },
        cost: 1 + page.count,
      };
    },
    [`create${g.name}`]: async (ctx) => ({ status: 201, data: await create(g, ctx, ctx.body), cost: 1 }),
    [`update${g.name}`]: async (ctx) => ({ status: 200, data: await update(g, ctx, ctx.query.id, ctx.body), cost: 1 }),
    async [`delete${g.name}`](ctx) {
      const metadata = await remove(g, ctx, ctx.query.id);
      return { status: 200, data: { id: ctx.query.id, deleted: true }, ...(metadata && { metadata }), cost: 1 };
    },
    async [`get${g.name}s`](ctx) {
      const teams = ctx.access.teams(ctx.query.teamId);
      if (g.kind === 'tag') {
        const page = await groupListPage(ctx, g, teams, pageLimit(ctx));
        return { status: 200, data: page.data, metadata: { tagCount: page.count, ...page.metadata }, cost: page.count };
      }
      const page = await folderListPage(ctx, g, teams, pageLimit(ctx));
      return {
        status: 200,
        data: page.data,
        metadata: { folderCount: page.folderCount, snippetCount: page.snippetCount, ...page.metadata },
        cost: page.folderCount + page.snippetCount,
      };
    },
    async [`create${g.name}s`](ctx) {
      const items = ctx.body[g.plural] as Array<Record<string, any>>;
      const { done, errors } = await eachItem(items, (item) => create(g, ctx, item));
      return batchResult(g.plural, items.length, done, errors, 201);
    },
    async [`update${g.name}s`](ctx) {
      const items = ctx.body[g.plural] as Array<Record<string, any>>;
      const { done, errors } = await eachItem(items, ({ id, ...changes }) => update(g, ctx, id, changes), (item) => item.id);
      return batchResult(g.plural, items.length, done, errors, 200);
    },
    async [`delete${g.name}s`](ctx) {
      const ids = [...new Set<string>(ctx.query.ids)];
      const { usable } = await ctx.access.classify(g.kind, ids);
      for (const id of usable) await remove(g, ctx, id);
      return {
        status: 200,
        data: { deletedIds: usable },
        metadata: { requestedCount: ids.length, deletedCount: usable.length, missingCount: ids.length - usable.length },
        cost: usable.length,
      };
    },
  };
}

export const groupHandlers: Record<string, Handler> = { ...handlers(FOLDER), ...handlers(TAG) };
