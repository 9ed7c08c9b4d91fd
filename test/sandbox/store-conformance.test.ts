// What every SandboxStore (store/store.ts) must do, whatever keeps its data:
// one suite run over each store of `stores`. Written against the interface
// alone (state compared through snapshot(), never through a store's
// internals), so that a store joins by adding its factory to the list.
// The semantics are those of the SQLite code the interface came from
// (seed.ts, access.ts, idempotency.ts, auth.ts, store/*.ts, server.ts).
import { openSqliteStore } from '../../src/sandbox/sqlite/sqlite-store.ts';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Fixtures } from '../../src/fixtures/fixtures.ts';
import { seedFixtureResources } from '../../src/sandbox/core/fixture-resources.ts';
import { createMemoryStore } from '../../src/sandbox/memory/memory-store.ts';
import type { Content, FolderRow } from '../../src/sandbox/store/rows.ts';
import { openPostgresStore } from '../../src/sandbox/postgres/postgres-store.ts';
import { postgresMissing, startPostgres, type TestPostgres } from '../helpers/postgres.ts';
import { DEFAULT_VARIATION_NAME, type GroupStore, type SandboxStore, type StoredFixtures, type StoreTransaction } from '../../src/sandbox/store/store.ts';

interface StoreFactory {
  name: string;
  create: () => SandboxStore | Promise<SandboxStore>;
}

/** A PostgreSQL server for the file, started on first use; each store gets a database of its own. */
let postgres: Promise<TestPostgres> | undefined;
afterAll(async () => {
  await (await postgres)?.destroy();
});

const stores: StoreFactory[] = [
  { name: 'memory', create: () => createMemoryStore() },
  { name: 'sqlite', create: () => openSqliteStore({ path: ':memory:' }) },
  // Skipped where PostgreSQL is not installed, except in CI (test/helpers/postgres.ts).
  ...(postgresMissing
    ? []
    : [{ name: 'postgres', create: async () => openPostgresStore({ url: await (await (postgres ??= startPostgres())).createDatabase() }) }]),
];

const hash = (key: string) => createHash('sha256').update(key).digest('hex');
const demo = JSON.parse(readFileSync(new URL('../../fixtures/demo.json', import.meta.url), 'utf8')) as Fixtures;

function storedFixtures(fixtures: Fixtures): StoredFixtures {
  return {
    workspaces: structuredClone(fixtures.workspaces),
    teams: structuredClone(fixtures.teams),
    apiKeys: fixtures.apiKeys.map(({ key, ...rest }) => ({ ...structuredClone(rest), keyHash: hash(key) })),
  };
}

const DEMO = storedFixtures(demo);
const ACME = 'a1c0ffee-0000-4000-8000-000000000001';
const INITECH = 'a1c0ffee-0000-4000-8000-000000000003';
const HOOLI = 'a1c0ffee-0000-4000-8000-000000000004';
const PLATFORM = '7ea40000-0000-4000-8000-000000000001';
const SUPPORT = '7ea40000-0000-4000-8000-000000000002';
const LEGAL = '7ea40000-0000-4000-8000-000000000003';
const GLOBEX_MAIN = '7ea40000-0000-4000-8000-000000000004';
const DEMO_KEY = hash('sk_test_demoAcmePlatformSupport0001');
const GLOBEX_KEY = hash('sk_test_globexMainKey00000000000005');
const NO_SUCH_ID = '00000000-0000-4000-8000-00000000dead';

/** Second `n` of a fixed day, as the ISO text the sandbox stores. */
const t = (n: number) => new Date(Date.UTC(2026, 4, 1) + n * 1000).toISOString();
const text = (content: string): Content => ({ type: 'plaintext', content });
const answer = (body: string, teamIds: string[] = [PLATFORM]) => ({ requestHash: `hash of ${body}`, teamIds, status: 201, body });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Whatever a call of the store does when it fails (a throw, or a rejected promise), as a rejected promise. */
const attempt = <T>(call: () => T | Promise<T>) => (async () => call())();
/** Ids in SQLite's text order (ASCII ids: code unit order is the same). */
const byId = <T extends { id: string }>(items: T[]) => [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
const byStamp = <T extends { id: string; createdAt: string }>(items: T[]) =>
  [...items].sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

describe.each(stores)('the $name store', ({ create }) => {
  let store: SandboxStore;
  const open: SandboxStore[] = [];
  /** A new store, seeded unless `fixtures` is null. */
  const fresh = async (fixtures: StoredFixtures | null = DEMO) => {
    const made = await create();
    open.push(made);
    if (fixtures) await made.seed(fixtures);
    return made;
  };
  const run = <T>(work: (tx: StoreTransaction) => Promise<T>) => store.transaction(work, false);

  beforeEach(async () => {
    store = await fresh();
  });
  afterEach(async () => {
    for (const made of open.splice(0)) await made.close();
  });

  describe('seeding', () => {
    it('makes every key of the fixtures known, with its workspace, subscription and teams', async () => {
      const empty = await fresh(null);
      expect(await empty.findKey(DEMO_KEY)).toBeUndefined();
      expect(await empty.seed(DEMO)).toEqual({ revokedKeys: 0, removedTeams: 0 });
      for (const key of DEMO.apiKeys) {
        const found = await empty.findKey(key.keyHash);
        const workspace = DEMO.workspaces.find((w) => w.id === key.workspaceId)!;
        expect(found).toEqual({
          keyHash: key.keyHash,
          workspaceId: key.workspaceId,
          status: key.status,
          expiresAt: key.expiresAt,
          rateLimitPerMinute: key.rateLimitPerMinute ?? null,
          subscription: workspace.subscription,
          teamIds: expect.any(Array),
        });
        expect([...found!.teamIds].sort()).toEqual([...key.teamIds].sort());
      }
      expect(await empty.findKey(hash('sk_test_notInTheFixtures000000000001'))).toBeUndefined();
      expect(await empty.teamWorkspaces()).toEqual(new Map(DEMO.teams.map((team) => [team.id, team.workspaceId])));
      expect(await empty.transaction(async (tx) => tx.remaining(HOOLI), true)).toBe(0);
      expect(await empty.transaction(async (tx) => tx.remaining(ACME), true)).toBe(100_000);
    });

    it('seeds again keeping quota and data: keys not in the fixtures revoked with their answers, teams removed, teams of keys replaced', async () => {
      const legalFolder = await run(async (tx) => {
        expect(await tx.spend(ACME, 5)).toBe(99_995);
        await tx.rememberAnswer(GLOBEX_KEY, 'retry-1', answer('{"globex":1}', [GLOBEX_MAIN]), t(0), t(-100));
        await tx.rememberAnswer(DEMO_KEY, 'retry-2', answer('{"acme":1}'), t(0), t(-100));
        return tx.folders.create(LEGAL, { name: 'Contracts' }, t(0));
      });

      const next = storedFixtures(demo);
      const acme = next.workspaces.find((w) => w.id === ACME)!;
      acme.name = 'Acme renamed';
      acme.subscription = 'inactive';
      acme.remainingRequests = 7;
      next.teams = next.teams.filter((team) => team.id !== LEGAL);
      next.apiKeys = next.apiKeys.filter((key) => key.keyHash !== GLOBEX_KEY);
      next.apiKeys.find((key) => key.keyHash === DEMO_KEY)!.teamIds = [SUPPORT];
      for (const key of next.apiKeys) key.teamIds = key.teamIds.filter((id) => id !== LEGAL);

      expect(await store.seed(next)).toEqual({ revokedKeys: 1, removedTeams: 1 });
      expect(await store.findKey(GLOBEX_KEY)).toBeUndefined();
      expect(await store.findKey(DEMO_KEY)).toMatchObject({ subscription: 'inactive', teamIds: [SUPPORT], workspaceId: ACME });
      const teams = await store.teamWorkspaces();
      expect(teams.has(LEGAL)).toBe(false);
      expect(teams.get(PLATFORM)).toBe(ACME);
      await run(async (tx) => {
        // The existing workspace keeps what it has left, not the fixtures' figure.
        expect(await tx.remaining(ACME)).toBe(99_995);
        // A removed team's data stays.
        expect(await tx.ownerTeam('folder', legalFolder.id)).toBe(LEGAL);
        expect(await tx.folders.row(legalFolder.id)).toEqual(legalFolder);
        // Answers of keys that stay, stay.
        expect(await tx.findAnswer(DEMO_KEY, 'retry-2', t(-1))).toMatchObject({ body: '{"acme":1}' });
      });

      expect(await store.seed(next)).toEqual({ revokedKeys: 0, removedTeams: 0 });

      // Back to the demo fixtures: the key is known again, without the answers it had; the team is back.
      expect(await store.seed(DEMO)).toEqual({ revokedKeys: 0, removedTeams: 0 });
      expect(await store.findKey(GLOBEX_KEY)).toMatchObject({ status: 'active', teamIds: [GLOBEX_MAIN] });
      expect((await store.teamWorkspaces()).get(LEGAL)).toBe(ACME);
      await run(async (tx) => {
        expect(await tx.findAnswer(GLOBEX_KEY, 'retry-1', t(-1))).toBeUndefined();
        expect(await tx.remaining(ACME)).toBe(99_995);
      });
      expect(await store.findKey(DEMO_KEY)).toMatchObject({ subscription: 'active' });
      expect([...(await store.findKey(DEMO_KEY))!.teamIds].sort()).toEqual([PLATFORM, SUPPORT]);
    });

    it('a workspace new to the fixtures is created with their quota', async () => {
      const next = storedFixtures(demo);
      next.workspaces.push({ id: 'a1c0ffee-0000-4000-8000-000000000005', name: 'New', subscription: 'active', remainingRequests: 42 });
      next.teams.push({ id: '7ea40000-0000-4000-8000-000000000007', workspaceId: 'a1c0ffee-0000-4000-8000-000000000005', name: 'New team' });
      next.apiKeys.push({ keyHash: hash('sk_test_newKey0000000000000000000009'), workspaceId: 'a1c0ffee-0000-4000-8000-000000000005', teamIds: ['7ea40000-0000-4000-8000-000000000007'], status: 'active', expiresAt: null });
      expect(await store.seed(next)).toEqual({ revokedKeys: 0, removedTeams: 0 });
      expect(await store.findKey(hash('sk_test_newKey0000000000000000000009'))).toMatchObject({ rateLimitPerMinute: null, expiresAt: null, subscription: 'active' });
      expect(await run(async (tx) => tx.remaining('a1c0ffee-0000-4000-8000-000000000005'))).toBe(42);
    });

    it('a seed that fails changes nothing', async () => {
      await run(async (tx) => tx.rememberAnswer(GLOBEX_KEY, 'kept', answer('{}'), t(0), t(-1)));
      const before = await store.snapshot();
      const next = storedFixtures(demo);
      next.apiKeys = next.apiKeys.filter((key) => key.keyHash !== GLOBEX_KEY);
      next.workspaces[0]!.name = 'Renamed before the failure';
      next.apiKeys[0]!.teamIds = [NO_SUCH_ID];
      await expect(attempt(() => store.seed(next))).rejects.toThrow();
      expect(await store.snapshot()).toEqual(before);
      expect(await store.findKey(GLOBEX_KEY)).toBeDefined();
    });
  });

  describe("the fixtures' resources (core/fixture-resources.ts, through this store's create calls)", () => {
    const [snippet] = demo.snippets!;
    const idsOf = async () =>
      run(async (tx) => ({
        folders: await Promise.all(demo.folders!.map((f) => tx.ownerTeam('folder', f.id))),
        tags: await Promise.all(demo.tags!.map((f) => tx.ownerTeam('tag', f.id))),
        snippet: await tx.snippets.get(snippet!.id),
      }));

    it('are made with their fixed ids (the variations of a snippet too), once, and a deleted one is not made again', async () => {
      await seedFixtureResources(store, demo, t(0));
      const made = await idsOf();
      expect(made.folders).toEqual(demo.folders!.map((f) => f.teamId));
      expect(made.tags).toEqual(demo.tags!.map((f) => f.teamId));
      expect(made.snippet!.variations.map((v) => v.id)).toEqual(snippet!.variationIds);
      expect(made.snippet!.folderId).toBe(snippet!.folderId);
      expect(made.snippet!.tagIds).toEqual(snippet!.tagIds);
      // No quota charged.
      expect(await store.transaction(async (tx) => tx.remaining(ACME), true)).toBe(100_000);
      const before = await store.snapshot();
      await seedFixtureResources(store, demo, t(10));
      expect(await store.snapshot()).toEqual(before);
      await run(async (tx) => {
        await tx.snippets.remove(snippet!.id, t(20));
        await tx.recordDeletion('snippet', snippet!.id, snippet!.teamId, t(20));
      });
      await seedFixtureResources(store, demo, t(30));
      expect((await idsOf()).snippet).toBeUndefined();
    });
  });

  describe('owners and tombstones', () => {
    it('ownerTeam answers for snippets, folders and tags of their own kind only', async () => {
      await run(async (tx) => {
        const folder = await tx.folders.create(PLATFORM, { name: 'F' }, t(0));
        const tag = await tx.tags.create(SUPPORT, { name: 'T' }, t(0));
        const snippet = await tx.snippets.create({ title: 'S', content: text('x'), teamId: GLOBEX_MAIN }, t(0));
        expect(await tx.ownerTeam('folder', folder.id)).toBe(PLATFORM);
        expect(await tx.ownerTeam('tag', tag.id)).toBe(SUPPORT);
        expect(await tx.ownerTeam('snippet', snippet.id)).toBe(GLOBEX_MAIN);
        expect(await tx.ownerTeam('tag', folder.id)).toBeUndefined();
        expect(await tx.ownerTeam('snippet', NO_SUCH_ID)).toBeUndefined();
      });
    });

    it('a tombstone is kept by id alone: recording the id again replaces it, whatever its kind', async () => {
      await run(async (tx) => {
        expect(await tx.deletedFrom('snippet', NO_SUCH_ID)).toBeUndefined();
        await tx.recordDeletion('snippet', NO_SUCH_ID, PLATFORM, t(0));
        expect(await tx.deletedFrom('snippet', NO_SUCH_ID)).toBe(PLATFORM);
        expect(await tx.deletedFrom('folder', NO_SUCH_ID)).toBeUndefined();
        await tx.recordDeletion('folder', NO_SUCH_ID, SUPPORT, t(1));
        expect(await tx.deletedFrom('snippet', NO_SUCH_ID)).toBeUndefined();
        expect(await tx.deletedFrom('folder', NO_SUCH_ID)).toBe(SUPPORT);
      });
    });
  });

  describe('quota', () => {
    it('spend charges what the workspace can pay, and nothing when it cannot', async () => {
      await run(async (tx) => {
        expect(await tx.spend(ACME, 3)).toBe(99_997);
        expect(await tx.remaining(ACME)).toBe(99_997);
        expect(await tx.spend(ACME, 99_998)).toBeUndefined();
        expect(await tx.remaining(ACME)).toBe(99_997);
        expect(await tx.spend(ACME, 99_997)).toBe(0);
        expect(await tx.spend(HOOLI, 0)).toBe(0);
        expect(await tx.spend(HOOLI, 1)).toBeUndefined();
        expect(await tx.spend(NO_SUCH_ID, 1)).toBeUndefined();
        expect(await tx.remaining(INITECH)).toBe(100_000);
      });
      expect(await run(async (tx) => tx.remaining(ACME))).toBe(0);
    });
  });

  describe('stored answers', () => {
    it('are found per API key and Idempotency-Key, when made at or after `since`', async () => {
      await run(async (tx) => {
        await tx.rememberAnswer(DEMO_KEY, 'k1', answer('{"a":1}', [PLATFORM, SUPPORT]), t(10), t(0));
        expect(await tx.findAnswer(DEMO_KEY, 'k1', t(10))).toEqual(answer('{"a":1}', [PLATFORM, SUPPORT]));
        expect(await tx.findAnswer(DEMO_KEY, 'k1', t(9))).toEqual(answer('{"a":1}', [PLATFORM, SUPPORT]));
        expect(await tx.findAnswer(DEMO_KEY, 'k1', t(11))).toBeUndefined();
        expect(await tx.findAnswer(GLOBEX_KEY, 'k1', t(0))).toBeUndefined();
        expect(await tx.findAnswer(DEMO_KEY, 'k2', t(0))).toBeUndefined();
        await tx.rememberAnswer(DEMO_KEY, 'no teams', answer('{}', []), t(10), t(0));
        expect(await tx.findAnswer(DEMO_KEY, 'no teams', t(0))).toEqual(answer('{}', []));
      });
    });

    it('an expired answer of the same key is replaced', async () => {
      await run(async (tx) => {
        await tx.rememberAnswer(DEMO_KEY, 'k', answer('{"old":1}'), t(0), t(-100));
        await tx.rememberAnswer(DEMO_KEY, 'k', { ...answer('{"new":1}', [SUPPORT]), status: 200 }, t(500), t(400));
        expect(await tx.findAnswer(DEMO_KEY, 'k', t(450))).toEqual({ ...answer('{"new":1}', [SUPPORT]), status: 200 });
      });
    });

    it('storing one forgets at most 8 of the oldest expired answers, of any key', async () => {
      await run(async (tx) => {
        for (let i = 0; i < 10; i++) await tx.rememberAnswer(i % 2 ? DEMO_KEY : GLOBEX_KEY, `old-${i}`, answer(`{"i":${i}}`), t(9 - i), t(-100));
        await tx.rememberAnswer(DEMO_KEY, 'new-1', answer('{}'), t(100), t(50));
        const kept = async () => {
          const found: number[] = [];
          for (let i = 0; i < 10; i++) if (await tx.findAnswer(i % 2 ? DEMO_KEY : GLOBEX_KEY, `old-${i}`, '')) found.push(i);
          return found;
        };
        // The oldest are the last stored (t(9 - i)).
        expect(await kept()).toEqual([0, 1]);
        await tx.rememberAnswer(DEMO_KEY, 'new-2', answer('{}'), t(101), t(50));
        expect(await kept()).toEqual([]);
        expect(await tx.findAnswer(DEMO_KEY, 'new-1', '')).toBeDefined();
        // Not expired: kept.
        await tx.rememberAnswer(DEMO_KEY, 'new-3', answer('{}'), t(102), t(100));
        expect(await tx.findAnswer(DEMO_KEY, 'new-1', '')).toBeDefined();
      });
    });

    it('are refused for a key that is not stored', async () => {
      await expect(run(async (tx) => tx.rememberAnswer(hash('sk_test_unknown00000000000000000000'), 'k', answer('{}'), t(0), t(-1)))).rejects.toThrow();
    });
  });

  describe('snippets', () => {
    it('create makes the snippet with its Default variation then the others, each recorded as created', async () => {
      await run(async (tx) => {
        const folder = await tx.folders.create(PLATFORM, { name: 'F' }, t(0));
        const [tagA, tagB] = [await tx.tags.create(PLATFORM, { name: 'A' }, t(0)), await tx.tags.create(PLATFORM, { name: 'B' }, t(0))];
        const created = await tx.snippets.create(
          {
            title: 'Greeting',
            content: text('Hello'),
            teamId: PLATFORM,
            note: 'a note',
            shortcut: '/hi',
            folderId: folder.id,
            tagIds: [tagB.id, tagA.id],
            additionalVariations: [
              { variationName: 'Formal', content: { type: 'markdown', content: '**Good day**' } },
              { variationName: 'Casual', content: { type: 'html', content: '<b>Hey</b>' } },
            ],
          },
          t(5),
        );
        expect(Object.keys(created)).toEqual(['id', 'teamId', 'title', 'note', 'shortcut', 'folderId', 'tagIds', 'variations', 'createdAt', 'updatedAt']);
        expect(created).toMatchObject({ teamId: PLATFORM, title: 'Greeting', note: 'a note', shortcut: '/hi', folderId: folder.id, tagIds: [tagB.id, tagA.id], createdAt: t(5), updatedAt: t(5) });
        expect(created.variations.map((v) => [v.variationName, v.orderIndex, v.content])).toEqual([
          [DEFAULT_VARIATION_NAME, 0, text('Hello')],
          ['Formal', 1, { type: 'markdown', content: '**Good day**' }],
          ['Casual', 2, { type: 'html', content: '<b>Hey</b>' }],
        ]);
        for (const variation of created.variations) {
          expect(Object.keys(variation)).toEqual(['id', 'snippetId', 'variationName', 'content', 'orderIndex', 'createdAt', 'updatedAt']);
          expect(variation).toMatchObject({ snippetId: created.id, createdAt: t(5), updatedAt: t(5) });
          const history = await tx.variations.history(variation.id, '', '9999', Number.MAX_SAFE_INTEGER, 10);
          expect(history.map((h) => h.entry)).toEqual([
            { id: expect.any(String), variationId: variation.id, snippetId: created.id, change: 'created', variationName: variation.variationName, content: variation.content, recordedAt: t(5) },
          ]);
          expect(Object.keys(history[0]!.entry)).toEqual(['id', 'variationId', 'snippetId', 'change', 'variationName', 'content', 'recordedAt']);
        }
        const seqs = [];
        for (const variation of created.variations) seqs.push((await tx.variations.history(variation.id, '', '9999', Number.MAX_SAFE_INTEGER, 1))[0]!.seq);
        expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
        expect(new Set(seqs).size).toBe(3);

        const got = await tx.snippets.get(created.id);
        expect(got).toEqual(created);
        expect(JSON.stringify(got)).toBe(JSON.stringify(created));
        expect(await tx.variations.ofSnippet(created.id)).toEqual(created.variations);
        expect(await tx.variations.countOf(created.id)).toBe(3);

        const bare = await tx.snippets.create({ title: 'Bare', content: text('x'), teamId: SUPPORT }, t(6));
        expect(bare).toMatchObject({ note: null, shortcut: null, folderId: null, tagIds: [] });
        expect(bare.variations).toHaveLength(1);
        expect(await tx.snippets.get(NO_SUCH_ID)).toBeUndefined();
      });
    });

    it('update: tags replaced in the order given, null clears, undefined keeps', async () => {
      await run(async (tx) => {
        const folder = await tx.folders.create(PLATFORM, { name: 'F' }, t(0));
        const tags = [];
        for (const name of ['A', 'B', 'C']) tags.push(await tx.tags.create(PLATFORM, { name }, t(0)));
        const snippet = await tx.snippets.create({ title: 'S', content: text('x'), teamId: PLATFORM, note: 'n', shortcut: 's', folderId: folder.id, tagIds: [tags[0]!.id] }, t(1));

        const kept = await tx.snippets.update(snippet.id, {}, t(2));
        expect(kept).toEqual({ ...snippet, updatedAt: t(2) });

        const changed = await tx.snippets.update(snippet.id, { title: 'T', note: null, tagIds: [tags[2]!.id, tags[1]!.id] }, t(3));
        expect(changed).toEqual({ ...snippet, title: 'T', note: null, tagIds: [tags[2]!.id, tags[1]!.id], updatedAt: t(3) });
        expect(Object.keys(changed)).toEqual(Object.keys(snippet));
        expect(await tx.snippets.withTag(tags[0]!.id, undefined, 10)).toEqual([]);
        expect((await tx.snippets.withTag(tags[1]!.id, undefined, 10)).map((s) => s.id)).toEqual([snippet.id]);

        const cleared = await tx.snippets.update(snippet.id, { shortcut: null, folderId: null, tagIds: [] }, t(4));
        expect(cleared).toMatchObject({ title: 'T', note: null, shortcut: null, folderId: null, tagIds: [], updatedAt: t(4), createdAt: t(1) });
        expect(await tx.snippets.inFolder(folder.id, undefined, 10)).toEqual([]);
        expect(await tx.snippets.get(snippet.id)).toEqual(cleared);
      });
    });

    it('read gives the snippet and its metadata as JSON text', async () => {
      await run(async (tx) => {
        const tag = await tx.tags.create(PLATFORM, { name: 'A' }, t(0));
        const snippet = await tx.snippets.create({ title: 'S', content: text('x'), teamId: PLATFORM, tagIds: [tag.id], additionalVariations: [{ variationName: 'V', content: text('y') }] }, t(1));
        const read = await tx.snippets.read(snippet.id);
        expect(read?.teamId).toBe(PLATFORM);
        expect(read?.data.text).toBe(JSON.stringify(snippet));
        expect(read?.metadata.text).toBe(JSON.stringify({ totalVariations: 2, tagsAttached: 1 }));
        expect(await tx.snippets.read(NO_SUCH_ID)).toBeUndefined();
      });
    });

    it('inFolder pages by (createdAt, id), strictly after `after`, at most `max`', async () => {
      await run(async (tx) => {
        const folder = await tx.folders.create(PLATFORM, { name: 'F' }, t(0));
        const other = await tx.folders.create(PLATFORM, { name: 'G' }, t(0));
        const made = [];
        for (const second of [3, 1, 2, 1, 1, 3]) made.push(await tx.snippets.create({ title: `s${second}`, content: text('x'), teamId: PLATFORM, folderId: folder.id }, t(second)));
        await tx.snippets.create({ title: 'elsewhere', content: text('x'), teamId: PLATFORM, folderId: other.id }, t(0));
        await tx.snippets.create({ title: 'unfiled', content: text('x'), teamId: PLATFORM }, t(0));
        const expected = byStamp(made);

        expect(await tx.snippets.inFolder(folder.id, undefined, 100)).toEqual(expected);
        const pages: string[][] = [];
        let after: [string, string] | undefined;
        // Bounded: a store that repeats an item must fail here, not loop.
        for (let read = 0; read < 5; read++) {
          const page = await tx.snippets.inFolder(folder.id, after, 4);
          if (page.length === 0) break;
          pages.push(page.map((s) => s.id));
          const last = page[page.length - 1]!;
          after = [last.createdAt, last.id];
        }
        expect(pages).toEqual([expected.slice(0, 4).map((s) => s.id), expected.slice(4).map((s) => s.id)]);
        // Strictly after: a bound between stamps, and one equal to an item.
        expect((await tx.snippets.inFolder(folder.id, [t(2), ''], 100)).map((s) => s.id)).toEqual(expected.filter((s) => s.createdAt >= t(2)).map((s) => s.id));
        expect((await tx.snippets.inFolder(folder.id, [expected[1]!.createdAt, expected[1]!.id], 1)).map((s) => s.id)).toEqual([expected[2]!.id]);
        expect(await tx.snippets.inFolder(folder.id, undefined, 0)).toEqual([]);
        expect(await tx.snippets.inFolder(NO_SUCH_ID, undefined, 10)).toEqual([]);
      });
    });

    it('withTag pages by snippet id, strictly after `after`, at most `max`', async () => {
      await run(async (tx) => {
        const tag = await tx.tags.create(PLATFORM, { name: 'A' }, t(0));
        const other = await tx.tags.create(PLATFORM, { name: 'B' }, t(0));
        const made = [];
        for (let i = 0; i < 7; i++) made.push(await tx.snippets.create({ title: `s${i}`, content: text('x'), teamId: PLATFORM, tagIds: i % 3 ? [other.id, tag.id] : [tag.id] }, t(10 - i)));
        await tx.snippets.create({ title: 'other', content: text('x'), teamId: PLATFORM, tagIds: [other.id] }, t(0));
        const expected = byId(made);
        expect(await tx.snippets.withTag(tag.id, undefined, 100)).toEqual(expected);
        expect((await tx.snippets.withTag(tag.id, undefined, 3)).map((s) => s.id)).toEqual(expected.slice(0, 3).map((s) => s.id));
        expect((await tx.snippets.withTag(tag.id, expected[2]!.id, 3)).map((s) => s.id)).toEqual(expected.slice(3, 6).map((s) => s.id));
        expect((await tx.snippets.withTag(tag.id, expected[6]!.id, 3)).map((s) => s.id)).toEqual([]);
        expect(await tx.snippets.withTag(NO_SUCH_ID, undefined, 3)).toEqual([]);
      });
    });

    it('unfile takes a folder\'s snippets out of it and says how many', async () => {
      await run(async (tx) => {
        const folder = await tx.folders.create(PLATFORM, { name: 'F' }, t(0));
        const other = await tx.folders.create(PLATFORM, { name: 'G' }, t(0));
        const inside = [];
        for (let i = 0; i < 3; i++) inside.push(await tx.snippets.create({ title: `s${i}`, content: text('x'), teamId: PLATFORM, folderId: folder.id }, t(1)));
        const outside = await tx.snippets.create({ title: 'o', content: text('x'), teamId: PLATFORM, folderId: other.id }, t(1));
        expect(await tx.snippets.unfile(folder.id, t(9))).toBe(3);
        for (const snippet of inside) expect(await tx.snippets.get(snippet.id)).toEqual({ ...snippet, folderId: null, updatedAt: t(9) });
        expect(await tx.snippets.get(outside.id)).toEqual(outside);
        expect(await tx.snippets.inFolder(folder.id, undefined, 10)).toEqual([]);
        expect(await tx.snippets.unfile(folder.id, t(10))).toBe(0);
      });
    });

    it('remove deletes the snippet, its variations (each recorded as deleted) and its tag links', async () => {
      await run(async (tx) => {
        const tag = await tx.tags.create(SUPPORT, { name: 'A' }, t(0));
        const snippet = await tx.snippets.create({ title: 'S', content: text('x'), teamId: SUPPORT, tagIds: [tag.id], additionalVariations: [{ variationName: 'V', content: text('y') }] }, t(1));
        const renamed = await tx.variations.update((await tx.variations.row(snippet.variations[1]!.id))!, { variationName: 'W' }, t(2));
        await tx.snippets.remove(snippet.id, t(3));
        expect(await tx.snippets.get(snippet.id)).toBeUndefined();
        expect(await tx.ownerTeam('snippet', snippet.id)).toBeUndefined();
        expect(await tx.snippets.withTag(tag.id, undefined, 10)).toEqual([]);
        expect(await tx.variations.ofSnippet(snippet.id)).toEqual([]);
        expect(await tx.variations.countOf(snippet.id)).toBe(0);
        const deletions = [];
        for (const variation of snippet.variations) {
          expect(await tx.variations.row(variation.id)).toBeUndefined();
          const [newest] = await tx.variations.history(variation.id, '', '9999', Number.MAX_SAFE_INTEGER, 1);
          expect(newest!.entry).toMatchObject({ change: 'deleted', recordedAt: t(3), snippetId: snippet.id, variationName: variation.id === renamed.id ? 'W' : variation.variationName });
          deletions.push(newest!.seq);
          expect(await tx.variations.formerOwner(variation.id)).toEqual({ teamId: SUPPORT, snippetId: snippet.id });
        }
        // Recorded in orderIndex order.
        expect(deletions[0]).toBeLessThan(deletions[1]!);
        expect(await tx.variations.historyCount(snippet.variations[1]!.id, '', '9999')).toBe(3);
        // Removing what is not there does nothing.
        await tx.snippets.remove(snippet.id, t(4));
        expect(await tx.variations.historyCount(snippet.variations[1]!.id, '', '9999')).toBe(3);
      });
    });
  });

  describe('variations', () => {
    it('a new variation comes after the last (max orderIndex + 1); update and remove are recorded', async () => {
      await run(async (tx) => {
        const snippet = await tx.snippets.create({ title: 'S', content: text('0'), teamId: PLATFORM, additionalVariations: [{ variationName: 'one', content: text('1') }, { variationName: 'two', content: text('2') }] }, t(0));
        const [, one, two] = snippet.variations;
        await tx.variations.remove((await tx.variations.row(two!.id))!, t(1));
        const again = await tx.variations.create(snippet.id, 'again', text('a'), t(2));
        expect(again).toEqual({ id: expect.any(String), snippetId: snippet.id, variationName: 'again', content: text('a'), orderIndex: 2, createdAt: t(2), updatedAt: t(2) });
        await tx.variations.remove((await tx.variations.row(one!.id))!, t(3));
        expect((await tx.variations.create(snippet.id, 'more', text('m'), t(4))).orderIndex).toBe(3);
        expect((await tx.variations.ofSnippet(snippet.id)).map((v) => [v.variationName, v.orderIndex])).toEqual([
          [DEFAULT_VARIATION_NAME, 0],
          ['again', 2],
          ['more', 3],
        ]);
        expect(await tx.variations.countOf(snippet.id)).toBe(3);

        const row = (await tx.variations.row(again.id))!;
        expect(row).toEqual({ id: again.id, snippet_id: snippet.id, name: 'again', content_type: 'plaintext', content: 'a', order_index: 2, created_at: t(2), updated_at: t(2) });
        const renamed = await tx.variations.update(row, { variationName: 'renamed' }, t(5));
        expect(renamed).toEqual({ ...again, variationName: 'renamed', updatedAt: t(5) });
        const rewritten = await tx.variations.update((await tx.variations.row(again.id))!, { content: { type: 'markdown', content: '# a' } }, t(6));
        expect(rewritten).toEqual({ ...again, variationName: 'renamed', content: { type: 'markdown', content: '# a' }, updatedAt: t(6) });
        expect((await tx.variations.ofSnippet(snippet.id))[1]).toEqual(rewritten);
        expect((await tx.variations.history(again.id, '', '9999', Number.MAX_SAFE_INTEGER, 10)).map((h) => [h.entry.change, h.entry.variationName, h.entry.content.content])).toEqual([
          ['updated', 'renamed', '# a'],
          ['updated', 'renamed', 'a'],
          ['created', 'again', 'a'],
        ]);
        expect(await tx.variations.row(NO_SUCH_ID)).toBeUndefined();
        expect(await tx.variations.formerOwner(NO_SUCH_ID)).toBeUndefined();
        expect(await tx.variations.formerOwner(again.id)).toEqual({ teamId: PLATFORM, snippetId: snippet.id });
      });
    });

    it('history pages newest first, between `from` and `to` inclusive, before `beforeSeq`; historyCount counts the range', async () => {
      await run(async (tx) => {
        const snippet = await tx.snippets.create({ title: 'S', content: text('v0'), teamId: PLATFORM }, t(0));
        const other = await tx.snippets.create({ title: 'O', content: text('o'), teamId: PLATFORM }, t(0));
        const id = snippet.variations[0]!.id;
        for (let i = 1; i <= 5; i++) {
          await tx.variations.update((await tx.variations.row(id))!, { content: text(`v${i}`) }, t(i));
          await tx.variations.update((await tx.variations.row(other.variations[0]!.id))!, { content: text(`o${i}`) }, t(i));
        }
        const all = await tx.variations.history(id, '', '9999', Number.MAX_SAFE_INTEGER, 100);
        expect(all.map((h) => h.entry.content.content)).toEqual(['v5', 'v4', 'v3', 'v2', 'v1', 'v0']);
        expect(all.map((h) => h.seq)).toEqual([...all.map((h) => h.seq)].sort((a, b) => b - a));
        expect(await tx.variations.historyCount(id, '', '9999')).toBe(6);

        const first = await tx.variations.history(id, '', '9999', Number.MAX_SAFE_INTEGER, 4);
        expect(first).toEqual(all.slice(0, 4));
        const second = await tx.variations.history(id, '', '9999', first[first.length - 1]!.seq, 4);
        expect(second).toEqual(all.slice(4));

        const ranged = await tx.variations.history(id, t(2), t(4), Number.MAX_SAFE_INTEGER, 100);
        expect(ranged.map((h) => h.entry.recordedAt)).toEqual([t(4), t(3), t(2)]);
        expect(await tx.variations.historyCount(id, t(2), t(4))).toBe(3);
        expect(await tx.variations.history(id, t(2), t(4), ranged[1]!.seq, 100)).toEqual([ranged[2]]);
        expect(await tx.variations.history(id, t(2), t(4), ranged[2]!.seq, 100)).toEqual([]);
        expect(await tx.variations.history(id, t(6), t(9), Number.MAX_SAFE_INTEGER, 100)).toEqual([]);
        expect(await tx.variations.historyCount(id, t(6), t(9))).toBe(0);
        expect(await tx.variations.history(NO_SUCH_ID, '', '9999', Number.MAX_SAFE_INTEGER, 100)).toEqual([]);
        expect(await tx.variations.historyCount(NO_SUCH_ID, '', '9999')).toBe(0);
      });
    });
  });

  describe.each([['folders' as const], ['tags' as const]])('%s', (table) => {
    const groups = (tx: StoreTransaction): GroupStore => tx[table];

    it('create, row and update: null clears, undefined keeps', async () => {
      await run(async (tx) => {
        const parent = await groups(tx).create(PLATFORM, { name: 'Parent' }, t(0));
        expect(parent).toEqual({ id: expect.any(String), team_id: PLATFORM, name: 'Parent', color: null, parent_id: null, created_at: t(0), updated_at: t(0) });
        const child = await groups(tx).create(PLATFORM, { name: 'Child', color: '#ff0000', parentId: parent.id }, t(1));
        expect(child).toMatchObject({ color: '#ff0000', parent_id: parent.id });
        expect(await groups(tx).row(child.id)).toEqual(child);
        expect(await groups(tx).row(NO_SUCH_ID)).toBeUndefined();

        expect(await groups(tx).update(child.id, {}, t(2))).toEqual({ ...child, updated_at: t(2) });
        expect(await groups(tx).update(child.id, { name: 'Renamed', color: null }, t(3))).toEqual({ ...child, name: 'Renamed', color: null, updated_at: t(3) });
        const moved = await groups(tx).update(child.id, { parentId: null, color: '#00ff00' }, t(4));
        expect(moved).toEqual({ ...child, name: 'Renamed', color: '#00ff00', parent_id: null, updated_at: t(4) });
        expect(await groups(tx).row(child.id)).toEqual(moved);
        expect(await tx.ownerTeam(table === 'folders' ? 'folder' : 'tag', child.id)).toBe(PLATFORM);
      });
    });

    it('ofTeam pages the team\'s groups by (createdAt, id)', async () => {
      await run(async (tx) => {
        const made: FolderRow[] = [];
        for (const second of [2, 1, 1, 3, 1]) made.push(await groups(tx).create(SUPPORT, { name: `g${second}` }, t(second)));
        await groups(tx).create(PLATFORM, { name: 'other team' }, t(0));
        const expected = byStamp(made.map((row) => ({ ...row, createdAt: row.created_at }))).map(({ createdAt: _, ...row }) => row);
        expect(await groups(tx).ofTeam(SUPPORT, undefined, 100)).toEqual(expected);
        const first = await groups(tx).ofTeam(SUPPORT, undefined, 3);
        expect(first).toEqual(expected.slice(0, 3));
        const last = first[2]!;
        expect(await groups(tx).ofTeam(SUPPORT, [last.created_at, last.id], 3)).toEqual(expected.slice(3));
        expect(await groups(tx).ofTeam(SUPPORT, [t(1), '\uffff'], 100)).toEqual(expected.filter((row) => row.created_at > t(1)));
        expect(await groups(tx).ofTeam(LEGAL, undefined, 100)).toEqual([]);
      });
    });

    it('isSelfOrDescendant walks up from the candidate', async () => {
      await run(async (tx) => {
        const a = await groups(tx).create(PLATFORM, { name: 'a' }, t(0));
        const b = await groups(tx).create(PLATFORM, { name: 'b', parentId: a.id }, t(0));
        const c = await groups(tx).create(PLATFORM, { name: 'c', parentId: b.id }, t(0));
        const d = await groups(tx).create(PLATFORM, { name: 'd' }, t(0));
        expect(await groups(tx).isSelfOrDescendant(a.id, a.id)).toBe(true);
        expect(await groups(tx).isSelfOrDescendant(a.id, c.id)).toBe(true);
        expect(await groups(tx).isSelfOrDescendant(b.id, c.id)).toBe(true);
        expect(await groups(tx).isSelfOrDescendant(c.id, a.id)).toBe(false);
        expect(await groups(tx).isSelfOrDescendant(a.id, d.id)).toBe(false);
        expect(await groups(tx).isSelfOrDescendant(a.id, NO_SUCH_ID)).toBe(false);
      });
    });

    it('remove moves the children up to the removed group\'s parent and says how many moved', async () => {
      await run(async (tx) => {
        const root = await groups(tx).create(PLATFORM, { name: 'root' }, t(0));
        const middle = await groups(tx).create(PLATFORM, { name: 'middle', parentId: root.id }, t(0));
        const kids = [await groups(tx).create(PLATFORM, { name: 'k1', parentId: middle.id }, t(0)), await groups(tx).create(PLATFORM, { name: 'k2', parentId: middle.id }, t(0))];
        const grandchild = await groups(tx).create(PLATFORM, { name: 'g', parentId: kids[0]!.id }, t(0));
        expect(await groups(tx).remove(middle.id, t(5))).toBe(2);
        expect(await groups(tx).row(middle.id)).toBeUndefined();
        for (const kid of kids) expect(await groups(tx).row(kid.id)).toEqual({ ...kid, parent_id: root.id, updated_at: t(5) });
        expect(await groups(tx).row(grandchild.id)).toEqual(grandchild);
        expect(await groups(tx).remove(root.id, t(6))).toBe(2);
        for (const kid of kids) expect(await groups(tx).row(kid.id)).toEqual({ ...kid, parent_id: null, updated_at: t(6) });
        expect(await groups(tx).remove(grandchild.id, t(7))).toBe(0);
        expect((await groups(tx).ofTeam(PLATFORM, undefined, 10)).map((row) => row.id).sort()).toEqual(kids.map((kid) => kid.id).sort());
      });
    });
  });

  it('removing a tag removes its links to snippets, not the snippets', async () => {
    await run(async (tx) => {
      const [a, b, c] = [await tx.tags.create(PLATFORM, { name: 'a' }, t(0)), await tx.tags.create(PLATFORM, { name: 'b' }, t(0)), await tx.tags.create(PLATFORM, { name: 'c' }, t(0))];
      const snippet = await tx.snippets.create({ title: 'S', content: text('x'), teamId: PLATFORM, tagIds: [c.id, b.id, a.id] }, t(1));
      await tx.tags.remove(b.id, t(2));
      expect(await tx.snippets.get(snippet.id)).toEqual({ ...snippet, tagIds: [c.id, a.id] });
      expect(await tx.snippets.withTag(b.id, undefined, 10)).toEqual([]);
      expect(await tx.snippets.withTag(a.id, undefined, 10)).toEqual([{ ...snippet, tagIds: [c.id, a.id] }]);
    });
  });

  it('refuses what the schema refuses: unknown references, a tag twice, a folder that still holds snippets', async () => {
    const folder = await run(async (tx) => tx.folders.create(PLATFORM, { name: 'F' }, t(0)));
    const tag = await run(async (tx) => tx.tags.create(PLATFORM, { name: 'T' }, t(0)));
    const snippet = await run(async (tx) => tx.snippets.create({ title: 'S', content: text('x'), teamId: PLATFORM, folderId: folder.id }, t(0)));
    const before = await store.snapshot();
    const refused: Array<(tx: StoreTransaction) => unknown> = [
      (tx) => tx.snippets.create({ title: 'S', content: text('x'), teamId: NO_SUCH_ID }, t(1)),
      (tx) => tx.snippets.create({ title: 'S', content: text('x'), teamId: PLATFORM, folderId: NO_SUCH_ID }, t(1)),
      (tx) => tx.snippets.create({ title: 'S', content: text('x'), teamId: PLATFORM, tagIds: [NO_SUCH_ID] }, t(1)),
      (tx) => tx.snippets.create({ title: 'S', content: text('x'), teamId: PLATFORM, tagIds: [tag.id, tag.id] }, t(1)),
      (tx) => tx.snippets.update(snippet.id, { tagIds: [tag.id, tag.id] }, t(1)),
      (tx) => tx.snippets.update(snippet.id, { folderId: NO_SUCH_ID }, t(1)),
      (tx) => tx.variations.create(NO_SUCH_ID, 'v', text('x'), t(1)),
      (tx) => tx.folders.create(PLATFORM, { name: 'G', parentId: NO_SUCH_ID }, t(1)),
      (tx) => tx.tags.create(NO_SUCH_ID, { name: 'G' }, t(1)),
      (tx) => tx.tags.update(tag.id, { parentId: NO_SUCH_ID }, t(1)),
      (tx) => tx.folders.remove(folder.id, t(1)),
    ];
    for (const work of refused) {
      await expect(run(async (tx) => work(tx))).rejects.toThrow();
      expect(await store.snapshot()).toEqual(before);
    }
  });

  describe('transactions', () => {
    it('return what their work returns, and keep what it wrote', async () => {
      const folder = await run(async (tx) => tx.folders.create(PLATFORM, { name: 'kept' }, t(0)));
      expect(await run(async (tx) => tx.folders.row(folder.id))).toEqual(folder);
      expect(await store.transaction(async () => 42, true)).toBe(42);
    });

    it('a throw rolls back every kind of write, completely', async () => {
      // Data for the failing transaction to change: a folder tree, a tagged and filed snippet, answers (some expired), a tombstone.
      const setup = await run(async (tx) => {
        const root = await tx.folders.create(PLATFORM, { name: 'root' }, t(0));
        const folder = await tx.folders.create(PLATFORM, { name: 'folder', parentId: root.id }, t(0));
        const child = await tx.folders.create(PLATFORM, { name: 'child', parentId: folder.id }, t(0));
        const tag = await tx.tags.create(PLATFORM, { name: 'tag' }, t(0));
        const snippet = await tx.snippets.create({ title: 'S', content: text('x'), teamId: PLATFORM, folderId: folder.id, tagIds: [tag.id], additionalVariations: [{ variationName: 'V', content: text('y') }] }, t(1));
        const doomed = await tx.snippets.create({ title: 'D', content: text('d'), teamId: PLATFORM, tagIds: [tag.id] }, t(1));
        for (let i = 0; i < 10; i++) await tx.rememberAnswer(DEMO_KEY, `old-${i}`, answer(`{"i":${i}}`), t(i), t(-100));
        await tx.recordDeletion('snippet', NO_SUCH_ID, PLATFORM, t(1));
        await tx.spend(ACME, 10);
        return { root, folder, child, tag, snippet, doomed };
      });
      const before = await store.snapshot();
      const failure = new Error('the work failed');

      await expect(
        run(async (tx) => {
          expect(await tx.spend(ACME, 7)).toBe(99_983);
          await tx.rememberAnswer(DEMO_KEY, 'new', answer('{}'), t(500), t(400));
          await tx.rememberAnswer(DEMO_KEY, 'old-9', answer('{"replaced":1}'), t(501), t(400));
          await tx.recordDeletion('folder', NO_SUCH_ID, SUPPORT, t(2));
          await sleep(1);
          const created = await tx.snippets.create({ title: 'N', content: text('n'), teamId: PLATFORM, folderId: setup.folder.id, tagIds: [setup.tag.id] }, t(2));
          await tx.snippets.update(setup.snippet.id, { title: 'changed', note: 'n', folderId: null, tagIds: [] }, t(2));
          await tx.variations.create(setup.snippet.id, 'W', text('w'), t(2));
          await tx.variations.update((await tx.variations.row(setup.snippet.variations[0]!.id))!, { content: text('z') }, t(2));
          await tx.variations.remove((await tx.variations.row(setup.snippet.variations[1]!.id))!, t(2));
          await tx.snippets.remove(setup.doomed.id, t(2));
          await tx.recordDeletion('snippet', setup.doomed.id, PLATFORM, t(2));
          await Promise.resolve();
          expect(await tx.snippets.unfile(setup.folder.id, t(3))).toBe(1);
          await tx.folders.update(setup.child.id, { name: 'renamed', color: '#123456' }, t(3));
          expect(await tx.folders.remove(setup.folder.id, t(3))).toBe(1);
          await tx.tags.remove(setup.tag.id, t(3));
          await tx.tags.create(SUPPORT, { name: 'new tag' }, t(3));
          await tx.snippets.update(created.id, { tagIds: [] }, t(4));
          await sleep(1);
          throw failure;
        }),
      ).rejects.toBe(failure);

      expect(await store.snapshot()).toEqual(before);
      // Reads through the stores' indexes see the state as it was.
      await run(async (tx) => {
        expect(await tx.snippets.inFolder(setup.folder.id, undefined, 10)).toEqual([setup.snippet]);
        expect(byId(await tx.snippets.withTag(setup.tag.id, undefined, 10))).toEqual(byId([setup.snippet, setup.doomed]));
        expect((await tx.folders.ofTeam(PLATFORM, undefined, 10)).map((row) => row.id).sort()).toEqual([setup.root.id, setup.folder.id, setup.child.id].sort());
        expect(await tx.tags.ofTeam(SUPPORT, undefined, 10)).toEqual([]);
        expect(await tx.variations.ofSnippet(setup.snippet.id)).toEqual(setup.snippet.variations);
        expect(await tx.variations.historyCount(setup.snippet.variations[1]!.id, '', '9999')).toBe(1);
        expect(await tx.findAnswer(DEMO_KEY, 'old-0', '')).toBeDefined();
        expect(await tx.findAnswer(DEMO_KEY, 'new', '')).toBeUndefined();
        expect(await tx.deletedFrom('snippet', NO_SUCH_ID)).toBe(PLATFORM);
        expect(await tx.remaining(ACME)).toBe(99_990);
        expect(await tx.folders.isSelfOrDescendant(setup.root.id, setup.child.id)).toBe(true);
      });
    });

    it('a synchronous throw rolls back too, and the next transaction runs', async () => {
      const before = await store.snapshot();
      await expect(
        store.transaction((tx) => {
          void tx.spend(ACME, 1);
          throw new Error('sync');
        }, false),
      ).rejects.toThrow('sync');
      expect(await store.snapshot()).toEqual(before);
      expect(await run(async (tx) => tx.spend(ACME, 1))).toBe(99_999);
    });

    it('read-only: the charge is kept when the work succeeds, given back when it fails after it', async () => {
      expect(await store.transaction(async (tx) => tx.spend(ACME, 2), true)).toBe(99_998);
      await expect(
        store.transaction(async (tx) => {
          expect(await tx.spend(ACME, 5)).toBe(99_993);
          await sleep(1);
          throw new Error('failed after the charge');
        }, true),
      ).rejects.toThrow('failed after the charge');
      expect(await store.transaction(async (tx) => tx.spend(HOOLI, 1), true)).toBeUndefined();
      expect(await run(async (tx) => tx.remaining(ACME))).toBe(99_998);
      expect(await run(async (tx) => tx.remaining(HOOLI))).toBe(0);
    });

    it('never interleave: each starts when the one before has settled, and sees what it wrote', async () => {
      const events: string[] = [];
      const first = run(async (tx) => {
        events.push('first starts');
        await sleep(20);
        const folder = await tx.folders.create(PLATFORM, { name: 'first' }, t(0));
        await sleep(5);
        events.push('first ends');
        return folder;
      });
      const failing = run(async () => {
        events.push('failing starts');
        await sleep(1);
        events.push('failing ends');
        throw new Error('failing');
      });
      const second = run(async (tx) => {
        events.push('second starts');
        const seen = await tx.folders.ofTeam(PLATFORM, undefined, 10);
        await sleep(1);
        events.push('second ends');
        return seen;
      });
      const snapshot = Promise.resolve(store.snapshot()).then(() => events.push('snapshot'));
      await expect(failing).rejects.toThrow('failing');
      const [folder, seen] = await Promise.all([first, second, snapshot]);
      expect(seen).toEqual([folder]);
      expect(events).toEqual(['first starts', 'first ends', 'failing starts', 'failing ends', 'second starts', 'second ends', 'snapshot']);
    });
  });

  describe('snapshot and restore', () => {
    it('a snapshot is plain data that later changes do not reach; restoring it, once or twice, gives back exactly that state', async () => {
      const made = await run(async (tx) => {
        const folder = await tx.folders.create(PLATFORM, { name: 'F' }, t(0));
        const tag = await tx.tags.create(PLATFORM, { name: 'T' }, t(0));
        const snippet = await tx.snippets.create({ title: 'S', content: text('x'), teamId: PLATFORM, folderId: folder.id, tagIds: [tag.id] }, t(1));
        await tx.rememberAnswer(DEMO_KEY, 'k', answer('{}'), t(1), t(0));
        await tx.recordDeletion('tag', NO_SUCH_ID, PLATFORM, t(1));
        await tx.spend(ACME, 11);
        return { folder, tag, snippet };
      });
      const snapshot = await store.snapshot();
      const copy = JSON.parse(JSON.stringify(snapshot)) as unknown;
      expect(structuredClone(snapshot)).toEqual(snapshot);
      expect(copy).toEqual(snapshot);

      const change = () =>
        run(async (tx) => {
          await tx.variations.update((await tx.variations.row(made.snippet.variations[0]!.id))!, { variationName: 'renamed' }, t(2));
          await tx.snippets.update(made.snippet.id, { title: 'changed', tagIds: [] }, t(2));
          await tx.folders.remove((await tx.folders.create(PLATFORM, { name: 'G', parentId: made.folder.id }, t(2))).id, t(2));
          const added = await tx.snippets.create({ title: 'added', content: text('a'), teamId: PLATFORM, folderId: made.folder.id }, t(2));
          await tx.rememberAnswer(DEMO_KEY, 'k2', answer('{}'), t(2), t(0));
          await tx.spend(ACME, 5);
          return added;
        });
      const added = await change();
      expect(snapshot).toEqual(copy);

      await store.restore(snapshot);
      expect(await store.snapshot()).toEqual(snapshot);
      const check = () =>
        run(async (tx) => {
          expect(await tx.snippets.get(made.snippet.id)).toEqual(made.snippet);
          expect(await tx.snippets.inFolder(made.folder.id, undefined, 10)).toEqual([made.snippet]);
          expect(await tx.snippets.withTag(made.tag.id, undefined, 10)).toEqual([made.snippet]);
          expect(await tx.snippets.get(added.id)).toBeUndefined();
          expect(await tx.findAnswer(DEMO_KEY, 'k', '')).toBeDefined();
          expect(await tx.findAnswer(DEMO_KEY, 'k2', '')).toBeUndefined();
          expect(await tx.deletedFrom('tag', NO_SUCH_ID)).toBe(PLATFORM);
          expect(await tx.remaining(ACME)).toBe(99_989);
        });
      await check();
      // The same changes again give the same history seqs: the counter is restored too.
      const seqAfter = async () => run(async (tx) => (await tx.variations.history(made.snippet.variations[0]!.id, '', '9999', Number.MAX_SAFE_INTEGER, 1))[0]!.seq);
      await change();
      const seq = await seqAfter();

      await store.restore(snapshot);
      expect(await store.snapshot()).toEqual(snapshot);
      await check();
      await change();
      expect(await seqAfter()).toBe(seq);

      // A copy restores as well, into this store or a new one.
      await store.restore(JSON.parse(JSON.stringify(snapshot)) as typeof snapshot);
      expect(await store.snapshot()).toEqual(snapshot);
      const other = await fresh(null);
      await other.restore(structuredClone(snapshot));
      expect(await other.snapshot()).toEqual(snapshot);
      expect(await other.findKey(DEMO_KEY)).toEqual(await store.findKey(DEMO_KEY));
      expect(await other.teamWorkspaces()).toEqual(await store.teamWorkspaces());
    });

    it('a snapshot of another kind of store is refused, naming both kinds', async () => {
      const before = await store.snapshot();
      const refusal = await attempt(async () => store.restore({ store: 'another-kind', state: {} })).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(refusal).toBeInstanceOf(Error);
      expect((refusal as Error).message).toContain('another-kind');
      expect((refusal as Error).message).toContain(before.store);
      expect(await store.snapshot()).toEqual(before);
    });
  });

  describe('reset', () => {
    it('empties everything and seeds again: no data, answers or tombstones, full quota, history seqs from the start', async () => {
      const firstSeq = async (target: SandboxStore) =>
        target.transaction(async (tx) => {
          const snippet = await tx.snippets.create({ title: 'S', content: text('x'), teamId: PLATFORM }, t(0));
          return (await tx.variations.history(snippet.variations[0]!.id, '', '9999', Number.MAX_SAFE_INTEGER, 1))[0]!.seq;
        }, false);
      const seqOfFresh = await firstSeq(await fresh());

      const made = await run(async (tx) => {
        const folder = await tx.folders.create(PLATFORM, { name: 'F' }, t(0));
        const snippet = await tx.snippets.create({ title: 'S', content: text('x'), teamId: PLATFORM, folderId: folder.id }, t(1));
        await tx.rememberAnswer(DEMO_KEY, 'k', answer('{}'), t(1), t(0));
        await tx.recordDeletion('snippet', NO_SUCH_ID, PLATFORM, t(1));
        await tx.spend(ACME, 100);
        return { folder, snippet };
      });
      const next = storedFixtures(demo);
      next.teams = next.teams.filter((team) => team.id !== LEGAL);
      next.apiKeys = next.apiKeys.filter((key) => key.keyHash !== GLOBEX_KEY);
      await store.seed(next);

      await store.reset(DEMO);
      await run(async (tx) => {
        expect(await tx.snippets.get(made.snippet.id)).toBeUndefined();
        expect(await tx.ownerTeam('folder', made.folder.id)).toBeUndefined();
        expect(await tx.snippets.inFolder(made.folder.id, undefined, 10)).toEqual([]);
        expect(await tx.variations.formerOwner(made.snippet.variations[0]!.id)).toBeUndefined();
        expect(await tx.findAnswer(DEMO_KEY, 'k', '')).toBeUndefined();
        expect(await tx.deletedFrom('snippet', NO_SUCH_ID)).toBeUndefined();
        expect(await tx.remaining(ACME)).toBe(100_000);
      });
      expect(await store.findKey(GLOBEX_KEY)).toBeDefined();
      expect(await store.teamWorkspaces()).toEqual(new Map(DEMO.teams.map((team) => [team.id, team.workspaceId])));
      expect(await firstSeq(store)).toBe(seqOfFresh);

      // A reset gives the state a fresh store seeded with the same fixtures has.
      await store.reset(DEMO);
      expect(await store.snapshot()).toEqual(await (await fresh()).snapshot());
    });

    it('to other fixtures: only their keys are known', async () => {
      const next = storedFixtures(demo);
      next.apiKeys = next.apiKeys.filter((key) => key.keyHash !== GLOBEX_KEY);
      next.workspaces[0]!.remainingRequests = 5;
      await store.reset(next);
      expect(await store.findKey(GLOBEX_KEY)).toBeUndefined();
      expect(await store.findKey(DEMO_KEY)).toBeDefined();
      expect(await run(async (tx) => tx.remaining(ACME))).toBe(5);
    });

    it('a reset that fails changes nothing', async () => {
      await run(async (tx) => tx.folders.create(PLATFORM, { name: 'kept' }, t(0)));
      const before = await store.snapshot();
      const next = storedFixtures(demo);
      next.apiKeys[0]!.teamIds = [NO_SUCH_ID];
      await expect(attempt(() => store.reset(next))).rejects.toThrow();
      expect(await store.snapshot()).toEqual(before);
    });

    it('waits for the transactions queued before it', async () => {
      const queued = run(async (tx) => {
        await sleep(10);
        return tx.folders.create(PLATFORM, { name: 'before the reset' }, t(0));
      });
      const reset = store.reset(DEMO);
      const folder = await queued;
      await reset;
      expect(await run(async (tx) => tx.folders.row(folder.id))).toBeUndefined();
    });
  });

  describe('close', () => {
    it('lets what was queued finish, then every call throws', async () => {
      expect(() => store.check()).not.toThrow();
      const snapshot = await store.snapshot();
      const queued = run(async (tx) => {
        await sleep(5);
        return tx.spend(ACME, 1);
      });
      const closing = store.close();
      expect(await queued).toBe(99_999);
      await closing;
      const closed = /the sandbox store is closed/;
      await expect(attempt(() => store.check())).rejects.toThrow(closed);
      await expect(attempt(() => run(async () => 1))).rejects.toThrow(closed);
      await expect(attempt(() => store.findKey(DEMO_KEY))).rejects.toThrow(closed);
      await expect(attempt(() => store.teamWorkspaces())).rejects.toThrow(closed);
      await expect(attempt(() => store.seed(DEMO))).rejects.toThrow(closed);
      await expect(attempt(() => store.reset(DEMO))).rejects.toThrow(closed);
      await expect(attempt(() => store.snapshot())).rejects.toThrow(closed);
      await expect(attempt(() => store.restore(snapshot))).rejects.toThrow(closed);
    });
  });
});
