// One scenario for each error scenario of the seed page and each catalog
// code that can be provoked from outside.
import type { Scenario } from '../scenario.ts';
import { content, mainTeam, newSnippet, unique, uuid } from './shared.ts';

const snippetBody = (t: Parameters<Scenario['run']>[0], extra: Record<string, unknown> = {}) => ({ title: unique('x'), content: content(), teamId: mainTeam(t), ...extra });

export const errorScenarios: Scenario[] = [
  // Authentication
  {
    id: 'authentication.missing-header',
    title: 'No Authorization header',
    category: 'authentication',
    expected: '401 AUTH_HEADER_MISSING',
    needs: [],
    run: async (t) => void (await t.expect({ operationId: 'getTags', key: null }, { status: 401, code: 'AUTH_HEADER_MISSING' })),
  },
  {
    id: 'authentication.malformed-key',
    title: 'A key of the wrong form',
    category: 'authentication',
    expected: '401 AUTH_KEY_MALFORMED',
    needs: [],
    run: async (t) => {
      await t.expect({ operationId: 'getTags', key: null, headers: { authorization: 'Bearer not-a-key' } }, { status: 401, code: 'AUTH_KEY_MALFORMED' });
      await t.expect({ operationId: 'getTags', key: null, headers: { authorization: 'Basic dXNlcjpwYXNz' } }, { status: 401, code: 'AUTH_KEY_MALFORMED' });
    },
  },
  {
    id: 'authentication.unknown-key',
    title: 'A well-formed key nobody issued',
    category: 'authentication',
    expected: '401 AUTH_KEY_UNKNOWN',
    needs: [],
    run: async (t) => void (await t.expect({ operationId: 'getTags', key: `sk_test_verifier${uuid().replace(/-/g, '')}` }, { status: 401, code: 'AUTH_KEY_UNKNOWN' })),
  },
  ...(
    [
      ['inactive', 'inactiveKey', 'AUTH_KEY_INACTIVE'],
      ['deleted', 'deletedKey', 'AUTH_KEY_DELETED'],
      ['expired', 'expiredKey', 'AUTH_KEY_EXPIRED'],
    ] as const
  ).map(
    ([name, role, code]): Scenario => ({
      id: `authentication.${name}-key`,
      title: `An ${name} key`,
      category: 'authentication',
      expected: `401 ${code}`,
      needs: [role],
      run: async (t) => void (await t.expect({ operationId: 'getTags', key: t.roles[role]! }, { status: 401, code })),
    }),
  ),

  // Validation
  {
    id: 'validation.missing-parameter',
    title: 'A required query parameter left out',
    category: 'validation',
    expected: '400 PARAMETER_MISSING',
    needs: ['main'],
    run: async (t) => void (await t.expect({ operationId: 'getSnippet' }, { status: 400, code: 'PARAMETER_MISSING' })),
  },
  {
    id: 'validation.invalid-json',
    title: 'A body that is not valid JSON',
    category: 'validation',
    expected: '400 BODY_INVALID_JSON',
    needs: ['main'],
    run: async (t) =>
      void (await t.expect({ operationId: 'createSnippet', rawBody: '{"title": "x",', headers: { 'content-type': 'application/json' } }, { status: 400, code: 'BODY_INVALID_JSON' })),
  },
  {
    id: 'validation.wrong-type',
    title: 'A number where a string is expected',
    category: 'validation',
    expected: '400 TYPE_MISMATCH',
    needs: ['main'],
    run: async (t) => void (await t.expect({ operationId: 'createSnippet', body: snippetBody(t, { title: 42 }) }, { status: 400, code: 'TYPE_MISMATCH' })),
  },
  {
    id: 'validation.too-long',
    title: 'A title over 200 characters',
    category: 'validation',
    expected: '400 FIELD_LENGTH_INVALID',
    needs: ['main'],
    run: async (t) => void (await t.expect({ operationId: 'createSnippet', body: snippetBody(t, { title: 'x'.repeat(201) }) }, { status: 400, code: 'FIELD_LENGTH_INVALID' })),
  },
  {
    id: 'validation.malformed-uuid',
    title: 'An id that is not a UUID',
    category: 'validation',
    expected: '400 PARAMETER_INVALID',
    needs: ['main'],
    run: async (t) => void (await t.expect({ operationId: 'getSnippet', query: { id: 'snippet-1' } }, { status: 400, code: 'PARAMETER_INVALID' })),
  },
  {
    id: 'validation.unknown-field',
    title: 'A misspelt body field',
    category: 'validation',
    expected: '400 FIELD_UNKNOWN',
    needs: ['main'],
    run: async (t) => void (await t.expect({ operationId: 'createSnippet', body: snippetBody(t, { titel: 'typo' }) }, { status: 400, code: 'FIELD_UNKNOWN' })),
  },
  {
    id: 'validation.body-too-large',
    title: 'A body over the size limit',
    category: 'validation',
    expected: '413 PAYLOAD_TOO_LARGE',
    needs: ['main'],
    run: async (t) =>
      void (await t.expect(
        { operationId: 'createSnippet', rawBody: JSON.stringify({ ...snippetBody(t), note: 'x'.repeat(1_100_000) }), headers: { 'content-type': 'application/json' } },
        { status: 413, code: 'PAYLOAD_TOO_LARGE' },
      )),
  },
  {
    id: 'validation.wrong-content-type',
    title: 'A form body instead of JSON',
    category: 'validation',
    expected: '415 UNSUPPORTED_MEDIA_TYPE',
    needs: ['main'],
    run: async (t) =>
      void (await t.expect({ operationId: 'createSnippet', rawBody: 'title=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } }, { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' })),
  },

  // Permission
  {
    id: 'permission.team-not-granted',
    title: "A team of the key's workspace that the key lacks",
    category: 'permission',
    expected: '403 TEAM_ACCESS_DENIED',
    needs: ['main', 'lackedTeamId'],
    run: async (t) => void (await t.expect({ operationId: 'createSnippet', body: snippetBody(t, { teamId: t.roles.lackedTeamId }) }, { status: 403, code: 'TEAM_ACCESS_DENIED' })),
  },
  {
    id: 'permission.inactive-subscription',
    title: 'A workspace whose subscription lapsed',
    category: 'permission',
    expected: '403 SUBSCRIPTION_INACTIVE',
    needs: ['lapsedKey'],
    run: async (t) => void (await t.expect({ operationId: 'getTags', key: t.roles.lapsedKey! }, { status: 403, code: 'SUBSCRIPTION_INACTIVE' })),
  },
  {
    id: 'permission.other-workspace-team',
    title: "Another workspace's team",
    category: 'permission',
    expected: '403 WORKSPACE_MISMATCH',
    needs: ['main', 'foreign'],
    run: async (t) => void (await t.expect({ operationId: 'createSnippet', body: snippetBody(t, { teamId: t.roles.foreign!.teamIds[0] }) }, { status: 403, code: 'WORKSPACE_MISMATCH' })),
  },

  // Quota: the refused call writes nothing, which a read at zero quota can show (it costs nothing only if it finds nothing).
  {
    id: 'quota.insufficient',
    title: 'A call that costs more than what remains, and writes nothing',
    category: 'quota',
    expected: '403 QUOTA_INSUFFICIENT',
    needs: ['noQuota'],
    run: async (t) => {
      const { key, teamIds } = t.roles.noQuota!;
      const tagName = unique('never written');
      const refused = await t.expect({ operationId: 'createTag', key, body: { tagName, teamId: teamIds[0] } }, { status: 403, code: 'QUOTA_INSUFFICIENT' });
      const usage = (refused.json as { usage?: { remainingRequests: number; requiredRequests: number } })?.usage;
      if (!usage || usage.requiredRequests <= usage.remainingRequests) {
        t.fail({ operationId: 'createTag', at: '/usage', expected: 'requiredRequests above remainingRequests', actual: JSON.stringify(usage) });
      }
      const tags = await t.expect({ operationId: 'getTags', key, query: { teamId: teamIds[0]! } }, { status: 200 });
      const names = ((tags.json as { data?: Array<{ tagName: string }> })?.data ?? []).map((tag) => tag.tagName);
      if (names.includes(tagName)) t.fail({ operationId: 'createTag', at: '/data', expected: 'nothing written', actual: `tag "${tagName}" exists` });
    },
  },
  {
    id: 'quota.batch-insufficient',
    title: 'A batch the quota cannot pay in full writes nothing at all',
    category: 'batch',
    expected: '403 BATCH_QUOTA_INSUFFICIENT',
    needs: ['noQuota'],
    run: async (t) => {
      const { key, teamIds } = t.roles.noQuota!;
      const names = [unique('never a'), unique('never b'), unique('never c')];
      await t.expect({ operationId: 'createTags', key, body: { tags: names.map((tagName) => ({ tagName, teamId: teamIds[0] })) } }, { status: 403, code: 'BATCH_QUOTA_INSUFFICIENT' });
      const tags = await t.expect({ operationId: 'getTags', key, query: { teamId: teamIds[0]! } }, { status: 200 });
      const found = ((tags.json as { data?: Array<{ tagName: string }> })?.data ?? []).filter((tag) => names.includes(tag.tagName));
      if (found.length > 0) t.fail({ operationId: 'createTags', at: '/data', expected: 'nothing written', actual: `${found.length} of the batch's tags exist` });
    },
  },

  // Resources
  ...(
    [
      ['snippet', 'getSnippet', 'SNIPPET_NOT_FOUND'],
      ['folder', 'getFolder', 'FOLDER_NOT_FOUND'],
      ['tag', 'getTag', 'TAG_NOT_FOUND'],
    ] as const
  ).map(
    ([kind, operationId, code]): Scenario => ({
      id: `resource.unknown-${kind}`,
      title: `A ${kind} id that does not exist`,
      category: 'resource',
      expected: `404 ${code}`,
      needs: ['main'],
      run: async (t) => void (await t.expect({ operationId, query: { id: uuid() } }, { status: 404, code })),
    }),
  ),
  {
    id: 'resource.deleted',
    title: 'A snippet that was deleted',
    category: 'resource',
    expected: '404 RESOURCE_DELETED',
    needs: ['main'],
    run: async (t) => {
      const snippet = await newSnippet(t);
      await t.setup({ operationId: 'deleteSnippet', query: { id: snippet.id } });
      await t.expect({ operationId: 'getSnippet', query: { id: snippet.id } }, { status: 404, code: 'RESOURCE_DELETED' });
    },
  },
  {
    id: 'resource.unknown-endpoint',
    title: 'A path with no endpoint',
    category: 'resource',
    expected: '404 ENDPOINT_NOT_FOUND',
    needs: [],
    run: async (t) => void (await t.expect({ method: 'GET', path: '/api/prompts/snipet' }, { status: 404, code: 'ENDPOINT_NOT_FOUND' })),
  },
  {
    id: 'resource.wrong-method',
    title: 'A known path with a method it does not support',
    category: 'resource',
    expected: '405 METHOD_NOT_ALLOWED',
    needs: [],
    run: async (t) => void (await t.expect({ method: 'PATCH', path: '/api/prompts/snippet' }, { status: 405, code: 'METHOD_NOT_ALLOWED' })),
  },
  {
    id: 'resource.other-workspace-hidden',
    title: "Another workspace's snippet answers like one that does not exist",
    category: 'resource',
    expected: '404 SNIPPET_NOT_FOUND',
    needs: ['main', 'foreign'],
    run: async (t) => {
      const { key, teamIds } = t.roles.foreign!;
      const theirs = await t.setup({ operationId: 'createSnippet', key, body: { title: unique('Not yours'), content: content(), teamId: teamIds[0] } });
      const hidden = await t.expect({ operationId: 'getSnippet', query: { id: theirs.data.id } }, { status: 404, code: 'SNIPPET_NOT_FOUND' });
      const unknown = await t.expect({ operationId: 'getSnippet', query: { id: uuid() } }, { status: 404, code: 'SNIPPET_NOT_FOUND' });
      const strip = (json: unknown) => JSON.stringify({ ...(json as object), requestId: undefined });
      if (strip(hidden.json) !== strip(unknown.json)) {
        t.fail({ operationId: 'getSnippet', at: '/message', expected: 'the same answer as for an unknown id', actual: hidden.text.slice(0, 120) });
      }
    },
  },

  // Variations
  {
    id: 'variation.not-found',
    title: 'A variation id that does not exist',
    category: 'variation',
    expected: '404 VARIATION_NOT_FOUND',
    needs: ['main'],
    run: async (t) => {
      const snippet = await newSnippet(t);
      await t.expect({ operationId: 'getVariation', query: { snippetId: snippet.id, variationId: uuid() } }, { status: 404, code: 'VARIATION_NOT_FOUND' });
    },
  },
  {
    id: 'variation.other-snippet',
    title: 'A variation of another snippet',
    category: 'variation',
    expected: '404 VARIATION_NOT_IN_SNIPPET',
    needs: ['main'],
    run: async (t) => {
      const [a, b] = [await newSnippet(t), await newSnippet(t)];
      await t.expect({ operationId: 'getVariation', query: { snippetId: a.id, variationId: b.variations[0]!.id } }, { status: 404, code: 'VARIATION_NOT_IN_SNIPPET' });
    },
  },
  {
    id: 'variation.last-remaining',
    title: "Deleting a snippet's last variations",
    category: 'variation',
    expected: '409 VARIATION_LAST_REMAINING',
    needs: ['main'],
    run: async (t) => {
      const snippet = await newSnippet(t);
      const all = snippet.variations.map((v) => v.id).join(',');
      await t.expect({ operationId: 'deleteVariations', query: { snippetId: snippet.id, variationIds: all } }, { status: 409, code: 'VARIATION_LAST_REMAINING' });
      const after = await t.setup({ operationId: 'getSnippet', query: { id: snippet.id } });
      if (after.data.variations.length !== snippet.variations.length) {
        t.fail({ operationId: 'deleteVariations', at: '/data/variations', expected: 'nothing deleted', actual: `${after.data.variations.length} left of ${snippet.variations.length}` });
      }
    },
  },

  // Batches
  {
    id: 'batch.empty',
    title: 'A batch with no items',
    category: 'batch',
    expected: '400 BATCH_EMPTY',
    needs: ['main'],
    run: async (t) => void (await t.expect({ operationId: 'createSnippets', body: { snippets: [] } }, { status: 400, code: 'BATCH_EMPTY' })),
  },
  {
    id: 'batch.too-large',
    title: 'A batch over the item limit',
    category: 'batch',
    expected: '400 BATCH_TOO_LARGE',
    needs: ['main'],
    run: async (t) => {
      const items = Array.from({ length: 101 }, () => snippetBody(t));
      await t.expect({ operationId: 'createSnippets', body: { snippets: items } }, { status: 400, code: 'BATCH_TOO_LARGE' });
    },
  },
  {
    id: 'batch.partial-failure',
    title: 'A batch where one item fails: per-item error and counts',
    category: 'batch',
    expected: '207 BATCH_PARTIAL_FAILURE',
    needs: ['main'],
    run: async (t) => {
      const answer = await t.expect({ operationId: 'createSnippets', body: { snippets: [snippetBody(t), snippetBody(t, { tagIds: [uuid()] })] } }, { status: 207, code: 'BATCH_PARTIAL_FAILURE' });
      const body = answer.json as { metadata?: Record<string, number>; data?: { errors?: Array<{ index: number }> } };
      const counts = body.metadata;
      if (counts?.requestedCount !== 2 || counts.succeededCount !== 1 || counts.failedCount !== 1) {
        t.fail({ operationId: 'createSnippets', at: '/metadata', expected: '{"requestedCount":2,"succeededCount":1,"failedCount":1}', actual: JSON.stringify(counts) });
      }
      if (body.data?.errors?.[0]?.index !== 1) t.fail({ operationId: 'createSnippets', at: '/data/errors/0/index', expected: '1', actual: JSON.stringify(body.data?.errors?.[0]?.index) });
    },
  },

  // Idempotency
  {
    id: 'idempotency.replay',
    title: 'A repeated POST under one Idempotency-Key returns the first answer',
    category: 'validation',
    expected: '201 twice, one snippet',
    needs: ['main'],
    run: async (t) => {
      const headers = { 'idempotency-key': uuid() };
      const body = snippetBody(t);
      const first = await t.expect({ operationId: 'createSnippet', body, headers }, { status: 201 });
      const again = await t.expect({ operationId: 'createSnippet', body, headers }, { status: 201 });
      const id = (e: typeof first) => (e.json as { data?: { id?: string } })?.data?.id;
      if (id(first) !== id(again)) t.fail({ operationId: 'createSnippet', at: '/data/id', expected: `the first answer's id ${id(first)}`, actual: String(id(again)) });
    },
  },
  {
    id: 'idempotency.conflict',
    title: 'An Idempotency-Key reused with another body',
    category: 'validation',
    expected: '422 IDEMPOTENCY_KEY_REUSED',
    needs: ['main'],
    run: async (t) => {
      const headers = { 'idempotency-key': uuid() };
      await t.expect({ operationId: 'createSnippet', body: snippetBody(t), headers }, { status: 201 });
      await t.expect({ operationId: 'createSnippet', body: snippetBody(t), headers }, { status: 422, code: 'IDEMPOTENCY_KEY_REUSED' });
    },
  },
];
