// src/portable runs where Node's modules and globals do not: each of its
// files imports only its neighbours and names no Node-only global.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/spec.ts';

const dir = join(repoRoot, 'src/portable');
const files = readdirSync(dir).filter((name) => name.endsWith('.ts'));

/** The code of a file without its comments (none of these files has '//' or '/*' in a string). */
const codeOf = (name: string) =>
  readFileSync(join(dir, name), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '');

/** The code without its comments and without the text of its quoted strings (error messages, import specifiers). */
const namesIn = (name: string) => codeOf(name).replace(/'(?:[^'\\\n]|\\.)*'/g, "''");

describe('src/portable', () => {
  it('has the five helpers, each with a header comment', () => {
    expect(files.sort()).toEqual(['base64url.ts', 'next-turn.ts', 'sha256.ts', 'utf8.ts', 'uuid.ts']);
    for (const name of files) expect(readFileSync(join(dir, name), 'utf8'), name).toMatch(/^\/\/ \S/);
  });

  it.each(files)('%s imports nothing but its neighbours', (name) => {
    const specifiers = [...codeOf(name).matchAll(/\b(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!);
    for (const specifier of specifiers) expect(specifier, name).toMatch(/^\.\/[\w-]+\.ts$/);
  });

  it.each(files)('%s names no Node-only global, and reaches setImmediate and Buffer only as optional properties of the globals', (name) => {
    const code = namesIn(name);
    expect(code, name).not.toMatch(/\b(process|require|module|__dirname|__filename|global)\b/);
    expect(code, name).not.toMatch(/(?<![.\w])(setImmediate|Buffer)\b(?!\??:)/);
    // Where there is no Buffer, reading it must give undefined, not throw.
    expect(code, name).not.toMatch(/\.Buffer(?!\?\.)/);
  });
});
