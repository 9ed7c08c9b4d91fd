// Comparing two OpenAPI documents: the library entry of `snippets-contract diff`.
import { catalogOf, compareCatalogs } from './catalog.ts';
import { Findings, type Finding } from './findings.ts';
import { loadDocument, type Document, type LoadedDocument } from './load.ts';
import { compareOperations } from './operations.ts';
import { compareSchemeText } from './security.ts';
import { reportUnclassified } from './unclassified.ts';
import { compareText, isObject, keyOf, newWalk, report, type Walk } from './walk.ts';

/** The findings of going from `base` to `head`, breaking first. */
export function diffDocuments(base: Document, head: Document): Finding[] {
  const baseCodes = catalogOf(base);
  const walk = newWalk(base, head, new Findings(), new Set(Object.keys(catalogOf(head)).filter((c) => !(c in baseCodes))));
  compareOperations(walk);
  compareCatalogs(walk);
  // info.version is the label of the change, checked by the release policy, not a change itself.
  compareText(walk, null, { node: base.info, at: '/info' }, { node: head.info, at: '/info' }, 'info', ['title', 'summary', 'description', 'contact', 'license', 'termsOfService']);
  compareSchemeText(walk);
  compareServers(walk);
  compareUnknownQueryParameters(walk);
  if (keyOf(base.webhooks) !== keyOf(head.webhooks)) report(walk, null, 'webhooks-changed', { node: base.webhooks, at: '/webhooks' }, { node: head.webhooks, at: '/webhooks' }, 'webhooks changed');
  reportUnclassified(walk, walk.findings.list());
  return walk.findings.list();
}

/** The document's server URLs; a client configured with one that is gone must move. */
function compareServers(walk: Walk): void {
  const urls = (doc: Document) => (Array.isArray(doc.servers) ? doc.servers : []).map((server: unknown, i: number) => ({ url: isObject(server) ? String(server.url) : '', at: `/servers/${i}` }));
  const bare = (url: string) => url.replace(/\/$/, '');
  const baseUrls = new Set(urls(walk.base).map((s: { url: string }) => bare(s.url)));
  const headUrls = new Set(urls(walk.head).map((s: { url: string }) => bare(s.url)));
  for (const server of urls(walk.base)) {
    if (!headUrls.has(bare(server.url))) report(walk, null, 'server-removed', { node: server.url, at: server.at }, null, `server ${server.url} removed`);
  }
  for (const server of urls(walk.head)) {
    if (!baseUrls.has(bare(server.url))) report(walk, null, 'server-added', null, { node: server.url, at: server.at }, `server ${server.url} added`);
  }
}

/** Whether the server refuses query parameters an operation does not declare: starting to is breaking, stopping widens. */
function compareUnknownQueryParameters(walk: Walk): void {
  const KEY = 'x-unknown-query-parameters';
  const refuses = (doc: Document) => doc[KEY] === 'refused';
  if (refuses(walk.base) === refuses(walk.head)) return;
  const base = { node: walk.base[KEY], at: `/${KEY}` };
  const head = { node: walk.head[KEY], at: `/${KEY}` };
  if (refuses(walk.head)) report(walk, null, 'unknown-query-parameters-refused', base, head, 'query parameters an operation does not declare are now refused');
  else report(walk, null, 'request-constraint-widened', base, head, 'query parameters an operation does not declare are no longer refused');
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
