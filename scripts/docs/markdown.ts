// Guides: markdown from docs/ as pages of the site. Links to other guides
// (`client.md#retries`) become links to their pages (`client#retries`), and
// headings get ids so that such anchors resolve.
import { Marked, type Tokens } from 'marked';

export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/<[^>]+>/g, '')
    .replace(/[^a-z0-9 -]/g, '')
    .trim()
    .replace(/\s+/g, '-');
}

export function renderMarkdown(source: string): { html: string; title: string } {
  let title = '';
  // Repeated headings get -1, -2 ... as on GitHub, so that every id is unique.
  const seen = new Map<string, number>();
  const uniqueSlug = (text: string) => {
    const base = slug(text);
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    return count === 0 ? base : `${base}-${count}`;
  };
  const marked = new Marked({
    gfm: true,
    renderer: {
      heading(this: { parser: { parseInline(tokens: Tokens.Generic[]): string } }, token: Tokens.Heading) {
        const inner = this.parser.parseInline(token.tokens);
        if (token.depth === 1 && !title) title = token.text;
        return `<h${token.depth} id="${uniqueSlug(token.text)}">${inner}</h${token.depth}>\n`;
      },
      link(this: { parser: { parseInline(tokens: Tokens.Generic[]): string } }, token: Tokens.Link) {
        const href = token.href.replace(/^(?:\.\/)?([a-z0-9-]+)\.md(#.*)?$/i, (_m, name: string, hash = '') => `${name === 'README' ? './' : name}${hash}`);
        return `<a href="${href}">${this.parser.parseInline(token.tokens)}</a>`;
      },
    },
  });
  const html = marked.parse(source, { async: false }) as string;
  return { html, title: title || 'Snippets API' };
}
