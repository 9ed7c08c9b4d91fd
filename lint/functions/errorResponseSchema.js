// Why: the error contract says every non-2xx body is one envelope,
// ErrorResponse. Generated types, validators and the client's typed errors all
// rely on each error component response pointing at exactly that schema,
// rather than a look-alike or an inline copy. Runs on the unresolved document
// so that the `$ref` itself can be checked.
import { createRulesetFunction } from '@stoplight/spectral-core';
import { isErrorResponse, isObject, responseDefinitions } from '../lib/oas.js';

const ERROR_SCHEMA_REF = '#/components/schemas/ErrorResponse';

export default createRulesetFunction({ input: null, options: null }, function errorResponseSchema(root) {
  const results = [];
  for (const definition of responseDefinitions(root)) {
    if (definition.path[0] !== 'components' || !isErrorResponse(definition)) continue;
    const name = definition.path[2];
    const content = definition.response.content;
    if (!isObject(content) || Object.keys(content).length === 0) {
      results.push({
        message: `Error response component ${name} has no body; it must carry a ${ERROR_SCHEMA_REF} body.`,
        path: definition.path,
      });
      continue;
    }
    for (const [mediaType, media] of Object.entries(content)) {
      const schema = isObject(media) ? media.schema : undefined;
      if (!isObject(schema) || schema.$ref !== ERROR_SCHEMA_REF) {
        results.push({
          message: `Error response component ${name} (${mediaType}) must have schema $ref: '${ERROR_SCHEMA_REF}'.`,
          path: [...definition.path, 'content', mediaType, ...(isObject(schema) ? ['schema'] : [])],
        });
      }
    }
  }
  return results;
});
