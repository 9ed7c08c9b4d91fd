// The fixtures the throughput benchmarks start the sandbox with: the demo
// ones, with a rate limit and a quota for the demo key that no benchmark can reach.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Fixtures } from '../../src/fixtures/fixtures.ts';

export const DEMO_KEY = 'sk_test_demoAcmePlatformSupport0001';
export const RATE_LIMIT = 1_000_000_000;
export const QUOTA = 100_000_000;

const demoFixtures = new URL('../../fixtures/demo.json', import.meta.url);

/** Writes the benchmark fixtures into `dir` and returns the file's path. */
export function benchFixtures(dir: string): string {
  const fixtures = JSON.parse(readFileSync(demoFixtures, 'utf8')) as Fixtures;
  const key = fixtures.apiKeys.find((k) => k.key === DEMO_KEY);
  if (!key) throw new Error(`fixtures/demo.json has no key ${DEMO_KEY}`);
  key.rateLimitPerMinute = RATE_LIMIT;
  fixtures.workspaces.find((w) => w.id === key.workspaceId)!.remainingRequests = QUOTA;
  const path = join(dir, 'fixtures.json');
  writeFileSync(path, JSON.stringify(fixtures));
  return path;
}
