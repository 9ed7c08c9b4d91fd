// What only the in-memory store has to show (the rest is in
// store-conformance.test.ts): a transaction costs in proportion to what it
// changes (its undo log counted), its code runs outside Node (no node:
// module, no Buffer, nothing native), ids can be made deterministic, a
// failed call undoes itself even when the work catches the error, and its
// ordered structures keep SQLite's orders.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Fixtures } from '../../src/fixtures/fixtures.ts';
import { createMemoryStore, type MemoryStoreOptions } from '../../src/sandbox/memory/memory-store.ts';
import { AgeQueue, compareText, SortedList } from '../../src/sandbox/memory/ordered.ts';
import type { StoredFixtures, StoreTransaction } from '../../src/sandbox/store/store.ts';
import { repoRoot } from '../helpers/spec.ts';

const hash = (key: string) => createHash('sha256').update(key).digest('hex');
const demo = JSON.parse(readFileSync(new URL('../../fixtures/demo.json', import.meta.url), 'utf8')) as Fixtures;
const DEMO: StoredFixtures = { workspaces: demo.workspaces, teams: demo.teams, apiKeys: demo.apiKeys.map(({ key, ...rest }) => ({ ...rest, keyHash: hash(key) })) };
const ACME = 'a1c0ffee-0000-4000-8000-000000000001';
const PLATFORM = '7ea40000-0000-4000-8000-000000000001';
const t = (n: number) => new Date(Date.UTC(2026, 4, 1) + n * 1000).toISOString();
const text = (content: string) => ({ type: 'plaintext' as const, content });

/** A seeded store that reports each transaction's undo log size. */
async function counted(options: MemoryStoreOptions = {}) {
  const ends: Array<{ committed: boolean; undoEntries: number }> = [];
  const store = createMemoryStore({ ...options, onTransactionEnd: (outcome) => ends.push(outcome) });
  await store.seed(DEMO);
  const cost = async (work: (tx: StoreTransaction) => Promise<unknown>) => {
    ends.length = 0;
    await store.transaction(work, false).catch(() => {});
    return ends[0]!;
  };
  return { store, cost };
}

describe('the memory store', () => {
  it('a transaction costs what it changes, not what the store holds', async () => {
    const small = await counted();
    const big = await counted();
    // The big store: 2,000 snippets in one folder with one tag, each with a history.
    const [bigFolder, bigTag] = await big.store.transaction(async (tx) => {
      const folder = await tx.folders.create(PLATFORM, { name: 'F' }, t(0));
      const tag = await tx.tags.create(PLATFORM, { name: 'T' }, t(0));
      for (let i = 0; i < 2000; i++) await tx.snippets.create({ title: `s${i}`, content: text('x'), teamId: PLATFORM, folderId: folder.id, tagIds: [tag.id] }, t(i));
      return [folder, tag];
    }, false);

    for (const { store, cost } of [small, big]) {
      const [folder, tag] = await store.transaction(async (tx) => [await tx.folders.create(PLATFORM, { name: 'G' }, t(1)), await tx.tags.create(PLATFORM, { name: 'U' }, t(1))], false);
      // The snippet, and per variation: the row, the history record and the history seq.
      const created = await cost(async (tx) =>
        tx.snippets.create({ title: 'S', content: text('x'), teamId: PLATFORM, folderId: folder.id, tagIds: [tag.id], additionalVariations: [{ variationName: 'a', content: text('a') }, { variationName: 'b', content: text('b') }] }, t(2)),
      );
      expect(created).toEqual({ committed: true, undoEntries: 1 + 3 * 3 });
      const snippet = (await store.transaction(async (tx) => tx.snippets.inFolder(folder.id, undefined, 1), true))[0]!;
      expect(await cost(async (tx) => tx.spend(ACME, 1))).toEqual({ committed: true, undoEntries: 1 });
      expect(await cost(async (tx) => tx.snippets.update(snippet.id, { title: 'T', tagIds: [] }, t(3)))).toEqual({ committed: true, undoEntries: 1 });
      expect(await cost(async (tx) => tx.snippets.get(snippet.id))).toEqual({ committed: true, undoEntries: 0 });
      expect(await cost(async (tx) => tx.snippets.inFolder(folder.id, [t(1), ''], 10))).toEqual({ committed: true, undoEntries: 0 });
      // Each variation's deletion (record and seq) and row, then the snippet.
      expect(await cost(async (tx) => tx.snippets.remove(snippet.id, t(4)))).toEqual({ committed: true, undoEntries: 3 * 2 + 3 + 1 });
      // Rolled back: what was undone is what was changed.
      expect(
        await cost(async (tx) => {
          await tx.spend(ACME, 1);
          await tx.recordDeletion('snippet', snippet.id, PLATFORM, t(5));
          await tx.folders.remove(folder.id, t(5));
          throw new Error('rolled back');
        }),
      ).toEqual({ committed: false, undoEntries: 3 });
    }

    // Reading a page of a big folder or tag reads the page.
    expect(await big.cost(async (tx) => expect(await tx.snippets.inFolder(bigFolder.id, [t(1000), ''], 2)).toHaveLength(2))).toMatchObject({ undoEntries: 0 });
    expect(await big.cost(async (tx) => expect(await tx.snippets.withTag(bigTag.id, undefined, 2)).toHaveLength(2))).toMatchObject({ undoEntries: 0 });
    // Unfiling 2,000 snippets changes 2,000 rows.
    expect(await big.cost(async (tx) => tx.snippets.unfile(bigFolder.id, t(9)))).toEqual({ committed: true, undoEntries: 2000 });
  });

  it('a seed is logged like a transaction: one entry per row it writes', async () => {
    const ends: unknown[] = [];
    const store = createMemoryStore({ onTransactionEnd: (outcome) => ends.push(outcome) });
    await store.seed(DEMO);
    expect(ends).toEqual([{ committed: true, undoEntries: DEMO.workspaces.length + DEMO.teams.length + DEMO.apiKeys.length }]);
  });

  it('gives a key\'s teams in team id order, as SQLite reads them', async () => {
    const store = createMemoryStore();
    const fixtures = structuredClone(DEMO);
    fixtures.apiKeys[0]!.teamIds.reverse();
    await store.seed(fixtures);
    expect((await store.findKey(fixtures.apiKeys[0]!.keyHash))!.teamIds).toEqual([PLATFORM, '7ea40000-0000-4000-8000-000000000002']);
  });

  it('makes ids with newId when given', async () => {
    let n = 0;
    const store = createMemoryStore({ newId: () => `id-${++n}` });
    await store.seed(DEMO);
    const snippet = await store.transaction(async (tx) => tx.snippets.create({ title: 'S', content: text('x'), teamId: PLATFORM, additionalVariations: [{ variationName: 'v', content: text('v') }] }, t(0)), false);
    // Snippet, then per variation its id and its history record's.
    expect([snippet.id, ...snippet.variations.map((v) => v.id)]).toEqual(['id-1', 'id-2', 'id-4']);
    const history = await store.transaction(async (tx) => tx.variations.history('id-2', '', '9999', Number.MAX_SAFE_INTEGER, 10), true);
    expect(history.map((h) => h.entry.id)).toEqual(['id-3']);
    // An id already taken is refused, as a primary key would.
    await expect(store.transaction(async (tx) => (await tx.folders.create(PLATFORM, { name: 'F' }, t(0))).id, false)).resolves.toBe('id-6');
    n = 0;
    // Ids are unique per table, as primary keys are.
    await expect(store.transaction(async (tx) => tx.tags.create(PLATFORM, { name: 'T' }, t(0)), false)).resolves.toMatchObject({ id: 'id-1' });
    n = 0;
    await expect(store.transaction(async (tx) => tx.snippets.create({ title: 'S', content: text('x'), teamId: PLATFORM }, t(0)), false)).rejects.toThrow(/UNIQUE/);
  });

  it('a call that fails undoes what it began, even when the work catches the error and commits', async () => {
    const store = createMemoryStore();
    await store.seed(DEMO);
    const tag = await store.transaction(async (tx) => tx.tags.create(PLATFORM, { name: 'T' }, t(0)), false);
    const folder = await store.transaction(async (tx) => tx.folders.create(PLATFORM, { name: 'F' }, t(0)), false);
    const child = await store.transaction(async (tx) => tx.folders.create(PLATFORM, { name: 'C', parentId: folder.id }, t(0)), false);
    await store.transaction(async (tx) => tx.snippets.create({ title: 'S', content: text('x'), teamId: PLATFORM, folderId: folder.id }, t(0)), false);
    const before = await store.snapshot();
    const errors = await store.transaction(async (tx) => {
      const caught: string[] = [];
      const attempt = (call: () => unknown) => {
        try {
          call();
        } catch (error) {
          caught.push((error as Error).message);
        }
      };
      // The second tag fails after the snippet, its tag link and nothing else were written.
      attempt(() => tx.snippets.create({ title: 'S', content: text('x'), teamId: PLATFORM, tagIds: [tag.id, tag.id] }, t(1)));
      // The children move before the folder, still holding a snippet, cannot go.
      attempt(() => tx.folders.remove(folder.id, t(1)));
      return caught;
    }, false);
    expect(errors).toEqual([expect.stringMatching(/UNIQUE constraint failed/), expect.stringMatching(/FOREIGN KEY constraint failed/)]);
    expect(await store.snapshot()).toEqual(before);
    expect(await store.transaction(async (tx) => tx.folders.row(child.id), true)).toMatchObject({ parent_id: folder.id, updated_at: t(0) });
  });

  it('a transaction\'s StoreTransaction cannot be used once the transaction is over', async () => {
    const store = createMemoryStore();
    await store.seed(DEMO);
    let leaked: StoreTransaction | undefined;
    await store.transaction(async (tx) => {
      leaked = tx;
    }, false);
    expect(() => leaked!.spend(ACME, 1)).toThrow(/transaction is over/);
    expect(() => leaked!.snippets.get('x')).toThrow(/transaction is over/);
    expect(await store.transaction(async (tx) => tx.remaining(ACME), true)).toBe(100_000);
  });

  it('isSelfOrDescendant ends on a cycle of parents', async () => {
    const store = createMemoryStore();
    await store.seed(DEMO);
    await store.transaction(async (tx) => {
      const a = await tx.folders.create(PLATFORM, { name: 'a' }, t(0));
      const b = await tx.folders.create(PLATFORM, { name: 'b', parentId: a.id }, t(0));
      const other = await tx.folders.create(PLATFORM, { name: 'other' }, t(0));
      // The store does not refuse a cycle (the operations do, with isSelfOrDescendant); its walk must still end.
      await tx.folders.update(a.id, { parentId: b.id }, t(1));
      expect(await tx.folders.isSelfOrDescendant(other.id, a.id)).toBe(false);
      expect(await tx.folders.isSelfOrDescendant(a.id, b.id)).toBe(true);
    }, false);
  });

  it('restore refuses a state that is not a memory store\'s, and keeps its own', async () => {
    const store = createMemoryStore();
    await store.seed(DEMO);
    const before = await store.snapshot();
    expect(before.store).toBe('memory');
    await expect(store.restore({ store: 'memory', state: { format: 2 } })).rejects.toThrow(/not the state of a memory store snapshot: its format is 2/);
    await expect(store.restore({ store: 'memory', state: { ...(before.state as object), snippets: 'none' } })).rejects.toThrow(/no snippets array/);
    await expect(store.restore({ store: 'sqlite', state: before.state })).rejects.toThrow('cannot restore a snapshot of a "sqlite" store into a "memory" store');
    expect(await store.snapshot()).toEqual(before);
  });

  it('runs without Node: its modules import no node: module, package or Buffer, at any depth', () => {
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const source = readFileSync(join(repoRoot, file), 'utf8');
      const code = source.replace(/^\s*\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '');
      expect(code, file).not.toMatch(/\bBuffer\b|\bprocess\.|\brequire\(/);
      // Imports that remain at run time: not `import type`, nor `export type`.
      for (const [, specifier] of source.matchAll(/^(?:import|export)\s+(?!type\s)[^;]*?from\s+'([^']+)'/gm)) {
        expect(specifier!.startsWith('.'), `${file} imports ${specifier}`).toBe(true);
        visit(relative(repoRoot, join(repoRoot, dirname(file), specifier!)));
      }
    };
    visit('src/sandbox/memory/memory-store.ts');
    expect([...seen].sort()).toEqual([
      'src/portable/uuid.ts',
      'src/sandbox/json-text.ts',
      'src/sandbox/memory/memory-store.ts',
      'src/sandbox/memory/ordered.ts',
      'src/sandbox/memory/seeding.ts',
      'src/sandbox/memory/tables.ts',
      'src/sandbox/memory/transaction.ts',
      'src/sandbox/memory/undo-log.ts',
      'src/sandbox/store/rows.ts',
      'src/sandbox/store/store.ts',
    ]);
  });
});

describe('its orders', () => {
  it('compareText orders by code point, as SQLite orders TEXT', () => {
    const texts = ['b', 'a', '\u{10000}', '\uffff', 'ab', '', '\ue000', 'é'];
    expect([...texts].sort(compareText)).toEqual(['', 'a', 'ab', 'b', 'é', '\ue000', '\uffff', '\u{10000}']);
    // JavaScript's own order puts the surrogate pair first.
    expect('\u{10000}' < '\uffff').toBe(true);
  });

  it('SortedList reads strictly after a bound, and back from one; AgeQueue gives the oldest by (time, rowid)', () => {
    const list = new SortedList<number>((a, b) => a - b);
    for (const n of [5, 1, 4, 2, 3]) list.insert(n);
    expect(list.after(2, 2)).toEqual([3, 4]);
    expect(list.after(0, Infinity)).toEqual([1, 2, 3, 4, 5]);
    expect(list.remove(4)).toBe(true);
    expect(list.remove(4)).toBe(false);
    expect([...list]).toEqual([1, 2, 3, 5]);
    expect([...list.backFrom((n) => n < 3)]).toEqual([2, 1]);

    // Small chunks, so that they split and join: every read agrees with a plain sorted array.
    let seed = 7;
    const random = (n: number) => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) % n;
    const chunked = new SortedList<number>((a, b) => a - b, 3);
    const reference: number[] = [];
    for (let step = 0; step < 5000; step++) {
      const n = random(400);
      if (random(3) === 0) {
        const at = reference.indexOf(n);
        expect(chunked.remove(n)).toBe(at >= 0);
        if (at >= 0) reference.splice(at, 1);
      } else if (!reference.includes(n)) {
        chunked.insert(n);
        reference.push(n);
        reference.sort((a, b) => a - b);
      }
      const bound = random(400);
      const max = random(10);
      expect(chunked.after(bound, max)).toEqual(reference.filter((x) => x > bound).slice(0, max));
      expect([...chunked.backFrom((x) => x < bound)].slice(0, max)).toEqual(reference.filter((x) => x < bound).reverse().slice(0, max));
      expect(chunked.size).toBe(reference.length);
      expect(chunked.last()).toBe(reference[reference.length - 1]);
    }
    expect(chunked.toArray()).toEqual(reference);

    const queue = new AgeQueue();
    const entries = Array.from({ length: 50 }, (_, i) => ({ key: `k${i}`, at: t((i * 7) % 10), rowid: 100 - i }));
    for (const entry of entries) queue.insert(entry);
    for (const entry of entries.filter((_, i) => i % 5 === 0)) queue.remove(entry.key);
    queue.insert({ key: 'k1', at: t(-1), rowid: 1 });
    const expected = [{ key: 'k1', at: t(-1), rowid: 1 }, ...entries.filter((e, i) => i % 5 !== 0 && e.key !== 'k1')].sort((a, b) => compareText(a.at, b.at) || a.rowid - b.rowid);
    const drained = [];
    for (let oldest = queue.oldest(); oldest; oldest = queue.oldest()) {
      drained.push(oldest);
      queue.remove(oldest.key);
    }
    expect(drained).toEqual(expected);
  });
});
