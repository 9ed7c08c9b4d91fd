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

/** A string of exactly `length` code points drawn from `alphabet`. */
export function text(rng: Random, length: number, alphabet: Alphabet): string {
  const parts: string[] = [];
  for (let i = 0; i < length; i++) {
    const kind = alphabet === 'mixed' ? rng.pick(['ascii', 'astral', 'combining', 'bmp'] as const) : alphabet;
    switch (kind) {
      case 'ascii':
        parts.push(ASCII[rng.int(0, ASCII.length - 1)]!);
        break;
      case 'astral':
        parts.push(rng.pick(ASTRAL));
        break;
      case 'bmp':
        parts.push(rng.pick(BMP));
        break;
      case 'combining':
        // A mark after a base letter; the string starts with a base, so no mark dangles at the front.
        parts.push(i % 2 === 0 ? BASES[rng.int(0, BASES.length - 1)]! : rng.pick(MARKS));
        break;
    }
  }
  return parts.join('');
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
export const hasAstral = (text: string): boolean => /[\ud800-\udbff][\udc00-\udfff]/.test(text);
