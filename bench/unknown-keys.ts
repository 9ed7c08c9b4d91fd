// Unknown-key scan benchmark (issue #13, finding 3): requests per second of
// GET /api/prompts/tags with unknown keys, answered by a sandbox with its
// default limits (20 invalid attempts within 60 s block a key for 300 s):
//
//   one unknown key        the same key on every request: after its first 20
//                          attempts (in the warmup) it is blocked, so this
//                          measures the blocked path, 403 KEY_TEMPORARILY_BLOCKED;
//   distinct unknown keys  a key never tried before on every request, 401
//                          AUTH_KEY_UNKNOWN (each one hashed, looked up and
//                          recorded as an invalid attempt), measured after
//                          --keys (100 000) distinct unknown keys were tried.
//
// Target: distinct / one >= 0.5 in req/s. Also printed: the sandbox's CPU
// time per response (steadier than req/s on a busy machine), and the latency
// of GET /health, asked every 100 ms during each measurement.
//
//   npx tsx bench/unknown-keys.ts                        10 s per case, 10 connections, 100 000 keys first
//   npx tsx bench/unknown-keys.ts --duration 3 --keys 20000   a smoke run
//   npx tsx bench/unknown-keys.ts --rounds 3             both cases in turn 3 times; median of the rounds' ratios
//
// Options: --duration S (10), --warmup S (2), --connections N (10),
// --keys N (100000), --rounds N (1), --json.
//
// The sandbox runs from src/ (`node --import tsx src/sandbox/cli.ts`, on
// :memory: SQLite, log level silent, the built-in demo fixtures) in its own
// process group, killed when this process exits however it exits; autocannon
// runs in this process. autocannon builds every request through the same
// setupRequest in both cases, so the load generator does the same work in
// each. An answer other than the expected status (401 or 403 as above), an
// error or a timeout makes the run invalid: exit status 1 after the results.
import { benchFlags } from './lib/flags.ts';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runAutocannon, type AutocannonRequest } from './lib/autocannon.ts';
import { median } from './lib/median.ts';
import { killAllNow, startChild, treeCpuSeconds, type Child } from './lib/processes.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PATH = '/api/prompts/tags';
const TARGET = 0.5;

// ------------------------------------------------------------------ options

const flagOptions = {
  duration: { type: 'string', default: '10' },
  warmup: { type: 'string', default: '2' },
  connections: { type: 'string', default: '10' },
  keys: { type: 'string', default: '100000' },
  rounds: { type: 'string', default: '1' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

const { flags, positive } = benchFlags('bench/unknown-keys', import.meta.url, flagOptions);

const settings = {
  duration: positive('duration', flags.duration!, false),
  warmup: positive('warmup', flags.warmup!, false),
  connections: positive('connections', flags.connections!, true),
  keys: positive('keys', flags.keys!, true),
  rounds: positive('rounds', flags.rounds!, true),
};

/** Progress goes to stderr, so that --json leaves stdout to the results. */
const log = (line: string) => console.error(line);

// ------------------------------------------------------------------ keys

/** Keys that match the contract's key pattern and exist nowhere: `sk_test_scan` and a counter. */
let tried = 0;
const freshKey = () => `sk_test_scan${(tried++).toString(36).padStart(24, '0')}`;
const ONE_KEY = 'sk_test_theSameUnknownKey0000000000001';

/** autocannon's request list: one GET whose Authorization header `key()` picks as it is sent. */
const withKey = (key: () => string) => [
  {
    setupRequest(request: AutocannonRequest) {
      request.headers.authorization = `Bearer ${key()}`;
      return request;
    },
  },
];

const CASES = {
  one: { label: 'one unknown key (blocked)', status: 403, requests: withKey(() => ONE_KEY) },
  distinct: { label: 'distinct unknown keys', status: 401, requests: withKey(freshKey) },
} as const;
type CaseName = keyof typeof CASES;

// ------------------------------------------------------------------ measuring

interface Measurement {
  reqPerSec: number;
  p99Ms: number;
  responses: number;
  /** Answers other than the case's status, errors and timeouts. */
  unexpected: number;
  statusCodes: Record<string, number>;
  /** Sandbox CPU time per response, user + kernel, in µs. */
  serverUsPerResponse: number | undefined;
  healthP50Ms: number;
  healthMaxMs: number;
}

/** Asks GET /health every 100 ms until `stop` resolves; the latency of each answer, in ms. */
async function probeHealth(url: string, stop: Promise<unknown>): Promise<number[]> {
  let stopped = false;
  void stop.finally(() => (stopped = true));
  const latencies: number[] = [];
  while (!stopped) {
    const began = performance.now();
    const response = await fetch(`${url}/health`);
    await response.arrayBuffer();
    latencies.push(performance.now() - began);
    if (response.status !== 200) throw new Error(`GET /health answered ${response.status} during the measurement`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return latencies;
}

async function measure(sandbox: Child, url: string, name: CaseName): Promise<Measurement> {
  const { status, requests } = CASES[name];
  const options = { url: `${url}${PATH}`, connections: settings.connections, pipelining: 1, timeout: 10, requests };
  await runAutocannon({ ...options, duration: settings.warmup });
  const pid = sandbox.process.pid!;
  const cpuBefore = treeCpuSeconds(pid);
  const run = runAutocannon({ ...options, duration: settings.duration });
  const [result, health] = await Promise.all([run, probeHealth(url, run)]);
  const cpuAfter = treeCpuSeconds(pid);
  const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, stat]) => [code, stat.count]));
  const responses = result.requests.total;
  const cpu = cpuBefore && cpuAfter ? cpuAfter.user - cpuBefore.user + (cpuAfter.system - cpuBefore.system) : undefined;
  return {
    reqPerSec: result.requests.average,
    p99Ms: result.latency.p99,
    responses,
    unexpected: responses - (statusCodes[status] ?? 0) + result.errors + result.timeouts,
    statusCodes,
    serverUsPerResponse: cpu !== undefined && responses > 0 ? (cpu / responses) * 1e6 : undefined,
    healthP50Ms: median(health),
    healthMaxMs: Math.max(...health),
  };
}

/** Sends `count` requests, each with a key never tried before, as fast as the sandbox answers them. */
async function tryDistinctKeys(url: string, count: number): Promise<{ seconds: number; unexpected: number }> {
  const began = performance.now();
  const result = await runAutocannon({
    url: `${url}${PATH}`,
    connections: settings.connections,
    pipelining: 1,
    timeout: 10,
    amount: count,
    duration: 3600, // autocannon wants one; `amount` ends the run
    requests: CASES.distinct.requests,
  });
  const unexpected = result.requests.total - (result.statusCodeStats['401']?.count ?? 0) + result.errors + result.timeouts;
  return { seconds: (performance.now() - began) / 1000, unexpected };
}

// ------------------------------------------------------------------ report

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }).replace(/,/g, ' ');

function report(rows: Record<CaseName, Measurement[]>, ratios: number[], fill: { seconds: number }, loads: { start: number[]; end: number[] }): void {
  const cpu = cpus();
  console.log(`\nUnknown-key scan: GET ${PATH}, default limits (20 invalid attempts in 60 s block a key for 300 s)`);
  console.log(`machine: ${cpu[0]?.model.trim() ?? 'unknown'}, ${cpu.length} cores; node ${process.version}; load average at start ${loads.start.join(' ')}, at end ${loads.end.join(' ')}`);
  console.log(
    `autocannon: ${settings.connections} connections, ${settings.warmup} s warmup then ${settings.duration} s per case, ${settings.rounds} round(s); ` +
      `${fmt(settings.keys)} distinct unknown keys tried first, in ${fmt(fill.seconds, 1)} s (${fmt(settings.keys / fill.seconds)} req/s)`,
  );
  console.log('');
  const header = ['case', 'req/s (mean)', 'p99 ms', 'responses', 'status codes', 'server CPU µs/resp', '/health p50 ms', '/health max ms'];
  const table = (Object.keys(CASES) as CaseName[]).map((name) => {
    const m = [...rows[name]].sort((a, b) => a.reqPerSec - b.reqPerSec)[Math.floor((rows[name].length - 1) / 2)]!;
    return [
      CASES[name].label,
      fmt(m.reqPerSec),
      fmt(m.p99Ms),
      fmt(m.responses),
      Object.entries(m.statusCodes).map(([code, count]) => `${code}: ${count}`).join(', '),
      m.serverUsPerResponse === undefined ? 'n/a' : fmt(m.serverUsPerResponse, 1),
      fmt(m.healthP50Ms, 1),
      fmt(m.healthMaxMs, 1),
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
  console.log(header.map((h, i) => h.padEnd(widths[i]!)).join('  '));
  for (const row of table) console.log(row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  '));
  if (settings.rounds > 1) {
    console.log('');
    for (const name of Object.keys(CASES) as CaseName[]) console.log(`${CASES[name].label} req/s by round: ${rows[name].map((m) => fmt(m.reqPerSec)).join(', ')}`);
    console.log(`distinct / one by round: ${ratios.map((r) => r.toFixed(2)).join(', ')}`);
  }
  const ratio = median(ratios);
  console.log('');
  console.log(`distinct unknown keys / one unknown key, req/s: ${ratio.toFixed(2)}x (target >= ${TARGET}x) ${ratio >= TARGET ? 'PASS' : 'MISS'}`);
  const one = rows.one.map((m) => m.serverUsPerResponse);
  const distinct = rows.distinct.map((m) => m.serverUsPerResponse);
  if (one.every((v) => v !== undefined) && distinct.every((v) => v !== undefined)) {
    console.log(`(not a target) server CPU per response, one / distinct: ${(median(one as number[]) / median(distinct as number[])).toFixed(2)}x`);
  }
}

// ------------------------------------------------------------------ main

async function main(): Promise<number> {
  const loads = { start: loadavg().map((l) => Math.round(l * 100) / 100), end: [] as number[] };
  // `node --import tsx` rather than the tsx CLI, so that the sandbox is this child itself and not a grandchild.
  const sandbox = startChild(
    'sandbox',
    process.execPath,
    ['--import', 'tsx', join(root, 'src', 'sandbox', 'cli.ts'), '--host', '127.0.0.1', '--port', '0', '--db', ':memory:', '--log-level', 'silent'],
    { cwd: root },
  );
  try {
    const [, url] = await sandbox.waitFor(/Sandbox listening on (http:\/\/\S+)/, 30_000);
    log(`sandbox listening on ${url}`);
    const rows: Record<CaseName, Measurement[]> = { one: [], distinct: [] };
    const ratios: number[] = [];
    let fill = { seconds: 0, unexpected: 0 };
    for (let round = 1; round <= settings.rounds; round++) {
      log(`round ${round}/${settings.rounds}: ${CASES.one.label}: ${settings.warmup} s warmup, ${settings.duration} s measured`);
      const one = await measure(sandbox, url!, 'one');
      log(`  ${fmt(one.reqPerSec)} req/s, server ${fmt(one.serverUsPerResponse ?? NaN, 1)} µs/response, /health max ${fmt(one.healthMaxMs, 1)} ms`);
      if (round === 1) {
        log(`trying ${fmt(settings.keys)} distinct unknown keys`);
        fill = await tryDistinctKeys(url!, settings.keys);
        log(`  in ${fmt(fill.seconds, 1)} s`);
      }
      log(`round ${round}/${settings.rounds}: ${CASES.distinct.label}: ${settings.warmup} s warmup, ${settings.duration} s measured`);
      const distinct = await measure(sandbox, url!, 'distinct');
      log(`  ${fmt(distinct.reqPerSec)} req/s, server ${fmt(distinct.serverUsPerResponse ?? NaN, 1)} µs/response, /health max ${fmt(distinct.healthMaxMs, 1)} ms`);
      rows.one.push(one);
      rows.distinct.push(distinct);
      ratios.push(distinct.reqPerSec / one.reqPerSec);
    }
    await sandbox.stop();
    loads.end = loadavg().map((l) => Math.round(l * 100) / 100);

    if (flags.json) console.log(JSON.stringify({ settings, loads, fill, results: rows, ratios, ratio: median(ratios), target: TARGET }, null, 2));
    else report(rows, ratios, fill, loads);

    const unexpected = [...rows.one, ...rows.distinct].reduce((sum, m) => sum + m.unexpected, fill.unexpected);
    if (unexpected > 0) {
      console.error(`\nINVALID RUN: ${unexpected} answers were not the expected 401 or 403 (or were errors or timeouts)`);
      return 1;
    }
    return 0;
  } finally {
    await sandbox.stop().catch(() => undefined);
    killAllNow();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`bench/unknown-keys: ${(error as Error).stack ?? error}`);
    killAllNow();
    process.exit(1);
  },
);
