// Converts this project's OpenAPI 3.1 document into an equivalent OpenAPI
// 3.0.3 one, for tools that only read 3.0 (openapi-backend, in the validator
// benchmark). Pure: the input is not modified and the output shares no
// objects with it.
//
// "Equivalent" means the same bodies pass and fail: every validating keyword
// is kept or rewritten into its 3.0 form (formats, additionalProperties,
// lengths, bounds stay as they are). A 3.1 construct that 3.0 cannot express
// faithfully throws a DowngradeError naming where it is, instead of being
// dropped, so the converted document is never silently weaker.
//
//   const: X                     -> enum: [X]
//   type: [T, 'null']            -> type: T, nullable: true
//   examples: [A, ...] (schema)  -> example: A
//   exclusiveMinimum: N          -> minimum: N, exclusiveMinimum: true (same for maximum)
//   { $ref, ...validating }      -> { allOf: [{ $ref }], ...validating }
//   info.summary, license.identifier, webhooks, jsonSchemaDialect: dropped
//   $comment, contentMediaType, contentEncoding (annotations): dropped

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export class DowngradeError extends Error {
  constructor(
    readonly location: string,
    problem: string,
  ) {
    super(`${location}: ${problem}`);
    this.name = 'DowngradeError';
  }
}

const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

/** Keywords an OpenAPI 3.0 Schema Object may carry (besides `x-` extensions). */
const SCHEMA_30_KEYWORDS = new Set([
  '$ref',
  'title',
  'multipleOf',
  'maximum',
  'exclusiveMaximum',
  'minimum',
  'exclusiveMinimum',
  'maxLength',
  'minLength',
  'pattern',
  'maxItems',
  'minItems',
  'uniqueItems',
  'maxProperties',
  'minProperties',
  'required',
  'enum',
  'type',
  'not',
  'allOf',
  'oneOf',
  'anyOf',
  'items',
  'properties',
  'additionalProperties',
  'description',
  'format',
  'default',
  'nullable',
  'discriminator',
  'readOnly',
  'writeOnly',
  'example',
  'externalDocs',
  'deprecated',
  'xml',
]);

/** 3.1 schema keywords that only annotate: dropping them changes no validation result. */
const ANNOTATION_ONLY_31 = new Set(['$comment', 'contentMediaType', 'contentEncoding']);

/** Non-validating siblings a 3.1 `$ref` may have; 3.0 ignores them, so they are dropped. */
const REF_ANNOTATIONS = new Set(['description', 'summary', 'title', '$comment', 'example', 'examples', 'deprecated']);

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function clone<T extends Json>(value: T): T {
  return structuredClone(value);
}

function mapValues(node: Json | undefined, at: string, convert: (value: Json, at: string) => Json): JsonObject | undefined {
  if (node === undefined) return undefined;
  if (!isObject(node)) throw new DowngradeError(at, 'expected an object');
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) out[key] = convert(value, `${at}/${escape(key)}`);
  return out;
}

function escape(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** A Reference Object outside schemas: 3.0 allows no siblings beside `$ref`. */
function isRef(node: Json): node is JsonObject & { $ref: string } {
  return isObject(node) && typeof node.$ref === 'string';
}

function refOnly(node: JsonObject & { $ref: string }): JsonObject {
  return { $ref: node.$ref };
}

// ---------------------------------------------------------------- schemas

export function downgradeSchema(schema: Json, at = '#'): Json {
  if (typeof schema === 'boolean') throw new DowngradeError(at, 'boolean schemas do not exist in OpenAPI 3.0');
  if (!isObject(schema)) throw new DowngradeError(at, 'a schema must be an object');

  if (typeof schema.$ref === 'string') {
    const siblings = Object.keys(schema).filter((key) => key !== '$ref' && !REF_ANNOTATIONS.has(key) && !key.startsWith('x-'));
    if (siblings.length === 0) return { $ref: schema.$ref };
    // 3.0 ignores every sibling of $ref; keep the validating ones in force through allOf.
    const rest: JsonObject = {};
    for (const key of siblings) rest[key] = schema[key]!;
    return downgradeSchema({ allOf: [{ $ref: schema.$ref }], ...rest }, at);
  }

  const out: JsonObject = {};
  for (const [key, value] of Object.entries(schema)) {
    const here = `${at}/${escape(key)}`;
    if (key.startsWith('x-')) {
      out[key] = clone(value);
      continue;
    }
    if (ANNOTATION_ONLY_31.has(key)) continue;
    switch (key) {
      case 'type':
        Object.assign(out, downgradeType(value, here));
        break;
      case 'const':
        if (value === null) throw new DowngradeError(here, 'const: null has no faithful 3.0 form');
        if ('enum' in schema) throw new DowngradeError(here, 'const beside enum is not supported');
        out.enum = [clone(value)];
        break;
      case 'examples':
        if (!Array.isArray(value)) throw new DowngradeError(here, 'schema examples must be an array');
        if (value.length > 0 && !('example' in schema)) out.example = clone(value[0]!);
        break;
      case 'exclusiveMinimum':
      case 'exclusiveMaximum': {
        if (typeof value === 'boolean') {
          out[key] = value; // already the 3.0 form
          break;
        }
        const bound = key === 'exclusiveMinimum' ? 'minimum' : 'maximum';
        if (bound in schema) throw new DowngradeError(here, `${key} beside ${bound} is not supported`);
        out[bound] = value;
        out[key] = true;
        break;
      }
      case 'properties':
        out.properties = mapValues(value, here, downgradeSchema)!;
        break;
      case 'items':
        if (Array.isArray(value)) throw new DowngradeError(here, 'tuple items are not supported');
        out.items = downgradeSchema(value, here);
        break;
      case 'additionalProperties':
        out.additionalProperties = typeof value === 'boolean' ? value : downgradeSchema(value, here);
        break;
      case 'not':
        out.not = downgradeSchema(value, here);
        break;
      case 'allOf':
      case 'anyOf':
      case 'oneOf':
        if (!Array.isArray(value)) throw new DowngradeError(here, `${key} must be an array`);
        out[key] = value.map((item, index) => downgradeSchema(item, `${here}/${index}`));
        break;
      default:
        if (!SCHEMA_30_KEYWORDS.has(key)) throw new DowngradeError(here, `keyword "${key}" has no OpenAPI 3.0 form`);
        out[key] = clone(value);
    }
  }
  if (out.nullable === true && out.type === undefined) throw new DowngradeError(at, 'nullable needs a type in 3.0');
  return out;
}

function downgradeType(value: Json, at: string): JsonObject {
  if (typeof value === 'string') {
    if (value === 'null') throw new DowngradeError(at, 'type "null" alone has no 3.0 form');
    return { type: value };
  }
  if (!Array.isArray(value) || value.some((t) => typeof t !== 'string')) throw new DowngradeError(at, 'type must be a string or an array of strings');
  const types = value as string[];
  const nonNull = types.filter((t) => t !== 'null');
  if (nonNull.length !== 1) throw new DowngradeError(at, `type ${JSON.stringify(types)} has no 3.0 form (only [T] or [T, "null"])`);
  return types.includes('null') ? { type: nonNull[0]!, nullable: true } : { type: nonNull[0]! };
}

// ----------------------------------------------------- document structure

function downgradeMediaTypes(content: Json | undefined, at: string): JsonObject | undefined {
  return mapValues(content, at, (media, here) => {
    if (!isObject(media)) throw new DowngradeError(here, 'expected a media type object');
    const out = clone(media);
    if (media.schema !== undefined) out.schema = downgradeSchema(media.schema, `${here}/schema`);
    return out;
  });
}

/** Parameter and Header objects: a schema or a content map. */
function downgradeParameterLike(node: Json, at: string): Json {
  if (isRef(node)) return refOnly(node);
  if (!isObject(node)) throw new DowngradeError(at, 'expected a parameter or header object');
  const out = clone(node);
  if (node.schema !== undefined) out.schema = downgradeSchema(node.schema, `${at}/schema`);
  if (node.content !== undefined) out.content = downgradeMediaTypes(node.content, `${at}/content`)!;
  return out;
}

function downgradeResponse(node: Json, at: string): Json {
  if (isRef(node)) return refOnly(node);
  if (!isObject(node)) throw new DowngradeError(at, 'expected a response object');
  const out = clone(node);
  if (node.headers !== undefined) out.headers = mapValues(node.headers, `${at}/headers`, downgradeParameterLike)!;
  if (node.content !== undefined) out.content = downgradeMediaTypes(node.content, `${at}/content`)!;
  return out;
}

function downgradeRequestBody(node: Json, at: string): Json {
  if (isRef(node)) return refOnly(node);
  if (!isObject(node)) throw new DowngradeError(at, 'expected a request body object');
  const out = clone(node);
  if (node.content !== undefined) out.content = downgradeMediaTypes(node.content, `${at}/content`)!;
  return out;
}

function downgradeParameters(list: Json, at: string): Json[] {
  if (!Array.isArray(list)) throw new DowngradeError(at, 'parameters must be an array');
  return list.map((param, index) => downgradeParameterLike(param, `${at}/${index}`));
}

function downgradeCallbacks(node: Json | undefined, at: string): JsonObject | undefined {
  return mapValues(node, at, (callback, here) => (isRef(callback) ? refOnly(callback) : mapValues(callback, here, downgradePathItem)!));
}

function downgradeOperation(op: Json, at: string): Json {
  if (!isObject(op)) throw new DowngradeError(at, 'expected an operation object');
  const out = clone(op);
  if (op.parameters !== undefined) out.parameters = downgradeParameters(op.parameters, `${at}/parameters`);
  if (op.requestBody !== undefined) out.requestBody = downgradeRequestBody(op.requestBody, `${at}/requestBody`);
  if (op.responses !== undefined) out.responses = mapValues(op.responses, `${at}/responses`, downgradeResponse)!;
  if (op.callbacks !== undefined) out.callbacks = downgradeCallbacks(op.callbacks, `${at}/callbacks`)!;
  return out;
}

function downgradePathItem(item: Json, at: string): Json {
  if (!isObject(item)) throw new DowngradeError(at, 'expected a path item object');
  if (typeof item.$ref === 'string') {
    const extra = Object.keys(item).filter((key) => key !== '$ref' && key !== 'summary' && key !== 'description');
    if (extra.length > 0) throw new DowngradeError(at, 'a path item $ref with operations beside it is not supported');
    return { $ref: item.$ref };
  }
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(item)) {
    const here = `${at}/${escape(key)}`;
    if (HTTP_METHODS.has(key)) out[key] = downgradeOperation(value, here);
    else if (key === 'parameters') out[key] = downgradeParameters(value, here);
    else out[key] = clone(value);
  }
  return out;
}

function downgradeInfo(info: Json): Json {
  if (!isObject(info)) throw new DowngradeError('#/info', 'expected an info object');
  const { summary: _summary, ...rest } = clone(info);
  if (isObject(rest.license)) {
    const { identifier: _identifier, ...license } = rest.license;
    rest.license = license;
  }
  return rest;
}

function downgradeComponents(components: Json, at: string): JsonObject {
  if (!isObject(components)) throw new DowngradeError(at, 'expected a components object');
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(components)) {
    const here = `${at}/${key}`;
    switch (key) {
      case 'schemas':
        out[key] = mapValues(value, here, downgradeSchema)!;
        break;
      case 'parameters':
      case 'headers':
        out[key] = mapValues(value, here, downgradeParameterLike)!;
        break;
      case 'responses':
        out[key] = mapValues(value, here, downgradeResponse)!;
        break;
      case 'requestBodies':
        out[key] = mapValues(value, here, downgradeRequestBody)!;
        break;
      case 'callbacks':
        out[key] = downgradeCallbacks(value, here)!;
        break;
      case 'pathItems':
        throw new DowngradeError(here, 'components.pathItems has no OpenAPI 3.0 form');
      default:
        // securitySchemes, examples, links, x-*: the same in 3.0.
        out[key] = clone(value);
    }
  }
  return out;
}

/**
 * The OpenAPI 3.0.3 equivalent of an OpenAPI 3.1 document (a parsed object).
 * Throws a DowngradeError for a construct 3.0 cannot express without changing
 * which bodies validate.
 */
export function downgradeToOpenApi30(doc: JsonObject): JsonObject {
  if (typeof doc.openapi !== 'string' || !doc.openapi.startsWith('3.1')) {
    throw new DowngradeError('#/openapi', `expected an OpenAPI 3.1 document, got ${JSON.stringify(doc.openapi)}`);
  }
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(doc)) {
    switch (key) {
      case 'openapi':
        out.openapi = '3.0.3';
        break;
      case 'info':
        out.info = downgradeInfo(value);
        break;
      case 'webhooks':
      case 'jsonSchemaDialect':
        break; // no 3.0 form; neither affects validation of path responses
      case 'paths':
        out.paths = mapValues(value, '#/paths', downgradePathItem)!;
        break;
      case 'components':
        out.components = downgradeComponents(value, '#/components');
        break;
      default:
        // servers, security, tags, externalDocs, x-*: the same in 3.0.
        out[key] = clone(value);
    }
  }
  // `paths` is optional in 3.1 and required in 3.0.
  if (out.paths === undefined) out.paths = {};
  return out;
}
