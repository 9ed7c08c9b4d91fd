// A request body read from Node's IncomingMessage, for the server shell:
// at most `limit` bytes, within `timeoutMs` of the start. A client that is too
// slow, or closes the connection first, gets no answer (ClientGone).
import type { IncomingMessage } from 'node:http';
import { tooLarge } from '../body.ts';
import { ClientGone } from '../client-gone.ts';
import { ApiError } from '../errors.ts';

/**
 * The body's bytes, then a function that decodes them. The bytes wait
 * outside the JavaScript heap, and the decoding is left to whoever calls
 * the function: the core does it in its turn budget, with the parse. Ten
 * 1 MiB bodies in flight used to be ten megabytes of young strings, decoded
 * chunk by chunk as they came, that each minor garbage collection copied
 * (pauses of 25-35 ms); decoded whole when the last chunk came, outside the
 * budget, ten bodies ending together held the loop ~7 ms each.
 */
export async function readBodyText(payload: IncomingMessage, limit: number, timeoutMs: number): Promise<() => string> {
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
  // ignoreBOM keeps a byte-order mark in the text, as Buffer#toString does (JSON refuses it).
  return () => new TextDecoder('utf-8', { ignoreBOM: true }).decode(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size));
}
