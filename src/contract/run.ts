// Running the scenarios against a server (or an in-process sandbox) and
// collecting the report. Library entry: `verify(options)`.
//
// Each scenario ends passed, failed (a violation, with the evidence and the
// request that shows it), inconclusive (the server throttled past the budget,
// did not answer in time, or a precondition failed without breaking the
// contract) or skipped (the fixtures lack a role it needs). The run's verdict
// weighs those with its coverage (coverage.ts): a run that checked nothing,
// or less than its floor, does not conform.
import { DEMO_FIXTURES_PATH, readFixtures } from '../fixtures/fixtures-file.ts';
import type { Fixtures } from '../fixtures/fixtures.ts';
import { checkExchange, type Expectation } from './check.ts';
import { CoverageTracker, type Coverage } from './coverage.ts';
import { maskKey, redacted } from './curl.ts';
import { generatedScenarios } from './generation/index.ts';
import type { Exchange, Violation } from './exchange.ts';
import { Pacer } from './pacing.ts';
import { findRoles, ROLE_DESCRIPTIONS, type Roles } from './roles.ts';
import { Inconclusive, RunStopped, VerifyError } from './run-errors.ts';
import { ConnectionError, keyOf, SkipScenario, type Request, type Scenario, type ScenarioContext, type Transport } from './scenario.ts';
import { scenarios as allScenarios } from './scenarios/index.ts';
import { Sender } from './sender.ts';
import { keyPattern, limits, serverUrl, specVersion } from './spec.ts';

export { VerifyError };

export interface ScenarioResult {
  id: string;
  title: string;
  category: string;
  kind: 'fixed' | 'generated';
  expected: string;
  /** What the last checked answer was: `404 SNIPPET_NOT_FOUND`. */
  got: string;
  outcome: 'passed' | 'failed' | 'inconclusive' | 'skipped';
  /** Why it was skipped or inconclusive. */
  reason?: string;
  violations: Violation[];
  /** The smallest request that shows the failure (the first failing request, or a generated case shrunk), keys redacted. */
  reproduction?: Request;
  /** The key the reproduction is sent with, masked (`sk_test_…0001`): which fixture key to put in SNIPPETS_API_KEY. */
  reproductionKey?: string;
  requests: number;
  durationMs: number;
}

export type Verdict = 'conforms' | 'does-not-conform' | 'inconclusive' | 'incomplete';

export interface Report {
  target: string;
  /** Where the curl lines of reproductions point: the target, or for an in-process run the sandbox as `npx snippets-sandbox` starts it. */
  reproduceAt: string;
  /** The generated part of the run (`--generate`), with the seed that repeats it. */
  generated?: { count: number; seed: number; scenarios: number };
  specVersion: string;
  strict: boolean;
  /** 0 to 100: the share of operations, and of catalog codes, the run must cover. */
  minCoverage: number;
  results: ScenarioResult[];
  counts: { passed: number; failed: number; inconclusive: number; skipped: number; requests: number; notRun: number };
  coverage: Coverage;
  /** Time spent waiting as the server asked (Retry-After) or to stay under a key's limit. */
  waitedMs: number;
  durationMs: number;
  verdict: Verdict;
  /** Why the verdict is not `conforms`, in one line each. */
  reasons: string[];
  /** Set when the run stopped before its end (deadline, signal, a server that stopped answering). */
  incomplete?: string;
  /** Whether the run conforms. */
  ok: boolean;
}

export interface VerifyOptions {
  /** The server to verify; an in-process sandbox on an in-memory database when undefined (reached without a socket, unless `fetch` is given). */
  baseUrl?: string;
  /** The fixtures file the server was started with (the built-in demo fixtures when undefined). */
  fixtures?: string;
  /** Skips and inconclusive scenarios count as failures. */
  strict?: boolean;
  /** Only the scenarios whose id starts with one of these; one that matches nothing is a VerifyError. */
  only?: string[];
  /**
   * The share (0 to 100) of the spec's operations, and of its catalog codes,
   * the run must cover to conform. Default: 100 for the full built-in suite,
   * 0 when `only` or `scenarios` choose a part (a run that checks nothing still does not conform).
   */
  minCoverage?: number;
  /** How long one request may go unanswered (default 10 s): the scenario is then inconclusive, and three in a row stop the run. */
  timeoutMs?: number;
  /** How long the whole run may take (default 30 min); past it the run stops, incomplete. */
  deadlineMs?: number;
  /** Aborting it stops the run (SIGINT, say); the report says it is incomplete. */
  signal?: AbortSignal;
  /** Called after each scenario, for progress. */
  onResult?: (result: ScenarioResult, index: number, total: number) => void;
  /** Called with every exchange, retries and probes included (progress, traffic records). */
  onExchange?: (exchange: Exchange) => void;
  fetch?: typeof globalThis.fetch;
  /** Other scenarios than the built-in ones. */
  scenarios?: Scenario[];
  /** Scenarios run after the chosen ones. */
  extraScenarios?: Scenario[];
  /** Adds about `count` generated requests (generation/), drawn from `seed`: the same seed, the same run. */
  generate?: { count: number; seed: number };
}

const DEFAULT_TIMEOUT_MS = 10_000;
/** What a setup request may answer and the scenario go on. */
const SUCCESSES = [200, 201, 207];
const DEFAULT_DEADLINE_MS = 30 * 60_000;

async function runScenario(scenario: Scenario, sender: Sender, roles: Roles): Promise<ScenarioResult> {
  const started = performance.now();
  const violations: Violation[] = [];
  let last: Exchange | undefined;
  let lastRequest: Request | undefined;
  let reproduction: Request | undefined;
  let reproductionKey: string | undefined;
  let requests = 0;
  const result = (outcome: ScenarioResult['outcome'], reason?: string): ScenarioResult => {
    const code = (last?.json as { code?: unknown } | undefined)?.code;
    return {
      id: scenario.id,
      title: scenario.title,
      category: scenario.category,
      kind: scenario.kind ?? 'fixed',
      expected: scenario.expected,
      got: last ? `${last.status}${typeof code === 'string' ? ` ${code}` : ''}` : '-',
      outcome,
      ...(reason !== undefined && { reason }),
      violations,
      ...(reproduction && { reproduction }),
      ...(reproductionKey && { reproductionKey }),
      requests,
      durationMs: Math.round(performance.now() - started),
    };
  };
  const missing = scenario.needs.filter((role) => roles[role] === undefined);
  if (missing.length > 0) return result('skipped', `the fixtures lack ${missing.map((r) => ROLE_DESCRIPTIONS[r]).join(', and ')}`);

  /**
   * Sends and checks; `expectation` may depend on the answer (a setup checks
   * an answer against the contract whatever its status).
   */
  async function checked(request: Request, accepts: number[], expectation: Expectation | ((exchange: Exchange) => Expectation)) {
    requests++;
    const sent = await sender.send(request, accepts);
    last = sent.exchange;
    lastRequest = request;
    const found = sent.throttleViolations ?? checkExchange(sent.exchange, typeof expectation === 'function' ? expectation(sent.exchange) : expectation);
    return { exchange: sent.exchange, found };
  }
  const accepted = (expectation: Expectation) => (Array.isArray(expectation.status) ? expectation.status : [expectation.status]);
  const reproduceWith = (request: Request) => {
    reproduction = redacted(request);
    reproductionKey = maskKey(keyOf(roles, request));
  };
  const record = (request: Request, found: Violation[]) => {
    violations.push(...found);
    if (found.length > 0 && reproduction === undefined) reproduceWith(request);
  };

  const context: ScenarioContext = {
    roles,
    async expect(request: Request, expectation: Expectation) {
      const { exchange, found } = await checked(request, accepted(expectation), expectation);
      record(request, found);
      return exchange;
    },
    async setup(request: Request) {
      // Any status the contract documents keeps it; only a success lets the scenario go on.
      const { exchange, found: breaks } = await checked(request, SUCCESSES, (answer) => ({ status: answer.status }));
      if (breaks.length > 0) record(request, breaks);
      if (exchange.status >= 300) {
        if (breaks.length > 0) throw new SkipScenario('setup failed');
        // A documented refusal (no quota left, say) breaks nothing: the scenario cannot go on, and proves nothing.
        const code = (exchange.json as { code?: unknown } | undefined)?.code;
        throw new Inconclusive(`its setup (${exchange.operationId ?? exchange.path}) answered ${exchange.status}${typeof code === 'string' ? ` ${code}` : ''}`);
      }
      return exchange.json;
    },
    skip(reason: string): never {
      throw new SkipScenario(reason);
    },
    fail(violation) {
      violations.push({ requestId: last?.headers.get('x-request-id') ?? undefined, ...violation });
      // What the scenario found is about the last answer: its request reproduces it.
      if (reproduction === undefined && lastRequest) reproduceWith(lastRequest);
    },
    async probe(request: Request, expectation: Expectation) {
      const { exchange, found } = await checked(request, accepted(expectation), expectation);
      return { exchange, violations: found };
    },
    reproduce(request: Request) {
      reproduceWith(request);
    },
  };
  try {
    await scenario.run(context);
  } catch (error) {
    if (error instanceof Inconclusive) return result(violations.length > 0 ? 'failed' : 'inconclusive', error.message);
    if (!(error instanceof SkipScenario)) throw error;
    if (violations.length === 0) return result('skipped', error.message);
  }
  return result(violations.length === 0 ? 'passed' : 'failed');
}

/** Where a reproduction of an in-process run points: the spec's first server, the sandbox as `npx snippets-sandbox` starts it. */
export const IN_PROCESS_BASE_URL = serverUrl;

/**
 * A sandbox of the run's own (the run is its only user, and nothing of it
 * needs to outlive the run): in-process on the memory store, without a
 * socket or a native module (in-process.ts). A caller that brings its own
 * `fetch` gets the Node server instead, listening on a free port.
 */
async function startInProcessSandbox(fixtures: string | undefined, listen: boolean) {
  if (!listen) {
    const { createSandbox } = await import('../sandbox/in-process.ts');
    const sandbox = await createSandbox(fixtures ? { fixtures: readFixtures(fixtures, keyPattern) } : {});
    return { url: IN_PROCESS_BASE_URL, fetch: sandbox.fetch, close: () => sandbox.close() };
  }
  // Loaded only here, so that verifying a remote server never loads SQLite.
  const { createSandboxServer } = await import('../sandbox/server.ts');
  const sandbox = await createSandboxServer({ db: ':memory:', port: 0, logLevel: 'silent', ...(fixtures && { fixtures }) });
  return { url: (await sandbox.listen()).url, fetch: sandbox.fetch, close: () => sandbox.close() };
}

/** Fails fast, with a message that says what to do, when the target is not a Snippets API server or does not answer. */
async function probe(transport: Transport, timeoutMs: number): Promise<void> {
  let response: Response;
  let text: string;
  try {
    response = await transport.fetch(new URL('/health', transport.baseUrl), { signal: AbortSignal.timeout(timeoutMs) });
    text = await response.text();
  } catch (error) {
    if ((error as Error).name === 'TimeoutError') {
      throw new VerifyError(`${transport.baseUrl}/health gave no answer within ${timeoutMs / 1000} s (--timeout-seconds); is the server stuck?`);
    }
    const cause = (error as Error & { cause?: Error }).cause?.message ?? (error as Error).message;
    throw new VerifyError(`cannot reach ${transport.baseUrl} (${cause}); start the server, or check --base-url`);
  }
  try {
    JSON.parse(text);
  } catch {
    throw new VerifyError(
      `${transport.baseUrl}/health answered ${response.status} ${response.headers.get('content-type') ?? ''} that is not JSON; is --base-url the root of a Snippets API server?`,
    );
  }
}

/** The scenarios `only` selects; a prefix that matches none is a mistake worth stopping for. */
function choose(scenarios: Scenario[], only: string[] | undefined): Scenario[] {
  if (!only) return scenarios;
  const unmatched = only.filter((prefix) => !scenarios.some((s) => s.id.startsWith(prefix)));
  if (unmatched.length > 0) {
    const families = [...new Set(scenarios.map((s) => `${s.id.split('.')[0]}.`))].join(', ');
    throw new VerifyError(`--only ${unmatched.join(', ')} matches no scenario; scenario ids start with ${families}`);
  }
  return scenarios.filter((s) => only.some((prefix) => s.id.startsWith(prefix)));
}

function verdictOf(report: Omit<Report, 'verdict' | 'reasons' | 'ok'>): { verdict: Verdict; reasons: string[] } {
  const { counts, coverage, minCoverage, strict } = report;
  if (report.incomplete) return { verdict: 'incomplete', reasons: [`the run stopped before its end: ${report.incomplete}`] };
  if (counts.failed > 0) return { verdict: 'does-not-conform', reasons: [`${counts.failed} scenario${counts.failed === 1 ? '' : 's'} found violations`] };
  const reasons: string[] = [];
  if (counts.passed === 0) reasons.push('no scenario passed: the run checked nothing');
  if (coverage.operations.percent < minCoverage) reasons.push(`operations covered ${coverage.operations.percent} % < --min-coverage ${minCoverage} %`);
  if (coverage.codes.percent < minCoverage) reasons.push(`catalog codes provoked ${coverage.codes.percent} % < --min-coverage ${minCoverage} %`);
  if (counts.inconclusive > 0) reasons.push(`${counts.inconclusive} scenario${counts.inconclusive === 1 ? ' was' : 's were'} inconclusive`);
  if (strict && counts.skipped > 0) reasons.push(`--strict: ${counts.skipped} scenario${counts.skipped === 1 ? ' was' : 's were'} skipped`);
  if (strict && reasons.length > 0) return { verdict: 'does-not-conform', reasons };
  return reasons.length > 0 ? { verdict: 'inconclusive', reasons } : { verdict: 'conforms', reasons };
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
  const generated = options.generate ? generatedScenarios(options.generate) : [];
  const chosen = [...choose(options.scenarios ?? allScenarios, options.only), ...(options.extraScenarios ?? []), ...generated].sort(
    (a, b) => Number(a.last ?? false) - Number(b.last ?? false),
  );
  const partial = options.only !== undefined || options.scenarios !== undefined;
  const minCoverage = options.minCoverage ?? (partial ? 0 : 100);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const deadlineAt = Date.now() + (options.deadlineMs ?? DEFAULT_DEADLINE_MS);

  // One signal for every reason to stop: the deadline, the caller's signal.
  const stopper = new AbortController();
  const deadline = setTimeout(() => stopper.abort(new RunStopped(`the deadline of ${(options.deadlineMs ?? DEFAULT_DEADLINE_MS) / 1000} s passed (--deadline-seconds)`)), deadlineAt - Date.now());
  const onSignal = () => stopper.abort(options.signal!.reason instanceof RunStopped ? options.signal!.reason : new RunStopped(String(options.signal!.reason ?? 'interrupted')));
  options.signal?.addEventListener('abort', onSignal, { once: true });
  if (options.signal?.aborted) onSignal();

  const sandbox = options.baseUrl ? undefined : await startInProcessSandbox(options.fixtures, options.fetch !== undefined);
  const transport: Transport = { baseUrl: options.baseUrl ?? sandbox!.url, fetch: options.fetch ?? sandbox?.fetch ?? globalThis.fetch };
  const coverage = new CoverageTracker();
  const limitsByKey = new Map(fixtures.apiKeys.map((k) => [k.key, k.rateLimitPerMinute ?? limits.rateLimitPerMinute]));
  const sender = new Sender({
    transport,
    roles,
    pacer: new Pacer(limitsByKey),
    timeoutMs,
    deadlineAt,
    stop: stopper.signal,
    onExchange: (exchange) => {
      coverage.record(exchange);
      options.onExchange?.(exchange);
    },
  });
  const results: ScenarioResult[] = [];
  let incomplete: string | undefined;
  try {
    await probe(transport, timeoutMs);
    for (const [index, scenario] of chosen.entries()) {
      if (stopper.signal.aborted) throw stopper.signal.reason;
      let result: ScenarioResult;
      try {
        result = await runScenario(scenario, sender, roles);
      } catch (error) {
        if (error instanceof ConnectionError) throw new VerifyError(`${error.message} (during ${scenario.id})`);
        throw error;
      }
      results.push(result);
      options.onResult?.(result, index, chosen.length);
    }
  } catch (error) {
    if (!(error instanceof RunStopped)) throw error;
    incomplete = error.message;
  } finally {
    clearTimeout(deadline);
    options.signal?.removeEventListener('abort', onSignal);
    await sandbox?.close();
  }
  const count = (outcome: ScenarioResult['outcome']) => results.filter((r) => r.outcome === outcome).length;
  const counts = {
    passed: count('passed'),
    failed: count('failed'),
    inconclusive: count('inconclusive'),
    skipped: count('skipped'),
    requests: results.reduce((sum, r) => sum + r.requests, 0),
    notRun: chosen.length - results.length,
  };
  const report = {
    target: options.baseUrl ?? 'in-process sandbox',
    reproduceAt: options.baseUrl ?? IN_PROCESS_BASE_URL,
    ...(options.generate && { generated: { ...options.generate, scenarios: generated.length } }),
    specVersion,
    strict: options.strict === true,
    minCoverage,
    results,
    counts,
    coverage: coverage.report(results),
    waitedMs: Math.round(sender.waitedMs),
    durationMs: Math.round(performance.now() - started),
    ...(incomplete !== undefined && { incomplete }),
  };
  const { verdict, reasons } = verdictOf(report);
  return { ...report, verdict, reasons, ok: verdict === 'conforms' };
}
