// Variation operations: getVariation, createVariation, updateVariation,
// deleteVariations, getVariationHistory.
import { timestampRange } from '../dates.ts';
import { ApiError } from '../errors.ts';
import { contract } from '../contract.ts';
import type { Handler, OperationContext } from '../operation.ts';
import { decodeCursor, Page, pageMetadata } from '../paging.ts';
import type { VariationRow } from '../store/rows.ts';

const { defaultPageLimit, limits } = contract();

const variationNotFound = () => new ApiError('VARIATION_NOT_FOUND', 'Variation not found');

/** A variation the key may use; a variation of another workspace is simply not found. */
async function usableVariation(ctx: OperationContext, variationId: string): Promise<VariationRow> {
  const row = await ctx.tx.variations.row(variationId);
  if (!row) throw variationNotFound();
  try {
    await ctx.access.resolve('snippet', row.snippet_id);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) throw variationNotFound();
    throw error;
  }
  return row;
}

/** A variation that must belong to `snippetId` (already resolved for the key). */
async function variationOf(ctx: OperationContext, snippetId: string, variationId: string): Promise<VariationRow> {
  const row = await usableVariation(ctx, variationId);
  if (row.snippet_id !== snippetId) throw new ApiError('VARIATION_NOT_IN_SNIPPET', 'The variation does not belong to this snippet');
  return row;
}

export const variationHandlers: Record<string, Handler> = {
  async getVariation(ctx) {
    await ctx.access.resolve('snippet', ctx.query.snippetId);
    const row = await variationOf(ctx, ctx.query.snippetId, ctx.query.variationId);
    return { status: 200, data: (await ctx.tx.variations.ofSnippet(row.snippet_id)).find((v) => v.id === row.id), cost: 1 };
  },

  async createVariation(ctx) {
    await ctx.access.resolve('snippet', ctx.query.snippetId);
    if ((await ctx.tx.variations.countOf(ctx.query.snippetId)) >= limits.maxVariationsPerSnippet) {
      throw new ApiError('VARIATION_LIMIT_REACHED', `A snippet holds at most ${limits.maxVariationsPerSnippet} variations`);
    }
    const variation = await ctx.tx.variations.create(ctx.query.snippetId, ctx.body.variationName, ctx.body.content, ctx.at);
    return { status: 201, data: variation, cost: 1 };
  },

  async updateVariation(ctx) {
    const row = await usableVariation(ctx, ctx.query.variationId);
    const variation = await ctx.tx.variations.update(row, ctx.body, ctx.at);
    const fieldsUpdated = (['variationName', 'content'] as const).filter((field) => ctx.body[field] !== undefined);
    return { status: 200, data: variation, metadata: { fieldsUpdated }, cost: 1 };
  },

  async deleteVariations(ctx) {
    await ctx.access.resolve('snippet', ctx.query.snippetId);
    const ids = [...new Set<string>(ctx.query.variationIds)];
    const rows: VariationRow[] = [];
    for (const id of ids) rows.push(await variationOf(ctx, ctx.query.snippetId, id));
    if ((await ctx.tx.variations.countOf(ctx.query.snippetId)) <= rows.length) {
      throw new ApiError('VARIATION_LAST_REMAINING', 'A snippet must keep at least one variation');
    }
    for (const row of rows) await ctx.tx.variations.remove(row, ctx.at);
    return {
      status: 200,
      data: { deletedIds: ids },
      metadata: { requestedCount: ids.length, deletedCount: ids.length, missingCount: 0 },
      cost: ids.length,
    };
  },

  async getVariationHistory(ctx) {
    const { variationId } = ctx.query;
    if (!(await ctx.tx.variations.row(variationId))) {
      // A deleted variation keeps its history, readable by whoever could read the variation.
      const former = await ctx.tx.variations.formerOwner(variationId);
      if (!former) throw variationNotFound();
      try {
        ctx.access.requireTeam(former.teamId);
      } catch (error) {
        if (error instanceof ApiError && error.code === 'WORKSPACE_MISMATCH') throw variationNotFound();
        throw error;
      }
    } else {
      await usableVariation(ctx, variationId);
    }
    const { from, to } = timestampRange(ctx.query.fromDate, ctx.query.toDate);
    const limit: number = ctx.query.limit ?? defaultPageLimit;
    const before = (decodeCursor('history', ctx.query.cursor, ['number'])?.[0] as number | undefined) ?? Number.MAX_SAFE_INTEGER;
    const page = new Page(limit);
    let last: number | undefined;
    let more = false;
    for (const { seq, entry } of await ctx.tx.variations.history(variationId, from, to, before, limit + 1)) {
      if (!page.add(entry)) {
        more = true;
        break;
      }
      last = seq;
    }
    const metadata = { ...pageMetadata('history', more ? [last!] : undefined), totalRecords: await ctx.tx.variations.historyCount(variationId, from, to) };
    return { status: 200, data: page.data(), metadata, cost: page.count };
  },
};
