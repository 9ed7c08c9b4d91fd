// Every file of this repository that the README and the guides name in
// backticks (`test/...`, `src/...`, `bench/...`, `scripts/...`) exists: a
// renamed or removed file must not leave a reference behind.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const pages = ['README.md', ...readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
const CITED = /`((?:test|src|bench|scripts|lint|generated)\/[A-Za-z0-9_./-]+\.(?:ts|js|json|yaml))`/g;

describe('files the docs cite', () => {
  it.each(pages)('%s names only files that exist', (page) => {
    const text = readFileSync(join(root, page), 'utf8');
    const cited = [...text.matchAll(CITED)].map((m) => m[1]!);
    expect(cited.filter((path) => !existsSync(join(root, path)))).toEqual([]);
  });
});
