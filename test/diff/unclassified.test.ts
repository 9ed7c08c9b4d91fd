// unclassified-change: what no rule classifies is still reported, where it
// is, and only that: the rules' own cases and the changes that are no change
// find none.
import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { diffDocuments } from '../../src/contract/diff/diff.ts';
import { MAX_UNCLASSIFIED } from '../../src/contract/diff/unclassified.ts';
import { resolvePointer } from '../../src/openapi/pointer.ts';
import { BASE_CHANGES, COMPATIBLE_CHANGES, RULE_CASES } from './rule-cases.ts';

type Doc = Record<string, any>;

const mini = load(readFileSync(new URL('./fixtures/mini.yaml', import.meta.url), 'utf8')) as Doc;

function diff(change: (d: Doc) => void, before?: (d: Doc) => void) {
  const base = structuredClone(mini);
  before?.(base);
  const head = structuredClone(mini);
  change(head);
  return { base, head, findings: diffDocuments(base, head) };
}

const unclassified = <T extends { rule: string }>(findings: T[]): T[] => findings.filter((f) => f.rule === 'unclassified-change');

describe('unclassified-change', () => {
  for (const [id, change] of Object.entries(RULE_CASES).filter(([id]) => id !== 'unclassified-change')) {
    it(`is not reported beside ${id}`, () => {
      expect(unclassified(diff(change, BASE_CHANGES[id as keyof typeof BASE_CHANGES]).findings)).toEqual([]);
    });
  }

  for (const [name, change] of Object.entries(COMPATIBLE_CHANGES)) {
    it(`is not reported for ${name}`, () => {
      expect(unclassified(diff(change).findings)).toEqual([]);
    });
  }

  const UNCLASSIFIED: [string, (d: Doc) => void, string][] = [
    ['a document-level tag added', (d) => (d.tags = [{ name: 'things' }]), '/tags'],
    ['a server described', (d) => (d.servers[0].description = 'Production'), '/servers/0/description'],
    ['a query parameter exploded', (d) => (d.paths['/things/{id}'].get.parameters[0].explode = false), '/paths/~1things~1{id}/get/parameters/0/explode'],
    ['a keyword written beside a $ref', (d) => (d.paths['/things'].post.responses['201'].content['application/json'].schema.deprecated = true), '/paths/~1things/post/responses/201/content/application~1json/schema/deprecated'],
    ['a response schema that is no schema any more', (d) => (d.paths['/things/{id}'].get.responses['200'].content['application/json'].schema = 'broken'), '/paths/~1things~1{id}/get/responses/200/content/application~1json/schema'],
    ['a link added to a response', (d) => (d.paths['/things'].post.responses['201'].links = { get: { operationId: 'getThing' } }), '/paths/~1things/post/responses/201/links'],
  ];

  for (const [name, change, place] of UNCLASSIFIED) {
    it(`is reported for ${name}, naming its place`, () => {
      const { head, findings } = diff(change);
      expect(findings.map((f) => [f.rule, f.level, f.head])).toEqual([['unclassified-change', 'warning', place]]);
      expect(resolvePointer(head, place)).not.toBeUndefined();
    });
  }

  it('a change in a shared schema is one finding listing the operations that reach it', () => {
    const { findings } = diff((d) => (d.components.schemas.Thing.properties.name.xml = { name: 'title' }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'unclassified-change', head: '/components/schemas/Thing/properties/name/xml' });
    expect(findings[0]!.operations.sort()).toEqual(['GET /things/{id}', 'POST /things']);
  });

  it('a rule\'s finding elsewhere in a shared schema does not hide a change that is not its own', () => {
    const { findings } = diff((d) => {
      d.components.schemas.Thing.properties.name.maxLength = 10;
      d.components.schemas.Thing.properties.id.xml = { attribute: true };
    });
    expect(findings.map((f) => f.rule).sort()).toEqual(['response-constraint-changed', 'unclassified-change']);
  });

  it(`lists at most ${MAX_UNCLASSIFIED} places, then says how many more`, () => {
    const { findings } = diff((d) => {
      for (let i = 0; i < MAX_UNCLASSIFIED + 30; i++) d[`x-extra-${i}`] = i;
    });
    const listed = unclassified(findings);
    expect(listed).toHaveLength(MAX_UNCLASSIFIED);
    expect(listed.at(-1)!.message).toContain('(and 30 more places not listed)');
    expect(listed.slice(0, -1).every((f) => !f.message.includes('more places'))).toBe(true);
  });
});
