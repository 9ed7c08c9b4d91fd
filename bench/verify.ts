// How long the full verifier suite takes against the in-process sandbox
// (issue 5: under 10 s, rate-limit and block scenarios included). Measures
// the library call (sandbox start included) and the CLI as a user runs it.
//   npx tsx bench/verify.ts [--runs N]
import { spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { verify } from '../src/contract/index.ts';
import { median } from './lib/median.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const runs = Number(values.runs);

const library: number[] = [];
let scenarios = 0;
let requests = 0;
for (let i = 0; i < runs; i++) {
  const started = performance.now();
  const report = await verify();
  library.push(performance.now() - started);
  if (!report.ok) throw new Error(`the sandbox did not conform: ${JSON.stringify(report.counts)}`);
  scenarios = report.results.length;
  requests = report.counts.requests;
}

const bin = fileURLToPath(new URL('../bin/snippets-contract.js', import.meta.url));
const cli: number[] = [];
for (let i = 0; i < Math.min(runs, 3); i++) {
  const started = performance.now();
  const result = spawnSync(process.execPath, [bin, 'verify', '--reporter', 'json'], { encoding: 'utf8' });
  cli.push(performance.now() - started);
  if (result.status !== 0) throw new Error(`snippets-contract verify exited ${result.status}: ${result.stderr}`);
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
console.log(`Verifier: full suite against the in-process sandbox (${scenarios} scenarios, ${requests} requests)`);
console.log(`node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'} x${cpus().length}`);
console.log(`library verify(), median of ${library.length}: ${seconds(median(library))} (runs: ${library.map(seconds).join(', ')})`);
console.log(`CLI snippets-contract verify, median of ${cli.length}: ${seconds(median(cli))} (process start included)`);
console.log(`target: under 10 s -> ${median(cli) < 10_000 ? 'met' : 'MISSED'}`);
