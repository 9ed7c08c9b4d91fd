// Strings for the tests of src/portable: what Node's Buffer and node:crypto
// are compared with.
import fc from 'fast-check';

/** One piece of text: an ASCII, 2-byte or 3-byte character, an astral one (a surrogate pair), or a lone surrogate. */
const piece = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 0x7f }).map((c) => String.fromCharCode(c)) },
  { weight: 2, arbitrary: fc.integer({ min: 0x80, max: 0x7ff }).map((c) => String.fromCharCode(c)) },
  { weight: 2, arbitrary: fc.oneof(fc.integer({ min: 0x800, max: 0xd7ff }), fc.integer({ min: 0xe000, max: 0xffff })).map((c) => String.fromCharCode(c)) },
  { weight: 2, arbitrary: fc.integer({ min: 0x10000, max: 0x10ffff }).map((c) => String.fromCodePoint(c)) },
  { weight: 1, arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)) },
);

/** Any string, well-formed or not; at most `maxPieces` pieces (up to twice as many code units). */
export const anyText = (maxPieces = 200) => fc.array(piece, { maxLength: maxPieces }).map((pieces) => pieces.join(''));

/** Characters of 1 to 4 UTF-8 bytes, and lone surrogates (3 bytes, as U+FFFD), each with its size in bytes. */
export const fillers: Array<{ name: string; text: string; bytes: number }> = [
  { name: 'ASCII', text: 'a', bytes: 1 },
  { name: 'é', text: 'é', bytes: 2 },
  { name: '€', text: '€', bytes: 3 },
  { name: 'an astral character', text: '😀', bytes: 4 },
  { name: 'a lone high surrogate', text: '\ud800', bytes: 3 },
  { name: 'a lone low surrogate', text: '\udfff', bytes: 3 },
  // A character between the two, or repeating would make a pair of the high and the next low.
  { name: 'a low then a high surrogate (two lone ones), then é', text: '\udc00\ud83dé', bytes: 8 },
];

/**
 * Strings of exactly `bytes` UTF-8 bytes made of `filler` and ASCII, in both
 * orders (so the filler's bytes fall at different places around a block boundary).
 */
export function textsOfBytes(filler: { text: string; bytes: number }, bytes: number): string[] {
  const count = Math.floor(bytes / filler.bytes);
  const repeated = filler.text.repeat(count);
  const ascii = 'x'.repeat(bytes - count * filler.bytes);
  return [repeated + ascii, ascii + repeated];
}
