import type { Finding } from '../findings.ts';
import type { Level } from '../rules.ts';
import { countByLevel } from './counts.ts';

export function jsonReport(findings: Finding[], failOn: Level, base: string, head: string): string {
  return `${JSON.stringify({ base, head, failOn, counts: countByLevel(findings), findings }, null, 2)}\n`;
}
