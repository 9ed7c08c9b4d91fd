// `npm run docs`: builds the docs site into docs-site/ (not committed):
//   reference.html   the API reference, Redoc with everything inlined (works offline)
//   errors.html      the error catalog, one anchor per code
//   <guide>.html     docs/*.md rendered
//   404.html         what the sandbox answers, with status 404, for an unknown page
// The sandbox serves it at /docs (/docs/errors#<code> and so on).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { demoKey } from '../../src/fixtures/fixtures-file.ts';
import { isObject, loadSpec, type JsonObject } from '../lib/spec.ts';
import { codeSamples, type SampleTarget } from './code-samples.ts';
import { operationExamples } from './operation-examples.ts';
import { catalogPage } from './catalog-page.ts';
import { PAGES, STYLESHEET, page, type PageName } from './layout.ts';
import { notFoundPage } from './not-found-page.ts';
import { referencePage } from './reference-page.ts';
import { tryItAssets } from './try-it.ts';
import { renderMarkdown } from './markdown.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The spec with every operation's code samples as Redoc's x-codeSamples: a copy for Redoc only, openapi.yaml stays as it is. */
function withCodeSamples(doc: JsonObject, target: SampleTarget): JsonObject {
  const copy = structuredClone(doc);
  for (const op of operationExamples(doc)) {
    const operation = ((copy.paths as JsonObject)[op.path] as JsonObject)[op.method.toLowerCase()];
    if (isObject(operation)) operation['x-codeSamples'] = codeSamples(op, target);
  }
  return copy;
}

/** Where the samples send their requests: the spec's sandbox server, with the demo fixtures' key. */
export function sampleTarget(doc: JsonObject): SampleTarget {
  const server = Array.isArray(doc.servers) && isObject(doc.servers[0]) ? String(doc.servers[0].url) : 'http://127.0.0.1:4010';
  return { baseUrl: server, apiKey: demoKey().key };
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
    writeFileSync(join(temp, 'errors.html'), catalogPage(doc, sampleTarget(doc)));
    writeFileSync(join(temp, '404.html'), notFoundPage());
    log('error catalog written');
    for (const { name } of PAGES) {
      if (name === 'reference' || name === 'errors') continue;
      const { html, title } = renderMarkdown(readFileSync(join(root, 'docs', `${name}.md`), 'utf8'));
      writeFileSync(join(temp, `${name}.html`), page(name as PageName, title, html));
    }
    log(`${PAGES.length - 2} guides rendered`);
    const reference = join(temp, 'reference.html');
    log('building the API reference with Redocly (a few seconds)...');
    const specWithSamples = join(tmpdir(), `snippets-docs-spec-${process.pid}.json`);
    writeFileSync(specWithSamples, JSON.stringify(withCodeSamples(doc, sampleTarget(doc))));
    log(`code samples for ${operationExamples(doc).length} operations`);
    try {
      execFileSync(
        join(root, 'node_modules', '.bin', 'redocly'),
        ['build-docs', specWithSamples, '--inlineBundle', '--output', reference, '--title', 'Snippets API reference'],
        { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' } },
      );
    } finally {
      rmSync(specWithSamples, { force: true });
    }
    const tryIt = tryItAssets(doc, sampleTarget(doc));
    writeFileSync(reference, referencePage(readFileSync(reference, 'utf8'), tryIt.head, tryIt.body));
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
