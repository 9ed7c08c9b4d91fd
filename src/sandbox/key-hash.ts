// API keys are known to the sandbox by the SHA-256 hash of their text only:
// stores keep the hash (StoredFixtures), and a request's key is hashed to be
// looked up. The plaintext exists only in the fixtures file.
import { createHash } from 'node:crypto';
import type { Fixtures } from '../fixtures/fixtures.ts';
import type { StoredFixtures } from './store/store.ts';

export function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** The fixtures as stores keep them, each key replaced by its hash. */
export function storedFixtures(fixtures: Fixtures): StoredFixtures {
  return { ...fixtures, apiKeys: fixtures.apiKeys.map(({ key, ...rest }) => ({ ...rest, keyHash: hashKey(key) })) };
}
