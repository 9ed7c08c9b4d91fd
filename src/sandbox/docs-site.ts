// The docs site (built by `npm run docs` into docs-site/), served at /docs
// without a key: /docs/ is the overview, /docs/<page> a page, so that
// /docs/errors#<code> finds any code of the catalog; an unknown page gets the
// site's 404 page (HTML, status 404). Outside the API: not in openapi.yaml,
// HTML rather than JSON.
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { ApiError } from './errors.ts';

const SITE = new URL('../../docs-site/', import.meta.url);
const TYPES: Record<string, string> = { html: 'text/html; charset=utf-8', css: 'text/css; charset=utf-8' };

export function registerDocsSite(app: FastifyInstance, sendError: (request: any, reply: any, error: ApiError) => unknown): void {
  const cache = new Map<string, Buffer>();
  const file = (name: string): Buffer | undefined => {
    if (!cache.has(name)) {
      try {
        cache.set(name, readFileSync(new URL(name, SITE)));
      } catch {
        return undefined;
      }
    }
    return cache.get(name);
  };

  app.get('/docs', (_request, reply) => reply.redirect('/docs/', 301));
  app.get('/docs/*', (request, reply) => {
    const wanted = (request.params as { '*': string })['*'] || 'index';
    // Only page names and the stylesheet: nothing else of the disk is reachable.
    const name = /^[a-z][a-z0-9-]*$/.test(wanted) ? `${wanted}.html` : wanted === 'style.css' ? wanted : undefined;
    const content = name && file(name);
    if (!content) {
      // A reader followed a stale link: an HTML page with the site's links, not the API's JSON.
      const notFound = file('404.html');
      if (notFound) return reply.code(404).type(TYPES.html!).header('cache-control', 'no-cache').send(notFound);
      return sendError(request, reply, new ApiError('ENDPOINT_NOT_FOUND', 'The docs site is not built: run `npm run docs`'));
    }
    return reply.type(TYPES[name!.split('.').pop()!]!).header('cache-control', 'no-cache').send(content);
  });
}
