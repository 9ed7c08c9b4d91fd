// Base64url (RFC 4648, section 5) of UTF-8 text, without padding, for the
// parts of the sandbox core that must run without Node's Buffer (a browser,
// Deno, Bun, a worker runtime). It gives what Buffer.from(text)
// .toString('base64url') and Buffer.from(value, 'base64url').toString('utf8')
// give for every valid input. Our own table rather than btoa/atob, which work
// on "binary strings" and would need one built and taken apart per call.
//
// Decoding is strict where Buffer is lenient: a character outside the
// base64url alphabet (including '+', '/' and white space), '=' other than
// one or two pad characters that end a length of 4n, or a length that leaves
// a single character over (4n + 1) throws. Bits left over after the last whole byte
// are ignored, as Buffer ignores them. Both directions are one pass over the
// input.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** The character code of each 6-bit value. */
const ENCODE = new Uint8Array(64);
/** The 6-bit value of each character code below 128; 255 for a character outside the alphabet. */
const DECODE = new Uint8Array(128).fill(255);
for (let i = 0; i < 64; i++) {
  const code = ALPHABET.charCodeAt(i);
  ENCODE[i] = code;
  DECODE[code] = i;
}

const encoder = new TextEncoder();
// A leading U+FEFF is text like any other, as for Buffer's toString('utf8'):
// by default a TextDecoder would drop it. Invalid UTF-8 becomes U+FFFD, as
// with Buffer.
const utf8Decoder = new TextDecoder('utf-8', { ignoreBOM: true });
// The encoded output is ASCII, which reads the same as UTF-8.
const asciiDecoder = new TextDecoder('utf-8');

/** The UTF-8 bytes of `text` (a lone surrogate as U+FFFD) in base64url, without padding. */
export function encodeBase64Url(text: string): string {
  const bytes = encoder.encode(text);
  const length = bytes.length;
  const out = new Uint8Array(Math.ceil((length * 4) / 3));
  const whole = length - (length % 3);
  let o = 0;
  for (let i = 0; i < whole; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out[o++] = ENCODE[n >>> 18]!;
    out[o++] = ENCODE[(n >>> 12) & 63]!;
    out[o++] = ENCODE[(n >>> 6) & 63]!;
    out[o++] = ENCODE[n & 63]!;
  }
  if (length - whole === 1) {
    const n = bytes[whole]!;
    out[o++] = ENCODE[n >>> 2]!;
    out[o++] = ENCODE[(n << 4) & 63]!;
  } else if (length - whole === 2) {
    const n = (bytes[whole]! << 8) | bytes[whole + 1]!;
    out[o++] = ENCODE[n >>> 10]!;
    out[o++] = ENCODE[(n >>> 4) & 63]!;
    out[o++] = ENCODE[(n << 2) & 63]!;
  }
  return asciiDecoder.decode(out);
}

/** The 6-bit value of the character at `index` of `value`; throws if it is not in the base64url alphabet. */
function sextet(value: string, index: number): number {
  const code = value.charCodeAt(index);
  const bits = code < 128 ? DECODE[code]! : 255;
  if (bits === 255) throw new Error(`Not base64url: unexpected character at index ${index}`);
  return bits;
}

/** The text whose UTF-8 bytes `value` spells in base64url (padded or not); throws on what is not base64url. */
export function decodeBase64Url(value: string): string {
  let length = value.length;
  if (length % 4 === 0 && length > 0 && value.charCodeAt(length - 1) === 0x3d) {
    length--;
    if (value.charCodeAt(length - 1) === 0x3d) length--;
  }
  const over = length % 4;
  if (over === 1) throw new Error(`Not base64url: a length of ${length} characters leaves one over`);
  const out = new Uint8Array(((length - over) / 4) * 3 + (over === 0 ? 0 : over - 1));
  const whole = length - over;
  let o = 0;
  for (let i = 0; i < whole; i += 4) {
    const n = (sextet(value, i) << 18) | (sextet(value, i + 1) << 12) | (sextet(value, i + 2) << 6) | sextet(value, i + 3);
    out[o++] = n >>> 16;
    out[o++] = (n >>> 8) & 255;
    out[o++] = n & 255;
  }
  if (over === 2) {
    out[o++] = (sextet(value, whole) << 2) | (sextet(value, whole + 1) >>> 4);
  } else if (over === 3) {
    const n = (sextet(value, whole) << 12) | (sextet(value, whole + 1) << 6) | sextet(value, whole + 2);
    out[o++] = n >>> 10;
    out[o++] = (n >>> 2) & 255;
  }
  return utf8Decoder.decode(out);
}
