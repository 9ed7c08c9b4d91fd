// The terminal format: one block per finding, then a summary line.
import type { Finding } from '../findings.ts';
import type { Level } from '../rules.ts';
import { operationsText, summaryLine } from './counts.ts';

export function textReport(findings: Finding[], failOn: Level, title: string): string {
  const lines = [title, ''];
  for (const f of findings) {
    lines.push(`${f.level.toUpperCase().padEnd(8)} ${f.rule}  ${operationsText(f)}`);
    lines.push(`         ${f.message}`);
    lines.push(`         base: ${f.base ?? '(absent)'}  head: ${f.head ?? '(absent)'}`);
  }
  if (findings.length === 0) lines.push('No changes.');
  lines.push('', summaryLine(findings, failOn), '');
  return lines.join('\n');
}
