// SHA-256 in plain TypeScript, synchronous, for the parts of the sandbox core
// that must run where node:crypto does not (a browser, Deno, Bun, a worker
// runtime). Web Crypto's digest() gives the same digest, but only through a
// promise; this one can be called from synchronous code. The text is hashed
// as its UTF-8 bytes from TextEncoder, so a lone surrogate counts as U+FFFD
// (EF BF BD), as with Node's createHash('sha256').update(text).
//
// FIPS 180-4, section 6.2. The message is read in 64-byte blocks straight from
// the encoded bytes; only the last one or two blocks, which take the padding
// and the length, are copied to a preallocated buffer. Nothing is allocated
// per block.

/** The first 32 bits of the fractional parts of the cube roots of the first 64 primes. */
const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

/** The first 32 bits of the fractional parts of the square roots of the first 8 primes. */
const INITIAL = new Uint32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);

// Shared working space. sha256Hex is synchronous and calls nothing that could
// call it back, so one set serves every call.
const schedule = new Uint32Array(64);
const state = new Uint32Array(8);
/** The last one or two blocks: the message's remaining bytes, 0x80, zeros, then the length in bits. */
const tail = new Uint8Array(128);
const tailView = new DataView(tail.buffer);
const encoder = new TextEncoder();

/** Runs the compression function on the 64-byte block at `offset` of `view`, updating `state`. */
function compress(view: DataView, offset: number): void {
  const w = schedule;
  for (let t = 0; t < 16; t++) w[t] = view.getUint32(offset + 4 * t);
  for (let t = 16; t < 64; t++) {
    const x = w[t - 15]!;
    const y = w[t - 2]!;
    const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
    const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
    w[t] = (w[t - 16]! + s0 + w[t - 7]! + s1) | 0;
  }
  let a = state[0]!;
  let b = state[1]!;
  let c = state[2]!;
  let d = state[3]!;
  let e = state[4]!;
  let f = state[5]!;
  let g = state[6]!;
  let h = state[7]!;
  for (let t = 0; t < 64; t++) {
    const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const ch = (e & f) ^ (~e & g);
    const t1 = (h + S1 + ch + K[t]! + w[t]!) | 0;
    const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const maj = (a & b) ^ (a & c) ^ (b & c);
    const t2 = (S0 + maj) | 0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  // The Uint32Array stores each sum modulo 2^32.
  state[0] = state[0]! + a;
  state[1] = state[1]! + b;
  state[2] = state[2]! + c;
  state[3] = state[3]! + d;
  state[4] = state[4]! + e;
  state[5] = state[5]! + f;
  state[6] = state[6]! + g;
  state[7] = state[7]! + h;
}

/** SHA-256 of the UTF-8 bytes of `text` (a lone surrogate as U+FFFD), as 64 lower-case hex digits. */
export function sha256Hex(text: string): string {
  const bytes = encoder.encode(text);
  const length = bytes.length;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  state.set(INITIAL);

  const whole = length - (length % 64);
  for (let offset = 0; offset < whole; offset += 64) compress(view, offset);

  // The rest (0 to 63 bytes), 0x80, zeros, and the 64-bit big-endian length
  // in bits: one block if the rest leaves room for 9 more bytes, else two.
  const rest = length - whole;
  const tailLength = rest < 56 ? 64 : 128;
  tail.fill(0);
  tail.set(bytes.subarray(whole));
  tail[rest] = 0x80;
  tailView.setUint32(tailLength - 8, Math.floor(length / 0x20000000));
  tailView.setUint32(tailLength - 4, (length * 8) >>> 0);
  compress(tailView, 0);
  if (tailLength === 128) compress(tailView, 64);

  let hex = '';
  for (let i = 0; i < 8; i++) hex += state[i]!.toString(16).padStart(8, '0');
  return hex;
}
