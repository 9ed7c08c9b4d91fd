// The error catalog (`x-error-catalog`: code -> status, category, texts).
// Codes are append-only: clients branch on them and their generated
// ErrorCode union lists them.
import { child } from '../../openapi/pointer.ts';
import type { Document } from './load.ts';
import { compareText, isObject, report, type Walk } from './walk.ts';

const CATALOG = '/x-error-catalog';

export function catalogOf(doc: Document): Record<string, Record<string, unknown>> {
  return isObject(doc['x-error-catalog']) ? doc['x-error-catalog'] : {};
}

export function compareCatalogs(walk: Walk): void {
  const base = catalogOf(walk.base);
  const head = catalogOf(walk.head);
  const added = Object.keys(head).filter((code) => !(code in base));
  const at = (code: string, entry: unknown, key?: string) => ({ node: entry, at: key ? `${child(CATALOG, code)}/${key}` : child(CATALOG, code) });
  for (const [code, entry] of Object.entries(base)) {
    const now = head[code];
    if (now === undefined) {
      const twin = added.find((other) => head[other]?.status === entry?.status && head[other]?.category === entry?.category);
      report(walk, null, 'error-code-removed', at(code, entry), null, `error code ${code} removed${twin ? ` (renamed to ${twin}?)` : ''}`);
      continue;
    }
    if (now?.status !== entry?.status) report(walk, null, 'error-code-status-changed', at(code, entry?.status, 'status'), at(code, now?.status, 'status'), `error code ${code}: status ${entry?.status} -> ${now?.status}`);
    if (now?.category !== entry?.category) report(walk, null, 'error-code-category-changed', at(code, entry?.category, 'category'), at(code, now?.category, 'category'), `error code ${code}: category ${entry?.category} -> ${now?.category}`);
    compareText(walk, null, at(code, entry), at(code, now), `error code ${code}`, ['summary', 'causes', 'fixes', 'userMessage']);
  }
  for (const code of added) report(walk, null, 'error-code-added', null, at(code, head[code]), `error code ${code} (${head[code]?.status}, ${head[code]?.category}) added`);
}
