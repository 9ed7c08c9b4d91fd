// Why: every error status must be described once, as a component response,
// so that all operations answer it with the same envelope, headers and
// examples. An inline error response is a copy that will drift from the rest.
import { createRulesetFunction } from '@stoplight/spectral-core';
import { COMPONENT_RESPONSE_PREFIX, componentResponseName, isErrorStatus } from '../lib/oas.js';

export default createRulesetFunction(
  { input: { type: 'object' }, options: null },
  function errorResponseRef(responses, _options, context) {
    const results = [];
    for (const [status, response] of Object.entries(responses)) {
      if (!isErrorStatus(status)) continue;
      if (componentResponseName(response) === null) {
        results.push({
          message: `Error response ${status} must be a $ref to ${COMPONENT_RESPONSE_PREFIX}<Name>, not an inline response.`,
          path: [...context.path, status],
        });
      }
    }
    return results;
  },
);
