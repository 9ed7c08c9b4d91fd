// A deliberately broken server: a proxy in front of a real sandbox that
// changes its answers in one way, for testing that the verifier notices.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export type Mutation = (answer: Answer, request: { method: string; url: string }) => Answer;

export async function startMutatingProxy(upstream: string, mutate: Mutation): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const headers = Object.entries(request.headers).filter(([name]) => !['host', 'content-length', 'connection'].includes(name)) as [string, string][];
    const answer = await fetch(new URL(request.url!, upstream), { method: request.method, headers, ...(chunks.length > 0 && { body: Buffer.concat(chunks) }) });
    const original: Answer = {
      status: answer.status,
      headers: Object.fromEntries([...answer.headers].filter(([name]) => !['content-length', 'connection', 'keep-alive', 'transfer-encoding'].includes(name))),
      body: await answer.text(),
    };
    const changed = mutate(original, { method: request.method!, url: request.url! });
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
export function editJson(when: (answer: Answer) => boolean, edit: (body: Record<string, unknown>) => void): Mutation {
  return (answer) => {
    if (!when(answer)) return answer;
    const body = JSON.parse(answer.body) as Record<string, unknown>;
    edit(body);
    return { ...answer, body: JSON.stringify(body) };
  };
}
