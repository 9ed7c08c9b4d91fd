// Why: every response, success or error, carries X-Request-Id (equal to
// `requestId` in error bodies); support and the verifier correlate by it.
// Declaring it through the one shared header component keeps its schema and
// description identical everywhere. Runs on the unresolved document so the
// `$ref` can be checked; each response is reported once, where it is written.
import { createRulesetFunction } from '@stoplight/spectral-core';
import { findHeader, isObject, responseDefinitions } from '../lib/oas.js';

const HEADER_REF = '#/components/headers/X-Request-Id';

export default createRulesetFunction({ input: null, options: null }, function requestIdHeader(root) {
  const results = [];
  for (const definition of responseDefinitions(root)) {
    const found = findHeader(definition.response, 'X-Request-Id');
    if (found === null) {
      results.push({
        message: `Response must declare the X-Request-Id header ($ref: '${HEADER_REF}').`,
        path: isObject(definition.response.headers) ? [...definition.path, 'headers'] : definition.path,
      });
    } else if (!isObject(found[1]) || found[1].$ref !== HEADER_REF || found[0] !== 'X-Request-Id') {
      results.push({
        message: `The X-Request-Id header must be declared as X-Request-Id: { $ref: '${HEADER_REF}' }.`,
        path: [...definition.path, 'headers', found[0]],
      });
    }
  }
  return results;
});
