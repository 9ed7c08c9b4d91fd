// Why: examples are documentation that consumers copy. An example `code` that
// is not in x-error-catalog teaches a code the server never sends (and that
// the generated catalog module, client messages and docs page do not know).
// Checks the top-level `code` of every response example and the per-item
// codes of a batch's `data.errors`.
import { createRulesetFunction } from '@stoplight/spectral-core';
import { errorCatalog, isObject, responseDefinitions, responseExamples } from '../lib/oas.js';

function* codesOf(value, valuePath) {
  if (!isObject(value)) return;
  if ('code' in value) yield [value.code, [...valuePath, 'code']];
  const errors = isObject(value.data) ? value.data.errors : undefined;
  if (Array.isArray(errors)) {
    for (const [index, item] of errors.entries()) {
      if (isObject(item) && 'code' in item) yield [item.code, [...valuePath, 'data', 'errors', index, 'code']];
    }
  }
}

export default createRulesetFunction({ input: null, options: null }, function exampleCodeKnown(root) {
  const catalog = errorCatalog(root);
  if (catalog === null) return []; // snippets-error-catalog-entry reports a missing catalog
  const results = [];
  for (const definition of responseDefinitions(root)) {
    for (const example of responseExamples(root, definition)) {
      for (const [code, path] of codesOf(example.value, example.valuePath)) {
        if (typeof code !== 'string' || !Object.hasOwn(catalog, code)) {
          results.push({ message: `Example code ${JSON.stringify(code)} is not in x-error-catalog.`, path });
        }
      }
    }
  }
  return results;
});
