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

  /** Runs the recipe's shell text, as printed, against a fresh sandbox: the answer the last command prints. */
  async function answer(recipe: Recipe): Promise<{ text: string; shell: string }> {
    sandbox = await startSandbox();
    const shell = recipeShell(recipe, examples, target, keys).replaceAll(target.baseUrl, sandbox.url);
    // `node` in the recipes is the one running the tests.
    const env = { ...process.env, PATH: `${dirname(process.execPath)}:${process.env.PATH}` };
    const { stdout } = await run('bash', ['-c', `set -e -o pipefail\n${shell}`], { env, maxBuffer: 4 << 20 });
    return { text: stdout, shell };
  }

  it.each([...recipes.keys()])('%s', async (code) => {
    const { text, shell } = await answer(recipes.get(code)!);
    const body = JSON.parse(text);
    expect(body.code, `${shell}\n-> ${text.slice(0, 300)}`).toBe(code);
    // The code's status, as far as the body tells it: errors say success false, BATCH_PARTIAL_FAILURE (a 207) true.
    expect(body.success, code).toBe(errorCatalog[code as keyof typeof errorCatalog].status < 400);
  }, 30_000);

  it('can fail: a recipe without the step that makes its state gets another code', async () => {
    const deleted = recipes.get('RESOURCE_DELETED')!;
    const { text } = await answer({ ...deleted, steps: deleted.steps.filter((s) => !('operationId' in s && s.operationId === 'deleteFolder')) });
    expect(JSON.parse(text).success).toBe(true);
  });
});
