// Every rule `snippets-contract diff` applies: its stable id, its level and
// why it matters to a consumer. docs/contract-evolution.md renders its table
// from this list (scripts/docs/rule-table.ts), so the two cannot disagree.

export type Level = 'breaking' | 'warning' | 'info';

export interface Rule {
  level: Level;
  area: 'operations' | 'requests' | 'responses' | 'error catalog' | 'text' | 'everything else';
  /** What the rule detects, as a table cell. */
  detects: string;
  /** Why it matters to a consumer: the second half of each finding's line. */
  why: string;
}

export const RULES = {
  // operations
  'path-removed': { level: 'breaking', area: 'operations', detects: 'A path is removed with all its operations.', why: 'every call to it now fails with 404.' },
  'operation-removed': { level: 'breaking', area: 'operations', detects: 'An operation (a method on a path) is removed.', why: 'calls to it now fail, and the generated client loses the method.' },
  'operation-id-changed': { level: 'breaking', area: 'operations', detects: 'An operationId changes.', why: 'generated types and client code keyed by the operationId stop compiling.' },
  'security-added': { level: 'breaking', area: 'operations', detects: 'An operation needs credentials it did not need (security added, or a scheme added to a requirement).', why: 'clients calling it as before are refused with 401.' },
  'security-scheme-removed': { level: 'breaking', area: 'operations', detects: 'A security scheme an operation accepted is removed or redefined.', why: 'clients authenticating that way are refused with 401.' },
  'operation-deprecated': { level: 'warning', area: 'operations', detects: 'An operation is marked deprecated.', why: 'clients should plan to move off it before it is removed.' },
  'operation-cost-changed': { level: 'warning', area: 'operations', detects: 'The quota cost of an operation (`x-request-cost`) changes.', why: 'the same calls now spend a different share of the workspace quota.' },
  'server-removed': { level: 'warning', area: 'operations', detects: 'A server URL is removed from `servers`.', why: 'clients configured with that base URL must move to another one.' },
  'webhooks-changed': { level: 'warning', area: 'operations', detects: 'The `webhooks` section changes (the diff does not classify webhook changes).', why: 'receivers of the webhooks may be affected: review the change by hand.' },
  'value-deprecated': { level: 'warning', area: 'operations', detects: 'A parameter, response header or schema property is marked deprecated (an operation: operation-deprecated).', why: 'clients should stop relying on it before it is removed.' },
  'deprecation-lifted': { level: 'info', area: 'operations', detects: 'An operation, parameter, header or property is no longer marked deprecated.', why: 'clients may keep using it.' },
  'operation-tags-changed': { level: 'info', area: 'operations', detects: 'The `tags` of an operation change.', why: 'tags group operations in the docs; requests and responses are unchanged (a client generated per tag may move the method to another class).' },
  'security-relaxed': { level: 'info', area: 'operations', detects: 'An operation accepts a new way to authenticate (a security alternative added, or no credentials needed any more).', why: 'every client that authenticated before still does.' },
  'server-added': { level: 'info', area: 'operations', detects: 'A server URL is added to `servers`.', why: 'clients keep using the one they have.' },
  'operation-added': { level: 'info', area: 'operations', detects: 'An operation is added.', why: 'existing clients are unaffected.' },

  // requests
  'request-parameter-added-required': { level: 'breaking', area: 'requests', detects: 'A new required parameter.', why: 'requests without it, that is every existing request, are refused with 400.' },
  'request-parameter-made-required': { level: 'breaking', area: 'requests', detects: 'An optional parameter becomes required.', why: 'requests that leave it out are now refused with 400.' },
  'request-parameter-moved': { level: 'breaking', area: 'requests', detects: 'A parameter moves to another location (query, header, path, cookie).', why: 'clients still send it where it was, and the server no longer reads it there.' },
  'unknown-query-parameters-refused': { level: 'breaking', area: 'requests', detects: 'The contract starts refusing query parameters an operation does not declare (`x-unknown-query-parameters: refused`).', why: 'requests carrying an extra query parameter, accepted before, are refused with 400 FIELD_UNKNOWN.' },
  'request-parameter-removed-refused': { level: 'breaking', area: 'requests', detects: 'A query parameter is removed from a contract that refuses unknown ones (`x-unknown-query-parameters: refused`).', why: 'clients that still send it are refused with 400 FIELD_UNKNOWN.' },
  'request-parameter-removed': { level: 'warning', area: 'requests', detects: 'A parameter is removed (a header, or a query parameter where unknown ones are not refused).', why: 'clients that send it are ignored or refused, depending on the server.' },
  'request-body-removed': { level: 'warning', area: 'requests', detects: 'The request body of an operation is removed.', why: 'clients that still send it are ignored or refused, depending on the server.' },
  'request-body-made-required': { level: 'breaking', area: 'requests', detects: 'A request body is added as required, or an optional body becomes required.', why: 'requests without a body are now refused with 400.' },
  'request-content-type-removed': { level: 'breaking', area: 'requests', detects: 'A request content type is removed.', why: 'clients sending that content type are refused with 415.' },
  'request-property-added-required': { level: 'breaking', area: 'requests', detects: 'A new required property in a request body.', why: 'existing requests lack it and are refused with 400.' },
  'request-property-made-required': { level: 'breaking', area: 'requests', detects: 'An optional request body property becomes required.', why: 'requests that leave it out are now refused with 400.' },
  'request-property-removed-refused': { level: 'breaking', area: 'requests', detects: 'A request body property is removed from an object that forbids additional properties.', why: 'clients that still send it are refused with 400.' },
  'request-property-removed': { level: 'warning', area: 'requests', detects: 'A request body property is removed from an object that allows additional properties.', why: 'clients that still send it are no longer understood: the value is ignored.' },
  'request-type-changed': { level: 'breaking', area: 'requests', detects: 'A request value no longer accepts a type it accepted (including null).', why: 'requests sending the old type are refused with 400.' },
  'request-max-length-decreased': { level: 'breaking', area: 'requests', detects: '`maxLength` is lowered or added on a request value.', why: 'longer values that were valid are now refused with 400.' },
  'request-min-length-increased': { level: 'breaking', area: 'requests', detects: '`minLength` is raised or added on a request value.', why: 'shorter values that were valid are now refused with 400.' },
  'request-maximum-decreased': { level: 'breaking', area: 'requests', detects: '`maximum` or `exclusiveMaximum` is lowered or added on a request value.', why: 'larger numbers that were valid are now refused with 400.' },
  'request-minimum-increased': { level: 'breaking', area: 'requests', detects: '`minimum` or `exclusiveMinimum` is raised or added on a request value.', why: 'smaller numbers that were valid are now refused with 400.' },
  'request-max-items-decreased': { level: 'breaking', area: 'requests', detects: '`maxItems` is lowered or added on a request array.', why: 'longer arrays that were valid are now refused with 400.' },
  'request-min-items-increased': { level: 'breaking', area: 'requests', detects: '`minItems` is raised or added on a request array.', why: 'shorter arrays that were valid are now refused with 400.' },
  'request-pattern-changed': { level: 'breaking', area: 'requests', detects: 'A `pattern` is added to or changed on a request value.', why: 'values that matched before may now be refused with 400.' },
  'request-format-changed': { level: 'breaking', area: 'requests', detects: 'A `format` is added to or changed on a request value.', why: 'values that were valid before may now be refused with 400.' },
  'request-enum-value-removed': { level: 'breaking', area: 'requests', detects: 'A request value loses an enum value, or gains an enum where any value was allowed.', why: 'requests using the removed value are refused with 400.' },
  'request-additional-properties-forbidden': { level: 'breaking', area: 'requests', detects: 'A request object starts forbidding additional properties.', why: 'requests carrying extra fields, accepted before, are refused with 400.' },
  'request-default-changed': { level: 'warning', area: 'requests', detects: 'The `default` of a request value changes (or is added or removed).', why: 'clients that leave the value out get different behaviour.' },
  'request-parameter-added-optional': { level: 'info', area: 'requests', detects: 'A new optional parameter.', why: 'existing requests stay valid.' },
  'request-property-added-optional': { level: 'info', area: 'requests', detects: 'A new optional request body property.', why: 'existing requests stay valid.' },
  'request-constraint-widened': { level: 'info', area: 'requests', detects: 'A request constraint is loosened: a type, bound, pattern, format, enum or requirement that accepts more.', why: 'every request valid before stays valid.' },

  // responses
  'response-success-status-removed': { level: 'breaking', area: 'responses', detects: 'A success (2xx or 3xx) status is removed from an operation.', why: 'clients that handle the documented success no longer get it.' },
  'response-error-status-removed': { level: 'breaking', area: 'responses', detects: 'An error status (4xx, 5xx or default) is removed from an operation.', why: 'clients and generated types built around that error lose it, and code branching on it goes stale (oasdiff reports this only as info; here it breaks).' },
  'response-content-type-removed': { level: 'breaking', area: 'responses', detects: 'A response content type is removed.', why: 'clients that parse that content type no longer receive it.' },
  'response-property-removed': { level: 'breaking', area: 'responses', detects: 'A response property is removed or renamed.', why: 'clients reading it get undefined.' },
  'response-property-made-optional': { level: 'breaking', area: 'responses', detects: 'A required response property becomes optional.', why: 'clients that rely on it being present can get undefined.' },
  'response-property-made-nullable': { level: 'breaking', area: 'responses', detects: 'A response value becomes nullable.', why: 'clients that use it without a null check can fail.' },
  'response-type-changed': { level: 'breaking', area: 'responses', detects: 'A response value can have a type it could not have before.', why: 'clients parsing the old type can fail.' },
  'response-header-removed': { level: 'breaking', area: 'responses', detects: 'A response header is removed (for example Retry-After, X-Request-Id, RateLimit-*).', why: 'clients that read it (for retries, rate limiting, support requests) lose it.' },
  'response-header-made-optional': { level: 'breaking', area: 'responses', detects: 'A required response header becomes optional.', why: 'clients that rely on it being present can miss it.' },
  'response-max-items-decreased': { level: 'breaking', area: 'responses', detects: '`maxItems` is lowered or added on a response array (a list becomes paged or capped).', why: 'clients that expect every item in one answer now get at most that many and miss the rest.' },
  'response-constraint-loosened': { level: 'breaking', area: 'responses', detects: 'A response value may now lie outside a bound or format it kept: `maxLength` or `maximum` raised or removed, `minLength`, `minimum` or `minItems` lowered or removed, `format` changed or removed.', why: 'clients, and validators generated from the base document, that rely on the old bound or format meet values they refuse or cannot parse.' },
  'response-enum-value-added': { level: 'warning', area: 'responses', detects: 'A response value gains an enum value (error codes excepted, see error-code-added).', why: 'an exhaustive switch in a client meets a value it does not handle.' },
  'response-enum-value-removed': { level: 'info', area: 'responses', detects: 'A response value loses an enum value.', why: 'clients keep handling a value that no longer comes; nothing they read is new.' },
  'response-constraint-changed': { level: 'info', area: 'responses', detects: 'Any other change to a response constraint that clients written to the base document handle: a bound, `format`, `pattern` or enum added, a bound tightened, `maxItems` raised, a `pattern` changed or removed, a `default` changed, an optional property made required, a type or a list of alternatives narrowed, additional properties allowed or forbidden.', why: 'clients written to the base document still read every response.' },
  'response-status-added': { level: 'info', area: 'responses', detects: 'A status is added to an operation.', why: 'clients fall back on their handling of the status class.' },
  'response-property-added': { level: 'info', area: 'responses', detects: 'A response property is added.', why: 'clients ignore properties they do not know.' },
  'response-header-added': { level: 'info', area: 'responses', detects: 'A response header is added.', why: 'clients ignore headers they do not know.' },

  // the error catalog
  'error-code-removed': { level: 'breaking', area: 'error catalog', detects: 'An error code is removed from `x-error-catalog` or renamed (codes are append-only).', why: 'clients branching on the code never see it again, and their generated ErrorCode union no longer compiles.' },
  'error-code-status-changed': { level: 'breaking', area: 'error catalog', detects: 'The HTTP status of an error code changes.', why: 'clients that pair the code with its status handle it in the wrong place.' },
  'error-code-category-changed': { level: 'breaking', area: 'error catalog', detects: 'The category of an error code changes.', why: 'clients that dispatch on the category (retry, re-authenticate, show a message) take the wrong branch.' },
  'error-response-unreferenced': { level: 'breaking', area: 'error catalog', detects: 'An operation no longer references a shared error response (`#/components/responses/...`) it used.', why: 'the shared error contract (envelope, headers, codes) is no longer promised for that status.' },
  'error-code-added': { level: 'info', area: 'error catalog', detects: 'An error code is added.', why: 'the spec already tells clients to expect codes they do not know and to fall back on the status.' },

  // text
  'text-changed': { level: 'info', area: 'text', detects: 'A description, summary, title or example changes, a security scheme\'s description or `bearerFormat` hint, or another field of `info` but its version (contact, license, terms of service).', why: 'documentation only; no client behaviour changes.' },

  // everything else
  'unclassified-change': { level: 'warning', area: 'everything else', detects: 'Any difference between the two documents, once every `$ref` is expanded and the equivalences below are set aside, that no other rule classifies. Each names its place; at most 50 are listed, then how many more.', why: 'no rule knows whether clients notice it: review it by hand.' },
} as const satisfies Record<string, Rule>;

export type RuleId = keyof typeof RULES;

export const LEVELS: readonly Level[] = ['breaking', 'warning', 'info'];

/** Whether `level` is at least as severe as `threshold`. */
export function reaches(level: Level, threshold: Level): boolean {
  return LEVELS.indexOf(level) <= LEVELS.indexOf(threshold);
}
