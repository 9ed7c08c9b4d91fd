// openapi.yaml as Specmatic reads it right. Specmatic 2.55.1 ignores
// `explode: false` on a list in the query (specmatic/specmatic#1749): it
// sends `ids=a&ids=b` where the contract has `ids=a,b`, and cannot send a
// one-item list at all. This view gives each such parameter as what goes on
// the wire, a string of comma-separated values, with its examples joined the
// same way; nothing else changes, so every request Specmatic sends is one the
// contract describes, and every answer is checked against openapi.yaml's.
import { isObject, type Json, type JsonObject } from './spec.ts';

/** Whether a parameter is a list serialised as one comma-separated value. */
export function isCommaList(p: JsonObject): boolean {
  return p.in === 'query' && p.explode === false && (p.style ?? 'form') === 'form' && isObject(p.schema) && p.schema.type === 'array';
}

function asWired(p: JsonObject): JsonObject {
  const { style: _style, explode: _explode, schema: _schema, example, examples, ...rest } = p;
  const join = (value: Json | undefined): Json | undefined => (Array.isArray(value) ? value.join(',') : value);
  return {
    ...rest,
    schema: { type: 'string', pattern: '^[^,]+(,[^,]+)*$' },
    ...(example !== undefined && { example: join(example)! }),
    ...(isObject(examples) && {
      examples: Object.fromEntries(Object.entries(examples).map(([name, e]) => [name, isObject(e) ? { ...e, value: join(e.value)! } : e])),
    }),
  };
}

/** A copy of the document with every comma-separated list parameter given as a string. */
export function specmaticView(doc: JsonObject): JsonObject {
  const copy = structuredClone(doc);
  const rewrite = (list: Json | undefined): Json[] | undefined => (Array.isArray(list) ? list.map((p) => (isObject(p) && isCommaList(p) ? asWired(p) : p)) : undefined);
  const parameters = (copy.components as JsonObject | undefined)?.parameters;
  if (isObject(parameters)) for (const [name, p] of Object.entries(parameters)) if (isObject(p) && isCommaList(p)) parameters[name] = asWired(p);
  for (const item of Object.values((copy.paths as JsonObject) ?? {})) {
    if (!isObject(item)) continue;
    for (const [key, value] of Object.entries(item)) {
      if (key === 'parameters') item.parameters = rewrite(value)!;
      else if (isObject(value) && Array.isArray(value.parameters)) value.parameters = rewrite(value.parameters)!;
    }
  }
  return copy;
}
