// A table for pull-request comments and job summaries.
import type { Finding } from '../findings.ts';
import type { Level } from '../rules.ts';
import { operationsText, summaryLine } from './counts.ts';

/** Text safe inside a markdown table cell. */
export function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

export function markdownReport(findings: Finding[], failOn: Level, title: string): string {
  const lines = [`### ${cell(title)}`, '', `${summaryLine(findings, failOn)}.`, ''];
  if (findings.length > 0) {
    lines.push('| Level | Rule | Operation | Change |', '|---|---|---|---|');
    for (const f of findings) lines.push(`| ${f.level} | \`${f.rule}\` | ${cell(operationsText(f))} | ${cell(f.message)} |`);
    lines.push('');
  }
  return lines.join('\n');
}
