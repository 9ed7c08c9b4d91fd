// Running the scenarios against a server (or an in-process sandbox) and
// collecting the report. Library entry: `verify(options)`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_FIXTURES_PATH, readFixtures, type Fixtures } from '../fixtures/fixtures.ts';
import { checkExchange, type Expectation } from './check.ts';
import type { Exchange, Violation } from './exchange.ts';
import { findRoles, ROLE_DESCRIPTIONS, type Roles } from './roles.ts';
import { ConnectionError, send, SkipScenario, type Request, type Scenario, type ScenarioContext, type Transport } from './scenario.ts';
import { scenarios as allScenarios } from './scenarios/index.ts';
import { keyPattern, limits, specVersion } from './spec.ts';

export interface ScenarioResult {
  id: string;
  title: string;
  category: string;
  expected: string;
  /** What the last checked answer was: `404 SNIPPET_NOT_FOUND`. */
  got: string;
  outcome: 'passed' | 'failed' | 'skipped';
  /** Why it was skipped. */
  reason?: string;
  violations: Violation[];
  /** The smallest request that shows the failure, when the scenario found one (generated scenarios shrink to it). */
  reproduction?: Request;
  requests: number;
  durationMs: number;
}

export interface Report {
  target: string;
  specVersion: string;
  strict: boolean;
  results: ScenarioResult[];
  counts: { passed: number; failed: number; skipped: number; requests: number };
  durationMs: number;
  /** Whether the run conforms: no violation (and, with strict, no skip). */
  ok: boolean;
}

export interface VerifyOptions {
  /** The server to verify; an in-process sandbox on a temporary database when undefined. */
  baseUrl?: string;
  /** The fixtures file the server was started with (the built-in demo fixtures when undefined). */
  fixtures?: string;
  /** Skips count as failures. */
  strict?: boolean;
  /** Only the scenarios whose id starts with one of these. */
  only?: string[];
  /** Called after each scenario, for progress. */
  onResult?: (result: ScenarioResult, index: number, total: number) => void;
  fetch?: typeof globalThis.fetch;
  /** Other scenarios than the built-in ones. */
  scenarios?: Scenario[];
}

/** Something wrong with the run itself (unreachable server, bad fixtures): exit code 2 in the CLI. */
export class VerifyError extends Error {}

async function runScenario(scenario: Scenario, transport: Transport, roles: Roles): Promise<ScenarioResult> {
  const started = performance.now();
  const violations: Violation[] = [];
  let last: Exchange | undefined;
  let reproduction: Request | undefined;
  let requests = 0;
  const result = (outcome: ScenarioResult['outcome'], reason?: string): ScenarioResult => {
    const code = (last?.json as { code?: unknown } | undefined)?.code;
    return {
      id: scenario.id,
      title: scenario.title,
      category: scenario.category,
      expected: scenario.expected,
      got: last ? `${last.status}${typeof code === 'string' ? ` ${code}` : ''}` : '-',
      outcome,
      ...(reason !== undefined && { reason }),
      violations,
      ...(reproduction && { reproduction }),
      requests,
      durationMs: Math.round(performance.now() - started),
    };
  };
  const missing = scenario.needs.filter((role) => roles[role] === undefined);
  if (missing.length > 0) return result('skipped', `the fixtures have no ${missing.map((r) => ROLE_DESCRIPTIONS[r]).join(', nor ')}`);

  const context: ScenarioContext = {
    roles,
    async expect(request: Request, expectation: Expectation) {
      requests++;
      last = await send(transport, roles, request);
      violations.push(...checkExchange(last, expectation));
      return last;
    },
    async setup(request: Request) {
      requests++;
      const exchange = await send(transport, roles, request);
      const found = checkExchange(exchange, { status: exchange.status });
      violations.push(...found);
      if (exchange.status >= 300) {
        violations.push({ operationId: exchange.operationId, at: 'status', expected: 'a success (setup for this scenario)', actual: `${exchange.status} ${exchange.text.slice(0, 100)}`, requestId: exchange.headers.get('x-request-id') ?? undefined });
        throw new SkipScenario('setup failed');
      }
      return exchange.json;
    },
    skip(reason: string): never {
      throw new SkipScenario(reason);
    },
    fail(violation) {
      violations.push({ requestId: last?.headers.get('x-request-id') ?? undefined, ...violation });
    },
    async probe(request: Request, expectation: Expectation) {
      requests++;
      const exchange = await send(transport, roles, request);
      return { exchange, violations: checkExchange(exchange, expectation) };
    },
    reproduce(request: Request) {
      reproduction = request;
    },
  };
  try {
    await scenario.run(context);
  } catch (error) {
    if (!(error instanceof SkipScenario)) throw error;
    if (violations.length === 0) return result('skipped', error.message);
  }
  return result(violations.length === 0 ? 'passed' : 'failed');
}

async function startInProcessSandbox(fixtures: string | undefined) {
  // Loaded only here, so that verifying a remote server never loads SQLite.
  const { createSandbox } = await import('../sandbox/server.ts');
  const dir = mkdtempSync(join(tmpdir(), 'snippets-verify-'));
  const sandbox = await createSandbox({ db: join(dir, 'sandbox.db'), port: 0, logLevel: 'silent', ...(fixtures && { fixtures }) }).listen();
  return {
    url: sandbox.url,
    async close() {
      await sandbox.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Fails fast, with a message that says what to do, when the target is not a Snippets API server. */
async function probe(transport: Transport): Promise<void> {
  let response: Response;
  try {
    response = await transport.fetch(new URL('/health', transport.baseUrl));
  } catch (error) {
    const cause = (error as Error & { cause?: Error }).cause?.message ?? (error as Error).message;
    throw new VerifyError(`cannot reach ${transport.baseUrl} (${cause}); start the server, or check --base-url`);
  }
  const text = await response.text();
  try {
    JSON.parse(text);
  } catch {
    throw new VerifyError(
      `${transport.baseUrl}/health answered ${response.status} ${response.headers.get('content-type') ?? ''} that is not JSON; is --base-url the root of a Snippets API server?`,
    );
  }
}

export async function verify(options: VerifyOptions = {}): Promise<Report> {
  const started = performance.now();
  let fixtures: Fixtures;
  try {
    fixtures = readFixtures(options.fixtures ?? DEMO_FIXTURES_PATH, keyPattern);
  } catch (error) {
    throw new VerifyError((error as Error).message);
  }
  const roles = findRoles(fixtures, limits.rateLimitPerMinute);
  const chosen = (options.scenarios ?? allScenarios).filter((s) => !options.only || options.only.some((prefix) => s.id.startsWith(prefix)));

  const sandbox = options.baseUrl ? undefined : await startInProcessSandbox(options.fixtures);
  const transport: Transport = { baseUrl: options.baseUrl ?? sandbox!.url, fetch: options.fetch ?? globalThis.fetch };
  const results: ScenarioResult[] = [];
  try {
    await probe(transport);
    for (const [index, scenario] of chosen.entries()) {
      let result: ScenarioResult;
      try {
        result = await runScenario(scenario, transport, roles);
      } catch (error) {
        if (error instanceof ConnectionError) throw new VerifyError(`${error.message} (during ${scenario.id})`);
        throw error;
      }
      results.push(result);
      options.onResult?.(result, index, chosen.length);
    }
  } finally {
    await sandbox?.close();
  }
  const counts = {
    passed: results.filter((r) => r.outcome === 'passed').length,
    failed: results.filter((r) => r.outcome === 'failed').length,
    skipped: results.filter((r) => r.outcome === 'skipped').length,
    requests: results.reduce((sum, r) => sum + r.requests, 0),
  };
  return {
    target: options.baseUrl ?? 'in-process sandbox',
    specVersion,
    strict: options.strict === true,
    results,
    counts,
    durationMs: Math.round(performance.now() - started),
    ok: counts.failed === 0 && (!options.strict || counts.skipped === 0),
  };
}
