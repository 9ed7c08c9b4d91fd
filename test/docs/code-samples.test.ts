// Every ```ts block of the guides in docs/ and of README.md compiles, as a consuming team's
// file would: each block is its own module, placed (in memory) under test/docs/
// so that `import ... from 'snippets-api-contract'` resolves through
// package.json's `exports` by self-reference, to the built declarations in
// dist/. Compiled with the repo's tsconfig.json options, in one program per
// guide. Errors are reported at their line in the guide.
// In memory rather than as temp files: nothing is left behind if a run is
// killed, and no stray .ts file appears under test/ for a `tsc -p .` or a
// vitest run going on at the same time.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
// Paths from the repository root; README.md's sample is the first a consumer copies.
const guides = [...readdirSync(join(repoRoot, 'docs')).filter((name) => name.endsWith('.md')).sort().map((name) => `docs/${name}`), 'README.md'];
const builtTypes = join(repoRoot, 'dist', 'client', 'index.d.ts');

interface Block {
  /** 1-based line in the guide of the block's first code line. */
  firstLine: number;
  code: string;
  /** The in-memory file the block is compiled as. */
  fileName: string;
}

/** The ```ts (or ```typescript) fenced blocks of a Markdown text. */
function tsBlocks(markdown: string, dir: string, guide: string): Block[] {
  const lines = markdown.split('\n');
  const blocks: Block[] = [];
  let open: { firstLine: number; code: string[] } | undefined;
  let otherFence: string | undefined;
  lines.forEach((line, index) => {
    if (open) {
      if (/^```\s*$/.test(line)) {
        blocks.push({ firstLine: open.firstLine, code: open.code.join('\n') + '\n', fileName: join(dir, `__docs-${basename(guide, '.md')}-block-${blocks.length + 1}__.ts`) });
        open = undefined;
      } else {
        open.code.push(line);
      }
    } else if (otherFence !== undefined) {
      if (line.trim() === otherFence) otherFence = undefined;
    } else if (/^```(ts|typescript)\s*$/.test(line)) {
      open = { firstLine: index + 2, code: [] };
    } else if (/^\s*(```+|~~~+)/.test(line)) {
      otherFence = /^\s*(```+|~~~+)/.exec(line)![1]!;
    }
  });
  if (open) throw new Error(`${guide}: the ts block opened at line ${open.firstLine - 1} is never closed`);
  return blocks;
}

function newestMtime(dir: string): number {
  return Math.max(...readdirSync(dir).map((name) => statSync(join(dir, name)).mtimeMs));
}

/** The repo's compiler options, as consumer-types.test.ts reads them. */
function compilerOptions(): ts.CompilerOptions {
  const configPath = join(repoRoot, 'tsconfig.json');
  const config = ts.parseJsonConfigFileContent(ts.readConfigFile(configPath, ts.sys.readFile).config, ts.sys, repoRoot);
  return { ...config.options, noEmit: true };
}

/** A compiler host that serves the blocks from memory and everything else from disk. */
function hostFor(options: ts.CompilerOptions, blocks: Block[]): ts.CompilerHost {
  const host = ts.createCompilerHost(options, true);
  const files = new Map(blocks.map((b) => [b.fileName, b.code]));
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (name) => files.has(name) || fileExists.call(host, name);
  host.readFile = (name) => files.get(name) ?? readFile.call(host, name);
  host.getSourceFile = (name, languageVersion, onError, shouldCreate) => {
    const code = files.get(name);
    return code !== undefined ? ts.createSourceFile(name, code, languageVersion, true) : getSourceFile.call(host, name, languageVersion, onError, shouldCreate);
  };
  return host;
}

it('finds the guides with code samples', () => {
  expect(guides).toEqual(expect.arrayContaining(['docs/client.md', 'docs/contract-testing.md', 'docs/sandbox.md', 'README.md']));
});

describe.each(guides.filter((guide) => tsBlocks(readFileSync(join(repoRoot, guide), 'utf8'), '', guide).length > 0))('%s', (guide) => {
  const dir = join(repoRoot, 'test', 'docs');
  const blocks = tsBlocks(readFileSync(join(repoRoot, guide), 'utf8'), dir, guide);
  let program: ts.Program;
  let options: ts.CompilerOptions;
  let host: ts.CompilerHost;

  beforeAll(() => {
    if (!existsSync(builtTypes)) {
      throw new Error(
        'dist/client/index.d.ts is missing: the docs examples import the package as a consumer does, through package.json `exports`, ' +
          'which point at the build. Run `npm run build` first (`npm test` does).',
      );
    }
    for (const part of ['client', 'contract']) {
      if (newestMtime(join(repoRoot, 'src', part)) > statSync(join(repoRoot, 'dist', part, 'index.d.ts')).mtimeMs) {
        throw new Error(`dist/${part}/ is older than src/${part}/: the docs examples would be checked against stale types. Run \`npm run build\` first (\`npm test\` does).`);
      }
    }
    options = compilerOptions();
    host = hostFor(options, blocks);
    program = ts.createProgram(blocks.map((b) => b.fileName), options, host);
  });

  it('has ts blocks to check', () => {
    expect(blocks.length).toBeGreaterThan(0);
  });

  it("resolves 'snippets-api-contract' to the built client, through package.json exports", () => {
    const resolved = ts.resolveModuleName('snippets-api-contract', blocks[0]!.fileName, options, host).resolvedModule;
    expect(resolved?.resolvedFileName).toBe(builtTypes);
  });


  it.each(blocks.map((block, index) => [index + 1, block.firstLine - 1, block] as const))('block %i (line %i) compiles', (_, __, block) => {
    const source = program.getSourceFile(block.fileName)!;
    const diagnostics = [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)];
    const messages = diagnostics.map((d) => {
      const line = d.start === undefined ? block.firstLine : block.firstLine + source.getLineAndCharacterOfPosition(d.start).line;
      return `${guide}:${line}: TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
    });
    expect(messages).toEqual([]);
  });

  it('has no option or global errors (a missing lib or @types, a bad tsconfig)', () => {
    const diagnostics = [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics()];
    expect(diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))).toEqual([]);
  });
});
