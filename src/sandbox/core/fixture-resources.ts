// The folders, tags and snippets a fixtures file may hold, with fixed ids: the
// resources the spec's examples name, so that an example (the docs' try-it,
// a code sample, an example-driven tool) finds them in the sandbox.
//
// Made after the store is seeded or reset, in one write transaction, through
// the store's own create calls (whatever the store). One that is there
// already is left as it is, and one deleted stays deleted: at start the
// fixtures give the sandbox its first resources, not its current ones (a
// reset brings them all back). No quota is charged.
import type { Fixtures } from '../../fixtures/fixtures.ts';
import type { SandboxStore, StoreTransaction } from '../store/store.ts';

type Kind = 'snippet' | 'folder' | 'tag';

/** Whether the resource is stored, or was and was deleted. */
async function known(tx: StoreTransaction, kind: Kind, id: string): Promise<boolean> {
  return (await tx.ownerTeam(kind, id)) !== undefined || (await tx.deletedFrom(kind, id)) !== undefined;
}

/** The id if that resource is stored; null otherwise (one of the file deleted since: what refers to it is made without it). */
async function ifStored(tx: StoreTransaction, kind: Kind, id: string | null | undefined): Promise<string | null> {
  return id && (await tx.ownerTeam(kind, id)) !== undefined ? id : null;
}

/** How many resources the fixtures hold; none means no transaction at all. */
const countOf = (fixtures: Fixtures) => (fixtures.folders?.length ?? 0) + (fixtures.tags?.length ?? 0) + (fixtures.snippets?.length ?? 0);

export async function seedFixtureResources(store: SandboxStore, fixtures: Fixtures, at: string): Promise<void> {
  if (countOf(fixtures) === 0) return;
  await store.transaction(async (tx) => {
    for (const folder of fixtures.folders ?? []) {
      if (await known(tx, 'folder', folder.id)) continue;
      const parentId = await ifStored(tx, 'folder', folder.parentFolderId);
      await tx.folders.create(folder.teamId, { id: folder.id, name: folder.folderName, color: folder.folderColor ?? null, parentId }, at);
    }
    for (const tag of fixtures.tags ?? []) {
      if (await known(tx, 'tag', tag.id)) continue;
      const parentId = await ifStored(tx, 'tag', tag.parentTagId);
      await tx.tags.create(tag.teamId, { id: tag.id, name: tag.tagName, color: tag.tagColor ?? null, parentId }, at);
    }
    for (const { variationIds, ...snippet } of fixtures.snippets ?? []) {
      if (await known(tx, 'snippet', snippet.id)) continue;
      const folderId = await ifStored(tx, 'folder', snippet.folderId);
      const tagIds = [];
      for (const tagId of snippet.tagIds ?? []) if (await ifStored(tx, 'tag', tagId)) tagIds.push(tagId);
      await tx.snippets.create({ ...snippet, folderId, tagIds, ...(variationIds && { variationIds }) }, at);
    }
  }, false);
}
