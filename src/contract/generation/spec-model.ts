// What generation reads from the spec (generated/openapi.json): per
// operation, its parameters and request body with their schemas (`$ref`s
// followed), the status it succeeds with, the statuses it documents, its
// `x-request-cost`, and the kind of resource it works on. No limit, enum or
// format is copied here: every case is made from these schemas.
import openapi from '../../../generated/openapi.json' with { type: 'json' };
import { derefLocal } from '../../openapi/deref.ts';
import { operations as specOperations } from '../spec.ts';

type Json = any;
const doc = openapi as Json;

/** A schema node with its `$ref`s followed (one level: nested ones are followed where they are read). */
export const resolve = (node: Json): Json => derefLocal(doc, node) ?? {};

export type Path = Array<string | number>;

export interface ParameterModel {
  name: string;
  in: 'query' | 'header';
  required: boolean;
  schema: Json;
  description: string;
}

export interface OperationModel {
  operationId: string;
  method: string;
  path: string;
  authenticated: boolean;
  description: string;
  parameters: ParameterModel[];
  /** The request body's schema, when the operation takes one. */
  body?: Json;
  /** Statuses the operation documents. */
  documents: Set<number>;
  /** Its success for a request whose every item succeeds: the lowest documented 2xx other than 207. */
  successStatus: number;
  /** `x-request-cost` as written: '0', '1', 'N', '1 + N' ... */
  cost?: string;
  /** The resource its path names (`/api/prompts/folders` -> `folder`). */
  kind?: string;
  /** Response schemas by status. */
  responses: Map<number, Json>;
}

export const typesOf = (schema: Json): string[] => (Array.isArray(schema.type) ? schema.type : typeof schema.type === 'string' ? [schema.type] : schema.properties ? ['object'] : schema.items ? ['array'] : []);
export const nullable = (schema: Json) => typesOf(schema).includes('null');
/** The schema's type other than null. */
export const mainType = (schema: Json): string | undefined => typesOf(schema).find((t) => t !== 'null');

function kindOfPath(path: string): string | undefined {
  const last = path.split('/').filter(Boolean).at(-1);
  return last?.replace(/s$/, '');
}

function model(path: string, method: string, op: Json, authenticated: boolean): OperationModel {
  const parameters: ParameterModel[] = (op.parameters ?? []).map((p: Json) => {
    const resolved = resolve(p);
    return { name: resolved.name, in: resolved.in, required: resolved.required === true, schema: resolve(resolved.schema), description: resolved.description ?? '' };
  });
  const bodySchema = op.requestBody ? resolve(resolve(op.requestBody).content?.['application/json']?.schema) : undefined;
  const documents = new Set(Object.keys(op.responses).map(Number));
  const successes = [...documents].filter((s) => s >= 200 && s < 300 && s !== 207).sort((a, b) => a - b);
  const responses = new Map<number, Json>(
    Object.entries<Json>(op.responses).map(([status, response]) => [Number(status), resolve(resolve(response).content?.['application/json']?.schema)]),
  );
  return {
    operationId: op.operationId,
    method: method.toUpperCase(),
    path,
    authenticated,
    description: op.description ?? '',
    parameters: parameters.filter((p) => p.in === 'query' || p.in === 'header'),
    ...(bodySchema && { body: bodySchema }),
    documents,
    successStatus: successes[0] ?? 200,
    ...(op['x-request-cost'] !== undefined && { cost: String(op['x-request-cost']) }),
    ...(kindOfPath(path) && { kind: kindOfPath(path) }),
    responses,
  };
}

export const operationModels: OperationModel[] = specOperations.map((spec) => model(spec.path, spec.method.toLowerCase(), doc.paths[spec.path][spec.method.toLowerCase()], spec.authenticated));

export const modelById = new Map(operationModels.map((op) => [op.operationId, op]));

/** A parameter's schema or a body property's schema, followed. */
export const propertySchema = (schema: Json, name: string): Json => resolve(resolve(schema).properties?.[name]);

export const isBatch = (schema: Json): boolean => resolve(schema)['x-batch'] === true;

/** The body's `x-batch` array: its property name (`snippets`), when the body is a batch. */
export function batchProperty(op: OperationModel): string | undefined {
  const body = op.body && resolve(op.body);
  return Object.keys(body?.properties ?? {}).find((name) => isBatch(propertySchema(body, name)));
}

/** The query parameter that is a batch (`ids`), if any. */
export const batchParameter = (op: OperationModel): ParameterModel | undefined => op.parameters.find((p) => isBatch(p.schema));
