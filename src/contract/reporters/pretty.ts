// The terminal reporter: a line per scenario as it runs, then a summary
// table and every violation with what failed, where, and the request id.
import type { Report, ScenarioResult } from '../run.ts';

const MARK = { passed: '✓', failed: '✗', skipped: '-' } as const;

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

export function progressLine(result: ScenarioResult, index: number, total: number): string {
  const counter = `[${String(index + 1).padStart(String(total).length)}/${total}]`;
  const extra = result.outcome === 'skipped' ? ` (skipped: ${result.reason})` : result.outcome === 'failed' ? ` (${result.violations.length} violation${result.violations.length === 1 ? '' : 's'})` : '';
  return `${counter} ${MARK[result.outcome]} ${result.id}${extra}`;
}

export function prettyReport(report: Report): string {
  const rows = report.results.map((r) => [r.id, r.expected, r.got, r.outcome === 'passed' ? 'pass' : r.outcome === 'failed' ? 'FAIL' : 'skip', `${r.durationMs} ms`]);
  const header = ['scenario', 'expected', 'got', 'result', 'time'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => pad(cell, widths[i]!)).join('  ').trimEnd();
  const out = ['', line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line), ''];

  const failed = report.results.filter((r) => r.outcome === 'failed');
  for (const result of failed) {
    out.push(`✗ ${result.id}: ${result.title}`);
    for (const v of result.violations) {
      out.push(`    ${v.operationId ?? '(no operation)'} ${v.at}: expected ${v.expected}, got ${v.actual}${v.requestId ? ` [request ${v.requestId}]` : ''}`);
    }
  }
  if (failed.length > 0) out.push('');
  const { passed, failed: failures, skipped, requests } = report.counts;
  const verdict = report.ok ? 'CONFORMS' : 'DOES NOT CONFORM';
  out.push(
    `${verdict}: ${passed} passed, ${failures} failed, ${skipped} skipped${report.strict && skipped > 0 ? ' (--strict: skips fail)' : ''} · ${requests} requests in ${(report.durationMs / 1000).toFixed(1)} s · ${report.target} · contract ${report.specVersion}`,
  );
  return out.join('\n');
}
