// CORS, so that a page on a developer's own dev server (another origin) can
// call the sandbox. Allowed origins: by default any loopback origin on any
// port (http://localhost:5173, http://127.0.0.1:3000 ...), as a local dev
// server is; `--cors` names others, `*` allows any, `none` turns CORS off.
// A preflight (OPTIONS with Access-Control-Request-Method) is answered 204
// with the methods of the path and the request headers the contract uses;
// every answer to an allowed origin exposes the headers the contract
// declares, so the page can read X-Request-Id, Retry-After and RateLimit-*.
import type { Contract } from './contract.ts';
import type { SandboxLog } from './core/request.ts';

/** `loopback` (the default), or a list of origins; `*` in it allows every origin, an empty list none. */
export type CorsOrigins = 'loopback' | string[];

/** Headers of the sandbox itself, beyond the contract's: fault injection (DESIGN.md) and its answers. */
const SANDBOX_REQUEST_HEADERS = ['Prefer'];
const SANDBOX_RESPONSE_HEADERS = ['Preference-Applied', 'Idempotent-Replayed'];
/** How long a browser may reuse a preflight's answer. */
const PREFLIGHT_MAX_AGE_SECONDS = 600;

const LOOPBACK = /^https?:\/\/(localhost|127(\.\d{1,3}){3}|\[::1\])(:\d{1,5})?$/i;

export function originAllowed(origins: CorsOrigins, origin: string): boolean {
  if (origins === 'loopback') return LOOPBACK.test(origin);
  return origins.includes('*') || origins.includes(origin);
}

/** Parses `--cors`: `none`, `*`, `loopback`, or comma-separated origins (scheme://host[:port]). */
export function parseCorsOrigins(raw: string): CorsOrigins | string {
  const value = raw.trim();
  if (value === 'loopback') return 'loopback';
  if (value === 'none') return [];
  const origins = value.split(',').map((o) => o.trim()).filter(Boolean);
  for (const origin of origins) {
    if (origin === '*') continue;
    let url: URL;
    try {
      url = new URL(origin);
    } catch {
      return `--cors: "${origin}" is not an origin; give scheme://host[:port], such as http://localhost:5173 (or *, loopback, none)`;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      return `--cors: "${origin}" is not an origin; give scheme://host[:port], such as http://localhost:5173 (or *, loopback, none)`;
    }
    if (url.origin !== origin.replace(/\/$/, '')) return `--cors: "${origin}" is not an origin (no path); give it as ${url.origin}`;
  }
  return origins.map((o) => o.replace(/\/$/, ''));
}

/** What CORS adds to an answer, and whether the request was a preflight to answer at once (204). */
export interface CorsDecision {
  headers: Record<string, string>;
  preflight: boolean;
}

const NONE: CorsDecision = { headers: {}, preflight: false };

/** The CORS policy of the sandbox for `origins`; undefined when CORS is off. */
export function corsPolicy(origins: CorsOrigins, spec: Contract) {
  if (Array.isArray(origins) && origins.length === 0) return undefined;
  const allowHeaders = [...spec.requestHeaders, ...SANDBOX_REQUEST_HEADERS].join(', ');
  const exposeHeaders = [...spec.responseHeaders, ...SANDBOX_RESPONSE_HEADERS].join(', ');
  const allMethods = [...new Set([...spec.methodsByPath.values()].flat())].join(', ');
  const refused = new Set<string>();

  return (method: string, path: string, headers: Readonly<Record<string, unknown>>, log: SandboxLog): CorsDecision => {
    const origin = headers.origin;
    if (typeof origin !== 'string') return NONE;
    const preflight = method === 'OPTIONS' && headers['access-control-request-method'] !== undefined;
    // The answer echoes the origin: one the contract's schema for that header refuses is no origin a browser sends.
    if (!spec.echoableOrigin(origin) || !originAllowed(origins, origin)) {
      // Once per origin: a page retrying must not flood the log.
      if (preflight && refused.size < 100 && !refused.has(origin)) {
        refused.add(origin);
        log.warn({ origin }, `CORS: origin ${origin} is not allowed; start the sandbox with --cors ${origin}`);
      }
      return { headers: { vary: 'Origin' }, preflight };
    }
    if (!preflight) return { headers: { vary: 'Origin', 'access-control-allow-origin': origin, 'access-control-expose-headers': exposeHeaders }, preflight };
    return {
      headers: {
        vary: 'Origin',
        'access-control-allow-origin': origin,
        'access-control-allow-methods': spec.methodsByPath.get(path)?.join(', ') ?? allMethods,
        'access-control-allow-headers': allowHeaders,
        'access-control-max-age': String(PREFLIGHT_MAX_AGE_SECONDS),
      },
      preflight,
    };
  };
}

export type CorsPolicy = NonNullable<ReturnType<typeof corsPolicy>>;
