// The shell of every page of the docs site except the Redoc reference: a
// header with the site's navigation, and one small stylesheet. Pages live
// side by side under /docs, so every link is a plain relative name.
export const PAGES = [
  { name: 'index', title: 'Overview' },
  { name: 'reference', title: 'API reference' },
  { name: 'errors', title: 'Error catalog' },
  { name: 'client', title: 'Error handling with the client' },
  { name: 'contract-testing', title: 'Contract testing' },
  { name: 'contract-evolution', title: 'Contract evolution' },
  { name: 'sandbox', title: 'Running the sandbox' },
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

export const STYLESHEET = `
:root { color-scheme: light; --ink: #1f2933; --muted: #52606d; --line: #d9e2ec; --accent: #2563eb; --bg-code: #f5f7fa; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.6 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); }
header { border-bottom: 1px solid var(--line); padding: 0.75rem 1.5rem; display: flex; gap: 1.25rem; flex-wrap: wrap; align-items: baseline; }
header strong { margin-right: 1rem; }
header a { color: var(--muted); text-decoration: none; }
header a[aria-current="page"] { color: var(--ink); font-weight: 600; }
main { max-width: 60rem; margin: 0 auto; padding: 1.5rem; }
a { color: var(--accent); }
pre, code { font: 14px/1.5 ui-monospace, SFMono-Regular, Menlo, monospace; background: var(--bg-code); }
pre { padding: 0.75rem 1rem; overflow-x: auto; border-radius: 6px; }
code { padding: 0.1em 0.3em; border-radius: 4px; }
pre code { padding: 0; }
table { border-collapse: collapse; margin: 1rem 0; }
th, td { border: 1px solid var(--line); padding: 0.35rem 0.6rem; text-align: left; vertical-align: top; }
.code-entry { border: 1px solid var(--line); border-radius: 8px; padding: 0.5rem 1.25rem 1rem; margin: 1.25rem 0; scroll-margin-top: 1rem; }
.code-entry:target { border-color: var(--accent); box-shadow: 0 0 0 3px #bfdbfe; }
.code-entry h3 { margin-bottom: 0.25rem; }
.facts { color: var(--muted); margin-top: 0; }
`;

export function page(name: PageName, title: string, body: string): string {
  const nav = PAGES.map((p) => `<a href="${hrefOf(p.name)}"${p.name === name ? ' aria-current="page"' : ''}>${escapeHtml(p.title)}</a>`).join('\n    ');
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
  <header>
    <strong>Snippets API</strong>
    ${nav}
  </header>
  <main>
${body}
  </main>
</body>
</html>
`;
}
