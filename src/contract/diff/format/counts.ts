import type { Finding } from '../findings.ts';
import { LEVELS, reaches, type Level } from '../rules.ts';

export function countByLevel(findings: Finding[]): Record<Level, number> {
  const counts = { breaking: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.level]++;
  return counts;
}

export function summaryLine(findings: Finding[], failOn: Level): string {
  const counts = countByLevel(findings);
  const failing = findings.filter((f) => reaches(f.level, failOn)).length;
  const parts = LEVELS.map((level) => `${counts[level]} ${level}`);
  return `${findings.length} finding${findings.length === 1 ? '' : 's'}: ${parts.join(', ')}; ${failing === 0 ? 'nothing' : failing} at or above --fail-on ${failOn}`;
}

/** `GET /a`, or `GET /a (and 3 more operations)`. */
export function operationsText(finding: Finding): string {
  if (finding.operation === null) return '(document)';
  const more = finding.operations.length - 1;
  return more > 0 ? `${finding.operation} (and ${more} more operation${more === 1 ? '' : 's'})` : finding.operation;
}
