// `x-unknown-query-parameters: refused` is the one place the contract says
// that an undeclared query parameter is refused: the generated parameter
// validators follow it (and only it), and the sandbox answers 400
// FIELD_UNKNOWN for one.
import { describe, expect, it } from 'vitest';
import { parametersSchema, refusesUnknownQueryParameters } from '../../scripts/lib/gen-validators.ts';
import { loadSpec } from '../../scripts/lib/spec.ts';
import { parameterValidators } from '../../generated/validators.js';
import { join } from 'node:path';

const doc = loadSpec(join(import.meta.dirname, '..', '..', 'openapi.yaml'));

describe('x-unknown-query-parameters', () => {
  it('openapi.yaml says refused, and the generated validators refuse an undeclared query parameter', () => {
    expect(refusesUnknownQueryParameters(doc)).toBe(true);
    const validate = parameterValidators.getTags!;
    expect(validate({ query: {}, header: {} })).toBe(true);
    expect(validate({ query: { colour: 'red' }, header: {} })).toBe(false);
  });

  it('without it, the schema a generator builds lets one through (the fact is read, not assumed)', () => {
    const limit = { name: 'limit', in: 'query', schema: { type: 'integer' } };
    expect(parametersSchema([limit], true).properties).toMatchObject({ query: { additionalProperties: false } });
    expect((parametersSchema([limit], false) as { properties: { query: object } }).properties.query).not.toHaveProperty('additionalProperties');
    expect(refusesUnknownQueryParameters({ ...doc, 'x-unknown-query-parameters': 'ignored' })).toBe(false);
  });
});
