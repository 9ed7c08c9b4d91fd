// JUnit XML: one testcase per finding, failed when it reaches --fail-on, so
// a CI test view lists the breaking changes by name.
import type { Finding } from '../findings.ts';
import { reaches, type Level } from '../rules.ts';
import { xmlEscape } from '../../reporters/xml.ts';
import { operationsText } from './counts.ts';

export function junitDiffReport(findings: Finding[], failOn: Level, title: string): string {
  const failures = findings.filter((f) => reaches(f.level, failOn)).length;
  const cases = findings.map((f) => {
    const open = `    <testcase classname="snippets-contract.diff.${f.level}" name="${xmlEscape(`${f.rule}: ${operationsText(f)}`)}"`;
    const where = `base: ${f.base ?? '(absent)'}\nhead: ${f.head ?? '(absent)'}`;
    if (reaches(f.level, failOn)) return `${open}>\n      <failure message="${xmlEscape(f.message)}" type="${f.level}">${xmlEscape(where)}</failure>\n    </testcase>`;
    return `${open}>\n      <system-out>${xmlEscape(`${f.message}\n${where}`)}</system-out>\n    </testcase>`;
  });
  // With no finding, one passing case, so that the report is never empty.
  if (findings.length === 0) cases.push(`    <testcase classname="snippets-contract.diff" name="no changes"/>`);
  const tests = cases.length;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="snippets-contract diff" tests="${tests}" failures="${failures}">`,
    `  <testsuite name="${xmlEscape(title)}" tests="${tests}" failures="${failures}" errors="0" skipped="0">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
