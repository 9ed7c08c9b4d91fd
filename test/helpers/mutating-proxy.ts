// A deliberately broken server: a proxy in front of a real sandbox that
// changes its answers in one way, for testing that the verifier notices.
// It may also change a request before passing it on, or answer a request
// itself without passing it on.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** A request as the proxy received it (the body as text). */
export interface ProxiedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

export type Mutation = (answer: Answer, request: ProxiedRequest) => Answer;

export interface ProxyOptions {
  /** Changes a request before it is passed on. */
  rewrite?: (request: ProxiedRequest) => ProxiedRequest;
  /** Answers a request without passing it on, when it returns an answer. */
  intercept?: (request: ProxiedRequest) => Answer | undefined;
}

export async function startMutatingProxy(upstream: string, mutate: Mutation, options: ProxyOptions = {}): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer(async (incoming, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    const headers = Object.fromEntries(Object.entries(incoming.headers).filter(([name]) => !['host', 'content-length', 'connection'].includes(name))) as Record<string, string>;
    let request: ProxiedRequest = { method: incoming.method!, url: incoming.url!, headers, body: Buffer.concat(chunks).toString('utf8') };
    const own = options.intercept?.(request);
    if (own) {
      response.writeHead(own.status, own.headers);
      response.end(own.body);
      return;
    }
    if (options.rewrite) request = options.rewrite(request);
    let original: Answer;
    try {
      const answer = await fetch(new URL(request.url, upstream), { method: request.method, headers: request.headers, ...(chunks.length > 0 && { body: request.body }) });
      original = {
        status: answer.status,
        headers: Object.fromEntries([...answer.headers].filter(([name]) => !['content-length', 'connection', 'keep-alive', 'transfer-encoding'].includes(name))),
        body: await answer.text(),
      };
    } catch {
      // The sandbox behind went away (the test is over): so does this answer.
      return void response.destroy();
    }
    const changed = mutate(original, request);
    response.writeHead(changed.status, changed.headers);
    response.end(changed.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

/** Changes the JSON body of the answers `when` selects. */
export function editJson(when: (answer: Answer, request: ProxiedRequest) => boolean, edit: (body: Record<string, unknown>, request: ProxiedRequest) => void): Mutation {
  return (answer, request) => {
    if (!when(answer, request)) return answer;
    const body = JSON.parse(answer.body) as Record<string, unknown>;
    edit(body, request);
    return { ...answer, body: JSON.stringify(body) };
  };
}

/** The pathname of a proxied request's url. */
export const pathOf = (request: Pick<ProxiedRequest, 'url'>) => new URL(request.url, 'http://proxy').pathname;
