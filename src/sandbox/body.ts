// Request bodies. The sandbox parses them itself instead of relying on a
// framework's parsers, so that every failure maps to a catalog code, and so
// that operations without a request body ignore whatever was sent. How the
// text arrives is the shell's concern (node/read-body.ts, core/fetch-handler.ts).
import { ApiError } from './errors.ts';
import { exceedsShape } from './json-shape.ts';
import { ILL_FORMED_ISSUE, illFormedFields, mayHoldLoneSurrogate, toWellFormed } from './unicode.ts';

/**
 * Deeper than any request body of the contract (the deepest, a batch of
 * snippets with variations, nests 6 levels): refused before parsing.
 */
export const MAX_BODY_DEPTH = 32;

const JSON_MEDIA_TYPE = /^application\/json\s*(;|$)/i;
// One `; name=value` parameter of a media type; the value a token or a quoted string (RFC 9110 5.6.6).
const PARAMETER = /;\s*([^\s;=]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;]*)/g;

export function isJsonContentType(header: string | undefined): boolean {
  return header !== undefined && JSON_MEDIA_TYPE.test(header.trim());
}

/** The first charset the header names that is not UTF-8, unquoted; undefined when all are UTF-8 or it names none. */
function otherCharset(header: string): string | undefined {
  for (const [, name, raw] of header.matchAll(PARAMETER)) {
    if (name!.toLowerCase() !== 'charset') continue;
    const value = raw!.trim();
    const charset = value.startsWith('"') ? value.slice(1, -1).replace(/\\(.)/g, '$1') : value;
    if (charset.toLowerCase() !== 'utf-8') return charset;
  }
  return undefined;
}

/** Refuses a body that is not JSON, or JSON in another charset (the sandbox would decode it wrong). */
export function checkContentType(contentType: string | undefined): void {
  if (!isJsonContentType(contentType)) {
    throw new ApiError(
      'UNSUPPORTED_MEDIA_TYPE',
      `Content-Type must be application/json, got ${contentType ? contentType.split(';')[0] : 'none'}`,
    );
  }
  const charset = otherCharset(contentType!);
  if (charset !== undefined) {
    throw new ApiError('UNSUPPORTED_MEDIA_TYPE', `The request body must be UTF-8, got charset=${JSON.stringify(charset)}: send it as UTF-8 (charset=utf-8, or no charset)`);
  }
}

/**
 * Parses a JSON body; undefined when it is empty. A body deeper than
 * MAX_BODY_DEPTH, or with more values than `maxValues` (the most a valid body
 * of the operation can hold), is refused before it is parsed.
 */
export function parseJson(text: string, maxValues: number): unknown {
  if (text.trim() === '') return undefined;
  // For valid JSON, the tokens counted are at most twice the values, plus one.
  const exceeded = exceedsShape(text, MAX_BODY_DEPTH, 2 * maxValues + 1);
  if (exceeded === 'depth') {
    throw new ApiError('PARAMETER_INVALID', `The request body nests deeper than ${MAX_BODY_DEPTH} levels`, {
      details: [{ field: 'body', issue: `nests deeper than ${MAX_BODY_DEPTH} levels, more than any request of this API` }],
    });
  }
  if (exceeded === 'values') {
    throw new ApiError('PARAMETER_INVALID', `The request body holds more values than a valid one can (${maxValues})`, {
      details: [{ field: 'body', issue: `holds more than the ${maxValues} values a valid body can: check the arrays against their maxItems` }],
    });
  }
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

export function tooLarge(limit: number): ApiError {
  return new ApiError('PAYLOAD_TOO_LARGE', `The request body is larger than ${limit} bytes`);
}
