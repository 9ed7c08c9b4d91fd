import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/portable/sha256.ts';
import { anyText, fillers, textsOfBytes } from './text-samples.ts';

const nodeSha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('sha256Hex', () => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    ['abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1'],
  ])('gives the FIPS 180-4 digest of %j', (text, digest) => expect(sha256Hex(text)).toBe(digest));

  it('agrees with node:crypto on random strings: astral characters, lone surrogates, the empty string', () => {
    fc.assert(
      fc.property(anyText(), (text) => sha256Hex(text) === nodeSha256(text)),
      { numRuns: 2_000, examples: [[''], ['\ud800'], ['\udc00'], ['\ud83d\ude00'], ['\ude00\ud83d'], ['a\ud800b']] },
    );
  });

  it('agrees with node:crypto at every length from 0 to 300 bytes, whatever characters straddle the block boundaries', () => {
    for (const filler of fillers) {
      for (let bytes = 0; bytes <= 300; bytes++) {
        for (const text of textsOfBytes(filler, bytes)) {
          expect(Buffer.byteLength(text), filler.name).toBe(bytes);
          expect(sha256Hex(text), `${filler.name}, ${bytes} bytes`).toBe(nodeSha256(text));
        }
      }
    }
  });

  it.each([55, 56, 63, 64, 65, 119, 120, 127, 128, 129])('agrees with node:crypto on %i bytes of one character repeated', (bytes) => {
    const text = 'a'.repeat(bytes);
    expect(sha256Hex(text)).toBe(nodeSha256(text));
  });

  it('agrees with node:crypto on long texts, and the same call twice gives the same digest', () => {
    const long = '€😀a\ud800é'.repeat(100_000);
    expect(sha256Hex(long)).toBe(nodeSha256(long));
    expect(sha256Hex(long)).toBe(sha256Hex(long));
    const mib = 'x'.repeat(1 << 20);
    expect(sha256Hex(mib)).toBe(nodeSha256(mib));
  });
});
