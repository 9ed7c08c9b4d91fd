// The checker: one exchange against the contract. It reports every way the
// answer differs from what openapi.yaml allows, each as a Violation naming
// the operation, the place (JSON pointer, header or status), expected
// against actual, and the request id.
import { validateErrorResponse, validatorFor } from '../../generated/validators.js';
import type { Exchange, Violation } from './exchange.ts';
import { operationById, unmatchedResponses, type HeaderRule } from './spec.ts';

export interface Expectation {
  /** The status the scenario expects, or the statuses it accepts. */
  status: number | number[];
  /** The error code (or 207's code) the scenario expects. */
  code?: string;
}

const REQUEST_ID = /^[A-Za-z0-9_-]{8,128}$/;
const RATE_LIMIT_HEADERS = ['RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset'];

function show(value: unknown): string {
  if (value === undefined) return '(absent)';
  const text = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value) ?? String(value);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

function headerProblem(value: string, rule: HeaderRule): string | undefined {
  const { schema } = rule;
  if (schema.type === 'integer') {
    if (!/^\d+$/.test(value.trim())) return 'an integer';
    if (schema.minimum !== undefined && Number(value) < schema.minimum) return `an integer >= ${schema.minimum}`;
    return undefined;
  }
  if (schema.minLength !== undefined && value.length < schema.minLength) return `at least ${schema.minLength} characters`;
  if (schema.maxLength !== undefined && value.length > schema.maxLength) return `at most ${schema.maxLength} characters`;
  if (schema.pattern !== undefined && !new RegExp(schema.pattern).test(value)) return `a value matching ${schema.pattern}`;
  return undefined;
}

export function checkExchange(exchange: Exchange, expectation: Expectation): Violation[] {
  const violations: Violation[] = [];
  const headerId = exchange.headers.get('x-request-id') ?? undefined;
  const body = exchange.json as Record<string, unknown> | undefined;
  const requestId = (typeof body?.requestId === 'string' ? body.requestId : undefined) ?? headerId;
  const add = (at: string, expected: string, actual: string) =>
    violations.push({ operationId: exchange.operationId, at, expected, actual, requestId });

  const operation = exchange.operationId ? operationById.get(exchange.operationId) : undefined;
  const documented = operation ? operation.responses : unmatchedResponses;
  const rules = documented.get(exchange.status);

  const accepted = Array.isArray(expectation.status) ? expectation.status : [expectation.status];
  if (!accepted.includes(exchange.status)) add('status', accepted.join(' or '), String(exchange.status));
  if (!rules) {
    add('status', `one of the documented statuses ${[...documented.keys()].join(', ')}`, String(exchange.status));
  }

  if (!headerId) add('header X-Request-Id', 'present', '(absent)');
  else if (!REQUEST_ID.test(headerId)) add('header X-Request-Id', 'a request id', show(headerId));
  for (const rule of rules ?? []) {
    if (rule.name === 'X-Request-Id') continue;
    const value = exchange.headers.get(rule.name);
    // The spec says RateLimit-* come with every answer to an authenticated request that got past authentication.
    const mustHave = rule.required || (RATE_LIMIT_HEADERS.includes(rule.name) && operation?.authenticated === true && exchange.status < 300);
    if (value === null) {
      if (mustHave) add(`header ${rule.name}`, 'present', '(absent)');
      continue;
    }
    const problem = headerProblem(value, rule);
    if (problem) add(`header ${rule.name}`, problem, show(value));
  }
  const contentType = exchange.headers.get('content-type');
  if (!contentType || !/^application\/json\b/i.test(contentType)) add('header Content-Type', 'application/json', show(contentType ?? undefined));
  if (exchange.json === undefined) {
    add('body', 'a JSON body', show(exchange.text));
    return violations;
  }

  const validate = operation ? validatorFor(operation.operationId, exchange.status) : exchange.status >= 400 ? validateErrorResponse : undefined;
  if (validate && !validate(exchange.json)) {
    for (const error of validate.errors ?? []) {
      if (error.keyword === 'additionalProperties') {
        const field = String(error.params.additionalProperty);
        add(`${error.instancePath}/${field}`, 'no such field (undocumented)', show((resolvePointer(exchange.json, error.instancePath) as Record<string, unknown>)?.[field]));
      } else if (error.keyword === 'required') {
        add(`${error.instancePath}/${String(error.params.missingProperty)}`, 'present (required)', '(absent)');
      } else {
        add(error.instancePath || '/', error.message ?? error.keyword, show(resolvePointer(exchange.json, error.instancePath)));
      }
    }
  }

  if (expectation.code !== undefined && body?.code !== expectation.code) add('/code', expectation.code, show(body?.code));

  if (exchange.status >= 400 && headerId && typeof body?.requestId === 'string' && body.requestId !== headerId) {
    add('/requestId', `equal to header X-Request-Id (${headerId})`, show(body.requestId));
  }

  return violations;
}

function resolvePointer(value: unknown, pointer: string): unknown {
  let at = value;
  for (const raw of pointer.split('/').slice(1)) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string, unknown>)[raw.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return at;
}
