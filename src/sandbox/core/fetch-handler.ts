// The core as a Fetch handler: a standard Request in, a Response out, in any
// runtime with Fetch (browsers, workers, Deno, Bun, Node). What
// `sandbox.fetch` and the MSW handlers are built on.
import { tooLarge } from '../body.ts';
import type { SandboxCore } from './sandbox-core.ts';
import type { SandboxRequest } from './request.ts';

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
  const answer = await core.handle(toSandboxRequest(request, mountPath));
  const empty = answer.body === null || request.method === 'HEAD';
  return new Response(empty ? null : answer.body, { status: answer.status, headers: answer.headers });
}

/** `fetch`'s own signature, answered by the core without a network. */
export function fetchFrom(core: SandboxCore): typeof globalThis.fetch {
  return (input, init) => answerFetch(core, new Request(input, init));
}
