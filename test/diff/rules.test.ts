// Each rule fires on its own change to the mini spec, and nothing breaking
// fires besides it; compatible changes find nothing above info.
import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { diffDocuments } from '../../src/contract/diff/diff.ts';
import { RULES, type RuleId } from '../../src/contract/diff/rules.ts';
import { resolvePointer } from '../../src/openapi/pointer.ts';
import { BASE_CHANGES, COMPATIBLE_CHANGES, RULE_CASES } from './rule-cases.ts';

const mini = load(readFileSync(new URL('./fixtures/mini.yaml', import.meta.url), 'utf8')) as Record<string, any>;

function changed(change: (doc: Record<string, any>) => void, baseChange?: (doc: Record<string, any>) => void) {
  const base = structuredClone(mini);
  baseChange?.(base);
  const head = structuredClone(mini);
  change(head);
  return { base, head, findings: diffDocuments(base, head) };
}

describe('diff rules', () => {
  it('the mini spec against itself: no finding', () => {
    expect(diffDocuments(mini, structuredClone(mini))).toEqual([]);
  });

  it('every rule has a case', () => {
    expect(Object.keys(RULES).filter((id) => !(id in RULE_CASES))).toEqual([]);
  });

  for (const [id, change] of Object.entries(RULE_CASES) as [RuleId, (d: Record<string, any>) => void][]) {
    it(`${id} (${RULES[id].level}) fires on its change, and nothing else breaking does`, () => {
      const { base, head, findings } = changed(change, BASE_CHANGES[id]);
      const own = findings.filter((f) => f.rule === id);
      expect(own, JSON.stringify(findings, null, 2)).not.toHaveLength(0);
      expect(findings.filter((f) => f.level === 'breaking' && f.rule !== id).map((f) => `${f.rule}: ${f.message}`)).toEqual([]);
      for (const f of own) {
        expect(f.level).toBe(RULES[id].level);
        expect(f.message).toContain(RULES[id].why);
        // Every place named is a real place in its document.
        if (f.base !== null) expect(resolvePointer(base, f.base), f.base).not.toBeUndefined();
        if (f.head !== null) expect(resolvePointer(head, f.head), f.head).not.toBeUndefined();
        expect(f.base !== null || f.head !== null).toBe(true);
        if (f.operation !== null) expect(f.operation).toMatch(/^(GET|POST|PATCH|DELETE|PUT) \//);
      }
    });
  }

  for (const [name, change] of Object.entries(COMPATIBLE_CHANGES)) {
    it(`compatible: ${name} finds nothing above info`, () => {
      const { findings } = changed(change);
      expect(findings.filter((f) => f.level !== 'info').map((f) => `${f.rule}: ${f.message}`)).toEqual([]);
    });
  }

  it('a change to a shared schema is one finding listing every operation that uses it', () => {
    const { findings } = changed(RULE_CASES['response-property-removed']);
    const own = findings.filter((f) => f.rule === 'response-property-removed');
    expect(own).toHaveLength(1);
    expect(own[0]!.operations.sort()).toEqual(['GET /things/{id}', 'POST /things']);
    expect(own[0]!.base).toBe('/components/schemas/Thing/properties/name');
  });

  it('a new error code is not also a new response enum value', () => {
    const { findings } = changed(RULE_CASES['error-code-added']);
    expect(findings.map((f) => f.rule)).toEqual(['error-code-added']);
  });

  it('a renamed response property and error code say so', () => {
    const renamed = changed((d) => {
      d.components.schemas.Thing.properties.title = d.components.schemas.Thing.properties.name;
      delete d.components.schemas.Thing.properties.name;
      d.components.schemas.Thing.required = ['id', 'title', 'status'];
    });
    expect(renamed.findings.find((f) => f.rule === 'response-property-removed')?.message).toContain('renamed to `title`?');
    const code = changed((d) => {
      d['x-error-catalog'].THING_NOT_FOUND = d['x-error-catalog'].THING_MISSING;
      delete d['x-error-catalog'].THING_MISSING;
    });
    expect(code.findings.find((f) => f.rule === 'error-code-removed')?.message).toContain('renamed to THING_NOT_FOUND?');
  });

  it('recursive schemas end', () => {
    const recursive = (d: Record<string, any>) => (d.components.schemas.Thing.properties.children = { type: 'array', items: { $ref: '#/components/schemas/Thing' } });
    const base = structuredClone(mini);
    recursive(base);
    const head = structuredClone(base);
    head.components.schemas.Thing.properties.count.type = 'number';
    expect(diffDocuments(base, head).map((f) => f.rule)).toEqual(['response-type-changed']);
  });
});
