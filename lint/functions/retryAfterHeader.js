// Why: clients and the verifier back off on 429 (rate limit) and 503
// (unavailable) by the Retry-After header; a 429/503 response that does not
// declare it leaves clients guessing, and the client's retry loop depends on it.
import { createRulesetFunction } from '@stoplight/spectral-core';
import { findHeader, resolveLocal } from '../lib/oas.js';

export default createRulesetFunction(
  {
    input: { type: 'object' },
    options: {
      type: ['object', 'null'],
      additionalProperties: false,
      properties: { statuses: { type: 'array', items: { type: 'string' } } },
    },
  },
  function retryAfterHeader(responses, options, context) {
    const statuses = options?.statuses ?? ['429', '503'];
    const root = context.document.data;
    const results = [];
    for (const status of statuses) {
      if (!(status in responses)) continue;
      const { value, path } = resolveLocal(root, responses[status], [...context.path, status]);
      if (value === undefined) continue;
      if (findHeader(value, 'Retry-After') === null) {
        results.push({
          message: `A ${status} response must declare the Retry-After header.`,
          path: value.headers === undefined ? path : [...path, 'headers'],
        });
      }
    }
    return results;
  },
);
