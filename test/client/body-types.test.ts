// Request bodies are checked by tsc: body-types.test-d.ts holds a valid call
// and marked bad calls for each operation. `tsc -p .` fails on a mark that no
// error meets; this test checks the rest: that every operation of the spec
// with a body has each kind of bad call, and that the error on each marked
// line is the one the mark names (not, say, a mistyped path on that line).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/spec.ts';

const file = join(repoRoot, 'test/client/body-types.test-d.ts');
const MARK = '// @ts-expect-error ';
const KINDS = ['misspelt', 'wrong type', 'not an object', 'missing'] as const;
type Kind = (typeof KINDS)[number];

interface Call {
  line: number;
  method: string;
  path: string;
  kind: Kind | 'valid';
  /** The field the mark names. */
  field: string | undefined;
}

/** The calls of the type-test file, with the mark above each bad one. */
function callsOf(source: string): Call[] {
  const lines = source.split('\n');
  const calls: Call[] = [];
  lines.forEach((text, index) => {
    const call = /client\.(?:throwing\.)?(PUT|POST)\('([^']+)'/.exec(text);
    if (!call) return;
    const above = lines[index - 1]!.trim();
    const mark = above.startsWith(MARK) ? above.slice(MARK.length) : undefined;
    const [kind, field] = mark === undefined ? ['valid'] : mark.split(': ');
    if (kind !== 'valid' && !(KINDS as readonly string[]).includes(kind!)) throw new Error(`line ${index}: unknown mark "${mark}"`);
    calls.push({ line: index + 1, method: call[1]!, path: call[2]!, kind: kind as Call['kind'], field });
  });
  return calls;
}

/** Every operation with a request body, and whether its body schema has required fields. */
function bodyOperations(): { method: string; path: string; hasRequired: boolean }[] {
  const doc = JSON.parse(readFileSync(join(repoRoot, 'generated/openapi.json'), 'utf8'));
  const resolve = (schema: any): any => (schema?.$ref ? resolve(doc.components.schemas[schema.$ref.split('/').pop()]) : schema);
  return Object.entries<any>(doc.paths).flatMap(([path, item]) =>
    Object.entries<any>(item)
      .filter(([, op]) => op?.requestBody)
      .map(([method, op]) => ({ method: method.toUpperCase(), path, hasRequired: (resolve(op.requestBody.content['application/json'].schema).required ?? []).length > 0 })),
  );
}

/** The file's diagnostics with its marks turned into plain comments, by line. */
function unmarkedDiagnostics(source: string): Map<number, string[]> {
  const config = ts.parseJsonConfigFileContent(ts.readConfigFile(join(repoRoot, 'tsconfig.json'), ts.sys.readFile).config, ts.sys, repoRoot);
  const options = { ...config.options, noEmit: true };
  const unmarked = source.replaceAll('// @ts-expect-error', '// expected');
  const host = ts.createCompilerHost(options, true);
  const { getSourceFile } = host;
  host.getSourceFile = (name, version, ...rest) => (name === file ? ts.createSourceFile(name, unmarked, version, true) : getSourceFile.call(host, name, version, ...rest));
  const program = ts.createProgram([file], options, host);
  const byLine = new Map<number, string[]>();
  for (const d of ts.getPreEmitDiagnostics(program, program.getSourceFile(file))) {
    const line = d.file!.getLineAndCharacterOfPosition(d.start!).line + 1;
    byLine.set(line, [...(byLine.get(line) ?? []), `TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`]);
  }
  return byLine;
}

const source = readFileSync(file, 'utf8');
const calls = callsOf(source);

describe('request bodies checked by tsc (body-types.test-d.ts)', () => {
  it.each(bodyOperations())('$method $path: a valid call and each kind of bad body', ({ method, path, hasRequired }) => {
    const kinds = new Set(calls.filter((c) => c.method === method && c.path === path).map((c) => c.kind));
    const expected = ['valid', 'misspelt', 'wrong type', 'not an object', ...(hasRequired ? ['missing'] : [])];
    expect([...kinds].sort()).toEqual(expect.arrayContaining(expected.sort()));
  });

  describe('each marked line fails for the reason its mark names, and no other line fails', () => {
    let diagnostics: Map<number, string[]>;
    beforeAll(() => {
      diagnostics = unmarkedDiagnostics(source);
    }, 60_000);

    // The messages TypeScript gives for each kind, with the field the mark names.
    const reason: Record<Kind, (field: string | undefined) => RegExp> = {
      misspelt: (field) => new RegExp(`TS(2353|2561): Object literal may only specify known properties, (and|but) '${field}' does not exist`),
      'wrong type': () => /TS2322: Type '[^']+' is not assignable to type/,
      'not an object': () => /TS(2559|2322): Type 'number' (has no properties in common with|is not assignable to) type '\{/,
      missing: (field) => new RegExp(`Property '${field}' is missing`),
    };

    it('has no error on a valid call or outside the calls', () => {
      const marked = new Set(calls.filter((c) => c.kind !== 'valid').map((c) => c.line));
      expect([...diagnostics].filter(([line]) => !marked.has(line))).toEqual([]);
    });

    it.each(calls.filter((c) => c.kind !== 'valid').map((c) => [c.line, c.kind, c.field ?? '', c] as const))('line %i: %s %s', (_, kind, field, call) => {
      expect(diagnostics.get(call.line)?.join('\n') ?? 'no error').toMatch(reason[kind as Kind](field || undefined));
    });
  });
});
