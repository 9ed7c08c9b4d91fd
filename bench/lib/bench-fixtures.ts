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

/** The demo key's first team, where the benchmarks create their snippet. */
export const TEAM_ID: string = (JSON.parse(readFileSync(demoFixtures, 'utf8')) as Fixtures).apiKeys.find((k) => k.key === DEMO_KEY)!.teamIds[0]!;

/**
 * Creates the snippet the throughput benchmarks read: shaped like the spec's
 * example (the body Prism answers with): a note, a shortcut, a folder, a tag
 * and a second variation. `create` POSTs a body and returns the new id.
 */
export async function seedExampleSnippet(create: (path: string, body: unknown) => Promise<string>): Promise<string> {
  const folderId = await create('/api/prompts/folder', { folderName: 'Refunds', folderColor: '#3B82F6', teamId: TEAM_ID });
  const tagId = await create('/api/prompts/tag', { tagName: 'urgent', tagColor: '#EF4444', teamId: TEAM_ID });
  return create('/api/prompts/snippet', {
    title: 'Refund reply',
    content: { type: 'plaintext', content: 'Hi {name}, your refund is on its way.' },
    teamId: TEAM_ID,
    note: 'Use for approved refunds only.',
    shortcut: '/refund',
    folderId,
    tagIds: [tagId],
    additionalVariations: [{ variationName: 'Formal', content: { type: 'plaintext', content: 'Dear {name}, we have issued your refund.' } }],
  });
}
