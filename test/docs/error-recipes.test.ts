// The catalog page's "See it against the sandbox" (scripts/docs/error-recipes.ts):
// every code of the catalog has a recipe, and each recipe's shell text, as
// the page prints it, run by bash with the real curl against a real sandbox
// (a fresh one per recipe: a :memory: database with the demo fixtures, as a
// reader's `npx snippets-sandbox` starts), answers that code with its status.
import { execFile } from 'node:child_process';
import { dirname } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { errorCatalog, errorCodes } from '../../generated/error-catalog.js';
import { sampleTarget } from '../../scripts/docs/build-site.ts';
import { errorRecipes, tabledCodes, type Recipe } from '../../scripts/docs/error-recipes.ts';
import { operationExamples } from '../../scripts/docs/operation-examples.ts';
import { recipeKeys } from '../../scripts/docs/recipe-keys.ts';
import { recipeShell } from '../../scripts/docs/recipe-shell.ts';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { startSandbox } from '../helpers/sandbox.ts';
import { spec } from '../helpers/spec.ts';

const run = promisify(execFile);
const recipes = errorRecipes(spec);
const examples = operationExamples(spec);
const target = sampleTarget(spec);
const keys = recipeKeys();

/** Codes with no recipe, each with the reason the page gives. None today: every code can be shown. */
const EXCEPTIONS: Record<string, string> = {};

describe('every code of the catalog has a recipe', () => {
  it('the recipes cover the catalog, but for the listed exceptions', () => {
    const missing = errorCodes.filter((code) => !recipes.has(code));
    expect(missing.sort()).toEqual(Object.keys(EXCEPTIONS).sort());
  });

  it('the table names no code the catalog lacks', () => {
    expect(tabledCodes().filter((code) => !(errorCodes as readonly string[]).includes(code))).toEqual([]);
  });
});

describe('every recipe gets its code from a real sandbox', () => {
  let sandbox: Sandbox | undefined;
  afterEach(async () => {
    await sandbox?.close();
    sandbox = undefined;
  });

  /**
   * Runs the recipe's shell text, as printed, against a fresh sandbox: the
   * answer the last command prints, and the HTTP status of the last curl
   * (each curl also writes its status to standard error, through a shell
   * function in front of the real one).
   */
  async function answer(recipe: Recipe): Promise<{ text: string; status: number; shell: string }> {
    sandbox = await startSandbox();
    const shell = recipeShell(recipe, examples, target, keys).replaceAll(target.baseUrl, sandbox.url);
    // `node` in the recipes is the one running the tests.
    const env = { ...process.env, PATH: `${dirname(process.execPath)}:${process.env.PATH}` };
    const statusToStderr = `curl() { command curl -w '%{stderr}HTTP-STATUS %{http_code}\\n' "$@"; }`;
    const { stdout, stderr } = await run('bash', ['-c', `set -e -o pipefail\n${statusToStderr}\n${shell}`], { env, maxBuffer: 4 << 20 });
    const statuses = [...stderr.matchAll(/^HTTP-STATUS (\d{3})$/gm)].map((m) => Number(m[1]));
    return { text: stdout, status: statuses.at(-1) ?? 0, shell };
  }

  it.each([...recipes.keys()])('%s', async (code) => {
    const { text, status, shell } = await answer(recipes.get(code)!);
    const body = JSON.parse(text);
    expect(body.code, `${shell}\n-> ${text.slice(0, 300)}`).toBe(code);
    // The status line of the last answer is the catalog's for the code (207 for BATCH_PARTIAL_FAILURE).
    expect(status, code).toBe(errorCatalog[code as keyof typeof errorCatalog].status);
    expect(body.success, code).toBe(status < 400);
  }, 30_000);

  it('can fail: a recipe without the step that makes its state gets another code', async () => {
    const deleted = recipes.get('RESOURCE_DELETED')!;
    const { text, status } = await answer({ ...deleted, steps: deleted.steps.filter((s) => !('operationId' in s && s.operationId === 'deleteFolder')) });
    expect(JSON.parse(text).success).toBe(true);
    expect(status).toBe(200);
  });
});
