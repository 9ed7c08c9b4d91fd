// Client overhead benchmark (issue 4): mean latency of the typed client
// (retry and limiter enabled, no retry triggered) over raw `fetch` to the same
// local server, measured in one run. Target: at most 1.10x.
//
//   npx tsx bench/client.ts                   30 rounds of 100 requests per variant
//   npx tsx bench/client.ts --rounds 10       shorter, for a smoke run
//   npx tsx bench/client.ts --no-breakdown    only the two variants the target is about
//   npx tsx bench/client.ts --no-stub         skip the CPU breakdown over a stub fetch
//   npx tsx bench/client.ts --json            results as JSON
//   npx tsx bench/client.ts --cpu-prof DIR    also V8 CPU profiles of the stub runs, DIR/variant-N/ (N: 0 raw
//                                             fetch ... 4 client), one per run
//   node --cpu-prof --cpu-prof-dir DIR --import tsx bench/client.ts --no-stub
//                                             a V8 profile of this process during the latency runs
//
// Options: --rounds N (30), --requests N (100, per variant per round),
// --warmup N (500 per variant), --stub-calls N (3000), --cpu-prof DIR,
// --no-breakdown, --no-stub, --no-build, --json.
//
// The server is the built sandbox in its own process (bin/snippets-sandbox.js,
// :memory: SQLite, log level silent) with a temp copy of the demo fixtures
// whose demo key has a rate limit and whose workspace has a quota that the run
// cannot reach. The sandbox rather than a stub node:http server because it is
// what a consumer's request really meets: the same headers (X-Request-Id,
// RateLimit-*, which the client's limiter reads), the same ~1.1 KB body, and a
// server-side cost of the usual order, so the ratio is the one a user sees.
// The server's time is the same for every variant; only this process differs.
//
// The benchmarked request is GET /api/prompts/snippet?id=... of a snippet with
// a folder, a tag and two variations. Variants, each sending it sequentially
// (one request in flight), through the same global fetch and connection pool:
//
//   raw fetch               fetch(url, { headers: { authorization } }), then response.json()
//   openapi-fetch alone     createClient<paths>() with the same header, no middleware    (breakdown)
//   client, bare            createSnippetsClient({ retry: false, timeoutMs: 0 })          (breakdown)
//   client, no timeout      retry on, limiter { limit: 1e9 }, timeoutMs: 0                (breakdown)
//   client, signal timeout  as the client below, with a fetch of the caller's (a wrapper of the
//                           global one): the same timeout, one call more                  (breakdown)
//   client                  retry on (defaults), limiter { limit: 1e9, windowMs: 60000 },
//                           timeoutMs default (30 s): what the target is about. The timeout is
//                           an AbortSignal and a timer, over the headers and the body alike.
//
// Every variant is warmed up, then measured in rounds of --requests requests
// per variant, interleaved request by request in an order that rotates (A B C,
// B C A, C A B ...), so that bursts of load on the machine hit every variant
// alike. Mean, p50 and p99 are over every request of every round; the ratio
// of each round's means is reported too, as a measure of the noise. CPU time
// of this process is taken around each request (process.cpuUsage).
// Every answer must be 200 with the snippet, and no client may schedule a
// retry (each has an onEvent hook that counts them); anything else makes the
// run invalid (exit status 1). A missed target is printed as MISS, exit
// status 0.
//
// Before that, to show where the client's time goes without the noise of the
// network and the server, the same variants call a stub fetch that answers
// the sandbox's captured answer at once (building a Request from its
// arguments, as undici's fetch does): CPU µs per call, each variant in a
// fresh child process (so that none pays for another's garbage or timers),
// the median of 5 blocks, run 3 times in rotation; the lowest run counts,
// since noise only ever adds CPU time.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { arch, cpus, loadavg, platform, release, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import createClient from 'openapi-fetch';
import type { paths } from '../generated/openapi.js';
import { benchFixtures, DEMO_KEY, QUOTA, RATE_LIMIT, seedExampleSnippet } from './lib/bench-fixtures.ts';
import { median } from './lib/median.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const TARGET = 1.1;

// ------------------------------------------------------------------ options

const { values: flags } = parseArgs({
  options: {
    rounds: { type: 'string', default: '30' },
    requests: { type: 'string', default: '100' },
    warmup: { type: 'string', default: '500' },
    'no-breakdown': { type: 'boolean', default: false },
    'no-stub': { type: 'boolean', default: false },
    'stub-calls': { type: 'string', default: '3000' },
    'cpu-prof': { type: 'string' },
    // Internal: one variant's CPU cost over the stub, in a child process.
    'stub-worker': { type: 'string' },
    'stub-file': { type: 'string' },
    'no-build': { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
  strict: true,
});

if (flags.help) {
  console.log(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\nimport ')[0]!.replace(/^\/\/ ?/gm, ''));
  process.exit(0);
}

function positiveInteger(name: string, raw: string): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) {
    console.error(`bench/client: --${name} must be a positive whole number, got "${raw}"`);
    process.exit(2);
  }
  return value;
}

const settings = {
  rounds: positiveInteger('rounds', flags.rounds!),
  requests: positiveInteger('requests', flags.requests!),
  warmup: positiveInteger('warmup', flags.warmup!),
  breakdown: !flags['no-breakdown'],
  stub: !flags['no-stub'],
  stubCalls: positiveInteger('stub-calls', flags['stub-calls']!),
};

/** Progress goes to stderr, so that --json leaves stdout to the results. */
const log = (line: string) => console.error(line);

// ------------------------------------------------------------------ build

function newestMtime(dir: string, suffix: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith(suffix)) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** The benchmark measures the built client and sandbox (what a consumer runs): build when dist/ is missing or older than src/. */
function ensureBuilt(): void {
  const built = [join(root, 'dist', 'client', 'index.js'), join(root, 'dist', 'sandbox', 'cli.js')];
  const newestSource = newestMtime(join(root, 'src'), '.ts');
  const stale = built.some((file) => !existsSync(file) || newestSource > statSync(file).mtimeMs);
  if (!stale) return;
  if (flags['no-build']) {
    log('warning: dist/ is missing or older than src/, and --no-build was given: measuring what dist/ holds');
    return;
  }
  log('dist/ is missing or older than src/: building it (npm run build)');
  const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (build.status !== 0) throw new Error('npm run build failed: the client cannot be benchmarked');
}

// ------------------------------------------------------------------ the server

interface Server {
  url: string;
  child: ChildProcess;
  stop(): void;
}


/** Starts the built sandbox in its own process group, which is killed when this process exits, however it exits. */
async function startServer(dir: string): Promise<Server> {
  const child = spawn(
    process.execPath,
    [join(root, 'bin', 'snippets-sandbox.js'), '--host', '127.0.0.1', '--port', '0', '--db', ':memory:', '--fixtures', benchFixtures(dir), '--log-level', 'silent'],
    { cwd: root, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const stop = () => {
    if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      child.kill('SIGKILL');
    }
  };
  process.on('exit', stop);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      stop();
      process.exit(130);
    });
  }
  let output = '';
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`the sandbox printed no ready line within 30 s:\n${output.slice(0, 4000)}`)), 30_000);
    const onData = (chunk: Buffer) => {
      if (output.length < 64 * 1024) output += chunk.toString('utf8');
      const match = /Sandbox listening on (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the sandbox exited (code ${code}, signal ${signal}) before it was ready:\n${output.slice(0, 4000)}`));
    });
  });
  return { url, child, stop };
}

async function create(base: string, path: string, body: unknown): Promise<string> {
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${DEMO_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (response.status !== 201) throw new Error(`POST ${path} answered ${response.status}: ${text.slice(0, 500)}`);
  return (JSON.parse(text) as { data: { id: string } }).data.id;
}


// ------------------------------------------------------------------ variants

/** One request: resolves with the snippet id it got, or throws. */
type Send = () => Promise<string>;

interface Variant {
  name: string;
  /** Counts towards the target (raw fetch and the full client). */
  target: boolean;
  send: Send;
}

type ClientModule = typeof import('../src/client/index.ts');

/** Retries the clients scheduled; any makes the run invalid. */
let retriesSeen = 0;
const countRetries = (event: { type: string }) => {
  if (event.type === 'retry') retriesSeen++;
};

/**
 * The variants, sending through `fetchImpl`: the global fetch for the latency
 * measurement, or a stub (see stubFetch) for the CPU breakdown.
 */
async function variants(base: string, snippetId: string, fetchImpl: typeof globalThis.fetch, breakdown: boolean): Promise<Variant[]> {
  // The built client, as a consumer loads it (dist/client/index.js), typed by its source.
  const { createSnippetsClient, RequestLimiter } = (await import(pathToFileURL(join(root, 'dist', 'client', 'index.js')).href)) as ClientModule;
  const url = `${base}/api/prompts/snippet?id=${snippetId}`;
  const headers = { authorization: `Bearer ${DEMO_KEY}` };
  const params = { params: { query: { id: snippetId } } };
  const fail = (name: string, what: unknown): never => {
    throw new Error(`${name}: the answer was not the snippet: ${typeof what === 'string' ? what : String(what)}`);
  };

  const raw: Variant = {
    name: 'raw fetch',
    target: true,
    async send() {
      const response = await fetchImpl(url, { headers });
      const body = (await response.json()) as { data?: { id?: string } };
      if (response.status !== 200 || body.data?.id !== snippetId) fail(this.name, `${response.status} ${JSON.stringify(body).slice(0, 300)}`);
      return body.data!.id!;
    },
  };

  const viaClient = (name: string, target: boolean, client: ReturnType<typeof createSnippetsClient>): Variant => ({
    name,
    target,
    async send() {
      const { data, error, response } = await client.GET('/api/prompts/snippet', params);
      if (error || response.status !== 200 || data.data.id !== snippetId) fail(name, error ?? `${response.status}`);
      return data!.data.id;
    },
  });

  // Every client counts the retries it schedules: the target is about requests that trigger none.
  const common = { baseUrl: base, apiKey: DEMO_KEY, fetch: fetchImpl, onEvent: countRetries };
  const full = viaClient('client', true, createSnippetsClient({ ...common, retry: {}, limiter: new RequestLimiter({ limit: 1e9, windowMs: 60_000 }) }));
  if (!breakdown) return [raw, full];

  const openapiFetch = createClient<paths>({ baseUrl: base, headers, fetch: fetchImpl, querySerializer: { array: { style: 'form', explode: false } } });
  const bare: Variant = {
    name: 'openapi-fetch alone',
    target: false,
    async send() {
      const { data, error, response } = await openapiFetch.GET('/api/prompts/snippet', params);
      if (error || response.status !== 200 || data.data.id !== snippetId) fail(this.name, error ? JSON.stringify(error) : `${response.status}`);
      return data!.data.id;
    },
  };
  return [
    raw,
    bare,
    viaClient('client, bare (retry off, no limiter, timeoutMs 0)', false, createSnippetsClient({ ...common, retry: false, timeoutMs: 0 })),
    viaClient('client, no timeout (retry, limiter, timeoutMs 0)', false, createSnippetsClient({ ...common, retry: {}, limiter: new RequestLimiter({ limit: 1e9, windowMs: 60_000 }), timeoutMs: 0 })),
    viaClient(
      'client, signal timeout (a fetch of the caller\'s)',
      false,
      createSnippetsClient({ ...common, fetch: (input, init) => fetchImpl(input, init), retry: {}, limiter: new RequestLimiter({ limit: 1e9, windowMs: 60_000 }) }),
    ),
    full,
  ];
}

/**
 * A fetch that answers at once with the sandbox's real answer (body and
 * headers captured at start). Like undici's fetch, it builds a Request from
 * its arguments, so that what the client hands to fetch costs what it costs
 * with the real one.
 */
function stubFetch(body: string, headers: Headers): typeof globalThis.fetch {
  const kept = new Headers();
  for (const name of ['content-type', 'x-request-id', 'ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset']) {
    const value = headers.get(name);
    if (value !== null) kept.set(name, value);
  }
  return async (input, init) => {
    new Request(input, init);
    return new Response(body, { status: 200, headers: kept });
  };
}

interface StubRow {
  variant: string;
  /** The lowest of the runs. */
  cpuMicrosPerCall: number;
  runs: number[];
}

interface StubFile {
  snippetId: string;
  body: string;
  headers: Record<string, string>;
}

/**
 * In a child process (--stub-worker N): CPU µs per call of variant N over the
 * stub, the median of 5 blocks after a warm-up. A fresh process per variant,
 * so that no variant pays for another's garbage or timers (the client with a
 * timeout leaves a 30 s timer per request behind).
 */
async function stubWorker(index: number, file: string): Promise<void> {
  const stub = JSON.parse(readFileSync(file, 'utf8')) as StubFile;
  const variant = (await variants('http://127.0.0.1:9', stub.snippetId, stubFetch(stub.body, new Headers(stub.headers)), true))[index]!;
  for (let i = 0; i < settings.stubCalls; i++) await variant.send();
  const blocks: number[] = [];
  for (let block = 0; block < 5; block++) {
    const before = process.cpuUsage();
    for (let i = 0; i < settings.stubCalls; i++) await variant.send();
    const cpu = process.cpuUsage(before);
    blocks.push((cpu.user + cpu.system) / settings.stubCalls);
  }
  console.log(JSON.stringify({ variant: variant.name, cpuMicrosPerCall: median(blocks) }));
}

/** Every variant over the stub, each in its own process, 3 times in rotation; the lowest of the 3 counts (noise only adds CPU time). */
function stubCosts(dir: string, stub: StubFile, count: number): StubRow[] {
  const file = join(dir, 'stub.json');
  writeFileSync(file, JSON.stringify(stub));
  const runs = new Map<number, { variant: string; values: number[] }>();
  for (let rep = 0; rep < 3; rep++) {
    for (let k = 0; k < count; k++) {
      const index = (k + rep) % count;
      const profile = flags['cpu-prof'] ? ['--cpu-prof', '--cpu-prof-dir', join(resolve(flags['cpu-prof']), `variant-${index}`)] : [];
      const child = spawnSync(
        process.execPath,
        [...profile, '--import', 'tsx', fileURLToPath(import.meta.url), '--stub-worker', String(index), '--stub-file', file, '--stub-calls', String(settings.stubCalls)],
        { cwd: root, encoding: 'utf8', timeout: 120_000 },
      );
      if (child.status !== 0) throw new Error(`stub worker ${index} failed (status ${child.status}):\n${child.stderr}`);
      const result = JSON.parse(child.stdout.trim().split('\n').pop()!) as { variant: string; cpuMicrosPerCall: number };
      const entry = runs.get(index) ?? { variant: result.variant, values: [] };
      entry.values.push(result.cpuMicrosPerCall);
      runs.set(index, entry);
    }
  }
  return [...runs.entries()].sort(([a], [b]) => a - b).map(([, { variant, values }]) => ({ variant, cpuMicrosPerCall: Math.min(...values), runs: values }));
}

// ------------------------------------------------------------------ measuring

interface Samples {
  /** Latency of every measured request, in µs. */
  latencies: number[];
  /** CPU time (user + system) this process used during each measured request, in µs. */
  cpuMicros: number;
  /** Mean latency of each round, in µs. */
  roundMeans: number[];
}

/**
 * One round: `count` requests per variant, interleaved request by request
 * (A B C, then B C A, then C A B ...), so that a burst of load on the
 * machine hits every variant alike. Records nothing without `samples` (the warm-up).
 */
async function runRound(variants: Variant[], count: number, samples?: Map<string, Samples>, offset = 0): Promise<void> {
  const sums = new Map(variants.map((v) => [v.name, 0]));
  for (let i = 0; i < count; i++) {
    for (let k = 0; k < variants.length; k++) {
      const variant = variants[(i + k + offset) % variants.length]!;
      const cpuBefore = process.cpuUsage();
      const start = performance.now();
      await variant.send();
      const micros = (performance.now() - start) * 1000;
      const cpu = process.cpuUsage(cpuBefore);
      if (!samples) continue;
      const s = samples.get(variant.name)!;
      s.latencies.push(micros);
      s.cpuMicros += cpu.user + cpu.system;
      sums.set(variant.name, sums.get(variant.name)! + micros);
    }
  }
  if (samples) for (const [name, sum] of sums) samples.get(name)!.roundMeans.push(sum / count);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;


// ------------------------------------------------------------------ report

function packageVersion(name: string): string {
  try {
    return (JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'not installed';
  }
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }).replace(/,/g, ' ');

async function main(): Promise<number> {
  const cpu = cpus();
  const env = {
    cpu: cpu[0]?.model.trim() ?? 'unknown',
    cores: cpu.length,
    os: `${platform()} ${release()} ${arch()}`,
    node: process.version,
    v8: process.versions.v8,
    packages: { 'openapi-fetch': packageVersion('openapi-fetch'), undici: process.versions.undici ?? 'unknown', tsx: packageVersion('tsx') },
    loadAverageAtStart: loadavg().map((l) => Math.round(l * 100) / 100),
    loadAverageAtEnd: [] as number[],
  };
  ensureBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'bench-client-'));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  const server = await startServer(dir);
  try {
    const snippetId = await seedExampleSnippet((path, body) => create(server.url, path, body));
    log(`sandbox listening on ${server.url}; GET /api/prompts/snippet?id=${snippetId}`);
    const answer = await fetch(`${server.url}/api/prompts/snippet?id=${snippetId}`, { headers: { authorization: `Bearer ${DEMO_KEY}` } });
    const answerText = await answer.text();
    const bodyBytes = Buffer.byteLength(answerText);

    // First, without the network: what each variant costs this process per call, over a stub fetch.
    let stubRows: StubRow[] = [];
    if (settings.stub) {
      log(`client-side cost over a stub fetch: each variant in its own process, ${settings.stubCalls} warm-up calls then 5 blocks of ${settings.stubCalls}, 3 times`);
      const count = (await variants(server.url, snippetId, globalThis.fetch, true)).length;
      stubRows = stubCosts(dir, { snippetId, body: answerText, headers: Object.fromEntries(answer.headers) }, count);
    }

    const all = await variants(server.url, snippetId, globalThis.fetch, settings.breakdown);
    // Pre-check (also the start of the warm-up): every variant gets the snippet.
    for (const variant of all) await variant.send();

    log(`warm-up: ${settings.warmup} requests per variant, interleaved`);
    await runRound(all, settings.warmup);

    const samples = new Map<string, Samples>(all.map((v) => [v.name, { latencies: [], cpuMicros: 0, roundMeans: [] }]));
    for (let round = 0; round < settings.rounds; round++) {
      await runRound(all, settings.requests, samples, round);
      if ((round + 1) % 10 === 0 || round + 1 === settings.rounds) log(`round ${round + 1}/${settings.rounds}`);
    }
    env.loadAverageAtEnd = loadavg().map((l) => Math.round(l * 100) / 100);

    if (retriesSeen > 0) throw new Error(`the clients scheduled ${retriesSeen} retries: the run measured retries, not the client's overhead`);
    const rawMean = mean(samples.get('raw fetch')!.latencies);
    const rows = all.map((variant) => {
      const s = samples.get(variant.name)!;
      const sorted = [...s.latencies].sort((a, b) => a - b);
      const m = mean(s.latencies);
      return {
        variant: variant.name,
        target: variant.target,
        requests: s.latencies.length,
        meanMicros: m,
        p50Micros: percentile(sorted, 50),
        p99Micros: percentile(sorted, 99),
        ratioToRaw: m / rawMean,
        cpuMicrosPerRequest: s.cpuMicros / s.latencies.length,
      };
    });
    const rawRounds = samples.get('raw fetch')!.roundMeans;
    const roundRatios = samples.get('client')!.roundMeans.map((m, i) => m / rawRounds[i]!);
    const ratio = rows.find((r) => r.variant === 'client')!.ratioToRaw;
    const result = {
      environment: env,
      settings,
      bodyBytes,
      retries: retriesSeen,
      rows,
      stubCpuMicrosPerCall: stubRows,
      ratio,
      roundRatios: { median: median(roundRatios), min: Math.min(...roundRatios), max: Math.max(...roundRatios) },
      target: TARGET,
      targetMet: ratio <= TARGET,
    };

    if (flags.json) {
      console.log(JSON.stringify(result, null, 2));
    } else {
      console.log(`\nClient overhead: GET /api/prompts/snippet (${bodyBytes} bytes), sequential, against the sandbox in its own process`);
      console.log(`machine: ${env.cpu}, ${env.cores} cores, ${env.os}; load average ${env.loadAverageAtStart.join(' ')} at start, ${env.loadAverageAtEnd.join(' ')} at end`);
      console.log(`node ${env.node} (V8 ${env.v8}, undici ${env.packages.undici}); openapi-fetch ${env.packages['openapi-fetch']}`);
      console.log(`${settings.rounds} rounds x ${settings.requests} requests per variant, interleaved request by request, after ${settings.warmup} warm-up requests per variant\n`);
      const header = ['variant', 'requests', 'mean µs', 'p50 µs', 'p99 µs', 'mean / raw', 'client-side CPU µs/req'];
      const table = rows.map((r) => [
        r.variant,
        fmt(r.requests),
        fmt(r.meanMicros),
        fmt(r.p50Micros),
        fmt(r.p99Micros),
        `${r.ratioToRaw.toFixed(3)}x`,
        fmt(r.cpuMicrosPerRequest),
      ]);
      const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
      console.log(header.map((h, i) => h.padEnd(widths[i]!)).join('  '));
      for (const row of table) console.log(row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  '));
      if (stubRows.length > 0) {
        const rawStub = stubRows[0]!.cpuMicrosPerCall;
        console.log(`\nWithout the network: CPU µs per call over a stub fetch that answers the same body at once (each variant in its own process; the lowest of 3 runs, each the median of 5 blocks of ${settings.stubCalls})\n`);
        const width = Math.max(...stubRows.map((r) => r.variant.length));
        console.log(`${'variant'.padEnd(width)}  CPU µs/call  over raw fetch  the 3 runs`);
        for (const r of stubRows) {
          console.log(`${r.variant.padEnd(width)}  ${fmt(r.cpuMicrosPerCall, 1).padStart(11)}  ${('+' + fmt(r.cpuMicrosPerCall - rawStub, 1)).padStart(14)}  ${r.runs.map((v) => fmt(v, 1)).join(', ')}`);
        }
      }
      console.log(`\nretries scheduled by the clients: ${retriesSeen}`);
      console.log(`client / raw fetch by round: median ${result.roundRatios.median.toFixed(3)}x, range ${result.roundRatios.min.toFixed(3)}x to ${result.roundRatios.max.toFixed(3)}x`);
      console.log(`client / raw fetch mean latency: ${ratio.toFixed(3)}x (target <= ${TARGET.toFixed(2)}x) ${ratio <= TARGET ? 'PASS' : 'MISS'}`);
    }
    return 0;
  } finally {
    server.stop();
  }
}

const worker = flags['stub-worker'];
(worker !== undefined ? stubWorker(Number(worker), flags['stub-file']!).then(() => 0) : main()).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`bench/client: INVALID RUN: ${(error as Error).stack ?? error}`);
    process.exit(1);
  },
);
