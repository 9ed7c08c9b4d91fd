// ajv standalone validators for every (operation, status) JSON response body
// and for ErrorResponse, compiled once at build time so that checking a body
// at run time costs no schema compilation and loads no ajv compiler.
import { readFileSync } from 'node:fs';
import { _, type AnySchema, type Format } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import addFormatsModule from 'ajv-formats';
import standaloneModule from 'ajv/dist/standalone/index.js';
import * as runtimeFormats from './runtime/formats.js';
import { isObject, jsonBodySchema, listOperations, type Json, type JsonObject } from './spec.ts';

// CommonJS modules: under NodeNext their callable sits on `.default`.
const addFormats = addFormatsModule.default;
const standaloneCode = standaloneModule.default;

const COMPONENT_SCHEMA_REF = /^#\/components\/schemas\/(.+)$/;

/** One exported validator: a response body of (operation, status), or an operation's request body. */
export interface ValidatorEntry {
  exportName: string;
  operationId: string;
  /** The HTTP status, 'request' for the request body, or 'parameters'. */
  status: string;
  schema: Json;
}

/** OpenAPI-only keywords ajv (strict) does not know; they carry no validation. */
function isOpenApiOnlyKeyword(key: string): boolean {
  return key === 'example' || key === 'discriminator' || key === 'xml' || key === 'externalDocs' || key.startsWith('x-');
}

/**
 * Copies a schema, pointing each component ref at the schema added under that
 * component's name, and dropping OpenAPI-only keywords. One top-level schema
 * per component lets ajv compile each once and share it between validators
 * (refs into a sub-path of a shared document are compiled again per root).
 */
export function toAjvSchema(schema: Json): Json {
  if (Array.isArray(schema)) return schema.map((item) => toAjvSchema(item));
  if (!isObject(schema)) return schema;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(schema)) {
    if (isOpenApiOnlyKeyword(key)) continue;
    if (key === '$ref' && typeof value === 'string') {
      const match = COMPONENT_SCHEMA_REF.exec(value);
      if (!match) throw new Error(`unsupported $ref in a schema: ${value}`);
      out.$ref = match[1]!;
      continue;
    }
    // `const`, `enum` and `examples` hold data, not schemas: copy them as they are.
    out[key] = key === 'const' || key === 'enum' || key === 'examples' ? value : toAjvSchema(value);
  }
  return out;
}

function capitalise(name: string): string {
  return `${name[0]!.toUpperCase()}${name.slice(1)}`;
}

/** Formats checked by a function of ours (scripts/lib/runtime/formats.js) rather than ajv-formats'. */
const OWN_FORMATS = runtimeFormats as unknown as Record<string, Format>;
export const RUNTIME_FORMATS_SOURCE = new URL('./runtime/formats.js', import.meta.url);

export function newAjv() {
  const ajv = new Ajv2020({
    strict: true,
    allErrors: true,
    // Inlining shared schemas makes the code larger and validation faster.
    inlineRefs: true,
    // Function formats are taken from generated/formats.js, a copy of runtime/formats.js.
    code: { source: true, esm: true, lines: true, formats: _`require("./formats")` },
  });
  addFormats(ajv, { mode: 'full' });
  for (const [name, format] of Object.entries(OWN_FORMATS)) if (typeof format === 'object') ajv.addFormat(name, format);
  return ajv;
}

/** Every format the spec uses must be a regex (emitted inline) or one of ours (emitted as an import). */
function checkFormats(doc: JsonObject): void {
  const used = new Set<string>();
  const walk = (node: Json): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (isObject(node)) {
      if (typeof node.format === 'string') used.add(node.format);
      Object.values(node).forEach(walk);
    }
  };
  walk(doc);
  for (const format of used) {
    const known = fullFormats[format as keyof typeof fullFormats];
    if (!(known instanceof RegExp) && !(format in OWN_FORMATS)) {
      throw new Error(`format "${format}" needs a check in scripts/lib/runtime/formats.js (ajv-formats has no plain regex for it)`);
    }
  }
}

/**
 * ajv counts characters (`ucs2length`) for every minLength/maxLength check;
 * a string's character count lies between `length / 2` and `length`, so
 * count only when `length` alone cannot settle the answer. (Counting a string
 * far past its maxLength would cost its whole length: a 1 MiB body of long
 * strings is cheap to parse.)
 */
function shortCircuitLengths(code: string, ucs2lengthName: string): string {
  const count = new RegExp(`const (\\w+) = ${ucs2lengthName}\\.default;`).exec(code)?.[1];
  if (!count) return code;
  return code
    .replace(
      new RegExp(`${count}\\((\\w+)\\) > (\\d+)`, 'g'),
      (_m, value: string, limit: string) => `(${value}.length > ${2 * Number(limit)} || (${value}.length > ${limit} && ${count}(${value}) > ${limit}))`,
    )
    .replace(new RegExp(`${count}\\((\\w+)\\) < (\\d+)`, 'g'), (_m, value: string, limit: string) => `(${value}.length < ${2 * Number(limit)} && ${count}(${value}) < ${limit})`);
}

/**
 * One schema for all of an operation's parameters, as a server sees them:
 * `{ query, header }`. Unknown query parameters are refused when the spec
 * says so (`x-unknown-query-parameters: refused`: a typo must not pass
 * silently); header names are lower-case and other headers are allowed.
 * Query values must be decoded first (arrays split, numbers parsed).
 */
export function parametersSchema(parameters: JsonObject[], refuseUnknownQuery: boolean): JsonObject {
  const part = (location: 'query' | 'header') => {
    const own = parameters.filter((p) => p.in === location);
    const name = (p: JsonObject) => (location === 'header' ? String(p.name).toLowerCase() : String(p.name));
    return {
      type: 'object',
      ...(location === 'query' && refuseUnknownQuery && { additionalProperties: false }),
      required: own.filter((p) => p.required === true).map(name),
      properties: Object.fromEntries(own.map((p) => [name(p), p.schema!])),
    } as JsonObject;
  };
  return { type: 'object', required: ['query', 'header'], properties: { query: part('query'), header: part('header') } };
}

/** The validators one ajv standalone module exports: export name -> schema id, plus aliases. */
export class StandaloneExports {
  readonly aliases: string[] = [];

  constructor(
    private readonly ajv: Ajv2020,
    readonly byName: Record<string, string> = {},
  ) {}

  /** Exports `schema` as `exportName`, added to ajv under `id` unless it is just a ref to a schema ajv has. */
  add(exportName: string, id: string, schema: JsonObject): void {
    // A schema that is just a ref shares the validator of its target; ajv's
    // standalone output would emit it again for every export name.
    if (Object.keys(schema).length === 1 && typeof schema.$ref === 'string') {
      const target = schema.$ref;
      const canonical = Object.keys(this.byName).find((name) => this.byName[name] === target);
      if (canonical) this.aliases.push(`export const ${exportName} = ${canonical};`);
      else this.byName[exportName] = target;
      return;
    }
    this.ajv.addSchema({ $id: id, ...schema } as AnySchema);
    this.byName[exportName] = id;
  }
}

/** Whether the spec refuses query parameters an operation does not declare (`x-unknown-query-parameters`). */
export const refusesUnknownQueryParameters = (doc: JsonObject): boolean => doc['x-unknown-query-parameters'] === 'refused';

/** Every (operation, status) with a JSON body, then every JSON request body, then every operation's parameters. */
export function validatorEntries(doc: JsonObject): ValidatorEntry[] {
  const responses: ValidatorEntry[] = [];
  const requests: ValidatorEntry[] = [];
  const parameters: ValidatorEntry[] = [];
  for (const op of listOperations(doc)) {
    for (const [status, response] of Object.entries(op.responses)) {
      const schema = jsonBodySchema(response);
      if (schema === undefined) continue;
      responses.push({ exportName: `validate${capitalise(op.operationId)}${status}`, operationId: op.operationId, status, schema });
    }
    const body = op.requestBody && jsonBodySchema(op.requestBody);
    if (body !== undefined) {
      requests.push({ exportName: `validate${capitalise(op.operationId)}Request`, operationId: op.operationId, status: 'request', schema: body });
    }
    parameters.push({
      exportName: `validate${capitalise(op.operationId)}Parameters`,
      operationId: op.operationId,
      status: 'parameters',
      schema: parametersSchema(op.parameters, refusesUnknownQueryParameters(doc)),
    });
  }
  return [...responses, ...requests, ...parameters];
}

/**
 * ajv's standalone output still calls `require()` for format checkers and
 * runtime helpers even in ESM mode; turn each into a static import so the
 * module loads in Node, browsers and bundlers alike. Those helpers are
 * CommonJS modules marked `__esModule`, which Node and bundlers import
 * differently (Node's namespace `default` is `module.exports`, a bundler's is
 * `exports.default`), so each is unwrapped to `module.exports` either way.
 */
function requiresToImports(code: string): { code: string; names: Map<string, string> } {
  const imports = new Map<string, string>();
  const body = code.replace(/require\("([^"]+)"\)/g, (_match, specifier: string) => {
    let name = imports.get(specifier);
    if (!name) {
      name = `runtime${imports.size}`;
      imports.set(specifier, name);
    }
    return name;
  });
  const lines = [
    ...[...imports].map(([specifier, name]) => `import * as ${name}Namespace from "${specifier}.js";`),
    'function moduleExports(namespace) {',
    '  return namespace.default && namespace.default.__esModule ? namespace.default : namespace;',
    '}',
    ...[...imports.values()].map((name) => `const ${name} = moduleExports(${name}Namespace);`),
  ];
  return { code: `${lines.join('\n')}\n${body.replace(/^"use strict";/, '')}`, names: imports };
}

/**
 * ajv adds a subschema's errors with `vErrors.concat(...)`, which copies every
 * error found so far: once per failing item, so the cost is the square of the
 * error count (40,000 empty batch items took 90 s). Appending them in place
 * keeps it linear. The first errors are copied too, rather than the
 * subschema's own array adopted, so that no validator's `errors` grows after
 * it returned.
 */
export function appendErrorsInPlace(code: string): string {
  const out = code.replace(
    /vErrors = vErrors === null \? (\w+)\.errors : vErrors\.concat\(\1\.errors\);/g,
    (_m, validator: string) => `if(vErrors === null){\nvErrors = [];\n}\nfor(const error of ${validator}.errors){\nvErrors.push(error);\n}`,
  );
  if (/\bvErrors\.concat\(/.test(out)) throw new Error('ajv adds errors with a concat this generator does not rewrite; see appendErrorsInPlace');
  return out;
}

/** The module source of an ajv standalone output, before the lookup tables. */
export function moduleSource(standalone: string): string {
  const { code, names } = requiresToImports(standalone);
  const ucs2length = names.get('ajv/dist/runtime/ucs2length');
  return appendErrorsInPlace(ucs2length ? shortCircuitLengths(code, ucs2length) : code);
}

/** generated/formats.js: our format checks, imported by generated/validators.js. */
export function generateFormats(header: string): string {
  return `${header}${readFileSync(RUNTIME_FORMATS_SOURCE, 'utf8')}`;
}

export function generateValidators(doc: JsonObject, header: string): { js: string; dts: string } {
  checkFormats(doc);
  const ajv = newAjv();
  const components = (doc.components as JsonObject).schemas as JsonObject;
  for (const [name, schema] of Object.entries(components)) {
    ajv.addSchema({ $id: name, ...(toAjvSchema(schema) as JsonObject) } as AnySchema);
  }

  const exports = new StandaloneExports(ajv, { validateErrorResponse: 'ErrorResponse' });
  const entries = validatorEntries(doc);
  for (const entry of entries) exports.add(entry.exportName, `${entry.operationId}-${entry.status}`, toAjvSchema(entry.schema) as JsonObject);

  const responseEntries = entries.filter((e) => /^\d+$/.test(e.status));
  const requestEntries = entries.filter((e) => e.status === 'request');
  const parameterEntries = entries.filter((e) => e.status === 'parameters');
  const byOperation = new Map<string, ValidatorEntry[]>();
  for (const e of responseEntries) byOperation.set(e.operationId, [...(byOperation.get(e.operationId) ?? []), e]);

  const responseTable = [...byOperation]
    .map(([operationId, list]) => `  ${operationId}: {\n${list.map((e) => `    "${e.status}": ${e.exportName},`).join('\n')}\n  },`)
    .join('\n');
  const requestTable = requestEntries.map((e) => `  ${e.operationId}: ${e.exportName},`).join('\n');
  const parameterTable = parameterEntries.map((e) => `  ${e.operationId}: ${e.exportName},`).join('\n');

  const js = [
    header,
    moduleSource(standaloneCode(ajv, exports.byName)),
    ...exports.aliases,
    '',
    '/** Response body validators by operationId, then by HTTP status. */',
    `export const responseValidators = {\n${responseTable}\n};`,
    '',
    '/** Request body validators by operationId, for the operations that take a JSON body. */',
    `export const requestBodyValidators = {\n${requestTable}\n};`,
    '',
    '/** Parameter validators by operationId, over `{ query, header }` (decoded query values, lower-case header names). */',
    `export const parameterValidators = {\n${parameterTable}\n};`,
    '',
    '/** Run before requestBodyValidators and parameterValidators: the limits they assume (limit-validators.js). */',
    'export { requestBodyLimitValidators, parameterLimitValidators } from "./limit-validators.js";',
    '',
    '/** The validator of one (operation, status) body, or undefined when the spec documents no JSON body for it. */',
    'export function validatorFor(operationId, status) {',
    '  const byStatus = Object.hasOwn(responseValidators, operationId) ? responseValidators[operationId] : undefined;',
    '  return byStatus && Object.hasOwn(byStatus, String(status)) ? byStatus[String(status)] : undefined;',
    '}',
    '',
  ].join('\n');

  const typeOf = (e: ValidatorEntry) =>
    e.status === 'request'
      ? `Validator<RequestBody<"${e.operationId}">>`
      : e.status === 'parameters'
        ? 'Validator<RequestParameters>'
        : `Validator<ResponseBody<"${e.operationId}", ${e.status}>>`;
  const responseTypeTable = [...byOperation]
    .map(
      ([operationId, list]) =>
        `  readonly ${operationId}: {\n${list.map((e) => `    readonly "${e.status}": ${typeOf(e)};`).join('\n')}\n  };`,
    )
    .join('\n');
  const requestTypeTable = requestEntries.map((e) => `  readonly ${e.operationId}: ${typeOf(e)};`).join('\n');
  const parameterTypeTable = parameterEntries.map((e) => `  readonly ${e.operationId}: ${typeOf(e)};`).join('\n');
  const dts = [
    header,
    'import type { ErrorObject } from "ajv";',
    'import type { components, operations } from "./openapi.js";',
    '',
    '/** A compiled validator: a type guard whose `errors` holds what failed after a false answer. */',
    'export interface Validator<T> {',
    '  (data: unknown): data is T;',
    '  errors?: ErrorObject[] | null;',
    '}',
    '',
    '/** The JSON body type of one (operation, status) response. */',
    'export type ResponseBody<O extends keyof operations, S extends number> = operations[O]["responses"] extends infer R',
    '  ? S extends keyof R',
    '    ? R[S] extends { content: { "application/json": infer B } }',
    '      ? B',
    '      : never',
    '    : never',
    '  : never;',
    '',
    '/** The JSON request body type of one operation. */',
    'export type RequestBody<O extends keyof operations> = operations[O] extends {',
    '  requestBody: { content: { "application/json": infer B } };',
    '}',
    '  ? B',
    '  : never;',
    '',
    '/** What a parameter validator checks: decoded query values and lower-case header names. */',
    'export interface RequestParameters {',
    '  query: Record<string, unknown>;',
    '  header: Record<string, unknown>;',
    '}',
    '',
    'export declare const validateErrorResponse: Validator<components["schemas"]["ErrorResponse"]>;',
    ...entries.map((e) => `export declare const ${e.exportName}: ${typeOf(e)};`),
    '',
    `export declare const responseValidators: {\n${responseTypeTable}\n};`,
    '',
    `export declare const requestBodyValidators: {\n${requestTypeTable}\n};`,
    '',
    `export declare const parameterValidators: {\n${parameterTypeTable}\n};`,
    '',
    'export { requestBodyLimitValidators, parameterLimitValidators } from "./limit-validators.js";',
    '',
    'export declare function validatorFor(operationId: string, status: number | string): Validator<unknown> | undefined;',
    '',
  ].join('\n');

  return { js, dts };
}
