// The lines of DESIGN.md "Which part may use which", checked on the imports.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/spec.ts';

function filesUnder(dir: string, extensions: RegExp): string[] {
  return readdirSync(join(repoRoot, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && extensions.test(e.name))
    .map((e) => relative(repoRoot, join(e.parentPath, e.name)));
}

/** The module specifiers a file imports, statically or dynamically. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(repoRoot, file), 'utf8');
  const found = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?\sfrom\s+['"]([^'"]+)['"]/g), ...text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g), ...text.matchAll(/(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g)];
  return found.map((m) => m[1]!);
}

/** Where a relative specifier points, from the repository root. */
function target(file: string, specifier: string): string {
  return relative(repoRoot, join(repoRoot, file, '..', specifier));
}

describe('the architecture', () => {
  it('generated/ imports nothing of ours outside itself, and only ajv runtime helpers', () => {
    for (const file of filesUnder('generated', /\.(js|d\.ts)$/)) {
      for (const specifier of importsOf(file)) {
        if (specifier.startsWith('.')) expect(target(file, specifier), file).toMatch(/^generated\//);
        else expect(specifier, file).toMatch(/^(ajv\/dist\/runtime\/|ajv-formats\/dist\/formats|ajv$)/);
      }
    }
  });

  it('the client uses generated/, src/portable/ and openapi-fetch, no node: module, and nothing else of ours', () => {
    const files = filesUnder('src/client', /\.ts$/);
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      for (const specifier of importsOf(file)) {
        if (specifier.startsWith('.')) expect(target(file, specifier), `${file}: ${specifier}`).toMatch(/^(src\/client\/|src\/portable\/[a-z0-9-]+\.ts$|generated\/(error-catalog|error-codes|limits|operations|openapi)\.js$)/);
        else expect(specifier, file).toMatch(/^(openapi-fetch|openapi-typescript-helpers)$/);
      }
    }
  });

  it('the sandbox never imports the client or the verifier', () => {
    for (const file of filesUnder('src/sandbox', /\.ts$/)) {
      for (const specifier of importsOf(file).filter((s) => s.startsWith('.'))) {
        expect(target(file, specifier), file).not.toMatch(/^src\/(client|contract)\//);
      }
    }
  });

  it('msw, an optional peer dependency, is imported by src/sandbox/msw-handlers.ts alone, which nothing of ours imports', () => {
    const mswEntry = 'src/sandbox/msw-handlers.ts';
    for (const file of filesUnder('src', /\.ts$/)) {
      for (const specifier of importsOf(file)) {
        if (/^msw(\/|$)/.test(specifier)) expect(file, specifier).toBe(mswEntry);
        if (specifier.startsWith('.')) expect(target(file, specifier), file).not.toBe(mswEntry);
      }
    }
  });

  it('nothing at run time imports scripts/', () => {
    for (const file of [...filesUnder('src', /\.ts$/), ...filesUnder('generated', /\.js$/)]) {
      for (const specifier of importsOf(file).filter((s) => s.startsWith('.'))) expect(target(file, specifier), file).not.toMatch(/^scripts\//);
    }
  });
});
