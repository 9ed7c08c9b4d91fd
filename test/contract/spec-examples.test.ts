import { describe, expect, it } from 'vitest';
import { requestBodyValidators, validateErrorResponse, validatorFor } from '../../generated/validators.js';
import { isObject } from '../../scripts/lib/spec.ts';
import { exampleSites, unmatchedExampleSites } from '../helpers/examples.ts';
import { spec } from '../helpers/spec.ts';

const sites = exampleSites(spec);
const unmatched = unmatchedExampleSites(spec);

function validatorForSite(operationId: string, status: string) {
  if (status === 'request') return requestBodyValidators[operationId as keyof typeof requestBodyValidators];
  return validatorFor(operationId, status);
}

describe('examples in openapi.yaml', () => {
  it('exist for every operation, for its request body and its success response', () => {
    const operationIds = new Set(sites.map((s) => s.operationId));
    const withSuccessExample = new Set(sites.filter((s) => /^2\d\d$/.test(s.status)).map((s) => s.operationId));
    const withRequestExample = new Set(sites.filter((s) => s.status === 'request').map((s) => s.operationId));
    expect([...operationIds].filter((id) => !withSuccessExample.has(id))).toEqual([]);
    expect(Object.keys(requestBodyValidators).filter((id) => !withRequestExample.has(id))).toEqual([]);
    expect(operationIds.size).toBeGreaterThanOrEqual(29);
  });

  it.each(sites.map((s) => [s.where, s] as const))('%s validates against its own schema', (_where, site) => {
    const validate = validatorForSite(site.operationId, site.status);
    expect(validate, `no generated validator for ${site.where}`).toBeTypeOf('function');
    const ok = validate!(site.value);
    expect(validate!.errors ?? [], site.where).toEqual([]);
    expect(ok).toBe(true);
  });

  it.each(unmatched.map((s) => [s.where, s] as const))('%s is a valid ErrorResponse', (_where, site) => {
    expect(validateErrorResponse(site.value), JSON.stringify(validateErrorResponse.errors)).toBe(true);
  });

  it('are really checked: a broken copy of each kind of example is rejected', () => {
    const success = sites.find((s) => s.operationId === 'getSnippet' && s.status === '200')!;
    const error = sites.find((s) => s.operationId === 'getSnippet' && s.status === '404')!;
    const request = sites.find((s) => s.operationId === 'createSnippet' && s.status === 'request')!;
    const broken = (value: unknown, edit: (copy: Record<string, any>) => void) => {
      const copy = structuredClone(value) as Record<string, any>;
      edit(copy);
      return copy;
    };
    expect(validatorFor('getSnippet', 200)!(broken(success.value, (b) => (b.data.variations[0].id = 'not-a-uuid')))).toBe(false);
    expect(validatorFor('getSnippet', 200)!(broken(success.value, (b) => (b.data.createdAt = '2026-13-45T99:00:00Z')))).toBe(false);
    expect(validatorFor('getSnippet', 404)!(broken(error.value, (b) => delete b.requestId))).toBe(false);
    expect(requestBodyValidators.createSnippet(broken(request.value, (b) => (b.title = 'x'.repeat(201))))).toBe(false);
    expect(isObject(success.value)).toBe(true);
  });
});
