import { describe, expect, it } from 'vitest';
import { validateErrorResponse } from '../../generated/validators.js';

const valid = {
  success: false,
  code: 'QUOTA_INSUFFICIENT',
  message: 'Insufficient API requests',
  requestId: 'req_0123456789abcdef',
  usage: { remainingRequests: 0, requiredRequests: 3 },
};

function without<T extends object>(body: T, key: keyof T): Partial<T> {
  const copy = { ...body };
  delete copy[key];
  return copy;
}

describe('the generated ErrorResponse validator', () => {
  it('accepts a well-formed error body', () => {
    expect(validateErrorResponse(valid)).toBe(true);
  });

  it.each([
    ['without success', without(valid, 'success'), 'required', ''],
    ['with success: true', { ...valid, success: true }, 'const', '/success'],
    ['with a code missing from the catalog', { ...valid, code: 'TEAPOT' }, 'enum', '/code'],
    ['without requestId', without(valid, 'requestId'), 'required', ''],
    ['without code', without(valid, 'code'), 'required', ''],
    ['with an undocumented extra field', { ...valid, stack: 'Error: at handler.js:10' }, 'additionalProperties', ''],
    ['with a requestId that is not an id', { ...valid, requestId: '<html>' }, 'pattern', '/requestId'],
    ['with a negative quota', { ...valid, usage: { remainingRequests: -1, requiredRequests: 3 } }, 'minimum', '/usage/remainingRequests'],
    ['with an empty details list', { ...valid, details: [] }, 'minItems', '/details'],
  ])('rejects a body %s, naming the keyword and the place', (_name, body, keyword, instancePath) => {
    expect(validateErrorResponse(body)).toBe(false);
    expect(validateErrorResponse.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ keyword, instancePath })]),
    );
  });

  it('rejects what is not an object at all', () => {
    for (const body of [null, 'Internal Server Error', ['error'], 500]) expect(validateErrorResponse(body)).toBe(false);
  });
});
