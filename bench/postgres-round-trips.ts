// What round trips to PostgreSQL cost a request on this machine, whatever the
// sandbox does (issue #17): a bare Fastify route that sends N trivial
// statements per request before answering, under autocannon, against the
// same route with none, measured in the same run. `sequential`: each statement
// its own round trip; `batched`: the statement of each step shared by the
// requests of the moment (src/sandbox/postgres/batch.ts). It is what set the
// PostgreSQL store's design: a GET can afford about one round trip of its
// own, or a share of one (docs/benchmarks.md, PostgreSQL).
//
//   npx tsx bench/postgres-round-trips.ts                       0,1,2,3,5 sequential, 1,2,3 batched
//   npx tsx bench/postgres-round-trips.ts --cases 0,2,2b         (a trailing b: batched)
//
// Options: --cases LIST, --duration S (4), --connections N (10).
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startPostgres } from '../test/helpers/postgres.ts';
import { runAutocannon } from './lib/autocannon.ts';
import { benchFlags } from './lib/flags.ts';
import { startChild } from './lib/processes.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { flags, positive } = benchFlags('bench/postgres-round-trips', import.meta.url, {
  cases: { type: 'string', default: '0,1,2,3,5,1b,2b,3b' },
  duration: { type: 'string', default: '4' },
  connections: { type: 'string', default: '10' },
  help: { type: 'boolean', short: 'h', default: false },
} as const);
const duration = positive('duration', flags.duration!, false);
const connections = positive('connections', flags.connections!, true);
const cases = flags.cases!.split(',').map((text) => {
  const match = /^(\d+)(b?)$/.exec(text.trim());
  if (!match) {
    console.error(`bench/postgres-round-trips: a case is a number of round trips, with b when batched; got "${text}"`);
    process.exit(2);
  }
  return { text, roundTrips: match[1]!, how: match[2] ? 'batched' : 'sequential' };
});

const postgres = await startPostgres();
try {
  const url = await postgres.createDatabase();
  let none: number | undefined;
  for (const { text, roundTrips, how } of cases) {
    const server = startChild('server', process.execPath, ['--import', 'tsx', join(root, 'bench/lib/round-trip-server.ts'), url, roundTrips, how], { cwd: root });
    const [, base] = await server.waitFor(/listening on (http:\/\/\S+)/, 30_000);
    const options = { url: `${base}/round-trips`, connections, pipelining: 1 };
    await runAutocannon({ ...options, duration: 1 });
    const result = await runAutocannon({ ...options, duration });
    const rps = result.requests.total / result.duration;
    if (roundTrips === '0') none = rps;
    console.log(`${text.padStart(3)} (${roundTrips} ${how}): ${rps.toFixed(0).padStart(6)} req/s${none ? `, ${(rps / none).toFixed(2)}x none` : ''}`);
    await server.stop();
  }
} finally {
  await postgres.destroy();
}
