// The table of diff rules in docs/contract-evolution.md, rendered from the
// rule definitions (src/contract/diff/rules.ts) so that it is written once.
// `npm run generate` refreshes it; test/diff/docs.test.ts fails when it is stale.
import { LEVELS, RULES, type Rule } from '../../src/contract/diff/rules.ts';

export const RULE_TABLE_START = '<!-- rule table: generated from src/contract/diff/rules.ts by npm run generate; do not edit by hand -->';
export const RULE_TABLE_END = '<!-- end of rule table -->';

const AREAS: Rule['area'][] = ['operations', 'requests', 'responses', 'error catalog', 'text', 'everything else'];

function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

export function ruleTable(): string {
  const entries = Object.entries(RULES) as [string, Rule][];
  const counts = LEVELS.map((level) => `${entries.filter(([, r]) => r.level === level).length} ${level}`).join(', ');
  const lines = [`${entries.length} rules: ${counts}.`, ''];
  for (const area of AREAS) {
    lines.push(`#### ${area[0]!.toUpperCase()}${area.slice(1)}`, '', '| Rule | Level | Detects | Why it matters to a consumer |', '|---|---|---|---|');
    const mine = entries.filter(([, r]) => r.area === area).sort(([, a], [, b]) => LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level));
    for (const [id, rule] of mine) lines.push(`| \`${id}\` | ${rule.level} | ${cell(rule.detects)} | ${cell(rule.why[0]!.toUpperCase() + rule.why.slice(1))} |`);
    lines.push('');
  }
  return lines.join('\n').trimEnd();
}

/** `doc` with the region between the markers replaced by the current table. */
export function withRuleTable(doc: string): string {
  const start = doc.indexOf(RULE_TABLE_START);
  const end = doc.indexOf(RULE_TABLE_END);
  if (start === -1 || end < start) throw new Error(`docs/contract-evolution.md lacks the rule table markers; put ${RULE_TABLE_START} and ${RULE_TABLE_END} where the table goes`);
  return `${doc.slice(0, start + RULE_TABLE_START.length)}\n\n${ruleTable()}\n\n${doc.slice(end)}`;
}
