import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase64Url, encodeBase64Url } from '../../src/portable/base64url.ts';
import { anyText, fillers, textsOfBytes } from './text-samples.ts';

const nodeEncode = (text: string) => Buffer.from(text).toString('base64url');
const nodeDecode = (value: string) => Buffer.from(value, 'base64url').toString('utf8');

/** Throws an Error or gives a string: what is allowed for input that is not base64url. */
function throwsErrorOrGivesString(value: string): boolean {
  try {
    return typeof decodeBase64Url(value) === 'string';
  } catch (error) {
    return error instanceof Error;
  }
}

describe('encodeBase64Url', () => {
  it.each([
    ['', ''],
    ['f', 'Zg'],
    ['fo', 'Zm8'],
    ['foo', 'Zm9v'],
    ['foob', 'Zm9vYg'],
    ['\u00fb\u00ff', 'w7vDvw'],
    ['\ud800', '77-9'],
  ])('encodes %j as %j', (text, value) => {
    expect(encodeBase64Url(text)).toBe(value);
    expect(nodeEncode(text)).toBe(value);
  });

  it('agrees with Buffer on random strings: astral characters, lone surrogates, the empty string', () => {
    fc.assert(
      fc.property(anyText(), (text) => encodeBase64Url(text) === nodeEncode(text)),
      { numRuns: 3_000, examples: [[''], ['\ud800'], ['\udfff'], ['😀'], ['\ufeff']] },
    );
  });

  it('agrees with Buffer at every length from 0 to 100 bytes, of each kind of character', () => {
    for (const filler of fillers) {
      for (let bytes = 0; bytes <= 100; bytes++) {
        for (const text of textsOfBytes(filler, bytes)) expect(encodeBase64Url(text), filler.name).toBe(nodeEncode(text));
      }
    }
  });
});

describe('decodeBase64Url', () => {
  it('gives back the text encoded, lone surrogates as U+FFFD, as Buffer does', () => {
    fc.assert(
      fc.property(anyText(), (text) => {
        const value = encodeBase64Url(text);
        return decodeBase64Url(value) === nodeDecode(value) && decodeBase64Url(value) === Buffer.from(text).toString('utf8');
      }),
      { numRuns: 3_000 },
    );
  });

  it('agrees with Buffer on any bytes, invalid UTF-8 included, padded or not', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const expected = Buffer.from(bytes).toString('utf8');
        const unpadded = Buffer.from(bytes).toString('base64url');
        const padded = Buffer.from(bytes).toString('base64').replaceAll('+', '-').replaceAll('/', '_');
        return decodeBase64Url(unpadded) === expected && decodeBase64Url(padded) === expected && nodeDecode(padded) === expected;
      }),
      { numRuns: 5_000, examples: [[new Uint8Array([0xef, 0xbb, 0xbf, 0x61])], [new Uint8Array([0xed, 0xa0, 0x80])], [new Uint8Array([0xf0, 0x9f, 0x98])], [new Uint8Array([0xc0, 0x80, 0xff])]] },
    );
  });

  it('keeps a leading byte order mark, as Buffer does (a default TextDecoder drops it)', () => {
    const value = encodeBase64Url('\ufeffabc');
    expect(decodeBase64Url(value)).toBe('\ufeffabc');
    expect(nodeDecode(value)).toBe('\ufeffabc');
  });

  it('ignores the bits after the last whole byte, as Buffer does', () => {
    for (const value of ['Zh', 'Zv', 'Zm9', 'Zm-', 'Zm_']) expect(decodeBase64Url(value)).toBe(nodeDecode(value));
  });

  it.each([
    ['a single character', 'A'],
    ['4n + 1 characters', 'Zm9vY'],
    ['standard base64 characters', 'a+b/'],
    ['white space', 'Zm9v Yg'],
    ['a line break', 'Zm9v\nYg'],
    ['padding short of a multiple of 4', 'Zg='],
    ['three pad characters', 'Z==='],
    ['padding alone', '===='],
    ['padding in the middle', 'Zg==Zg=='],
    ['a character above U+007F', 'Zm9\u00e9'],
    ['an astral character', 'Zm😀'],
    ['a NUL', 'Zm\u00009'],
    ['a lone surrogate', 'Zm\ud8009'],
  ])('throws an Error on %s', (_what, value) => {
    expect(() => decodeBase64Url(value)).toThrow(Error);
  });

  it('throws an Error or gives a string for any string, and what Buffer gives for any valid one', () => {
    const chars = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_', '+', '/', '=', ' ', '\n', '.', '\u00e9', '\ud800', '😀');
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 40 }).map((c) => c.join('')), (value) => {
        if (/^[A-Za-z0-9_-]*$/.test(value) && value.length % 4 !== 1) return decodeBase64Url(value) === nodeDecode(value);
        return throwsErrorOrGivesString(value);
      }),
      { numRuns: 10_000 },
    );
  });

  it('answers at once on long input, valid or not', () => {
    const long = encodeBase64Url('€😀a'.repeat(500_000));
    expect(decodeBase64Url(long)).toBe('€😀a'.repeat(500_000));
    for (const value of ['A'.repeat(4_000_001), '+'.repeat(4_000_000), `${'A'.repeat(4_000_000)}==`, `${'A'.repeat(3_999_999)}!`, '='.repeat(4_000_000)]) {
      expect(throwsErrorOrGivesString(value)).toBe(true);
    }
  });
});
