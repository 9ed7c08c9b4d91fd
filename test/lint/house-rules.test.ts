// The house lint rules (issue 2) really guard the contract: for each rule, a
// deliberately broken copy of openapi.yaml makes exactly that rule fire, at
// the expected place, while the real spec passes clean.
//
// Spectral runs in-process on the same .spectral.js the CLI loads, narrowed
// to the house rules (ours plus operationId and tags, which this project
// makes errors): "exactly that rule" means no other house rule fires. The
// other spectral:oas rules cost most of Spectral's run time on this spec and
// are not ours; the Spectral CLI, run alongside as a child process with no
// --ruleset, lints the real spec with every rule (and must find .spectral.js
// by itself). Redocly runs as a CLI too, with redocly.yaml and its ignore file.
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { Document, Ruleset, Spectral } from '@stoplight/spectral-core';
import type { ISpectralDiagnostic, RulesetDefinition } from '@stoplight/spectral-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';

// spectral-parsers is CommonJS whose named exports Node's ESM loader cannot
// see; require it.
const { Yaml } = createRequire(import.meta.url)('@stoplight/spectral-parsers') as typeof import('@stoplight/spectral-parsers');

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const specPath = join(repoRoot, 'openapi.yaml');
const rulesetPath = join(repoRoot, '.spectral.js');
const specText = readFileSync(specPath, 'utf8');

const ERROR = 0; // DiagnosticSeverity.Error

/** The rules this project adds or makes errors: a mutation may fire only its own. */
const HOUSE_RULES = [
  'operation-operationId',
  'operation-tags',
  'snippets-operation-summary',
  'snippets-shared-error-responses',
  'snippets-error-response-ref',
  'snippets-error-response-schema',
  'snippets-retry-after-header',
  'snippets-example-code-known',
  'snippets-example-status-matches-catalog',
  'snippets-error-example-name',
  'snippets-error-catalog-entry',
  'snippets-error-code-enum',
  'snippets-response-request-id-header',
  'snippets-request-cost',
];

// ---------------------------------------------------------------------------
// Spectral in-process

let definition: RulesetDefinition;
let houseSpectral: Spectral;

async function lint(spectral: Spectral, text: string): Promise<ISpectralDiagnostic[]> {
  return spectral.run(new Document(text, Yaml, specPath));
}

type Found = { code: string; path: (string | number)[]; severity: number };
const found = (results: ISpectralDiagnostic[]): Found[] =>
  results.map((r) => ({ code: String(r.code), path: [...r.path], severity: r.severity }));

type Spec = any; // a parsed OpenAPI document, mutated freely

const parsedSpec = parse(specText) as Spec;

/**
 * A broken copy of openapi.yaml: parsed (once) with `yaml`, deep-copied,
 * mutated and re-serialised. As JSON, which is YAML too and which Spectral
 * reads with the same YAML parser the CLI uses: JSON.stringify is an order of
 * magnitude faster than yaml's stringify on a spec this size.
 */
function broken(mutate: (spec: Spec) => void): string {
  const spec = structuredClone(parsedSpec);
  mutate(spec);
  return JSON.stringify(spec, null, 2);
}

/** The same, as YAML, for the CLIs. */
function brokenYaml(mutate: (spec: Spec) => void): string {
  const spec = structuredClone(parsedSpec);
  mutate(spec);
  return stringify(spec);
}

async function lintBroken(mutate: (spec: Spec) => void): Promise<ISpectralDiagnostic[]> {
  return lint(houseSpectral, broken(mutate));
}

/** Asserts the results are exactly these (rule, path) pairs, all errors. */
function expectExactly(results: ISpectralDiagnostic[], expected: { code: string; path: (string | number)[] }[]): void {
  const sortKey = (f: { code: string; path: (string | number)[] }) => `${f.code} ${JSON.stringify(f.path)}`;
  expect(found(results).sort((a, b) => sortKey(a).localeCompare(sortKey(b)))).toEqual(
    expected.map((e) => ({ ...e, severity: ERROR })).sort((a, b) => sortKey(a).localeCompare(sortKey(b))),
  );
}

/** The message of the result at this path (asserted to be there by expectExactly). */
const messageAt = (results: ISpectralDiagnostic[], path: (string | number)[]) =>
  results.find((r) => JSON.stringify(r.path) === JSON.stringify(path))?.message;

const op = (path: string, method: string, ...rest: (string | number)[]) => ['paths', path, method, ...rest];
const json = 'application/json';

// ---------------------------------------------------------------------------
// CLIs, started at once so they run while the in-process tests do

type CliRun = { code: number; stdout: string; stderr: string };
const bin = (name: string) => join(repoRoot, 'node_modules', '.bin', name);
function run(command: string, args: string[]): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd: repoRoot, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1', REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' } }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      resolve({ code, stdout, stderr });
    });
  });
}

// An operation with no x-request-cost, in a document with no error catalog.
const MINIMAL_BROKEN = `openapi: 3.1.0
info: { title: Minimal, version: 1.0.0, description: Breaks house rules. }
tags: [{ name: Things, description: Things. }]
paths:
  /thing:
    get:
      operationId: getThing
      summary: Get the thing
      description: Returns the thing.
      tags: [Things]
      responses:
        '200': { description: The thing. }
`;

let tempDir: string;
let redoclyReal: Promise<CliRun>;
let redoclyBroken: Promise<CliRun>;
let spectralCli: Promise<CliRun>;

beforeAll(async () => {
  tempDir = mkdtempSync(join(tmpdir(), 'house-rules-'));

  // Redocly on a copy without getSnippet's operationId, with the repository's
  // redocly.yaml and ignore file beside it (the ignore file's entries are
  // relative to its own directory).
  const redoclyDir = join(tempDir, 'redocly');
  const spectralDir = join(tempDir, 'spectral');
  mkdirSync(redoclyDir);
  mkdirSync(spectralDir);
  copyFileSync(join(repoRoot, 'redocly.yaml'), join(redoclyDir, 'redocly.yaml'));
  copyFileSync(join(repoRoot, '.redocly.lint-ignore.yaml'), join(redoclyDir, '.redocly.lint-ignore.yaml'));
  writeFileSync(join(redoclyDir, 'openapi.yaml'), brokenYaml((spec) => delete spec.paths['/api/prompts/snippet'].get.operationId));
  // Spectral CLI from the repository root, with no --ruleset: it must find
  // .spectral.js by itself, pass the real spec with every rule, and apply the
  // house rules to a small document that breaks them.
  writeFileSync(join(spectralDir, 'minimal.yaml'), MINIMAL_BROKEN);

  // The installed binaries, as `npx redocly` / `npx spectral` would run them
  // (without npm's own start-up on top).
  redoclyReal = run(bin('redocly'), ['lint', 'openapi.yaml', '--format=json']);
  redoclyBroken = run(bin('redocly'), ['lint', join(redoclyDir, 'openapi.yaml'), '--config', join(redoclyDir, 'redocly.yaml'), '--format=json']);
  spectralCli = run(bin('spectral'), ['lint', 'openapi.yaml', join(spectralDir, 'minimal.yaml'), '--fail-severity=warn', '--format=json', '--quiet']);

  definition = ((await import(pathToFileURL(rulesetPath).href)) as { default: RulesetDefinition }).default;
  const all = Object.keys(new Ruleset(definition, { severity: 'recommended', source: rulesetPath }).rules);
  houseSpectral = new Spectral();
  houseSpectral.setRuleset(
    new Ruleset(
      { extends: [definition], rules: Object.fromEntries(all.filter((name) => !HOUSE_RULES.includes(name)).map((name) => [name, 'off'])) } as RulesetDefinition,
      { severity: 'recommended', source: rulesetPath },
    ),
  );
});

afterAll(async () => {
  await Promise.allSettled([redoclyReal, redoclyBroken, spectralCli]);
  if (tempDir !== undefined) rmSync(tempDir, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------

describe('the ruleset', () => {
  it('has every house rule, each an error', () => {
    const ruleset = new Ruleset(definition, { severity: 'recommended', source: rulesetPath });
    for (const name of HOUSE_RULES) {
      const rule = ruleset.rules[name];
      expect(rule, name).toBeDefined();
      expect(rule?.enabled, name).toBe(true);
      expect(rule?.severity, name).toBe(ERROR);
    }
    // a new snippets-* rule must be listed above (and get its test below)
    expect(Object.keys(ruleset.rules).filter((name) => name.startsWith('snippets-') && !HOUSE_RULES.includes(name))).toEqual([]);
    // and still the spectral:oas recommended rules
    expect(ruleset.rules['oas3-schema']?.enabled).toBe(true);
    expect(ruleset.rules['operation-operationId-unique']?.enabled).toBe(true);
  });

  it('passes the real openapi.yaml: no house rule fires', async () => {
    expect(found(await lint(houseSpectral, specText))).toEqual([]);
  });

  it('passes the real openapi.yaml re-serialised unchanged (the control for every broken copy)', async () => {
    expect(found(await lint(houseSpectral, broken(() => {})))).toEqual([]);
  });
});

// Each broken copy below breaks one rule, sometimes in two or three
// independent places (the variants of that rule), and expects exactly that
// rule at exactly those places.

describe('operationId, summary and tags are required (errors)', () => {
  it('operation-operationId: an operation without operationId', async () => {
    const results = await lintBroken((spec) => delete spec.paths['/api/prompts/snippet'].get.operationId);
    expectExactly(results, [{ code: 'operation-operationId', path: op('/api/prompts/snippet', 'get') }]);
  });

  it('snippets-operation-summary: an operation without summary, or a blank one', async () => {
    const results = await lintBroken((spec) => {
      delete spec.paths['/api/prompts/tag'].put.summary;
      spec.paths['/api/prompts/tag'].delete.summary = '   ';
    });
    expectExactly(results, [
      { code: 'snippets-operation-summary', path: op('/api/prompts/tag', 'put') },
      { code: 'snippets-operation-summary', path: op('/api/prompts/tag', 'delete', 'summary') },
    ]);
  });

  it('operation-tags: an operation without tags, or with none', async () => {
    const results = await lintBroken((spec) => {
      delete spec.paths['/api/prompts/folders'].post.tags;
      spec.paths['/api/prompts/folders'].put.tags = [];
    });
    expectExactly(results, [
      { code: 'operation-tags', path: op('/api/prompts/folders', 'post') },
      { code: 'operation-tags', path: op('/api/prompts/folders', 'put', 'tags') },
    ]);
  });
});

describe('snippets-shared-error-responses', () => {
  it('fires when an authenticated operation lacks a shared 400/401/403/429/500, or lacks 404 while taking an id; not for `security: []`', async () => {
    const results = await lintBroken((spec) => {
      delete spec.paths['/api/prompts/snippet'].get.responses['429'];
      delete spec.paths['/api/prompts/snippet/variation'].get.responses['404'];
      // anonymous (operation security overrides the root's): nothing required
      const deleteTag = spec.paths['/api/prompts/tag'].delete;
      deleteTag.security = [];
      for (const status of ['400', '401', '403', '404', '429']) delete deleteTag.responses[status];
    });
    expectExactly(results, [
      { code: 'snippets-shared-error-responses', path: op('/api/prompts/snippet', 'get', 'responses') },
      { code: 'snippets-shared-error-responses', path: op('/api/prompts/snippet/variation', 'get', 'responses') },
    ]);
    expect(messageAt(results, op('/api/prompts/snippet', 'get', 'responses'))).toMatch(/shared 429 response/);
    expect(messageAt(results, op('/api/prompts/snippet/variation', 'get', 'responses'))).toMatch(/shared 404 .*snippetId, variationId/);
  });

  it('fires (with snippets-error-response-ref) when a required response is inline, not shared', async () => {
    const results = await lintBroken((spec) => {
      spec.paths['/api/prompts/snippet'].get.responses['400'] = structuredClone(spec.components.responses.BadRequest);
    });
    expectExactly(results, [
      { code: 'snippets-shared-error-responses', path: op('/api/prompts/snippet', 'get', 'responses', '400') },
      { code: 'snippets-error-response-ref', path: op('/api/prompts/snippet', 'get', 'responses', '400') },
    ]);
  });
});

describe('snippets-error-response-ref', () => {
  it('fires on an inline error response', async () => {
    const results = await lintBroken((spec) => {
      spec.paths['/api/prompts/snippet'].post.responses['413'] = structuredClone(spec.components.responses.PayloadTooLarge);
    });
    expectExactly(results, [{ code: 'snippets-error-response-ref', path: op('/api/prompts/snippet', 'post', 'responses', '413') }]);
  });
});

describe('snippets-error-response-schema', () => {
  it('fires when an error component response has another body schema (MethodNotAllowed, used only from x-unmatched-requests, included)', async () => {
    const results = await lintBroken((spec) => {
      spec.components.responses.NotFound.content[json].schema = { type: 'object' };
      spec.components.responses.MethodNotAllowed.content[json].schema = { $ref: '#/components/schemas/BatchItemError' };
    });
    expectExactly(results, [
      { code: 'snippets-error-response-schema', path: ['components', 'responses', 'NotFound', 'content', json, 'schema'] },
      { code: 'snippets-error-response-schema', path: ['components', 'responses', 'MethodNotAllowed', 'content', json, 'schema'] },
    ]);
  });
});

describe('snippets-retry-after-header', () => {
  it('fires on a 429 and a 503 response without Retry-After', async () => {
    const results = await lintBroken((spec) => {
      delete spec.components.responses.TooManyRequests.headers['Retry-After'];
      delete spec.components.responses.ServiceUnavailable.headers['Retry-After'];
    });
    expectExactly(results, [
      { code: 'snippets-retry-after-header', path: ['components', 'responses', 'TooManyRequests', 'headers'] },
      { code: 'snippets-retry-after-header', path: ['components', 'responses', 'ServiceUnavailable', 'headers'] },
    ]);
  });
});

describe('snippets-example-code-known', () => {
  it('fires on an example code not in x-error-catalog, following $refs to components.examples and into batch item errors', async () => {
    const results = await lintBroken((spec) => {
      spec.components.responses.BadRequest.content[json].examples.NOT_A_CODE = {
        summary: 'A made-up code',
        value: { success: false, code: 'NOT_A_CODE', message: 'Nope', requestId: 'req_3f9a1c7e2b8d4f6a' },
      };
      spec.components.examples.SnippetBatchPartialResponse.value.data.errors[0].code = 'TAG_MISSING';
    });
    expectExactly(results, [
      {
        code: 'snippets-example-code-known',
        path: ['components', 'responses', 'BadRequest', 'content', json, 'examples', 'NOT_A_CODE', 'value', 'code'],
      },
      {
        code: 'snippets-example-code-known',
        path: ['components', 'examples', 'SnippetBatchPartialResponse', 'value', 'data', 'errors', '0', 'code'],
      },
    ]);
  });
});

describe('snippets-example-status-matches-catalog', () => {
  it("fires when an example's code has another catalog status than the response it is used under", async () => {
    const results = await lintBroken((spec) => {
      // inline in a component response
      spec.components.responses.BadRequest.content[json].examples.RATE_LIMIT_EXCEEDED = structuredClone(
        spec.components.responses.TooManyRequests.content[json].examples.RATE_LIMIT_EXCEEDED,
      );
      // a shared components.examples entry, under another status than usual
      spec.paths['/api/prompts/snippets'].post.responses['201'].content[json].examples.someFailed = {
        $ref: '#/components/examples/SnippetBatchPartialResponse',
      };
    });
    const inBadRequest = ['components', 'responses', 'BadRequest', 'content', json, 'examples', 'RATE_LIMIT_EXCEEDED', 'value', 'code'];
    const shared = ['components', 'examples', 'SnippetBatchPartialResponse', 'value', 'code'];
    expectExactly(results, [
      { code: 'snippets-example-status-matches-catalog', path: inBadRequest },
      { code: 'snippets-example-status-matches-catalog', path: shared },
    ]);
    expect(messageAt(results, inBadRequest)).toMatch(/catalog status 429 .* 400 response/);
    expect(messageAt(results, shared)).toMatch(/catalog status 207 .* 201 response/);
  });
});

describe('snippets-error-example-name', () => {
  it('fires when an error example is not named after its code', async () => {
    const results = await lintBroken((spec) => {
      const examples = spec.components.responses.BadRequest.content[json].examples;
      examples.missingParameter = examples.PARAMETER_MISSING;
      delete examples.PARAMETER_MISSING;
    });
    expectExactly(results, [
      { code: 'snippets-error-example-name', path: ['components', 'responses', 'BadRequest', 'content', json, 'examples', 'missingParameter'] },
    ]);
  });
});

describe('snippets-error-catalog-entry', () => {
  it('fires on an entry that lacks a field, and on each invalid field', async () => {
    const results = await lintBroken((spec) => {
      const catalog = spec['x-error-catalog'];
      delete catalog.RATE_LIMIT_EXCEEDED.fixes;
      catalog.TAG_NOT_FOUND.status = '404';
      catalog.BATCH_EMPTY.category = 'batching';
      catalog.AUTH_KEY_EXPIRED.causes = [];
      catalog.INTERNAL_ERROR.userMessage = '';
    });
    expectExactly(results, [
      { code: 'snippets-error-catalog-entry', path: ['x-error-catalog', 'RATE_LIMIT_EXCEEDED'] },
      { code: 'snippets-error-catalog-entry', path: ['x-error-catalog', 'TAG_NOT_FOUND', 'status'] },
      { code: 'snippets-error-catalog-entry', path: ['x-error-catalog', 'BATCH_EMPTY', 'category'] },
      { code: 'snippets-error-catalog-entry', path: ['x-error-catalog', 'AUTH_KEY_EXPIRED', 'causes'] },
      { code: 'snippets-error-catalog-entry', path: ['x-error-catalog', 'INTERNAL_ERROR', 'userMessage'] },
    ]);
    expect(messageAt(results, ['x-error-catalog', 'RATE_LIMIT_EXCEEDED'])).toMatch(/lacks fixes/);
  });
});

describe('snippets-error-code-enum', () => {
  it('fires when ErrorCode.enum has the catalog codes in another order', async () => {
    const results = await lintBroken((spec) => {
      const codes: string[] = spec.components.schemas.ErrorCode.enum;
      codes.splice(0, 2, codes[1] as string, codes[0] as string);
    });
    expectExactly(results, [{ code: 'snippets-error-code-enum', path: ['components', 'schemas', 'ErrorCode', 'enum'] }]);
    expect(results[0]?.message).toMatch(/order differs at position 0/);
  });

  it('fires when the catalog has a code the enum lacks', async () => {
    const results = await lintBroken((spec) => {
      spec['x-error-catalog'].FOLDER_LOCKED = { ...spec['x-error-catalog'].FOLDER_NOT_FOUND, status: 423 };
    });
    expectExactly(results, [{ code: 'snippets-error-code-enum', path: ['components', 'schemas', 'ErrorCode', 'enum'] }]);
    expect(results[0]?.message).toMatch(/missing from the enum: FOLDER_LOCKED/);
  });
});

describe('snippets-response-request-id-header', () => {
  it('fires on a response without X-Request-Id, or with it inline instead of by $ref (MethodNotAllowed included)', async () => {
    const results = await lintBroken((spec) => {
      delete spec.paths['/health'].get.responses['200'].headers['X-Request-Id'];
      spec.components.responses.Unauthorized.headers['X-Request-Id'] = structuredClone(spec.components.headers['X-Request-Id']);
      delete spec.components.responses.MethodNotAllowed.headers['X-Request-Id'];
    });
    expectExactly(results, [
      { code: 'snippets-response-request-id-header', path: op('/health', 'get', 'responses', '200', 'headers') },
      { code: 'snippets-response-request-id-header', path: ['components', 'responses', 'Unauthorized', 'headers', 'X-Request-Id'] },
      { code: 'snippets-response-request-id-header', path: ['components', 'responses', 'MethodNotAllowed', 'headers'] },
    ]);
  });
});

describe('snippets-request-cost', () => {
  it('fires on an operation without x-request-cost, a Cost line that disagrees, or no Cost line', async () => {
    const results = await lintBroken((spec) => {
      delete spec.paths['/api/prompts/snippet'].get['x-request-cost'];
      spec.paths['/api/prompts/snippets'].get['x-request-cost'] = '2';
      spec.paths['/api/prompts/tag'].get.description = 'Returns the tag and the snippets that carry it.\n';
    });
    expectExactly(results, [
      { code: 'snippets-request-cost', path: op('/api/prompts/snippet', 'get') },
      { code: 'snippets-request-cost', path: op('/api/prompts/snippets', 'get', 'description') },
      { code: 'snippets-request-cost', path: op('/api/prompts/tag', 'get', 'description') },
    ]);
    expect(messageAt(results, op('/api/prompts/snippets', 'get', 'description'))).toMatch(
      /"Cost: N, where N is the number of snippets returned\." does not match x-request-cost "2"/,
    );
  });
});

// ---------------------------------------------------------------------------

type RedoclyReport = { totals: { errors: number; warnings: number; ignored: number }; problems: { ruleId: string; location: { pointer: string }[] }[] };
type SpectralCliResult = { code: string; path: (string | number)[]; severity: number; source: string };

describe('the CLIs', () => {
  it('redocly lint passes the real spec with no errors and no warnings (two findings waived narrowly)', async () => {
    const { code, stdout, stderr } = await redoclyReal;
    expect(code, stderr).toBe(0);
    const report = JSON.parse(stdout) as RedoclyReport;
    expect(report.totals).toEqual({ errors: 0, warnings: 0, ignored: 2 });
    expect(report.problems).toEqual([]);
  });

  it('redocly lint fails on a copy without an operationId', async () => {
    const { code, stdout, stderr } = await redoclyBroken;
    expect(code, stderr).toBe(1);
    const report = JSON.parse(stdout) as RedoclyReport;
    expect(report.problems.map((p) => [p.ruleId, p.location[0]?.pointer])).toEqual([
      ['operation-operationId', '#/paths/~1api~1prompts~1snippet/get/operationId'],
    ]);
    expect(report.totals).toMatchObject({ errors: 1, warnings: 0, ignored: 2 });
  });

  it('spectral lint, run with no --ruleset, finds .spectral.js: the real spec passes every rule, a broken document fails', async () => {
    const { code, stdout, stderr } = await spectralCli;
    expect(code, stderr).toBe(1); // the minimal document fails
    const results = JSON.parse(stdout) as SpectralCliResult[];
    expect(results.filter((r) => r.source === specPath)).toEqual([]);
    const minimal = results.filter((r) => r.source === join(tempDir, 'spectral', 'minimal.yaml'));
    expect(minimal.filter((r) => r.code === 'snippets-request-cost').map((r) => [r.path, r.severity])).toEqual([[['paths', '/thing', 'get'], ERROR]]);
    expect(minimal.map((r) => r.code)).toContain('snippets-error-catalog-entry');
    expect(results).toHaveLength(minimal.length);
  });
});
