// The error catalog page, generated from x-error-catalog: one entry per code,
// anchored at its code (`errors#QUOTA_INSUFFICIENT`), with its status,
// category, causes, fixes, user-facing message and an example body taken
// from the responses of the spec; which operations can return it
// (returned-by.ts) and how to see it against the sandbox (error-recipes.ts).
import { deref, errorCatalog, isObject, listOperations, type Json, type JsonObject } from '../lib/spec.ts';
import type { SampleTarget } from './code-samples.ts';
import { errorRecipes } from './error-recipes.ts';
import { escapeHtml as escapeOnly, page } from './layout.ts';
import { operationExamples } from './operation-examples.ts';
import { recipeKeys } from './recipe-keys.ts';
import { recipeShell } from './recipe-shell.ts';
import { returnedBy, type ReturnedBy } from './returned-by.ts';
import { referenceRoute } from './try-it.ts';

/** Escapes text, and shows the catalog's `code spans` as code. */
function escapeHtml(text: string): string {
  return escapeOnly(text).replace(/`([^`]+)`/g, '<code>$1</code>');
}

/** The first example body in the spec that carries each code. */
function examplesByCode(doc: JsonObject): Map<string, Json> {
  const found = new Map<string, Json>();
  const responses = [
    ...listOperations(doc).flatMap((op) => Object.values(op.responses)),
    ...Object.values(((doc.components as JsonObject).responses as JsonObject) ?? {}).map((r) => deref(doc, r) as JsonObject),
  ];
  for (const response of responses) {
    const media = isObject(response.content) ? response.content['application/json'] : undefined;
    if (!isObject(media) || !isObject(media.examples)) continue;
    for (const example of Object.values(media.examples)) {
      const value = (deref(doc, example) as JsonObject).value;
      if (isObject(value) && typeof value.code === 'string' && !found.has(value.code)) found.set(value.code, value);
    }
  }
  return found;
}

/** The operations that can return a code, each linked to its place in the reference. */
function returnedByHtml(returners: ReturnedBy): string {
  const items = returners.operations.map(
    (op) => `<li><a href="reference#/${escapeOnly(referenceRoute(op))}"><code>${escapeOnly(op.operationId)}</code></a> <span class="route">${escapeOnly(`${op.method} ${op.path}`)}</span></li>`,
  );
  if (returners.unmatched) items.push('<li>any request that matches no operation</li>');
  return `<h4>Returned by</h4>\n  <ul class="returned-by">${items.join('')}</ul>`;
}

/** The recipe's shell lines, or the reason there is none. */
function recipeHtml(note: string | undefined, shell: string | undefined): string {
  if (shell === undefined) return `<h4>See it against the sandbox</h4>\n  <p class="recipe-note">No recipe: this code cannot be shown with a few curl lines.</p>`;
  return `<h4>See it against the sandbox</h4>
  <p class="recipe-note">${escapeHtml(note ?? '')}</p>
  <pre class="recipe"><code>${escapeOnly(shell)}</code></pre>`;
}

export function catalogPage(doc: JsonObject, target: SampleTarget): string {
  const catalog = errorCatalog(doc);
  const examples = examplesByCode(doc);
  const returners = returnedBy(doc);
  const recipes = errorRecipes(doc);
  const calls = operationExamples(doc);
  const keys = recipeKeys();
  const categories = [...new Set(Object.values(catalog).map((e) => e.category))];
  const list = (items: string[]) => `<ul>${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`;
  const sections = categories.map((category) => {
    const entries = Object.entries(catalog)
      .filter(([, e]) => e.category === category)
      .map(([code, e]) => {
        const example = examples.get(code);
        const recipe = recipes.get(code);
        return `<section class="code-entry" id="${code}" data-code="${code}">
  <h3><a href="#${code}"><code>${code}</code></a></h3>
  <p class="facts">HTTP ${e.status} · category <code>${category}</code></p>
  <p>${escapeHtml(e.summary)}</p>
  <h4>Common causes</h4>
  ${list(e.causes)}
  <h4>How to fix</h4>
  ${list(e.fixes)}
  <h4>What to tell the user</h4>
  <blockquote>${escapeHtml(e.userMessage)}</blockquote>
  ${example === undefined ? '' : `<h4>Example body</h4>\n  <pre><code>${escapeHtml(JSON.stringify(example, null, 2))}</code></pre>`}
  ${returnedByHtml(returners.get(code)!)}
  ${recipeHtml(recipe?.note, recipe && recipeShell(recipe, calls, target, keys))}
</section>`;
      });
    return `<h2 id="category-${category}">${escapeHtml(category.replace('_', ' '))}</h2>\n${entries.join('\n')}`;
  });
  const index = `<table>
  <thead><tr><th>code</th><th>status</th><th>category</th><th>summary</th></tr></thead>
  <tbody>
${Object.entries(catalog)
  .map(([code, e]) => `    <tr><td><a href="#${code}"><code>${code}</code></a></td><td>${e.status}</td><td>${e.category}</td><td>${escapeHtml(e.summary)}</td></tr>`)
  .join('\n')}
  </tbody>
</table>`;
  const intro = `<h1>Error catalog</h1>
<p>Every error answer of the Snippets API is JSON with <code>success: false</code>, a <code>message</code>,
a stable <code>code</code> and the <code>requestId</code>. Branch on <code>code</code>, never on the message.
Each code below has a stable address: <code>/docs/errors#&lt;code&gt;</code>. A newer server may send codes
that are not listed here; handle those by their HTTP status.</p>
<p>Under each code: the operations that can return it (from the spec's responses), and shell lines that get it
from the sandbox serving these pages (<code>npx snippets-sandbox</code>, on its built-in demo fixtures) at
<code>${escapeOnly(target.baseUrl)}</code>.</p>`;
  return page('errors', 'Error catalog', `${intro}\n${index}\n${sections.join('\n')}`);
}
