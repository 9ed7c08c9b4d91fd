// Comparing two OpenAPI documents: the library entry of `snippets-contract diff`.
import { catalogOf, compareCatalogs } from './catalog.ts';
import { Findings, type Finding } from './findings.ts';
import { loadDocument, type Document, type LoadedDocument } from './load.ts';
import { compareOperations } from './operations.ts';
import { compareText, newWalk } from './walk.ts';

/** The findings of going from `base` to `head`, breaking first. */
export function diffDocuments(base: Document, head: Document): Finding[] {
  const baseCodes = catalogOf(base);
  const walk = newWalk(base, head, new Findings(), new Set(Object.keys(catalogOf(head)).filter((c) => !(c in baseCodes))));
  compareOperations(walk);
  compareCatalogs(walk);
  compareText(walk, null, { node: base.info, at: '/info' }, { node: head.info, at: '/info' }, 'info', ['title', 'summary', 'description']);
  return walk.findings.list();
}

export interface DiffResult {
  base: LoadedDocument;
  head: LoadedDocument;
  findings: Finding[];
}

/** Loads both sources (paths or git:REF[:PATH]), bundles them and compares them. */
export function diffSources(base: string, head: string, cwd = process.cwd()): DiffResult {
  const b = loadDocument(base, cwd);
  const h = loadDocument(head, cwd);
  return { base: b, head: h, findings: diffDocuments(b.document, h.document) };
}
