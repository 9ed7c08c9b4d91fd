// The sandbox as a `fetch` function, without a network: requests go through
// Fastify's own injection (`app.inject`, its public API for in-process calls),
// so every hook, limit and answer is the server's, with no socket on either
// side, the docs site included. The server's `fetch`; the in-process sandbox
// (in-process.ts) answers through the core's Fetch handler instead.
import type { FastifyInstance } from 'fastify';

type Init = RequestInit & { headers?: Record<string, string> };

/** The plain-object form of the common call (a URL and an init with a header object and a string body), without building a Request. */
function plain(input: Parameters<typeof fetch>[0], init: RequestInit | undefined) {
  if (input instanceof Request) return undefined;
  const headers = init?.headers;
  if (headers !== undefined && (headers instanceof Headers || Array.isArray(headers))) return undefined;
  if (init?.body !== undefined && init.body !== null && typeof init.body !== 'string') return undefined;
  return { url: new URL(String(input)), method: init?.method ?? 'GET', headers: { ...(headers as Init['headers']) }, body: init?.body as string | undefined, signal: init?.signal ?? undefined };
}

async function general(input: Parameters<typeof fetch>[0], init: RequestInit | undefined) {
  const request = new Request(input, init);
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => (headers[name] = value));
  const body = request.body === null ? undefined : Buffer.from(await request.arrayBuffer());
  return { url: new URL(request.url), method: request.method, headers, body, signal: request.signal };
}

export function injectFetch(app: FastifyInstance): typeof globalThis.fetch {
  return async (input, init) => {
    const request = plain(input, init) ?? (await general(input, init));
    const answer = await app.inject({
      method: request.method as 'GET',
      url: `${request.url.pathname}${request.url.search}`,
      headers: request.headers,
      ...(request.body !== undefined && { payload: request.body }),
      ...(request.signal && { signal: request.signal }),
    });
    const headers: Array<[string, string]> = [];
    for (const [name, value] of Object.entries(answer.headers)) {
      if (value === undefined) continue;
      if (Array.isArray(value)) for (const one of value) headers.push([name, one]);
      else headers.push([name, String(value)]);
    }
    const empty = answer.statusCode === 204 || answer.statusCode === 304 || request.method === 'HEAD';
    const bytes = answer.rawPayload;
    // A view of the answer's bytes, not a copy, and not decoded: a page of the docs site may be binary.
    return new Response(empty ? null : new Uint8Array(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.byteLength), { status: answer.statusCode, headers });
  };
}
