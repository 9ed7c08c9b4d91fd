// A page of a folder's or tag's snippets reads from the store about what it
// returns (issue #13, finding 2): a folder of large snippets read with
// limit=100 once read 100 of them (86 MiB) to answer one, and every page
// read everything after its cursor (a folder of 300 such snippets held the
// event loop for 0.9 s a page).
import { describe, expect, it } from 'vitest';
import { createSandbox } from '../../src/sandbox/in-process.ts';
import { createMemoryStore } from '../../src/sandbox/memory/memory-store.ts';
import { openSqliteStore } from '../../src/sandbox/sqlite/sqlite-store.ts';
import type { SandboxStore, StoreTransaction } from '../../src/sandbox/store/store.ts';
import { demoKeys, demoTeams } from '../helpers/sandbox.ts';

/** A store that counts the snippets its folder and tag reads hand out, and those reads. */
function countingStore(store: SandboxStore) {
  const counted = { snippets: 0, reads: 0 };
  const count = <T extends unknown[]>(list: T) => {
    counted.reads++;
    counted.snippets += list.length;
    return list;
  };
  const readsCounted = (tx: StoreTransaction): StoreTransaction => {
    const snippets = new Proxy(tx.snippets, {
      get: (target, name, receiver) => {
        if (name === 'inFolder') return async (...args: Parameters<typeof target.inFolder>) => count(await target.inFolder(...args));
        if (name === 'withTag') return async (...args: Parameters<typeof target.withTag>) => count(await target.withTag(...args));
        return Reflect.get(target, name, receiver);
      },
    });
    return new Proxy(tx, { get: (target, name, receiver) => (name === 'snippets' ? snippets : Reflect.get(target, name, receiver)) });
  };
  const counting = new Proxy(store, {
    get: (target, name, receiver) =>
      name === 'transaction'
        ? (((work, readOnly, admission) => target.transaction((tx) => work(readsCounted(tx)), readOnly, admission)) satisfies SandboxStore['transaction'])
        : Reflect.get(target, name, receiver),
  });
  return { store: counting, counted };
}

const headers = { authorization: `Bearer ${demoKeys.acme}`, 'content-type': 'application/json' };
const text = (c: string, length: number) => ({ type: 'plaintext', content: c.repeat(length) });

// SQLite weighs the next snippets before it reads them (sizesInFolder, sizesWithTag); the memory store does not.
const STORES = [
  { name: 'memory', open: (): SandboxStore => createMemoryStore(), weighs: false },
  { name: 'sqlite', open: (): SandboxStore => openSqliteStore({ path: ':memory:' }), weighs: true },
];

async function setUp(open: () => SandboxStore, snippets: number, variations: number, length: number) {
  const { store, counted } = countingStore(open());
  const sandbox = await createSandbox({ store, rateLimitForEveryKey: 100_000 });
  const call = async (method: string, path: string, body?: unknown) => {
    const answer = await sandbox.fetch(`http://sandbox.test${path}`, { method, headers, ...(body !== undefined && { body: JSON.stringify(body) }) });
    const json = (await answer.json()) as any;
    expect(answer.status, JSON.stringify(json).slice(0, 300)).toBeLessThan(300);
    return json;
  };
  const folderId = (await call('POST', '/api/prompts/folder', { folderName: 'Pages', teamId: demoTeams.platform })).data.id as string;
  const tagId = (await call('POST', '/api/prompts/tag', { tagName: 'paged', teamId: demoTeams.platform })).data.id as string;
  for (let n = 0; n < snippets; n++) {
    const additionalVariations = Array.from({ length: variations - 1 }, (_, i) => ({ variationName: `V${i}`, content: text('b', length) }));
    await call('POST', '/api/prompts/snippet', { title: `S${n}`, teamId: demoTeams.platform, folderId, tagIds: [tagId], content: text('a', length), additionalVariations });
  }
  return { sandbox, call, counted, folderId, tagId };
}

describe.each(STORES)('a page of a group of snippets ($name store)', ({ open, weighs }) => {
  it('of large snippets reads a few of them, not `limit`, to answer one', async () => {
    const { sandbox, call, counted, folderId, tagId } = await setUp(open, 12, 18, 50_000);
    for (const path of [`/api/prompts/folder?id=${folderId}&limit=100`, `/api/prompts/tag?id=${tagId}&limit=100`]) {
      counted.snippets = 0;
      const page = await call('GET', path);
      expect(page.data.snippets).toHaveLength(1);
      expect(page.metadata.hasMore).toBe(true);
      // A store that weighs them first reads only the one the page holds.
      if (weighs) expect(counted.snippets).toBe(1);
      else expect(counted.snippets).toBeLessThanOrEqual(3);
    }
    await sandbox.close();
  }, 60_000);

  it('of small snippets takes them all in a few reads, and knows when none follow', async () => {
    const { sandbox, call, counted, folderId } = await setUp(open, 100, 1, 10);
    counted.reads = 0;
    counted.snippets = 0;
    const page = await call('GET', `/api/prompts/folder?id=${folderId}&limit=100`);
    expect(page.data.snippets).toHaveLength(100);
    expect(page.metadata.hasMore).toBe(false);
    // 2, 4, 8, 16, 32, 64, then the last 1 + 1: every snippet read once, log2(limit) reads.
    expect(counted.snippets).toBe(100);
    expect(counted.reads).toBeLessThanOrEqual(8);

    counted.snippets = 0;
    const first = await call('GET', `/api/prompts/folder?id=${folderId}&limit=30`);
    // Weighed first, the 31st is known to follow without being read.
    expect(counted.snippets).toBe(weighs ? 30 : 31);
    expect(first.data.snippets).toHaveLength(30);
    expect(first.metadata.hasMore).toBe(true);
    const rest = await call('GET', `/api/prompts/folder?id=${folderId}&limit=100&cursor=${first.metadata.nextCursor}`);
    expect([...first.data.snippets, ...rest.data.snippets].map((s: { title: string }) => s.title)).toEqual(page.data.snippets.map((s: { title: string }) => s.title));
    await sandbox.close();
  }, 60_000);
});
