// The catalog page (scripts/docs/catalog-page.ts) has, for every code, both
// parts of #18 point 4: "Returned by", the operations whose responses
// include the code's status, checked against the generated validators (one
// per documented operation and status: another reading of the spec than
// returned-by.ts's), each linked to its route in the reference; and "See it
// against the sandbox", the recipe's shell text, escaped in a <pre>, as the
// recipes test runs it.
import { describe, expect, it } from 'vitest';
import { errorCatalog, errorCodes } from '../../generated/error-catalog.js';
import { operations } from '../../generated/operations.js';
import { validatorFor } from '../../generated/validators.js';
import { sampleTarget } from '../../scripts/docs/build-site.ts';
import { catalogPage } from '../../scripts/docs/catalog-page.ts';
import { errorRecipes } from '../../scripts/docs/error-recipes.ts';
import { operationExamples } from '../../scripts/docs/operation-examples.ts';
import { recipeKeys } from '../../scripts/docs/recipe-keys.ts';
import { recipeShell } from '../../scripts/docs/recipe-shell.ts';
import { referenceOperations } from '../helpers/docs-site.ts';
import { spec } from '../helpers/spec.ts';

const target = sampleTarget(spec);
const html = catalogPage(spec, target);
const recipes = errorRecipes(spec);
const unescape = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** The HTML of each code's section. */
function sections(page: string): Map<string, string> {
  return new Map([...page.matchAll(/<section class="code-entry" id="([A-Z_]+)"[^>]*>([\s\S]*?)<\/section>/g)].map((m) => [m[1]!, m[2]!]));
}

describe('the catalog page shows, for every code, where it comes from and how to see it', () => {
  const byCode = sections(html);
  const routes = new Map(referenceOperations().map((o) => [o.operationId, o.route]));

  it('a section per code', () => {
    expect([...byCode.keys()].sort()).toEqual([...errorCodes].sort());
  });

  it.each([...errorCodes])('%s: returned by the operations that document its status, linked to the reference', (code) => {
    const section = byCode.get(code)!;
    const list = /<h4>Returned by<\/h4>\s*<ul class="returned-by">([\s\S]*?)<\/ul>/.exec(section);
    expect(list, code).not.toBeNull();
    const links = [...list![1]!.matchAll(/<a href="reference#\/([^"]+)"><code>(\w+)<\/code><\/a> <span class="route">(\w+) ([^<]+)<\/span>/g)];
    const { status } = errorCatalog[code as keyof typeof errorCatalog];
    const documenting = operations.filter((op) => typeof validatorFor(op.operationId, status) === 'function');
    expect(links.map((l) => l[2]).sort(), code).toEqual(documenting.map((op) => op.operationId).sort());
    for (const [, route, operationId, method, path] of links) {
      expect(route, operationId).toBe(routes.get(operationId!));
      const op = operations.find((o) => o.operationId === operationId)!;
      expect(`${method} ${path}`).toBe(`${op.method.toUpperCase()} ${op.path}`);
    }
    // A code that no operation documents says where it comes from instead of an empty list.
    if (links.length === 0) expect(list![1]).toContain('matches no operation');
  });

  it.each([...errorCodes])('%s: its recipe, escaped in a <pre>', (code) => {
    const section = byCode.get(code)!;
    const pre = /<h4>See it against the sandbox<\/h4>\s*<p class="recipe-note">[^<]+(?:<code>[^<]*<\/code>[^<]*)*<\/p>\s*<pre class="recipe"><code>([\s\S]*?)<\/code><\/pre>/.exec(section);
    expect(pre, code).not.toBeNull();
    expect(pre![1]).not.toMatch(/[<>]/);
    expect(unescape(pre![1]!)).toBe(recipeShell(recipes.get(code)!, operationExamples(spec), target, recipeKeys()));
    expect(unescape(pre![1]!)).toContain(`curl`);
    expect(unescape(pre![1]!)).toContain(target.baseUrl);
    const { status } = errorCatalog[code as keyof typeof errorCatalog];
    if (status === 429 || status >= 500) expect(unescape(pre![1]!), code).toContain(`Prefer: code=${status}`);
  });
});
