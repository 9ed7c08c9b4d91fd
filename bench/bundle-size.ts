// What the in-process sandbox weighs in a browser (issue #15, point 2):
// esbuild bundles (platform browser, ESM, minified, every export kept) of
// createSandbox() (src/sandbox/in-process.ts), then of createSandbox() with
// the MSW handlers (src/sandbox/msw-handlers.ts) and msw/browser's
// setupWorker, as a page that mocks the API with the sandbox ships them; and,
// for scale, msw/browser alone, the typed client alone (every export) and
// createSnippetsClient alone. Sizes in bytes:
// minified, then gzip (node:zlib, default level 6) and brotli (default
// quality 11) of it, and the inputs that weigh most in each bundle
// (minified bytes, by package or by our directory).
//
//   npx tsx bench/bundle-size.ts
//   npx tsx bench/bundle-size.ts --top 12      the 12 heaviest inputs of each bundle (8 by default; 0 for none)
//   npx tsx bench/bundle-size.ts --json        the results as JSON
import { build, type Metafile } from 'esbuild';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { benchFlags } from './lib/flags.ts';

const { flags } = benchFlags('bundle-size', import.meta.url, {
  top: { type: 'string', default: '8' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', default: false },
});
const top = Number(flags.top);
if (!Number.isInteger(top) || top < 0) {
  console.error(`bundle-size: --top must be a whole number, got "${flags.top}"`);
  process.exit(2);
}

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
/** The name of each bundle's entry (it is given as text, below), left out of the heaviest inputs. */
const ENTRY = 'bundle-entry.ts';

/** What each bundle's entry exports, relative to the repository root. */
const bundles: { name: string; entry: string }[] = [
  { name: 'in-process sandbox', entry: `export * from './src/sandbox/in-process.ts';` },
  {
    name: 'in-process sandbox + MSW handlers + msw/browser',
    entry: `export * from './src/sandbox/in-process.ts';\nexport * from './src/sandbox/msw-handlers.ts';\nexport { setupWorker } from 'msw/browser';`,
  },
  { name: 'msw/browser alone (setupWorker, http)', entry: `export { setupWorker } from 'msw/browser';\nexport { http } from 'msw';` },
  { name: 'typed client alone', entry: `export * from './src/client/index.ts';` },
  // What a page that only creates a client and calls it ships (issue #16: at most 8 KiB gzip); no catalog text.
  { name: 'createSnippetsClient alone', entry: `export { createSnippetsClient } from './src/client/index.ts';` },
];

interface Size {
  name: string;
  minified: number;
  gzip: number;
  brotli: number;
  /** The heaviest inputs: package or directory, minified bytes in the bundle. */
  heaviest: { input: string; bytes: number }[];
}

/** A node_modules input by its package, a generated module by itself, another of ours by its directory. */
function groupOf(input: string): string {
  const inPackage = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
  if (inPackage) return inPackage[1]!;
  return input.startsWith('generated/') ? input : dirname(input);
}

function heaviest(metafile: Metafile): Size['heaviest'] {
  const bytes = new Map<string, number>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      if (input !== ENTRY) bytes.set(groupOf(input), (bytes.get(groupOf(input)) ?? 0) + bytesInOutput);
    }
  }
  return [...bytes]
    .map(([input, size]) => ({ input, bytes: size }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, top);
}

async function measure(name: string, entry: string): Promise<Size> {
  const result = await build({
    stdin: { contents: entry, resolveDir: repoRoot, loader: 'ts', sourcefile: ENTRY },
    bundle: true,
    platform: 'browser',
    format: 'esm',
    minify: true,
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.contents;
  return { name, minified: code.byteLength, gzip: gzipSync(code).byteLength, brotli: brotliCompressSync(code).byteLength, heaviest: heaviest(result.metafile) };
}

const sizes: Size[] = [];
for (const { name, entry } of bundles) sizes.push(await measure(name, entry));

if (flags.json) {
  console.log(JSON.stringify({ node: process.version, esbuild: (await import('esbuild')).version, sizes }, null, 2));
} else {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`.padStart(10);
  const width = Math.max(...sizes.map((s) => s.name.length));
  console.log(`Browser bundles (esbuild ${(await import('esbuild')).version}, platform browser, ESM, minified), bytes:`);
  console.log(`${''.padEnd(width)}  ${'minified'.padStart(10)}  ${'gzip'.padStart(10)}  ${'brotli'.padStart(10)}`);
  for (const s of sizes) console.log(`${s.name.padEnd(width)}  ${kb(s.minified)}  ${kb(s.gzip)}  ${kb(s.brotli)}   (${s.minified} / ${s.gzip} / ${s.brotli})`);
  if (top > 0) {
    for (const s of sizes) {
      console.log(`\n${s.name}, heaviest inputs (minified bytes):`);
      for (const { input, bytes } of s.heaviest) console.log(`  ${kb(bytes)}  ${input}`);
    }
  }
}
