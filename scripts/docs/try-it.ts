// The try-it panel's assets for reference.html: its stylesheet, its data
// (each operation's example call under Redoc's route for it, the catalog's
// entries, the demo key), all from the spec, and its script (try-it/panel.js).
// Redoc's own try-it is a paid feature; a small panel of ours keeps the site
// offline and served by the sandbox alone (README, "The docs site").
import { readFileSync } from 'node:fs';
import { errorCatalog, type JsonObject } from '../lib/spec.ts';
import type { SampleTarget } from './code-samples.ts';
import { operationExamples } from './operation-examples.ts';

const SCRIPT = readFileSync(new URL('./try-it/panel.js', import.meta.url), 'utf8');

const STYLE = `<style>
.try-it { margin: 0 0 2rem; padding: 1rem; border: 1px solid #d9e2ec; border-radius: 8px; max-width: 100%; box-sizing: border-box; font: 14px/1.5 system-ui, sans-serif; overflow-wrap: anywhere; }
.try-it * { box-sizing: border-box; max-width: 100%; }
.try-it h3 { margin: 0 0 0.5rem; font-size: 1rem; }
.try-it label { display: block; margin: 0.4rem 0; color: #52606d; }
.try-it input, .try-it textarea { display: block; width: 100%; font: 13px/1.4 ui-monospace, monospace; padding: 0.3rem; border: 1px solid #cbd2d9; border-radius: 4px; }
.try-it-buttons { display: flex; flex-wrap: wrap; gap: 0.5rem; margin: 0.6rem 0; }
.try-it button { padding: 0.35rem 0.8rem; border-radius: 4px; border: 1px solid #2563eb; background: #2563eb; color: #fff; cursor: pointer; }
.try-it button.try-it-fault { background: #fff; color: #2563eb; }
.try-it button:disabled { opacity: 0.5; cursor: not-allowed; }
.try-it-note { color: #52606d; font-size: 13px; }
.try-it-status { font-weight: 700; }
.try-it-headers { display: grid; grid-template-columns: max-content 1fr; gap: 0 0.75rem; font-family: ui-monospace, monospace; font-size: 12px; }
.try-it-headers dd { margin: 0; }
.try-it-body { max-height: 20rem; overflow: auto; background: #f5f7fa; padding: 0.5rem; font-size: 12px; white-space: pre; }
.try-it-catalog { border-left: 3px solid #dc2626; padding: 0.25rem 0.75rem; background: #fef2f2; }
</style>`;

/** Redoc 3's route of a tag or operation (`Snippets` → `snippets`). */
const redocSlug = (text: string) => text.toLowerCase().trim().replace(/\s+/g, '-');

/** Redoc 3's route of an operation (`snippets/getsnippet`): `reference#/<route>` links to it. */
export const referenceRoute = (op: { tag: string; operationId: string }) => `${redocSlug(op.tag)}/${op.operationId.toLowerCase()}`;

export function tryItAssets(doc: JsonObject, target: SampleTarget): { head: string; body: string } {
  const operations = Object.fromEntries(operationExamples(doc).map((op) => [referenceRoute(op), op]));
  const catalog = errorCatalog(doc);
  const data = JSON.stringify({ apiKey: target.apiKey, operations, catalog }).replace(/</g, '\\u003c');
  return { head: STYLE, body: `<script type="application/json" id="try-it-data">${data}</script>\n<script>${SCRIPT}</script>\n` };
}
