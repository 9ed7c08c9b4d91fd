import { webcrypto } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { randomUuid, randomUuidFromRandomValues } from '../../src/portable/uuid.ts';

/** Version 4, variant 10xx (RFC 9562), lower case. */
const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

afterEach(() => vi.unstubAllGlobals());

/** A crypto with getRandomValues and no randomUUID: a browser page that is not a secure context. */
function cryptoWithoutRandomUuid(fill?: (bytes: Uint8Array) => void) {
  const getRandomValues = vi.fn(<T extends ArrayBufferView | null>(array: T): T => {
    if (fill) fill(array as unknown as Uint8Array);
    else webcrypto.getRandomValues(array as unknown as Uint8Array);
    return array;
  });
  vi.stubGlobal('crypto', { getRandomValues });
  return getRandomValues;
}

function expectVersion4AndUnique(make: () => string, count = 10_000) {
  const seen = new Set<string>();
  for (let i = 0; i < count; i++) {
    const uuid = make();
    expect(uuid).toMatch(V4);
    seen.add(uuid);
  }
  expect(seen.size).toBe(count);
}

describe('randomUuid', () => {
  it('gives version-4 UUIDs, 10,000 of them all different', () => {
    expectVersion4AndUnique(randomUuid);
  });

  it('uses crypto.randomUUID where there is one, called on crypto', () => {
    const randomUUID = vi.fn(function (this: unknown) {
      expect(this).toBe(globalThis.crypto);
      return '11111111-2222-4333-8444-555555555555';
    });
    vi.stubGlobal('crypto', { randomUUID, getRandomValues: () => expect.unreachable() });
    expect(randomUuid()).toBe('11111111-2222-4333-8444-555555555555');
    expect(randomUUID).toHaveBeenCalledTimes(1);
  });

  it('without crypto.randomUUID, builds them from crypto.getRandomValues: version 4, 10,000 all different', () => {
    const getRandomValues = cryptoWithoutRandomUuid();
    expect('randomUUID' in globalThis.crypto).toBe(false);
    expectVersion4AndUnique(randomUuid);
    expect(getRandomValues).toHaveBeenCalledTimes(10_000);
  });

  it('throws an Error where there is no crypto at all', () => {
    vi.stubGlobal('crypto', undefined);
    expect(() => randomUuid()).toThrow(/getRandomValues/);
  });
});

describe('randomUuidFromRandomValues', () => {
  it('gives version-4 UUIDs, 10,000 of them all different', () => {
    expectVersion4AndUnique(randomUuidFromRandomValues);
  });

  it('sets the version and variant bits and keeps the other 122 as they came', () => {
    cryptoWithoutRandomUuid((bytes) => bytes.fill(0));
    expect(randomUuidFromRandomValues()).toBe('00000000-0000-4000-8000-000000000000');
    cryptoWithoutRandomUuid((bytes) => bytes.fill(0xff));
    expect(randomUuidFromRandomValues()).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
    cryptoWithoutRandomUuid((bytes) => bytes.forEach((_, i) => (bytes[i] = i * 17)));
    expect(randomUuidFromRandomValues()).toBe('00112233-4455-4677-8899-aabbccddeeff');
  });

  it('uses all four variant digits (8, 9, a, b)', () => {
    const variants = new Set(Array.from({ length: 1_000 }, () => randomUuidFromRandomValues()[19]));
    expect([...variants].sort()).toEqual(['8', '9', 'a', 'b']);
  });
});
