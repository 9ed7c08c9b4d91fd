// A finding is one change between two documents, as a consumer sees it. The
// collector merges the same change met through several operations (a shared
// schema is reached from many of them) into one finding that lists them all.
import { LEVELS, RULES, type Level, type RuleId } from './rules.ts';

export interface Finding {
  rule: RuleId;
  level: Level;
  /** The first operation affected, as `METHOD /path`; null for document-wide changes. */
  operation: string | null;
  /** Every operation affected, in document order. */
  operations: string[];
  /** JSON pointers into the bundled base and head documents; null where the thing does not exist. */
  base: string | null;
  head: string | null;
  /** What changed, then why it matters to a consumer. */
  message: string;
}

export interface Change {
  rule: RuleId;
  operation: string | null;
  base: string | null;
  head: string | null;
  /** What changed, without the rule's why. */
  what: string;
}

export class Findings {
  readonly #byKey = new Map<string, Finding>();

  add(change: Change): void {
    const key = `${change.rule}\u0000${change.base}\u0000${change.head}\u0000${change.what}`;
    const known = this.#byKey.get(key);
    if (known) {
      if (change.operation && !known.operations.includes(change.operation)) known.operations.push(change.operation);
      return;
    }
    const rule = RULES[change.rule];
    this.#byKey.set(key, {
      rule: change.rule,
      level: rule.level,
      operation: change.operation,
      operations: change.operation ? [change.operation] : [],
      base: change.base,
      head: change.head,
      message: `${change.what}; ${rule.why}`,
    });
  }

  /** Breaking first, then warnings, then info; within a level, in the order found. */
  list(): Finding[] {
    const all = [...this.#byKey.values()];
    return LEVELS.flatMap((level) => all.filter((f) => f.level === level));
  }
}
