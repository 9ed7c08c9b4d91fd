// The core as a Fetch handler: a standard Request in, a Response out, in any
// runtime with Fetch (browsers, workers, Deno, Bun, Node). What
// `sandbox.fetch` and the MSW handlers are built on.
import { tooLarge } from '../body.ts';
import type { SandboxCore } from './sandbox-core.ts';
import type { SandboxAnswer, SandboxRequest } from './request.ts';

/** Reads a body of at most `limit` bytes, as UTF-8 (a byte-order mark kept, bad bytes replaced, as Node reads it). */
async function readText(body: ReadableStream<Uint8Array> | null, limit: number): Promise<string> {
  if (body === null) return '';
  const reader = body.getReader();
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  let size = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge(limit);
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}

/** The path the core sees: the request's, less `mountPath` (such as "/gateway") when the sandbox is answered under one. */
function pathBelow(pathname: string, mountPath: string): string {
  if (mountPath === '' || (pathname !== mountPath && !pathname.startsWith(`${mountPath}/`))) return pathname;
  return pathname.slice(mountPath.length) || '/';
}

export function toSandboxRequest(request: Request, mountPath = ''): SandboxRequest {
  const url = new URL(request.url);
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => (headers[name] = value));
  return {
    method: request.method,
    url: `${pathBelow(url.pathname, mountPath)}${url.search}`,
    headers,
    hasBody: request.body !== null,
    text: (limit) => readText(request.body, limit),
  };
}

/** The core's answer to a Fetch Request, as a Response; under `mountPath`, the core sees the path below it. */
export async function answerFetch(core: SandboxCore, request: Request, mountPath = ''): Promise<Response> {
  return toResponse(await core.handle(toSandboxRequest(request, mountPath)), request.method);
}

/**
 * The common call (a URL string or URL, headers as a plain object, a string
 * body or none, no signal) as a SandboxRequest without building a Request,
 * the largest cost of an in-process call; undefined for any other call.
 */
function plainCall(input: Parameters<typeof fetch>[0], init: RequestInit | undefined): SandboxRequest | undefined {
  if (typeof input !== 'string' && !(input instanceof URL)) return undefined;
  if (init?.signal || (init?.body !== undefined && init.body !== null && typeof init.body !== 'string')) return undefined;
  const given = init?.headers;
  if (given !== undefined && (given instanceof Headers || Array.isArray(given))) return undefined;
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    // Not an absolute URL: let Request report it as fetch would.
    return undefined;
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries((given ?? {}) as Record<string, string>)) {
    const lower = name.toLowerCase();
    headers[lower] = headers[lower] === undefined ? String(value) : `${headers[lower]}, ${String(value)}`;
  }
  const method = (init?.method ?? 'GET').toUpperCase();
  const body = typeof init?.body === 'string' ? init.body : undefined;
  if (body !== undefined && (method === 'GET' || method === 'HEAD')) return undefined;
  if (body !== undefined && headers['content-type'] === undefined) headers['content-type'] = 'text/plain;charset=UTF-8';
  const encoded = body === undefined ? undefined : new TextEncoder().encode(body);
  return {
    method,
    url: `${url.pathname}${url.search}`,
    headers,
    hasBody: body !== undefined,
    async text(limit) {
      if (encoded !== undefined && encoded.byteLength > limit) throw tooLarge(limit);
      return body ?? '';
    },
  };
}

function toResponse(answer: SandboxAnswer, method: string): Response {
  const empty = answer.body === null || method === 'HEAD';
  return new Response(empty ? null : answer.body, { status: answer.status, headers: answer.headers });
}

/** `fetch`'s own signature, answered by the core without a network. */
export function fetchFrom(core: SandboxCore): typeof globalThis.fetch {
  return async (input, init) => {
    const plain = plainCall(input, init);
    if (plain) return toResponse(await core.handle(plain), plain.method);
    return answerFetch(core, new Request(input, init));
  };
}
