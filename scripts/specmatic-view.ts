// Writes Specmatic's view of openapi.yaml (scripts/lib/specmatic-view.ts),
// with specmatic.yaml beside it, into a directory to run `specmatic test` in:
//   npx tsx scripts/specmatic-view.ts DIR
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { loadSpec } from './lib/spec.ts';
import { specmaticView } from './lib/specmatic-view.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Writes the view and the configuration into `dir`. */
export function writeSpecmaticView(dir: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'openapi.yaml'), stringify(specmaticView(loadSpec(join(root, 'openapi.yaml')))));
  copyFileSync(join(root, 'specmatic.yaml'), join(dir, 'specmatic.yaml'));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: npx tsx scripts/specmatic-view.ts DIR');
    process.exit(2);
  }
  writeSpecmaticView(dir);
  console.log(`Specmatic's view of openapi.yaml, and specmatic.yaml, written to ${dir}`);
}
