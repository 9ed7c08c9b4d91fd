// A proxy in front of a real sandbox that misbehaves on chosen requests the
// way real servers and gateways do: it throttles (429/503, with or without
// Retry-After), answers late, or never answers. For testing that the
// verifier's verdicts hold up against such a server.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type Misbehaviour =
  | { pass: true }
  | { delayMs: number }
  | { hang: true }
  | { throttle: 429 | 503; retryAfter?: string; code?: string };

export interface UnrulyProxy {
  url: string;
  /** Requests seen, in order: `GET /api/prompts/tags`. */
  seen: string[];
  close(): Promise<void>;
}

const CODES = { 429: 'RATE_LIMIT_EXCEEDED', 503: 'SERVICE_UNAVAILABLE' } as const;

/** `decide` is asked for each request (with its 0-based number among all requests) what to do with it. */
export async function startUnrulyProxy(upstream: string, decide: (request: IncomingMessage, index: number) => Misbehaviour): Promise<UnrulyProxy> {
  const seen: string[] = [];
  const sockets = new Set<Socket>();
  const server = createServer(async (request, response) => {
    const index = seen.push(`${request.method} ${request.url!.split('?')[0]}`) - 1;
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const action = decide(request, index);
    if ('hang' in action) return;
    if ('throttle' in action) {
      const requestId = `req_proxy${String(index).padStart(24, '0')}`;
      const body = { success: false, message: 'Slow down', code: action.code ?? CODES[action.throttle], requestId };
      response.writeHead(action.throttle, {
        'content-type': 'application/json; charset=utf-8',
        'x-request-id': requestId,
        ...(action.retryAfter !== undefined && { 'retry-after': action.retryAfter }),
      });
      return void response.end(JSON.stringify(body));
    }
    if ('delayMs' in action) await new Promise((resolve) => setTimeout(resolve, action.delayMs));
    if (response.destroyed) return;
    const headers = Object.entries(request.headers).filter(([name]) => !['host', 'content-length', 'connection'].includes(name)) as [string, string][];
    let answer: Response;
    let text: string;
    try {
      answer = await fetch(new URL(request.url!, upstream), { method: request.method, headers, ...(chunks.length > 0 && { body: Buffer.concat(chunks) }) });
      text = await answer.text();
    } catch {
      // The sandbox behind went away (the test is over): so does this answer.
      return void response.destroy();
    }
    const passed = Object.fromEntries([...answer.headers].filter(([name]) => !['content-length', 'connection', 'keep-alive', 'transfer-encoding'].includes(name)));
    if (response.destroyed) return;
    response.writeHead(answer.status, passed);
    response.end(text);
  });
  server.on('connection', (socket) => (sockets.add(socket), socket.on('close', () => sockets.delete(socket))));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
