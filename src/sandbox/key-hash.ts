// API keys are known to the sandbox by the SHA-256 hash of their text only:
// stores keep the hash (StoredFixtures), and a request's key is hashed to be
// looked up (the core's storedFixtures). The plaintext exists only in the fixtures file.
import { createHash } from 'node:crypto';

/** SHA-256 of a key, as hex, with Node's native hash (the Node server's `sha256`; the in-process sandbox uses src/portable). */
export function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

