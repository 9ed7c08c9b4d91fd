// The Redoc reference as a page of the site: offline (no request leaves the
// page's own server), with the site's header on top, so that a reader can go
// from the reference to a guide and back.
import { FAVICON, HEADER_STYLESHEET, siteHeader } from './layout.ts';

/**
 * Redoc 3 shows an "API docs by Redocly" logo fetched from Redocly's CDN.
 * An offline site must make no request outside itself: the logo becomes an
 * inline image.
 */
const OFFLINE_LOGO = `data:image/svg+xml,${encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>')}`;

/** `extraHead` and `extraBody` go at the end of <head> and of <body> (the try-it panel's style and script). */
export function referencePage(html: string, extraHead = '', extraBody = ''): string {
  let out = html.replace(/https:\/\/cdn\.redoc\.ly\/redoc\/logo-mini(?:-full)?\.svg/g, OFFLINE_LOGO);
  out = out.replace('<head>', `<head>\n  ${FAVICON}`).replace('</head>', `<style>${HEADER_STYLESHEET}</style>\n${extraHead}</head>`);
  // Redoc's prerendered menu links are root-absolute (`/snippets`); on this site they must stay on the page (`#/snippets`).
  const start = out.indexOf('<div id="redoc">');
  const end = out.indexOf('<script type="module"', start);
  if (start < 0 || end < 0) throw new Error('the Redoc page has changed shape: no <div id="redoc"> followed by its module script');
  out = out.slice(0, start) + siteHeader('reference') + '\n' + out.slice(start, end).replace(/href="\//g, 'href="#/') + out.slice(end);
  const close = out.lastIndexOf('</body>');
  return close < 0 ? out + extraBody : out.slice(0, close) + extraBody + out.slice(close);
}
