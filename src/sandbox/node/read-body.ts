// A request body read from Node's IncomingMessage, for the server shell:
// at most `limit` bytes, within `timeoutMs` of the start. A client that is too
// slow, or closes the connection first, gets no answer (ClientGone).
import type { IncomingMessage } from 'node:http';
import { tooLarge } from '../body.ts';
import { ClientGone } from '../client-gone.ts';
import { ApiError } from '../errors.ts';

export async function readBodyText(payload: IncomingMessage, limit: number, timeoutMs: number): Promise<string> {
  const declared = Number(payload.headers['content-length']);
  if (declared > limit) throw tooLarge(limit);
  let timedOut = false;
  // Destroying the body closes its connection: a client too slow to send
  // its body is not answered (no status of the contract says "too slow").
  const timer = setTimeout(() => {
    timedOut = true;
    payload.destroy();
  }, timeoutMs);
  const chunks: Buffer[] = [];
  let size = 0;
  const gone = () =>
    timedOut
      ? new ClientGone('body timeout', `The body did not arrive within ${timeoutMs / 1000} s (${size} bytes received)`)
      : new ClientGone('aborted', `The client closed the connection after ${size} bytes of the body`);
  try {
    for await (const chunk of payload as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > limit) throw tooLarge(limit);
      chunks.push(chunk);
    }
  } catch (error) {
    // Any failure of the stream before the body is complete is the connection's end.
    if (error instanceof ApiError || payload.complete) throw error;
    throw gone();
  } finally {
    clearTimeout(timer);
  }
  // `complete` is Node's own flag; an injected request (inject-fetch.ts) has none and ends only when whole.
  if (timedOut || payload.complete === false) throw gone();
  return Buffer.concat(chunks).toString('utf8');
}

