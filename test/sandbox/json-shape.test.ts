// The shape check that runs before a body is parsed (json-shape.ts): brackets
// and commas inside strings, escaped quotes and escaped backslashes do not count.
import { describe, expect, it } from 'vitest';
import { exceedsShape } from '../../src/sandbox/json-shape.ts';

describe('the shape of a JSON text, before parsing', () => {
  it.each([
    ['brackets and commas inside a string', '{"a":"[[[[,,,,","b":[1,2]}', 2, 6, undefined],
    ['a string ending in an escaped backslash', '{"a":"x\\\\"}', 1, 100, undefined],
    ['an escaped quote, then brackets, inside a string', '{"a":"x\\"[[[["}', 1, 100, undefined],
    ['three backslashes and a quote, then brackets, inside a string', '{"a":"\\\\\\"[[["}', 1, 100, undefined],
    ['nesting past the depth', '[[[1]]]', 2, 100, 'depth'],
    ['nesting at the depth', '[[1]]', 2, 100, undefined],
    ['more tokens than allowed', '[1,2,3,4]', 5, 4, 'values'],
    ['as many tokens as allowed', '[1,2,3]', 5, 4, undefined],
    ['an unterminated string', '{"a":"[[[[', 1, 100, undefined],
  ] as const)('%s', (_name, text, depth, tokens, expected) => {
    expect(exceedsShape(text, depth, tokens)).toBe(expected);
  });
});
