// JUnit XML, for CI systems that show test reports: one testcase per
// scenario; skipped and inconclusive ones are <skipped> with the reason;
// failures carry the evidence and the request that reproduces them.
import type { Report } from '../run.ts';
import { curlCommand } from '../curl.ts';
import { xmlEscape as escape } from './xml.ts';

export function junitReport(report: Report): string {
  const seconds = (ms: number) => (ms / 1000).toFixed(3);
  const cases = report.results.map((r) => {
    const open = `    <testcase classname="snippets-contract.${escape(r.category)}" name="${escape(`${r.id}: ${r.title}`)}" time="${seconds(r.durationMs)}"`;
    if (r.outcome === 'passed') return `${open}/>`;
    if (r.outcome === 'skipped' || r.outcome === 'inconclusive') {
      return `${open}>\n      <skipped message="${escape(`${r.outcome}: ${r.reason ?? ''}`)}"/>\n    </testcase>`;
    }
    const details = r.violations.map((v) => `${v.operationId ?? '(no operation)'} ${v.at}: expected ${v.expected}, got ${v.actual}${v.requestId ? ` [request ${v.requestId}]` : ''}`);
    if (r.reproduction) details.push(`reproduce${r.reproductionKey ? ` (SNIPPETS_API_KEY=the key ${r.reproductionKey})` : ''}: ${curlCommand(r.reproduction, report.reproduceAt)}`);
    return `${open}>\n      <failure message="${escape(`expected ${r.expected}, got ${r.got}`)}" type="ContractViolation">${escape(details.join('\n'))}</failure>\n    </testcase>`;
  });
  const { passed, failed, inconclusive, skipped } = report.counts;
  const total = passed + failed + inconclusive + skipped;
  const skips = inconclusive + skipped;
  const name = `Snippets API contract ${report.specVersion} against ${report.target}${report.incomplete ? ` (INCOMPLETE: ${report.incomplete})` : ''}`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="snippets-contract" tests="${total}" failures="${failed}" skipped="${skips}" time="${seconds(report.durationMs)}">`,
    `  <testsuite name="${escape(name)}" tests="${total}" failures="${failed}" errors="0" skipped="${skips}" time="${seconds(report.durationMs)}">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
