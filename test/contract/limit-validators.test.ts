// generated/limit-validators.js, checked against the spec itself: every
// maxItems of every request body and query parameter, wherever it sits, is
// enforced by the limits validator alone, and so is every closed object's set
// of keys. A schema shape the limits generator does not understand fails here
// (or at generation) rather than letting an array through unchecked.
import { describe, expect, it } from 'vitest';
import { parameterLimitValidators, requestBodyLimitValidators, type Validator } from '../../generated/validators.js';
import { deref, isObject, jsonBodySchema, listOperations, type Json, type JsonObject } from '../../scripts/lib/spec.ts';
import { spec } from '../helpers/spec.ts';

interface Limited {
  /** JSON pointer of the array in the data. */
  pointer: string;
  /** The smallest data that holds just that array, one item past its maxItems. */
  data: Json;
  keyword: 'maxItems' | 'additionalProperties';
}

/** Every array with maxItems and every closed object under `schema`, each with data that breaks it alone. */
function limitedPlaces(schema: Json, wrap: (inner: Json) => Json, pointer: string, seen: Set<Json> = new Set()): Limited[] {
  const node = deref(spec, schema);
  if (!isObject(node) || seen.has(node)) return [];
  const inPath = new Set(seen).add(node);
  const found: Limited[] = [];
  if (typeof node.maxItems === 'number') {
    found.push({ pointer, keyword: 'maxItems', data: wrap(Array.from({ length: node.maxItems + 1 }, () => null)) });
  }
  if (node.items !== undefined) found.push(...limitedPlaces(node.items, (inner) => wrap([inner]), `${pointer}/0`, inPath));
  if (isObject(node.properties)) {
    for (const [name, sub] of Object.entries(node.properties)) {
      found.push(...limitedPlaces(sub, (inner) => wrap({ [name]: inner }), `${pointer}/${name}`, inPath));
    }
  }
  if (node.additionalProperties === false) found.push({ pointer, keyword: 'additionalProperties', data: wrap({ 'not a field': 1 }) });
  return found;
}

function expectRefused(validate: Validator<unknown> | undefined, place: Limited, where: string): void {
  expect(validate, `${where} has no limits validator`).toBeTypeOf('function');
  expect(validate!(place.data), `${where}: ${JSON.stringify(place.data).slice(0, 200)}`).toBe(false);
  expect(validate!.errors, where).toEqual([expect.objectContaining({ instancePath: place.pointer, keyword: place.keyword })]);
}

const operations = listOperations(spec as JsonObject);

describe('the limits validators', () => {
  it('refuse, alone, every request body array past its maxItems and every unknown key', () => {
    let arrays = 0;
    for (const op of operations) {
      const schema = op.requestBody && jsonBodySchema(op.requestBody);
      if (schema === undefined) continue;
      for (const place of limitedPlaces(schema, (inner) => inner, '')) {
        arrays += place.keyword === 'maxItems' ? 1 : 0;
        expectRefused((requestBodyLimitValidators as Record<string, Validator<unknown>>)[op.operationId], place, `${op.operationId} body ${place.pointer}`);
      }
    }
    // Batches, tagIds and additionalVariations, in every operation that has them.
    expect(arrays).toBeGreaterThanOrEqual(9);
  });

  it('refuse, alone, every query parameter array past its maxItems and every unknown query parameter', () => {
    let arrays = 0;
    for (const op of operations) {
      const query = op.parameters.filter((p) => p.in === 'query');
      const places = [
        ...query.flatMap((p) => limitedPlaces(p.schema!, (inner) => ({ query: { [String(p.name)]: inner }, header: {} }), `/query/${String(p.name)}`)),
        { pointer: '/query', keyword: 'additionalProperties' as const, data: { query: { 'not a parameter': '1' }, header: {} } },
      ];
      for (const place of places) {
        arrays += place.keyword === 'maxItems' ? 1 : 0;
        expectRefused((parameterLimitValidators as Record<string, Validator<unknown>>)[op.operationId], place, `${op.operationId} parameters ${place.pointer}`);
      }
    }
    expect(arrays).toBeGreaterThanOrEqual(5);
  });

  it('accept what is within the limits whatever else is wrong with it, so that the full validator reports it', () => {
    const validate = requestBodyLimitValidators.createSnippets;
    expect(validate({ snippets: [{ title: 5, tagIds: 'x', additionalVariations: [{ content: 7 }] }] })).toBe(true);
    expect(validate('not an object')).toBe(true);
  });
});
