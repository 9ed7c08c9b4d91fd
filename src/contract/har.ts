// The run's traffic as HAR 1.2 (`--har FILE`), for replaying or reading an
// exchange in a browser's network panel or any HAR viewer. Keys never reach
// the file: the Authorization header is redacted. The record is bounded: at
// most MAX_ENTRIES exchanges, and each body cut at MAX_BODY_CHARS (the entry's
// comment says so), so a long generated run cannot exhaust memory.
import type { Exchange } from './exchange.ts';
import { specVersion } from './spec.ts';

const MAX_ENTRIES = 50_000;
const MAX_BODY_CHARS = 64 * 1024;
const REDACTED = 'Bearer [redacted]';

interface HarEntry {
  startedDateTime: string;
  time: number;
  request: unknown;
  response: unknown;
  cache: Record<string, never>;
  timings: { send: number; wait: number; receive: number };
  comment?: string;
}

const pairs = (headers: Iterable<[string, string]>) =>
  [...headers].map(([name, value]) => ({ name, value: name.toLowerCase() === 'authorization' ? REDACTED : value }));

function cut(text: string, notes: string[], what: string): string {
  if (text.length <= MAX_BODY_CHARS) return text;
  notes.push(`${what} body cut from ${text.length} to ${MAX_BODY_CHARS} characters`);
  return text.slice(0, MAX_BODY_CHARS);
}

export class HarRecorder {
  private readonly entries: HarEntry[] = [];
  private dropped = 0;

  record(exchange: Exchange): void {
    const sent = exchange.sent;
    if (!sent) return;
    if (this.entries.length >= MAX_ENTRIES) {
      this.dropped++;
      return;
    }
    const notes: string[] = [];
    const url = new URL(sent.url);
    const requestType = sent.headers['content-type'];
    const responseType = exchange.headers.get('content-type') ?? '';
    const time = Math.round(exchange.durationMs * 1000) / 1000;
    this.entries.push({
      startedDateTime: sent.startedAt,
      time,
      request: {
        method: sent.method,
        url: sent.url,
        httpVersion: 'HTTP/1.1',
        cookies: [],
        headers: pairs(Object.entries(sent.headers)),
        queryString: [...url.searchParams].map(([name, value]) => ({ name, value })),
        ...(sent.body !== undefined && { postData: { mimeType: requestType ?? '', text: cut(sent.body, notes, 'request') } }),
        headersSize: -1,
        bodySize: sent.body === undefined ? 0 : Buffer.byteLength(sent.body),
      },
      response: {
        status: exchange.status,
        statusText: '',
        httpVersion: 'HTTP/1.1',
        cookies: [],
        headers: pairs(exchange.headers),
        content: { size: Buffer.byteLength(exchange.text), mimeType: responseType, text: cut(exchange.text, notes, 'response') },
        redirectURL: '',
        headersSize: -1,
        bodySize: Buffer.byteLength(exchange.text),
      },
      cache: {},
      timings: { send: 0, wait: time, receive: 0 },
      ...(notes.length > 0 && { comment: notes.join('; ') }),
    });
  }

  /** The HAR document; its comment says if exchanges past the cap were left out. */
  toJson(): string {
    const log = {
      version: '1.2',
      creator: { name: 'snippets-contract', version: specVersion },
      ...(this.dropped > 0 && { comment: `${this.dropped} exchanges after the first ${MAX_ENTRIES} were not recorded` }),
      entries: this.entries,
    };
    return `${JSON.stringify({ log }, null, 2)}\n`;
  }
}
