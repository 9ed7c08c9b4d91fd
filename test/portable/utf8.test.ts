import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countUtf8Length, utf8Length } from '../../src/portable/utf8.ts';
import { anyText, fillers, textsOfBytes } from './text-samples.ts';

// utf8Length is Buffer.byteLength where there is a Buffer (here); what runs
// without one, the count from the code units, is tested against it.
describe.each([
  ['utf8Length', utf8Length],
  ['countUtf8Length (no Buffer)', countUtf8Length],
])('%s', (_name, utf8Length) => {
  it.each([
    ['the empty string', '', 0],
    ['ASCII', 'abc', 3],
    ['a 2-byte character', 'é', 2],
    ['the last 2-byte character', '\u07ff', 2],
    ['the first 3-byte character', '\u0800', 3],
    ['the last BMP character', '\uffff', 3],
    ['a surrogate pair', '😀', 4],
    ['a lone high surrogate', '\ud800', 3],
    ['a lone low surrogate', '\udfff', 3],
    ['a lone high surrogate at the end', 'a\udbff', 4],
    ['two high surrogates then a low one', '\ud800\ud800\udc00', 7],
    ['a low surrogate before a high one', '\udc00\ud800', 6],
  ])('counts %s', (_what, text, bytes) => {
    expect(utf8Length(text)).toBe(bytes);
    expect(Buffer.byteLength(text, 'utf8')).toBe(bytes);
  });

  it('equals Buffer.byteLength on random strings', () => {
    fc.assert(
      fc.property(anyText(), (text) => utf8Length(text) === Buffer.byteLength(text, 'utf8')),
      { numRuns: 5_000 },
    );
  });

  it('equals Buffer.byteLength on strings of every length to 100 bytes, of each kind of character', () => {
    for (const filler of fillers) {
      for (let bytes = 0; bytes <= 100; bytes++) {
        for (const text of textsOfBytes(filler, bytes)) expect(utf8Length(text), filler.name).toBe(bytes);
      }
    }
  });
});
