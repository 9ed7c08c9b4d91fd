// Connections that hold the sandbox without finishing a request: a body that
// never comes, headers sent a byte at a time, an idle keep-alive connection,
// an upload cut off half-way. Each is closed within its bound, none stops
// other clients, none is logged as the sandbox's own failure. The bounds are
// set to a second or a few so that the tests stay fast; the assertions allow
// several times that, since timings here are noisy.
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { demoKeys, demoTeams, fixturesFile, startSandbox } from '../helpers/sandbox.ts';
import { startSandboxProcess, type RunningSandbox } from '../helpers/processes.ts';
import type { Sandbox } from '../../src/sandbox/server.ts';

const SHORT = { headersTimeoutSeconds: 1, bodyTimeoutSeconds: 1, idleTimeoutSeconds: 1 };
/** How long a test waits for the server to close a connection bound to close after a second or two. */
const GENEROUS_MS = 6000;

/** Keys allowed 100 000 requests a minute: every stalled request is admitted and waits for its body, none is turned away by the rate limit. */
const roomy = () => fixturesFile((f) => f.apiKeys.forEach((k) => (k.rateLimitPerMinute = 100_000)));

const stopping: Array<() => unknown> = [];
afterEach(async () => {
  for (const stop of stopping.splice(0)) await stop();
});

async function start(options: Parameters<typeof startSandbox>[0]): Promise<Sandbox> {
  const sandbox = await startSandbox(options);
  stopping.push(() => sandbox.close());
  return sandbox;
}

/** The start of a request for a 100-byte body. */
const uploadHead = (url: string) =>
  `POST /api/prompts/tag HTTP/1.1\r\nHost: ${new URL(url).host}\r\nAuthorization: Bearer ${demoKeys.acme}\r\n` +
  'Content-Type: application/json\r\nContent-Length: 100\r\n\r\n';

interface Connection {
  socket: Socket;
  /** Everything the server sent. */
  received: () => string;
  /** Resolves with the ms from connecting to the server closing, or undefined when it did not within `ms`. */
  closedWithin(ms: number): Promise<number | undefined>;
  closed: () => boolean;
}

/** A raw connection; `drive` writes to it once connected. The test's afterEach destroys it. */
function rawConnection(url: string, drive: (socket: Socket) => void = () => {}): Promise<Connection> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const startedAt = Date.now();
    let data = '';
    let closedAt: number | undefined;
    const socket = connect(Number(port), hostname);
    stopping.push(() => socket.destroy());
    socket.on('data', (chunk) => (data += chunk));
    // The server may reset what it closes; only the close matters here.
    socket.on('error', () => {});
    const ended = new Promise<void>((done) => socket.on('close', () => ((closedAt = Date.now()), done())));
    socket.once('connect', () => {
      socket.off('error', reject);
      drive(socket);
      resolve({
        socket,
        received: () => data,
        closed: () => closedAt !== undefined,
        async closedWithin(ms) {
          await Promise.race([ended, new Promise((wait) => setTimeout(wait, ms))]);
          return closedAt === undefined ? undefined : closedAt - startedAt;
        },
      });
    });
    socket.once('error', reject);
  });
}

/** The connections the server holds, once those it is closing are gone (a second at most). */
async function openConnections(sandbox: Sandbox): Promise<number> {
  const count = () => new Promise<number>((resolve, reject) => sandbox.app.server.getConnections((error, n) => (error ? reject(error) : resolve(n))));
  const deadline = Date.now() + 1000;
  let open = await count();
  while (open > 0 && Date.now() < deadline) {
    await new Promise((wait) => setTimeout(wait, 20));
    open = await count();
  }
  return open;
}

function logLines(lines: string[]): Array<Record<string, any>> {
  return lines.map((line) => JSON.parse(line));
}

describe('a connection that stalls', () => {
  it('is closed unanswered within the body timeout when its body never comes, and logged as the client being too slow', async () => {
    const lines: string[] = [];
    const sandbox = await start({ ...SHORT, logLevel: 'info', logStream: { write: (line) => lines.push(line) } });
    const headersOnly = await rawConnection(sandbox.url, (socket) => socket.write(uploadHead(sandbox.url)));
    const partBody = await rawConnection(sandbox.url, (socket) => socket.write(`${uploadHead(sandbox.url)}{"tagName":`));
    expect(await headersOnly.closedWithin(GENEROUS_MS)).toBeDefined();
    expect(await partBody.closedWithin(GENEROUS_MS)).toBeDefined();
    // No status of the contract says "too slow": the connection ends without an answer.
    expect(headersOnly.received()).toBe('');
    expect(partBody.received()).toBe('');
    const slow = logLines(lines).filter((l) => l.msg === 'client too slow');
    expect(slow).toEqual([
      expect.objectContaining({ level: 30, operationId: 'createTag', reason: 'body timeout' }),
      expect.objectContaining({ level: 30, operationId: 'createTag', reason: 'body timeout' }),
    ]);
    expect(lines.join('\n')).not.toMatch(/unexpected error|INTERNAL_ERROR|"stack"/);
  });

  it('is closed within the headers timeout when it sends its headers a byte at a time (slowloris)', async () => {
    const sandbox = await start(SHORT);
    const head = uploadHead(sandbox.url);
    let sent = 0;
    const slowloris = await rawConnection(sandbox.url, (socket) => {
      // A byte every 100 ms: the headers would take 15 s; the server must not wait for them.
      const timer = setInterval(() => (socket.destroyed || sent === head.length ? clearInterval(timer) : socket.write(head[sent++]!)), 100);
    });
    expect(await slowloris.closedWithin(GENEROUS_MS)).toBeDefined();
    expect(sent).toBeLessThan(head.length);
  });

  it('is closed within the headers timeout when it sends nothing at all', async () => {
    const sandbox = await start(SHORT);
    const silent = await rawConnection(sandbox.url);
    expect(await silent.closedWithin(GENEROUS_MS)).toBeDefined();
    expect(silent.received()).toBe('');
  });

  it('is closed within the idle timeout when it keeps a connection open after an answer', async () => {
    const sandbox = await start(SHORT);
    const host = new URL(sandbox.url).host;
    const idle = await rawConnection(sandbox.url, (socket) => socket.write(`GET /health HTTP/1.1\r\nHost: ${host}\r\nConnection: keep-alive\r\n\r\n`));
    expect(await idle.closedWithin(GENEROUS_MS)).toBeDefined();
    // It was answered, then let go.
    expect(idle.received()).toMatch(/^HTTP\/1\.1 200 /);
  });
});

describe('many stalled connections', () => {
  it('do not keep a normal client from being served meanwhile, and are all closed within the bounds', async () => {
    // A few seconds rather than one: the normal client's answer must come while the stalled connections are all still open.
    const sandbox = await start({ fixtures: roomy(), headersTimeoutSeconds: 3, bodyTimeoutSeconds: 3, idleTimeoutSeconds: 3 });
    const head = uploadHead(sandbox.url);
    const stalled = await Promise.all(
      Array.from({ length: 300 }, (_, i) =>
        rawConnection(sandbox.url, (socket) => {
          // A third send nothing, a third their headers only, a third part of their body.
          if (i % 3 === 1) socket.write(head);
          if (i % 3 === 2) socket.write(`${head}{"tag`);
        }),
      ),
    );
    // Another tenant, as on a shared sandbox.
    const answer = await fetch(`${sandbox.url}/api/prompts/tags?teamId=${demoTeams.globex}`, { headers: { authorization: `Bearer ${demoKeys.globex}` } });
    expect(answer.status).toBe(200);
    expect(stalled.filter((c) => c.closed())).toHaveLength(0);

    const closedAfter = await Promise.all(stalled.map((c) => c.closedWithin(10_000)));
    expect(closedAfter.filter((ms) => ms === undefined)).toHaveLength(0);
    // Nothing is left behind on the server's side either.
    expect(await openConnections(sandbox)).toBe(0);
  });

  it('lock new clients out of a sandbox with 256 file descriptors only until the body timeout, not for good', async () => {
    const sandbox: RunningSandbox = await startSandboxProcess(
      ['--port', '0', '--db', ':memory:', '--fixtures', roomy(), '--log-level', 'silent', '--headers-timeout-seconds', '1', '--body-timeout-seconds', '1', '--idle-timeout-seconds', '1'],
      { maxOpenFiles: 256 },
    );
    stopping.push(() => sandbox.child.kill('SIGKILL'));
    const head = uploadHead(sandbox.url);
    // More connections than the sandbox has descriptors: those beyond are reset at once.
    await Promise.all(Array.from({ length: 400 }, () => rawConnection(sandbox.url, (socket) => socket.write(head)).catch(() => undefined)));
    const deadline = Date.now() + 10_000;
    let status: number | undefined;
    while (status === undefined && Date.now() < deadline) {
      status = await fetch(`${sandbox.url}/health`, { signal: AbortSignal.timeout(2000) }).then(
        (response) => response.status,
        () => undefined,
      );
      if (status === undefined) await new Promise((wait) => setTimeout(wait, 200));
    }
    expect(status).toBe(200);
  });
});

describe('an upload cut off half-way', () => {
  it('is logged as a client abort, without a stack and not as INTERNAL_ERROR; the sandbox keeps answering and holds nothing', async () => {
    const lines: string[] = [];
    const logged = await start({ logLevel: 'info', logStream: { write: (line) => lines.push(line) } });
    const aborted = await rawConnection(logged.url, (socket) => {
      socket.write(`${uploadHead(logged.url)}{"tagName":`);
      setTimeout(() => socket.destroy(), 100);
    });
    await aborted.closedWithin(GENEROUS_MS);
    const deadline = Date.now() + GENEROUS_MS;
    while (!lines.some((l) => l.includes('client aborted')) && Date.now() < deadline) await new Promise((wait) => setTimeout(wait, 20));
    const entries = logLines(lines);
    const abort = entries.find((l) => l.msg === 'client aborted');
    expect(abort).toMatchObject({ level: 30, operationId: 'createTag', reason: 'aborted' });
    expect(JSON.stringify(abort)).not.toMatch(/stack|\bat \S+ \(/);
    expect(entries.filter((l) => l.level >= 50 || l.msg === 'unexpected error' || l.code === 'INTERNAL_ERROR')).toEqual([]);

    expect(await openConnections(logged)).toBe(0);
    const answer = await fetch(`${logged.url}/api/prompts/tags`, { headers: { authorization: `Bearer ${demoKeys.acme}` } });
    expect(answer.status).toBe(200);
  });
});
