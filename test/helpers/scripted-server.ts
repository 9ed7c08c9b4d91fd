// A local HTTP server that answers from a script, for testing what a client
// does with each kind of answer. It records every request it receives.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface ScriptedAnswer {
  status?: number;
  headers?: Record<string, string>;
  /** A JSON body (default: a success envelope), or a string sent as is. */
  body?: unknown;
  /** Wait this long before answering. */
  delayMs?: number;
  /** Drop the connection instead of answering. */
  hangUp?: boolean;
  /** Send the headers and the start of the body, then the rest this long after. */
  bodyDelayMs?: number;
}

export interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** performance.now() when the request arrived. */
  at: number;
  /** performance.now() when its connection closed, if it has (a client giving up closes it). */
  connectionClosedAt?: number;
}

export interface ScriptedServer {
  url: string;
  received: ReceivedRequest[];
  /** Answers, in order; the last one repeats once the script runs out. */
  script(...answers: ScriptedAnswer[]): void;
  close(): Promise<void>;
}

export const okBody = { success: true, data: [], usage: { remainingRequests: 10, usageDeducted: 0 }, metadata: { tagCount: 0 } };

export function errorBody(code: string, message = code) {
  return { success: false, code, message, requestId: 'req_scripted0001' };
}

export async function startScriptedServer(): Promise<ScriptedServer> {
  let answers: ScriptedAnswer[] = [{}];
  const received: ReceivedRequest[] = [];
  const requestsOn = new WeakMap<Socket, ReceivedRequest[]>();
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      const record: ReceivedRequest = { method: request.method!, url: request.url!, headers: request.headers, body, at: performance.now() };
      received.push(record);
      // One listener per connection, however many requests it carries.
      const onSocket = requestsOn.get(request.socket);
      if (onSocket) onSocket.push(record);
      else {
        requestsOn.set(request.socket, [record]);
        request.socket.once('close', () => {
          const now = performance.now();
          for (const each of requestsOn.get(request.socket)!) each.connectionClosedAt = now;
        });
      }
      const answer = answers.length > 1 ? answers.shift()! : answers[0]!;
      const send = () => {
        if (answer.hangUp) return request.socket.destroy();
        const payload = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body ?? okBody);
        response.writeHead(answer.status ?? 200, {
          'content-type': typeof answer.body === 'string' ? 'text/html' : 'application/json',
          'x-request-id': 'req_scripted0001',
          ...answer.headers,
        });
        if (!answer.bodyDelayMs) return response.end(payload);
        response.write(payload.slice(0, 1));
        setTimeout(() => response.end(payload.slice(1)), answer.bodyDelayMs);
      };
      if (answer.delayMs) setTimeout(send, answer.delayMs);
      else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    script: (...next) => {
      answers = next;
      received.length = 0;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
