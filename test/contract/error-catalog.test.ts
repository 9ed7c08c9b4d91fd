import { describe, expect, it } from 'vitest';
import { errorCatalog, errorCategories, errorCodes, isErrorCode } from '../../generated/error-catalog.js';
import { deref, isObject, listOperations, type JsonObject } from '../../scripts/lib/spec.ts';
import { exampleSites, unmatchedExampleSites } from '../helpers/examples.ts';
import { spec } from '../helpers/spec.ts';

// The causes the seed page and DESIGN.md ("The error contract") require, each
// with the status and category it must have. Several causes may not share a
// code: a client must be able to tell them apart.
const seedCauses = [
  { cause: 'missing required parameter', status: 400, category: 'validation', code: 'PARAMETER_MISSING' },
  { cause: 'invalid JSON body', status: 400, category: 'validation', code: 'BODY_INVALID_JSON' },
  { cause: 'invalid parameter value', status: 400, category: 'validation', code: 'PARAMETER_INVALID' },
  { cause: 'wrong data type', status: 400, category: 'validation', code: 'TYPE_MISMATCH' },
  { cause: 'field length violation', status: 400, category: 'validation', code: 'FIELD_LENGTH_INVALID' },
  { cause: 'missing Authorization header', status: 401, category: 'authentication', code: 'AUTH_HEADER_MISSING' },
  { cause: 'malformed key', status: 401, category: 'authentication', code: 'AUTH_KEY_MALFORMED' },
  { cause: 'unknown key', status: 401, category: 'authentication', code: 'AUTH_KEY_UNKNOWN' },
  { cause: 'inactive key', status: 401, category: 'authentication', code: 'AUTH_KEY_INACTIVE' },
  { cause: 'deleted key', status: 401, category: 'authentication', code: 'AUTH_KEY_DELETED' },
  { cause: 'expired key', status: 401, category: 'authentication', code: 'AUTH_KEY_EXPIRED' },
  { cause: 'key lacks permission for the team', status: 403, category: 'permission', code: 'TEAM_ACCESS_DENIED' },
  { cause: 'workspace subscription inactive', status: 403, category: 'permission', code: 'SUBSCRIPTION_INACTIVE' },
  { cause: "another workspace's resource", status: 403, category: 'permission', code: 'WORKSPACE_MISMATCH' },
  { cause: 'insufficient request quota', status: 403, category: 'quota', code: 'QUOTA_INSUFFICIENT' },
  { cause: 'key temporarily blocked', status: 403, category: 'rate_limit', code: 'KEY_TEMPORARILY_BLOCKED' },
  { cause: 'unknown snippet id', status: 404, category: 'resource', code: 'SNIPPET_NOT_FOUND' },
  { cause: 'unknown folder id', status: 404, category: 'resource', code: 'FOLDER_NOT_FOUND' },
  { cause: 'unknown tag id', status: 404, category: 'resource', code: 'TAG_NOT_FOUND' },
  { cause: 'deleted resource', status: 404, category: 'resource', code: 'RESOURCE_DELETED' },
  { cause: 'unknown endpoint', status: 404, category: 'resource', code: 'ENDPOINT_NOT_FOUND' },
  { cause: 'over the per-key rate limit', status: 429, category: 'rate_limit', code: 'RATE_LIMIT_EXCEEDED' },
  { cause: 'unexpected failure', status: 500, category: 'server', code: 'INTERNAL_ERROR' },
  { cause: 'variation not found', status: 404, category: 'variation', code: 'VARIATION_NOT_FOUND' },
  { cause: 'variation of another snippet', status: 404, category: 'variation', code: 'VARIATION_NOT_IN_SNIPPET' },
  { cause: 'removing the last variation', status: 409, category: 'variation', code: 'VARIATION_LAST_REMAINING' },
  { cause: 'empty batch', status: 400, category: 'batch', code: 'BATCH_EMPTY' },
  { cause: 'more than 100 items', status: 400, category: 'batch', code: 'BATCH_TOO_LARGE' },
  { cause: 'batch partial failure', status: 207, category: 'batch', code: 'BATCH_PARTIAL_FAILURE' },
  { cause: 'quota too small for the whole batch', status: 403, category: 'batch', code: 'BATCH_QUOTA_INSUFFICIENT' },
  { cause: 'idempotency key reused with another body', status: 422, category: 'validation', code: 'IDEMPOTENCY_KEY_REUSED' },
] as const;

const sites = [...exampleSites(spec), ...unmatchedExampleSites(spec)];
const codeOf = (value: unknown) => (isObject(value) && typeof value.code === 'string' ? value.code : undefined);

describe('the error catalog', () => {
  it.each(seedCauses)('has its own code for "$cause" with status $status and category $category', (seed) => {
    expect(isErrorCode(seed.code)).toBe(true);
    const entry = errorCatalog[seed.code];
    expect({ status: entry.status, category: entry.category }).toEqual({ status: seed.status, category: seed.category });
  });

  it('gives distinct causes distinct codes', () => {
    expect(new Set(seedCauses.map((s) => s.code)).size).toBe(seedCauses.length);
  });

  it('covers every category of the seed page', () => {
    expect([...errorCategories].sort()).toEqual(
      ['authentication', 'batch', 'permission', 'quota', 'rate_limit', 'resource', 'server', 'validation', 'variation'],
    );
  });

  it('has the same codes, in the same order, as the ErrorCode enum', () => {
    const schemas = (spec.components as JsonObject).schemas as JsonObject;
    expect(errorCodes).toEqual((schemas.ErrorCode as JsonObject).enum);
  });

  it('is complete for every code: summary, causes, fixes and a user-facing message', () => {
    for (const code of errorCodes) {
      const entry = errorCatalog[code];
      expect(entry.summary.length, code).toBeGreaterThan(10);
      expect(entry.causes.length, code).toBeGreaterThan(0);
      expect(entry.fixes.length, code).toBeGreaterThan(0);
      expect(entry.userMessage, code).toMatch(/\.$/);
      // A user-facing message must not leak jargon a user cannot act on.
      expect(entry.userMessage, code).not.toMatch(/\b(HTTP|JSON|4\d\d|5\d\d|API key format|stack)\b/);
    }
  });

  it("gives each code the status of every response whose examples carry it", () => {
    const mismatches = sites
      .filter((site) => site.status !== 'request' && codeOf(site.value) !== undefined)
      .filter((site) => errorCatalog[codeOf(site.value) as keyof typeof errorCatalog]?.status !== Number(site.status))
      .map((site) => `${site.where}: ${codeOf(site.value)}`);
    expect(mismatches).toEqual([]);
  });

  it('has an example body for every code, in a response of the right status', () => {
    const exemplified = new Set(sites.map((site) => codeOf(site.value)));
    expect(errorCodes.filter((code) => !exemplified.has(code))).toEqual([]);
  });

  it('names each error example after the code it carries', () => {
    const misnamed = sites
      .filter((site) => Number(site.status) >= 400 && site.name !== codeOf(site.value))
      .map((site) => site.where);
    expect(misnamed).toEqual([]);
  });

  it('sends usage with quota errors and Retry-After with rate-limit errors', () => {
    for (const site of sites.filter((s) => ['QUOTA_INSUFFICIENT', 'BATCH_QUOTA_INSUFFICIENT'].includes(codeOf(s.value)!))) {
      expect((site.value as JsonObject).usage, site.where).toBeDefined();
    }
    for (const op of listOperations(spec)) {
      for (const status of ['429', '503']) {
        const response = op.responses[status];
        if (!response) continue;
        const header = deref(spec, (response.headers as JsonObject)['Retry-After']!) as JsonObject;
        expect(header.required, `${op.operationId} ${status} Retry-After`).toBe(true);
      }
      // KEY_TEMPORARILY_BLOCKED travels in the 403 response, which must be able to carry Retry-After.
      if (op.responses['403']) expect((op.responses['403'].headers as JsonObject)['Retry-After'], op.operationId).toBeDefined();
    }
  });
});
