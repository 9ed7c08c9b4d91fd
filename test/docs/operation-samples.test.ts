// The code samples of the reference (scripts/docs/code-samples.ts), for every
// operation: each TypeScript sample compiles against the built package, as a
// consumer's file would; each curl line, parsed into method, URL, headers and
// body, is sent to a real sandbox and gets the status its operation documents.
// The samples' ids come from the spec's examples. Team ids must be the demo
// fixtures' own; snippets, folders, tags and variations cannot be in
// fixtures (they hold workspaces, teams and keys only), so before each curl
// sample the test creates fresh ones and puts their ids where the sample has
// the example's, as a reader does with the ids their sandbox returned.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleTarget } from '../../scripts/docs/build-site.ts';
import { curlSample, typescriptSample } from '../../scripts/docs/code-samples.ts';
import { operationExamples } from '../../scripts/docs/operation-examples.ts';
import { isObject, loadSpec, type Json, type JsonObject } from '../../scripts/lib/spec.ts';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { demoKeys, fixtures, startRoomySandbox, type ContractClient } from '../helpers/sandbox.ts';

const repoRoot = join(import.meta.dirname, '..', '..');
const doc = loadSpec(join(repoRoot, 'openapi.yaml'));
const examples = operationExamples(doc);
const target = sampleTarget(doc);

describe('the samples name what the demo fixtures have', () => {
  it('the demo key, and teams of the demo key', () => {
    expect(target.apiKey).toBe(demoKeys.acme);
    const teams = new Set(fixtures.apiKeys.find((k) => k.key === demoKeys.acme)!.teamIds);
    for (const op of examples) {
      for (const teamId of JSON.stringify(op.body ?? null).match(/"teamId":"([^"]+)"/g) ?? []) expect(teams.has(teamId.slice(10, -1)), `${op.operationId}: ${teamId}`).toBe(true);
    }
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

type Kind = 'snippet' | 'variation' | 'folder' | 'tag';
/** The kind of every resource id of the spec's examples: by the object that holds it as `id`, else by the field that names it. */
function idKinds(spec: JsonObject): Map<string, Kind> {
  const kinds = new Map<string, Kind>();
  const byField: Record<string, Kind> = { snippetId: 'snippet', variationId: 'variation', variationIds: 'variation', folderId: 'folder', parentFolderId: 'folder', tagIds: 'tag', parentTagId: 'tag' };
  const fieldHits: Array<[string, Kind]> = [];
  const walk = (node: Json) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!isObject(node)) return;
    if (typeof node.id === 'string') {
      const kind: Kind | undefined = 'variationName' in node ? 'variation' : 'title' in node ? 'snippet' : 'folderName' in node ? 'folder' : 'tagName' in node ? 'tag' : undefined;
      if (kind) kinds.set(node.id, kind);
    }
    for (const [key, value] of Object.entries(node)) {
      const kind = byField[key];
      if (kind) for (const id of [value].flat()) if (typeof id === 'string') fieldHits.push([id, kind]);
      walk(value);
    }
  };
  walk(spec);
  for (const [id, kind] of fieldHits) if (!kinds.has(id)) kinds.set(id, kind);
  return kinds;
}

describe('every curl sample gets its documented status from a real sandbox', () => {
  let sandbox: Sandbox;
  let api: ContractClient;
  const kinds = idKinds(doc);
  const teamId = fixtures.apiKeys.find((k) => k.key === demoKeys.acme)!.teamIds[0]!;

  beforeAll(async () => {
    ({ sandbox, api } = await startRoomySandbox());
  });
  afterAll(() => sandbox?.close());

  /** Two fresh resources of each kind in the demo team; a snippet's variations are its Default and one more. */
  async function world(): Promise<Record<Kind, string[]>> {
    const snippets = [];
    for (const title of ['a', 'b']) {
      const answer = await api.send('createSnippet', 'POST', '/api/prompts/snippet', {
        body: { title, content: { type: 'plaintext', content: title }, teamId, additionalVariations: [{ variationName: 'Second', content: { type: 'plaintext', content: 'x' } }] },
      });
      snippets.push(answer.body.data);
    }
    const folders = [];
    const tags = [];
    for (const name of ['a', 'b']) {
      folders.push((await api.send('createFolder', 'POST', '/api/prompts/folder', { body: { folderName: name, teamId } })).body.data.id);
      tags.push((await api.send('createTag', 'POST', '/api/prompts/tag', { body: { tagName: name, teamId } })).body.data.id);
    }
    return { snippet: snippets.map((s) => s.id), variation: snippets[0].variations.map((v: { id: string }) => v.id), folder: folders, tag: tags };
  }

  /** The sample with the example's resource ids replaced, kind by kind in order of appearance, by real ones. */
  function withRealIds(sample: string, real: Record<Kind, string[]>): string {
    const used: Record<Kind, string[]> = { snippet: [], variation: [], folder: [], tag: [] };
    return sample.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, (id) => {
      const kind = kinds.get(id);
      if (!kind) return id; // a team of the fixtures (checked above)
      if (!used[kind].includes(id)) used[kind].push(id);
      const index = used[kind].indexOf(id);
      if (index >= real[kind].length) throw new Error(`the sample names more ${kind}s than the test makes`);
      return real[kind][index]!;
    });
  }

  async function send(curl: string): Promise<{ status: number; text: string }> {
    const request = parseCurl(curl.replace(target.baseUrl, sandbox.url));
    const response = await fetch(request.url, { method: request.method, headers: request.headers, ...(request.body !== undefined && { body: request.body }) });
    return { status: response.status, text: await response.text() };
  }

  it('parses the samples it sends', () => {
    expect(parseCurl(`curl -X POST 'http://h/p?a=1' \\\n  -H 'Authorization: Bearer k' \\\n  -d '{"t":"it'\\''s"}'`)).toEqual({
      method: 'POST',
      url: 'http://h/p?a=1',
      headers: { authorization: 'Bearer k' },
      body: `{"t":"it's"}`,
    });
  });

  it.each(examples.map((op) => [op.operationId, op] as const))('%s', async (_, op) => {
    const curl = withRealIds(curlSample(op, target), await world());
    const { status, text } = await send(curl);
    expect(status, `${curl}\n-> ${text.slice(0, 300)}`).toBe(op.status);
  });

  it('can fail: the same sample with an id the sandbox does not know gets a 404', async () => {
    const op = examples.find((o) => o.operationId === 'getSnippet')!;
    const { status, text } = await send(curlSample(op, target));
    expect(status).toBe(404);
    expect(JSON.parse(text).code).toBe('SNIPPET_NOT_FOUND');
  });
});
