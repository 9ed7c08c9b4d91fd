// `npm run release`: checks the release policy (src/contract/diff/policy.ts),
// writes CHANGELOG.md's list of changes for info.version from the findings
// against the last release, and makes openapi.yaml the released baseline
// (released/openapi.yaml, a copy: openapi.yaml is one file). Refuses,
// writing nothing, when the policy fails.
//   npx tsx scripts/release.ts [--dry-run] [--date YYYY-MM-DD] [--root DIR]
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { documentFromText } from '../src/contract/diff/load.ts';
import { checkReleasePolicy, RELEASED_SPEC } from '../src/contract/diff/policy.ts';
import { DiffInputError } from '../src/contract/diff/source.ts';
import { changeList, withChangeList } from './lib/changelog.ts';

function fail(message: string): never {
  console.error(`release: ${message}`);
  process.exit(1);
}

function read(root: string, file: string, fallback?: string): string {
  const path = join(root, file);
  if (!existsSync(path)) {
    if (fallback !== undefined) return fallback;
    fail(`${path} is missing${file === RELEASED_SPEC ? `; restore it from git (git checkout -- ${RELEASED_SPEC})` : ''}`);
  }
  return readFileSync(path, 'utf8');
}

let values;
try {
  ({ values } = parseArgs({ options: { 'dry-run': { type: 'boolean', default: false }, date: { type: 'string' }, root: { type: 'string', default: '.' } } }));
} catch (error) {
  fail(`${(error as Error).message.split('\n')[0]}; the flags are --dry-run, --date YYYY-MM-DD and --root DIR`);
}
const root = resolve(values.root!);
const date = values.date ?? new Date().toISOString().slice(0, 10);
if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) fail(`--date must be YYYY-MM-DD; got "${date}"`);

const specText = read(root, 'openapi.yaml');
const changelog = read(root, 'CHANGELOG.md', '# Changelog\n');
let spec, released;
try {
  spec = documentFromText(specText, 'openapi.yaml').document;
  released = documentFromText(read(root, RELEASED_SPEC), RELEASED_SPEC).document;
} catch (error) {
  if (error instanceof DiffInputError) fail(error.message);
  throw error;
}
const packageVersion = JSON.parse(read(root, 'package.json')).version;

const first = checkReleasePolicy({ spec, released, changelog, packageVersion });
if (!first.changed) {
  console.log(`Nothing to release: openapi.yaml has no change from ${first.releasedVersion} (${RELEASED_SPEC}).`);
  process.exit(first.ok ? 0 : 1);
}
const nextChangelog = withChangeList(changelog, first.version, date, changeList(first.findings, first.releasedVersion));
const policy = checkReleasePolicy({ spec, released, changelog: nextChangelog, packageVersion });
if (!policy.ok) fail(`refused, nothing written:\n${policy.problems.map((p) => `  - ${p}`).join('\n')}`);

const counts = ['breaking', 'warning', 'info'].map((level) => `${policy.findings.filter((f) => f.level === level).length} ${level}`).join(', ');
if (values['dry-run']) {
  console.log(nextChangelog);
  console.log(`Dry run: ${policy.releasedVersion} -> ${policy.version}, ${counts}. Nothing written.`);
  process.exit(0);
}
// Both files are written beside their targets first, then renamed: a failure leaves both as they were.
const writes = [
  [join(root, 'CHANGELOG.md'), nextChangelog],
  [join(root, RELEASED_SPEC), specText],
] as const;
for (const [path, text] of writes) writeFileSync(`${path}.tmp-${process.pid}`, text);
for (const [path] of writes) renameSync(`${path}.tmp-${process.pid}`, path);
console.log(`Released ${policy.version} (was ${policy.releasedVersion}): ${counts}. Wrote the CHANGELOG.md section and ${RELEASED_SPEC}; commit both.`);
