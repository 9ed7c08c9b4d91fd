// The sandbox's clock (issue #15, point 3, in-process): every time-based rule
// reads it, so a test moves time instead of waiting for it. Each case would
// take a minute or more of real time; here none waits.
import { describe, expect, it } from 'vitest';
import { limits } from '../../src/contract/spec.ts';
import { sandboxesClosedAfterEach, sandboxKinds } from '../helpers/sandbox-kinds.ts';
import { demoKeys, demoTeams, fixturesFile } from '../helpers/sandbox.ts';

const held = sandboxesClosedAfterEach();

describe.each(sandboxKinds)("the sandbox's clock ($name)", ({ start }) => {
  const inProcess = (fixtures?: string) => held(start, fixtures);
  it('reopens the rate-limit window after advance(60_000), with no waiting', async () => {
    const started = Date.now();
    const { sandbox, call } = await inProcess();
    let refused;
    for (let sent = 0; sent <= limits.rateLimitPerMinute && !refused; sent++) {
      const answer = await call('/api/prompts/tags', demoKeys.acme);
      if (answer.status === 429) refused = answer;
    }
    expect(refused?.body.code).toBe('RATE_LIMIT_EXCEEDED');
    sandbox.clock.advance(60_000);
    expect((await call('/api/prompts/tags', demoKeys.acme)).status).toBe(200);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('expires a key once the clock passes its expiresAt', async () => {
    const expiresAt = new Date(Date.now() + 3600_000).toISOString();
    const file = fixturesFile((copy) => {
      copy.apiKeys.find((k) => k.key === demoKeys.acme)!.expiresAt = expiresAt;
    });
    const { sandbox, call } = await inProcess(file);
    expect((await call('/api/prompts/tags', demoKeys.acme)).status).toBe(200);
    sandbox.clock.set(Date.parse(expiresAt) + 1000);
    const expired = await call('/api/prompts/tags', demoKeys.acme);
    expect([expired.status, expired.body.code]).toEqual([401, 'AUTH_KEY_EXPIRED']);
  });

  it('lifts a block after its time', async () => {
    const { sandbox, call } = await inProcess();
    const guess = 'sk_test_guessingClock000000000000000001';
    let answer;
    for (let attempt = 0; attempt <= limits.invalidAttemptThreshold; attempt++) answer = await call('/api/prompts/tags', guess);
    expect(answer!.body.code).toBe('KEY_TEMPORARILY_BLOCKED');
    sandbox.clock.advance(limits.keyBlockSeconds * 1000);
    expect((await call('/api/prompts/tags', guess)).body.code).toBe('AUTH_KEY_UNKNOWN');
  });

  it('dates what is written by its time, and never goes back', async () => {
    const { sandbox, call } = await inProcess();
    sandbox.clock.set('2031-05-01T12:00:00Z');
    const created = await call('/api/prompts/tag', demoKeys.acme, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tagName: 'from the future', teamId: demoTeams.platform }),
    });
    expect(created.body.data.createdAt).toMatch(/^2031-05-01T12:00:0/);
    expect(() => sandbox.clock.set('2030-01-01T00:00:00Z')).toThrow(/never goes back.*start a new sandbox instead/);
    expect(() => sandbox.clock.advance(-1)).toThrow(RangeError);
  });
});
