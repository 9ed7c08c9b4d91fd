// Spectral's OWASP ruleset is part of the house lint (issue 19): each finding
// is fixed in openapi.yaml or waived for its places in lint/owasp-waivers.js.
// Here: a waiver names places that exist and that still have its finding (a
// fixed place must leave the list), with a reason; nothing else is waived; and
// a new unbounded string is reported, not waived.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { Document, Ruleset, Spectral } from '@stoplight/spectral-core';
import type { RulesetDefinition } from '@stoplight/spectral-core';
import owasp from '@stoplight/spectral-owasp-ruleset';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

import { owaspOverrides, owaspWaivers } from '../../lint/owasp-waivers.js';
import { resolvePointer } from '../../src/openapi/pointer.ts';

const { Yaml } = createRequire(import.meta.url)('@stoplight/spectral-parsers') as typeof import('@stoplight/spectral-parsers');

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const specPath = join(repoRoot, 'openapi.yaml');
const specText = readFileSync(specPath, 'utf8');
const spec = parse(specText);

/** `#/a/b~1c` of a Spectral path. */
const pointerOf = (path: (string | number)[]) => `/${path.map((p) => String(p).replaceAll('~', '~0').replaceAll('/', '~1')).join('/')}`;

async function owaspFindings(text: string, waived: boolean): Promise<string[]> {
  const spectral = new Spectral();
  const definition = { extends: [[owasp, 'all']], ...(waived && { overrides: owaspOverrides('openapi.yaml') }) } as unknown as RulesetDefinition;
  spectral.setRuleset(new Ruleset(definition, { severity: 'recommended', source: join(repoRoot, '.spectral.js') }));
  const results = await spectral.run(new Document(text, Yaml, specPath));
  return results.map((r) => `${String(r.code)} ${pointerOf(r.path)}`);
}

let unwaived: string[];
beforeAll(async () => {
  unwaived = await owaspFindings(specText, false);
}, 60_000);

describe('the OWASP waivers', () => {
  it('each has a reason and names places that exist in openapi.yaml', () => {
    for (const { rule, reason, places } of owaspWaivers) {
      expect(reason.length, rule).toBeGreaterThan(30);
      for (const place of places) expect(resolvePointer(spec, place), `${rule} ${place}`).not.toBeUndefined();
    }
  });

  it('each place still has its finding without the waiver (a fixed place leaves the list)', () => {
    const stale = owaspWaivers.flatMap(({ rule, places }) => places.map((place) => `${rule} ${place}`)).filter((w) => !unwaived.includes(w));
    expect(stale).toEqual([]);
  });

  it('waive exactly the findings they list: with them, the ruleset finds nothing in openapi.yaml', async () => {
    const listed = new Set(owaspWaivers.flatMap(({ rule, places }) => places.map((place) => `${rule} ${place}`)));
    expect(unwaived.filter((f) => !listed.has(f))).toEqual([]);
    expect(await owaspFindings(specText, true)).toEqual([]);
  }, 60_000);

  it('do not hide a new finding: a string without maxLength added to a response is reported', async () => {
    const copy = structuredClone(spec);
    copy.components.schemas.HealthResponse.properties.data.properties.build = { type: 'string' };
    const findings = await owaspFindings(JSON.stringify(copy), true);
    expect(findings).toContain('owasp:api4:2023-string-limit /components/schemas/HealthResponse/properties/data/properties/build');
  }, 60_000);
});
