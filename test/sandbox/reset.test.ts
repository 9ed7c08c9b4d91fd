// reset() (issue #15, point 3, in-process): back to the fixtures, or to
// other fixtures, between tests: data, stored answers, quota, rate windows
// and blocks are gone; the state is as a fresh sandbox's.
import { describe, expect, it } from 'vitest';
import { limits } from '../../src/contract/spec.ts';
import { sandboxesClosedAfterEach, sandboxKinds } from '../helpers/sandbox-kinds.ts';
import { demoKeys, demoTeams, fixturesFile } from '../helpers/sandbox.ts';

const held = sandboxesClosedAfterEach();

describe.each(sandboxKinds)('reset() ($name)', ({ start }) => {
  const inProcess = async (fixtures?: string) => {
    const { sandbox, call } = await held(start, fixtures);
    const createTag = (tagName: string) =>
      call('/api/prompts/tag', demoKeys.acme, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ tagName, teamId: demoTeams.platform }) });
    return { sandbox, call, createTag };
  };
  it('gives back the state of a fresh sandbox: no data, full quota, open rate windows, no blocks', async () => {
    const { sandbox, call, createTag } = await inProcess();
    const fresh = (await call('/api/prompts/tags', demoKeys.acme)).body;
    const tag = (await createTag('gone after reset')).body.data;
    const guess = 'sk_test_guessingReset000000000000000001';
    for (let attempt = 0; attempt <= limits.invalidAttemptThreshold; attempt++) await call('/api/prompts/tags', guess);
    let limited = false;
    for (let sent = 0; sent <= limits.rateLimitPerMinute && !limited; sent++) limited = (await call('/api/prompts/tags', demoKeys.acme)).status === 429;
    expect(limited).toBe(true);
    expect((await call('/api/prompts/tags', guess)).body.code).toBe('KEY_TEMPORARILY_BLOCKED');

    await sandbox.reset();
    const after = await call('/api/prompts/tags', demoKeys.acme);
    expect(after.status).toBe(200);
    // The same answer a fresh sandbox gave, quota included.
    expect(after.body).toEqual(fresh);
    expect((await call(`/api/prompts/tag?id=${tag.id}`, demoKeys.acme)).body.code).toBe('TAG_NOT_FOUND');
    expect((await call('/api/prompts/tags', guess)).body.code).toBe('AUTH_KEY_UNKNOWN');
  });

  it('loads other fixtures: their keys work, keys no longer in them do not', async () => {
    const { sandbox, call } = await inProcess();
    const other = fixturesFile((copy) => {
      const acme = copy.apiKeys.find((k) => k.key === demoKeys.acme)!;
      copy.apiKeys = [{ ...acme, key: 'sk_test_resetOtherFixtures00000000000001' }];
    });
    await sandbox.reset({ fixtures: other });
    expect((await call('/api/prompts/tags', 'sk_test_resetOtherFixtures00000000000001')).status).toBe(200);
    expect((await call('/api/prompts/tags', demoKeys.acme)).body.code).toBe('AUTH_KEY_UNKNOWN');
  });

  it('changes nothing when the fixtures file cannot be read', async () => {
    const { sandbox, call, createTag } = await inProcess();
    const tag = (await createTag('kept')).body.data;
    await expect(sandbox.reset({ fixtures: '/does/not/exist.json' })).rejects.toThrow(/cannot read fixtures file/);
    expect((await call(`/api/prompts/tag?id=${tag.id}`, demoKeys.acme)).status).toBe(200);
  });
});
