// Folder and tag operations. Both are nested groups of one team's snippets,
// so one set of handlers serves both, parameterised by the field names the
// spec gives each (folderName/tagName, parentFolderId/parentTagId ...).
import type { ResourceKind } from '../access.ts';
import { ApiError } from '../errors.ts';
import { batchResult, eachItem, type Handler, type OperationContext } from '../operation.ts';
import type { GroupStore } from '../store/groups.ts';
import { toFolder, toTag, type FolderRow } from '../store/rows.ts';

interface GroupKind {
  kind: Extract<ResourceKind, 'folder' | 'tag'>;
  /** Operation name part: Folder / Tag. */
  name: 'Folder' | 'Tag';
  /** The batch array in request and response bodies. */
  plural: 'folders' | 'tags';
  fields: { name: string; color: string; parent: string };
  store: (ctx: OperationContext) => GroupStore;
  toApi: (row: FolderRow) => unknown;
  snippetsOf: (ctx: OperationContext, id: string) => unknown[];
  /** Detaches the group's snippets before it is deleted; returns how many. */
  detachSnippets: (ctx: OperationContext, id: string) => number;
  /** The metadata of a single delete, if the spec gives it one. */
  deleteMetadata: (detachedSnippets: number, movedChildren: number) => Record<string, unknown> | undefined;
}

const FOLDER: GroupKind = {
  kind: 'folder',
  name: 'Folder',
  plural: 'folders',
  fields: { name: 'folderName', color: 'folderColor', parent: 'parentFolderId' },
  store: (ctx) => ctx.stores.folders,
  toApi: toFolder,
  snippetsOf: (ctx, id) => ctx.stores.snippets.inFolder(id),
  detachSnippets: (ctx, id) => ctx.stores.unfileSnippets(id, ctx.at),
  deleteMetadata: (unfiledSnippetCount, movedFolderCount) => ({ unfiledSnippetCount, movedFolderCount }),
};

const TAG: GroupKind = {
  kind: 'tag',
  name: 'Tag',
  plural: 'tags',
  fields: { name: 'tagName', color: 'tagColor', parent: 'parentTagId' },
  store: (ctx) => ctx.stores.tags,
  toApi: toTag,
  snippetsOf: (ctx, id) => ctx.stores.snippets.withTag(id),
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

function create(g: GroupKind, ctx: OperationContext, body: Record<string, any>) {
  ctx.access.requireTeam(body.teamId);
  const values = input(g, body);
  if (values.parentId) ctx.access.resolveInTeam(g.kind, values.parentId, body.teamId);
  return g.toApi(g.store(ctx).create(body.teamId, { name: values.name!, ...values }, ctx.at));
}

function update(g: GroupKind, ctx: OperationContext, id: string, body: Record<string, any>) {
  const teamId = ctx.access.resolve(g.kind, id);
  const values = input(g, body);
  if (values.parentId) {
    ctx.access.resolveInTeam(g.kind, values.parentId, teamId);
    if (g.store(ctx).isSelfOrDescendant(id, values.parentId)) {
      throw new ApiError('PARAMETER_INVALID', `A ${g.kind} cannot be moved inside itself or one of its descendants`, {
        details: [{ field: g.fields.parent, issue: `is ${id} or one of its descendants` }],
      });
    }
  }
  return g.toApi(g.store(ctx).update(id, values, ctx.at));
}

function remove(g: GroupKind, ctx: OperationContext, id: string) {
  const teamId = ctx.access.resolve(g.kind, id);
  const detached = g.detachSnippets(ctx, id);
  const moved = g.store(ctx).remove(id, ctx.at);
  ctx.access.recordDeletion(g.kind, id, teamId, ctx.at);
  return g.deleteMetadata(detached, moved);
}

function handlers(g: GroupKind): Record<string, Handler> {
  return {
    [`get${g.name}`](ctx) {
      ctx.access.resolve(g.kind, ctx.query.id);
      const snippets = g.snippetsOf(ctx, ctx.query.id);
      const data = { [g.kind]: g.toApi(g.store(ctx).row(ctx.query.id)!), snippets };
      return { status: 200, data, metadata: { snippetCount: snippets.length }, cost: 1 + snippets.length };
    },
    [`create${g.name}`]: (ctx) => ({ status: 201, data: create(g, ctx, ctx.body), cost: 1 }),
    [`update${g.name}`]: (ctx) => ({ status: 200, data: update(g, ctx, ctx.query.id, ctx.body), cost: 1 }),
    [`delete${g.name}`](ctx) {
      const metadata = remove(g, ctx, ctx.query.id);
      return { status: 200, data: { id: ctx.query.id, deleted: true }, ...(metadata && { metadata }), cost: 1 };
    },
    [`get${g.name}s`](ctx) {
      const rows = ctx.access.teams(ctx.query.teamId).flatMap((teamId) => g.store(ctx).ofTeam(teamId));
      if (g.kind === 'tag') return { status: 200, data: rows.map(g.toApi), metadata: { tagCount: rows.length }, cost: rows.length };
      const data = rows.map((row) => ({ folder: g.toApi(row), snippets: g.snippetsOf(ctx, row.id) }));
      const snippetCount = data.reduce((sum, entry) => sum + entry.snippets.length, 0);
      return { status: 200, data, metadata: { folderCount: rows.length, snippetCount }, cost: rows.length + snippetCount };
    },
    [`create${g.name}s`](ctx) {
      const items = ctx.body[g.plural] as Array<Record<string, any>>;
      const { done, errors } = eachItem(items, (item) => create(g, ctx, item));
      return batchResult(g.plural, items.length, done, errors, 201);
    },
    [`update${g.name}s`](ctx) {
      const items = ctx.body[g.plural] as Array<Record<string, any>>;
      const { done, errors } = eachItem(items, ({ id, ...changes }) => update(g, ctx, id, changes), (item) => item.id);
      return batchResult(g.plural, items.length, done, errors, 200);
    },
    [`delete${g.name}s`](ctx) {
      const ids = [...new Set<string>(ctx.query.ids)];
      const { usable } = ctx.access.classify(g.kind, ids);
      for (const id of usable) remove(g, ctx, id);
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
