// Specmatic's contract tests driven by openapi.yaml's examples (issue #19),
// against sandboxes on the demo fixtures: one test per named request example,
// paired by name with its response example and its parameters' examples.
// Only the example-driven tests run (a filter names each): without it,
// Specmatic also makes schema-driven tests for a response with no request
// example of its name (a 207's), tens of thousands of them.
//
// Specmatic 2.55.1 does not send a list in the query as the contract has it
// (`ids=a,b`; specmatic/specmatic#1749), so it reads openapi.yaml through
// scripts/lib/specmatic-view.ts, which gives such a parameter as the string
// that goes on the wire. The last test shows the view is still needed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { isCommaList, specmaticView } from '../../scripts/lib/specmatic-view.ts';
import type { JsonObject } from '../../scripts/lib/spec.ts';
import { ContractClient, demoKeys, fixtures, startSandbox } from '../helpers/sandbox.ts';
import { exampleTests, filterFor, hasJava, listQueryOperations, runSpecmatic, type ExampleTest, type SpecmaticRun } from '../helpers/specmatic.ts';
import { spec } from '../helpers/spec.ts';

const expected = exampleTests(spec);
const lists = new Set(listQueryOperations(spec));
// A delete by a list names the resource the single delete of its kind names
// (the demo fixtures' second one, which no other example needs): it runs
// second, on a new sandbox, so that neither finds the other's work done.
const second = (t: ExampleTest) => t.method === 'DELETE' && lists.has(t.operationId);
const keyOf = (t: { method: string; path: string; name: string }) => `${t.method} ${t.path} ${t.name}`;
// The CI key of the demo fixtures: Acme's, whose rate limit a whole run fits in.
const ci = fixtures.apiKeys.find((k) => k.rateLimitPerMinute === 100_000 && k.workspaceId === fixtures.workspaces[0]!.id)!.key;
const auth = { [Object.keys((spec.components as JsonObject).securitySchemes as JsonObject)[0]!]: ci };

describe("Specmatic's view of openapi.yaml", () => {
  const view = specmaticView(spec);
  const parameters = (doc: JsonObject) => (doc.components as JsonObject).parameters as Record<string, JsonObject>;

  it('changes only the comma-separated lists of the query, into the strings sent, their examples joined', () => {
    const changed = Object.keys(parameters(spec)).filter((name) => JSON.stringify(parameters(spec)[name]) !== JSON.stringify(parameters(view)[name]));
    expect(changed).toEqual(Object.keys(parameters(spec)).filter((name) => isCommaList(parameters(spec)[name]!)));
    expect(changed.length).toBe(4);
    expect(JSON.stringify({ ...view, components: { ...(view.components as JsonObject), parameters: {} } })).toBe(
      JSON.stringify({ ...spec, components: { ...(spec.components as JsonObject), parameters: {} } }),
    );
    const ids = parameters(view).SnippetQueryIds!;
    expect(ids.schema).toEqual({ type: 'string', pattern: '^[^,]+(,[^,]+)*$' });
    expect((ids.examples as Record<string, JsonObject>).someMissing!.value).toBe(((parameters(spec).SnippetQueryIds!.examples as Record<string, JsonObject>).someMissing!.value as string[]).join(','));
  });
});

describe.skipIf(!hasJava)('Specmatic on the examples of openapi.yaml, against the sandbox (skipped when java is missing)', () => {
  const sandboxes: Sandbox[] = [];
  const runs: SpecmaticRun[] = [];
  let raw: SpecmaticRun;
  let after: ContractClient;

  beforeAll(async () => {
    for (const tests of [expected.filter((t) => !second(t)), expected.filter(second)]) {
      const sandbox = await startSandbox();
      sandboxes.push(sandbox);
      runs.push(await runSpecmatic({ baseUrl: sandbox.url, filter: filterFor(tests), auth, timeoutMs: 100_000, view: true }));
    }
    after = new ContractClient(sandboxes[0]!.url, demoKeys.acme);
    const sandbox = await startSandbox();
    sandboxes.push(sandbox);
    raw = await runSpecmatic({ baseUrl: sandbox.url, filter: filterFor(expected.filter((t) => lists.has(t.operationId))), auth, timeoutMs: 100_000, view: false });
  }, 240_000);

  afterAll(async () => {
    await Promise.all(sandboxes.map((s) => s.close()));
  });

  it('has one test per named example of every operation', () => {
    expect(new Set(expected.map((t) => t.operationId)).size).toBe(29);
    expect(expected.length).toBeGreaterThanOrEqual(29);
    expect(expected.filter(second).map((t) => t.operationId)).toEqual(['deleteSnippets', 'deleteVariations', 'deleteFolders', 'deleteTags']);
  });

  it('runs every one of them, each once, in under two minutes', () => {
    const scenarios = runs.flatMap((r) => r.scenarios);
    expect(runs.map((r) => r.summary.run).reduce((a, b) => a + b), runs.map((r) => r.output.slice(-2000)).join('\n')).toBe(expected.length);
    expect(scenarios.map(keyOf).sort()).toEqual(expected.map(keyOf).sort());
    expect(runs.map((r) => r.ms).reduce((a, b) => a + b)).toBeLessThan(120_000);
  });

  it('passes every one', () => {
    const failed = runs.flatMap((r) => r.scenarios.filter((s) => !s.passed).map(keyOf));
    expect(failed, runs.map((r) => r.output.slice(-4000)).join('\n')).toEqual([]);
    expect(runs.map((r) => r.summary.successes).reduce((a, b) => a + b)).toBe(expected.length);
    const ms = runs.map((r) => r.ms).reduce((a, b) => a + b);
    console.log(`Specmatic on the examples: ${runs.map((r) => r.summary.run).join(' + ')} tests run, ${runs.map((r) => r.summary.successes).join(' + ')} passed, in ${ms} ms`);
  });

  it('deleted what the delete examples name (each found it there)', async () => {
    const gone = await after.send('getSnippet', 'GET', '/api/prompts/snippet', { query: { id: fixtures.snippets![1]!.id } });
    expect([gone.status, gone.body.code]).toEqual([404, 'RESOURCE_DELETED']);
    const kept = await after.send('getSnippet', 'GET', '/api/prompts/snippet', { query: { id: fixtures.snippets![0]!.id } });
    expect(kept.status).toBe(200);
  });

  it('still needs the view: on openapi.yaml itself Specmatic fails every list in the query', () => {
    const listed = expected.filter((t) => lists.has(t.operationId));
    expect(raw.scenarios.filter((s) => s.passed).map(keyOf), 'Specmatic now sends these lists as the contract has them: drop scripts/lib/specmatic-view.ts').toEqual([]);
    expect(raw.summary.failures).toBe(listed.length);
    // Two ids sent as a repeated parameter, answered 400; a one-id list never sent.
    expect(raw.output).toContain('is given 2 times');
    expect(raw.output).toContain('Expected type list of uuid');
  });
});
