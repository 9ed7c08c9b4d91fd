// House lint rules of the Snippets API contract (issue 2).
//
// `npx spectral lint openapi.yaml` picks this file up by default (it is the
// only .spectral.* file at the repository root). It extends spectral:oas
// "recommended" and adds the rules that encode the contract, all errors, so
// that an edit cannot quietly break it. The custom functions live in
// lint/functions/, one per file, each saying why it exists.
//
// Rules that must see `$ref`s as written (is this response *shared*?) run on
// the unresolved document (`resolved: false`); the functions follow local refs
// themselves and report each problem once, where it is written.
import { oas } from '@stoplight/spectral-rulesets';
import owasp from '@stoplight/spectral-owasp-ruleset';
import { pattern, truthy } from '@stoplight/spectral-functions';

import errorCatalogEntry from './lint/functions/errorCatalogEntry.js';
import errorCodeEnumMatchesCatalog from './lint/functions/errorCodeEnumMatchesCatalog.js';
import errorExampleName from './lint/functions/errorExampleName.js';
import errorResponseRef from './lint/functions/errorResponseRef.js';
import errorResponseSchema from './lint/functions/errorResponseSchema.js';
import exampleCodeKnown from './lint/functions/exampleCodeKnown.js';
import exampleStatusMatchesCatalog from './lint/functions/exampleStatusMatchesCatalog.js';
import requestCost from './lint/functions/requestCost.js';
import requestIdHeader from './lint/functions/requestIdHeader.js';
import retryAfterHeader from './lint/functions/retryAfterHeader.js';
import sharedErrorResponses from './lint/functions/sharedErrorResponses.js';
import { owaspOverrides } from './lint/owasp-waivers.js';

const OPERATIONS = '$.paths[*][get,put,post,delete,options,head,patch,trace]';

export default {
  // OWASP's API security rules (issue 19), every one: what the spec does not
  // fix is waived for its places, with the reason, in lint/owasp-waivers.js.
  extends: [[oas, 'recommended'], [owasp, 'all']],
  overrides: owaspOverrides('openapi.yaml'),
  rules: {
    // Every operation needs operationId, summary and tags: generated code,
    // the client and the docs are keyed on them. spectral:oas only warns for
    // the first and the last, and has no summary rule.
    'operation-operationId': 'error',
    'operation-tags': 'error',
    'snippets-operation-summary': {
      description: 'Every operation must have a non-empty summary.',
      message: 'Operation must have a non-empty "summary".',
      severity: 'error',
      given: OPERATIONS,
      then: [
        { field: 'summary', function: truthy },
        { field: 'summary', function: pattern, functionOptions: { match: '\\S' } },
      ],
    },

    'snippets-shared-error-responses': {
      description:
        'An authenticated operation must reference the shared 400, 401, 403, 429 and 500 component responses, and 404 when it takes an id.',
      message: '{{error}}',
      severity: 'error',
      resolved: false,
      given: OPERATIONS,
      then: {
        function: sharedErrorResponses,
        functionOptions: {
          statuses: ['400', '401', '403', '429', '500'],
          idStatus: '404',
          idParameterPattern: '^id$|Id$',
          // `teamId` on getFolders/getTags is an optional filter over the
          // teams the key holds, not a lookup: teams are no resource of this
          // API and the catalog has no TEAM_NOT_FOUND; a team the key lacks
          // (or of another workspace) is a 403 (TEAM_ACCESS_DENIED,
          // WORKSPACE_MISMATCH), so no 404 can happen.
          ignoreIdParameters: ['teamId'],
        },
      },
    },
    'snippets-error-response-ref': {
      description: 'A 4xx/5xx response of an operation must be a $ref to a shared #/components/responses/... entry.',
      message: '{{error}}',
      severity: 'error',
      resolved: false,
      given: `${OPERATIONS}.responses`,
      then: { function: errorResponseRef },
    },
    'snippets-error-response-schema': {
      description: "A component response used for errors must have the body schema $ref: '#/components/schemas/ErrorResponse'.",
      message: '{{error}}',
      severity: 'error',
      resolved: false,
      given: '$',
      then: { function: errorResponseSchema },
    },
    'snippets-retry-after-header': {
      description: 'A 429 or 503 response must declare the Retry-After header.',
      message: '{{error}}',
      severity: 'error',
      resolved: false,
      given: `${OPERATIONS}.responses`,
      then: { function: retryAfterHeader, functionOptions: { statuses: ['429', '503'] } },
    },
    'snippets-example-code-known': {
      description: 'A `code` in a response example must be a key of x-error-catalog.',
      message: '{{error}}',
      severity: 'error',
      resolved: false,
      given: '$',
      then: { function: exampleCodeKnown },
    },
    'snippets-example-status-matches-catalog': {
      description: "A response example's `code` must have, in x-error-catalog, the HTTP status of the response it illustrates.",
      message: '{{error}}',
      severity: 'error',
      resolved: false,
      given: '$',
      then: { function: exampleStatusMatchesCatalog },
    },
    'snippets-error-example-name': {
      description: "An example of an error response must be named after its value's `code`.",
      message: '{{error}}',
      severity: 'error',
      resolved: false,
      given: '$',
      then: { function: errorExampleName },
    },
    'snippets-error-catalog-entry': {
      description:
        'Each x-error-catalog entry needs status (100-599), category (one of the seed categories), summary, causes, fixes and userMessage.',
      message: '{{error}}',
      severity: 'error',
      resolved: false,
      given: '$',
      then: { function: errorCatalogEntry },
    },
    'snippets-error-code-enum': {
      description: 'components.schemas.ErrorCode.enum must equal the keys of x-error-catalog, in the same order.',
      message: '{{error}}',
      severity: 'error',
      resolved: false,
      given: '$',
      then: { function: errorCodeEnumMatchesCatalog },
    },
    'snippets-response-request-id-header': {
      description: "Every response must declare X-Request-Id: { $ref: '#/components/headers/X-Request-Id' }.",
      message: '{{error}}',
      severity: 'error',
      resolved: false,
      given: '$',
      then: { function: requestIdHeader },
    },
    'snippets-request-cost': {
      description: 'Every operation must have x-request-cost, and its description a line "Cost: <that value>".',
      message: '{{error}}',
      severity: 'error',
      resolved: false,
      given: OPERATIONS,
      then: { function: requestCost },
    },
  },
};
