// The sandbox under the abuse suite of issue #13: one tenant's worst requests
// must not take the sandbox from the others. A sandbox in its own process
// watches its event loop and memory (lib/monitored-sandbox.ts); another
// process asks GET /health every 20 ms (lib/health-prober.ts); this process
// sends the abuse, one scenario at a time, and reads both after each.
//
// Targets: no request holds the event loop more than 50 ms, /health answers
// within 50 ms throughout, peak RSS under 512 MB in the big-folder scenario.
//
//   npx tsx bench/abuse.ts [--big-snippets 300]
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { benchFixtures, DEMO_KEY, TEAM_ID } from './lib/bench-fixtures.ts';
import type { ProbeStats } from './lib/health-prober.ts';
import type { SandboxStats } from './lib/monitored-sandbox.ts';

const { values } = parseArgs({ options: { 'big-snippets': { type: 'string', default: '300' } } });
const BIG_SNIPPETS = Number(values['big-snippets']);
const TARGET_DELAY_MS = 50;
const TARGET_HEALTH_MS = 50;
const TARGET_RSS_MB = 512;

const dir = mkdtempSync(join(tmpdir(), 'abuse-bench-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

function forkTs(file: string, args: string[]): ChildProcess {
  const child = fork(new URL(file, import.meta.url).pathname, args, { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  process.on('exit', () => child.kill('SIGKILL'));
  return child;
}

/** Sends `message` and resolves with the child's next message. */
function ask<T>(child: ChildProcess, message: string): Promise<T> {
  return new Promise((resolve) => {
    child.once('message', (answer) => resolve(answer as T));
    child.send(message);
  });
}

const sandbox = forkTs('./lib/monitored-sandbox.ts', [benchFixtures(dir), join(dir, 'sandbox.db')]);
const { url } = await new Promise<{ url: string }>((resolve) => sandbox.once('message', (m) => resolve(m as { url: string })));
const prober = forkTs('./lib/health-prober.ts', [url]);
await new Promise((resolve) => prober.once('message', resolve));

const auth = { authorization: `Bearer ${DEMO_KEY}` };
const json = { ...auth, 'content-type': 'application/json' };

async function post(path: string, body: string): Promise<number> {
  const answer = await fetch(`${url}${path}`, { method: 'POST', headers: json, body });
  await answer.arrayBuffer();
  return answer.status;
}

/** Runs `tasks` with at most `concurrency` at a time. */
async function pool(count: number, concurrency: number, task: (i: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < count) await task(next++);
  }));
}

interface Row {
  scenario: string;
  what: string;
  maxDelayMs: number;
  healthMaxMs: number;
  healthFailures: number;
  peakRssMb: number;
  seconds: number;
}
const rows: Row[] = [];

async function scenario(name: string, run: () => Promise<string>): Promise<void> {
  await Promise.all([ask(sandbox, 'reset'), ask(prober, 'reset')]);
  const start = performance.now();
  const what = await run();
  const seconds = (performance.now() - start) / 1000;
  const [s, p] = await Promise.all([ask<SandboxStats>(sandbox, 'stats'), ask<ProbeStats>(prober, 'stats')]);
  rows.push({ scenario: name, what, maxDelayMs: s.maxDelayMs, healthMaxMs: p.maxMs, healthFailures: p.failures, peakRssMb: s.peakRssMb, seconds });
  console.log(`${name}: ${what}; event loop max ${s.maxDelayMs.toFixed(1)} ms (most CPU between two 5 ms ticks ${s.maxCpuMs.toFixed(1)} ms, longest GC pause ${s.maxGcMs.toFixed(1)} ms${s.maxGcKind ? `, ${s.maxGcKind}` : ''}), /health max ${p.maxMs.toFixed(1)} ms over ${p.probes} probes (${p.failures} failed), peak RSS ${s.peakRssMb.toFixed(0)} MB, ${seconds.toFixed(1)} s`);
}

// The prober's first requests pay for its own start (JIT, the first connection): not the sandbox's.
await new Promise((resolve) => setTimeout(resolve, 2_000));

await scenario('idle', async () => {
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  return 'nothing sent for 2 s';
});

// Each abusive body is sent one at a time (what one request costs) and then many at once (what a burst costs).
const quadratic = `{"snippets":[${Array(40_000).fill('{}').join(',')}]}`;
const quadraticMax = `{"snippets":[${Array(349_000).fill('{}').join(',')}]}`;
const errorItem = (n: number) => ({ title: `t${n}`, teamId: TEAM_ID, content: { type: 'plaintext', content: 'x'.repeat(9_000) }, tagIds: Array.from({ length: 50 }, () => 'not-a-uuid') });
const fullOfErrors = JSON.stringify({ snippets: Array.from({ length: 100 }, (_, n) => errorItem(n)) });
for (const [name, body, count, concurrency] of [
  ['quadratic validation, one at a time', quadratic, 30, 1],
  ['quadratic validation, 20 at a time', quadratic, 60, 20],
  ['1 MiB of empty items, one at a time', quadraticMax, 20, 1],
  ['largest bodies, one at a time', fullOfErrors, 20, 1],
  ['largest bodies, 10 at a time', fullOfErrors, 40, 10],
] as const) {
  await scenario(name, async () => {
    const statuses = new Set<number>();
    await pool(count, concurrency, async () => statuses.add(await post('/api/prompts/snippets', body)));
    return `${count} POST /snippets of ${(body.length / 1024).toFixed(0)} KiB (${body === fullOfErrors ? '100 items full of errors' : 'empty items'}): ${[...statuses].join(', ')}`;
  });
}

await scenario('unknown keys', async () => {
  const statuses = new Set<number>();
  await pool(100_000, 64, async (i) => {
    const answer = await fetch(`${url}/api/prompts/tags`, { headers: { authorization: `Bearer sk_test_scan${i.toString(36).padStart(24, '0')}` } });
    await answer.arrayBuffer();
    statuses.add(answer.status);
  });
  return `100,000 distinct unknown keys, 64 at a time: ${[...statuses].join(', ')}`;
});

await scenario('bodies that never come', async () => {
  const sockets = await Promise.all(
    Array.from({ length: 300 }, () => new Promise<ReturnType<typeof connect>>((resolve) => {
      const socket = connect(Number(new URL(url).port), '127.0.0.1', () => {
        socket.write(`POST /api/prompts/snippet HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${DEMO_KEY}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"ti`);
        resolve(socket);
      });
      socket.on('error', () => {});
    })),
  );
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  const ok = (await fetch(`${url}/api/prompts/tags`, { headers: auth })).status;
  for (const socket of sockets) socket.destroy();
  return `300 connections holding a body they never finish, 3 s; a normal request meanwhile: ${ok}`;
});

let folderId = '';
const text = (c: string) => ({ type: 'plaintext', content: c.repeat(50_000) });
let bigBody = '';
for (const [name, share, concurrency] of [
  ['big folder: filling, one at a time', 0.2, 1],
  ['big folder: filling, 4 at a time', 0.8, 4],
] as const) {
  await scenario(name, async () => {
    if (!folderId) {
      const folder = await fetch(`${url}/api/prompts/folder`, { method: 'POST', headers: json, body: JSON.stringify({ folderName: 'Big', teamId: TEAM_ID }) });
      folderId = ((await folder.json()) as { data: { id: string } }).data.id;
      bigBody = JSON.stringify({ title: 'Big', teamId: TEAM_ID, folderId, content: text('a'), additionalVariations: Array.from({ length: 17 }, (_, i) => ({ variationName: `V${i}`, content: text('b') })) });
    }
    const count = Math.round(BIG_SNIPPETS * share);
    const statuses = new Set<number>();
    await pool(count, concurrency, async () => statuses.add(await post('/api/prompts/snippet', bigBody)));
    return `${count} snippets of ${(bigBody.length / 2 ** 20).toFixed(2)} MiB into one folder: ${[...statuses].join(', ')}`;
  });
}

await scenario('big folder: reading, one page at a time', async () => {
  let pages = 0;
  let next = '';
  for (;;) {
    const answer = await fetch(`${url}/api/prompts/folder?id=${folderId}&limit=100${next}`, { headers: auth });
    const body = (await answer.json()) as { metadata: { hasMore: boolean; nextCursor: string | null } };
    pages++;
    if (!body.metadata.hasMore) break;
    next = `&cursor=${body.metadata.nextCursor}`;
  }
  return `all ${pages} pages of the folder, one request at a time`;
});

await scenario('big folder: reading, 10 at a time', async () => {
  let bytes = 0;
  let largest = 0;
  const read = async (query: string) => {
    const answer = await fetch(`${url}/api/prompts/folder?id=${folderId}&limit=100${query}`, { headers: auth });
    const text = await answer.text();
    bytes += text.length;
    largest = Math.max(largest, text.length);
    return JSON.parse(text) as { metadata: { hasMore: boolean; nextCursor: string | null } };
  };
  for (let round = 0; round < 10; round++) await Promise.all(Array.from({ length: 10 }, () => read('')));
  return `10 x 10 concurrent GET /folder (first page): ${(bytes / 2 ** 20).toFixed(0)} MiB read, largest answer ${(largest / 2 ** 20).toFixed(2)} MiB`;
});

// Each child exits on 'stop' without an answer: wait for its exit (a promise left pending would end this process before the verdicts).
const stopped = (child: ChildProcess) => new Promise((resolve) => {
  if (child.exitCode !== null || child.signalCode !== null) return resolve(undefined);
  child.once('exit', resolve);
  try {
    child.send('stop');
  } catch {
    // Its channel closed already: it is on its way out.
  }
});
await Promise.all([stopped(sandbox), stopped(prober)]);

console.log('\n| scenario | event loop max (ms) | /health max (ms) | peak RSS (MB) |');
console.log('|---|---|---|---|');
for (const row of rows) console.log(`| ${row.scenario} | ${row.maxDelayMs.toFixed(1)} | ${row.healthMaxMs.toFixed(1)}${row.healthFailures ? ` (${row.healthFailures} failed)` : ''} | ${row.peakRssMb.toFixed(0)} |`);
const worstDelay = Math.max(...rows.map((r) => r.maxDelayMs));
const worstHealth = Math.max(...rows.map((r) => r.healthMaxMs));
const bigRss = Math.max(...rows.filter((r) => r.scenario.startsWith('big folder')).map((r) => r.peakRssMb));
const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
console.log(`\nevent loop never held over ${TARGET_DELAY_MS} ms: worst ${worstDelay.toFixed(1)} ms, ${verdict(worstDelay <= TARGET_DELAY_MS)}`);
console.log(`/health within ${TARGET_HEALTH_MS} ms throughout: worst ${worstHealth.toFixed(1)} ms, ${verdict(worstHealth <= TARGET_HEALTH_MS && rows.every((r) => r.healthFailures === 0))}`);
console.log(`peak RSS under ${TARGET_RSS_MB} MB with the big folder: ${bigRss.toFixed(0)} MB, ${verdict(bigRss < TARGET_RSS_MB)}`);
process.exit(0);
