// The pages of folder and tag reads (openapi.yaml, "Paging"): a group's own
// snippets, the groups of the key's teams, and the folder list, whose page
// holds folders each with its snippets. Teams are listed one after the other
// in id order, each group's rows by (created_at, id), all from indexes in
// that order, so a page reads only about what it returns (readSnippets).
import { contract } from '../contract.ts';
import { JsonText } from '../json-text.ts';
import type { OperationContext } from '../operation.ts';
import { decodeCursor, maxPageBytes, Page, pageMetadata, type Position } from '../paging.ts';
import type { FolderRow } from '../store/rows.ts';
import type { GroupKind } from './groups.ts';
import { utf8Length } from '../../portable/utf8.ts';

const { defaultPageLimit } = contract();

export function pageLimit(ctx: OperationContext): number {
  return (ctx.query.limit as number | undefined) ?? defaultPageLimit;
}

/**
 * The first read of a page's snippets asks the store for this many; each next
 * read for twice as many as the page has taken. A page reads at most about
 * three times the snippets it holds (a page of a few large snippets does not
 * read `limit` of them to keep one), in at most log2(limit) reads.
 */
const FIRST_READ = 2;

/** One group's snippets after `after`, up to the page's room; `more` when the group has others after the last one taken. */
async function readSnippets(ctx: OperationContext, g: GroupKind, groupId: string, after: readonly string[] | undefined, page: Page) {
  let last: string[] | undefined;
  let from = after;
  // Each read either ends the page or has all of its snippets taken (at least one): at most `limit` reads, in fact log2(limit).
  for (;;) {
    const ask = Math.min(Math.max(FIRST_READ, 2 * page.count), page.remaining + 1);
    // Where the store can weigh the next snippets unread, only those that may fit are read (a page of one
    // 0.9 MB snippet no longer reads the next one to leave it out, nor a small page its limit + 1st).
    const sizes = await g.snippets.sizes(ctx, groupId, from, ask);
    const read = sizes ? page.mayTake(sizes) : ask;
    const snippets = read > 0 ? await g.snippets.after(ctx, groupId, from, read) : [];
    for (const snippet of snippets) {
      if (!page.add(snippet)) return { last, more: true };
      last = g.snippets.positionOf(snippet);
    }
    const found = sizes ? sizes.length : snippets.length;
    if (snippets.length < read || found < ask) return { last, more: snippets.length < found };
    if (read < found) return { last, more: true };
    from = last;
  }
}

/** `{"folder": …, "snippets": […]}` (or tag) with the snippets already serialized. */
function groupEntry(kind: string, group: unknown, snippets: Page): string {
  return `{"${kind}":${JSON.stringify(group)},"snippets":${snippets.data().text}}`;
}

/** getFolder / getTag: the group and one page of its snippets. */
export async function snippetsPage(ctx: OperationContext, g: GroupKind, groupId: string, limit: number) {
  const after = decodeCursor(g.snippets.listing, ctx.query.cursor, g.snippets.shape) as string[] | undefined;
  const page = new Page(limit);
  const { last, more } = await readSnippets(ctx, g, groupId, after, page);
  return {
    count: page.count,
    metadata: pageMetadata(g.snippets.listing, more ? last : undefined),
    entry: (kind: string, group: unknown) => new JsonText(groupEntry(kind, group, page)),
  };
}

/** The key's teams in listing order, from the one a cursor names (or the next one, if the key lost it). */
function teamsFrom(teams: readonly string[], cursorTeam: string | undefined): string[] {
  const ordered = [...teams].sort();
  return cursorTeam === undefined ? ordered : ordered.filter((team) => team >= cursorTeam);
}

/** getTags: one page of the groups of `teams`. */
export async function groupListPage(ctx: OperationContext, g: GroupKind, teams: readonly string[], limit: number) {
  const position = decodeCursor('tags', ctx.query.cursor, ['string', 'string', 'string']) as string[] | undefined;
  const page = new Page(limit);
  let last: Position | undefined;
  let more = false;
  teams: for (const team of teamsFrom(teams, position?.[0])) {
    const after = position && team === position[0] ? ([position[1]!, position[2]!] as const) : undefined;
    for (const row of await g.store(ctx).ofTeam(team, after, page.remaining + 1)) {
      if (!page.add(g.toApi(row))) {
        more = true;
        break teams;
      }
      last = [team, row.created_at, row.id];
    }
  }
  return { data: page.data(), count: page.count, metadata: pageMetadata('tags', more ? last : undefined) };
}

/**
 * getFolders: at most `limit` folders and `limit` snippets in all, within
 * the byte budget. A folder whose snippets do not all fit ends the page, and
 * the next page starts inside it. The cursor is [team, folder created_at,
 * folder id, snippet created_at, snippet id, inside]: inside = 1 resumes that
 * folder after that snippet (or at its start when null), 0 resumes after it.
 */
export async function folderListPage(ctx: OperationContext, g: GroupKind, teams: readonly string[], limit: number) {
  const position = decodeCursor('folders', ctx.query.cursor, ['string', 'string', 'string', 'string?', 'string?', 'number']);
  const store = g.store(ctx);
  const entries: string[] = [];
  let bytes = 0;
  let snippetCount = 0;
  let next: Position | undefined;
  let previous: Position | undefined;
  teams: for (const team of teamsFrom(teams, position?.[0] as string | undefined)) {
    const resume = position && team === position[0] ? position : undefined;
    const rows: FolderRow[] = [];
    if (resume?.[5] === 1) {
      const inside = await store.row(resume[2] as string);
      if (inside?.team_id === team) rows.push(inside);
    }
    rows.push(...await store.ofTeam(team, resume && ([resume[1], resume[2]] as [string, string]), Math.max(0, limit + 1 - entries.length - rows.length)));
    for (const row of rows) {
      const startOfFolder: Position = [team, row.created_at, row.id, null, null, 1];
      if (entries.length === limit || snippetCount === limit) {
        next = previous;
        break teams;
      }
      const folder = g.toApi(row);
      const folderBytes = utf8Length(JSON.stringify(folder));
      if (entries.length > 0 && bytes + folderBytes > maxPageBytes) {
        next = startOfFolder;
        break teams;
      }
      // The page's first snippet is taken whatever its size, so that every page makes progress.
      const snippets = new Page(limit - snippetCount, bytes + folderBytes, snippetCount === 0);
      const resumeAt = resume?.[5] === 1 && row.id === resume[2] && resume[3] !== null ? [resume[3] as string, resume[4] as string] : undefined;
      const { last, more } = await readSnippets(ctx, g, row.id, resumeAt, snippets);
      entries.push(groupEntry('folder', folder, snippets));
      bytes += folderBytes + snippets.size;
      snippetCount += snippets.count;
      if (more) {
        next = last ? [team, row.created_at, row.id, last[0]!, last[1]!, 1] : resumeAt ? [team, row.created_at, row.id, resumeAt[0]!, resumeAt[1]!, 1] : startOfFolder;
        break teams;
      }
      previous = [team, row.created_at, row.id, null, null, 0];
    }
  }
  return {
    data: new JsonText(`[${entries.join(',')}]`),
    folderCount: entries.length,
    snippetCount,
    metadata: pageMetadata('folders', next),
  };
}
