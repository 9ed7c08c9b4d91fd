// The admin path (issue #15, point 3, over HTTP; src/sandbox/node/admin-routes.ts):
// with --admin only, /__sandbox/ resets the sandbox, loads other fixtures,
// takes and restores snapshots and moves the clock, for tests that drive a
// real server from outside its process. Errors come in the API's envelope.
import { afterEach, describe, expect, it } from 'vitest';
import { validateErrorResponse } from '../../generated/validators.js';
import type { Fixtures } from '../../src/fixtures/fixtures.ts';
import { parseOptions } from '../../src/sandbox/cli-options.ts';
import { defaultOptions } from '../../src/sandbox/options.ts';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { startSandboxProcess, type RunningSandbox } from '../helpers/processes.ts';
import { ContractClient, demoKeys, demoTeams, fixtures, fixturesFile, startSandbox } from '../helpers/sandbox.ts';

const open: Sandbox[] = [];
const processes: RunningSandbox[] = [];
afterEach(async () => {
  for (const sandbox of open.splice(0)) await sandbox.close();
  for (const sandbox of processes.splice(0)) sandbox.child.kill('SIGKILL');
});

async function start(options: Parameters<typeof startSandbox>[0] = {}) {
  const sandbox = await startSandbox({ admin: true, ...options });
  open.push(sandbox);
  const api = new ContractClient(sandbox.url, demoKeys.acme);
  /** A call to the admin path; an error answer must be the API's envelope. */
  const admin = async (method: 'GET' | 'POST', path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const text = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
    const response = await fetch(new URL(`/__sandbox/${path}`, sandbox.url), {
      method,
      headers: { ...(text !== undefined && { 'content-type': 'application/json' }), ...headers },
      ...(text !== undefined && { body: text }),
    });
    const answer = { status: response.status, headers: response.headers, body: await response.json() };
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    if (answer.status >= 400) {
      expect(validateErrorResponse(answer.body), JSON.stringify(validateErrorResponse.errors)).toBe(true);
      expect(answer.body.requestId).toBe(response.headers.get('x-request-id'));
    }
    return answer;
  };
  const createTag = (tagName: string, client = api) => client.send('createTag', 'POST', '/api/prompts/tag', { body: { tagName, teamId: demoTeams.platform } });
  const getTag = (id: string, client = api) => client.send('getTag', 'GET', '/api/prompts/tag', { query: { id } });
  return { sandbox, api, admin, createTag, getTag };
}

const OTHER_KEY = 'sk_test_adminOtherFixtures000000000000001';
/** The demo fixtures with the Acme key replaced by OTHER_KEY. */
function otherFixtures(): Fixtures {
  const copy = structuredClone(fixtures);
  const acme = copy.apiKeys.find((k) => k.key === demoKeys.acme)!;
  copy.apiKeys = [{ ...acme, key: OTHER_KEY }];
  return copy;
}

describe('the admin path, off', () => {
  it('is off by default: every /__sandbox/ route answers as any unknown path does, 404 ENDPOINT_NOT_FOUND', async () => {
    expect(defaultOptions.admin).toBe(false);
    expect(parseOptions([], {})).toEqual({});
    const sandbox = await startSandbox();
    open.push(sandbox);
    const call = async (method: string, path: string) => {
      const response = await fetch(new URL(path, sandbox.url), {
        method,
        ...(method === 'POST' && { headers: { 'content-type': 'application/json' }, body: '{"advanceMs":1000}' }),
      });
      const body = await response.json();
      return { status: response.status, code: body.code, message: body.message };
    };
    for (const [method, path] of [
      ['POST', '/__sandbox/reset'],
      ['GET', '/__sandbox/snapshot'],
      ['POST', '/__sandbox/restore'],
      ['GET', '/__sandbox/clock'],
      ['POST', '/__sandbox/clock'],
    ] as const) {
      expect(await call(method, path)).toEqual({ status: 404, code: 'ENDPOINT_NOT_FOUND', message: `No endpoint at ${method} ${path}` });
    }
    expect(await call('POST', '/no/such/path')).toEqual({ status: 404, code: 'ENDPOINT_NOT_FOUND', message: 'No endpoint at POST /no/such/path' });
  });

  it('--admin and SNIPPETS_SANDBOX_ADMIN=true|1 turn it on; a flag-less start leaves it off', () => {
    expect(parseOptions(['--admin'], {})).toEqual({ admin: true });
    expect(parseOptions([], { SNIPPETS_SANDBOX_ADMIN: 'true' })).toEqual({ admin: true });
    expect(parseOptions([], { SNIPPETS_SANDBOX_ADMIN: '1' })).toEqual({ admin: true });
    expect(parseOptions([], { SNIPPETS_SANDBOX_ADMIN: '0' })).toEqual({});
    expect(() => parseOptions([], { SNIPPETS_SANDBOX_ADMIN: 'yes' })).toThrow('SNIPPETS_SANDBOX_ADMIN must be true or false, got "yes"');
  });
});

describe('POST /__sandbox/reset', () => {
  it('goes back to the fixtures: data gone, quota and rate windows as in a fresh sandbox', async () => {
    const { api, admin, createTag, getTag } = await start();
    const fresh = (await api.send('getTags', 'GET', '/api/prompts/tags')).body;
    const tag = (await createTag('gone after reset')).body.data;
    expect((await getTag(tag.id)).body.usage.remainingRequests).toBeLessThan(fresh.usage.remainingRequests);

    expect(await admin('POST', 'reset')).toMatchObject({ status: 200, body: { reset: true } });
    // The same answer a fresh sandbox gave, quota included.
    expect((await api.send('getTags', 'GET', '/api/prompts/tags')).body).toEqual(fresh);
    expect((await getTag(tag.id)).body.code).toBe('TAG_NOT_FOUND');
    // An empty object is the same as no body.
    await createTag('gone too');
    expect(await admin('POST', 'reset', {})).toMatchObject({ status: 200, body: { reset: true } });
    expect((await api.send('getTags', 'GET', '/api/prompts/tags')).body).toEqual(fresh);
  });

  it('loads other fixtures from its body: their keys work, keys no longer in them are AUTH_KEY_UNKNOWN; a later reset keeps them', async () => {
    const { api, admin, createTag } = await start();
    await createTag('before');
    expect(await admin('POST', 'reset', { fixtures: otherFixtures() })).toMatchObject({ status: 200, body: { reset: true } });
    const other = new ContractClient(api.baseUrl, OTHER_KEY);
    const tags = await other.send('getTags', 'GET', '/api/prompts/tags');
    expect(tags.status).toBe(200);
    // The fixtures' own tags only: the one made before is gone.
    expect(tags.body.data.map((tag: { id: string }) => tag.id)).toEqual((fixtures.tags ?? []).map((tag) => tag.id));
    expect((await api.send('getTags', 'GET', '/api/prompts/tags')).body.code).toBe('AUTH_KEY_UNKNOWN');

    await admin('POST', 'reset');
    expect((await other.send('getTags', 'GET', '/api/prompts/tags')).status).toBe(200);
    expect((await api.send('getTags', 'GET', '/api/prompts/tags')).body.code).toBe('AUTH_KEY_UNKNOWN');
  });

  it('refuses fixtures the checker refuses with 400 PARAMETER_INVALID and its message, and changes nothing', async () => {
    const { api, admin, createTag, getTag } = await start();
    const tag = (await createTag('kept')).body.data;
    const bad = otherFixtures();
    bad.apiKeys[0]!.key = 'not a key';
    (bad.teams[0] as Record<string, unknown>).owner = 'nobody';
    for (const [body, message] of [
      [{ fixtures: bad }, /^fixtures: teams\[0\] has an unknown field "owner"/],
      [{ fixtures: { ...otherFixtures(), apiKeys: [{ ...otherFixtures().apiKeys[0]!, key: 'not a key' }] } }, /^fixtures: apiKeys\[0\]\.key does not match /],
      [{ fixtures: [] }, /^fixtures: the top level must be object/],
      [{ fixtures: otherFixtures(), keep: true }, /does not take a field "keep"/],
      [[otherFixtures()], /takes a JSON object/],
    ] as const) {
      const answer = await admin('POST', 'reset', body);
      expect(answer.status).toBe(400);
      expect(answer.body.code).toBe('PARAMETER_INVALID');
      expect(answer.body.message).toMatch(message);
    }
    expect((await admin('POST', 'reset', '{"fixtures":')).body.code).toBe('BODY_INVALID_JSON');
    expect((await admin('POST', 'reset', '{}', { 'content-type': 'text/plain' })).body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    // Fixtures are an API-sized body: at most the contract's maxBodyBytes.
    expect((await admin('POST', 'reset', `{}${' '.repeat(1024 * 1024)}`)).status).toBe(413);
    // Nothing changed: the data and the keys are those of before.
    expect((await getTag(tag.id)).status).toBe(200);
    expect((await api.send('getTags', 'GET', '/api/prompts/tags')).status).toBe(200);
  });
});

describe('GET /__sandbox/snapshot and POST /__sandbox/restore', () => {
  it('give back exactly the state that was taken', async () => {
    const { api, admin, createTag, getTag } = await start();
    const kept = (await createTag('kept')).body.data;
    await api.send('createSnippet', 'POST', '/api/prompts/snippet', {
      body: { title: 'kept', content: { type: 'plaintext', content: 'hello' }, teamId: demoTeams.platform, tagIds: [kept.id] },
    });
    const taken = await admin('GET', 'snapshot');
    expect(taken.status).toBe(200);
    expect(taken.body.store).toBe('sqlite');
    expect(taken.headers.get('cache-control')).toBe('no-store');

    await api.send('deleteTag', 'DELETE', '/api/prompts/tag', { query: { id: kept.id } });
    const added = (await createTag('added')).body.data;
    expect((await admin('GET', 'snapshot')).body).not.toEqual(taken.body);

    expect(await admin('POST', 'restore', taken.body)).toMatchObject({ status: 200, body: { restored: true } });
    expect((await admin('GET', 'snapshot')).body).toEqual(taken.body);
    expect((await getTag(kept.id)).status).toBe(200);
    expect((await getTag(added.id)).body.code).toBe('TAG_NOT_FOUND');
  });

  it('refuses, with 400 naming the problem, a body that is not a snapshot of this store, and changes nothing', async () => {
    const { admin, createTag } = await start();
    await createTag('kept');
    const before = (await admin('GET', 'snapshot')).body;
    const state = before.state as Record<string, Array<Record<string, unknown>>>;
    for (const [body, message] of [
      [{ store: 'memory', state: {} }, "This is a snapshot of a memory store; this sandbox's store is sqlite"],
      [{ store: 'sqlite', state: {} }, 'it has no workspaces array'],
      [{ store: 'sqlite', state: { ...state, extra: [] } }, 'it has a table "extra" that this store does not have'],
      [{ store: 'sqlite', state: { ...state, tags: [{ bogus: 1 }] } }, 'tags has no column "bogus"'],
      [{ store: 'sqlite', state: { ...state, api_key_teams: [...state.api_key_teams!, { key_hash: 'nobody', team_id: demoTeams.platform }] } }, 'FOREIGN KEY constraint failed'],
      [{ store: 'sqlite' }, 'takes a snapshot, as GET /__sandbox/snapshot gives it'],
      [{ ...before, when: 'now' }, 'does not take a field "when"'],
    ] as const) {
      const answer = await admin('POST', 'restore', body);
      expect(answer.status).toBe(400);
      expect(answer.body.code).toBe('PARAMETER_INVALID');
      expect(answer.body.message).toContain(message);
    }
    const missing = await admin('POST', 'restore');
    expect([missing.status, missing.body.code]).toEqual([400, 'PARAMETER_MISSING']);
    expect((await admin('GET', 'snapshot')).body).toEqual(before);
  });

  it('reads a restore body larger than an API request (up to MAX_SNAPSHOT_BODY_BYTES)', async () => {
    const { admin } = await start();
    const before = (await admin('GET', 'snapshot')).body;
    const big = `${JSON.stringify(before)}${' '.repeat(2 * 1024 * 1024)}`;
    expect((await admin('POST', 'restore', big)).status).toBe(200);
  });
});

describe('GET and POST /__sandbox/clock', () => {
  it('advancing the clock reopens a rate-limit window without waiting', async () => {
    const file = fixturesFile((copy) => (copy.apiKeys.find((k) => k.key === demoKeys.acme)!.rateLimitPerMinute = 2));
    const { api, admin } = await start({ fixtures: file });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await api.send('getTags', 'GET', '/api/prompts/tags')).status);
    expect(statuses).toEqual([200, 200, 429]);

    const before = (await admin('GET', 'clock')).body;
    expect(before.now).toBe(new Date(before.nowMs).toISOString());
    const after = await admin('POST', 'clock', { advanceMs: 60_000 });
    expect(after.status).toBe(200);
    expect(after.body.nowMs - before.nowMs).toBeGreaterThanOrEqual(60_000);
    expect(after.body.now).toBe(new Date(after.body.nowMs).toISOString());
    expect((await api.send('getTags', 'GET', '/api/prompts/tags')).status).toBe(200);
  });

  it('sets the clock to a later time (ISO or ms); never back: an earlier one is 400 with the clock\'s message', async () => {
    const { admin } = await start();
    // The answer is the time just after the change: the clock runs on from there.
    const near = (nowMs: number, target: string) => nowMs >= Date.parse(target) && nowMs < Date.parse(target) + 1000;
    const later = '2080-01-01T00:00:00.000Z';
    expect(near((await admin('POST', 'clock', { set: later })).body.nowMs, later)).toBe(true);
    expect((await admin('GET', 'clock')).body.nowMs).toBeGreaterThanOrEqual(Date.parse(later));
    const laterStill = '2090-01-01T00:00:00.000Z';
    expect(near((await admin('POST', 'clock', { set: Date.parse(laterStill) })).body.nowMs, laterStill)).toBe(true);

    const back = await admin('POST', 'clock', { set: '2000-01-01T00:00:00Z' });
    expect(back.status).toBe(400);
    expect(back.body.code).toBe('PARAMETER_INVALID');
    expect(back.body.message).toMatch(/never goes back/);
    expect((await admin('GET', 'clock')).body.nowMs).toBeGreaterThanOrEqual(Date.parse(laterStill));

    for (const body of [{ advanceMs: -1 }, { advanceMs: '5' }, { set: 'tomorrow' }, { advanceMs: 1, set: later }, {}, { skip: 1 }]) {
      const answer = await admin('POST', 'clock', body);
      expect([answer.status, answer.body.code], JSON.stringify(body)).toEqual([400, 'PARAMETER_INVALID']);
    }
  });
});

describe('pages of other origins', () => {
  it('are refused when --cors does not allow their origin; allowed ones get the CORS headers', async () => {
    const { admin } = await start();
    const refused = await admin('POST', 'reset', undefined, { origin: 'https://elsewhere.example' });
    expect([refused.status, refused.body.code]).toEqual([404, 'ENDPOINT_NOT_FOUND']);
    expect(refused.body.message).toMatch(/only pages of origins that --cors allows/);
    const allowed = await admin('GET', 'clock', undefined, { origin: 'http://localhost:5173' });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
  });
});

describe('snippets-sandbox --admin', () => {
  it('prints where the admin path is, which then answers', async () => {
    const sandbox = await startSandboxProcess(['--port', '0', '--db', ':memory:', '--log-level', 'silent', '--admin']);
    processes.push(sandbox);
    const line = await sandbox.waitFor(/^Admin: (http:\/\/\S+\/__sandbox\/) .*never expose it on a shared server$/m);
    expect(line[1]).toBe(`${sandbox.url}/__sandbox/`);
    expect(sandbox.output()).not.toMatch(/^Warning:/m);
    const clock = await fetch(`${line[1]}clock`);
    expect(clock.status).toBe(200);
    expect(await clock.json()).toMatchObject({ now: expect.any(String), nowMs: expect.any(Number) });
  });
});
