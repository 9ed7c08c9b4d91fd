// Generated mode's throughput against the in-process sandbox (issue #14,
// point 5): requests per second, and the verifier's own time per request
// (drawing the scenarios, resolving and checking: everything outside fetch)
// against the sandbox's (inside fetch: the server's work and both ends of
// HTTP, in this same process and event loop).
//
// Targets: >= 1000 requests per second; verifier <= 0.5 x sandbox per request.
//
//   npx tsx bench/generated.ts                     count 3000, seeds 1..3
//   npx tsx bench/generated.ts --count 1000 --runs 5
//   npx tsx bench/generated.ts --http              over HTTP, against a sandbox listening on a port (verify()'s
//                                                  own in-process sandbox is reached without a socket)
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { verify, type Exchange } from '../src/contract/index.ts';
import { generatedScenarios } from '../src/contract/generation/index.ts';
import { median } from './lib/median.ts';

const { values } = parseArgs({ options: { count: { type: 'string', default: '3000' }, runs: { type: 'string', default: '3' }, http: { type: 'boolean', default: false } } });
const count = Number(values.count);
const runs = Number(values.runs);

interface Run {
  requests: number;
  generateMs: number;
  /** From the first request sent to the last answer read. */
  wallMs: number;
  /** Inside fetch: sending, the sandbox's work, reading the answer's body. */
  insideMs: number;
  /** Inside fetch, by method. */
  byMethod: Map<string, { count: number; ms: number }>;
  failed: number;
}

async function measure(seed: number): Promise<Run> {
  const generateStarted = performance.now();
  const scenarios = generatedScenarios({ count, seed });
  const generateMs = performance.now() - generateStarted;
  let first: number | undefined;
  let last = 0;
  let insideMs = 0;
  let requests = 0;
  const byMethod = new Map<string, { count: number; ms: number }>();
  // Each exchange's duration runs from sending to its body read: the sandbox's work and the transport's.
  const onExchange = (exchange: Exchange) => {
    const ended = performance.now();
    first ??= ended - exchange.durationMs;
    last = ended;
    insideMs += exchange.durationMs;
    requests++;
    const method = byMethod.get(exchange.method) ?? { count: 0, ms: 0 };
    byMethod.set(exchange.method, { count: method.count + 1, ms: method.ms + exchange.durationMs });
  };
  // Over HTTP to a sandbox of our own when asked; otherwise the one verify() runs in this process, without a socket.
  const sandbox = values.http ? await (await (await import('../src/sandbox/server.ts')).createSandboxServer({ db: ':memory:', port: 0, host: '127.0.0.1', logLevel: 'silent' })).listen() : undefined;
  const report = await verify({ scenarios, onExchange, ...(sandbox && { baseUrl: sandbox.url }) });
  await sandbox?.close();
  // The runner's first request (GET /health, before the scenarios) is left in: it is one of thousands.
  return { requests, generateMs, wallMs: last - first!, insideMs, byMethod, failed: report.counts.failed };
}

const results: Run[] = [];
await measure(99); // warm-up: JIT, the validators' first calls
for (let i = 0; i < runs; i++) results.push(await measure(i + 1));

const perSecond = results.map((r) => (r.requests / (r.generateMs + r.wallMs)) * 1000);
const verifierPerRequest = results.map((r) => (r.generateMs + r.wallMs - r.insideMs) / r.requests);
const sandboxPerRequest = results.map((r) => r.insideMs / r.requests);
const ratio = results.map((_, i) => verifierPerRequest[i]! / sandboxPerRequest[i]!);
const ms = (value: number) => `${value.toFixed(3)} ms`;

console.log(`Generated mode against the in-process sandbox (${values.http ? 'over HTTP' : "verify()'s own, without a socket"}; :memory: SQLite): count ${count}, ${runs} runs (seeds 1..${runs}), after one warm-up run`);
console.log(`node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'} x${cpus().length}`);
for (const [i, r] of results.entries()) {
  console.log(
    `  seed ${i + 1}: ${r.requests} requests in ${(r.generateMs + r.wallMs).toFixed(0)} ms (drawing ${r.generateMs.toFixed(0)} ms), ` +
      `${perSecond[i]!.toFixed(0)} req/s; verifier ${ms(verifierPerRequest[i]!)}, sandbox ${ms(sandboxPerRequest[i]!)} per request; failed scenarios ${r.failed}`,
  );
  console.log(`    sandbox per request by method: ${[...r.byMethod].map(([method, m]) => `${method} ${ms(m.ms / m.count)} (${m.count})`).join(', ')}`);
}
console.log(`requests per second, median: ${median(perSecond).toFixed(0)} (target >= 1000: ${median(perSecond) >= 1000 ? 'met' : 'MISSED'})`);
console.log(
  `verifier / sandbox time per request, median: ${ms(median(verifierPerRequest))} / ${ms(median(sandboxPerRequest))} = ${median(ratio).toFixed(2)} (target <= 0.5: ${median(ratio) <= 0.5 ? 'met' : 'MISSED'})`,
);
if (results.some((r) => r.failed > 0)) console.log('NOTE: some scenarios failed; the sandbox should conform');
