// The code samples of the reference (scripts/docs/code-samples.ts), for every
// operation: each TypeScript sample compiles against the built package, as a
// consumer's file would; each curl line, parsed into method, URL, headers and
// body, is sent to a real sandbox and gets the status its operation documents.
// The samples' ids come from the spec's examples, and name what the demo
// fixtures hold (teams, and folders, tags, snippets and variations with
// fixed ids): each curl sample is sent as written, to a sandbox just reset
// to the demo fixtures, as a reader's own sandbox would be.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleTarget } from '../../scripts/docs/build-site.ts';
import { curlSample, typescriptSample } from '../../scripts/docs/code-samples.ts';
import { operationExamples } from '../../scripts/docs/operation-examples.ts';
import { loadSpec } from '../../scripts/lib/spec.ts';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { demoKeys, fixtures, fixturesFile, startSandbox } from '../helpers/sandbox.ts';

const repoRoot = join(import.meta.dirname, '..', '..');
const doc = loadSpec(join(repoRoot, 'openapi.yaml'));
const examples = operationExamples(doc);
const target = sampleTarget(doc);
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

describe('the samples name what the demo fixtures have', () => {
  it('the demo key, and teams of the demo key', () => {
    expect(target.apiKey).toBe(demoKeys.acme);
    const teams = new Set(fixtures.apiKeys.find((k) => k.key === demoKeys.acme)!.teamIds);
    for (const op of examples) {
      for (const teamId of JSON.stringify(op.body ?? null).match(/"teamId":"([^"]+)"/g) ?? []) expect(teams.has(teamId.slice(10, -1)), `${op.operationId}: ${teamId}`).toBe(true);
    }
  });

  it('every id a sample sends (query and body) is one the demo fixtures hold', () => {
    const held = new Set([
      ...fixtures.workspaces.map((w) => w.id),
      ...fixtures.teams.map((t) => t.id),
      ...(fixtures.folders ?? []).map((f) => f.id),
      ...(fixtures.tags ?? []).map((t) => t.id),
      ...(fixtures.snippets ?? []).flatMap((s) => [s.id, ...(s.variationIds ?? [])]),
    ]);
    const missing = examples.flatMap((op) =>
      (JSON.stringify([op.query, op.body ?? null]).match(UUID) ?? []).filter((id) => !held.has(id)).map((id) => `${op.operationId}: ${id}`),
    );
    expect(missing).toEqual([]);
    // Can fail: an id of no fixture is found.
    expect('00000000-0000-4000-8000-000000000000'.match(UUID)).toHaveLength(1);
  });
});

// ---- TypeScript: compiled in memory, under test/docs/ so that 'snippets-api-contract' resolves to dist/.
describe('every TypeScript sample compiles', () => {
  const files = new Map(examples.map((op) => [join(repoRoot, 'test', 'docs', `__sample-${op.operationId}__.ts`), typescriptSample(op, target)]));
  let program: ts.Program;
  beforeAll(() => {
    if (!existsSync(join(repoRoot, 'dist', 'client', 'index.d.ts'))) throw new Error('dist/ is missing: run `npm run build` first (`npm test` does)');
    const config = ts.parseJsonConfigFileContent(ts.readConfigFile(join(repoRoot, 'tsconfig.json'), ts.sys.readFile).config, ts.sys, repoRoot);
    const options = { ...config.options, noEmit: true };
    const host = ts.createCompilerHost(options, true);
    const { getSourceFile, fileExists, readFile } = host;
    host.fileExists = (name) => files.has(name) || fileExists.call(host, name);
    host.readFile = (name) => files.get(name) ?? readFile.call(host, name);
    host.getSourceFile = (name, version, onError, create) =>
      files.has(name) ? ts.createSourceFile(name, files.get(name)!, version, true) : getSourceFile.call(host, name, version, onError, create);
    program = ts.createProgram([...files.keys()], options, host);
  }, 120_000);

  it.each(examples.map((op) => op.operationId))('%s', (operationId) => {
    const source = program.getSourceFile(join(repoRoot, 'test', 'docs', `__sample-${operationId}__.ts`))!;
    const diagnostics = [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)];
    expect(diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))).toEqual([]);
  });
});

// ---- curl: parsed, sent with fetch.
interface ParsedCurl {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

/** The shell words of a command of single-quoted and bare words, with line continuations. */
function shellWords(command: string): string[] {
  const words: string[] = [];
  const text = command.replace(/\\\n/g, ' ');
  for (const [, word] of text.matchAll(/\s*((?:'[^']*'|\\'|[^\s'])+)/g)) words.push(word!.replace(/'([^']*)'|\\'/g, (m, inner: string | undefined) => (m === "\\'" ? "'" : inner!)));
  return words;
}

export function parseCurl(command: string): ParsedCurl {
  const words = shellWords(command);
  if (words[0] !== 'curl') throw new Error(`not a curl command: ${command}`);
  const parsed: ParsedCurl = { method: 'GET', url: '', headers: {} };
  for (let i = 1; i < words.length; i++) {
    const word = words[i]!;
    if (word === '-X') parsed.method = words[++i]!;
    else if (word === '-H') {
      const header = words[++i]!;
      const colon = header.indexOf(':');
      parsed.headers[header.slice(0, colon).trim().toLowerCase()] = header.slice(colon + 1).trim();
    } else if (word === '-d') parsed.body = words[++i]!;
    else if (word.startsWith('-')) throw new Error(`unknown curl flag ${word}`);
    else parsed.url = word;
  }
  return parsed;
}

describe('every curl sample gets its documented status from a real sandbox', () => {
  let sandbox: Sandbox;

  beforeAll(async () => {
    // The demo fixtures with every key allowed 100 000 requests a minute; state control to start each sample afresh.
    sandbox = await startSandbox({ fixtures: fixturesFile((f) => f.apiKeys.forEach((k) => (k.rateLimitPerMinute = 100_000))), admin: true });
  });
  afterAll(() => sandbox?.close());

  async function send(curl: string): Promise<{ status: number; text: string }> {
    const request = parseCurl(curl.replace(target.baseUrl, sandbox.url));
    const response = await fetch(request.url, { method: request.method, headers: request.headers, ...(request.body !== undefined && { body: request.body }) });
    return { status: response.status, text: await response.text() };
  }

  /** Back to the fixtures, as a reader's own sandbox starts: each sample as if it were the first one sent. */
  async function reset(): Promise<void> {
    expect((await fetch(`${sandbox.url}/__sandbox/reset`, { method: 'POST' })).status).toBe(200);
  }

  it('parses the samples it sends', () => {
    expect(parseCurl(`curl -X POST 'http://h/p?a=1' \\\n  -H 'Authorization: Bearer k' \\\n  -d '{"t":"it'\\''s"}'`)).toEqual({
      method: 'POST',
      url: 'http://h/p?a=1',
      headers: { authorization: 'Bearer k' },
      body: `{"t":"it's"}`,
    });
  });

  it.each(examples.map((op) => [op.operationId, op] as const))('%s, as written', async (_, op) => {
    await reset();
    const curl = curlSample(op, target);
    const { status, text } = await send(curl);
    expect(status, `${curl}\n-> ${text.slice(0, 300)}`).toBe(op.status);
  });

  it('can fail: the getSnippet sample with an id the demo fixtures do not hold gets a 404', async () => {
    await reset();
    const op = examples.find((o) => o.operationId === 'getSnippet')!;
    const sample = curlSample(op, target);
    const { status, text } = await send(sample.replace(String(op.query[0]!.value), '00000000-0000-4000-8000-00000000dead'));
    expect(status).toBe(404);
    expect(JSON.parse(text).code).toBe('SNIPPET_NOT_FOUND');
  });
});
