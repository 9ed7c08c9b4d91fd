// The built docs site (docs-site/, from `npm run docs`) for the tests of
// test/docs/: where it is, building it once if it is missing, reading its
// pages, and the routes under which Redoc shows each operation.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import spec from '../../generated/openapi.json' with { type: 'json' };
import { operations } from '../../generated/operations.js';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const siteDir = join(repoRoot, 'docs-site');
/** Screenshots and other artifacts of the docs tests (test-results/ is git-ignored). */
export const artifactsDir = join(repoRoot, 'test-results', 'docs');

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `npm run docs` if docs-site/index.html is missing (`npm ci` builds the
 * site through `prepare`, so this is for a checkout where it was deleted). The
 * test files of test/docs run in parallel: a lock directory makes the second
 * one wait for the first one's build instead of building over it.
 */
export async function ensureSiteBuilt(): Promise<void> {
  const index = join(siteDir, 'index.html');
  if (existsSync(index)) return;
  const lock = join(repoRoot, 'test-results', '.docs-build.lock');
  mkdirSync(join(repoRoot, 'test-results'), { recursive: true });
  const deadline = Date.now() + 300_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (existsSync(index)) return;
    // A lock left by a killed run: builds take seconds, not minutes.
    try {
      if (Date.now() - statSync(lock).mtimeMs > 240_000) rmSync(lock, { recursive: true, force: true });
    } catch {
      // removed meanwhile
    }
    if (Date.now() > deadline) throw new Error(`docs-site/ is missing and another build (lock ${lock}) did not finish in time`);
    await sleep(250);
  }
  try {
    if (!existsSync(index)) execFileSync('npm', ['run', 'docs'], { cwd: repoRoot, stdio: ['ignore', 'inherit', 'inherit'] });
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Every page of the built site, by name (`errors` for docs-site/errors.html). */
export function readSitePages(): Map<string, string> {
  const pages = new Map<string, string>();
  for (const file of readdirSync(siteDir).sort()) {
    if (file.endsWith('.html')) pages.set(file.slice(0, -'.html'.length), readFileSync(join(siteDir, file), 'utf8'));
  }
  return pages;
}

/** The other files of the site (style.css). */
export function siteAssets(): string[] {
  return readdirSync(siteDir).filter((file) => !file.endsWith('.html'));
}

/** Redoc 3's slug of a tag name (`Rate limits` → `rate-limits`). */
const redocSlug = (text: string) => text.toLowerCase().trim().replace(/\s+/g, '-');

export interface ReferenceOperation {
  operationId: string;
  summary: string;
  /** Redoc 3's route of the operation: `<tag>/<operationid in lower case>`, e.g. `snippets/createsnippet`. */
  route: string;
}

/**
 * Where Redoc 3 renders each operation of generated/operations.js: at
 * `reference#/<route>`, in an element with `id="<route>"` (Redoc 2's
 * `#operation/<operationId>` is gone; 3.0 lower-cases the operationId and
 * puts it under the operation's first tag). The browser test proves that
 * every route renders; the link check accepts links to these routes.
 */
export function referenceOperations(): ReferenceOperation[] {
  const byId = new Map<string, { tags?: string[]; summary?: string }>();
  for (const item of Object.values(spec.paths as Record<string, Record<string, unknown>>)) {
    for (const op of Object.values(item)) {
      if (op && typeof op === 'object' && 'operationId' in op) byId.set((op as { operationId: string }).operationId, op as { tags?: string[]; summary?: string });
    }
  }
  return operations.map(({ operationId }) => {
    const op = byId.get(operationId);
    if (!op?.tags?.[0]) throw new Error(`${operationId}: not in generated/openapi.json, or without a tag`);
    return { operationId, summary: op.summary ?? '', route: `${redocSlug(op.tags[0])}/${operationId.toLowerCase()}` };
  });
}

/** Redoc 3's routes of the tags (`snippets`). */
export function referenceTagRoutes(): string[] {
  return (spec.tags as { name: string }[]).map((tag) => redocSlug(tag.name));
}
