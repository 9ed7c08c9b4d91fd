// The 3.0 copy that bench/validators.ts gives openapi-backend must validate
// exactly what the 3.1 contract does, or the benchmark compares unequal work.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { responseValidators } from '../../generated/validators.js';
import { downgradeSchema, downgradeToOpenApi30, DowngradeError, type Json, type JsonObject } from '../../bench/lib/downgrade-to-openapi-30.ts';
import { createOpenApiBackend, errorBody, snippetBody } from '../../bench/validators.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const spec31 = parse(readFileSync(join(root, 'openapi.yaml'), 'utf8')) as JsonObject;

function schemas(doc: JsonObject): JsonObject {
  return (doc.components as JsonObject).schemas as JsonObject;
}

/** Every schema-ish object under `node` that still uses a 3.1-only form. */
function leftovers(node: Json, at = '#'): string[] {
  if (Array.isArray(node)) return node.flatMap((item, i) => leftovers(item, `${at}/${i}`));
  if (typeof node !== 'object' || node === null) return [];
  const found: string[] = [];
  if ('const' in node) found.push(`${at}/const`);
  if (Array.isArray(node.type)) found.push(`${at}/type`);
  for (const [key, value] of Object.entries(node)) {
    // Examples hold data, and x- extensions are not schemas.
    if (key === 'examples' || key === 'example' || key === 'value' || key.startsWith('x-')) continue;
    found.push(...leftovers(value, `${at}/${key}`));
  }
  return found;
}

describe('downgradeToOpenApi30', () => {
  const before = structuredClone(spec31);
  const spec30 = downgradeToOpenApi30(spec31);

  it('writes 3.1-only forms in their 3.0 equivalents and keeps every constraint', () => {
    expect(spec31).toEqual(before); // pure: the input is untouched
    expect(spec30.openapi).toBe('3.0.3');
    expect(spec30.info).not.toHaveProperty('summary');
    expect(leftovers(spec30.paths!)).toEqual([]);
    expect(leftovers(spec30.components!)).toEqual([]);

    const s = schemas(spec30);
    const error = s.ErrorResponse as JsonObject;
    expect((error.properties as JsonObject).success).toEqual({ type: 'boolean', enum: [false] });
    expect(error.additionalProperties).toBe(false);
    expect(error.required).toEqual(['success', 'message', 'code', 'requestId']);
    expect(s.RequestId).toMatchObject({ type: 'string', minLength: 8, maxLength: 128, pattern: '^[A-Za-z0-9_-]+$', example: 'req_3f9a1c7e2b8d4f6a9c0e1b2d3f4a5b6c' });
    expect(s.RequestId).not.toHaveProperty('examples');

    const snippet = (s.Snippet as JsonObject).properties as JsonObject;
    expect(snippet.note).toEqual({ type: 'string', nullable: true, maxLength: 5000 });
    expect(snippet.folderId).toEqual({ type: 'string', nullable: true, format: 'uuid' });
    expect(snippet.title).toEqual({ type: 'string', minLength: 1, maxLength: 200 });
    expect(s.Timestamp).toEqual({ type: 'string', format: 'date-time', maxLength: 30 });

    expect(() => downgradeSchema({ type: 'array', prefixItems: [{ type: 'string' }] })).toThrow(DowngradeError);
    expect(downgradeSchema({ type: 'integer', exclusiveMinimum: 0 })).toEqual({ type: 'integer', minimum: 0, exclusiveMinimum: true });
  });

  describe('openapi-backend on the 3.0 copy', () => {
    let api: Awaited<ReturnType<typeof createOpenApiBackend>>;
    beforeAll(async () => {
      api = await createOpenApiBackend(spec30);
    });

    it('refuses the 3.1 original, which is why the copy exists', async () => {
      await expect(createOpenApiBackend(spec31)).rejects.toThrow(/not valid OpenAPI/);
    });

    const invalidUuid = { ...snippetBody, data: { ...snippetBody.data, folderId: '3d4e5f6a-7b8c-4d9e-8f0a-1b2c3d4e5f6' } };
    const cases: [string, number, unknown, boolean][] = [
      ['a valid snippet body', 200, snippetBody, true],
      ['a valid snippet with folderId null', 200, { ...snippetBody, data: { ...snippetBody.data, folderId: null } }, true],
      ['a valid error body', 403, errorBody, true],
      ['success: true on an error body', 403, { ...errorBody, success: true }, false],
      ['a malformed uuid', 200, invalidUuid, false],
      ['a malformed date-time (30 February)', 200, { ...snippetBody, data: { ...snippetBody.data, createdAt: '2026-02-30T10:00:00Z' } }, false],
      ['title null (nullable only where declared)', 200, { ...snippetBody, data: { ...snippetBody.data, title: null } }, false],
      ['an unknown property', 403, { ...errorBody, retry: true }, false],
    ];

    it.each(cases)('gives the generated validator’s verdict on %s', (_name, status, body, valid) => {
      const generated = responseValidators.getSnippet[String(status) as '200' | '403'] as (data: unknown) => boolean;
      expect(generated(body)).toBe(valid);
      expect(api.validateResponse(body, 'getSnippet', status).valid).toBe(valid);
    });
  });
});
