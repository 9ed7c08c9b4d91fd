// generated/limit-validators.js: the cheap limits (maxItems, maxProperties,
// additionalProperties: false) of every request body and parameter set, as ajv standalone validators that
// stop at the first violation (limit-schemas.ts says why they run first).
// A module of its own: its ajv runs without allErrors, and without strictTypes,
// since a limits schema keeps `properties` and `items` but drops `type` (a
// type error is the full validator's to report, not a limit).
import type { AnySchema } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import standaloneModule from 'ajv/dist/standalone/index.js';
import { LimitSchemas, limitsId } from './limit-schemas.ts';
import { moduleSource, StandaloneExports, toAjvSchema, validatorEntries, type ValidatorEntry } from './gen-validators.ts';
import type { JsonObject } from './spec.ts';

// CommonJS module: under NodeNext its callable sits on `.default`.
const standaloneCode = standaloneModule.default;

export function generateLimitValidators(doc: JsonObject, header: string): { js: string; dts: string } {
  const ajv = new Ajv2020({ strict: true, strictTypes: false, allErrors: false, inlineRefs: true, code: { source: true, esm: true, lines: true } });
  const components = (doc.components as JsonObject).schemas as JsonObject;
  const limitSchemas = new LimitSchemas(Object.fromEntries(Object.entries(components).map(([name, schema]) => [name, toAjvSchema(schema)])));

  const entries: ValidatorEntry[] = [];
  for (const entry of validatorEntries(doc)) {
    if (entry.status !== 'request' && entry.status !== 'parameters') continue;
    const schema = limitSchemas.of(toAjvSchema(entry.schema), `${entry.operationId} ${entry.status}`);
    if (schema) entries.push({ ...entry, exportName: `${entry.exportName}Limits`, schema });
  }
  for (const [id, schema] of limitSchemas.components()) ajv.addSchema({ $id: id, ...schema } as AnySchema);
  const exports = new StandaloneExports(ajv);
  for (const entry of entries) exports.add(entry.exportName, limitsId(`${entry.operationId}/${entry.status}`), entry.schema as JsonObject);

  const requests = entries.filter((e) => e.status === 'request');
  const parameters = entries.filter((e) => e.status === 'parameters');
  const table = (list: ValidatorEntry[]) => list.map((e) => `  ${e.operationId}: ${e.exportName},`).join('\n');
  const typeTable = (list: ValidatorEntry[]) => list.map((e) => `  readonly ${e.operationId}: Validator<unknown>;`).join('\n');

  const js = [
    header,
    moduleSource(standaloneCode(ajv, exports.byName)),
    ...exports.aliases,
    '',
    '/**',
    ' * The limits of request bodies (maxItems, maxProperties, no unknown keys), by operationId, for the operations whose',
    ' * body has any. Run one before the full validator (validators.js), which checks every item of an array however far',
    ' * past its maxItems and reports every unknown key: a body it refuses is refused for its first broken limit alone.',
    ' */',
    `export const requestBodyLimitValidators = {\n${table(requests)}\n};`,
    '',
    '/** The limits of parameters (`{ query, header }`, as for parameterValidators), by operationId, for the operations whose parameters have any. */',
    `export const parameterLimitValidators = {\n${table(parameters)}\n};`,
    '',
  ].join('\n');

  const dts = [
    header,
    'import type { Validator } from "./validators.js";',
    '',
    ...entries.map((e) => `export declare const ${e.exportName}: Validator<unknown>;`),
    '',
    `export declare const requestBodyLimitValidators: {\n${typeTable(requests)}\n};`,
    '',
    `export declare const parameterLimitValidators: {\n${typeTable(parameters)}\n};`,
    '',
  ].join('\n');

  return { js, dts };
}
