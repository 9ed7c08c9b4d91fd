// The real openapi.yaml: no finding against itself or a copy that differs
// only in form (key order, an inline schema moved into components), and
// each of ten spread changes found.
import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { TEN_CHANGES } from '../../bench/lib/ten-changes.ts';
import { diffDocuments } from '../../src/contract/diff/diff.ts';
import { specPath } from '../helpers/spec.ts';

const real = load(readFileSync(specPath, 'utf8')) as Record<string, any>;

function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reversedKeys(v)]));
}

describe('diff on the real openapi.yaml', () => {
  it('against itself: zero findings', () => {
    expect(diffDocuments(real, structuredClone(real))).toEqual([]);
  });

  it('against a copy with every mapping\'s keys in reverse order: zero findings', () => {
    const reordered = reversedKeys(real) as Record<string, any>;
    expect(Object.keys(reordered)[0]).toBe(Object.keys(real).at(-1));
    expect(diffDocuments(real, reordered)).toEqual([]);
  });

  it('against a copy with inline schemas moved into components: zero findings', () => {
    const head = structuredClone(real);
    const schemas = head.components.schemas;
    // A property schema of a request body, and an operation's inline parameter schema.
    schemas.SnippetTitle = schemas.CreateSnippetRequest.properties.title;
    schemas.CreateSnippetRequest.properties.title = { $ref: '#/components/schemas/SnippetTitle' };
    const history = head.paths['/api/prompts/snippet/variation/history'].get.parameters;
    const fromDate = history.find((p: any) => p.name === 'fromDate');
    schemas.HistoryFrom = fromDate.schema;
    fromDate.schema = { $ref: '#/components/schemas/HistoryFrom' };
    // And the other way: a shared schema written out inline where it is used.
    head.components.schemas.ErrorResponse.properties.code = structuredClone(schemas.ErrorCode);
    expect(diffDocuments(real, head)).toEqual([]);
  });

  it('finds each of ten spread changes by its rule', () => {
    const head = structuredClone(real);
    for (const { change } of TEN_CHANGES) change(head);
    const rules = new Set(diffDocuments(real, head).map((f) => f.rule));
    expect(TEN_CHANGES.map((c) => c.rule).filter((rule) => !rules.has(rule))).toEqual([]);
  });
});
