// Query parameters only in the serialization the spec declares (issue #19,
// point 5): the lists (`ids`, `variationIds`) are one comma-separated value
// (style form, explode false), so a client that repeats the name has a bug,
// and hears of it as a 400 with its catalog code rather than passing here and
// failing against a server that reads only one of the values.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../../src/sandbox/contract.ts';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { demoKeys, fixtures, startRoomySandbox, type ContractClient } from '../helpers/sandbox.ts';

const [first, second] = fixtures.snippets!;

describe('a query parameter given more than once', () => {
  let sandbox: Sandbox;
  let api: ContractClient;
  beforeAll(async () => {
    ({ sandbox, api } = await startRoomySandbox());
  });
  afterAll(() => sandbox?.close());

  it('the spec declares no repeated query parameter (so every repetition below is refused)', () => {
    for (const op of contract().operations) expect(op.query.filter((q) => q.repeatable).map((q) => `${op.operationId} ${q.name}`)).toEqual([]);
  });

  it('a comma-separated list works; the same list repeated is 400 PARAMETER_INVALID saying how to send it', async () => {
    const ok = await api.send('getSnippets', 'GET', `/api/prompts/snippets?ids=${first!.id},${second!.id}`);
    expect([ok.status, ok.body.data.length]).toEqual([200, 2]);
    const repeated = await api.send('getSnippets', 'GET', `/api/prompts/snippets?ids=${first!.id}&ids=${second!.id}`);
    expect([repeated.status, repeated.body.code]).toEqual([400, 'PARAMETER_INVALID']);
    expect(repeated.body.message).toBe('Query parameter ids is given 2 times; send it once; a list is one value, comma-separated: ids=a,b');
    expect(repeated.body.details).toEqual([{ field: 'ids', issue: 'is given 2 times' }]);
  });

  it('a single-valued parameter repeated, even with the same value, is refused too; it costs nothing', async () => {
    const before = (await api.send('getSnippet', 'GET', `/api/prompts/snippet?id=${first!.id}`)).body.usage.remainingRequests;
    const repeated = await api.send('getSnippet', 'GET', `/api/prompts/snippet?id=${first!.id}&id=${first!.id}`, { key: demoKeys.acme });
    expect([repeated.status, repeated.body.code, repeated.body.details]).toEqual([400, 'PARAMETER_INVALID', [{ field: 'id', issue: 'is given 2 times' }]]);
    const after = (await api.send('getSnippet', 'GET', `/api/prompts/snippet?id=${first!.id}`)).body;
    expect(after.usage.remainingRequests).toBe(before - after.usage.usageDeducted);
  });

  it('an unknown parameter repeated is still refused by its name (FIELD_UNKNOWN)', async () => {
    const unknown = await api.send('getSnippet', 'GET', `/api/prompts/snippet?id=${first!.id}&color=a&color=b`);
    expect([unknown.status, unknown.body.code]).toEqual([400, 'FIELD_UNKNOWN']);
  });
});
