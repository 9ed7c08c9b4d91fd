// The error catalog page, generated from x-error-catalog: one entry per code,
// anchored at its code (`errors#QUOTA_INSUFFICIENT`), with its status,
// category, causes, fixes, user-facing message and an example body taken
// from the responses of the spec.
import { deref, errorCatalog, isObject, listOperations, type Json, type JsonObject } from '../lib/spec.ts';
import { escapeHtml as escapeOnly, page } from './layout.ts';

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

export function catalogPage(doc: JsonObject): string {
  const catalog = errorCatalog(doc);
  const examples = examplesByCode(doc);
  const categories = [...new Set(Object.values(catalog).map((e) => e.category))];
  const list = (items: string[]) => `<ul>${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`;
  const sections = categories.map((category) => {
    const entries = Object.entries(catalog)
      .filter(([, e]) => e.category === category)
      .map(([code, e]) => {
        const example = examples.get(code);
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
that are not listed here; handle those by their HTTP status.</p>`;
  return page('errors', 'Error catalog', `${intro}\n${index}\n${sections.join('\n')}`);
}
