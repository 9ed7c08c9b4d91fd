// Which catalog code each kind of invalid input gets, as the error catalog
// (x-error-catalog in openapi.yaml) describes its causes, and the status it
// comes with (read from the catalog, never written here). Where the spec
// leaves the choice open, a kind accepts the set of codes whose causes fit,
// and says why.
import { errorCatalog, type ErrorCode } from '../../../generated/error-catalog.js';

export type Problem =
  | 'missing'
  | 'wrong-type'
  | 'query-wrong-type'
  | 'length'
  | 'unknown-field'
  | 'format'
  | 'duplicates'
  | 'too-few-properties'
  | 'invalid-json'
  | 'empty-body'
  | 'batch-empty'
  | 'batch-empty-query'
  | 'batch-too-large'
  | 'too-large'
  | 'media-type';

const CODES: Record<Problem, ErrorCode[]> = {
  // PARAMETER_MISSING: "A required query parameter was left out, A required body field was left out".
  missing: ['PARAMETER_MISSING'],
  // TYPE_MISMATCH: "A string was sent where a number or object is expected, or the reverse".
  'wrong-type': ['TYPE_MISMATCH'],
  // A query value is always text on the wire: `limit=abc` is a string where a
  // number is expected (TYPE_MISMATCH) but may as well be read as a value
  // out of its format (PARAMETER_INVALID). The catalog does not choose.
  'query-wrong-type': ['TYPE_MISMATCH', 'PARAMETER_INVALID'],
  // FIELD_LENGTH_INVALID: "A title over 200 characters, ..., A required text field sent empty, Too many items in a list".
  length: ['FIELD_LENGTH_INVALID'],
  // FIELD_UNKNOWN: "The body has a field, or the query a parameter, that the operation does not accept".
  'unknown-field': ['FIELD_UNKNOWN'],
  // PARAMETER_INVALID: "An id is not a UUID, A date is not an ISO 8601 date-time, A number is out of range or a value is not one of the allowed ones".
  format: ['PARAMETER_INVALID'],
  // A list with the same id twice (uniqueItems): no cause names it; it is a
  // value that is not allowed (PARAMETER_INVALID) or a list of the wrong
  // make-up (FIELD_LENGTH_INVALID, "Too many items in a list").
  duplicates: ['PARAMETER_INVALID', 'FIELD_LENGTH_INVALID'],
  // An update with no field (minProperties): "The body was empty" is a cause
  // of PARAMETER_MISSING, but `{}` is also a value out of range
  // (PARAMETER_INVALID) or too short (FIELD_LENGTH_INVALID).
  'too-few-properties': ['PARAMETER_MISSING', 'PARAMETER_INVALID', 'FIELD_LENGTH_INVALID'],
  // BODY_INVALID_JSON: "A syntax error in the body ..., The body was cut off".
  'invalid-json': ['BODY_INVALID_JSON'],
  // A JSON content type with nothing after it: "The body was empty"
  // (PARAMETER_MISSING), or text that is not JSON (BODY_INVALID_JSON).
  'empty-body': ['PARAMETER_MISSING', 'BODY_INVALID_JSON'],
  // BATCH_EMPTY: "An empty array was sent".
  'batch-empty': ['BATCH_EMPTY'],
  // `ids=` is an empty list in the form style the parameter declares, but
  // may be read as one empty id, which is not a UUID.
  'batch-empty-query': ['BATCH_EMPTY', 'PARAMETER_INVALID'],
  // BATCH_TOO_LARGE: "More than 100 items or ids in one call".
  'batch-too-large': ['BATCH_TOO_LARGE'],
  // PAYLOAD_TOO_LARGE: "The request body is larger than 1 MB".
  'too-large': ['PAYLOAD_TOO_LARGE'],
  // UNSUPPORTED_MEDIA_TYPE: "The Content-Type header is missing or not application/json".
  'media-type': ['UNSUPPORTED_MEDIA_TYPE'],
};

export interface Expected {
  /** The statuses accepted. */
  status: number[];
  /** The codes accepted, when the answer is an error (or a 207). */
  codes?: string[];
}

/** What the contract answers to a request with this problem. */
export function expectedFor(problem: Problem): Expected {
  const codes = CODES[problem];
  return { status: [...new Set(codes.map((code) => errorCatalog[code].status))], codes };
}

/** The code for "no <kind> with this id" (`FOLDER_NOT_FOUND`), or every code of status 404 when the catalog has no such code. */
export function notFoundCodes(kind: string): string[] {
  const code = `${kind.toUpperCase()}_NOT_FOUND`;
  if (code in errorCatalog) return [code];
  return Object.entries(errorCatalog)
    .filter(([, entry]) => entry.status === 404)
    .map(([name]) => name);
}

export function describeExpected(expected: Expected): string {
  return `${expected.status.join('|')}${expected.codes ? ` ${expected.codes.join('|')}` : ''}`;
}
