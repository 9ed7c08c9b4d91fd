// `npm run generate`: writes generated/ from openapi.yaml.
//   generated/openapi.json            the spec as JSON, for tools and the docs site
//   generated/openapi.d.ts            TypeScript types (openapi-typescript)
//   generated/error-codes.{js,d.ts}   the error codes and their categories, without the texts
//   generated/error-catalog.{js,d.ts} the error catalog as a typed module
//   generated/validators.{js,d.ts}    ajv standalone validators: responses, request bodies, parameters
//   generated/limit-validators.{js,d.ts} the limits of request bodies and parameters, checked first
//   generated/operations.{js,d.ts}    operationId, method, path and idempotence of every operation
//   generated/limits.{js,d.ts}        the spec's x-limits (rate limit, batch size ...)
//   generated/formats.js              format checks the validators import (from scripts/lib/runtime/)
//   generated/fixtures-validator.{js,d.ts} the fixtures file's schema (src/fixtures/fixtures-schema.ts), checked without eval
// It also refreshes the rule table in docs/contract-evolution.md (from src/contract/diff/rules.ts).
// `--check` writes nothing and exits 1 when generated/ or that table differs from what it would write.
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCatalog } from './lib/gen-catalog.ts';
import { generateFixturesValidator } from './lib/gen-fixtures-validator.ts';
import { generateLimitValidators } from './lib/gen-limit-validators.ts';
import { generateLimits } from './lib/gen-limits.ts';
import { generateOperations } from './lib/gen-operations.ts';
import { generateTypes } from './lib/gen-types.ts';
import { generateFormats, generateValidators } from './lib/gen-validators.ts';
import { loadSpec } from './lib/spec.ts';
import { withRuleTable } from './docs/rule-table.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const HEADER = '// Generated from openapi.yaml by scripts/generate.ts (npm run generate). Do not edit.\n';
const FIXTURES_HEADER = '// Generated from src/fixtures/fixtures-schema.ts by scripts/generate.ts (npm run generate). Do not edit.\n';

/** The files generated/ should hold, by name, for the spec at `specPath`. */
export async function buildGeneratedFiles(specPath: string): Promise<Map<string, string>> {
  const doc = loadSpec(specPath);
  const catalog = generateCatalog(doc, HEADER);
  const validators = generateValidators(doc, HEADER);
  const limitValidators = generateLimitValidators(doc, HEADER);
  const limits = generateLimits(doc, HEADER);
  const operations = generateOperations(doc, HEADER);
  const fixturesValidator = generateFixturesValidator(FIXTURES_HEADER);
  return new Map([
    ['openapi.json', `${JSON.stringify(doc, null, 2)}\n`],
    ['openapi.d.ts', await generateTypes(doc, HEADER)],
    ['error-codes.js', catalog.codes.js],
    ['error-codes.d.ts', catalog.codes.dts],
    ['error-catalog.js', catalog.catalog.js],
    ['error-catalog.d.ts', catalog.catalog.dts],
    ['operations.js', operations.js],
    ['operations.d.ts', operations.dts],
    ['limits.js', limits.js],
    ['limits.d.ts', limits.dts],
    ['formats.js', generateFormats(HEADER)],
    ['validators.js', validators.js],
    ['validators.d.ts', validators.dts],
    ['limit-validators.js', limitValidators.js],
    ['limit-validators.d.ts', limitValidators.dts],
    ['fixtures-validator.js', fixturesValidator.js],
    ['fixtures-validator.d.ts', fixturesValidator.dts],
  ]);
}

/** Names of files that differ between `files` and `dir` (missing, changed, or extra). */
export function staleFiles(files: Map<string, string>, dir: string): string[] {
  const present = readdirSync(dir, { withFileTypes: true }).filter((e) => e.isFile() && e.name !== 'README.md');
  const stale = present.filter((e) => !files.has(e.name)).map((e) => e.name);
  for (const [name, content] of files) {
    let current: string | undefined;
    try {
      current = readFileSync(join(dir, name), 'utf8');
    } catch {
      current = undefined;
    }
    if (current !== content) stale.push(name);
  }
  return stale.sort();
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const unknown = args.filter((a) => a !== '--check');
  if (unknown.length > 0) {
    console.error(`generate: unknown argument ${unknown[0]}; usage: npm run generate [-- --check]`);
    process.exit(2);
  }
  const started = performance.now();
  const specPath = join(root, 'openapi.yaml');
  const outDir = join(root, 'generated');
  const files = await buildGeneratedFiles(specPath);
  mkdirSync(outDir, { recursive: true });
  const stale = staleFiles(files, outDir);

  const evolutionPath = join(root, 'docs', 'contract-evolution.md');
  const evolution = readFileSync(evolutionPath, 'utf8');
  const refreshed = withRuleTable(evolution);
  if (refreshed !== evolution) stale.push('../docs/contract-evolution.md');

  if (args.includes('--check')) {
    if (stale.length > 0) {
      console.error(`generated/ is out of date with openapi.yaml: ${stale.join(', ')}. Run \`npm run generate\` and commit the result.`);
      process.exit(1);
    }
    console.log('generated/ is up to date with openapi.yaml');
    return;
  }

  for (const name of stale) {
    if (name === '../docs/contract-evolution.md') {
      writeFileSync(`${evolutionPath}.tmp-${process.pid}`, refreshed);
      renameSync(`${evolutionPath}.tmp-${process.pid}`, evolutionPath);
      continue;
    }
    const target = join(outDir, name);
    const content = files.get(name);
    if (content === undefined) {
      rmSync(target);
      continue;
    }
    // Write beside, then rename: an interrupted run never leaves half a file.
    const temp = `${target}.tmp-${process.pid}`;
    writeFileSync(temp, content);
    renameSync(temp, target);
  }
  const ms = Math.round(performance.now() - started);
  const changed = stale.length === 0 ? 'nothing changed' : `updated ${stale.join(', ')}`;
  console.log(`generate: ${files.size} files in ${relative(process.cwd(), outDir) || '.'}/ (${changed}) in ${ms} ms`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(`generate: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
