// `npm run docs`: builds the docs site into docs-site/ (not committed):
//   reference.html   the API reference, Redoc with everything inlined (works offline)
//   errors.html      the error catalog, one anchor per code
//   <guide>.html     docs/*.md rendered
// The sandbox serves it at /docs (/docs/errors#<code> and so on).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSpec } from '../lib/spec.ts';
import { catalogPage } from './catalog-page.ts';
import { FAVICON, PAGES, STYLESHEET, page, type PageName } from './layout.ts';
import { renderMarkdown } from './markdown.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Redoc 3 shows an "API docs by Redocly" logo fetched from Redocly's CDN.
 * An offline site must make no request outside itself: the logo becomes an
 * inline image.
 */
const OFFLINE_LOGO = `data:image/svg+xml,${encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>')}`;
export function offlineReference(html: string): string {
  const withLogo = html.replace(/https:\/\/cdn\.redoc\.ly\/redoc\/logo-mini(?:-full)?\.svg/g, OFFLINE_LOGO).replace('<head>', `<head>\n  ${FAVICON}`);
  // Redoc's prerendered menu links are root-absolute (`/snippets`); on this site they must stay on the page (`#/snippets`).
  const start = withLogo.indexOf('<div id="redoc">');
  const end = withLogo.indexOf('<script type="module"', start);
  if (start < 0 || end < 0) return withLogo;
  return withLogo.slice(0, start) + withLogo.slice(start, end).replace(/href="\//g, 'href="#/') + withLogo.slice(end);
}

function log(message: string): void {
  process.stdout.write(`docs: ${message}\n`);
}

export function buildSite(outDir: string): void {
  const started = performance.now();
  const doc = loadSpec(join(root, 'openapi.yaml'));
  const temp = `${outDir}.tmp-${process.pid}`;
  rmSync(temp, { recursive: true, force: true });
  mkdirSync(temp, { recursive: true });
  try {
    writeFileSync(join(temp, 'style.css'), STYLESHEET);
    writeFileSync(join(temp, 'errors.html'), catalogPage(doc));
    log('error catalog written');
    for (const { name } of PAGES) {
      if (name === 'reference' || name === 'errors') continue;
      const { html, title } = renderMarkdown(readFileSync(join(root, 'docs', `${name}.md`), 'utf8'));
      writeFileSync(join(temp, `${name}.html`), page(name as PageName, title, html));
    }
    log(`${PAGES.length - 2} guides rendered`);
    const reference = join(temp, 'reference.html');
    log('building the API reference with Redocly (a few seconds)...');
    execFileSync(
      join(root, 'node_modules', '.bin', 'redocly'),
      ['build-docs', join(root, 'openapi.yaml'), '--inlineBundle', '--output', reference, '--title', 'Snippets API reference'],
      { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' } },
    );
    writeFileSync(reference, offlineReference(readFileSync(reference, 'utf8')));
    // Swap the finished site in: a half-built site never replaces a whole one.
    rmSync(outDir, { recursive: true, force: true });
    renameSync(temp, outDir);
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    throw error;
  }
  const bytes = readdirSync(outDir).reduce((sum, file) => sum + statSync(join(outDir, file)).size, 0);
  log(`site built in ${outDir} in ${((performance.now() - started) / 1000).toFixed(1)} s, ${readdirSync(outDir).length} files, ${(bytes / 1024).toFixed(0)} KiB`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    buildSite(join(root, 'docs-site'));
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    console.error(`docs: the build failed: ${stderr || (error as Error).message}`);
    process.exit(1);
  }
}
