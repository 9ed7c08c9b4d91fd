// The in-process sandbox (memory store) behind a plain node:http listener, so
// that suites written against a URL (ContractClient, raw fetch) run on it
// unchanged: test/sandbox/on-memory.test.ts. Only a bridge: each request
// becomes a Fetch Request for the core's Fetch handler, as a page's or a
// worker's would, and the Response is written back.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFixtures } from '../../src/fixtures/fixtures-file.ts';
import { adjustableClock } from '../../src/sandbox/clock.ts';
import { contract } from '../../src/sandbox/contract.ts';
import { answerFetch } from '../../src/sandbox/core/fetch-handler.ts';
import { createSandbox } from '../../src/sandbox/in-process.ts';
import type { SandboxOptions } from '../../src/sandbox/options.ts';

async function bodyOf(request: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  for await (const chunk of request as AsyncIterable<Buffer>) chunks.push(chunk);
  return chunks.length === 0 ? undefined : Buffer.concat(chunks);
}

/** Options of the server that mean something in-process; the rest (db, timeouts, logs) belong to the Node server. */
export async function startInProcessServer(options: Partial<SandboxOptions> = {}) {
  const sandbox = await createSandbox({
    ...(options.fixtures && { fixtures: readFixtures(options.fixtures, contract().keyPattern) }),
    ...(options.rateLimit !== undefined && { rateLimit: options.rateLimit }),
    ...(options.rateLimitForEveryKey !== undefined && { rateLimitForEveryKey: options.rateLimitForEveryKey }),
    ...(options.rateWindowSeconds !== undefined && { rateWindowSeconds: options.rateWindowSeconds }),
    ...(options.blockThreshold !== undefined && { blockThreshold: options.blockThreshold }),
    ...(options.blockSeconds !== undefined && { blockSeconds: options.blockSeconds }),
    ...(options.faultInjection !== undefined && { faultInjection: options.faultInjection }),
    ...(options.now && { clock: adjustableClock(options.now) }),
  });
  const server = createServer((incoming, outgoing) => {
    void (async () => {
      const headers = new Headers();
      for (let i = 0; i < incoming.rawHeaders.length; i += 2) headers.append(incoming.rawHeaders[i]!, incoming.rawHeaders[i + 1]!);
      const body = await bodyOf(incoming);
      const method = incoming.method!;
      const request = new Request(`http://127.0.0.1${incoming.url}`, { method, headers, ...(body && method !== 'GET' && method !== 'HEAD' && { body: new Uint8Array(body) }) });
      const response = await answerFetch(sandbox.core, request);
      outgoing.writeHead(response.status, Object.fromEntries(response.headers));
      outgoing.end(Buffer.from(await response.arrayBuffer()));
    })().catch((error: unknown) => {
      outgoing.destroy(error as Error);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    fetch: sandbox.fetch,
    clock: sandbox.clock,
    reset: sandbox.reset,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await sandbox.close();
    },
  };
}
