// The page the sandbox answers, with status 404, for an unknown /docs/ page:
// the site's header, and links to where a reader most likely wanted to go.
import { PAGES, escapeHtml, hrefOf, page } from './layout.ts';

export function notFoundPage(): string {
  // Served at any depth (/docs/a/b): relative links must resolve from /docs/.
  const base = '<base href="/docs/">';
  const links = PAGES.map((p) => `<li><a href="${hrefOf(p.name)}">${escapeHtml(p.title)}</a></li>`).join('\n  ');
  const html = page(
    undefined,
    'Page not found',
    `<h1>Page not found</h1>
<p>No page of the Snippets API docs has this address. It may have been renamed: every page of the site is listed below.
An error code is looked up in the <a href="errors">error catalog</a> (<code>/docs/errors#CODE</code>), an operation in the
<a href="reference">API reference</a>.</p>
<ul>
  ${links}
</ul>`,
  );
  return html.replace('<head>', `<head>\n  ${base}`);
}
