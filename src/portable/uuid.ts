// Random (version 4) UUIDs for the parts of the sandbox core that must run
// without node:crypto (a browser, Deno, Bun, a worker runtime). Web Crypto's
// randomUUID() is the first choice, but a browser offers it only in a secure
// context (https:, or localhost): a page served from http://192.168.1.5 has
// crypto.getRandomValues but no crypto.randomUUID. There, the UUID is built
// from 16 random bytes with the version and variant bits set (RFC 9562,
// section 5.4).

interface RandomSource {
  getRandomValues?<T extends ArrayBufferView | null>(array: T): T;
  randomUUID?(): string;
}

/** Two lower-case hex digits for each byte value. */
const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

function webCrypto(): RandomSource | undefined {
  return (globalThis as { crypto?: RandomSource }).crypto;
}

/** A version-4 UUID, in lower case: crypto.randomUUID() where there is one, else built from crypto.getRandomValues. */
export function randomUuid(): string {
  const crypto = webCrypto();
  if (typeof crypto?.randomUUID === 'function') return crypto.randomUUID();
  return randomUuidFromRandomValues();
}

/** A version-4 UUID, in lower case, built from 16 bytes of crypto.getRandomValues. */
export function randomUuidFromRandomValues(): string {
  const crypto = webCrypto();
  if (typeof crypto?.getRandomValues !== 'function') throw new Error('No crypto.getRandomValues in this runtime: cannot make a random UUID');
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  // Version 4 in the high nibble of byte 6; variant 10xx (RFC 9562) in the high bits of byte 8.
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = (from: number, to: number) => {
    let out = '';
    for (let i = from; i < to; i++) out += HEX[bytes[i]!]!;
    return out;
  };
  return `${hex(0, 4)}-${hex(4, 6)}-${hex(6, 8)}-${hex(8, 10)}-${hex(10, 16)}`;
}
