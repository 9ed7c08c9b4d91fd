// Why: consumers branch on one error envelope per status, and the verifier
// drives every operation through the shared error scenarios. An authenticated
// operation must therefore reference the *shared* component responses for
// 400/401/403/429/500 (and 404 when it looks something up by id) instead of
// omitting them or restating them inline, where they would drift. Runs on the
// unresolved document: only there is a `$ref` visible.
import { createRulesetFunction } from '@stoplight/spectral-core';
import { componentResponseName, isObject, resolveLocal } from '../lib/oas.js';

const DEFAULTS = {
  statuses: ['400', '401', '403', '429', '500'],
  idStatus: '404',
  idParameterPattern: '^id$|Id$',
  ignoreIdParameters: [],
};

// An operation is authenticated when its effective security (its own
// `security`, else the root's) has a requirement naming at least one scheme.
// `[]` and `[{}]` both mean anonymous access is allowed.
function isAuthenticated(operation, root) {
  const security = operation.security !== undefined ? operation.security : root.security;
  return Array.isArray(security) && security.some((req) => isObject(req) && Object.keys(req).length > 0);
}

function idParameters(root, operation, pathItem, path, options) {
  const pattern = new RegExp(options.idParameterPattern);
  const names = [];
  const lists = [
    [pathItem.parameters, [...path.slice(0, 2), 'parameters']],
    [operation.parameters, [...path, 'parameters']],
  ];
  for (const [list, listPath] of lists) {
    if (!Array.isArray(list)) continue;
    list.forEach((raw, index) => {
      const { value } = resolveLocal(root, raw, [...listPath, index]);
      if (!isObject(value) || typeof value.name !== 'string') return;
      if (pattern.test(value.name) && !options.ignoreIdParameters.includes(value.name)) names.push(value.name);
    });
  }
  return names;
}

export default createRulesetFunction(
  {
    input: { type: 'object' },
    options: {
      type: ['object', 'null'],
      additionalProperties: false,
      properties: {
        statuses: { type: 'array', items: { type: 'string' } },
        idStatus: { type: 'string' },
        idParameterPattern: { type: 'string' },
        ignoreIdParameters: { type: 'array', items: { type: 'string' } },
      },
    },
  },
  function sharedErrorResponses(operation, opts, context) {
    const options = { ...DEFAULTS, ...(opts ?? {}) };
    const root = context.document.data;
    if (!isAuthenticated(operation, root)) return [];

    const path = context.path;
    const { value: pathItem } = resolveLocal(root, root.paths[path[1]], path.slice(0, 2));
    const required = options.statuses.map((status) => [status, null]);
    const ids = idParameters(root, operation, isObject(pathItem) ? pathItem : {}, path, options);
    if (ids.length > 0) required.push([options.idStatus, ids]);

    const responses = isObject(operation.responses) ? operation.responses : {};
    const results = [];
    for (const [status, idNames] of required) {
      const why = idNames === null ? 'the operation is authenticated' : `it takes an id (${idNames.join(', ')})`;
      if (!(status in responses)) {
        results.push({
          message: `Operation lacks the shared ${status} response, required because ${why}.`,
          path: [...path, 'responses'],
        });
      } else if (componentResponseName(responses[status]) === null) {
        results.push({
          message: `Response ${status} must be a $ref to the shared #/components/responses/... (required because ${why}).`,
          path: [...path, 'responses', status],
        });
      }
    }
    return results;
  },
);
