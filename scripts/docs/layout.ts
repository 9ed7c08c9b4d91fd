// The shell of every page of the docs site: a header with the site's
// navigation (the Redoc reference gets the same header, see reference-page.ts),
// and one small stylesheet. Pages live side by side under /docs, so every link
// is a plain relative name.
export const PAGES = [
  // Titles are the navigation's labels: short, so that the bar is one line at 1280 px.
  { name: 'index', title: 'Overview' },
  { name: 'reference', title: 'API reference' },
  { name: 'errors', title: 'Error catalog' },
  { name: 'client', title: 'Client' },
  { name: 'contract-testing', title: 'Contract testing' },
  { name: 'contract-evolution', title: 'Contract evolution' },
  { name: 'sandbox', title: 'Sandbox' },
  { name: 'testing-with-the-sandbox', title: 'Testing with the sandbox' },
  { name: 'benchmarks', title: 'Benchmarks' },
] as const;

export type PageName = (typeof PAGES)[number]['name'];

/** An empty icon, so that no browser asks the server for /favicon.ico. */
export const FAVICON = '<link rel="icon" href="data:,">';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** The href of a page from any other page: `./` for the overview, the bare name otherwise. */
export function hrefOf(name: PageName): string {
  return name === 'index' ? './' : name;
}

/**
 * The header's own rules, scoped to `.site-header`: shared by style.css and
 * the reference page, whose Redoc styles must not be touched by the rest.
 * One line at every width: the links scroll sideways in their own strip on a
 * phone instead of wrapping, so the header stays about 2.75rem tall.
 */
export const HEADER_STYLESHEET = `
.site-header { display: flex; align-items: center; gap: 1rem; padding: 0.5rem 1rem; border-bottom: 1px solid #d9e2ec; background: #fff;
  font: 15px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; box-sizing: border-box; width: 100%; max-width: 100vw; }
.site-header * { box-sizing: border-box; }
.site-header .brand { flex: none; font-weight: 700; color: #1f2933; text-decoration: none; }
.site-header nav { display: flex; gap: 1rem; min-width: 0; overflow-x: auto; white-space: nowrap; scrollbar-width: thin; }
.site-header nav a { color: #52606d; text-decoration: none; padding: 0.25rem 0; }
.site-header nav a:hover { color: #2563eb; }
.site-header nav a[aria-current="page"] { color: #1f2933; font-weight: 600; }
@media (max-width: 640px) { .site-header { gap: 0.75rem; padding: 0.4rem 0.75rem; font-size: 14px; } .site-header nav { gap: 0.75rem; } }
`;

export const STYLESHEET = `
:root { color-scheme: light; --ink: #1f2933; --muted: #52606d; --line: #d9e2ec; --accent: #2563eb; --bg-code: #f5f7fa; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.6 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); overflow-wrap: break-word; }
${HEADER_STYLESHEET}
main { max-width: 60rem; margin: 0 auto; padding: 1.5rem; min-width: 0; }
a { color: var(--accent); }
pre, code { font: 14px/1.5 ui-monospace, SFMono-Regular, Menlo, monospace; background: var(--bg-code); }
pre { padding: 0.75rem 1rem; overflow-x: auto; border-radius: 6px; }
code { padding: 0.1em 0.3em; border-radius: 4px; overflow-wrap: anywhere; }
td code { overflow-wrap: normal; white-space: nowrap; }
pre code { padding: 0; overflow-wrap: normal; }
/* A wide table scrolls in its own box; the page never scrolls sideways. */
table { border-collapse: collapse; margin: 1rem 0; display: block; max-width: 100%; overflow-x: auto; }
th, td { border: 1px solid var(--line); padding: 0.35rem 0.6rem; text-align: left; vertical-align: top; }
.code-entry { border: 1px solid var(--line); border-radius: 8px; padding: 0.5rem 1.25rem 1rem; margin: 1.25rem 0; scroll-margin-top: 1rem; }
.code-entry:target { border-color: var(--accent); box-shadow: 0 0 0 3px #bfdbfe; }
.code-entry h3 { margin-bottom: 0.25rem; }
.facts { color: var(--muted); margin-top: 0; }
/* Returned by: the operations flow in rows, each one unbroken where it fits. */
.returned-by { display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; padding-left: 1.1rem; }
.returned-by .route { color: var(--muted); font-size: 0.875em; }
.recipe-note { margin-bottom: 0.25rem; }
blockquote { margin: 1rem 0; padding-left: 1rem; border-left: 3px solid var(--line); }
@media (max-width: 640px) {
  main { padding: 1rem 0.75rem; }
  .code-entry { padding: 0.25rem 0.75rem 0.75rem; }
  h1 { font-size: 1.6rem; line-height: 1.25; }
}
`;

/** The site's header, with `current` marked (none on the 404 page). */
export function siteHeader(current: PageName | undefined): string {
  const nav = PAGES.map((p) => `<a href="${hrefOf(p.name)}"${p.name === current ? ' aria-current="page"' : ''}>${escapeHtml(p.title)}</a>`).join('\n      ');
  return `<header class="site-header">
    <a class="brand" href="./">Snippets API</a>
    <nav aria-label="Site">
      ${nav}
    </nav>
  </header>`;
}

export function page(name: PageName | undefined, title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(title)} · Snippets API</title>
  ${FAVICON}
  <link rel="stylesheet" href="style.css">
</head>
<body>
  ${siteHeader(name)}
  <main>
${body}
  </main>
</body>
</html>
`;
}
