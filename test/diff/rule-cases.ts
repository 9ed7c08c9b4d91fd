// For every rule, one change to the mini spec (test/diff/fixtures/mini.yaml)
// that should make it fire. Typed as a Record over RuleId: a rule added
// without a case does not type-check.
import type { RuleId } from '../../src/contract/diff/rules.ts';

type Doc = Record<string, any>;

const thing = (d: Doc) => d.components.schemas.Thing;
const newThing = (d: Doc) => d.components.schemas.NewThing;
const getThing = (d: Doc) => d.paths['/things/{id}'].get;
const limit = (d: Doc) => getThing(d).parameters[0];

const refuseUnknownQuery = (d: Doc) => (d['x-unknown-query-parameters'] = 'refused');

export const RULE_CASES: Record<RuleId, (doc: Doc) => void> = {
  'path-removed': (d) => delete d.paths['/things/{id}'],
  'operation-removed': (d) => delete d.paths['/things/{id}'].delete,
  'operation-id-changed': (d) => (getThing(d).operationId = 'fetchThing'),
  'security-added': (d) => delete d.paths['/health'].get.security,
  'security-scheme-removed': (d) => (d.security = [{ bearerAuth: [] }]),
  'operation-deprecated': (d) => (getThing(d).deprecated = true),
  'operation-cost-changed': (d) => (getThing(d)['x-request-cost'] = 2),
  'server-removed': (d) => (d.servers = [{ url: 'https://api.example.com/v2' }]),
  'webhooks-changed': (d) => delete d.webhooks.thingChanged,
  'value-deprecated': (d) => (limit(d).deprecated = true),
  // The base's operation is deprecated (BASE_CHANGES).
  'deprecation-lifted': (d) => delete getThing(d).deprecated,
  'operation-tags-changed': (d) => (getThing(d).tags = ['things']),
  'security-relaxed': (d) => (getThing(d).security = [{ bearerAuth: [] }, {}]),
  'server-added': (d) => d.servers.push({ url: 'https://eu.api.example.com/v1' }),
  'operation-added': (d) => (d.paths['/others'] = { get: { operationId: 'listOthers', responses: { '200': { description: 'Others.' } } } }),

  'request-parameter-added-required': (d) => getThing(d).parameters.push({ name: 'expand', in: 'query', required: true, schema: { type: 'string' } }),
  'request-parameter-made-required': (d) => (limit(d).required = true),
  'request-parameter-moved': (d) => (limit(d).in = 'header'),
  'request-parameter-removed': (d) => getThing(d).parameters.pop(),
  // With the base refusing too (BASE_CHANGES): only the removal is reported.
  'request-parameter-removed-refused': (d) => (refuseUnknownQuery(d), getThing(d).parameters.pop()),
  'unknown-query-parameters-refused': refuseUnknownQuery,
  'request-body-removed': (d) => delete d.paths['/things/{id}'].patch.requestBody,
  'request-body-made-required': (d) => (d.paths['/things/{id}'].patch.requestBody.required = true),
  'request-content-type-removed': (d) => delete d.paths['/things'].post.requestBody.content['text/plain'],
  'request-property-added-required': (d) => {
    newThing(d).properties.color = { type: 'string' };
    newThing(d).required.push('color');
  },
  'request-property-made-required': (d) => newThing(d).required.push('size'),
  'request-property-removed': (d) => delete newThing(d).properties.size,
  'request-property-removed-refused': (d) => delete d.paths['/things/{id}'].patch.requestBody.content['application/json'].schema.properties.note,
  'request-default-changed': (d) => (limit(d).schema.default = 50),
  'request-type-changed': (d) => (newThing(d).properties.size.type = 'integer'),
  'request-max-length-decreased': (d) => (newThing(d).properties.name.maxLength = 40),
  'request-min-length-increased': (d) => (newThing(d).properties.name.minLength = 2),
  'request-maximum-decreased': (d) => (newThing(d).properties.size.maximum = 5),
  'request-minimum-increased': (d) => (newThing(d).properties.size.minimum = 1),
  'request-max-items-decreased': (d) => (newThing(d).properties.tags.maxItems = 5),
  'request-min-items-increased': (d) => (newThing(d).properties.tags.minItems = 1),
  'request-pattern-changed': (d) => (newThing(d).properties.name.pattern = '^[a-z0-9]+$'),
  'request-format-changed': (d) => (newThing(d).properties.email.format = 'idn-email'),
  'request-enum-value-removed': (d) => (newThing(d).properties.kind.enum = ['a']),
  'request-additional-properties-forbidden': (d) => (newThing(d).additionalProperties = false),
  'request-parameter-added-optional': (d) => getThing(d).parameters.push({ name: 'expand', in: 'query', schema: { type: 'string' } }),
  'request-property-added-optional': (d) => (newThing(d).properties.color = { type: 'string' }),
  'request-constraint-widened': (d) => (newThing(d).properties.name.maxLength = 60),

  'response-success-status-removed': (d) => delete getThing(d).responses['200'],
  'response-error-status-removed': (d) => delete getThing(d).responses['404'],
  'response-content-type-removed': (d) => delete getThing(d).responses['200'].content['application/yaml'],
  'response-property-removed': (d) => {
    delete thing(d).properties.name;
    thing(d).required = ['id', 'status'];
  },
  'response-property-made-optional': (d) => (thing(d).required = ['id', 'status']),
  'response-property-made-nullable': (d) => (thing(d).properties.name.type = ['string', 'null']),
  'response-type-changed': (d) => (thing(d).properties.count.type = 'number'),
  'response-header-removed': (d) => delete getThing(d).responses['200'].headers['X-Request-Id'],
  'response-header-made-optional': (d) => delete d.components.headers['X-Request-Id'].required,
  'response-max-items-decreased': (d) => (thing(d).properties.parts.maxItems = 20),
  // The base's name has maxLength 50 (BASE_CHANGES): the head raises it.
  'response-constraint-loosened': (d) => (thing(d).properties.name.maxLength = 100),
  'response-enum-value-removed': (d) => (thing(d).properties.status.enum = ['active']),
  'response-constraint-changed': (d) => (thing(d).properties.name.maxLength = 100),
  'response-enum-value-added': (d) => thing(d).properties.status.enum.push('archived'),
  'response-status-added': (d) => (getThing(d).responses['410'] = { description: 'Gone.' }),
  'response-property-added': (d) => (thing(d).properties.color = { type: 'string' }),
  'response-header-added': (d) => (getThing(d).responses['200'].headers['RateLimit-Limit'] = { schema: { type: 'integer' } }),

  'error-code-removed': (d) => {
    delete d['x-error-catalog'].THING_MISSING;
    d.components.schemas.ErrorCode.enum = ['BAD_INPUT'];
  },
  'error-code-status-changed': (d) => (d['x-error-catalog'].THING_MISSING.status = 410),
  'error-code-category-changed': (d) => (d['x-error-catalog'].THING_MISSING.category = 'validation'),
  'error-response-unreferenced': (d) => (getThing(d).responses['400'] = structuredClone(d.components.responses.BadRequest)),
  'error-code-added': (d) => {
    d['x-error-catalog'].THING_LOCKED = { status: 409, category: 'resource', summary: 'The thing is locked.' };
    d.components.schemas.ErrorCode.enum.push('THING_LOCKED');
  },

  'text-changed': (d) => (getThing(d).summary = 'Fetch one thing'),

  // How a query parameter is serialised: no rule reads `style`.
  'unclassified-change': (d) => (limit(d).style = 'spaceDelimited'),
};

/** The change to the base document, for the rules whose case needs one too (a rule that depends on what both say). */
export const BASE_CHANGES: Partial<Record<RuleId, (doc: Doc) => void>> = {
  'request-parameter-removed-refused': refuseUnknownQuery,
  'deprecation-lifted': (d) => (getThing(d).deprecated = true),
  'response-constraint-loosened': (d) => (thing(d).properties.name.maxLength = 50),
};

/** Changes no client can notice: nothing above info may be found. */
export const COMPATIBLE_CHANGES: Record<string, (doc: Doc) => void> = {
  'a new operation': RULE_CASES['operation-added'],
  'a new optional query parameter': RULE_CASES['request-parameter-added-optional'],
  'a new optional body property': RULE_CASES['request-property-added-optional'],
  'a new response property': RULE_CASES['response-property-added'],
  'a new response header': RULE_CASES['response-header-added'],
  'a new error code, in the catalog and the ErrorCode enum': RULE_CASES['error-code-added'],
  'a raised maxLength': RULE_CASES['request-constraint-widened'],
  'a lowered minimum': (d) => (newThing(d).properties.size.minimum = -5),
  'an enum value added to a request': (d) => newThing(d).properties.kind.enum.push('c'),
  'a pattern dropped': (d) => delete newThing(d).properties.name.pattern,
  'additional properties allowed': (d) => (d.components.schemas.NewThing.additionalProperties = true),
  'a request type widened to accept null': (d) => (newThing(d).properties.kind.type = ['string', 'null']),
  'a required body property made optional': (d) => (newThing(d).required = []),
  'a response enum value removed': (d) => (thing(d).properties.status.enum = ['active']),
  'an optional response property made required': (d) => thing(d).required.push('count'),
  'a response maxItems raised': (d) => (thing(d).properties.parts.maxItems = 80),
  'a response type narrowed': (d) => (thing(d).properties.count.type = 'integer'),
  'a new error status on an operation': RULE_CASES['response-status-added'],
  'descriptions, summaries and examples': (d) => {
    getThing(d).summary = 'Fetch one thing';
    getThing(d).description = 'Reads one thing by id.';
    thing(d).description = 'A thing.';
    thing(d).example = { id: 't1', name: 'x', status: 'active' };
    d.info.description = 'The Things API.';
    d['x-error-catalog'].BAD_INPUT.summary = 'Something in the request is invalid.';
  },
  'a path parameter renamed': (d) => {
    const item = d.paths['/things/{id}'];
    item.parameters[0].name = 'thingId';
    delete d.paths['/things/{id}'];
    d.paths['/things/{thingId}'] = item;
  },
  'an inline schema moved into components': (d) => {
    d.components.schemas.ThingPatch = d.paths['/things/{id}'].patch.requestBody.content['application/json'].schema;
    d.paths['/things/{id}'].patch.requestBody.content['application/json'].schema = { $ref: '#/components/schemas/ThingPatch' };
  },
  'a security alternative added': (d) => d.security.push({ oauth: [] }),
  'a security scheme renamed': (d) => {
    d.components.securitySchemes.tokenAuth = d.components.securitySchemes.bearerAuth;
    delete d.components.securitySchemes.bearerAuth;
    d.security[0] = { tokenAuth: [] };
  },
  'the bearer format hint reworded': (d) => (d.components.securitySchemes.bearerAuth.bearerFormat = 'an opaque token'),
  'a shared response renamed': (d) => {
    d.components.responses.InvalidRequest = d.components.responses.BadRequest;
    delete d.components.responses.BadRequest;
    d.paths['/things'].post.responses['400'] = { $ref: '#/components/responses/InvalidRequest' };
    getThing(d).responses['400'] = { $ref: '#/components/responses/InvalidRequest' };
  },
  'a $ref wrapped in allOf to give it a description': (d) => {
    getThing(d).responses['200'].content['application/json'].schema = { allOf: [{ $ref: '#/components/schemas/Thing' }], description: 'The thing.' };
    d.paths['/things'].post.requestBody.content['application/json'].schema = { allOf: [{ $ref: '#/components/schemas/NewThing' }], description: 'A new thing.' };
  },
  'oneOf and anyOf alternatives reordered': (d) => {
    newThing(d).properties.label.oneOf.reverse();
    thing(d).properties.owner.anyOf.reverse();
  },
  'a cost written as a string': (d) => (getThing(d)['x-request-cost'] = '1'),
  'a charset added to a media type': (d) => {
    const content = getThing(d).responses['200'].content;
    content['application/json; charset=utf-8'] = content['application/json'];
    delete content['application/json'];
  },
  'a server URL with a trailing slash': (d) => (d.servers[0].url += '/'),
  'a path-level parameter moved onto each operation': (d) => {
    const item = d.paths['/things/{id}'];
    for (const method of ['get', 'patch', 'delete']) item[method].parameters = [...item.parameters, ...(item[method].parameters ?? [])];
    delete item.parameters;
  },
  'the document security written on each operation': (d) => {
    for (const item of Object.values<any>(d.paths)) for (const op of Object.values<any>(item)) if (op.responses && !op.security) op.security = structuredClone(d.security);
    delete d.security;
  },
  'enum values in another order': (d) => d.components.schemas.ErrorCode.enum.reverse(),
  'a response header named in another case': (d) => {
    const headers = getThing(d).responses['200'].headers;
    headers['x-request-id'] = headers['X-Request-Id'];
    delete headers['X-Request-Id'];
  },
  'a response string given a maxLength': RULE_CASES['response-constraint-changed'],
  'a new server': RULE_CASES['server-added'],
  'a new version in info': (d) => (d.info.version = '1.1.0'),
  'no credentials needed any more': (d) => (getThing(d).security = []),
};
