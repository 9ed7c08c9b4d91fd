// The lone-surrogate check of a JSON body (src/sandbox/unicode.ts) against
// JSON.parse of the same body, for bodies of about 1 MB (the spec's body
// limit) shaped to be costly: wide, many keys, deep. Best of N runs each, in
// one process, so the ratio is what matters. The walk runs only for a body
// whose text holds a surrogate escape; the escape test itself is timed too.
//
//   npx tsx bench/unicode-walk.ts            best of 10
//   npx tsx bench/unicode-walk.ts --runs 3
import { illFormedFields, mayHoldLoneSurrogate } from '../src/sandbox/unicode.ts';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 10;
const LONE = '"\\ud800"';
const teamId = '2c5ea4c0-4067-11e9-8bad-9b1deb4d3b7d';

const bodies: Record<string, string> = {
  'batch of 100 snippets': JSON.stringify({
    snippets: Array.from({ length: 100 }, () => ({ title: 't'.repeat(200), teamId, content: { type: 'plaintext', content: 'é😀'.repeat(1600) }, tagIds: Array(50).fill(teamId) })),
  }).replace(/}$/, `,"x":${LONE}}`),
  'array of 500k numbers': `[${Array(500_000).fill('0').join(',')},${LONE}]`,
  'array of 250k strings': `[${Array(250_000).fill('""').join(',')},${LONE}]`,
  'object of 80k keys': `{${Array.from({ length: 80_000 }, (_, i) => `"k${i}":1`).join(',')},"x":${LONE}}`,
  'nested 100k deep': `${'['.repeat(100_000)}${LONE}${']'.repeat(100_000)}`,
  'nested 500k deep': `${'['.repeat(500_000)}${LONE}${']'.repeat(500_000)}`,
};

function best(work: () => void): number {
  let fastest = Infinity;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    work();
    fastest = Math.min(fastest, performance.now() - started);
  }
  return fastest;
}

console.log(`best of ${runs} runs, ms`);
console.log('body'.padEnd(24), 'MB'.padStart(5), 'parse'.padStart(8), 'escape?'.padStart(8), 'walk'.padStart(8), 'walk/parse'.padStart(11));
for (const [name, text] of Object.entries(bodies)) {
  const value = JSON.parse(text);
  if (illFormedFields(value).length !== 1) throw new Error(`${name}: the lone surrogate was not found`);
  const parse = best(() => JSON.parse(text));
  const escape = best(() => mayHoldLoneSurrogate(text));
  const walk = best(() => illFormedFields(value));
  console.log(
    name.padEnd(24),
    (text.length / 1e6).toFixed(2).padStart(5),
    parse.toFixed(2).padStart(8),
    escape.toFixed(2).padStart(8),
    walk.toFixed(2).padStart(8),
    (walk / parse).toFixed(2).padStart(11),
  );
}
