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

export function toSandboxRequest(request: Request): SandboxRequest {
  const url = new URL(request.url);
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => (headers[name] = value));
  return {
    method: request.method,
    url: `${url.pathname}${url.search}`,
    headers,
    hasBody: request.body !== null,
    text: (limit) => readText(request.body, limit),
  };
}

/** The core's answer to a Fetch Request, as a Response. */
export async function answerFetch(core: SandboxCore, request: Request): Promise<Response> {
  const answer = await core.handle(toSandboxRequest(request));
  const empty = answer.body === null || request.method === 'HEAD';
  return new Response(empty ? null : answer.body, { status: answer.status, headers: answer.headers });
}

/** `fetch`'s own signature, answered by the core without a network. */
export function fetchFrom(core: SandboxCore): typeof globalThis.fetch {
  return (input, init) => answerFetch(core, new Request(input, init));
}
