// The fixtures are the truth about who may call, at every start (issue #13,
// finding 6): a sandbox restarted on the same database with other fixtures
// refuses the keys, teams and workspaces the new file no longer has, and
// keeps the data of removed teams out of reach; workspaces that stay keep
// the quota they spent.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Fixtures } from '../../src/fixtures/fixtures.ts';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { ContractClient, demoKeys, demoTeams, fixtures, fixturesFile, startSandbox, withoutResources } from '../helpers/sandbox.ts';

const acmeWorkspace = fixtures.workspaces.find((w) => w.name === 'Acme')!.id;
const globexWorkspace = fixtures.workspaces.find((w) => w.name === 'Globex')!.id;
/** The built-in fixtures' key that allows 100,000 requests a minute. */
const ciKey = fixtures.apiKeys.find((k) => k.rateLimitPerMinute === 100_000)!.key;

let dir: string;
let dbPath: string;
const running: Sandbox[] = [];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'abuse-fixtures-'));
  dbPath = join(dir, 'sandbox.db');
});
afterEach(async () => {
  for (const sandbox of running.splice(0)) await sandbox.close();
  rmSync(dir, { recursive: true, force: true });
});

async function start(options: Parameters<typeof startSandbox>[0]) {
  const sandbox = await startSandbox({ db: dbPath, ...options });
  running.push(sandbox);
  return sandbox;
}
async function stop(sandbox: Sandbox) {
  running.splice(running.indexOf(sandbox), 1);
  await sandbox.close();
}

const remainingOf = (sandbox: Sandbox, workspaceId: string) =>
  (sandbox.db.prepare('SELECT remaining_requests AS r FROM workspaces WHERE id = ?').get(workspaceId) as { r: number }).r;

/** The demo fixtures without `key`, the Support team and the Globex workspace (its team and key with it). */
function withoutSomePrincipals(f: Fixtures, key: string) {
  f.apiKeys = f.apiKeys.filter((k) => k.key !== key && k.workspaceId !== globexWorkspace);
  f.teams = f.teams.filter((t) => t.id !== demoTeams.support && t.workspaceId !== globexWorkspace);
  f.workspaces = f.workspaces.filter((w) => w.id !== globexWorkspace);
  for (const k of f.apiKeys) k.teamIds = k.teamIds.filter((t) => t !== demoTeams.support);
}

describe('a restart with other fixtures on the same database', () => {
  it('refuses the keys, teams and workspaces the new fixtures lack, hides the data of a removed team, and keeps the quota spent', async () => {
    const roomy = (f: Fixtures) => f.apiKeys.forEach((k) => (k.rateLimitPerMinute = 100_000));
    const first = await start({ fixtures: fixturesFile(roomy) });
    const acme = new ContractClient(first.url, demoKeys.acme);
    const supportTag = await acme.send('createTag', 'POST', '/api/prompts/tag', { body: { tagName: 'support only', teamId: demoTeams.support } });
    expect(supportTag.status).toBe(201);
    for (const key of [ciKey, demoKeys.globex]) expect((await acme.send('getTags', 'GET', '/api/prompts/tags', { key })).status).toBe(200);
    const spent = remainingOf(first, acmeWorkspace);
    expect(spent).toBeLessThan(fixtures.workspaces.find((w) => w.id === acmeWorkspace)!.remainingRequests);
    await stop(first);

    const lines: string[] = [];
    const second = await start({
      fixtures: fixturesFile((f) => (roomy(f), withoutSomePrincipals(f, ciKey))),
      logLevel: 'info',
      logStream: { write: (line) => void lines.push(line) },
    });
    // A workspace that stays keeps what it spent.
    expect(remainingOf(second, acmeWorkspace)).toBe(spent);

    const api = new ContractClient(second.url, demoKeys.acme);
    // A key removed from the fixtures, and the key of a removed workspace: unknown keys.
    for (const key of [ciKey, demoKeys.globex]) {
      const answer = await api.send('getTags', 'GET', '/api/prompts/tags', { key });
      expect([answer.status, answer.body.code]).toEqual([401, 'AUTH_KEY_UNKNOWN']);
    }
    // A removed team: unknown to the keys of its workspace, its data not found.
    const create = await api.send('createTag', 'POST', '/api/prompts/tag', { body: { tagName: 'again', teamId: demoTeams.support } });
    expect([create.status, create.body.code]).toEqual([403, 'WORKSPACE_MISMATCH']);
    const read = await api.send('getTag', 'GET', '/api/prompts/tag', { query: { id: supportTag.body.data.id } });
    expect([read.status, read.body.code]).toEqual([404, 'TAG_NOT_FOUND']);
    const list = await api.send('getTags', 'GET', '/api/prompts/tags');
    // The fixtures' own tags, of the Platform team, and not the removed team's.
    expect([list.status, list.body.data.map((tag: { id: string }) => tag.id)]).toEqual([200, (fixtures.tags ?? []).map((tag) => tag.id)]);
    // The key that stays still works on the team that stays, and the quota keeps counting down from what was spent.
    const kept = await api.send('createTag', 'POST', '/api/prompts/tag', { body: { tagName: 'platform', teamId: demoTeams.platform } });
    expect(kept.status).toBe(201);
    expect(kept.body.usage.remainingRequests).toBe(spent - list.body.usage.usageDeducted - 1);
    // Said once at start: the CI key and the Globex key, the Support and Globex Main teams.
    expect(lines.map((line) => JSON.parse(line)).find((entry) => 'revokedKeys' in entry)).toMatchObject({ revokedKeys: 2, removedTeams: 2 });
  });

  it('refuses the built-in demo keys once the sandbox is restarted with private fixtures', async () => {
    const first = await start({});
    for (const key of [demoKeys.acme, ciKey]) expect((await new ContractClient(first.url, key).send('getTags', 'GET', '/api/prompts/tags')).status).toBe(200);
    await stop(first);

    const privateKey = 'sk_test_privateTeamKey000000000000001';
    const second = await start({
      fixtures: fixturesFile((f) => {
        withoutResources(f);
        f.workspaces = [{ id: 'b2c0ffee-0000-4000-8000-000000000001', name: 'Private', subscription: 'active', remainingRequests: 1000 }];
        f.teams = [{ id: 'b2ea0000-0000-4000-8000-000000000001', workspaceId: f.workspaces[0]!.id, name: 'Private team' }];
        f.apiKeys = [{ key: privateKey, workspaceId: f.workspaces[0]!.id, teamIds: [f.teams[0]!.id], status: 'active', expiresAt: null }];
      }),
    });
    const api = new ContractClient(second.url, privateKey);
    expect((await api.send('getTags', 'GET', '/api/prompts/tags')).status).toBe(200);
    for (const key of [...Object.values(demoKeys), ciKey]) {
      const answer = await api.send('getTags', 'GET', '/api/prompts/tags', { key });
      expect([answer.status, answer.body.code], key).toEqual([401, 'AUTH_KEY_UNKNOWN']);
    }
  });

  it('revokes a key, then gives it back when the fixtures list it again, with the quota its workspace had', async () => {
    const first = await start({});
    const globexTag = { body: { tagName: 'g', teamId: demoTeams.globex } };
    expect((await new ContractClient(first.url, demoKeys.globex).send('createTag', 'POST', '/api/prompts/tag', globexTag)).status).toBe(201);
    const spent = remainingOf(first, globexWorkspace);
    await stop(first);
    const second = await start({ fixtures: fixturesFile((f) => withoutSomePrincipals(f, ciKey)) });
    expect((await new ContractClient(second.url, demoKeys.globex).send('getTags', 'GET', '/api/prompts/tags')).status).toBe(401);
    await stop(second);

    const third = await start({});
    const answer = await new ContractClient(third.url, demoKeys.globex).send('createTag', 'POST', '/api/prompts/tag', globexTag);
    expect(answer.status).toBe(201);
    expect(remainingOf(third, globexWorkspace)).toBe(spent - 1);
  });
});
