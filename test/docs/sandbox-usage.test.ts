// The synopsis of `snippets-sandbox` is printed by --help and repeated in the
// README and docs/sandbox.md: the copies must say what --help says.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { USAGE } from '../../src/sandbox/cli-options.ts';

/** `snippets-sandbox [--flag …] …` up to the end of its continuation lines, whitespace collapsed. */
function synopsis(text: string): string {
  const lines = text.split('\n');
  const first = lines.findIndex((line) => /^(Usage: )?snippets-sandbox \[/.test(line));
  expect(first, 'no snippets-sandbox synopsis').toBeGreaterThanOrEqual(0);
  const block = [lines[first]!];
  for (const line of lines.slice(first + 1)) {
    if (!/^\s+\[/.test(line)) break;
    block.push(line);
  }
  return block.join(' ').replace(/^Usage: /, '').replace(/\s+/g, ' ').trim();
}

describe('the snippets-sandbox synopsis', () => {
  it.each(['README.md', 'docs/sandbox.md'])('in %s is the one --help prints', (file) => {
    expect(synopsis(readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8'))).toBe(synopsis(USAGE));
  });
});
