// Why: x-error-catalog is the single source of the generated error module, the
// client's user-facing messages and the docs catalog page. An entry missing a
// field (or with a category outside the seed's list) breaks all three at
// once, far from the edit that caused it.
import { createRulesetFunction } from '@stoplight/spectral-core';
import { isObject } from '../lib/oas.js';

const CATEGORIES = ['authentication', 'validation', 'permission', 'quota', 'resource', 'variation', 'batch', 'rate_limit', 'server'];

const nonEmptyString = (value) => typeof value === 'string' && value.trim().length > 0;
const nonEmptyStringList = (value) => Array.isArray(value) && value.length > 0 && value.every(nonEmptyString);

const FIELDS = [
  ['status', (v) => Number.isInteger(v) && v >= 100 && v <= 599, 'an integer HTTP status from 100 to 599'],
  ['category', (v) => CATEGORIES.includes(v), `one of ${CATEGORIES.join(', ')}`],
  ['summary', nonEmptyString, 'a non-empty string'],
  ['causes', nonEmptyStringList, 'a non-empty array of non-empty strings'],
  ['fixes', nonEmptyStringList, 'a non-empty array of non-empty strings'],
  ['userMessage', nonEmptyString, 'a non-empty string'],
];

export default createRulesetFunction({ input: null, options: null }, function errorCatalogEntry(root) {
  const catalog = isObject(root) ? root['x-error-catalog'] : undefined;
  if (!isObject(catalog) || Object.keys(catalog).length === 0) {
    return [{ message: 'The document must have a non-empty x-error-catalog map (one entry per error code).', path: catalog === undefined ? [] : ['x-error-catalog'] }];
  }
  const results = [];
  for (const [code, entry] of Object.entries(catalog)) {
    if (!isObject(entry)) {
      results.push({ message: `Catalog entry ${code} must be a map of ${FIELDS.map(([f]) => f).join(', ')}.`, path: ['x-error-catalog', code] });
      continue;
    }
    for (const [field, valid, expected] of FIELDS) {
      if (!(field in entry)) {
        results.push({ message: `Catalog entry ${code} lacks ${field} (${expected}).`, path: ['x-error-catalog', code] });
      } else if (!valid(entry[field])) {
        results.push({ message: `Catalog entry ${code}: ${field} must be ${expected}.`, path: ['x-error-catalog', code, field] });
      }
    }
  }
  return results;
});
