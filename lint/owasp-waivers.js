// Findings of Spectral's OWASP API security ruleset waived on purpose, each
// for the places listed only (as .redocly.lint-ignore.yaml does for Redocly).
// Every other finding of that ruleset was fixed in openapi.yaml: bounds on
// strings, integers and arrays, integer formats, header examples, CORS.
// A new place with the same finding is not waived: lint fails until it is
// fixed or added here with its reason. JSON pointers into openapi.yaml.

const UUID_PLACES = [
  '/components/schemas/Uuid',
  '/components/parameters/SnippetId/schema',
  '/components/parameters/VariationId/schema',
  '/components/parameters/VariationIds/schema/items',
  '/components/parameters/SnippetQueryId/schema',
  '/components/parameters/SnippetQueryIds/schema/items',
  '/components/parameters/FolderQueryId/schema',
  '/components/parameters/FolderQueryIds/schema/items',
  '/components/parameters/TagQueryId/schema',
  '/components/parameters/TagQueryIds/schema/items',
  '/components/parameters/TeamFilter/schema',
  '/components/schemas/BatchItemError/properties/id',
  '/components/schemas/Snippet/properties/folderId',
  '/components/schemas/Folder/properties/parentFolderId',
  '/components/schemas/Tag/properties/parentTagId',
  '/components/schemas/CreateSnippetRequest/properties/folderId',
  '/components/schemas/UpdateSnippetRequest/properties/folderId',
  '/components/schemas/CreateFolderRequest/properties/parentFolderId',
  '/components/schemas/UpdateFolderRequest/properties/parentFolderId',
  '/components/schemas/UpdateFoldersRequest/properties/folders/items/properties/parentFolderId',
  '/components/schemas/CreateTagRequest/properties/parentTagId',
  '/components/schemas/UpdateTagRequest/properties/parentTagId',
  '/components/schemas/UpdateTagsRequest/properties/tags/items/properties/parentTagId',
];

const FREE_TEXT_PLACES = [
  '/components/schemas/Content/properties/content',
  '/components/schemas/Snippet/properties/title',
  '/components/schemas/Snippet/properties/note',
  '/components/schemas/Snippet/properties/shortcut',
  '/components/schemas/Variation/properties/variationName',
  '/components/schemas/VariationHistoryEntry/properties/variationName',
  '/components/schemas/NewVariation/properties/variationName',
  '/components/schemas/Folder/properties/folderName',
  '/components/schemas/Folder/properties/folderColor',
  '/components/schemas/Tag/properties/tagName',
  '/components/schemas/Tag/properties/tagColor',
  '/components/schemas/CreateSnippetRequest/properties/title',
  '/components/schemas/CreateSnippetRequest/properties/note',
  '/components/schemas/CreateSnippetRequest/properties/shortcut',
  '/components/schemas/UpdateSnippetRequest/properties/title',
  '/components/schemas/UpdateSnippetRequest/properties/note',
  '/components/schemas/UpdateSnippetRequest/properties/shortcut',
  '/components/schemas/UpdateVariationRequest/properties/variationName',
  '/components/schemas/CreateFolderRequest/properties/folderName',
  '/components/schemas/CreateFolderRequest/properties/folderColor',
  '/components/schemas/UpdateFolderRequest/properties/folderName',
  '/components/schemas/UpdateFolderRequest/properties/folderColor',
  '/components/schemas/UpdateFoldersRequest/properties/folders/items/properties/folderName',
  '/components/schemas/UpdateFoldersRequest/properties/folders/items/properties/folderColor',
  '/components/schemas/CreateTagRequest/properties/tagName',
  '/components/schemas/CreateTagRequest/properties/tagColor',
  '/components/schemas/UpdateTagRequest/properties/tagName',
  '/components/schemas/UpdateTagRequest/properties/tagColor',
  '/components/schemas/UpdateTagsRequest/properties/tags/items/properties/tagName',
  '/components/schemas/UpdateTagsRequest/properties/tags/items/properties/tagColor',
];

const MESSAGE_PLACES = [
  '/components/schemas/ErrorResponse/properties/message',
  '/components/schemas/ErrorResponse/properties/error',
  '/components/schemas/ErrorDetail/properties/field',
  '/components/schemas/ErrorDetail/properties/issue',
  '/components/schemas/BatchItemError/properties/message',
  '/components/schemas/SnippetBatchResponse/properties/message',
  '/components/schemas/FolderBatchResponse/properties/message',
  '/components/schemas/TagBatchResponse/properties/message',
];

const HISTORY = '/paths/~1api~1prompts~1snippet~1variation~1history/get';
const HEALTH = '/paths/~1health/get';

/** @type {{ rule: string; reason: string; places: string[] }[]} */
export const owaspWaivers = [
  {
    rule: 'owasp:api4:2023-string-limit',
    reason: 'format: uuid already fixes the length at 36 characters; a maxLength would state it twice, and on a request it would read to diff tools as a new, breaking limit',
    places: UUID_PLACES,
  },
  {
    rule: 'owasp:api4:2023-string-limit',
    reason: 'fromDate and toDate are date-time query values, validated by their format; the request line is bounded by the server (16 KiB of headers), and a maxLength added now would refuse values that 3.x clients may send (a breaking change)',
    places: [`${HISTORY}/parameters/3/schema`, `${HISTORY}/parameters/4/schema`],
  },
  {
    rule: 'owasp:api4:2023-string-restricted',
    reason: "the user's own text (titles, notes, content, names, a colour as the app shows it): every character is valid, so no pattern or format can describe it; each has a maxLength",
    places: FREE_TEXT_PLACES,
  },
  {
    rule: 'owasp:api4:2023-string-restricted',
    reason: 'a message for a person, which may change between versions and must not be parsed: a pattern would invite parsing; each has a maxLength and the sandbox cuts longer ones',
    places: MESSAGE_PLACES,
  },
  {
    rule: 'owasp:api4:2023-integer-format',
    reason: 'limit is bounded 1 to 100 already, tighter than int32; a format added to a request parameter reads to diff tools as a breaking change',
    places: ['/components/parameters/PageLimit/schema'],
  },
  {
    rule: 'owasp:api4:2023-array-limit',
    reason: "one entry per item of the request, whose array has maxItems 100 (x-limits.maxBatchItems): a response maxItems would repeat that figure, and diff tools read a response maxItems added as a list now cut",
    places: [
      '/components/schemas/SnippetBatchResponse/properties/data/properties/snippets',
      '/components/schemas/SnippetBatchResponse/properties/data/properties/errors',
      '/components/schemas/BatchDeleteResponse/properties/data/properties/deletedIds',
      '/components/schemas/FolderBatchResponse/properties/data/properties/folders',
      '/components/schemas/FolderBatchResponse/properties/data/properties/errors',
      '/components/schemas/TagBatchResponse/properties/data/properties/tags',
      '/components/schemas/TagBatchResponse/properties/data/properties/errors',
    ],
  },
  {
    rule: 'owasp:api4:2023-array-limit',
    reason: 'uniqueItems over an enum of two values: at most 2 items already',
    places: ['/components/schemas/VariationResponse/properties/metadata/properties/fieldsUpdated'],
  },
  {
    rule: 'owasp:api2:2023-read-restricted',
    reason: 'GET /health is public on purpose (DESIGN.md: no auth, no cost): load balancers and uptime checks call it without a key, and it tells nothing of any workspace',
    places: [`${HEALTH}/security`],
  },
  {
    rule: 'owasp:api4:2023-rate-limit',
    reason: 'GET /health counts against no key, so it has no rate-limit window to report',
    places: [`${HEALTH}/responses/200/headers`],
  },
  {
    rule: 'owasp:api4:2023-rate-limit',
    reason: 'a 401 answers a request without a valid key: there is no key whose window RateLimit-* could describe (unknown keys are blocked separately, with 403 KEY_TEMPORARILY_BLOCKED and Retry-After)',
    places: ['/components/responses/Unauthorized/headers'],
  },
  {
    rule: 'owasp:api4:2023-rate-limit-responses-429',
    reason: 'GET /health is not rate limited (no key, no cost): it never answers 429',
    places: [`${HEALTH}/responses`],
  },
  {
    rule: 'owasp:api8:2023-define-error-responses-401',
    reason: 'GET /health takes no key, so it never answers 401',
    places: [`${HEALTH}/responses`],
  },
  {
    rule: 'owasp:api8:2023-define-error-validation',
    reason: 'GET /health takes no parameters and no body: nothing to validate, no 400 (the same waiver as Redocly operation-4xx-response)',
    places: [`${HEALTH}/responses`],
  },
  {
    rule: 'owasp:api8:2023-no-server-http',
    reason: 'the only server is the reference sandbox on the loopback interface (127.0.0.1), which serves plain HTTP; a deployment behind TLS lists its own https server',
    places: ['/servers/0/url'],
  },
];

/** Spectral `overrides` turning each waived rule off at its places only. */
export function owaspOverrides(specFile) {
  return owaspWaivers.flatMap(({ rule, places }) => places.map((place) => ({ files: [`${specFile}#${place}`], rules: { [rule]: 'off' } })));
}
