// Ten changes spread over the real openapi.yaml, one per area the diff looks
// at, with the rule each should raise. The diff benchmark times diffing
// against them; test/diff/real-spec.test.ts checks that each one is found.
import type { RuleId } from '../../src/contract/diff/rules.ts';

type Doc = Record<string, any>;

export const TEN_CHANGES: { rule: RuleId; change: (doc: Doc) => void }[] = [
  { rule: 'operation-removed', change: (d) => delete d.paths['/api/prompts/tags'].delete },
  { rule: 'operation-id-changed', change: (d) => (d.paths['/api/prompts/folder'].get.operationId = 'readFolder') },
  { rule: 'request-max-length-decreased', change: (d) => (d.components.schemas.CreateSnippetRequest.properties.title.maxLength = 100) },
  { rule: 'request-parameter-added-required', change: (d) => d.paths['/api/prompts/snippet/variation/history'].get.parameters.push({ name: 'since', in: 'query', required: true, schema: { type: 'string', format: 'date-time' } }) },
  { rule: 'response-property-removed', change: (d) => delete d.components.schemas.Tag.properties.updatedAt },
  { rule: 'response-header-removed', change: (d) => delete d.components.responses.TooManyRequests.headers['Retry-After'] },
  { rule: 'error-code-status-changed', change: (d) => (d['x-error-catalog'].TAG_NOT_FOUND.status = 410) },
  { rule: 'error-code-added', change: (d) => {
    d['x-error-catalog'].FOLDER_LOCKED = { ...d['x-error-catalog'].FOLDER_NOT_FOUND, status: 409, summary: 'The folder is locked.' };
    d.components.schemas.ErrorCode.enum.push('FOLDER_LOCKED');
  } },
  { rule: 'response-enum-value-added', change: (d) => d.components.schemas.VariationHistoryEntry.properties.change.enum.push('restored') },
  { rule: 'text-changed', change: (d) => (d.paths['/api/prompts/snippet'].get.description = 'Returns one snippet.') },
];
