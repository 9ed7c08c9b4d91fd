// What a run checked, against what the contract holds: operations exercised,
// documented (operation, status) pairs observed, and catalog codes provoked;
// and, for what was not covered, why (the scenario that would have covered
// it was skipped or inconclusive, with its reason, or was not selected).
// Only facts of the spec are counted, so the sets stay as small as the spec.
import { errorCatalog } from '../../generated/error-catalog.js';
import type { Exchange } from './exchange.ts';
import { operations } from './spec.ts';

export interface CoverageMeasure<T> {
  covered: number;
  total: number;
  /** covered / total, as a whole percentage (rounded down: 99.6 % is not 100 %). */
  percent: number;
  missing: T[];
}

export interface Coverage {
  operations: CoverageMeasure<{ operationId: string; why: string }>;
  /** Documented (operation, status) pairs; most 5xx pairs can only be observed with fault injection. */
  responses: CoverageMeasure<string>;
  codes: CoverageMeasure<{ code: string; why: string }>;
}

/** What a scenario did, as far as coverage cares. */
export interface ScenarioOutcome {
  id: string;
  expected: string;
  outcome: 'passed' | 'failed' | 'inconclusive' | 'skipped';
  reason?: string;
}

const catalogCodes = Object.keys(errorCatalog);
export const NOT_AIMED_AT = 'no scenario of this run aims at it';
const documentedPairs = operations.flatMap((op) => [...op.responses.keys()].map((status) => `${op.operationId} ${status}`));
const documented = new Set(documentedPairs);

const measure = <T>(covered: number, total: number, missing: T[]): CoverageMeasure<T> => ({
  covered,
  total,
  percent: total === 0 ? 100 : Math.floor((covered / total) * 100),
  missing,
});

export class CoverageTracker {
  private readonly operations = new Set<string>();
  private readonly pairs = new Set<string>();
  private readonly codes = new Set<string>();

  record(exchange: Exchange): void {
    if (exchange.operationId === undefined) {
      this.recordCode(exchange);
      return;
    }
    this.operations.add(exchange.operationId);
    const pair = `${exchange.operationId} ${exchange.status}`;
    if (documented.has(pair)) this.pairs.add(pair);
    this.recordCode(exchange);
  }

  private recordCode(exchange: Exchange): void {
    const code = (exchange.json as { code?: unknown } | undefined)?.code;
    if (typeof code === 'string' && code in errorCatalog) this.codes.add(code);
  }

  /** The coverage of the run; `results` say why what is missing was not covered. */
  report(results: ScenarioOutcome[]): Coverage {
    const why = (aims: (result: ScenarioOutcome) => boolean): string => {
      const aiming = results.filter(aims);
      if (aiming.length === 0) return `${NOT_AIMED_AT} (not selected, or none exists)`;
      const reasons = aiming.filter((r) => r.outcome !== 'passed' && r.outcome !== 'failed').map((r) => `${r.outcome}: ${r.reason ?? ''}`);
      return reasons.length > 0 ? [...new Set(reasons)].slice(0, 3).join('; ') : `${aiming.map((r) => r.id).join(', ')} ran but did not observe it`;
    };
    const missingOperations = operations
      .filter((op) => !this.operations.has(op.operationId))
      .map((op) => ({ operationId: op.operationId, why: why((r) => r.id === `happy.${op.operationId}`) }));
    const missingCodes = catalogCodes
      .filter((code) => !this.codes.has(code))
      .map((code) => ({ code, why: why((r) => new RegExp(`\\b${code}\\b`).test(r.expected)) }));
    return {
      operations: measure(this.operations.size, operations.length, missingOperations),
      responses: measure(this.pairs.size, documentedPairs.length, documentedPairs.filter((pair) => !this.pairs.has(pair))),
      codes: measure(this.codes.size, catalogCodes.length, missingCodes),
    };
  }
}
