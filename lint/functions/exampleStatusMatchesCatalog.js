// Why: the catalog fixes each code's HTTP status, and clients fall back on the
// status for codes they do not know. An example showing a code under another
// status (RATE_LIMIT_EXCEEDED in a 400, say) contradicts the catalog and
// misleads whoever implements or consumes the API.
import { createRulesetFunction } from '@stoplight/spectral-core';
import { errorCatalog, isObject, responseDefinitions, responseExamples } from '../lib/oas.js';

// '404' matches 404; '4XX' matches any 4xx; 'default' matches anything.
function statusMatches(responseStatus, catalogStatus) {
  const status = String(responseStatus);
  if (/^\d{3}$/.test(status)) return Number(status) === catalogStatus;
  if (/^\dXX$/i.test(status)) return String(catalogStatus)[0] === status[0];
  return true;
}

export default createRulesetFunction({ input: null, options: null }, function exampleStatusMatchesCatalog(root) {
  const catalog = errorCatalog(root);
  if (catalog === null) return [];
  const results = [];
  for (const definition of responseDefinitions(root)) {
    const statuses = [...new Set(definition.usages.map((usage) => usage.status).filter((s) => s !== null))];
    if (statuses.length === 0) continue;
    for (const example of responseExamples(root, definition)) {
      const code = isObject(example.value) ? example.value.code : undefined;
      if (typeof code !== 'string' || !Object.hasOwn(catalog, code) || !isObject(catalog[code])) continue;
      const catalogStatus = catalog[code].status;
      if (!Number.isInteger(catalogStatus)) continue; // snippets-error-catalog-entry reports it
      for (const status of statuses) {
        if (!statusMatches(status, catalogStatus)) {
          results.push({
            message: `Example code ${code} has catalog status ${catalogStatus} but is an example of a ${status} response.`,
            path: [...example.valuePath, 'code'],
          });
        }
      }
    }
  }
  return results;
});
