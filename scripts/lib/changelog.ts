// The CHANGELOG.md section `npm run release` writes: the findings against
// the last release, grouped by level, between markers so that a second run
// replaces its own list and keeps any prose written around it.
import type { Finding } from '../../src/contract/diff/findings.ts';
import { changelogHeading } from '../../src/contract/diff/policy.ts';

const START = '<!-- changes: written by npm run release from snippets-contract diff -->';
const END = '<!-- end of changes -->';

const GROUPS = [
  ['breaking', 'Breaking changes'],
  ['warning', 'Changes to check'],
  ['info', 'Compatible changes'],
] as const;

export function changeList(findings: Finding[], releasedVersion: string): string {
  const lines = [START, '', `Against ${releasedVersion}:`];
  if (findings.length === 0) lines.push('', 'No change that `snippets-contract diff` classifies: the document differs only in parts it does not compare (see the git history).');
  for (const [level, title] of GROUPS) {
    const mine = findings.filter((f) => f.level === level);
    if (mine.length === 0) continue;
    lines.push('', `### ${title}`, '');
    for (const f of mine) lines.push(`- \`${f.rule}\`${f.operation ? ` ${f.operations.join(', ')}` : ''}: ${f.message}`);
  }
  lines.push('', END);
  return lines.join('\n');
}

/** `changelog` with the list in the section for `version`, which is created under the title if missing. */
export function withChangeList(changelog: string, version: string, date: string, list: string): string {
  const heading = changelogHeading(version).exec(changelog);
  if (!heading) {
    const section = `## ${version} - ${date}\n\n${list}\n`;
    const firstSection = /^## /m.exec(changelog);
    if (firstSection) return `${changelog.slice(0, firstSection.index)}${section}\n${changelog.slice(firstSection.index)}`;
    return `${changelog.trimEnd() || '# Changelog'}\n\n${section}`;
  }
  const bodyStart = changelog.indexOf('\n', heading.index) + 1 || changelog.length;
  const next = /^## /m.exec(changelog.slice(bodyStart));
  const bodyEnd = next ? bodyStart + next.index : changelog.length;
  const body = changelog.slice(bodyStart, bodyEnd);
  const start = body.indexOf(START);
  const end = body.indexOf(END);
  const newBody = start !== -1 && end > start ? `${body.slice(0, start)}${list}${body.slice(end + END.length)}` : `${body.trimEnd()}\n\n${list}\n\n`;
  return `${changelog.slice(0, bodyStart)}${newBody.replace(/^\n*/, '\n')}${changelog.slice(bodyEnd)}`;
}
