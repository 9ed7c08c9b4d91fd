// Why: the docs, the verifier and `Prefer`-style tooling pick an error
// example by its name; naming each error example after the code it shows
// (BadRequest's `PARAMETER_MISSING` example has `code: PARAMETER_MISSING`)
// keeps that lookup trivial and makes a copy-paste mistake visible.
import { createRulesetFunction } from '@stoplight/spectral-core';
import { isErrorResponse, isObject, responseDefinitions, responseExamples } from '../lib/oas.js';

export default createRulesetFunction({ input: null, options: null }, function errorExampleName(root) {
  const results = [];
  for (const definition of responseDefinitions(root)) {
    if (!isErrorResponse(definition)) continue;
    for (const example of responseExamples(root, definition)) {
      if (example.name === null) continue; // a singular `example` has no name
      const code = isObject(example.value) ? example.value.code : undefined;
      if (example.name !== code) {
        results.push({
          message: `Error example "${example.name}" must be named after its code (${code === undefined ? 'it has none' : code}).`,
          path: example.namePath,
        });
      }
    }
  }
  return results;
});
