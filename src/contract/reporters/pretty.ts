// The terminal reporter: a summary table, every violation with what failed,
// where, the request id and the request that shows it, what the run covered
// and what it did not (and why), then the verdict.
import { NOT_AIMED_AT } from '../coverage.ts';
import { curlCommand } from '../curl.ts';
import type { Report, ScenarioResult } from '../run.ts';

export const MARK = { passed: '✓', failed: '✗', inconclusive: '?', skipped: '-' } as const;
const WORD = { passed: 'pass', failed: 'FAIL', inconclusive: 'inconclusive', skipped: 'skip' } as const;
export const VERDICT = { conforms: 'CONFORMS', 'does-not-conform': 'DOES NOT CONFORM', inconclusive: 'INCONCLUSIVE', incomplete: 'INCOMPLETE' } as const;

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

export function progressLine(result: ScenarioResult, index: number, total: number): string {
  const counter = `[${String(index + 1).padStart(String(total).length)}/${total}]`;
  const extra =
    result.outcome === 'skipped' || result.outcome === 'inconclusive'
      ? ` (${result.outcome}: ${result.reason})`
      : result.outcome === 'failed'
        ? ` (${result.violations.length} violation${result.violations.length === 1 ? '' : 's'})`
        : '';
  return `${counter} ${MARK[result.outcome]} ${result.id}${extra}`;
}

function coverageLines(report: Report): string[] {
  const { operations, responses, codes } = report.coverage;
  const out = [
    `Coverage: operations ${operations.covered}/${operations.total} (${operations.percent} %), catalog codes ${codes.covered}/${codes.total} (${codes.percent} %), documented (operation, status) pairs ${responses.covered}/${responses.total} (${responses.percent} %)${report.minCoverage > 0 ? ` · floor ${report.minCoverage} %` : ''}`,
  ];
  // Grouped by reason: an empty fixtures file makes one reason for most of them.
  // A run with no floor (--only) lists only what it aimed at and missed; the rest it did not try.
  const shown = (why: string) => report.minCoverage > 0 || !why.startsWith(NOT_AIMED_AT);
  const grouped = (what: string, missing: Array<{ name: string; why: string }>) => {
    const byWhy = new Map<string, string[]>();
    for (const { name, why } of missing) if (shown(why)) byWhy.set(why, [...(byWhy.get(why) ?? []), name]);
    for (const [why, names] of byWhy) out.push(`  ${what}: ${names.join(', ')} (${why})`);
  };
  grouped('not exercised', operations.missing.map((m) => ({ name: m.operationId, why: m.why })));
  grouped('not provoked', codes.missing.map((m) => ({ name: m.code, why: m.why })));
  return out;
}

export function prettyReport(report: Report): string {
  const rows = report.results.map((r) => [r.id, r.expected, r.got, WORD[r.outcome], `${r.durationMs} ms`]);
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
    if (result.reproduction) out.push(`    reproduce${result.reproductionKey ? ` (SNIPPETS_API_KEY=the key ${result.reproductionKey})` : ''}: ${curlCommand(result.reproduction, report.reproduceAt)}`);
  }
  if (failed.length > 0) out.push('');
  const unsure = report.results.filter((r) => r.outcome === 'inconclusive');
  for (const result of unsure) out.push(`? ${result.id}: inconclusive, ${result.reason}`);
  if (unsure.length > 0) out.push('');
  out.push(...coverageLines(report), '');
  if (report.generated) {
    const { count, seed, scenarios } = report.generated;
    out.push(`Generated: ${scenarios} scenarios for about ${count} requests, seed ${seed} (--generate ${count} --seed ${seed} repeats them)`, '');
  }

  const { passed, failed: failures, inconclusive, skipped, requests, notRun } = report.counts;
  const waited = report.waitedMs > 0 ? ` (${(report.waitedMs / 1000).toFixed(1)} s waiting as the server asked)` : '';
  out.push(
    `${VERDICT[report.verdict]}: ${passed} passed, ${failures} failed, ${inconclusive} inconclusive, ${skipped} skipped${notRun > 0 ? `, ${notRun} not run` : ''} · ${requests} requests in ${(report.durationMs / 1000).toFixed(1)} s${waited} · ${report.target} · contract ${report.specVersion}`,
  );
  for (const reason of report.reasons) out.push(`  ${reason}`);
  return out.join('\n');
}
