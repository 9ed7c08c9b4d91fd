// How the verifier sends a request: as the contract tells a client to behave.
// Requests are paced under each key's allowance (pacing.ts). A 429 or 503 the
// scenario did not ask for is checked as a throttling answer: if it breaks
// the contract (no Retry-After, wrong envelope or code) that is a violation;
// if not, the verifier waits its Retry-After and tries again, a few times and
// never past the run's deadline; then the scenario is inconclusive. Every
// wait is bounded: the per-request timeout, and the run's deadline.
import { errorCatalog } from '../../generated/error-catalog.js';
import { checkExchange } from './check.ts';
import type { Exchange, Violation } from './exchange.ts';
import type { Pacer } from './pacing.ts';
import type { Roles } from './roles.ts';
import { Inconclusive, RunStopped } from './run-errors.ts';
import { keyOf, send, type Request, type Transport } from './scenario.ts';
import { operations } from './spec.ts';

/**
 * The throttling answers, from openapi.yaml: the statuses whose responses
 * must carry Retry-After, each with the catalog code sent with it (429
 * RATE_LIMIT_EXCEEDED, 503 SERVICE_UNAVAILABLE as written).
 */
const THROTTLING: ReadonlyMap<number, string> = new Map(
  [...new Set(operations.flatMap((op) => [...op.responses].filter(([, rules]) => rules.some((r) => r.name === 'Retry-After' && r.required)).map(([status]) => status)))].flatMap(
    (status) => {
      const codes = Object.entries(errorCatalog).filter(([, entry]) => entry.status === status);
      return codes.length === 1 ? [[status, codes[0]![0]] as const] : [];
    },
  ),
);
/** Tries of one request that keeps being throttled. */
const MAX_ATTEMPTS = 4;
/** Requests in a row without an answer before the server is taken as hanging and the run stops. */
const HANGING_AFTER = 3;

export interface SenderOptions {
  transport: Transport;
  roles: Roles;
  pacer: Pacer;
  timeoutMs: number;
  /** When the run must end, in ms since the epoch. */
  deadlineAt: number;
  /** Aborted to stop the run now (deadline, signal); its reason is a RunStopped. */
  stop: AbortSignal;
  onExchange?: (exchange: Exchange) => void;
}

export interface Sent {
  exchange: Exchange;
  /** Set when the answer was a throttling one the scenario did not ask for, and it broke the contract. */
  throttleViolations?: Violation[];
}

export class Sender {
  private timeoutsInARow = 0;
  /** Time spent waiting on Retry-After and pacing, for the report. */
  waitedMs = 0;

  constructor(private readonly options: SenderOptions) {}

  async send(request: Request, accepts: readonly number[]): Promise<Sent> {
    const { roles, pacer } = this.options;
    const key = keyOf(roles, request);
    for (let attempt = 1; ; attempt++) {
      // A scenario that accepts a 429 is probing the limit on purpose: it is not held back.
      if (!accepts.includes(errorCatalog.RATE_LIMIT_EXCEEDED.status)) await this.wait(pacer.delayFor(key), `pacing under the rate limit of the key`);
      const exchange = await this.once(request);
      pacer.record(key, exchange.headers);
      const code = THROTTLING.get(exchange.status);
      if (code === undefined || accepts.includes(exchange.status)) return { exchange };
      const violations = checkExchange(exchange, { status: exchange.status, code });
      if (violations.length > 0) return { exchange, throttleViolations: violations };
      const retryAfter = Number(exchange.headers.get('retry-after'));
      if (attempt === MAX_ATTEMPTS) throw new Inconclusive(`the server answered ${exchange.status} ${code} ${MAX_ATTEMPTS} times in a row (last Retry-After ${retryAfter} s)`);
      await this.wait(retryAfter * 1000, `${exchange.status} ${code} asked to wait ${retryAfter} s`);
    }
  }

  private async once(request: Request): Promise<Exchange> {
    const { transport, roles, timeoutMs, stop, onExchange } = this.options;
    try {
      const exchange = await send(transport, roles, request, AbortSignal.any([AbortSignal.timeout(timeoutMs), stop]));
      this.timeoutsInARow = 0;
      onExchange?.(exchange);
      return exchange;
    } catch (error) {
      if (stop.aborted) throw stop.reason;
      if ((error as Error).name !== 'TimeoutError') throw error;
      const what = request.operationId ?? `${request.method} ${request.path}`;
      if (++this.timeoutsInARow >= HANGING_AFTER) {
        throw new RunStopped(`the server stopped answering: ${HANGING_AFTER} requests in a row got no answer within ${timeoutMs / 1000} s (--timeout-seconds)`);
      }
      throw new Inconclusive(`${what} got no answer within ${timeoutMs / 1000} s (--timeout-seconds)`);
    }
  }

  /** Waits `ms`, unless that would pass the deadline (then the scenario is inconclusive) or the run stops. */
  private async wait(ms: number, why: string): Promise<void> {
    if (!(ms > 0)) return;
    const { deadlineAt, stop } = this.options;
    if (Date.now() + ms > deadlineAt) throw new Inconclusive(`${why}, past the run's deadline (--deadline-seconds)`);
    this.waitedMs += ms;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => (stop.removeEventListener('abort', onStop), resolve()), ms);
      const onStop = () => (clearTimeout(timer), reject(stop.reason));
      stop.addEventListener('abort', onStop, { once: true });
    });
  }
}
