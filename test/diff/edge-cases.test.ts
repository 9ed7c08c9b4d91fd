// Idioms and odd-but-valid documents: what the diff must see through, and
// what must not crash it.
import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { diffDocuments } from '../../src/contract/diff/diff.ts';
import { meaningOf } from '../../src/contract/diff/policy.ts';

const mini = load(readFileSync(new URL('./fixtures/mini.yaml', import.meta.url), 'utf8')) as Record<string, any>;

/** Base and head: the mini spec with `before` and `after` applied to copies. */
function pair(before: (d: Record<string, any>) => void, after: (d: Record<string, any>) => void) {
  const base = structuredClone(mini);
  before(base);
  const head = structuredClone(base);
  after(head);
  return diffDocuments(base, head);
}

const rules = (findings: { rule: string }[]) => findings.map((f) => f.rule);
const size = (d: Record<string, any>) => d.components.schemas.NewThing.properties.size;
const thing = (d: Record<string, any>) => d.components.schemas.Thing;

describe('numeric bounds are compared as bounds, whatever keywords say them', () => {
  it('3.0 {maximum: 10, exclusiveMaximum: true} and 3.1 {exclusiveMaximum: 10} are the same bound', () => {
    const findings = pair(
      (d) => Object.assign(size(d), { maximum: 10, exclusiveMaximum: true }),
      (d) => {
        delete size(d).maximum;
        size(d).exclusiveMaximum = 10;
      },
    );
    expect(findings).toEqual([]);
  });

  it('3.0: turning exclusiveMaximum on refuses the bound itself: breaking', () => {
    const findings = pair(
      (d) => (size(d).exclusiveMaximum = false),
      (d) => (size(d).exclusiveMaximum = true),
    );
    expect(rules(findings)).toEqual(['request-maximum-decreased']);
    expect(findings[0]!.message).toContain('maximum <= 10 -> < 10');
  });
});

describe('the nullable idioms', () => {
  it('a $ref wrapped as anyOf [ref, null] in a response is one made-nullable finding', () => {
    const findings = pair(
      () => {},
      (d) => (d.paths['/things/{id}'].get.responses['200'].content['application/json'].schema = { anyOf: [{ $ref: '#/components/schemas/Thing' }, { type: 'null' }] }),
    );
    expect(rules(findings)).toEqual(['response-property-made-nullable']);
  });

  it('the same in a request body is compatible', () => {
    const findings = pair(
      () => {},
      (d) => (d.paths['/things'].post.requestBody.content['application/json'].schema = { oneOf: [{ $ref: '#/components/schemas/NewThing' }, { type: 'null' }] }),
    );
    expect(findings.filter((f) => f.level !== 'info')).toEqual([]);
  });
});

describe('forms that say the same thing', () => {
  it('3.0 nullable: true and a 3.1 type list with null; a const and a one-value enum: no finding', () => {
    const findings = pair(
      (d) => {
        thing(d).properties.count = { type: 'integer', nullable: true };
        thing(d).properties.kind = { type: 'string', const: 'thing' };
      },
      (d) => {
        thing(d).properties.count = { type: ['null', 'integer'] };
        thing(d).properties.kind = { type: 'string', enum: ['thing'] };
      },
    );
    expect(findings).toEqual([]);
  });
});

describe('allOf', () => {
  it('a change inside a part points at the part and is one finding for every operation using it', () => {
    const findings = pair(
      (d) => {
        d.components.schemas.Named = { type: 'object', properties: { name: { type: 'string' } } };
        d.components.schemas.NewThing = { allOf: [{ $ref: '#/components/schemas/Named' }, { type: 'object', properties: { size: { type: 'number' } } }] };
        d.paths['/things/{id}'].patch.requestBody.content['application/json'].schema = { allOf: [{ $ref: '#/components/schemas/Named' }] };
      },
      (d) => (d.components.schemas.Named.properties.name.maxLength = 10),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'request-max-length-decreased', head: '/components/schemas/Named/properties/name/maxLength' });
    expect(findings[0]!.message).toMatch(/^schema Named `name`/);
    expect(findings[0]!.operations.sort()).toEqual(['PATCH /things/{id}', 'POST /things']);
  });

  it('recursive allOf and a Swagger 2 `required: true` inside a part do not crash', () => {
    const recursive = pair(
      (d) => (d.components.schemas.Loop = { allOf: [{ $ref: '#/components/schemas/Loop' }, { type: 'object', properties: { a: { type: 'string' } } }] }),
      (d) => (thing(d).properties.loop = { $ref: '#/components/schemas/Loop' }),
    );
    expect(rules(recursive)).toEqual(['response-property-added']);
    const swagger2 = pair(
      (d) => (thing(d).properties.extra = { allOf: [{ type: 'object', required: true, properties: { a: { type: 'string' } } }] }),
      (d) => (thing(d).properties.extra.allOf[0].properties.a.type = 'integer'),
    );
    expect(rules(swagger2)).toEqual(['response-type-changed']);
  });
});

describe('readOnly and writeOnly', () => {
  it('a required readOnly id added to a schema used in requests and responses does not break requests', () => {
    const findings = pair(
      (d) => (d.paths['/things'].post.requestBody.content['application/json'].schema = { $ref: '#/components/schemas/Thing' }),
      (d) => {
        thing(d).properties.serial = { type: 'string', readOnly: true };
        thing(d).required.push('serial');
      },
    );
    expect(findings.filter((f) => f.level === 'breaking')).toEqual([]);
  });

  it('a request property made readOnly is one the client can no longer send; one no longer readOnly is new to it', () => {
    const made = pair(
      () => {},
      (d) => (d.components.schemas.NewThing.properties.size.readOnly = true),
    );
    expect(made.map((f) => [f.rule, f.message.split(';')[0]])).toEqual([['request-property-removed', 'schema NewThing `size` (now readOnly) removed']]);
    const lifted = pair(
      (d) => (d.components.schemas.NewThing.properties.size.readOnly = true),
      (d) => delete d.components.schemas.NewThing.properties.size.readOnly,
    );
    expect(rules(lifted)).toEqual(['request-property-added-optional']);
  });

  it('a writeOnly property removed is not a response change', () => {
    const findings = pair(
      (d) => (thing(d).properties.secret = { type: 'string', writeOnly: true }),
      (d) => delete thing(d).properties.secret,
    );
    expect(rules(findings)).toEqual([]);
  });
});

describe('parameters, headers and media types', () => {
  it('a query parameter renamed in case only is removed and added, not moved', () => {
    const findings = pair(
      () => {},
      (d) => (d.paths['/things/{id}'].get.parameters[0].name = 'Limit'),
    );
    expect(rules(findings).sort()).toEqual(['request-parameter-added-optional', 'request-parameter-removed']);
  });

  it('a header described with content instead of schema is compared too', () => {
    const findings = pair(
      (d) => (d.components.headers['X-Request-Id'] = { content: { 'text/plain': { schema: { type: 'string' } } } }),
      (d) => (d.components.headers['X-Request-Id'].content['text/plain'].schema.type = 'integer'),
    );
    expect(rules(findings)).toEqual(['response-type-changed']);
  });
});

describe('the meaning of a document, for the release policy', () => {
  it('is the same for a document with an inline schema moved into components', () => {
    const moved = structuredClone(mini);
    moved.components.schemas.Patch = moved.paths['/things/{id}'].patch.requestBody.content['application/json'].schema;
    moved.paths['/things/{id}'].patch.requestBody.content['application/json'].schema = { $ref: '#/components/schemas/Patch' };
    expect(meaningOf(moved)).toBe(meaningOf(mini));
  });

  it('differs for a change no rule classifies (a parameter style), which the diff reports as unclassified', () => {
    const styled = structuredClone(mini);
    styled.paths['/things/{id}'].get.parameters[0].style = 'form';
    const findings = diffDocuments(mini, styled);
    expect(findings.map((f) => [f.rule, f.level, f.operation, f.base, f.head])).toEqual([['unclassified-change', 'warning', 'GET /things/{id}', null, '/paths/~1things~1{id}/get/parameters/0/style']]);
    expect(meaningOf(styled)).not.toBe(meaningOf(mini));
  });
});
