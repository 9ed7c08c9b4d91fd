// The release policy, checked by `npm test` and by `npm run release`: the
// spec as last released is committed (released/openapi.yaml), and
// openapi.yaml may differ from it only under a new version, a major one when
// a change is breaking, with a CHANGELOG.md section for that version.
import { diffDocuments } from './diff.ts';
import type { Finding } from './findings.ts';
import type { Document } from './load.ts';
import { resolvePointer } from '../../openapi/pointer.ts';
import { isObject, keyOf } from './walk.ts';

/** Where the spec as last released is committed, from the repository's root. */
export const RELEASED_SPEC = 'released/openapi.yaml';

export interface PolicyInput {
  /** openapi.yaml as it is now. */
  spec: Document;
  /** The spec as last released. */
  released: Document;
  /** CHANGELOG.md's text. */
  changelog: string;
  /** package.json's `version`. */
  packageVersion: string;
}

export interface PolicyResult {
  ok: boolean;
  /** One line each: what is wrong and what to do. */
  problems: string[];
  /** From the released spec to the current one. */
  findings: Finding[];
  version: string;
  releasedVersion: string;
  /** Whether CHANGELOG.md has a section for `version`. */
  hasChangelogSection: boolean;
  /** Whether the spec says anything the released one did not, found by the diff or not. */
  changed: boolean;
}

type Semver = [number, number, number];

function semver(version: unknown): Semver | undefined {
  const match = typeof version === 'string' ? /^(\d+)\.(\d+)\.(\d+)$/.exec(version) : null;
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : undefined;
}

function compareVersions(a: Semver, b: Semver): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/** A `## 1.2.0` or `## [1.2.0] - date` heading. */
export function changelogHeading(version: string): RegExp {
  return new RegExp(`^##\\s+\\[?v?${version.replace(/\./g, '\\.')}\\]?(\\s|$)`, 'm');
}

/**
 * What a document says, whatever its form: local `$ref`s replaced by what
 * they point at (a cycle by how far back it goes), components left out
 * except security schemes (they count through what refers to them). Equal
 * for a document and its refactorings, different when anything the diff
 * does not classify (servers, webhooks, a header's style) changes.
 */
export function meaningOf(doc: Document): string {
  const expand = (node: unknown, stack: string[]): unknown => {
    if (Array.isArray(node)) return node.map((item) => expand(item, stack));
    if (!isObject(node)) return node;
    if (typeof node.$ref === 'string' && node.$ref.startsWith('#')) {
      const back = stack.indexOf(node.$ref);
      if (back !== -1) return { $cycle: stack.length - back };
      return expand(resolvePointer(doc, node.$ref), [...stack, node.$ref]);
    }
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, expand(v, stack)]));
  };
  const { components, ...rest } = doc;
  return keyOf(expand({ ...rest, securitySchemes: components?.securitySchemes }, []));
}

export function checkReleasePolicy(input: PolicyInput): PolicyResult {
  const version = String(input.spec.info?.version);
  const releasedVersion = String(input.released.info?.version);
  const findings = diffDocuments(input.released, input.spec);
  const hasChangelogSection = changelogHeading(version).test(input.changelog);
  const problems: string[] = [];
  const current = semver(version);
  const released = semver(releasedVersion);

  if (version !== input.packageVersion) problems.push(`openapi.yaml info.version is ${version} but package.json's version is ${input.packageVersion}; they must be equal: set both to the version being released`);
  if (!current) problems.push(`openapi.yaml info.version "${version}" is not MAJOR.MINOR.PATCH; write it as 1.2.0`);
  if (!released) problems.push(`${RELEASED_SPEC} info.version "${releasedVersion}" is not MAJOR.MINOR.PATCH; restore the released file from git`);
  const changed = findings.length > 0 || meaningOf(input.spec) !== meaningOf(input.released);
  if (current && released && changed) {
    const breaking = findings.filter((f) => f.level === 'breaking');
    if (breaking.length > 0 && current[0] <= released[0]) {
      problems.push(`${breaking.length} breaking change${breaking.length === 1 ? '' : 's'} since ${releasedVersion} need${breaking.length === 1 ? 's' : ''} a new major version, but info.version is ${version}; set ${released[0] + 1}.0.0 or undo ${breaking.length === 1 ? 'it' : 'them'}: ${breaking.map((f) => `${f.rule} (${f.operation ?? 'document'}): ${f.message}`).join(' | ')}`);
    } else if (compareVersions(current, released) <= 0) {
      const next = findings.some((f) => f.rule !== 'text-changed') ? `${released[0]}.${released[1] + 1}.0` : `${released[0]}.${released[1]}.${released[2] + 1}`;
      const what = findings.length > 0 ? `${findings.length} finding${findings.length === 1 ? '' : 's'}: ${[...new Set(findings.map((f) => f.rule))].join(', ')}` : 'in parts the diff does not classify; see git diff';
      problems.push(`openapi.yaml changed since ${releasedVersion} was released (${what}) but info.version is ${version}; raise it, to ${next} for these changes`);
    }
    if (!hasChangelogSection) problems.push(`CHANGELOG.md has no section for ${version}; run npm run release to write it from the findings (or add "## ${version}" by hand)`);
  }
  return { ok: problems.length === 0, problems, findings, version, releasedVersion, hasChangelogSection, changed };
}
