// In-process sandbox benchmark (issue #15): GET /api/prompts/snippet through
// `sandbox.fetch` (createSandbox() on the memory store), against the cost of
// a mock that knows nothing: an MSW handler (setupServer) answering a static
// JSON body of the same size through the global fetch. Both sequential, one
// request at a time, medians of N after a warm-up, measured in one run.
//
// Targets: the in-process median at most 50 µs, and at most 2x the MSW
// handler's.
//
//   npx tsx bench/in-process.ts             5,000 requests each (20,000 settle the JIT better)
//   npx tsx bench/in-process.ts --n 20000
import { parseArgs } from 'node:util';
import demo from '../fixtures/demo.json' with { type: 'json' };
import { createSandbox } from '../src/sandbox/in-process.ts';
import { median } from './lib/median.ts';

const { values } = parseArgs({ options: { n: { type: 'string', default: '5000' } } });
const n = Number(values.n);
if (!Number.isSafeInteger(n) || n < 100) throw new Error(`--n must be a whole number of at least 100, got ${values.n}`);

const key = demo.apiKeys.find((k) => k.status === 'active' && k.expiresAt === null)!;
const teamId = key.teamIds[0]!;
const auth = { authorization: `Bearer ${key.key}` };


async function timeEach(call: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < Math.min(1000, n); i++) await call();
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    await call();
    times.push((performance.now() - started) * 1000);
  }
  return times;
}

const sandbox = await createSandbox({ rateLimitForEveryKey: 100_000_000, fixtures: { ...demo, workspaces: demo.workspaces.map((w) => ({ ...w, remainingRequests: 100_000_000 })) } as never });
const created = await (
  await sandbox.fetch('http://sandbox.test/api/prompts/snippet', {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'Benchmark', content: { type: 'plaintext', content: 'Hello from the bench' }, teamId }),
  })
).json();
if (!created.success) throw new Error(`could not create the snippet: ${JSON.stringify(created)}`);
const url = `http://sandbox.test/api/prompts/snippet?id=${created.data.id}`;
const sample = await (await sandbox.fetch(url, { headers: auth })).text();

const inProcess = await timeEach(async () => (await sandbox.fetch(url, { headers: auth })).text());

let msw: number[] | undefined;
try {
  const { http, HttpResponse } = await import('msw');
  const { setupServer } = await import('msw/node');
  const server = setupServer(http.get('http://static.test/api/prompts/snippet', () => new HttpResponse(sample, { headers: { 'content-type': 'application/json' } })));
  server.listen({ onUnhandledRequest: 'error' });
  msw = await timeEach(async () => (await fetch('http://static.test/api/prompts/snippet?id=x', { headers: auth })).text());
  server.close();
} catch (error) {
  console.log(`MSW not measured: ${(error as Error).message}`);
}
await sandbox.close();

const inProcessMedian = median(inProcess);
console.log(`In-process sandbox: GET /api/prompts/snippet through sandbox.fetch (${sample.length} bytes), ${n} requests`);
console.log(`node ${process.version}`);
console.log(`sandbox.fetch       median ${inProcessMedian.toFixed(1)} µs  p99 ${[...inProcess].sort((a, b) => a - b)[Math.floor(n * 0.99)]!.toFixed(1)} µs  (target: median <= 50 µs) ${inProcessMedian <= 50 ? 'PASS' : 'MISS'}`);
if (msw) {
  const mswMedian = median(msw);
  const ratio = inProcessMedian / mswMedian;
  console.log(`MSW static handler  median ${mswMedian.toFixed(1)} µs`);
  console.log(`sandbox.fetch / MSW static: ${ratio.toFixed(2)}x (target <= 2x) ${ratio <= 2 ? 'PASS' : 'MISS'}`);
}
