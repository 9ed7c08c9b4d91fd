// A link check over the built docs site (docs-site/), without a browser:
// every internal link leads to a page the sandbox serves under /docs, and
// every #anchor exists in its target page. External links (other hosts,
// mailto:) are listed, never fetched; external *resources* (an image, a
// script, a stylesheet from another host) fail the check, since the site must
// work offline.
//
// The pages are parsed with regular expressions over their tags, after
// emptying <script> and <style> elements and removing comments: the guides
// and the catalog are plain generated HTML, for which that is exact enough.
//
// reference.html (Redoc 3) is a 2.6 MB bundle plus a prerendered shell. What
// is checked there:
//   - the prerendered markup only (the bundle's own strings, such as
//     href="`+x+`" templates, are not links);
//   - its ids and `data-section-id`s are the anchors other pages may target;
//   - the prerendered menu links: the docs build makes them page-local
//     (`#/health`, `#/section/quota`); any left root-absolute (`/health`) is a
//     Redoc router path that works on a click but leads to the API in a new
//     tab, and is listed as a warning. Each must name a section of the
//     prerendered page (`data-section-id="/health"`).
// What is not checked there: the markup Redoc renders in the browser
// (operations are rendered one tag at a time, with ids such as
// `snippets/createsnippet`). Links into it (`reference#/snippets/createsnippet`)
// are accepted when the route is one of the spec's operations or tags; the
// browser test (site.browser.test.ts) proves that each of those routes renders.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { ensureSiteBuilt, readSitePages, referenceOperations, referenceTagRoutes, siteAssets } from '../helpers/docs-site.ts';
import { startSandbox } from '../helpers/sandbox.ts';

/** The page names that src/sandbox/docs-site.ts serves (`/docs/<name>` → `<name>.html`). */
const PAGE_NAME = /^[a-z][a-z0-9-]*$/;
/** Only a base to resolve links against: nothing is fetched from it. */
const ORIGIN = 'http://docs-site.test';
const pageUrl = (name: string) => (name === 'index' ? `${ORIGIN}/docs/` : `${ORIGIN}/docs/${name}`);

interface ParsedPage {
  ids: string[];
  /** Redoc's section ids (reference only): `/`, `/section/quota`, `/health`. */
  sections: Set<string>;
  links: { tag: string; attribute: string; value: string }[];
}

interface SiteReport {
  problems: string[];
  /** Navigation links out of the site, by page: listed, not fetched. */
  external: { page: string; href: string }[];
  /** `/docs/...` paths that some page links to, for the check against a real sandbox. */
  internalPaths: Set<string>;
  checked: { links: number; anchors: number };
  /** Ids that occur more than once in a page (an anchor to them is ambiguous). */
  duplicateIds: { page: string; id: string }[];
  /** Redoc's prerendered menu links: router paths (`/health`), not `#/health` (see the header). */
  routerPaths: string[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') return String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Where an element's attribute is a link (or a resource the page loads). */
const LINK_ATTRIBUTES: Record<string, string[]> = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  use: ['href', 'xlink:href'],
  img: ['src', 'srcset'],
  script: ['src'],
  iframe: ['src'],
  source: ['src', 'srcset'],
  video: ['src', 'poster'],
  audio: ['src'],
  form: ['action'],
};
/** Links that a page follows only if the reader clicks them; everything else it loads itself. */
const isNavigation = (tag: string) => tag === 'a' || tag === 'area' || tag === 'form';

function parsePage(html: string): ParsedPage {
  const markup = html
    .replace(/(<script\b[^>]*>)[\s\S]*?<\/script\s*>/gi, '$1</script>')
    .replace(/(<style\b[^>]*>)[\s\S]*?<\/style\s*>/gi, '$1</style>')
    .replace(/<!--[\s\S]*?-->/g, '');
  const page: ParsedPage = { ids: [], sections: new Set(), links: [] };
  for (const [, tagName, rest] of markup.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g)) {
    const tag = tagName!.toLowerCase();
    const attributes = new Map<string, string>();
    for (const [, name, double, single, bare] of rest!.matchAll(/([^\s=/"'>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g)) {
      attributes.set(name!.toLowerCase(), decodeEntities(double ?? single ?? bare ?? ''));
    }
    const id = attributes.get('id');
    if (id !== undefined) page.ids.push(id);
    if (tag === 'a' && attributes.has('name')) page.ids.push(attributes.get('name')!);
    const section = attributes.get('data-section-id');
    if (section !== undefined) page.sections.add(section);
    for (const attribute of LINK_ATTRIBUTES[tag] ?? []) {
      const value = attributes.get(attribute);
      if (value === undefined) continue;
      const values = attribute === 'srcset' ? value.split(',').map((c) => c.trim().split(/\s+/)[0]!) : [value.trim()];
      for (const v of values) page.links.push({ tag, attribute, value: v });
    }
  }
  return page;
}

/** Checks every link of the pages; `assets` are the site's other files (style.css). */
function checkSite(pages: Map<string, string>, assets: string[]): SiteReport {
  const report: SiteReport = { problems: [], external: [], internalPaths: new Set(), checked: { links: 0, anchors: 0 }, duplicateIds: [], routerPaths: [] };
  const parsed = new Map([...pages].map(([name, html]) => [name, parsePage(html)]));
  // Anchors Redoc renders in the browser, proven there by the browser test.
  const redocRoutes = new Set(['/', ...referenceTagRoutes().map((r) => `/${r}`), ...referenceOperations().map((o) => `/${o.route}`), ...(parsed.get('reference')?.sections ?? [])]);
  for (const [name, page] of parsed) {
    const seen = new Set<string>();
    for (const id of page.ids) {
      if (seen.has(id) && !report.duplicateIds.some((d) => d.page === name && d.id === id)) report.duplicateIds.push({ page: name, id });
      seen.add(id);
    }
  }

  for (const [name, page] of parsed) {
    for (const { tag, attribute, value } of page.links) {
      const where = `${name}.html <${tag} ${attribute}="${value}">`;
      report.checked.links++;
      if (value === '') {
        report.problems.push(`${where}: empty link`);
        continue;
      }
      if (/^data:/i.test(value)) continue; // inline (the Redoc logo)
      if (/^javascript:/i.test(value)) {
        report.problems.push(`${where}: a javascript: link`);
        continue;
      }
      let url: URL;
      try {
        url = new URL(value, pageUrl(name));
      } catch {
        report.problems.push(`${where}: not a valid URL`);
        continue;
      }
      if (url.origin !== ORIGIN) {
        if (isNavigation(tag) || (tag === 'link' && !/^https?:$/.test(url.protocol))) report.external.push({ page: name, href: value });
        else report.problems.push(`${where}: the page loads a resource from outside the site (${url.href}); the site must work offline`);
        continue;
      }
      // Which file of the site the sandbox answers with (src/sandbox/docs-site.ts).
      let target: string | undefined;
      let file: string | undefined;
      if (url.pathname === '/docs' || url.pathname.startsWith('/docs/')) {
        const rest = url.pathname === '/docs' ? '' : decodeURIComponent(url.pathname.slice('/docs/'.length));
        const wanted = rest === '' ? 'index' : rest;
        if (PAGE_NAME.test(wanted) && pages.has(wanted)) target = wanted;
        else if (assets.includes(wanted) && wanted === 'style.css') file = wanted;
        else {
          report.problems.push(`${where}: no page of the site at ${url.pathname} (pages are /docs/<name> for ${[...pages.keys()].join(', ')})`);
          continue;
        }
        report.internalPaths.add(url.pathname);
      } else if (name === 'reference' && tag === 'a' && page.sections.has(url.pathname)) {
        // A Redoc menu link: its router path, taken by the hash router on a click (see the header).
        target = 'reference';
        url.hash = `#${url.pathname}`;
        if (!report.routerPaths.includes(value)) report.routerPaths.push(value);
      } else {
        report.problems.push(`${where}: leads to ${url.pathname}, outside the docs site (/docs/...)`);
        continue;
      }
      if (file !== undefined || url.hash === '' || url.hash === '#') continue;
      const anchor = decodeURIComponent(url.hash.slice(1));
      const targetPage = parsed.get(target!)!;
      report.checked.anchors++;
      if (target === 'reference' && anchor.startsWith('/')) {
        if (!redocRoutes.has(anchor)) report.problems.push(`${where}: no section or operation of the reference at #${anchor}`);
      } else if (!targetPage.ids.includes(anchor)) {
        report.problems.push(`${where}: no id="${anchor}" in ${target}.html`);
      } else if (report.duplicateIds.some((d) => d.page === target && d.id === anchor)) {
        report.problems.push(`${where}: id="${anchor}" occurs more than once in ${target}.html, the anchor is ambiguous`);
      }
    }
  }
  return report;
}

describe('links of the docs site', () => {
  let pages: Map<string, string>;
  let assets: string[];
  let report: SiteReport;

  beforeAll(async () => {
    await ensureSiteBuilt();
    pages = readSitePages();
    assets = siteAssets();
    report = checkSite(pages, assets);
  }, 300_000);

  it('has the pages of the navigation', () => {
    expect([...pages.keys()]).toEqual(expect.arrayContaining(['index', 'reference', 'errors', 'client', 'contract-testing', 'sandbox']));
    expect(assets).toContain('style.css');
  });

  it('every internal link resolves to a page, and every anchor to an id of its page', () => {
    expect(report.problems).toEqual([]);
    // Not vacuous: the navigation of every page, the catalog's index, the guides' tables of contents.
    expect(report.checked.links).toBeGreaterThan(100);
    expect(report.checked.anchors).toBeGreaterThan(40);
    if (report.routerPaths.length > 0) {
      console.warn(
        `docs links: reference.html's prerendered Redoc menu links are router paths (${report.routerPaths.join(' ')}): a click works (Redoc's hash router takes it to reference#<path>), but opening one in a new tab or copying it leads to the sandbox's API at /<path>, not to the docs`,
      );
    }
    if (report.duplicateIds.length > 0) {
      console.warn(`docs links: ids that occur more than once (no link targets them yet): ${report.duplicateIds.map((d) => `${d.page}.html#${d.id}`).join(', ')}`);
    }
    const external = [...new Set(report.external.map((e) => `${e.href} (${e.page})`))];
    console.info(`docs links: ${report.checked.links} links, ${report.checked.anchors} anchors checked; external links, not fetched:\n  ${external.join('\n  ')}`);
  });

  it('every page the site links to is served by a real sandbox under /docs', async () => {
    let sandbox: Sandbox | undefined;
    try {
      sandbox = await startSandbox();
      const paths = [...report.internalPaths, '/docs/style.css'];
      expect(paths.length).toBeGreaterThan(5);
      for (const path of paths) {
        const response = await fetch(new URL(path, sandbox.url));
        expect(response.status, path).toBe(200);
        expect(response.headers.get('content-type'), path).toMatch(path.endsWith('.css') ? /^text\/css/ : /^text\/html/);
        await response.arrayBuffer();
      }
      const bare = await fetch(new URL('/docs', sandbox.url), { redirect: 'manual' });
      expect(bare.status).toBe(301);
      expect(bare.headers.get('location')).toBe('/docs/');
    } finally {
      await sandbox?.close();
    }
  });

  it('can fail: a page with broken links is reported, link by link', () => {
    const broken = new Map(pages);
    broken.set(
      'broken',
      `<!doctype html><html><head><link rel="stylesheet" href="style.css"><script src="https://cdn.example.com/x.js"></script></head><body>
<a href="errors#QUOTA_INSUFFICIENT">fine</a>
<a href="errors#QUOTA_INSUFICIENT">a misspelt code</a>
<a href="no-such-page">a missing page</a>
<a href="errors.html">a file name, not a page of /docs</a>
<a href="#nowhere">a missing anchor on this page</a>
<a href="/health">the API, not the docs</a>
<a href="reference#/snippets/no-such-operation">a missing operation</a>
<a href="reference#/snippets/createsnippet">an operation</a>
<a href="https://example.com/elsewhere">external</a>
</body></html>`,
    );
    // And one broken anchor in a real page.
    broken.set('sandbox', pages.get('sandbox')!.replace('href="errors#QUOTA_INSUFFICIENT"', 'href="errors#QUOTA_INSUFICIENT"'));
    const { problems, external } = checkSite(broken, assets);
    const expected = [
      'broken.html <a href="errors#QUOTA_INSUFICIENT">: no id="QUOTA_INSUFICIENT" in errors.html',
      'broken.html <a href="no-such-page">: no page of the site at /docs/no-such-page',
      'broken.html <a href="errors.html">: no page of the site at /docs/errors.html',
      'broken.html <a href="#nowhere">: no id="nowhere" in broken.html',
      'broken.html <a href="/health">: leads to /health, outside the docs site (/docs/...)',
      'broken.html <a href="reference#/snippets/no-such-operation">: no section or operation of the reference at #/snippets/no-such-operation',
      'broken.html <script src="https://cdn.example.com/x.js">: the page loads a resource from outside the site',
      'sandbox.html <a href="errors#QUOTA_INSUFICIENT">: no id="QUOTA_INSUFICIENT" in errors.html',
    ];
    for (const problem of expected) expect(problems.some((p) => p.startsWith(problem)), `${problem}\nin:\n${problems.join('\n')}`).toBe(true);
    expect(problems).toHaveLength(expected.length);
    expect(external).toContainEqual({ page: 'broken', href: 'https://example.com/elsewhere' });
  });
});
