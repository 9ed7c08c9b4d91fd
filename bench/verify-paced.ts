// How long the full verifier suite takes when every fixture key allows the
// contract's default of 20 requests a minute (issue #14): the verifier paces
// itself under each key's limit instead of meeting 429s, so the run conforms,
// only slower. Runs against a sandbox started with such fixtures.
//   npx tsx bench/verify-paced.ts [--limit 20]
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { verify } from '../src/contract/index.ts';
import { DEMO_FIXTURES_PATH, readFixtures } from '../src/fixtures/fixtures-file.ts';
import { contract } from '../src/sandbox/contract.ts';
import { createSandboxServer } from '../src/sandbox/server.ts';

const { values } = parseArgs({ options: { limit: { type: 'string', default: '20' } } });
const limit = Number(values.limit);
const fixtures = readFixtures(DEMO_FIXTURES_PATH, contract().keyPattern);
for (const key of fixtures.apiKeys) key.rateLimitPerMinute = limit;
const dir = mkdtempSync(join(tmpdir(), 'bench-paced-'));
const file = join(dir, 'fixtures.json');
writeFileSync(file, JSON.stringify(fixtures));

const sandbox = await (await createSandboxServer({ db: ':memory:', port: 0, logLevel: 'silent', fixtures: file })).listen();
try {
  let unasked429 = 0;
  const started = performance.now();
  const report = await verify({
    baseUrl: sandbox.url,
    fixtures: file,
    onResult: (result, index, total) => process.stderr.write(`\r[${index + 1}/${total}] ${((performance.now() - started) / 1000).toFixed(0)} s`),
    onExchange: (exchange) => {
      if (exchange.status === 429 && exchange.operationId !== 'getTags') unasked429++;
    },
  });
  process.stderr.write('\n');
  console.log(`Verifier, every key at ${limit} requests a minute (60 s window), full suite against the sandbox`);
  console.log(`verdict ${report.verdict}; ${report.counts.passed} passed, ${report.counts.requests} requests`);
  console.log(`took ${(report.durationMs / 1000).toFixed(1)} s, of which ${(report.waitedMs / 1000).toFixed(1)} s waiting under the limit; 429s met outside the rate-limit scenario: ${unasked429}`);
} finally {
  await sandbox.close();
}
