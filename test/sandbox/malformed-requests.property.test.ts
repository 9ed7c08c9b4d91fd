// Property-based fuzzing of the sandbox with malformed requests (issue 3):
// at least 2,000 generated requests per run, every answer a 4xx that the spec
// documents for the operation (404/405 for a request that matches no
// operation, as `x-unmatched-requests` says), in the error envelope, with the
// request id of the X-Request-Id header, never a 5xx, never a stack trace,
// an internal path or an HTML page, never a string that is not valid Unicode
// (a lone surrogate). Afterwards /health still answers 200.
//
// Operations, methods, paths, parameters and body schemas all come from the
// spec (generated/openapi.json). Requests to real operations get random
// Authorization headers, query parameters, headers and bodies (random types
// and lengths for every field). Whether a request is certainly malformed (a
// refused key, a body that fails its schema or is not JSON, parameters that
// fail theirs, a lone surrogate in the body) is judged with the validators
// generated from the spec and a Unicode check; one that is by chance
// well-formed gets an unknown query parameter, so that every request sent is
// one the server must refuse. Requests that match no operation
// (unknown paths, near misses of real ones, wrong methods) make up the rest.
//
// Reproduce a failure with FC_SEED=<seed> (printed on failure); FC_RUNS sets
// the number of runs (4 requests each).
import http from 'node:http';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parameterValidators, requestBodyValidators, validateErrorResponse, validatorFor } from '../../generated/validators.js';
import { contract, type OperationInfo } from '../../src/sandbox/contract.ts';
import { parsePrefer } from '../../src/sandbox/faults.ts';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { demoKeys, fixturesFile, startSandbox } from '../helpers/sandbox.ts';

type Json = any;

// Disagreements between the sandbox and the spec found by this test (reported,
// not fixed here). While a flag is true, the generator leaves out the inputs
// that trigger it, and its reproduction under "known sandbox bugs" below is
// expected to fail (it.fails). Once the sandbox (or, where the answer is
// reasonable, the spec) is fixed, that reproduction passes and vitest reports
// it: set the flag to false, which turns the reproduction into a normal test
// and puts the inputs back into the fuzz.
const KNOWN_BUGS = {
  /** A path with an undecodable percent-encoding (`/%zz`) answers 404 without an X-Request-Id header. */
  undecodablePathHasNoRequestId: false,
  /** An unknown query parameter named `__proto__` is silently ignored instead of refused with 400 FIELD_UNKNOWN. */
  protoQueryParameterIgnored: false,
  /** A body with a malformed Content-Type on a request that matches no operation answers 415, not 404/405. */
  unmatchedMalformedContentTypeIs415: false,
  /** A request Node's HTTP parser refuses (unknown method, raw non-ASCII byte in the path) answers 400, not 404/405. */
  unparseableRequestIs400: false,
  /** `QUERY` (any path) without a Content-Type answers 500 INTERNAL_ERROR: Fastify's FST_ERR_ROUTE_MISSING_CONTENT_TYPE is not mapped. */
  queryMethodWithoutContentTypeIs500: false,
};

const SEED = process.env.FC_SEED !== undefined ? Number(process.env.FC_SEED) : 20_260_301;
const RUNS = process.env.FC_RUNS !== undefined ? Number(process.env.FC_RUNS) : 560;
const BATCH = 4;
const MIN_REQUESTS = 2000;

// ---------------------------------------------------------------------------
// What the spec says

const doc: Json = JSON.parse(readFileSync(new URL('../../generated/openapi.json', import.meta.url), 'utf8'));
const spec = contract();

function deref(node: Json): Json {
  while (node && typeof node.$ref === 'string') {
    node = node.$ref
      .slice(2)
      .split('/')
      .reduce((at: Json, key: string) => at[key.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
  }
  return node;
}

interface FuzzOperation {
  info: OperationInfo;
  /** Query parameters by name, with their (dereferenced) schema and whether they are required. */
  query: Array<{ name: string; schema: Json; required: boolean; repeatable: boolean }>;
  bodySchema?: Json;
}

const fuzzOperations: FuzzOperation[] = spec.operations
  // An operation that documents no 4xx (GET /health) has no malformed request; wrong methods on its path are fuzzed below.
  .filter((op) => [...op.statuses].some((s) => s >= 400 && s < 500))
  .map((info) => {
    const item = doc.paths[info.path];
    const op = item[info.method.toLowerCase()];
    const parameters: Json[] = [...(item.parameters ?? []), ...(op.parameters ?? [])].map(deref);
    const bodySchema = deref(deref(op.requestBody)?.content?.['application/json']?.schema);
    return {
      info,
      query: parameters
        .filter((p) => p.in === 'query')
        // Sent once per item only where the spec says so: an array of style form (the default) with explode true (form's default).
        .map((p) => ({ name: p.name, schema: deref(p.schema), required: p.required === true, repeatable: deref(p.schema).type === 'array' && (p.style ?? 'form') === 'form' && p.explode !== false })),
      ...(bodySchema && { bodySchema }),
    };
  });

const operationsById = new Map(spec.operations.map((op) => [op.operationId, op]));
const unmatchedStatuses = new Set(Object.keys(doc['x-unmatched-requests']).map(Number));
const knownPaths = [...spec.methodsByPath.keys()];
// Methods Node can send and parse. CONNECT opens a tunnel, so it is not a request to answer.
const METHODS = http.METHODS.filter((m) => m !== 'CONNECT');

// ---------------------------------------------------------------------------
// Request model

/** Values that print short in a counterexample and expand when the body is serialised. */
class Long {
  constructor(
    readonly length: number,
    readonly char = 'y',
  ) {}
  toJSON(): string {
    return this.char.repeat(this.length);
  }
}
class Deep {
  constructor(
    readonly depth: number,
    readonly shape: 'array' | 'object',
  ) {}
  toJSON(): unknown {
    let value: unknown = 1;
    for (let i = 0; i < this.depth; i++) value = this.shape === 'array' ? [value] : { a: value };
    return value;
  }
}

type Body =
  | { kind: 'json'; value: unknown }
  | { kind: 'text'; text: string }
  | { kind: 'bytes'; bytes: readonly number[] }
  /** Deep nesting as raw text: `[[[...]]]` or `{"a":{"a":...}}`, closed or not. */
  | { kind: 'nested'; depth: number; shape: 'array' | 'object'; closed: boolean }
  /** A JSON object with one long string, of about `bytes` bytes: some under the 1 MB body limit, some over it. */
  | { kind: 'huge'; bytes: number };

type AuthTag = 'good' | 'bad' | 'unsure';

interface FuzzRequest {
  category: 'operation' | 'unmatched';
  operationId?: string;
  method: string;
  /** Raw request target: path and query string, sent as is. */
  target: string;
  headers: Record<string, string>;
  body?: Body;
  chunked: boolean;
  /** Why this request is malformed. */
  defects: string[];
}

const materialized = new WeakMap<Body, Buffer>();

/** The bytes of a body (built once per body). */
function materialize(body: Body): Buffer {
  let bytes = materialized.get(body);
  if (!bytes) materialized.set(body, (bytes = build(body)));
  return bytes;
}

function build(body: Body): Buffer {
  switch (body.kind) {
    case 'json':
      return Buffer.from(JSON.stringify(body.value) ?? 'undefined');
    case 'text':
      return Buffer.from(body.text);
    case 'bytes':
      return Buffer.from(body.bytes);
    case 'nested': {
      const [open, close] = body.shape === 'array' ? ['[', ']'] : ['{"a":', '}'];
      return Buffer.from(open.repeat(body.depth) + '1' + (body.closed ? close.repeat(body.depth) : ''));
    }
    case 'huge':
      return Buffer.from(JSON.stringify({ pad: 'x'.repeat(Math.max(0, body.bytes - 10)) }));
  }
}

// ---------------------------------------------------------------------------
// Generators

/** `arb` in `percent` % of cases, otherwise undefined. */
function maybe<T>(arb: fc.Arbitrary<T>, percent: number): fc.Arbitrary<T | undefined> {
  return fc.oneof({ arbitrary: fc.constant(undefined), weight: 100 - percent }, { arbitrary: arb, weight: percent });
}

const printable = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 40 });
const anyString = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom('', ' ', '\u0000', '\uFEFF', 'null', 'true', '0', '-1', 'NaN', '<html><body>x</body></html>', '../../etc/passwd', "'; DROP TABLE snippets; --", '${jndi:ldap://x}', '\u202Eevil'),
);
const longString = fc.integer({ min: 256, max: 70_000 }).map((n) => new Long(n));
const deepValue = fc.tuple(fc.integer({ min: 10, max: 2_000 }), fc.constantFrom('array' as const, 'object' as const)).map(([d, s]) => new Deep(d, s));

/** A value of a random type and length, mostly not what a field wants. */
const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.constantFrom(null, true, false, 0, -1, 1.5, 1e308, -0, '', [], {}, [null], { '': '' }), weight: 3 },
  { arbitrary: anyString, weight: 3 },
  { arbitrary: fc.integer(), weight: 1 },
  { arbitrary: fc.double(), weight: 1 },
  { arbitrary: longString, weight: 1 },
  { arbitrary: deepValue, weight: 1 },
  { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 2 },
);

const extraKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'id', 'Title', 'title ', '', 'x'.repeat(300), 'teamid', '$ref', 'data', '\ud800', 'title\udfff'),
  fc.string({ minLength: 1, maxLength: 12 }),
);

function stringValue(schema: Json): fc.Arbitrary<unknown> {
  const arms: Array<fc.WeightedArbitrary<unknown>> = [];
  if (schema.enum) arms.push({ arbitrary: fc.constantFrom(...(schema.enum as unknown[])), weight: 4 });
  if (schema.format === 'uuid') arms.push({ arbitrary: fc.uuid(), weight: 6 });
  if (schema.format === 'date-time') arms.push({ arbitrary: fc.date({ min: new Date(0), max: new Date(4e12), noInvalidDate: true }).map((d) => d.toISOString()), weight: 4 });
  const min: number = schema.minLength ?? 0;
  const max: number | undefined = schema.maxLength;
  arms.push({ arbitrary: fc.string({ minLength: min, maxLength: Math.max(min, Math.min(max ?? 40, 40)) }), weight: 3 });
  arms.push({ arbitrary: fc.string({ unit: 'grapheme', minLength: min, maxLength: Math.max(min, Math.min(max ?? 20, 20)) }), weight: 1 });
  if (max !== undefined) arms.push({ arbitrary: fc.constantFrom(new Long(max, 'm'), new Long(max + 1, 'm'), new Long(max * 2 + 7, 'm')), weight: 2 });
  if (min > 0) arms.push({ arbitrary: fc.constant(''), weight: 1 });
  // Lone surrogates, which JSON.stringify sends as escapes ("\ud800"): the right length, not valid Unicode.
  arms.push({ arbitrary: fc.constantFrom('\ud800', 'x\udfff', '\ude00\ud83d', '\ud83d\ude00\ud83d'), weight: 1 });
  return fc.oneof(...arms);
}

/** A value for a field of `schema`: mostly plausible, sometimes of a random type and length. */
function fieldValue(schemaRef: Json, depth: number): fc.Arbitrary<unknown> {
  const schema = deref(schemaRef);
  if (depth > 6) return wrongValue;
  return fc.oneof({ arbitrary: plausibleValue(schema, depth), weight: 4 }, { arbitrary: wrongValue, weight: 1 });
}

function plausibleValue(schemaRef: Json, depth: number): fc.Arbitrary<unknown> {
  const schema = deref(schemaRef);
  const types: string[] = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : ['object'];
  return fc.oneof(
    ...types.map((type): fc.Arbitrary<unknown> => {
      switch (type) {
        case 'null':
          return fc.constant(null);
        case 'string':
          return stringValue(schema);
        case 'integer':
          return fc.oneof(fc.integer({ min: schema.minimum ?? -10, max: schema.maximum ?? 1000 }), fc.constantFrom(-1, 0, 2 ** 53, 1.5));
        case 'number':
          return fc.double();
        case 'boolean':
          return fc.boolean();
        case 'array':
          return arrayValue(schema, depth);
        default:
          return objectValue(schema, depth);
      }
    }),
  );
}

function arrayValue(schema: Json, depth: number): fc.Arbitrary<unknown> {
  const item = fieldValue(schema.items ?? {}, depth + 1);
  const arms: Array<fc.Arbitrary<unknown>> = [fc.array(item, { maxLength: 3 }), fc.constant([])];
  const max: number | undefined = schema.maxItems;
  if (max !== undefined) {
    // Exactly the maximum, and one more: the same item repeated (uniqueItems then fails too, which is fine).
    arms.push(plausibleValue(schema.items ?? {}, depth + 1).chain((x) => fc.constantFrom(max, max + 1).map((n) => Array.from({ length: n }, () => x))));
  }
  return fc.oneof(...arms);
}

const MISSING = Symbol('missing');

function objectValue(schema: Json, depth: number): fc.Arbitrary<unknown> {
  const required = new Set<string>(schema.required ?? []);
  const entries = Object.entries<Json>(schema.properties ?? {}).map(([name, propSchema]) =>
    fc.option(fieldValue(propSchema, depth + 1), { nil: MISSING, freq: required.has(name) ? 10 : 2 }).map((v) => [name, v] as const),
  );
  const extra = maybe(fc.tuple(extraKey, wrongValue), 20);
  return fc.tuple(fc.tuple(...entries), extra).map(([props, more]) => {
    // fromEntries defines own properties, so a `__proto__` key is sent as a key.
    const present = props.filter(([, v]) => v !== MISSING) as Array<readonly [string, unknown]>;
    return Object.fromEntries(more ? [...present, more] : present);
  });
}

/** A request body: schema-shaped JSON with random types and lengths, other JSON, broken JSON, non-JSON, empty, deep, huge. */
function bodyArb(op: FuzzOperation | undefined): fc.Arbitrary<Body> {
  const shaped = op?.bodySchema ? plausibleValue(op.bodySchema, 0) : fc.jsonValue({ maxDepth: 2 });
  return fc.oneof(
    { arbitrary: shaped.map((value): Body => ({ kind: 'json', value })), weight: 12 },
    { arbitrary: wrongValue.map((value): Body => ({ kind: 'json', value })), weight: 3 },
    {
      // Broken JSON: a shaped body cut short or with junk after it, or text that is not JSON at all.
      arbitrary: fc.oneof(
        fc.tuple(shaped, fc.nat()).map(([v, cut]): Body => {
          const text = JSON.stringify(v) ?? '';
          return { kind: 'text', text: text.slice(0, text.length > 1 ? cut % (text.length - 1) : 0) };
        }),
        shaped.map((v): Body => ({ kind: 'text', text: `${JSON.stringify(v)} }` })),
        fc.constantFrom(
          "{'title': 'single quotes'}",
          '{"title": "x",}',
          '{title: "x"}',
          '\uFEFF{"title":"bom"}',
          '{"a":1}{"b":2}',
          'NaN',
          'undefined',
          '{"a": 01}',
          '/* comment */ {}',
          '{"a": "\\u12"}',
          '[1,2',
          'title=x&content=y',
          '<html><body>not json</body></html>',
          '\u0000\u0001\u0002',
          // The parser's message quotes the text around the error, which may cut a pair in two.
          '😀'.repeat(12),
          `{"title": x${'😀'.repeat(12)}}`,
        ).map((text): Body => ({ kind: 'text', text })),
        printable.map((text): Body => ({ kind: 'text', text })),
      ),
      weight: 4,
    },
    { arbitrary: fc.constantFrom('', ' ', '\n\t ', '\r\n').map((text): Body => ({ kind: 'text', text })), weight: 2 },
    {
      arbitrary: fc
        .tuple(fc.integer({ min: 100, max: 100_000 }), fc.constantFrom('array' as const, 'object' as const), fc.boolean())
        .map(([depth, shape, closed]): Body => ({ kind: 'nested', depth, shape, closed })),
      weight: 1,
    },
    // Invalid UTF-8, lone continuation bytes, a UTF-16 BOM.
    { arbitrary: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 64 }).map((bytes): Body => ({ kind: 'bytes', bytes })), weight: 1 },
    {
      arbitrary: fc.constantFrom([0x7b, 0x22, 0x74, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d], [0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00]).map((bytes): Body => ({ kind: 'bytes', bytes })),
      weight: 1,
    },
    // Huge-ish: under the limit (a validation error) and over it (413).
    { arbitrary: fc.integer({ min: 60_000, max: 1_300_000 }).map((bytes): Body => ({ kind: 'huge', bytes })), weight: 1 },
  );
}

const JSON_CONTENT_TYPES = ['application/json', 'application/json; charset=utf-8', 'APPLICATION/JSON', 'Application/Json;Charset=UTF-8', 'application/json ; charset=latin1', 'application/json;'];
/** Well-formed media types that are not JSON. */
const OTHER_CONTENT_TYPES = ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=xyz', 'application/xml', 'text/html', 'application/jsonx', 'application/json-patch+json', 'application/vnd.api+json', 'text/json', '*/*', 'application/*'];
/** Content-Type values that are not media types at all. */
const MALFORMED_CONTENT_TYPES = ['json', '', ';', 'application/json/extra', 'a/b/c;;', '}{', 'application/', '/json', 'application/json; charset'];

const contentTypeArb = (allowMalformed: boolean) =>
  fc.oneof(
    { arbitrary: fc.constantFrom(...JSON_CONTENT_TYPES), weight: 6 },
    { arbitrary: fc.constantFrom(...OTHER_CONTENT_TYPES), weight: 2 },
    ...(allowMalformed ? [{ arbitrary: fc.oneof(fc.constantFrom(...MALFORMED_CONTENT_TYPES), printable), weight: 1 }] : []),
  );

const preferArb = fc
  .oneof(
    fc.constantFrom('code=200', 'code=201', 'code=400', 'code=404', 'code=418', 'code=999999', 'code=abc', 'code=', 'CODE=404', 'code="404"', 'code=4290', 'delay=0', 'delay=1', 'delay=abc', 'respond-async', 'return=minimal', 'return=representation', 'wait=1', 'handling=strict', 'code=404, delay=1', 'example=x; dynamic=true', ''),
    printable,
  )
  // `Prefer: code=429/5xx` legitimately injects that status, and long delays only slow the run: neither is a malformed request.
  .filter((value) => {
    const { code, delayMs } = parsePrefer(value);
    return !(code !== undefined && (code === 429 || (code >= 500 && code <= 599))) && (delayMs ?? 0) <= 5;
  });

const idempotencyKeyArb = fc.oneof(
  fc.uuid(),
  fc.constantFrom('', ' ', 'a', 'k'.repeat(255), 'k'.repeat(256), 'k'.repeat(1000), 'has space', 'tab\there', 'caf\u00e9', '\u00ff\u00fe'),
  printable,
  fc.integer({ min: 0, max: 2_000 }).map((n) => 'i'.repeat(n)),
);

/** Authorization header (undefined: none) and whether it is certainly refused. */
const authArb: fc.Arbitrary<{ header?: string; tag: AuthTag }> = fc.oneof(
  { arbitrary: fc.constantFrom(demoKeys.acme, demoKeys.globex, demoKeys.noQuota).map((key) => ({ header: `Bearer ${key}`, tag: 'good' as const })), weight: 6 },
  { arbitrary: fc.constantFrom(`bearer ${demoKeys.acme}`, `BEARER   ${demoKeys.acme}`).map((header) => ({ header, tag: 'unsure' as const })), weight: 1 },
  {
    arbitrary: fc.oneof(
      fc.constant({ tag: 'bad' as const }),
      fc
        .constantFrom(
          '',
          'Bearer',
          'Bearer ',
          'Basic dXNlcjpwYXNzd29yZA==',
          `Token ${demoKeys.acme}`,
          demoKeys.acme,
          `Bearer ${demoKeys.acme}x`,
          `Bearer ${demoKeys.acme.slice(0, -1)}`,
          `Bearer ${demoKeys.acme} ${demoKeys.acme}`,
          `Bearer ${demoKeys.acme.replace('sk_test_', 'sk_live_')}`,
          `Bearer ${demoKeys.inactive}`,
          `Bearer ${demoKeys.deleted}`,
          `Bearer ${demoKeys.expired}`,
          `Bearer ${demoKeys.lapsed}`,
          'Bearer sk_test_',
          `Bearer sk_test_${'A'.repeat(65)}`,
          'Bearer null',
          'Bearer undefined',
        )
        .map((header) => ({ header, tag: 'bad' as const })),
      fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'), minLength: 0, maxLength: 80 }).map((k) => ({
        header: `Bearer sk_test_${k}`,
        tag: 'bad' as const,
      })),
      printable.filter((s) => !s.includes(demoKeys.acme)).map((header) => ({ header, tag: 'bad' as const })),
    ),
    weight: 3,
  },
);

/** Headers any request may carry. */
const noiseHeadersArb = fc
  .record(
    {
      accept: fc.constantFrom('text/html', 'application/xml', '*/*', 'application/json', 'image/png', ''),
      'x-request-id': fc.oneof(fc.constantFrom('client-chosen-id', ''), printable),
      'x-http-method-override': fc.constantFrom('DELETE', 'PUT', 'GET'),
      'content-encoding': fc.constantFrom('gzip', 'br', 'identity', 'x'),
      'x-forwarded-for': fc.constantFrom('1.2.3.4', 'not-an-ip', ''),
      cookie: printable,
    },
    { requiredKeys: [] },
  )
  .map((h) => h as Record<string, string>);

const UNKNOWN_PARAM_NAMES = ['bogus', 'ID', 'Id', 'ids[]', 'id[]', 'teamid', 'TEAMID', 'limit', 'offset', 'page', 'q', 'a.b', 'a[b]', '%', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__', ' id', 'id '];
const unknownParamName = (op: FuzzOperation) =>
  fc
    .oneof(fc.constantFrom(...UNKNOWN_PARAM_NAMES, '__proto__'), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 10 }))
    .filter((name) => !op.query.some((q) => q.name === name) && !(KNOWN_BUGS.protoQueryParameterIgnored && name === '__proto__'));

/** Cursors a client could forge: base64url JSON of every listing, with positions of wrong types, signs, sizes and lengths. */
const forgedCursor = fc
  .tuple(
    fc.constantFrom('folder-snippets', 'tag-snippets', 'folders', 'tags', 'history', 'snippets', 'nope', 0, null),
    fc.array(fc.oneof(fc.integer({ min: -5, max: 1_000 }), fc.constantFrom(-1, 2 ** 53, 1.5, 1e300, null, true, [], {}), fc.uuid(), anyString.map(String)), { maxLength: 7 }),
  )
  .map(([listing, position]) => Buffer.from(JSON.stringify([listing, ...position])).toString('base64url'));

/** A raw query value for a parameter: right or wrong type, length, format, count. */
function queryValueArb(schema: Json, name = ''): fc.Arbitrary<string> {
  const wrong = fc.oneof(
    anyString.map(String),
    fc.constantFrom('', ' ', ',', ',,,', 'true', '1.5', '-1', '0', '1e3', '0x10', '99999999999999999999', 'Infinity', '[]', '{}', 'null'),
    fc.integer({ min: 100, max: 3_000 }).map((n) => 'z'.repeat(n)),
  );
  const uuidish = fc.oneof(
    { arbitrary: fc.uuid(), weight: 12 },
    { arbitrary: fc.uuid().map((u) => u.toUpperCase()), weight: 1 },
    { arbitrary: fc.uuid().map((u) => `${u}x`), weight: 1 },
    { arbitrary: fc.uuid().map((u) => `{${u}}`), weight: 1 },
    { arbitrary: fc.uuid().map((u) => u.replace(/-/g, '')), weight: 1 },
    { arbitrary: fc.uuid().map((u) => ` ${u} `), weight: 1 },
    { arbitrary: wrong, weight: 2 },
  );
  if (schema.type === 'array') {
    return fc.oneof(
      fc.array(uuidish, { minLength: 1, maxLength: 5 }).map((ids) => ids.join(',')),
      fc.uuid().chain((u) => fc.constantFrom(100, 101, 150).map((n) => Array.from({ length: n }, (_, i) => u.slice(0, -3) + String(i).padStart(3, '0')).join(','))),
      wrong,
    );
  }
  if (schema.type === 'integer' || schema.type === 'number') {
    return fc.oneof(fc.integer({ min: -5, max: 200 }).map(String), wrong);
  }
  if (schema.format === 'date-time') {
    return fc.oneof(fc.date({ min: new Date(0), max: new Date(4e12), noInvalidDate: true }).map((d) => d.toISOString()), fc.constantFrom('2024-13-01T00:00:00Z', '2024-01-01', 'yesterday'), wrong);
  }
  if (schema.format === 'uuid') return uuidish;
  if (name === 'cursor') return fc.oneof({ arbitrary: forgedCursor, weight: 3 }, { arbitrary: wrong, weight: 1 });
  return wrong;
}

/** Query junk whose effect the test does not model: the request then also gets a certain defect. */
const rawQueryJunk = fc.constantFrom('&', '&&', '&=', '&=x', '&a=%zz', '&%00=1', '&a=%E0%A4%A', '&;', '&+=+', '&%C0%AF=1', '&a=%F0%9F%98%80', '&a=b=c', '&a=%ED%A0%80', '&%ED%B0%80=1');

function percentEncodeLetters(path: string, mask: number): string {
  let i = 0;
  return path.replace(/[a-z]/g, (c) => ((mask >> i++ % 30) & 1 ? `%${c.charCodeAt(0).toString(16)}` : c));
}

const headerValueOk = (value: string) => !/[^\t\x20-\x7e\x80-\xff]/.test(value);

function lowerCaseHeaders(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}

/**
 * The query as the spec describes its parameters (form style: a list is
 * comma-separated; a repeated name is joined, its repetition judged apart), decoded here rather
 * than by the server's code, into own properties, so that a name such as
 * `__proto__` is kept for the validator to refuse.
 */
function decodeQueryForOracle(op: FuzzOperation, entries: Array<[string, string]>): Record<string, unknown> {
  const joined = new Map<string, string>();
  for (const [name, value] of entries) joined.set(name, joined.has(name) ? `${joined.get(name)},${value}` : value);
  return Object.fromEntries(
    [...joined].map(([name, raw]) => {
      const type = op.query.find((q) => q.name === name)?.schema.type;
      if (type === 'array') return [name, raw === '' ? [] : raw.split(',').map((part) => part.trim())];
      if ((type === 'integer' || type === 'number') && /^-?\d+(\.\d+)?$/.test(raw)) return [name, Number(raw)];
      return [name, raw];
    }),
  );
}

/** Whether every string and key of a JSON value is valid Unicode (no lone surrogate). Not recursive: bodies nest deep. */
function wellFormed(root: unknown): boolean {
  const isWellFormed = (text: string) => (text as unknown as { isWellFormed(): boolean }).isWellFormed();
  const stack = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value === 'string' && !isWellFormed(value)) return false;
    if (typeof value !== 'object' || value === null) continue;
    for (const [key, item] of Object.entries(value)) {
      if (!isWellFormed(key)) return false;
      stack.push(item);
    }
  }
  return true;
}

/** Why the server must refuse the body of `op`, or undefined if the body could be acceptable. */
function bodyDefect(op: FuzzOperation, headers: Record<string, string>, body: Body | undefined): string | undefined {
  if (!op.info.takesBody) return undefined;
  if (body === undefined) return 'no body';
  const raw = materialize(body);
  if (raw.length > spec.limits.maxBodyBytes) return 'body over the limit';
  const text = raw.toString('utf8');
  if (text.trim() === '') return 'empty body';
  const contentType = headers['content-type'];
  if (contentType === undefined || !/^application\/json\s*(;|$)/i.test(contentType.trim())) return 'not JSON (Content-Type)';
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return 'invalid JSON';
  }
  if (!wellFormed(parsed)) return 'lone surrogate in the body';
  const validate = requestBodyValidators[op.info.operationId as keyof typeof requestBodyValidators];
  return validate(parsed) ? undefined : 'body fails its schema';
}

function operationRequestArb(op: FuzzOperation): fc.Arbitrary<FuzzRequest> {
  const declared = fc.tuple(...op.query.map((q) => maybe(queryValueArb(q.schema, q.name), q.required ? 85 : 50)));
  const repeated = maybe(
    fc.tuple(fc.constantFrom(...(op.query.length > 0 ? op.query.map((q) => q.name) : ['id'])), fc.oneof(fc.uuid(), anyString.map(String))),
    12,
  );
  const extras = fc.array(fc.tuple(unknownParamName(op), anyString.map(String)), { maxLength: 2 });
  const hasBody = op.info.takesBody;
  return fc
    .record({
      auth: authArb,
      declared,
      repeated,
      extras: fc.oneof({ arbitrary: fc.constant([] as Array<[string, string]>), weight: 3 }, { arbitrary: extras, weight: 1 }),
      junk: maybe(rawQueryJunk, 10),
      contentType: maybe(contentTypeArb(true), hasBody ? 92 : 30),
      prefer: maybe(preferArb, 25),
      idempotencyKey: maybe(idempotencyKeyArb, op.info.idempotent ? 60 : 10),
      noise: maybe(noiseHeadersArb, 40),
      body: maybe(bodyArb(op), hasBody ? 93 : 20),
      chunked: fc.boolean(),
      disguise: maybe(fc.integer({ min: 1, max: 2 ** 30 - 1 }), 8),
      forcedName: fc.integer({ min: 0, max: 9999 }),
    })
    .map((parts): FuzzRequest => {
      const entries: Array<[string, string]> = [];
      op.query.forEach((q, i) => {
        const value = parts.declared[i];
        if (value !== undefined) entries.push([q.name, value]);
      });
      if (parts.repeated) entries.push(parts.repeated);
      entries.push(...parts.extras);

      const headers: Record<string, string> = { ...(parts.noise ?? {}) };
      if (parts.auth.header !== undefined) headers.authorization = parts.auth.header;
      if (parts.contentType !== undefined) headers['content-type'] = parts.contentType;
      if (parts.prefer !== undefined) headers.prefer = parts.prefer;
      if (parts.idempotencyKey !== undefined) headers['idempotency-key'] = parts.idempotencyKey;

      const defects: string[] = [];
      if (op.info.authenticated && parts.auth.tag === 'bad') defects.push('authorization');
      const body = bodyDefect(op, headers, parts.body);
      if (body) defects.push(body);
      const validateParameters = parameterValidators[op.info.operationId as keyof typeof parameterValidators];
      if (!validateParameters({ query: decodeQueryForOracle(op, entries), header: lowerCaseHeaders(headers) })) defects.push('parameters');
      // A declared parameter given twice, where the spec's serialization sends it once (`ids=a&ids=b` for `ids=a,b`).
      if (op.query.some((q) => !q.repeatable && entries.filter(([name]) => name === q.name).length > 1)) defects.push('parameter repeated');
      // Nothing certainly wrong (or junk whose effect is not modelled): add an unknown parameter, which every operation refuses.
      if (defects.length === 0 || parts.junk !== undefined) {
        entries.push([`fuzz_${parts.forcedName}`, '1']);
        defects.push('unknown parameter (added)');
      }
      const query = entries.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&') + (parts.junk ?? '');
      const path = parts.disguise !== undefined ? percentEncodeLetters(op.info.path, parts.disguise) : op.info.path;
      return {
        category: 'operation',
        operationId: op.info.operationId,
        method: op.info.method,
        target: query ? `${path}?${query}` : path,
        headers,
        ...(parts.body !== undefined && { body: parts.body }),
        chunked: parts.chunked,
        defects,
      };
    });
}

const segmentArb = fc.oneof(
  fc.constantFrom('api', 'prompts', 'snippet', 'snippets', 'folder', 'tags', 'health', 'variation', 'history', '..', '.', '', 'API', 'Snippet', 'v1', 'admin', '.env', 'index.html', 'favicon.ico', '~', '*', ':id', '{id}', ';x=1', '@', '!', '$', "'", '(', ')', ',', '=', '+'),
  // Valid percent-encodings: space, slash, dots, NUL, a letter, a check mark.
  fc.constantFrom('%20', '%2F', '%2e%2e', '%00', '%41', '%E2%9C%93', '%2525'),
  fc.string({ unit: fc.constantFrom(...'abcXYZ019-._~!$&\'()*+,;=:@'.split('')), minLength: 1, maxLength: 12 }),
  ...(KNOWN_BUGS.undecodablePathHasNoRequestId ? [] : [fc.constantFrom('%', '%zz', '%E0%A4%A', '%C0%AF', '%FF')]),
  ...(KNOWN_BUGS.unparseableRequestIs400 ? [] : [fc.constantFrom('\u00e9', '\u00ff\u00fe', 'caf\u00e9')]),
);

/** Paths that name no operation: random ones and near misses of real ones. */
const unmatchedPathArb = fc.oneof(
  fc.array(segmentArb, { minLength: 1, maxLength: 5 }).map((segments) => `/${segments.join('/')}`),
  fc.tuple(fc.constantFrom(...knownPaths), fc.constantFrom('trailing', 'extra', 'prefix', 'upper', 'double', 'dotdot', 'nul', 'semicolon')).map(([path, how]) => {
    switch (how) {
      case 'trailing':
        return `${path}/`;
      case 'extra':
        return `${path}/x`;
      case 'prefix':
        return `/v2${path}`;
      case 'upper':
        return path.toUpperCase();
      case 'double':
        return path.replace('/', '//');
      case 'dotdot':
        return `${path}/../x`;
      case 'nul':
        return `${path}%00`;
      default:
        return `${path};x`;
    }
  }),
);

/** The methods of `path` (after percent-decoding, as the router does), if it names a path of the spec. */
function methodsOf(path: string): string[] | undefined {
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // not decodable: compare raw
  }
  return spec.methodsByPath.get(path) ?? spec.methodsByPath.get(decoded);
}

const unmatchedRequestArb: fc.Arbitrary<FuzzRequest> = fc
  .record({
    target: fc.oneof(
      { arbitrary: unmatchedPathArb.map((path) => ({ path, wrongMethodOnly: false })), weight: 3 },
      // A real path with a method it does not support.
      { arbitrary: fc.constantFrom(...knownPaths).map((path) => ({ path, wrongMethodOnly: true })), weight: 2 },
    ),
    method: fc.oneof(
      { arbitrary: fc.constantFrom(...METHODS), weight: 9 },
      ...(KNOWN_BUGS.unparseableRequestIs400 ? [] : [{ arbitrary: fc.constantFrom('FOO', 'BREW', 'X-CUSTOM'), weight: 1 }]),
    ),
    query: maybe(fc.array(fc.tuple(fc.constantFrom('id', 'ids', 'teamId', 'x'), fc.oneof(fc.uuid(), anyString.map(String))), { maxLength: 2 }), 50),
    auth: maybe(authArb, 50),
    contentType: maybe(contentTypeArb(!KNOWN_BUGS.unmatchedMalformedContentTypeIs415), 50),
    noise: maybe(noiseHeadersArb, 40),
    body: maybe(bodyArb(undefined), 50),
    chunked: fc.boolean(),
  })
  .filter(({ target, method }) => {
    const methods = methodsOf(target.path);
    // Keep only requests that match no operation.
    return !(methods ?? []).includes(method) && (!target.wrongMethodOnly || methods !== undefined);
  })
  .map((parts): FuzzRequest => {
    const headers: Record<string, string> = { ...(parts.noise ?? {}) };
    if (parts.auth?.header !== undefined) headers.authorization = parts.auth.header;
    if (parts.contentType !== undefined) headers['content-type'] = parts.contentType;
    const query = (parts.query ?? []).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
    const methods = methodsOf(parts.target.path);
    return {
      category: 'unmatched',
      method: parts.method,
      target: query ? `${parts.target.path}?${query}` : parts.target.path,
      headers,
      ...(parts.body !== undefined && { body: parts.body }),
      chunked: parts.chunked,
      defects: [methods ? 'method not allowed on this path' : 'no such path'],
    };
  });

const requestArb: fc.Arbitrary<FuzzRequest> = fc
  .oneof(
    { arbitrary: fc.constantFrom(...fuzzOperations).chain(operationRequestArb), weight: 4 },
    { arbitrary: unmatchedRequestArb, weight: 1 },
  )
  .filter((r) => Object.values(r.headers).every(headerValueOk))
  .filter((r) => !(KNOWN_BUGS.queryMethodWithoutContentTypeIs500 && r.method === 'QUERY' && r.headers['content-type'] === undefined));

// ---------------------------------------------------------------------------
// Sending and checking

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

let sandbox: Sandbox;
let origin: URL;
const agent = new http.Agent({ keepAlive: true, maxSockets: BATCH });
let sent = 0;
const statusCounts = new Map<string, number>();
const defectCounts = new Map<string, number>();
const codeCounts = new Map<string, number>();
const bump = (counts: Map<string, number>, key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);

function sendRaw(request: FuzzRequest, attempt = 0): Promise<Answer> {
  const body = request.body && materialize(request.body);
  const headers: Record<string, string> = { ...request.headers };
  if (body) {
    if (request.chunked) headers['transfer-encoding'] = 'chunked';
    else headers['content-length'] = String(body.length);
  }
  sent++;
  return new Promise<Answer>((resolve, reject) => {
    const req = http.request({ host: origin.hostname, port: origin.port, method: request.method, path: request.target, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', (error: NodeJS.ErrnoException) => {
      // A kept-alive socket the server closed meanwhile (its idle timeout): Node's documented case for a retry.
      // Each of the pool's sockets may have gone stale, so up to one retry per socket, then a fresh one.
      if (req.reusedSocket && error.code === 'ECONNRESET' && attempt < BATCH) resolve(sendRaw(request, attempt + 1));
      else reject(new Error(`${request.method} ${request.target}: no answer (${error.code ?? error.message})`));
    });
    req.end(body);
  });
}

/** Signs of an internal leak, unless the request itself contains them (a message may quote what was sent). */
const LEAKS: Array<[string, RegExp]> = [
  ['a stack frame', /\bat (?:[\w.$<>[\] ]+ )?\(?(?:file:\/\/|node:|\/)[^\s)]*:\d+:\d+/],
  ['the working directory', new RegExp(process.cwd().replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))],
  ['node_modules', /node_modules/],
  ['HTML', /<\s*(?:html|body|head|pre|!doctype)\b/i],
  ['an exception name', /\b(?:TypeError|ReferenceError|RangeError|SyntaxError|SqliteError|FastifyError)\b/],
];

function describeRequest(request: FuzzRequest): string {
  const body = request.body ? materialize(request.body) : undefined;
  return `${request.method} ${request.target.slice(0, 300)}\n  headers: ${JSON.stringify(request.headers).slice(0, 500)}\n  body (${body?.length ?? 0} bytes${request.chunked ? ', chunked' : ''}): ${body?.toString('utf8').slice(0, 200) ?? '(none)'}\n  malformed because: ${request.defects.join(', ')}`;
}

/** Throws with a message built only on failure: most of the run's time must go to the server, which shares this thread. */
function ensure(ok: boolean, what: () => string): void {
  if (!ok) throw new Error(what());
}

function check(request: FuzzRequest, answer: Answer): void {
  const where = () => `${describeRequest(request)}\n  -> ${answer.status} ${JSON.stringify(answer.headers).slice(0, 400)}\n  ${answer.text.slice(0, 500)}`;
  const fail = (what: string) => () => `${what}\n${where()}`;
  const op = request.operationId ? operationsById.get(request.operationId)! : undefined;
  const { status, headers } = answer;

  ensure(status < 500, fail('a 5xx'));
  ensure(status >= 400, fail('not a 4xx'));
  if (op) ensure(op.statuses.has(status), fail(`${op.operationId} does not document ${status}`));
  else ensure(unmatchedStatuses.has(status), fail(`x-unmatched-requests does not document ${status}`));
  if (status === 405) ensure(/^[A-Z]+(, [A-Z]+)*$/.test(headers.allow ?? ''), fail('405 without an Allow header naming the methods'));

  const requestId = headers['x-request-id'];
  ensure(typeof requestId === 'string' && /^[A-Za-z0-9_-]{8,128}$/.test(requestId), fail('no valid X-Request-Id header'));
  ensure(requestId !== request.headers['x-request-id'], fail("X-Request-Id is the client's, not the server's"));
  if (op?.retryAfterStatuses.has(status)) ensure(Number(headers['retry-after']) > 0, fail('no Retry-After'));
  if (request.method === 'HEAD') return;

  ensure(/^application\/json/.test(headers['content-type'] ?? ''), fail('the body is not declared JSON'));
  let body: Json;
  try {
    body = JSON.parse(answer.text);
  } catch {
    throw new Error(fail('the body is not JSON')());
  }
  ensure(validateErrorResponse(body), fail(`not an ErrorResponse: ${JSON.stringify(validateErrorResponse.errors)}`));
  if (op) {
    const validate = validatorFor(op.operationId, status)!;
    ensure(validate(body), fail(`not a valid ${op.operationId} ${status} body: ${JSON.stringify(validate.errors)}`));
  }
  ensure(body.requestId === requestId, fail('requestId differs from the X-Request-Id header'));
  ensure(wellFormed(body), fail('the body holds text that is not valid Unicode (a lone surrogate)'));

  for (const [what, pattern] of LEAKS) {
    if (!pattern.test(answer.text)) continue;
    const sentText = `${request.target}\n${JSON.stringify(request.headers)}\n${request.body ? materialize(request.body).toString('utf8') : ''}`;
    ensure(pattern.test(sentText), fail(`the body reveals ${what}`));
  }
}

async function sendAndCheck(request: FuzzRequest): Promise<void> {
  const answer = await sendRaw(request);
  bump(statusCounts, `${request.category} ${answer.status}`);
  for (const defect of request.defects) bump(defectCounts, defect);
  check(request, answer);
  if (request.method !== 'HEAD') bump(codeCounts, (JSON.parse(answer.text) as { code: string }).code);
}

beforeAll(async () => {
  // Limits so high that the fuzz reaches validation instead of the rate limit or the invalid-attempt block.
  const file = fixturesFile((f) => f.apiKeys.forEach((k) => (k.rateLimitPerMinute = 100_000_000)));
  sandbox = await startSandbox({ fixtures: file, blockThreshold: 100_000_000 });
  origin = new URL(sandbox.url);
});

afterAll(async () => {
  agent.destroy();
  await sandbox?.close();
});

describe('malformed requests', () => {
  it(`every one of at least ${MIN_REQUESTS} malformed requests gets a documented 4xx in the error envelope`, async () => {
    const started = Date.now();
    await fc.assert(
      fc.asyncProperty(fc.array(requestArb, { minLength: BATCH, maxLength: BATCH }), async (batch) => {
        await Promise.all(batch.map(sendAndCheck));
      }),
      { numRuns: RUNS, seed: SEED },
    );
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const byStatus = [...statusCounts].sort().map(([k, n]) => `${k}: ${n}`).join(', ');
    const list = (counts: Map<string, number>) => [...counts].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k}: ${n}`).join(', ');
    console.log(
      `malformed-requests: sent ${sent} malformed requests in ${seconds} s (seed ${SEED}, ${RUNS} runs of ${BATCH})\n` +
        `  statuses: ${byStatus}\n  codes: ${list(codeCounts)}\n  malformed because: ${list(defectCounts)}`,
    );
    expect(sent).toBeGreaterThanOrEqual(MIN_REQUESTS);
  }, 180_000);

  it('still answers /health afterwards', async () => {
    const response = await fetch(new URL('/health', sandbox.url));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(validatorFor('getHealth', 200)!(body)).toBe(true);
  });
});

// Minimal reproductions of the bugs in KNOWN_BUGS; see the comment there.
describe('known sandbox bugs', () => {
  const expectUnmatched = async (method: string, target: string, headers: Record<string, string> = {}, body?: string) => {
    const request: FuzzRequest = {
      category: 'unmatched',
      method,
      target,
      headers,
      ...(body !== undefined && { body: { kind: 'text', text: body } as Body }),
      chunked: false,
      defects: ['reproduction'],
    };
    check(request, await sendRaw(request));
  };

  (KNOWN_BUGS.undecodablePathHasNoRequestId ? it.fails : it)('an undecodable path answers 404 with an X-Request-Id header', async () => {
    await expectUnmatched('GET', '/api/prompts/%zz');
  });

  (KNOWN_BUGS.protoQueryParameterIgnored ? it.fails : it)('an unknown query parameter named __proto__ is refused', async () => {
    const response = await fetch(new URL('/api/prompts/tags?__proto__=x', sandbox.url), { headers: { authorization: `Bearer ${demoKeys.acme}` } });
    const body = await response.json();
    expect(response.status).toBe(400);
    expect(body.code).toBe('FIELD_UNKNOWN');
  });

  (KNOWN_BUGS.unmatchedMalformedContentTypeIs415 ? it.fails : it)('a malformed Content-Type on an unmatched request still answers 404/405', async () => {
    await expectUnmatched('POST', '/health', { 'content-type': '}{' }, 'x');
  });

  (KNOWN_BUGS.unparseableRequestIs400 ? it.fails : it)('a method Node cannot parse answers as x-unmatched-requests says', async () => {
    await expectUnmatched('FOO', '/api/prompts/snippet');
  });

  (KNOWN_BUGS.queryMethodWithoutContentTypeIs500 ? it.fails : it)('QUERY without a Content-Type answers 405, not 500', async () => {
    await expectUnmatched('QUERY', '/health');
  });
});
