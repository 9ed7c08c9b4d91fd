// Request validation with the validators generated from openapi.yaml. This
// module only decodes raw input and turns ajv's findings into catalog codes.
//
// Each part is checked in two steps, so that the work is bounded by the
// contract's limits as well as by the request's size: first its limits alone
// (maxItems, no unknown keys: generated/limit-validators.js, which stops at
// the first one broken), then, only when they hold, everything (the full
// validators, every error).
import type { ErrorObject } from 'ajv';
import { parameterLimitValidators, parameterValidators, requestBodyLimitValidators, requestBodyValidators, type Validator } from '../../generated/validators.js';
import type { ErrorCode } from '../../generated/error-catalog.js';
import { contract, type OperationInfo, type QueryParameter } from './contract.ts';
import { ApiError, type ErrorDetail } from './errors.ts';

type RawQuery = Record<string, string | string[] | undefined>;

function decode(raw: string, how: QueryParameter['decode']): unknown {
  switch (how) {
    case 'csv':
      return raw === '' ? [] : raw.split(',').map((part) => part.trim());
    case 'integer':
    case 'number':
      // Leave anything that is not a plain number as a string: the schema then reports a wrong type.
      return /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw;
    case 'boolean':
      return raw === 'true' ? true : raw === 'false' ? false : raw;
    default:
      return raw;
  }
}

/** Decodes the query string as the spec describes each parameter; unknown names are kept for the validator to refuse. */
export function decodeQuery(op: OperationInfo, raw: RawQuery): Record<string, unknown> {
  // No prototype: a parameter named `__proto__` must stay a parameter (and be refused as unknown).
  const decoded: Record<string, unknown> = Object.create(null);
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    const parameter = op.query.find((q) => q.name === name);
    // Only in the serialization the spec declares: a client that repeats a comma-separated list (`ids=a&ids=b`) has a bug to hear of.
    if (Array.isArray(value) && parameter && !parameter.repeatable) {
      const list = parameter.decode === 'csv' ? `; a list is one value, comma-separated: ${name}=a,b` : '';
      throw new ApiError('PARAMETER_INVALID', `Query parameter ${name} is given ${value.length} times; send it once${list}`, {
        details: [{ field: name, issue: `is given ${value.length} times` }],
      });
    }
    // Repeated as the spec says (explode), or unknown (joined; the validator refuses it by name).
    decoded[name] = decode(Array.isArray(value) ? value.join(',') : value, parameter?.decode ?? 'string');
  }
  return decoded;
}

const LENGTH_KEYWORDS = new Set(['minLength', 'maxLength', 'minItems', 'maxItems']);

/** Most specific first: when several fields fail, the error's code is the first kind found. */
const PRECEDENCE: Array<[ErrorCode, (e: ErrorObject) => boolean]> = [
  ['FIELD_UNKNOWN', (e) => e.keyword === 'additionalProperties'],
  ['PARAMETER_MISSING', (e) => e.keyword === 'required'],
  ['TYPE_MISMATCH', (e) => e.keyword === 'type'],
  ['FIELD_LENGTH_INVALID', (e) => LENGTH_KEYWORDS.has(e.keyword)],
  ['PARAMETER_INVALID', () => true],
];

/** `/snippets/3/title` -> `snippets.3.title`. Run once per error, so no array per call: string operations only. */
function fieldOf(error: ErrorObject, root: 'body' | 'parameters'): string {
  let path = error.instancePath;
  // Parameter paths start with /query or /header: the field is the parameter name.
  if (root === 'parameters') {
    const next = path.indexOf('/', 1);
    path = next === -1 ? '' : path.slice(next);
  }
  let field = path.slice(1).replaceAll('/', '.');
  // JSON pointer escapes, undone after the separators are replaced: `~1` is a `/` inside a name.
  if (field.includes('~')) field = field.replaceAll('~1', '/').replaceAll('~0', '~');
  const name = error.keyword === 'required' ? error.params.missingProperty : error.keyword === 'additionalProperties' ? error.params.additionalProperty : undefined;
  if (name !== undefined) field = field === '' ? String(name) : `${field}.${String(name)}`;
  return field || (root === 'body' ? 'body' : 'query');
}

function issueOf(error: ErrorObject): string {
  if (error.keyword === 'required') return 'is required';
  if (error.keyword === 'additionalProperties') return 'is not a known field';
  return error.message ?? error.keyword;
}

/**
 * The first `maxErrorDetails` details, one per field and issue, and how many
 * problems ajv reported besides the ones they list. Only the listed ones are
 * turned into details, the rest are counted: within the limits a body can
 * still bring some ten thousand errors, and a detail costs string work.
 */
function detailsOf(errors: ErrorObject[], root: 'body' | 'parameters'): { details: ErrorDetail[]; omittedDetailCount?: number } {
  const max = contract().limits.maxErrorDetails;
  const details: ErrorDetail[] = [];
  // One line per field and issue, should ajv report one twice.
  const seen = new Set<string>();
  let read = 0;
  for (; read < errors.length && details.length < max; read++) {
    const detail = { field: fieldOf(errors[read]!, root), issue: issueOf(errors[read]!) };
    const key = `${detail.field}\n${detail.issue}`;
    if (seen.has(key)) continue;
    seen.add(key);
    details.push(detail);
  }
  return read < errors.length ? { details, omittedDetailCount: errors.length - read } : { details };
}

function toApiError(op: OperationInfo, errors: ErrorObject[], root: 'body' | 'parameters'): ApiError {
  const details = detailsOf(errors, root);
  const batch = op.batchField;
  const batchPath = batch && (root === 'body' ? batch.in === 'body' && `/${batch.name}` : batch.in === 'query' && `/query/${batch.name}`);
  // The keyword first: comparing it is cheap, an instancePath is built by concatenation.
  const batchError = errors.find((e) => (e.keyword === 'minItems' || e.keyword === 'maxItems') && e.instancePath === batchPath);
  if (batchError) {
    const code = batchError.keyword === 'minItems' ? 'BATCH_EMPTY' : 'BATCH_TOO_LARGE';
    const message =
      code === 'BATCH_EMPTY'
        ? `${batch!.name} must contain at least one item`
        : `${batch!.name} may contain at most ${String(batchError.params.limit)} items`;
    return new ApiError(code, message, details);
  }
  const [code, matches] = PRECEDENCE.find(([, test]) => errors.some(test))!;
  // The message speaks of the problem that decided the code.
  const deciding = errors.find(matches)!;
  return new ApiError(code, `${fieldOf(deciding, root)} ${issueOf(deciding)}`, details);
}

type ValidatorTable = Partial<Record<string, Validator<unknown>>>;

/** Checks `data` against the operation's limits (if it has any), then against everything. */
function check(op: OperationInfo, data: unknown, limits: ValidatorTable, full: ValidatorTable, root: 'body' | 'parameters'): void {
  const withinLimits = limits[op.operationId];
  if (withinLimits && !withinLimits(data)) throw toApiError(op, withinLimits.errors ?? [], root);
  const validate = full[op.operationId]!;
  if (validate(data)) return;
  const error = toApiError(op, validate.errors ?? [], root);
  // ajv keeps the errors on the validator until its next call: thousands of
  // objects that would survive (and be copied by) the next young-generation
  // collections. Dropped here, they die young.
  validate.errors = null;
  throw error;
}

export function validateParameters(op: OperationInfo, query: Record<string, unknown>, headers: Record<string, unknown>): void {
  check(op, { query, header: headers }, parameterLimitValidators, parameterValidators, 'parameters');
}

export function validateBody(op: OperationInfo, body: unknown): void {
  if (!op.takesBody) return;
  if (body === undefined) throw new ApiError('PARAMETER_MISSING', 'The request body is required', { details: [{ field: 'body', issue: 'is required' }] });
  check(op, body, requestBodyLimitValidators, requestBodyValidators, 'body');
}
