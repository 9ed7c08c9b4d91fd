import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/spec.ts';

// Compiles a consumer file with the project's own compiler options, resolving
// `snippets-api-contract/...` through package.json's `exports`, as a consuming
// team's compiler would.
function compile(file: string): ts.Diagnostic[] {
  const configPath = join(repoRoot, 'tsconfig.json');
  const config = ts.parseJsonConfigFileContent(ts.readConfigFile(configPath, ts.sys.readFile).config, ts.sys, repoRoot);
  const program = ts.createProgram([file], { ...config.options, noEmit: true });
  return [...ts.getPreEmitDiagnostics(program)].filter((d) => d.file?.fileName === file || d.file === undefined);
}

function lineOf(diagnostic: ts.Diagnostic): number {
  return diagnostic.file!.getLineAndCharacterOfPosition(diagnostic.start!).line + 1;
}

describe('a consumer of the generated types', () => {
  it('compiles when it uses the types, catalog and validators correctly', () => {
    const diagnostics = compile(join(repoRoot, 'test/fixtures/consumer-ok.ts'));
    expect(diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))).toEqual([]);
  });

  it('fails to compile on each deliberate misuse, and only there', () => {
    const file = join(repoRoot, 'test/fixtures/consumer-broken.ts');
    const marked = readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((line, index) => (!line.trimStart().startsWith('//') && line.includes('// ✗') ? [index + 1] : []));
    const diagnostics = compile(file);
    expect(marked.length).toBe(7);
    expect([...new Set(diagnostics.map(lineOf))].sort((a, b) => a - b)).toEqual(marked);
  });
});
