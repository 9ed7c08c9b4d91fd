// A failing request as one runnable curl command line, for the report: the
// API key is never printed (the line reads it from $SNIPPETS_API_KEY), the
// body is single-quoted for a POSIX shell, the query is URL-encoded exactly
// as the verifier sent it (URLSearchParams), and the line shows the status
// and headers (-i), which is where most violations are.
import type { Request } from './scenario.ts';
import { keyPattern, operationById } from './spec.ts';

/** `text` as one single-quoted shell word: a quote inside becomes '\''. */
export const shellQuote = (text: string): string => `'${text.replace(/'/g, `'\\''`)}'`;

/** Past this many bytes a body is piped in through printf (a shell builtin) rather than passed as one argument, which Linux caps at 128 KiB. */
const ARGUMENT_BYTES = 64 * 1024;

const KEY_ANYWHERE = new RegExp(keyPattern.source.replace(/^\^/, '').replace(/\$$/, ''), 'g');

export function curlCommand(request: Request, baseUrl: string): string {
  const operation = request.operationId ? operationById.get(request.operationId) : undefined;
  const method = request.method ?? operation?.method ?? 'GET';
  const url = new URL(request.path ?? operation?.path ?? '/', baseUrl);
  for (const [name, value] of Object.entries(request.query ?? {})) url.searchParams.set(name, value);

  const words = ['curl', '-sS', '-i', '--globoff', '-X', method, shellQuote(url.href)];
  const headers: Array<[string, string]> = [];
  // The same headers as the verifier's send(): the key (unless the request sends none), the JSON type, then the request's own.
  const hasAuthorization = Object.keys(request.headers ?? {}).some((name) => name.toLowerCase() === 'authorization');
  if (request.key !== null && !hasAuthorization) words.push('-H', '"Authorization: Bearer $SNIPPETS_API_KEY"');
  if (request.body !== undefined) headers.push(['content-type', 'application/json']);
  for (const [name, value] of Object.entries(request.headers ?? {})) {
    const at = headers.findIndex(([existing]) => existing.toLowerCase() === name.toLowerCase());
    if (at >= 0) headers.splice(at, 1);
    headers.push([name, value]);
  }
  for (const [name, value] of headers) {
    // A key inside a header the request sets itself is redacted too.
    if (KEY_ANYWHERE.test(value)) {
      KEY_ANYWHERE.lastIndex = 0;
      words.push('-H', `"${`${name}: ${value.replace(KEY_ANYWHERE, '$SNIPPETS_API_KEY')}`.replace(/["\\`]/g, '\\$&').replace(/\$(?!SNIPPETS_API_KEY)/g, '\\$')}"`);
    } else words.push('-H', shellQuote(`${name}: ${value}`));
  }
  const body = request.rawBody ?? (request.body !== undefined ? JSON.stringify(request.body) : undefined);
  if (body === undefined) return words.join(' ');
  if (Buffer.byteLength(body) <= ARGUMENT_BYTES) return [...words, '--data-raw', shellQuote(body)].join(' ');
  return `printf '%s' ${shellQuote(body)} | ${[...words, '--data-binary', '@-'].join(' ')}`;
}

/** The request with every key in it replaced, for a report that may be shared (the JSON report's `reproduction`). */
export function redacted(request: Request): Request {
  const copy: Request = { ...request };
  if (typeof copy.key === 'string') copy.key = '$SNIPPETS_API_KEY';
  if (copy.headers) copy.headers = Object.fromEntries(Object.entries(copy.headers).map(([name, value]) => [name, value.replace(KEY_ANYWHERE, '$SNIPPETS_API_KEY')]));
  return copy;
}

/** Which key a reproduction needs, without the key itself: its prefix and last four characters (`sk_test_…0001`), as dashboards show one. */
export function maskKey(key: string | null | undefined): string | undefined {
  if (!key) return undefined;
  const prefix = /^[a-z]+_[a-z]+_/.exec(key)?.[0] ?? '';
  return `${prefix}…${key.slice(-4)}`;
}
