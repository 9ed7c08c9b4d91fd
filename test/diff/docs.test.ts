// docs/contract-evolution.md carries the rule table rendered from the rule
// definitions; it must be the current rendering.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { RULES } from '../../src/contract/diff/rules.ts';
import { ruleTable, withRuleTable } from '../../scripts/docs/rule-table.ts';
import { repoRoot } from '../helpers/spec.ts';

const doc = readFileSync(join(repoRoot, 'docs', 'contract-evolution.md'), 'utf8');

it('the rule table in docs/contract-evolution.md is current (npm run generate refreshes it)', () => {
  expect(doc, 'docs/contract-evolution.md: the rule table is stale; run npm run generate').toBe(withRuleTable(doc));
  expect(doc).toContain(ruleTable());
});

it('lists every rule once, with its level', () => {
  for (const [id, rule] of Object.entries(RULES)) {
    const rows = doc.split('\n').filter((line) => line.startsWith(`| \`${id}\` |`));
    expect(rows, id).toHaveLength(1);
    expect(rows[0]).toContain(`| ${rule.level} |`);
  }
});
