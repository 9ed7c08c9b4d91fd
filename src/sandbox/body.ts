// Request bodies. The sandbox reads them itself instead of relying on
// Fastify's parsers, so that every failure maps to a catalog code, and so
// that operations without a request body ignore whatever was sent.
import type { IncomingMessage } from 'node:http';
import { ApiError } from './errors.ts';
import { ILL_FORMED_ISSUE, illFormedFields, mayHoldLoneSurrogate, toWellFormed } from './unicode.ts';

const JSON_MEDIA_TYPE = /^application\/json\s*(;|$)/i;

export function isJsonContentType(header: string | undefined): boolean {
  return header !== undefined && JSON_MEDIA_TYPE.test(header.trim());
}

/** Reads and parses a JSON body of at most `limit` bytes; undefined when it is empty. */
export async function readJsonBody(payload: IncomingMessage, contentType: string | undefined, limit: number): Promise<unknown> {
  if (!isJsonContentType(contentType)) {
    throw new ApiError(
      'UNSUPPORTED_MEDIA_TYPE',
      `Content-Type must be application/json, got ${contentType ? contentType.split(';')[0] : 'none'}`,
    );
  }
  const declared = Number(payload.headers['content-length']);
  if (declared > limit) throw tooLarge(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of payload as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw tooLarge(limit);
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return undefined;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    // V8 quotes the text around the error, and may cut a surrogate pair in two.
    throw new ApiError('BODY_INVALID_JSON', 'The request body is not valid JSON', { error: toWellFormed((error as Error).message) });
  }
  if (mayHoldLoneSurrogate(text)) refuseIllFormed(body);
  return body;
}

/** A body with a string or key that is not valid Unicode is refused, naming each such field (unicode.ts). */
function refuseIllFormed(body: unknown): void {
  const fields = illFormedFields(body);
  if (fields.length === 0) return;
  throw new ApiError('PARAMETER_INVALID', `${fields[0]} ${ILL_FORMED_ISSUE}`, {
    details: fields.map((field) => ({ field, issue: ILL_FORMED_ISSUE })),
  });
}

function tooLarge(limit: number): ApiError {
  return new ApiError('PAYLOAD_TOO_LARGE', `The request body is larger than ${limit} bytes`);
}
