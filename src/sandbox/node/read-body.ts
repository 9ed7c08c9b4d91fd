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
  // Each chunk is decoded as it arrives, into a string of pieces: a 1 MiB
  // body decoded whole when its last chunk came cost ~7 ms (a fresh megabyte
  // to copy into, then to decode), and ten bodies ending in the same turn of
  // the loop cost ten times that before any timer could run. The pieces are
  // joined by JSON.parse, inside the core's turn budget. ignoreBOM keeps a
  // byte-order mark in the text, as Buffer#toString does (JSON refuses it).
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  let text = '';
  let size = 0;
  const gone = () =>
    timedOut
      ? new ClientGone('body timeout', `The body did not arrive within ${timeoutMs / 1000} s (${size} bytes received)`)
      : new ClientGone('aborted', `The client closed the connection after ${size} bytes of the body`);
  try {
    for await (const chunk of payload as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > limit) throw tooLarge(limit);
      text += decoder.decode(chunk, { stream: true });
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
  return text + decoder.decode();
}

