// Why: ErrorCode.enum is what schemas, generated types and validators check
// codes against; x-error-catalog is what explains them. They must list the
// same codes in the same order, or a code is either undocumented or rejected
// by the validators (and generated output reorders between builds).
import { createRulesetFunction } from '@stoplight/spectral-core';
import { getAt, isObject } from '../lib/oas.js';

const ENUM_PATH = ['components', 'schemas', 'ErrorCode', 'enum'];

export default createRulesetFunction({ input: null, options: null }, function errorCodeEnumMatchesCatalog(root) {
  const catalog = isObject(root) ? root['x-error-catalog'] : undefined;
  const keys = isObject(catalog) ? Object.keys(catalog) : [];
  const values = getAt(root, ENUM_PATH);
  if (!Array.isArray(values)) {
    const schema = getAt(root, ENUM_PATH.slice(0, 3));
    return [{ message: 'components.schemas.ErrorCode must have an enum listing the keys of x-error-catalog.', path: isObject(schema) ? ENUM_PATH.slice(0, 3) : [] }];
  }
  if (values.length === keys.length && values.every((value, index) => value === keys[index])) return [];

  const missing = keys.filter((key) => !values.includes(key));
  const extra = values.filter((value) => !keys.includes(value));
  const parts = [];
  if (missing.length > 0) parts.push(`missing from the enum: ${missing.join(', ')}`);
  if (extra.length > 0) parts.push(`not in x-error-catalog: ${extra.join(', ')}`);
  if (parts.length === 0) {
    const index = values.findIndex((value, i) => value !== keys[i]);
    parts.push(`order differs at position ${index} (enum has ${values[index]}, catalog has ${keys[index]})`);
  }
  return [{ message: `ErrorCode.enum must equal the keys of x-error-catalog in the same order: ${parts.join('; ')}.`, path: ENUM_PATH }];
});
