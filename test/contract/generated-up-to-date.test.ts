import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildGeneratedFiles, staleFiles } from '../../scripts/generate.ts';
import { repoRoot, specPath } from '../helpers/spec.ts';

const generatedDir = join(repoRoot, 'generated');

describe('generated/', () => {
  it('is exactly what openapi.yaml produces (run `npm run generate` and commit if this fails)', async () => {
    const files = await buildGeneratedFiles(specPath);
    expect(staleFiles(files, generatedDir)).toEqual([]);
  });

  it('is produced deterministically: two runs give the same bytes', async () => {
    const [first, second] = [await buildGeneratedFiles(specPath), await buildGeneratedFiles(specPath)];
    expect([...second.keys()]).toEqual([...first.keys()]);
    for (const [name, content] of first) expect(second.get(name), name).toBe(content);
  });

  it('is reported stale when openapi.yaml changes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'spec-'));
    const edited = join(dir, 'openapi.yaml');
    writeFileSync(edited, readFileSync(specPath, 'utf8').replaceAll('tagsAttached', 'tagsLinked'));
    const files = await buildGeneratedFiles(edited);
    expect(staleFiles(files, generatedDir)).toEqual(['openapi.d.ts', 'openapi.json', 'validators.js']);
  });

  it('starts every source file with a do-not-edit line', () => {
    for (const name of ['openapi.d.ts', 'error-codes.js', 'error-codes.d.ts', 'error-catalog.js', 'error-catalog.d.ts', 'validators.js', 'validators.d.ts']) {
      expect(readFileSync(join(generatedDir, name), 'utf8').split('\n')[0], name).toMatch(/^\/\/ Generated from openapi\.yaml .* Do not edit\.$/);
    }
  });
});
