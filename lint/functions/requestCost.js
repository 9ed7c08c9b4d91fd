// Why: every call is billed against the workspace quota, so each operation
// states its cost twice: machine-readably in `x-request-cost` (used by the
// sandbox, the verifier and generated code) and for readers in the
// description as a line `Cost: <value>` (optionally followed by `, <what N
// counts>`). The two must exist and agree.
import { createRulesetFunction } from '@stoplight/spectral-core';

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export default createRulesetFunction({ input: { type: 'object' }, options: null }, function requestCost(operation, _options, context) {
  const cost = operation['x-request-cost'];
  if (cost === undefined || cost === null || String(cost).trim() === '' || typeof cost === 'object') {
    return [{ message: 'Operation must declare x-request-cost (for example \'1\' or \'N\').', path: [...context.path, 'x-request-cost'] }];
  }
  const value = String(cost).trim();
  const description = typeof operation.description === 'string' ? operation.description : '';
  const costLines = description.split(/\r?\n/).map((line) => line.trim()).filter((line) => line.startsWith('Cost:'));
  const expected = new RegExp(`^Cost: ${escape(value)}(,.*)?$`);
  if (costLines.length === 0) {
    return [{ message: `The description must contain the line "Cost: ${value}" (x-request-cost).`, path: [...context.path, 'description'] }];
  }
  const wrong = costLines.filter((line) => !expected.test(line));
  if (wrong.length > 0) {
    return [{ message: `The description's "${wrong[0]}" does not match x-request-cost ${JSON.stringify(value)}; expected "Cost: ${value}".`, path: [...context.path, 'description'] }];
  }
  return [];
});
