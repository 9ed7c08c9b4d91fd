import { describe, expect, it } from 'vitest';
import { limits } from '../../generated/limits.js';
import { isObject, type Json } from '../../scripts/lib/spec.ts';
import { spec } from '../helpers/spec.ts';

function batchArrays(node: Json, path = ''): Array<[string, Json]> {
  if (Array.isArray(node)) return node.flatMap((item, i) => batchArrays(item, `${path}/${i}`));
  if (!isObject(node)) return [];
  const here: Array<[string, Json]> = node['x-batch'] === true ? [[path, node]] : [];
  return [...here, ...Object.entries(node).flatMap(([key, value]) => batchArrays(value, `${path}/${key}`))];
}

describe('x-limits', () => {
  it('bounds every batch array of the spec by maxBatchItems', () => {
    const arrays = batchArrays(spec);
    expect(arrays.length).toBeGreaterThanOrEqual(7);
    for (const [path, schema] of arrays) {
      expect(schema, path).toMatchObject({ type: 'array', minItems: 1, maxItems: limits.maxBatchItems });
    }
  });

  it('matches the prose of the document', () => {
    const description = String((spec.info as { description: string }).description);
    expect(description).toContain(`${limits.rateLimitPerMinute} requests per rolling minute`);
    expect(description).toMatch(new RegExp(`wait ${limits.keyBlockSeconds} seconds`));
  });
});
