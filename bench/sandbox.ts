// Sandbox throughput benchmark (issue 3): GET /api/prompts/snippet
// requests per second and p99 latency, measured with autocannon in one run
// against three servers, each in its own process:
//
//   sandbox       the built sandbox (bin/snippets-sandbox.js, :memory: SQLite,
//                 log level silent), with a temp copy of the demo fixtures
//                 whose demo key has a huge rate limit and whose workspace
//                 has a quota large enough for the whole run;
//   bare Fastify  bench/lib/bare-fastify-server.ts: one Fastify route that
//                 sends the sandbox's own answer, captured at start, byte for
//                 byte, and does nothing else;
//   Prism         `prism mock openapi.yaml` (static examples, at Prism's own
//                 default log level, info, unless --prism-log-level says
//                 otherwise), found through PRISM_BIN, node_modules/.bin, or
//                 `npx --no-install prism`; skipped with a message when absent.
//
// Targets: sandbox req/s >= 0.5x bare Fastify's, and >= 10x Prism's.
//
//   npx tsx bench/sandbox.ts                     10 s per server, 10 connections
//   npx tsx bench/sandbox.ts --duration 3        shorter, for a smoke run
//   npx tsx bench/sandbox.ts --rounds 3          servers measured in turn 3 times; median of the rounds' ratios
//   npx tsx bench/sandbox.ts --json              results as JSON
//   npx tsx bench/sandbox.ts --cpu-prof DIR      also write V8 CPU profiles of the sandbox and bare Fastify under DIR
//   PRISM_BIN=/path/to/prism npx tsx bench/sandbox.ts
//
// Options: --duration S (10), --warmup S (3), --connections N (10),
// --pipelining N (1), --rounds N (1), --no-prism, --prism-log-level LEVEL
// (info, Prism's own default; silent makes Prism about 2 to 3.5x faster),
// --no-build, --json, --cpu-prof DIR.
//
// autocannon runs in this process; each server runs in its own process
// group, and all of them are killed when this process exits, however it
// exits. Before measuring, every server must answer the request with 200 and
// a body valid for getSnippet 200. Answers other than 2xx during the
// measurement, and errors or timeouts, are counted and reported; if there are
// any, the process exits with status 1 after printing the results, because
// the servers did not all do the same work. A missed target alone does not
// change the exit status; it is printed as MISS.
import { benchFlags } from './lib/flags.ts';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { arch, cpus, loadavg, platform, release, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validatorFor } from '../generated/validators.js';
import { runAutocannon, type AutocannonResult } from './lib/autocannon.ts';
import { freePort, killAllNow, startChild, treeCpuSeconds, type Child } from './lib/processes.ts';
import { benchFixtures, DEMO_KEY, QUOTA, RATE_LIMIT, seedExampleSnippet } from './lib/bench-fixtures.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const TARGET_VS_BARE = 0.5;
const TARGET_VS_PRISM = 10;

// ------------------------------------------------------------------ options

const flagOptions = {
  duration: { type: 'string', default: '10' },
  warmup: { type: 'string', default: '3' },
  connections: { type: 'string', default: '10' },
  pipelining: { type: 'string', default: '1' },
  rounds: { type: 'string', default: '1' },
  'no-prism': { type: 'boolean', default: false },
  // Prism's own default: the issue's yardstick is plain `prism mock openapi.yaml`.
  'prism-log-level': { type: 'string', default: 'info' },
  'no-build': { type: 'boolean', default: false },
  json: { type: 'boolean', default: false },
  'cpu-prof': { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

const { flags, positive } = benchFlags('bench/sandbox', import.meta.url, flagOptions);

const settings = {
  duration: positive('duration', flags.duration!, false),
  warmup: positive('warmup', flags.warmup!, false),
  connections: positive('connections', flags.connections!, true),
  pipelining: positive('pipelining', flags.pipelining!, true),
  rounds: positive('rounds', flags.rounds!, true),
  prismLogLevel: flags['prism-log-level']!,
};
if (!['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'].includes(settings.prismLogLevel)) {
  console.error(`bench/sandbox: --prism-log-level must be one of trace, debug, info, warn, error, fatal, silent; got "${settings.prismLogLevel}"`);
  process.exit(2);
}

/** Progress goes to stderr, so that --json leaves stdout to the results. */
const log = (line: string) => console.error(line);

// ------------------------------------------------------------------ environment

function packageVersion(name: string): string {
  try {
    return (JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'not installed';
  }
}

function environment() {
  const cpu = cpus();
  return {
    cpu: cpu[0]?.model.trim() ?? 'unknown',
    cores: cpu.length,
    os: `${platform()} ${release()} ${arch()}`,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    loadAverageAtStart: loadavg().map((l) => Math.round(l * 100) / 100),
    loadAverageAtEnd: [] as number[],
    node: process.version,
    v8: process.versions.v8,
    packages: {
      fastify: packageVersion('fastify'),
      autocannon: packageVersion('autocannon'),
      'better-sqlite3': packageVersion('better-sqlite3'),
      tsx: packageVersion('tsx'),
      prism: 'not run',
    },
  };
}

// ------------------------------------------------------------------ build

function newestMtime(dir: string, suffix: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith(suffix)) continue;
    newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** The benchmark measures the built sandbox: build it when dist/sandbox is missing or older than src/sandbox. */
function ensureBuilt(): void {
  const cli = join(root, 'dist', 'sandbox', 'cli.js');
  const stale = !existsSync(cli) || newestMtime(join(root, 'src', 'sandbox'), '.ts') > statSync(cli).mtimeMs;
  if (!stale) return;
  if (flags['no-build']) {
    log('warning: dist/sandbox is missing or older than src/sandbox, and --no-build was given: measuring what dist/ holds');
    return;
  }
  log('dist/sandbox is missing or older than src/sandbox: building it (npm run build)');
  const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (build.status === 0) return;
  // tsc still writes its output when some file elsewhere has a type error.
  if (!existsSync(cli)) throw new Error('npm run build failed and there is no dist/sandbox/cli.js: the sandbox cannot be benchmarked');
  log('WARNING: npm run build reported errors (above); measuring the dist/ it left, which may not match src/');
}

// ------------------------------------------------------------------ servers

interface Target {
  name: 'sandbox' | 'bare Fastify' | 'Prism';
  child: Child;
  url: string;
}

const AUTH = { authorization: `Bearer ${DEMO_KEY}` };

async function request(url: string, init: { method?: string; body?: unknown } = {}) {
  const response = await fetch(url, {
    method: init.method ?? 'GET',
    headers: { ...AUTH, ...(init.body !== undefined && { 'content-type': 'application/json' }) },
    ...(init.body !== undefined && { body: JSON.stringify(init.body) }),
  });
  const text = await response.text();
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', text };
}

async function create(base: string, path: string, body: unknown): Promise<string> {
  const answer = await request(`${base}${path}`, { method: 'POST', body });
  if (answer.status !== 201) throw new Error(`POST ${path} answered ${answer.status}: ${answer.text.slice(0, 500)}`);
  return (JSON.parse(answer.text) as { data: { id: string } }).data.id;
}


/** node flags that write a CPU profile of a server to DIR/NAME when it stops, with --cpu-prof DIR. */
function profileArgs(name: string): string[] {
  return flags['cpu-prof'] ? ['--cpu-prof', '--cpu-prof-dir', join(resolve(flags['cpu-prof']), name)] : [];
}

async function startSandbox(dir: string): Promise<{ target: Target; snippetPath: string; body: string; contentType: string }> {
  const child = startChild('sandbox', process.execPath, [
    ...profileArgs('sandbox'),
    join(root, 'bin', 'snippets-sandbox.js'),
    '--host', '127.0.0.1',
    '--port', '0',
    '--db', ':memory:',
    '--fixtures', benchFixtures(dir),
    '--log-level', 'silent',
  ]);
  const [, url] = await child.waitFor(/Sandbox listening on (http:\/\/\S+)/, 30_000);
  const snippetId = await seedExampleSnippet((path, body) => create(url!, path, body));
  const snippetPath = `/api/prompts/snippet?id=${snippetId}`;
  const answer = await request(`${url}${snippetPath}`);
  if (answer.status !== 200) throw new Error(`sandbox: GET ${snippetPath} answered ${answer.status}: ${answer.text.slice(0, 500)}`);
  return { target: { name: 'sandbox', child, url: url! }, snippetPath, body: answer.text, contentType: answer.contentType };
}

async function startBareFastify(dir: string, body: string, contentType: string): Promise<Target> {
  const bodyFile = join(dir, 'body.json');
  writeFileSync(bodyFile, body);
  // `node --import tsx` rather than the tsx CLI, so that the server is this child itself and not a grandchild.
  const child = startChild('bare Fastify', process.execPath, [...profileArgs('bare-fastify'), '--import', 'tsx', join(root, 'bench', 'lib', 'bare-fastify-server.ts'), bodyFile, contentType], {
    cwd: root,
  });
  const [, url] = await child.waitFor(/Bare Fastify listening on (http:\/\/\S+)/, 30_000);
  return { name: 'bare Fastify', child, url: url! };
}

/** How to run Prism here, or why not. */
function findPrism(): { command: string; args: string[]; how: string } | { missing: string } {
  if (process.env.PRISM_BIN) {
    if (!existsSync(process.env.PRISM_BIN)) return { missing: `PRISM_BIN=${process.env.PRISM_BIN} does not exist` };
    return { command: process.env.PRISM_BIN, args: [], how: `PRISM_BIN=${process.env.PRISM_BIN}` };
  }
  const local = join(root, 'node_modules', '.bin', 'prism');
  if (existsSync(local)) return { command: local, args: [], how: 'node_modules/.bin/prism' };
  const npx = spawnSync('npx', ['--no-install', 'prism', '--version'], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  if (npx.status === 0 && /^\d+\.\d+/.test(npx.stdout.trim())) return { command: 'npx', args: ['--no-install', 'prism'], how: 'npx --no-install prism' };
  return { missing: 'no PRISM_BIN, no node_modules/.bin/prism, and `npx --no-install prism` found nothing' };
}

async function startPrism(snippetPath: string, versions: Record<string, string>): Promise<Target | undefined> {
  if (flags['no-prism']) {
    log('Prism: skipped (--no-prism)');
    versions.prism = 'skipped (--no-prism)';
    return undefined;
  }
  const prism = findPrism();
  if ('missing' in prism) {
    log(`Prism: SKIPPED, not found (${prism.missing}).`);
    log('  Install it outside the repo and point PRISM_BIN at it:');
    log('    npm install --prefix /tmp/prism @stoplight/prism-cli');
    log('    PRISM_BIN=/tmp/prism/node_modules/.bin/prism npx tsx bench/sandbox.ts');
    versions.prism = 'not found';
    return undefined;
  }
  try {
    versions.prism = execFileSync(prism.command, [...prism.args, '--version'], { cwd: root, encoding: 'utf8', timeout: 60_000 }).trim();
  } catch {
    versions.prism = 'unknown';
  }
  const port = await freePort();
  // Prism's own default level (info) unless --prism-log-level says otherwise.
  // At info it formats several lines per request; they go to /dev/null.
  const level = settings.prismLogLevel;
  const child = startChild('Prism', prism.command, [...prism.args, 'mock', join(root, 'openapi.yaml'), '--host', '127.0.0.1', '--port', String(port), '--verboseLevel', level], {
    cwd: root,
    discardStdout: level !== 'silent',
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      await request(`${url}${snippetPath}`);
      break;
    } catch {
      if (child.process.exitCode !== null || child.process.signalCode !== null) {
        throw new Error(`Prism (${prism.how}) exited before listening. Its output:\n${child.output().slice(0, 4000)}`);
      }
      if (Date.now() > deadline) throw new Error(`Prism (${prism.how}) did not listen on ${url} within 120 s. Its output:\n${child.output().slice(0, 4000)}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  log(`Prism ${versions.prism} (${prism.how}, --verboseLevel ${level}) listening on ${url}`);
  return { name: 'Prism', child, url };
}

/** Every server must answer the benchmarked request with 200 and a valid getSnippet body before it is measured. */
async function precheck(target: Target, snippetPath: string): Promise<{ bytes: number }> {
  const answer = await request(`${target.url}${snippetPath}`);
  if (answer.status !== 200) throw new Error(`${target.name}: GET ${snippetPath} answered ${answer.status}, not 200: ${answer.text.slice(0, 500)}`);
  if (!answer.contentType.startsWith('application/json')) throw new Error(`${target.name}: content-type ${answer.contentType}, not JSON`);
  const validate = validatorFor('getSnippet', 200)!;
  if (!validate(JSON.parse(answer.text))) {
    throw new Error(`${target.name}: the 200 body does not match the spec: ${JSON.stringify(validate.errors).slice(0, 500)}`);
  }
  return { bytes: Buffer.byteLength(answer.text) };
}

// ------------------------------------------------------------------ measuring

interface Measurement {
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  responses: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  bytesPerResponse: number;
  /** CPU used by the server's process tree during the measurement, in % of one core. */
  serverCpuPercent: number | undefined;
  /** Server CPU time per response, in µs: in user space (JavaScript, SQLite) and in the kernel (sockets). */
  serverUserUsPerResponse: number | undefined;
  serverKernelUsPerResponse: number | undefined;
  /** CPU used by this process (autocannon) during the measurement, in % of one core. */
  loadGeneratorCpuPercent: number;
}

async function measure(target: Target, snippetPath: string, seconds: number): Promise<Measurement> {
  const options = {
    url: `${target.url}${snippetPath}`,
    method: 'GET',
    headers: AUTH,
    connections: settings.connections,
    pipelining: settings.pipelining,
    timeout: 10,
  };
  await runAutocannon({ ...options, duration: settings.warmup });
  const pid = target.child.process.pid!;
  const cpuBefore = treeCpuSeconds(pid);
  const ownBefore = process.cpuUsage();
  const wallBefore = process.hrtime.bigint();
  const result: AutocannonResult = await runAutocannon({ ...options, duration: seconds });
  const wallSeconds = Number(process.hrtime.bigint() - wallBefore) / 1e9;
  const own = process.cpuUsage(ownBefore);
  const cpuAfter = treeCpuSeconds(pid);
  const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, stat]) => [code, stat.count]));
  return {
    reqPerSec: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    responses: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes,
    bytesPerResponse: result.requests.total > 0 ? result.throughput.total / result.requests.total : 0,
    ...serverCpu(cpuBefore, cpuAfter, wallSeconds, result.requests.total),
    loadGeneratorCpuPercent: ((own.user + own.system) / 1e6 / wallSeconds) * 100,
  };
}

function serverCpu(before: { user: number; system: number } | undefined, after: typeof before, wallSeconds: number, responses: number) {
  if (!before || !after) return { serverCpuPercent: undefined, serverUserUsPerResponse: undefined, serverKernelUsPerResponse: undefined };
  const user = after.user - before.user;
  const system = after.system - before.system;
  return {
    serverCpuPercent: ((user + system) / wallSeconds) * 100,
    serverUserUsPerResponse: responses > 0 ? (user / responses) * 1e6 : undefined,
    serverKernelUsPerResponse: responses > 0 ? (system / responses) * 1e6 : undefined,
  };
}

function median<T>(items: T[], by: (item: T) => number): T {
  const sorted = [...items].sort((a, b) => by(a) - by(b));
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

// ------------------------------------------------------------------ report

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }).replace(/,/g, ' ');

function report(
  env: ReturnType<typeof environment>,
  rows: Array<{ name: string; rounds: Measurement[]; counted: Measurement; bodyBytes: number }>,
  ratios: { vsBare: number | undefined; vsPrism: number | undefined },
  byRound: { vsBare: number[] | undefined; vsPrism: number[] | undefined },
): void {
  console.log(`\nSandbox throughput: GET /api/prompts/snippet`);
  console.log(`machine: ${env.cpu}, ${env.cores} cores, ${env.os}, ${env.memoryGiB} GiB, load average at start ${env.loadAverageAtStart.join(' ')}`);
  console.log(`node ${env.node} (V8 ${env.v8}); ${Object.entries(env.packages).map(([name, version]) => `${name} ${version}`).join(', ')}`);
  console.log(
    `autocannon: ${settings.connections} connections, pipelining ${settings.pipelining}, ${settings.warmup} s warmup then ${settings.duration} s per server` +
      (settings.rounds > 1 ? `, ${settings.rounds} rounds (table: each server's median round; ratios: median of the rounds' ratios)` : ''),
  );
  console.log(`servers: sandbox and bare Fastify at log level silent; Prism with --verboseLevel ${settings.prismLogLevel}`);
  console.log(`load average at end ${env.loadAverageAtEnd.join(' ')}; latencies are whole milliseconds (autocannon truncates them)`);
  console.log('');
  const header = ['server', 'req/s (mean)', 'p50 ms', 'p99 ms', 'responses', 'non-2xx', 'errors+timeouts', 'body bytes', 'server CPU %', 'server CPU µs/resp (user+kernel)', 'autocannon CPU %'];
  const table = rows.map(({ name, counted: m, bodyBytes }) => [
    name,
    fmt(m.reqPerSec),
    fmt(m.p50Ms),
    fmt(m.p99Ms),
    fmt(m.responses),
    fmt(m.non2xx),
    fmt(m.errors + m.timeouts),
    fmt(bodyBytes),
    m.serverCpuPercent === undefined ? 'n/a' : fmt(m.serverCpuPercent),
    m.serverUserUsPerResponse === undefined || m.serverKernelUsPerResponse === undefined
      ? 'n/a'
      : `${fmt(m.serverUserUsPerResponse + m.serverKernelUsPerResponse)} (${fmt(m.serverUserUsPerResponse)}+${fmt(m.serverKernelUsPerResponse)})`,
    fmt(m.loadGeneratorCpuPercent),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
  console.log(header.map((h, i) => h.padEnd(widths[i]!)).join('  '));
  for (const row of table) console.log(row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  '));
  if (settings.rounds > 1) {
    console.log('');
    for (const { name, rounds } of rows) console.log(`${name} req/s by round: ${rounds.map((m) => fmt(m.reqPerSec)).join(', ')}`);
    if (byRound.vsBare) console.log(`sandbox / bare Fastify by round: ${byRound.vsBare.map((r) => r.toFixed(2)).join(', ')}`);
    if (byRound.vsPrism) console.log(`sandbox / Prism by round: ${byRound.vsPrism.map((r) => r.toFixed(1)).join(', ')}`);
  }
  console.log('');
  const verdict = (ratio: number | undefined, target: number, label: string, missing: string) =>
    ratio === undefined
      ? `${label}: not measured (${missing})`
      : `${label}: ${ratio.toFixed(ratio < 10 ? 2 : 1)}x (target >= ${target}x) ${ratio >= target ? 'PASS' : 'MISS'}`;
  console.log(verdict(ratios.vsBare, TARGET_VS_BARE, 'sandbox / bare Fastify req/s', 'no bare Fastify row'));
  console.log(verdict(ratios.vsPrism, TARGET_VS_PRISM, 'sandbox / Prism req/s       ', 'Prism was not run'));
  // Not a target: the req/s ratio each pair would have if both servers were
  // limited by their own CPU alone. Steadier than req/s on a busy machine.
  const cost = (name: string) => {
    const m = rows.find((r) => r.name === name)?.counted;
    return m?.serverUserUsPerResponse === undefined || m.serverKernelUsPerResponse === undefined ? undefined : m.serverUserUsPerResponse + m.serverKernelUsPerResponse;
  };
  const sandboxCost = cost('sandbox');
  const costRatios = (['bare Fastify', 'Prism'] as const).flatMap((other) => {
    const theirs = cost(other);
    return sandboxCost && theirs ? [`vs ${other} ${(theirs / sandboxCost).toFixed(theirs / sandboxCost < 10 ? 2 : 1)}x`] : [];
  });
  if (costRatios.length > 0) console.log(`(not a target) server CPU per response, other / sandbox: ${costRatios.join(', ')}`);
}

// ------------------------------------------------------------------ main

async function main(): Promise<number> {
  const env = environment();
  ensureBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'bench-sandbox-'));
  const removeDir = () => rmSync(dir, { recursive: true, force: true });
  process.on('exit', removeDir);
  const targets: Target[] = [];
  try {
    const sandbox = await startSandbox(dir);
    targets.push(sandbox.target);
    log(`sandbox listening on ${sandbox.target.url}; benchmarking GET ${sandbox.snippetPath} (${Buffer.byteLength(sandbox.body)} bytes)`);
    targets.push(await startBareFastify(dir, sandbox.body, sandbox.contentType));
    log(`bare Fastify listening on ${targets[1]!.url}`);
    const prism = await startPrism(sandbox.snippetPath, env.packages);
    if (prism) targets.push(prism);

    const bodyBytes = new Map<string, number>();
    for (const target of targets) bodyBytes.set(target.name, (await precheck(target, sandbox.snippetPath)).bytes);
    log(`pre-check: ${targets.map((t) => `${t.name} 200 (${bodyBytes.get(t.name)} bytes, valid getSnippet body)`).join('; ')}`);

    const measured = new Map<string, Measurement[]>(targets.map((t) => [t.name, []]));
    for (let round = 1; round <= settings.rounds; round++) {
      for (const target of targets) {
        log(`round ${round}/${settings.rounds}: ${target.name}: ${settings.warmup} s warmup, ${settings.duration} s measured`);
        const m = await measure(target, sandbox.snippetPath, settings.duration);
        log(`  ${fmt(m.reqPerSec)} req/s, p99 ${fmt(m.p99Ms)} ms, non-2xx ${m.non2xx}, errors ${m.errors}, timeouts ${m.timeouts}`);
        measured.get(target.name)!.push(m);
      }
    }

    for (const target of targets) await target.child.stop();
    if (flags['cpu-prof']) log(`CPU profiles of the sandbox and bare Fastify written under ${resolve(flags['cpu-prof'])}`);

    const rows = targets.map((t) => {
      const rounds = measured.get(t.name)!;
      return { name: t.name, rounds, counted: median(rounds, (m) => m.reqPerSec), bodyBytes: bodyBytes.get(t.name)! };
    });
    // Each round's ratio compares servers measured within about half a minute
    // of each other; the median of those is the result.
    const roundRatios = (other: string) => {
      const theirs = measured.get(other);
      if (!theirs) return undefined;
      return measured.get('sandbox')!.map((m, i) => m.reqPerSec / theirs[i]!.reqPerSec);
    };
    const byRound = { vsBare: roundRatios('bare Fastify'), vsPrism: roundRatios('Prism') };
    const middle = (values: number[]) => {
      const sorted = [...values].sort((a, b) => a - b);
      const half = Math.floor(sorted.length / 2);
      return sorted.length % 2 === 1 ? sorted[half]! : (sorted[half - 1]! + sorted[half]!) / 2;
    };
    const ratios = {
      vsBare: byRound.vsBare ? middle(byRound.vsBare) : undefined,
      vsPrism: byRound.vsPrism ? middle(byRound.vsPrism) : undefined,
    };
    const targetsMet = {
      vsBare: ratios.vsBare === undefined ? null : ratios.vsBare >= TARGET_VS_BARE,
      vsPrism: ratios.vsPrism === undefined ? null : ratios.vsPrism >= TARGET_VS_PRISM,
    };
    env.loadAverageAtEnd = loadavg().map((l) => Math.round(l * 100) / 100);
    if (flags.json) {
      const orNull = <T>(value: T | undefined) => value ?? null;
      const json = {
        environment: env,
        settings,
        results: rows,
        ratios: { vsBare: orNull(ratios.vsBare), vsPrism: orNull(ratios.vsPrism) },
        ratiosByRound: { vsBare: orNull(byRound.vsBare), vsPrism: orNull(byRound.vsPrism) },
        targets: { vsBare: TARGET_VS_BARE, vsPrism: TARGET_VS_PRISM },
        targetsMet,
      };
      console.log(JSON.stringify(json, null, 2));
    } else {
      report(env, rows, ratios, byRound);
    }

    const failed = rows.flatMap(({ name, rounds }) => {
      if (!rounds.some((m) => m.non2xx + m.errors + m.timeouts > 0)) return [];
      const each = rounds.map((m) => `${m.non2xx} non-2xx (${JSON.stringify(m.statusCodes)}), ${m.errors} errors, ${m.timeouts} timeouts`);
      return [`${name}: ${each.join('; ')}`];
    });
    if (failed.length > 0) {
      console.error(`\nINVALID RUN: not every answer was 2xx, so the servers did not do the same work:\n  ${failed.join('\n  ')}`);
      return 1;
    }
    return 0;
  } finally {
    for (const target of targets) await target.child.stop().catch(() => undefined);
    killAllNow();
    removeDir();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`bench/sandbox: ${(error as Error).stack ?? error}`);
    killAllNow();
    process.exit(1);
  },
);
