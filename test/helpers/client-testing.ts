// Small tools for testing the client against real servers: a fetch that
// records what came over the wire, a tiny local HTTP server whose answer a
// test sets, and a port where nothing listens.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Exchange {
  method: string;
  url: string;
  status: number;
  headers: Headers;
  /** The body, parsed when it is JSON, else the text. */
  body: unknown;
}

/** A fetch that passes everything through and records every answer (the client's `fetch` option). */
export function recordingFetch(): { fetch: typeof globalThis.fetch; exchanges: Exchange[]; last(): Exchange } {
  const exchanges: Exchange[] = [];
  const record: typeof globalThis.fetch = async (input, init) => {
    const request = new Request(input, init);
    const response = await globalThis.fetch(request);
    const text = await response.clone().text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    exchanges.push({ method: request.method, url: request.url, status: response.status, headers: response.headers, body });
    return response;
  };
  return {
    fetch: record,
    exchanges,
    last() {
      const exchange = exchanges.at(-1);
      if (!exchange) throw new Error('no exchange recorded');
      return exchange;
    },
  };
}

export interface TinyAnswer {
  status: number;
  headers?: Record<string, string>;
  /** Sent as is when a string, else as JSON. */
  body: unknown;
  /** Wait this long before answering. */
  delayMs?: number;
}

export interface TinyServer {
  url: string;
  /** What every request gets from now on; a function sees the request. */
  answer(next: TinyAnswer | ((request: IncomingMessage) => TinyAnswer)): void;
  close(): Promise<void>;
}

/** A node:http server on 127.0.0.1 and a free port that answers what the test says. */
export async function startTinyServer(): Promise<TinyServer> {
  let current: TinyAnswer | ((request: IncomingMessage) => TinyAnswer) = { status: 200, body: { success: true, data: null } };
  const server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
    request.resume();
    request.on('end', () => {
      const answer = typeof current === 'function' ? current(request) : current;
      const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
      const reply = () => {
        if (response.destroyed) return;
        response.writeHead(answer.status, {
          'content-type': typeof answer.body === 'string' ? 'text/html; charset=utf-8' : 'application/json; charset=utf-8',
          ...answer.headers,
        });
        response.end(text);
      };
      if (answer.delayMs) setTimeout(reply, answer.delayMs).unref();
      else reply();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    answer: (next) => {
      current = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A base URL on 127.0.0.1 where nothing listens (a port taken, then freed): connecting is refused. */
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
