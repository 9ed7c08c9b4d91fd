// A generated scenario's view of the run: the scenario context, plus what
// generated mode checks on every answer besides its schema (codes.ts for a
// set of accepted codes, invariants.ts for counts, costs and echoes), the
// quota chain across the scenario's answers, and the setup that resolves a
// draft's placeholders.
import { checkExchange, type Expectation } from '../check.ts';
import type { Exchange, Violation } from '../exchange.ts';
import type { Request, ScenarioContext } from '../scenario.ts';
import type { Expected } from './codes.ts';
import type { Draft } from './draft.ts';
import { countViolations, echoViolations, QuotaChain } from './invariants.ts';
import type { Random } from './random.ts';
import { resolvePlaceholders, type Setup } from './resources.ts';
import { batchParameter, modelById, operationModels, type OperationModel } from './spec-model.ts';

const toExpectation = (expected: Expected): Expectation => ({
  status: expected.status.length === 1 ? expected.status[0]! : expected.status,
  ...(expected.codes?.length === 1 && { code: expected.codes[0] }),
});

/**
 * A read that costs nothing and shows the quota: an operation charged per
 * item returned ("N"), asked for one id that names nothing. The spec's own
 * way to look at `remainingRequests` without moving it.
 */
const freeRead: OperationModel | undefined = operationModels.find((op) => op.method === 'GET' && op.cost === 'N' && batchParameter(op) !== undefined && !op.documents.has(404) && op.parameters.every((p) => !p.required || p === batchParameter(op)));

export const signature = (v: Pick<Violation, 'operationId' | 'at'>) => `${v.operationId ?? ''} ${v.at}`;

export class Session implements Setup {
  readonly chain = new QuotaChain();
  private nonceValue?: string;
  /** The first request of the scenario that showed a violation, and what it showed. */
  firstFailure?: { request: Request; violations: Violation[] };

  constructor(
    readonly t: ScenarioContext,
    readonly rng: Random,
    private readonly teamIndex: 'first' | 'last' = 'first',
  ) {}

  team(): string {
    const teams = this.t.roles.main!.teamIds;
    return (this.teamIndex === 'first' ? teams[0] : teams.at(-1))!;
  }

  /** A value the server gave in this run (an answer's X-Request-Id), for Idempotency-Keys no earlier run used. */
  async nonce(): Promise<string> {
    if (this.nonceValue) return this.nonceValue;
    const health = operationModels.find((op) => !op.authenticated && op.method === 'GET');
    const answer = health && (await this.t.expect({ operationId: health.operationId, key: null }, { status: health.successStatus }));
    this.nonceValue = answer?.headers.get('x-request-id') ?? this.rng.hex(16);
    return this.nonceValue;
  }

  async setup(request: Request): Promise<any> {
    const json = await this.t.setup(request);
    const op = request.operationId ? modelById.get(request.operationId) : undefined;
    const found = op ? this.chain.observe(this.chainKey(request), op, { status: 200, json }) : [];
    for (const v of found) this.t.fail(v);
    if (found.length > 0) this.firstFailure ??= { request, violations: found };
    return json;
  }

  resolve(draft: Draft): Promise<Draft> {
    return resolvePlaceholders(draft, this, this.rng);
  }

  /** The quota is a workspace's: answers to keys of one workspace make one chain. */
  private chainKey(request: Request): string {
    const key = request.key === undefined ? this.t.roles.main?.key : request.key;
    const { main, foreign, limited, noQuota } = this.t.roles;
    return [main, foreign, limited, noQuota].find((role) => role?.key === key)?.workspaceId ?? String(key);
  }

  /** What generated mode checks besides the checker. */
  ownChecks(request: Request, exchange: Exchange, expected: Expected, chain: boolean): Violation[] {
    const found: Violation[] = [];
    const requestId = exchange.headers.get('x-request-id') ?? undefined;
    const code = (exchange.json as { code?: unknown } | undefined)?.code;
    if (expected.codes && expected.codes.length > 1 && expected.status.includes(exchange.status) && !expected.codes.includes(code as string)) {
      found.push({ operationId: exchange.operationId, at: '/code', expected: `one of ${expected.codes.join(', ')}`, actual: JSON.stringify(code) ?? '(absent)', requestId });
    }
    const op = exchange.operationId ? modelById.get(exchange.operationId) : undefined;
    if (op && exchange.status < 300) {
      found.push(...countViolations(op, request, exchange), ...echoViolations(op, request, exchange));
      if (chain && request.key !== null) found.push(...this.chain.observe(this.chainKey(request), op, exchange, requestId));
    }
    return found;
  }

  /** Sends and checks a request (recorded in the scenario's verdict); the violations found, the checker's and generated mode's own. */
  async send(request: Request, expected: Expected, options: { chain?: boolean } = {}): Promise<{ exchange: Exchange; violations: Violation[] }> {
    const expectation = toExpectation(expected);
    const exchange = await this.t.expect(request, expectation);
    // The runner checked this answer too and keeps what it found; checked again here to know whether to shrink.
    const checked = checkExchange(exchange, expectation);
    const own = this.ownChecks(request, exchange, expected, options.chain !== false);
    for (const v of own) this.t.fail(v);
    const violations = [...checked, ...own];
    if (violations.length > 0) this.firstFailure ??= { request, violations };
    return { exchange, violations };
  }

  /** Sends and checks a request without recording it (a shrinker's try). */
  async probe(request: Request, expected: Expected): Promise<Violation[]> {
    const { exchange, violations } = await this.t.probe(request, toExpectation(expected));
    return [...violations, ...this.ownChecks(request, exchange, expected, false)];
  }

  /**
   * Probes a request between two free reads of the quota, for failures of
   * the quota chain: the violations of the request, its cost checked
   * against what the reads before it showed.
   */
  async probeCost(request: Request, expected: Expected): Promise<Violation[]> {
    if (!freeRead) return this.probe(request, expected);
    const chain = new QuotaChain();
    const key = this.chainKey(request);
    const read: Request = { operationId: freeRead.operationId, query: { [batchParameter(freeRead)!.name]: this.rng.uuid() }, ...(request.key !== undefined && { key: request.key }) };
    const before = await this.t.probe(read, { status: freeRead.successStatus });
    chain.observe(key, freeRead, before.exchange);
    const { exchange, violations } = await this.t.probe(request, toExpectation(expected));
    const op = request.operationId ? modelById.get(request.operationId)! : undefined;
    return [...violations, ...this.ownChecks(request, exchange, expected, false), ...(op ? chain.observe(key, op, exchange) : [])];
  }

  /** After requests the chain did not see. */
  forgetQuota(request: Request): void {
    this.chain.forget(this.chainKey(request));
  }

}
