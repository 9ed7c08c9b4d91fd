// Strings of an exact length in code points, as JSON Schema counts
// minLength and maxLength: an emoji outside the Basic Multilingual Plane is
// one character (two UTF-16 units, four UTF-8 bytes), and a combining mark
// is a character of its own. A server that counts UTF-16 units or bytes, or
// normalises what it stores, shows it at these boundaries.
import type { Random } from './random.ts';

export type Alphabet = 'ascii' | 'astral' | 'combining' | 'bmp' | 'mixed';

// Printable ASCII with the characters a shell or a JSON encoder must take care of.
const ASCII = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -_.,:;!?\'"$`\\/&%#@()[]{}<>*+=~^|';
// Outside the BMP: emoji, a musical symbol, a CJK extension B ideograph, a mathematical letter.
const ASTRAL = ['😀', '🎉', '🚀', '🐙', '𝄞', '𠀋', '𝒜', '🧪', '🏳', '🦀'];
const BASES = 'aeiouncAEIOU';
// Combining acute, diaeresis, cedilla, tilde, ring above, enclosing circle.
const MARKS = ['\u0301', '\u0308', '\u0327', '\u0303', '\u030a', '\u20dd'];
// In the BMP but not ASCII: Latin-1, Cyrillic, Greek, CJK, Arabic, the euro sign.
const BMP = ['é', 'ß', 'ж', 'Ω', '中', '文', '€', 'ع', 'ñ', 'ø'];

export const codePointLength = (text: string): number => {
  let count = 0;
  for (const _ of text) count++;
  return count;
};

/** The first `length` code points of `text`. */
export function prefix(text: string, length: number): string {
  let out = '';
  let count = 0;
  for (const char of text) {
    if (count++ === length) break;
    out += char;
  }
  return out;
}

const KINDS = ['ascii', 'astral', 'combining', 'bmp'] as const;

/** One code point of `alphabet` at position `i` (combining strings alternate a base letter and a mark). */
function char(rng: Random, alphabet: Exclude<Alphabet, 'mixed'>, i: number): string {
  const r = rng.next();
  switch (alphabet) {
    case 'ascii':
      return ASCII[r % ASCII.length]!;
    case 'astral':
      return ASTRAL[r % ASTRAL.length]!;
    case 'bmp':
      return BMP[r % BMP.length]!;
    case 'combining':
      // A mark after a base letter; the string starts with a base, so no mark dangles at the front.
      return i % 2 === 0 ? BASES[r % BASES.length]! : MARKS[r % MARKS.length]!;
  }
}

/** Past this many code points a string repeats a random block of this size: its length and make-up are what a boundary case is about, and drawing 50 000 characters one by one is most of a run's drawing time. */
const BLOCK = 1024;

/** A string of exactly `length` code points drawn from `alphabet`. */
export function text(rng: Random, length: number, alphabet: Alphabet): string {
  if (length > BLOCK) return text(rng, BLOCK, alphabet).repeat(Math.floor(length / BLOCK)) + text(rng, length % BLOCK, alphabet);
  let out = '';
  for (let i = 0; i < length; i++) out += char(rng, alphabet === 'mixed' ? KINDS[rng.next() & 3]! : alphabet, i);
  return out;
}

/** Plain words, for values whose content does not matter (names of setup resources, optional extras). */
export function words(rng: Random, length: number): string {
  let out = '';
  while (out.length < length) out += (out ? ' ' : '') + rng.pick(['alpha', 'beta', 'gamma', 'delta', 'verifier', 'snippet', 'reply', 'draft']);
  return out.slice(0, length).trimEnd().padEnd(length, 'x');
}

/** The same number of code points, each one outside ASCII replaced by a letter: what shrinking tries to see whether the characters matter. */
export function simplify(text: string): string {
  let out = '';
  for (const char of text) out += char.length === 1 && char.charCodeAt(0) < 0x7f ? char : 'a';
  return out;
}

export const isAscii = (text: string): boolean => /^[\x20-\x7e]*$/.test(text);
