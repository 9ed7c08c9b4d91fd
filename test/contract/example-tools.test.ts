// What example-driven tools need of openapi.yaml (issue #19, point 1): an
// example for every required parameter and every response header (Specmatic,
// Dredd and Prism's mock fill requests and headers from them), ids that the
// demo fixtures hold, request and response examples paired by name (Prism's
// mock answers the response example named as the request's), and YAML that
// older parsers read as this one does.
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { Parser, type CST } from 'yaml';
import { describe, expect, it } from 'vitest';
import { limits } from '../../generated/limits.js';
import { deref, isObject, listOperations, type Json, type JsonObject } from '../../scripts/lib/spec.ts';
import { fixtures } from '../helpers/sandbox.ts';
import { spec, specPath } from '../helpers/spec.ts';

const operations = listOperations(spec);
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);

const exampleOf = (object: JsonObject): Json | undefined => object.example ?? (isObject(object.examples) ? (Object.values(object.examples)[0] as JsonObject | undefined)?.value : undefined);
/** Every example of a parameter or header, by name (`example` as one named `example`). */
const examplesOf = (object: JsonObject): Array<[string, Json]> =>
  object.example !== undefined ? [['example', object.example]] : isObject(object.examples) ? Object.entries(object.examples).map(([name, e]) => [name, (deref(spec, e) as JsonObject).value!]) : [];
const mediaExamples = (holder: JsonObject | undefined): string[] =>
  Object.keys((((holder?.content as JsonObject | undefined)?.['application/json'] as JsonObject | undefined)?.examples as JsonObject | undefined) ?? {});
/** The names an operation's calls go by: its request body examples', else its first success response's examples'. */
const callNames = (op: (typeof operations)[number]): string[] => {
  if (op.requestBody) return mediaExamples(op.requestBody);
  const success = Object.entries(op.responses).find(([status]) => status.startsWith('2'));
  return success ? mediaExamples(success[1]) : [];
};

/** Ids of the demo fixtures, by the kind of resource they name. */
const held: Record<string, Set<string>> = {
  snippet: new Set((fixtures.snippets ?? []).map((s) => s.id)),
  variation: new Set((fixtures.snippets ?? []).flatMap((s) => s.variationIds ?? [])),
  folder: new Set((fixtures.folders ?? []).map((f) => f.id)),
  tag: new Set((fixtures.tags ?? []).map((t) => t.id)),
};

/** The kind of resource an id parameter names: `snippetId`, `variationIds`, or `id`/`ids` of the path's own resource. */
function kindOf(name: string, path: string): string | undefined {
  const named = /^(snippet|variation|folder|tag)Ids?$/.exec(name)?.[1];
  if (named) return named;
  if (name === 'id' || name === 'ids') return /^\/api\/prompts\/(snippet|folder|tag)s?$/.exec(path)?.[1];
  return undefined;
}

describe('parameters, for example-driven tools', () => {
  const required = operations.flatMap((op) => op.parameters.filter((p) => p.required === true || p.in === 'header').map((p) => ({ op, p })));

  it('every required parameter, and every header parameter, has examples its schema accepts', () => {
    expect(required.length).toBeGreaterThan(20);
    const problems = required.flatMap(({ op, p }) => {
      const where = `${op.operationId} ${String(p.in)} ${String(p.name)}`;
      const examples = examplesOf(p);
      if (examples.length === 0) return [`${where}: no example`];
      const validate = ajv.compile(deref(spec, p.schema!) as object);
      return examples.flatMap(([name, example]) => (validate(example) ? [] : [`${where} ${name}: ${JSON.stringify(example)} ${ajv.errorsText(validate.errors)}`]));
    });
    expect(problems).toEqual([]);
  });

  it('every required parameter has an example named as each call of its operation (Specmatic pairs them by name)', () => {
    const problems = required
      .filter(({ p }) => p.required === true)
      .flatMap(({ op, p }) => {
        const names = new Set(examplesOf(p).map(([name]) => name));
        return callNames(op)
          .filter((name) => !names.has(name))
          .map((name) => `${op.operationId} ${String(p.name)}: no example named ${name}`);
      });
    expect(problems).toEqual([]);
    // Can fail: an operation's calls have names.
    expect(callNames(operations.find((op) => op.operationId === 'updateSnippet')!)).toEqual(['rename']);
  });

  it('an id parameter names a resource of its kind that the demo fixtures hold', () => {
    const problems = required.flatMap(({ op, p }) => {
      const kind = kindOf(String(p.name), op.path);
      if (!kind) return [];
      const ids = examplesOf(p).flatMap(([, example]) => (Array.isArray(example) ? example : [example]));
      return ids.filter((id) => !held[kind]!.has(String(id))).map((id) => `${op.operationId} ${String(p.name)}: ${String(id)} is no ${kind} of fixtures/demo.json`);
    });
    expect(problems).toEqual([]);
    // Can fail: the kinds are told apart.
    expect(held.snippet!.has([...held.folder!][0]!)).toBe(false);
  });
});

describe('delete examples, for tools that run every example against one sandbox', () => {
  const uuids = (value: Json | undefined): string[] =>
    typeof value === 'string' ? (/^[0-9a-f]{8}-[0-9a-f]{4}-/.test(value) ? [value] : []) : Array.isArray(value) ? value.flatMap(uuids) : isObject(value) ? Object.values(value).flatMap(uuids) : [];

  /** The values a parameter takes in its operation's calls (a shared parameter holds the examples of every operation using it). */
  const callValues = (op: (typeof operations)[number], p: JsonObject): Json[] => {
    const names = new Set(callNames(op));
    return examplesOf(p).filter(([name]) => name === 'example' || names.has(name)).map(([, v]) => v);
  };

  it('name no resource that the examples of a read or change of one resource, or a request body, need', () => {
    // A read of a list (x-batch) counts what is missing, so it may name a deleted id.
    const needed = new Set(
      operations
        .filter((op) => op.method !== 'delete')
        .flatMap((op) => [
          ...op.parameters.filter((p) => p.required === true && !(isObject(p.schema) && p.schema['x-batch'] === true)).flatMap((p) => callValues(op, p).flatMap(uuids)),
          ...Object.values((((op.requestBody?.content as JsonObject | undefined)?.['application/json'] as JsonObject | undefined)?.examples as JsonObject | undefined) ?? {}).flatMap((e) => uuids((deref(spec, e) as JsonObject).value)),
        ]),
    );
    const deletes = operations.filter((op) => op.method === 'delete');
    expect(deletes.length).toBe(7);
    const problems = deletes.flatMap((op) =>
      op.parameters
        // deleteVariations names the snippet the variations are deleted from; it is kept.
        .filter((p) => p.required === true && p.name !== 'snippetId')
        .flatMap((p) => callValues(op, p).flatMap(uuids))
        .filter((id) => needed.has(id))
        .map((id) => `${op.operationId}: deletes ${id}, which another operation's example needs`),
    );
    expect(problems).toEqual([]);
    // Can fail: the reads' ids are collected.
    expect(needed.has(held.snippet!.values().next().value!)).toBe(true);
  });
});

describe('response headers, for mocks', () => {
  const headers = Object.entries((spec.components as JsonObject).headers as JsonObject);

  it('each has an example its schema accepts', () => {
    const problems = headers.flatMap(([name, header]) => {
      const example = exampleOf(header as JsonObject);
      if (example === undefined) return [`${name}: no example`];
      const validate = ajv.compile(deref(spec, (header as JsonObject).schema!) as object);
      return validate(example) ? [] : [`${name}: ${ajv.errorsText(validate.errors)}`];
    });
    expect(problems).toEqual([]);
  });

  it('RateLimit-Limit shows the default limit of x-limits', () => {
    const header = headers.find(([name]) => name === 'RateLimit-Limit')![1] as JsonObject;
    expect(header.example).toBe(limits.rateLimitPerMinute);
  });
});

describe('request and response examples', () => {
  it('are paired by name: each request example has a success response example of the same name', () => {
    const problems = operations.flatMap((op) => {
      const requestExamples = op.requestBody ? Object.keys(((op.requestBody.content as JsonObject)['application/json'] as JsonObject).examples ?? {}) : [];
      const success = Object.entries(op.responses).filter(([status]) => status.startsWith('2'));
      const responseNames = new Set(success.flatMap(([, response]) => Object.keys((((response.content as JsonObject | undefined)?.['application/json'] as JsonObject | undefined)?.examples as JsonObject | undefined) ?? {})));
      return requestExamples.filter((name) => !responseNames.has(name)).map((name) => `${op.operationId}: request example ${name} has no response example of that name`);
    });
    expect(problems).toEqual([]);
    expect(operations.filter((op) => op.requestBody).length).toBeGreaterThan(10);
  });
});

/** Plain scalars inside flow collections (`{ a: b }`, `[a, b]`) whose text holds a colon, with their line. */
function colonsInFlowScalars(source: string): string[] {
  const found: string[] = [];
  const visit = (node: CST.Token | undefined, inFlow: boolean): void => {
    if (!node) return;
    if (node.type === 'flow-collection') {
      for (const item of node.items) {
        visit(item.key ?? undefined, true);
        visit(item.value ?? undefined, true);
      }
    } else if (node.type === 'block-map' || node.type === 'block-seq') {
      for (const item of node.items) {
        visit('key' in item ? (item.key ?? undefined) : undefined, inFlow);
        visit(item.value ?? undefined, inFlow);
      }
    } else if (node.type === 'document') visit(node.value, false);
    else if (node.type === 'scalar' && inFlow && node.source.includes(':')) found.push(`line ${source.slice(0, node.offset).split('\n').length}: ${node.source}`);
  };
  for (const token of new Parser().parse(source)) visit(token, false);
  return found;
}

describe('openapi.yaml as older YAML parsers read it', () => {
  it('quotes every scalar inside a flow collection that holds a colon (PyYAML before 5.1, and the parser Dredd uses, stop at it)', () => {
    expect(colonsInFlowScalars(readFileSync(specPath, 'utf8'))).toEqual([]);
    // Can fail: the check finds one.
    expect(colonsInFlowScalars('a:\n  b: { error: Expired at 2026-06-30T00:00:00Z, c: "x: y" }\n')).toEqual(['line 2: Expired at 2026-06-30T00:00:00Z']);
  });
});
