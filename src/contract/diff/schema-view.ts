// A schema as the comparison reads it: `$ref`s followed, `allOf` merged into
// one object, and the nullable idioms (`anyOf`/`oneOf` of a schema and
// `{type: 'null'}`) read as that schema plus null. Each merged property
// remembers where it is really written, so findings point there.
import type { Document } from './load.ts';
import { follow, isObject, type Located } from './walk.ts';

/** Where a property is written: the schema whose `properties` holds it. */
export interface Origin {
  at: string;
  /** The component that schema is, when it is one. */
  component?: string;
}

export interface SchemaView extends Located {
  node: Record<string, any>;
  component?: string;
  /** Properties not written in `node` itself (they came from allOf or an idiom). */
  origins: Map<string, Origin>;
}

export function requiredOf(node: Record<string, any>): string[] {
  return Array.isArray(node.required) ? node.required.filter((r: unknown) => typeof r === 'string') : [];
}

/** The JSON types a schema allows, or undefined for any. */
export function typesOf(node: Record<string, any>): Set<string> | undefined {
  let types: string[] | undefined;
  if (typeof node.type === 'string') types = [node.type];
  else if (Array.isArray(node.type)) types = [...node.type];
  else if (isObject(node.properties)) types = ['object'];
  else if (node.items !== undefined) types = ['array'];
  if (types && node.nullable === true) types.push('null');
  return types && new Set(types);
}

function isNullSchema(node: unknown): boolean {
  if (!isObject(node)) return false;
  if (node.type === 'null' || (Array.isArray(node.type) && node.type.length === 1 && node.type[0] === 'null')) return true;
  return node.const === null || (Array.isArray(node.enum) && node.enum.length === 1 && node.enum[0] === null);
}

/** `located` (already followed) as the comparison reads it. `seen` holds the schemas being merged: recursion stops there. */
export function viewOf(doc: Document, located: Located & { component?: string }, seen: ReadonlySet<string> = new Set()): SchemaView {
  const inside = new Set(seen).add(located.at);
  let node: Record<string, any> = located.node;
  let origins = new Map<string, Origin>();

  for (const keyword of ['anyOf', 'oneOf'] as const) {
    const options = node[keyword];
    if (!Array.isArray(options) || options.length !== 2) continue;
    const nulls = options.map((o, i) => isNullSchema(follow(doc, { node: o, at: `${located.at}/${keyword}/${i}` }).node));
    if (nulls.filter(Boolean).length !== 1) continue;
    const index = nulls.indexOf(false);
    const other = follow(doc, { node: options[index], at: `${located.at}/${keyword}/${index}` });
    if (!isObject(other.node) || inside.has(other.at)) continue;
    const inner = viewOf(doc, other, inside);
    const { [keyword]: _, ...siblings } = node;
    node = { ...inner.node, ...siblings };
    const types = typesOf(inner.node);
    if (types) node.type = [...types, 'null'];
    delete node.nullable;
    origins = new Map(inner.origins);
    if (isObject(inner.node.properties)) for (const name of Object.keys(inner.node.properties)) if (!origins.has(name)) origins.set(name, originOf(inner));
    break;
  }

  if (Array.isArray(node.allOf)) {
    const { allOf, ...rest } = node;
    const properties: Record<string, any> = isObject(rest.properties) ? { ...rest.properties } : {};
    const required = requiredOf(rest);
    let hasProperties = isObject(rest.properties);
    let hasRequired = Array.isArray(rest.required);
    for (const [i, raw] of (allOf as unknown[]).entries()) {
      const part = follow(doc, { node: raw, at: `${located.at}/allOf/${i}` });
      if (!isObject(part.node) || inside.has(part.at)) continue;
      const view = viewOf(doc, part, inside);
      if (isObject(view.node.properties)) {
        hasProperties = true;
        for (const [name, schema] of Object.entries(view.node.properties)) {
          if (name in properties) continue;
          properties[name] = schema;
          origins.set(name, view.origins.get(name) ?? originOf(view));
        }
      }
      if (Array.isArray(view.node.required)) hasRequired = true;
      required.push(...requiredOf(view.node));
      for (const [k, v] of Object.entries(view.node)) if (!(k in rest) && k !== 'properties' && k !== 'required') rest[k] = v;
    }
    node = rest;
    if (hasProperties) node.properties = properties;
    if (hasRequired) node.required = [...new Set(required)];
  }
  return located.component === undefined ? { node, at: located.at, origins } : { node, at: located.at, component: located.component, origins };
}

function originOf(view: SchemaView): Origin {
  return view.component === undefined ? { at: view.at } : { at: view.at, component: view.component };
}
