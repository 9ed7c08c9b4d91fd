// PostgreSQL store benchmark (issue #17): the built sandbox on PostgreSQL
// against the built sandbox on SQLite (:memory:), both in their own process,
// measured in the same run, in turn, with autocannon:
//
//   GET /api/prompts/snippet   requests per second (target: PostgreSQL >= 0.4x SQLite)
//   POST /api/prompts/snippet  requests per second, reported as the cost of a
//                              create on PostgreSQL relative to SQLite (time per create)
//
// PostgreSQL is a temporary cluster started for the run (initdb in a temp
// directory, as the tests do: test/helpers/postgres.ts; as `nobody` when run as
// root), unless SNIPPETS_BENCH_PG_URL names a database to use (emptied first
// by the sandbox's --reset). Timings are compared as ratios only: both
// stores run on the same machine, at the same moment, with the same fixtures
// (bench/lib/bench-fixtures.ts) and the same snippet.
//
//   npx tsx bench/postgres.ts                  5 s per measurement, 10 connections, 5 rounds (single rounds swing by half on a shared machine: the median of five steadies it)
//   npx tsx bench/postgres.ts --duration 2 --rounds 1
//
// Skipped, with a line saying so, where PostgreSQL is not installed and no URL is given.
// Options: --duration S (5), --warmup S (2), --connections N (10), --rounds N (5), --no-build, --json.
// Exits 1 when an answer other than 2xx was counted (the two did not do the same work); a missed target is printed as MISS.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { PG_BIN, startPostgres, type TestPostgres } from '../test/helpers/postgres.ts';
import { runAutocannon, type AutocannonResult } from './lib/autocannon.ts';
import { benchFixtures, DEMO_KEY, seedExampleSnippet, TEAM_ID } from './lib/bench-fixtures.ts';
import { benchFlags } from './lib/flags.ts';
import { median } from './lib/median.ts';
import { startChild, type Child } from './lib/processes.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const TARGET_GET_RATIO = 0.4;

const { flags, positive } = benchFlags('bench/postgres', import.meta.url, {
  duration: { type: 'string', default: '5' },
  warmup: { type: 'string', default: '2' },
  connections: { type: 'string', default: '10' },
  rounds: { type: 'string', default: '5' },
  'no-build': { type: 'boolean', default: false },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const);
const settings = {
  duration: positive('duration', flags.duration!, false),
  warmup: positive('warmup', flags.warmup!, false),
  connections: positive('connections', flags.connections!, true),
  rounds: positive('rounds', flags.rounds!, true),
};
const log = (line: string) => (flags.json ? process.stderr : process.stdout).write(`${line}\n`);

interface Target {
  name: 'sqlite' | 'postgres';
  child: Child;
  url: string;
  snippetPath: string;
}

const auth = { authorization: `Bearer ${DEMO_KEY}`, 'content-type': 'application/json' };

async function create(url: string, path: string, body: unknown): Promise<string> {
  const answer = await fetch(`${url}${path}`, { method: 'POST', headers: auth, body: JSON.stringify(body) });
  const json = (await answer.json()) as { data?: { id: string } };
  if (answer.status !== 201 || !json.data) throw new Error(`POST ${path} answered ${answer.status}: ${JSON.stringify(json).slice(0, 300)}`);
  return json.data.id;
}

async function startSandbox(name: Target['name'], db: string, fixtures: string): Promise<Target> {
  const args = [join(root, 'bin', 'snippets-sandbox.js'), '--host', '127.0.0.1', '--port', '0', '--db', db, '--fixtures', fixtures, '--log-level', 'silent'];
  const child = startChild(name, process.execPath, name === 'postgres' ? [...args, '--reset'] : args);
  const [, url] = await child.waitFor(/Sandbox listening on (http:\/\/\S+)/, 30_000);
  const id = await seedExampleSnippet((path, body) => create(url!, path, body));
  return { name, child, url: url!, snippetPath: `/api/prompts/snippet?id=${id}` };
}

const getOf = (target: Target, duration: number) =>
  runAutocannon({ url: `${target.url}${target.snippetPath}`, connections: settings.connections, pipelining: 1, duration, headers: auth });
const createOf = (target: Target, duration: number) =>
  runAutocannon({
    url: `${target.url}/api/prompts/snippet`,
    method: 'POST',
    connections: settings.connections,
    pipelining: 1,
    duration,
    headers: auth,
    requests: [{ setupRequest: (request) => ({ ...request, body: JSON.stringify({ title: 'Bench', content: { type: 'plaintext', content: 'x' }, teamId: TEAM_ID }) } as typeof request) }],
  });

const rps = (result: AutocannonResult) => result.requests.total / result.duration;
const problems = (result: AutocannonResult) => result.non2xx + result.errors + result.timeouts;

async function main(): Promise<void> {
  if (!process.env.SNIPPETS_BENCH_PG_URL && !existsSync(join(PG_BIN, 'initdb'))) {
    log(`bench/postgres: skipped: PostgreSQL is not installed at ${PG_BIN} (set SNIPPETS_PG_BIN, or SNIPPETS_BENCH_PG_URL to a database)`);
    return;
  }
  if (!flags['no-build']) execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'ignore' });
  const dir = mkdtempSync(join(tmpdir(), 'bench-postgres-'));
  let postgres: TestPostgres | undefined;
  try {
    const fixtures = benchFixtures(dir);
    let url = process.env.SNIPPETS_BENCH_PG_URL;
    if (!url) {
      postgres = await startPostgres();
      url = await postgres.createDatabase();
    }
    const targets = [await startSandbox('sqlite', ':memory:', fixtures), await startSandbox('postgres', url, fixtures)];
    for (const target of targets) {
      await getOf(target, settings.warmup);
      await createOf(target, settings.warmup);
    }
    const rounds: Array<Record<string, { get: number; create: number }>> = [];
    let failed = 0;
    for (let round = 0; round < settings.rounds; round++) {
      const measured: Record<string, { get: number; create: number }> = {};
      for (const target of targets) {
        const get = await getOf(target, settings.duration);
        const made = await createOf(target, settings.duration);
        failed += problems(get) + problems(made);
        measured[target.name] = { get: rps(get), create: rps(made) };
        log(`round ${round + 1}: ${target.name.padEnd(8)} GET ${rps(get).toFixed(0)} req/s, POST ${rps(made).toFixed(0)} req/s${problems(get) + problems(made) ? ` (${problems(get) + problems(made)} not 2xx)` : ''}`);
      }
      rounds.push(measured);
    }
    const getRatio = median(rounds.map((r) => r.postgres!.get / r.sqlite!.get));
    const createCost = median(rounds.map((r) => r.sqlite!.create / r.postgres!.create));
    const verdict = getRatio >= TARGET_GET_RATIO ? 'PASS' : 'MISS';
    log(`GET /snippet: PostgreSQL at ${getRatio.toFixed(2)}x SQLite's requests per second (target >= ${TARGET_GET_RATIO}x): ${verdict}`);
    log(`POST /snippet: a create costs ${createCost.toFixed(2)}x on PostgreSQL what it costs on SQLite (time per create, median of ${settings.rounds} rounds)`);
    if (flags.json) console.log(JSON.stringify({ settings, rounds, getRatio, createCost, target: TARGET_GET_RATIO, verdict, failed }));
    for (const target of targets) target.child.process.kill('SIGTERM');
    if (failed > 0) {
      log(`${failed} answers were not 2xx, or failed: the stores did not do the same work`);
      process.exitCode = 1;
    }
  } finally {
    await postgres?.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
