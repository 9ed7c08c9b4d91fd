// Validator benchmark (issue 2): what checking one response body costs.
//
//   npx tsx bench/validators.ts           table
//   npx tsx bench/validators.ts --json    the same results as JSON
//   npx tsx bench/validators.ts --quick   fewer, shorter rounds (a smoke run; noisier)
//
// For a realistic error body and a realistic `getSnippet` 200 body it
// measures, in one run, ns per body for
//   (a) JSON.parse of the body text: the floor, since every body is parsed;
//   (b) the generated standalone validator (generated/validators.js) on an
//       already parsed body;
//   (c) openapi-backend's validateResponse(body, operationId, status) on a
//       3.0 copy of the spec (bench/lib/downgrade-to-openapi-30.ts), with
//       ajv-formats added so that it checks the same formats.
// Targets: (b) at most 0.5x (a), and (c) at least 10x (b). Ratios from one
// run are what count: absolute times move with the machine and its load.
// A missed target is printed, not turned into a failing exit status; a
// validator that rejects a valid body (or accepts an invalid one) aborts.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import addFormatsModule from 'ajv-formats';
import { OpenAPIBackend } from 'openapi-backend';
import { parse as parseYaml } from 'yaml';
import { validatorFor, type Validator } from '../generated/validators.js';
import { downgradeToOpenApi30, type JsonObject } from './lib/downgrade-to-openapi-30.ts';
import { median } from './lib/median.ts';

// CommonJS module: under NodeNext its callable sits on `.default`.
const addFormats = addFormatsModule.default;

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

// ------------------------------------------------------------------ bodies

const REQUEST_ID = 'req_8c1f2e4a6b0d4e9fa3c57d21e0b9f6aa';
const SNIPPET_ID = '0b8f5c2a-1d3e-4f5a-9b6c-7d8e9f0a1b2c';

export interface BenchBody {
  name: string;
  operationId: string;
  status: number;
  /** The body as the server sends it. */
  text: string;
  /** The same body with one uuid made invalid: every validator must refuse it. */
  invalid: unknown;
}

/** A 403 QUOTA_INSUFFICIENT error body, with the quota shortfall in `usage`. */
export const errorBody = {
  success: false,
  code: 'QUOTA_INSUFFICIENT',
  message: 'Insufficient API requests',
  error: 'This call costs 1 request and the workspace has 0 left',
  requestId: REQUEST_ID,
  usage: { remainingRequests: 0, requiredRequests: 1 },
};

function variation(id: string, name: string, orderIndex: number, type: string, content: string, at: string) {
  return { id, snippetId: SNIPPET_ID, variationName: name, content: { type, content }, orderIndex, createdAt: at, updatedAt: at };
}

/** A `getSnippet` 200 body: a snippet with three variations, tags, a folder and a note. */
export const snippetBody = {
  success: true,
  data: {
    id: SNIPPET_ID,
    teamId: '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f',
    title: 'Refund reply',
    note: 'Use for approved refunds only. Check the order is older than 14 days first.',
    shortcut: '/refund',
    folderId: '3d4e5f6a-7b8c-4d9e-8f0a-1b2c3d4e5f6a',
    tagIds: ['7e8f9a0b-1c2d-4e3f-9a4b-5c6d7e8f9a0b', 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d'],
    variations: [
      variation(
        '5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d',
        'Default',
        0,
        'plaintext',
        'Hi {name}, your refund of {amount} is on its way. It should reach your account within 5 to 7 business days. Reply to this message if it has not arrived by then.',
        '2026-11-02T09:14:03.120Z',
      ),
      variation(
        '9c8b7a6d-5e4f-4d3c-9b2a-1f0e9d8c7b6a',
        'Formal',
        1,
        'markdown',
        'Dear {name},\n\nWe have issued a refund of **{amount}** for order `{order}`.\n\n- Card payments: 5 to 7 business days\n- Bank transfers: up to 10 business days\n\nKind regards,\nThe support team',
        '2026-11-03T16:40:11.005Z',
      ),
      variation(
        'd4c3b2a1-0f9e-4d8c-8b7a-6f5e4d3c2b1a',
        'Short',
        2,
        'plaintext',
        'Refund of {amount} sent; allow 5-7 business days.',
        '2026-11-05T08:02:59.999+01:00',
      ),
    ],
    createdAt: '2026-11-02T09:14:03.120Z',
    updatedAt: '2026-11-05T08:02:59.999+01:00',
  },
  usage: { remainingRequests: 99873, usageDeducted: 1 },
  metadata: { totalVariations: 3, tagsAttached: 2 },
};

export const benchBodies: BenchBody[] = [
  {
    name: 'error 403 QUOTA_INSUFFICIENT',
    operationId: 'getSnippet',
    status: 403,
    text: JSON.stringify(errorBody),
    invalid: { ...errorBody, requestId: 'req invalid!' },
  },
  {
    name: 'getSnippet 200 (3 variations)',
    operationId: 'getSnippet',
    status: 200,
    text: JSON.stringify(snippetBody),
    invalid: { ...snippetBody, data: { ...snippetBody.data, teamId: '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4' } },
  },
];

// ---------------------------------------------------------- openapi-backend

/** openapi.yaml as the 3.0.3 document openapi-backend accepts. */
export function loadSpec30(): JsonObject {
  const doc = parseYaml(readFileSync(join(root, 'openapi.yaml'), 'utf8')) as JsonObject;
  return downgradeToOpenApi30(doc);
}

/**
 * An initialised openapi-backend on `definition`. `strict` makes init throw
 * when the document is not valid OpenAPI 3.0 (instead of warning); ajv-formats
 * in full mode is added because openapi-backend itself only knows the
 * OpenAPI numeric formats and would otherwise let any uuid or date-time pass.
 */
export async function createOpenApiBackend(definition: JsonObject): Promise<OpenAPIBackend> {
  const api = new OpenAPIBackend({
    definition: definition as never,
    strict: true,
    customizeAjv: (ajv) => {
      addFormats(ajv, { mode: 'full' });
      return ajv;
    },
  });
  await api.init();
  return api;
}

// ----------------------------------------------------------------- timing

export interface Candidate {
  label: string;
  /** Runs `iterations` times and returns a count the caller keeps, so nothing is dead code. */
  run: (iterations: number) => number;
  /** The count must equal the iterations: every body validated as valid. */
  allValid?: boolean;
}

export interface Measurement {
  label: string;
  nsPerBody: number;
  /** Every round's ns per body, in the order measured. */
  rounds: number[];
}

let sink = 0;

/** Distinct parsed copies of one body: validators see fresh objects, as after a real parse. */
const COPIES = 64;

function candidatesFor(body: BenchBody, api: OpenAPIBackend): Candidate[] {
  const text = body.text;
  const copies = Array.from({ length: COPIES }, () => JSON.parse(text) as unknown);
  const validate = generatedValidator(body);
  const operation = api.router.getOperation(body.operationId)!;
  return [
    {
      label: 'JSON.parse',
      run(iterations) {
        let kept = 0;
        for (let i = 0; i < iterations; i++) {
          const parsed = JSON.parse(text) as { success: boolean };
          if (parsed.success) kept++;
        }
        return kept;
      },
    },
    {
      label: 'generated validator',
      allValid: true,
      run(iterations) {
        let kept = 0;
        for (let i = 0; i < iterations; i++) if (validate(copies[i & (COPIES - 1)])) kept++;
        return kept;
      },
    },
    {
      label: 'openapi-backend',
      allValid: true,
      run(iterations) {
        let kept = 0;
        for (let i = 0; i < iterations; i++) {
          if (api.validateResponse(copies[i & (COPIES - 1)], body.operationId, body.status).valid) kept++;
        }
        return kept;
      },
    },
    {
      // Not a target: openapi-backend given the Operation object, which skips
      // its per-call operation lookup; shows what its compiled ajv alone costs.
      label: 'openapi-backend (operation object)',
      allValid: true,
      run(iterations) {
        let kept = 0;
        for (let i = 0; i < iterations; i++) {
          if (api.validateResponse(copies[i & (COPIES - 1)], operation, body.status).valid) kept++;
        }
        return kept;
      },
    },
  ];
}

function timeNs(candidate: Candidate, iterations: number): number {
  const start = process.hrtime.bigint();
  const kept = candidate.run(iterations);
  const ns = Number(process.hrtime.bigint() - start);
  if (candidate.allValid && kept !== iterations) {
    console.error(`bench/validators: ${candidate.label} rejected ${iterations - kept} of ${iterations} valid bodies while timed`);
    process.exit(1);
  }
  sink += kept;
  return ns;
}

/** Iterations that take about `targetMs`. */
function calibrate(candidate: Candidate, targetMs: number): number {
  let iterations = 100;
  for (;;) {
    const ns = timeNs(candidate, iterations);
    if (ns >= targetMs * 1e6 * 0.25 || iterations >= 1e8) return Math.max(100, Math.round((iterations * targetMs * 1e6) / ns));
    iterations *= 4;
  }
}


export interface TimingOptions {
  warmupMs: number;
  roundMs: number;
  rounds: number;
}

/**
 * Warms every candidate up, then times `rounds` rounds of each, the candidates
 * interleaved round by round so that drift in the machine's speed touches
 * them alike; the result is the median round.
 */
export function measure(candidates: Candidate[], options: TimingOptions): Measurement[] {
  const iterations = candidates.map((candidate) => {
    const deadline = performance.now() + options.warmupMs;
    while (performance.now() < deadline) sink += candidate.run(1000);
    return calibrate(candidate, options.roundMs);
  });
  const rounds: number[][] = candidates.map(() => []);
  for (let round = 0; round < options.rounds; round++) {
    candidates.forEach((candidate, index) => {
      rounds[index]!.push(timeNs(candidate, iterations[index]!) / iterations[index]!);
    });
  }
  return candidates.map((candidate, index) => ({ label: candidate.label, nsPerBody: median(rounds[index]!), rounds: rounds[index]! }));
}

// ---------------------------------------------------------------- checks

/** Aborts unless each validator accepts the valid body and refuses the invalid one. */
function generatedValidator(body: BenchBody): Validator<unknown> {
  const validate = validatorFor(body.operationId, body.status);
  if (!validate) {
    console.error(`bench/validators: generated/validators.js has no validator for ${body.operationId} ${body.status}`);
    process.exit(1);
  }
  return validate;
}

function checkValidators(body: BenchBody, api: OpenAPIBackend): void {
  const validate = generatedValidator(body);
  const parsed = JSON.parse(body.text) as unknown;
  const problems: string[] = [];
  if (!validate(parsed)) problems.push(`the generated validator rejects the valid body: ${JSON.stringify(validate.errors)}`);
  if (validate(body.invalid)) problems.push('the generated validator accepts the invalid body');
  const result = api.validateResponse(parsed, body.operationId, body.status);
  if (!result.valid) problems.push(`openapi-backend rejects the valid body: ${JSON.stringify(result.errors)}`);
  if (api.validateResponse(body.invalid, body.operationId, body.status).valid) problems.push('openapi-backend accepts the invalid body');
  if (problems.length > 0) {
    console.error(`bench/validators: ${body.name}:\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
}

// ----------------------------------------------------------------- report

export const TARGET_VALIDATOR_OVER_PARSE = 0.5;
export const TARGET_BACKEND_OVER_VALIDATOR = 10;

interface BodyResult {
  body: string;
  bytes: number;
  nsPerBody: Record<string, number>;
  validatorOverParse: number;
  backendOverValidator: number;
  backendWithOperationOverValidator: number;
  targets: { validatorOverParse: boolean; backendOverValidator: boolean };
}

function packageVersion(name: string): string {
  const require = createRequire(import.meta.url);
  try {
    return (JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version: string }).version;
  } catch {
    // Packages whose exports map hides package.json: find it beside the entry point.
    let dir = dirname(require.resolve(name));
    while (dir !== dirname(dir)) {
      try {
        const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version: string };
        if (pkg.name === name) return pkg.version;
      } catch {
        // keep climbing
      }
      dir = dirname(dir);
    }
    return 'unknown';
  }
}

function environment() {
  return {
    node: process.version,
    v8: process.versions.v8,
    platform: `${process.platform} ${process.arch}`,
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    packages: Object.fromEntries(['ajv', 'ajv-formats', 'openapi-backend'].map((name) => [name, packageVersion(name)])),
  };
}

function fmt(ns: number): string {
  return ns >= 100 ? ns.toFixed(0) : ns.toFixed(1);
}

function ratio(value: number): string {
  return value >= 10 ? value.toFixed(1) : value.toFixed(2);
}

function printTable(results: BodyResult[], env: ReturnType<typeof environment>, options: TimingOptions, backendInitMs: number): void {
  const lines: string[] = [];
  lines.push(`Validator benchmark: ns per body, median of ${options.rounds} rounds of ~${options.roundMs} ms`);
  lines.push(`node ${env.node} (V8 ${env.v8}), ${env.platform}, ${env.cpu} x${env.cores}`);
  lines.push(`ajv ${env.packages.ajv}, ajv-formats ${env.packages['ajv-formats']}, openapi-backend ${env.packages['openapi-backend']}`);
  lines.push('');
  const labels = ['JSON.parse', 'generated validator', 'openapi-backend', 'openapi-backend (operation object)'];
  const header = ['body', 'bytes', ...labels.map((l) => `${l} ns`), 'validator / parse', 'openapi-backend / validator'];
  const rows = results.map((r) => [
    r.body,
    String(r.bytes),
    ...labels.map((l) => fmt(r.nsPerBody[l]!)),
    `${ratio(r.validatorOverParse)}x ${r.targets.validatorOverParse ? 'ok' : 'MISSED'} (<= ${TARGET_VALIDATOR_OVER_PARSE})`,
    `${ratio(r.backendOverValidator)}x ${r.targets.backendOverValidator ? 'ok' : 'MISSED'} (>= ${TARGET_BACKEND_OVER_VALIDATOR})`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i < 1 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  lines.push(line(header));
  lines.push(`|${widths.map((w, i) => (i < 1 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
  for (const row of rows) lines.push(line(row));
  lines.push('');
  for (const r of results) {
    lines.push(
      `${r.body}: openapi-backend given the operation object (not a target): ${ratio(r.backendWithOperationOverValidator)}x the generated validator`,
    );
  }
  lines.push(`openapi-backend init (read, check and dereference the 3.0 document, compile its validators): ${backendInitMs.toFixed(0)} ms, once per process`);
  const missed = results.flatMap((r) => [
    ...(r.targets.validatorOverParse ? [] : [`${r.body}: generated validator is ${ratio(r.validatorOverParse)}x JSON.parse (target <= ${TARGET_VALIDATOR_OVER_PARSE}x)`]),
    ...(r.targets.backendOverValidator ? [] : [`${r.body}: openapi-backend is only ${ratio(r.backendOverValidator)}x slower (target >= ${TARGET_BACKEND_OVER_VALIDATOR}x)`]),
  ]);
  lines.push('');
  lines.push(missed.length === 0 ? 'All targets met.' : `TARGETS MISSED:\n  ${missed.join('\n  ')}`);
  console.log(lines.join('\n'));
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const unknown = args.filter((a) => a !== '--json' && a !== '--quick');
  if (unknown.length > 0) {
    console.error(`bench/validators: unknown argument ${unknown[0]}; usage: npx tsx bench/validators.ts [--json] [--quick]`);
    process.exit(2);
  }
  const json = args.includes('--json');
  const options: TimingOptions = args.includes('--quick') ? { warmupMs: 200, roundMs: 20, rounds: 5 } : { warmupMs: 1000, roundMs: 100, rounds: 15 };

  const spec30 = loadSpec30();
  const initStart = performance.now();
  const api = await createOpenApiBackend(spec30);
  const backendInitMs = performance.now() - initStart;
  const results: BodyResult[] = [];
  for (const body of benchBodies) {
    checkValidators(body, api);
    const measured = measure(candidatesFor(body, api), options);
    const ns = Object.fromEntries(measured.map((m) => [m.label, m.nsPerBody]));
    const parseNs = ns['JSON.parse']!;
    const validatorNs = ns['generated validator']!;
    const validatorOverParse = validatorNs / parseNs;
    const backendOverValidator = ns['openapi-backend']! / validatorNs;
    results.push({
      body: body.name,
      bytes: Buffer.byteLength(body.text),
      nsPerBody: ns,
      validatorOverParse,
      backendOverValidator,
      backendWithOperationOverValidator: ns['openapi-backend (operation object)']! / validatorNs,
      targets: {
        validatorOverParse: validatorOverParse <= TARGET_VALIDATOR_OVER_PARSE,
        backendOverValidator: backendOverValidator >= TARGET_BACKEND_OVER_VALIDATOR,
      },
    });
  }
  const env = environment();
  if (json) {
    console.log(JSON.stringify({ environment: env, options, backendInitMs, targets: { validatorOverParse: TARGET_VALIDATOR_OVER_PARSE, backendOverValidator: TARGET_BACKEND_OVER_VALIDATOR }, results }, null, 2));
  } else {
    printTable(results, env, options, backendInitMs);
  }
  // Keep the work observable to the optimiser; never true in practice.
  if (sink === -1) console.log(sink);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(`bench/validators: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  });
}
