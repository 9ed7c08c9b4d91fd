// A document in normal form, for the unclassified-change check: every local
// `$ref` expanded, and the forms the rules treat as one thing made one
// (documented in docs/contract-evolution.md, "What is not a change"). Each
// node remembers where it is written in the document (`raw`), so that a
// difference can be matched with the findings, which name those places.
import { child, resolvePointer } from '../../openapi/pointer.ts';
import type { Document } from './load.ts';
import { hashOf, leaf, object, type NormalNode } from './normal-node.ts';
import { normalSchema } from './normal-schema.ts';
import { isObject } from './walk.ts';

export { hashOf, type NormalNode };

/** What a value is, in the grammar of OpenAPI: it decides which forms are equivalent. */
type Role = 'any' | 'schema' | 'schemas' | 'paths' | 'parameters' | 'content' | 'responses' | 'response' | 'headers' | 'security' | 'operation' | 'body' | 'parameter';

const METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);
/** Keywords whose value is a schema, or a map or list of schemas. */
const SCHEMA_KEYS: Record<string, Role> = { items: 'schema', not: 'schema', additionalProperties: 'schema', properties: 'schemas', oneOf: 'schema', anyOf: 'schema', allOf: 'schema' };
/** Expansions cut short at a cycle are bounded by the document's size; this bounds the depth too. */
const MAX_DEPTH = 200;

class Builder {
  readonly #doc: Document;
  /** Expansions of a `$ref` in a role that met no cycle: the same wherever the ref is. */
  readonly #cache = new Map<string, NormalNode>();
  #cycles = 0;

  constructor(doc: Document) {
    this.#doc = doc;
  }

  build(value: unknown, raw: string, role: Role, stack: string[]): NormalNode {
    if (stack.length > MAX_DEPTH) return leaf(raw, { $depth: MAX_DEPTH });
    if (isObject(value) && typeof value.$ref === 'string' && value.$ref.startsWith('#')) return this.#expand(value, raw, role, stack);
    if (Array.isArray(value)) {
      if (role === 'parameters') return this.#parameters([{ list: value, raw }], '', stack);
      if (role === 'security') return this.#security(value, raw, stack);
      const itemRole = role === 'schema' ? 'schema' : 'any';
      return { kind: 'list', raw, items: value.map((v, i) => this.build(v, child(raw, i), itemRole, stack)), unordered: false };
    }
    if (!isObject(value)) return leaf(raw, value);
    if (role === 'schema') return this.#schema(value, raw, stack);
    if (role === 'paths') return this.#paths(value, raw, stack);
    const node = object(raw);
    for (const [key, v] of Object.entries(value)) {
      const at = child(raw, key);
      node.entries.set(this.#key(role, key), this.build(v, at, this.#childRole(role, key), stack));
    }
    if (role === 'operation') {
      const tags = node.entries.get('tags');
      if (tags?.kind === 'list') tags.unordered = true;
      // A cost written as a string is the same cost.
      const cost = node.entries.get('x-request-cost');
      if (cost?.kind === 'leaf') node.entries.set('x-request-cost', leaf(cost.raw, String(cost.value)));
    }
    return node;
  }

  #expand(value: Record<string, any>, raw: string, role: Role, stack: string[]): NormalNode {
    const ref: string = value.$ref;
    const target = resolvePointer(this.#doc, ref);
    const { $ref: _, ...siblings } = value;
    if (target === undefined || stack.includes(ref)) {
      if (target !== undefined) this.#cycles++;
      return leaf(raw, target === undefined ? { $ref: ref } : { $cycle: ref });
    }
    const key = `${role}\u0000${ref}`;
    let expanded = this.#cache.get(key);
    if (!expanded) {
      const cyclesBefore = this.#cycles;
      expanded = this.build(target, ref.slice(1), role, [...stack, ref]);
      if (this.#cycles === cyclesBefore) this.#cache.set(key, expanded);
    }
    // The expansion is shared; the copy says which `$ref` it stands for.
    if (Object.keys(siblings).length === 0 || expanded.kind !== 'object') return { ...expanded, via: raw };
    // Keywords written beside a `$ref` (3.1) apply with it: they are part of what it says.
    const beside = this.build(siblings, raw, role === 'schema' ? 'any' : role, stack);
    return { ...object(expanded.raw, new Map([...expanded.entries, ...(beside.kind === 'object' ? beside.entries : [])])), via: raw };
  }

  #key(role: Role, key: string): string {
    if (role === 'content') return key.split(';')[0]!.trim().toLowerCase();
    if (role === 'headers') return key.toLowerCase();
    return key;
  }

  #childRole(role: Role, key: string): Role {
    switch (role) {
      case 'schemas':
        return 'schema';
      case 'content':
        return 'body';
      case 'body':
      case 'parameter':
        return key === 'schema' ? 'schema' : key === 'content' ? 'content' : 'any';
      case 'responses':
        return 'response';
      case 'response':
        return key === 'content' ? 'content' : key === 'headers' ? 'headers' : 'any';
      case 'headers':
        return 'parameter';
      case 'operation':
        return ({ parameters: 'parameters', requestBody: 'body', responses: 'responses', security: 'security' } as Record<string, Role>)[key] ?? 'any';
      default:
        return 'any';
    }
  }

  // Paths by their template ({} for each parameter); each operation gets the
  // path's parameters under its own, and its security or the document's.
  #paths(value: Record<string, any>, raw: string, stack: string[]): NormalNode {
    const node = object(raw);
    for (const [path, rawItem] of Object.entries(value)) {
      const itemAt = child(raw, path);
      const item = isObject(rawItem) && typeof rawItem.$ref === 'string' ? { node: resolvePointer(this.#doc, rawItem.$ref), at: rawItem.$ref.slice(1) } : { node: rawItem, at: itemAt };
      const normal = object(item.at);
      for (const [key, v] of Object.entries<any>(isObject(item.node) ? item.node : {})) {
        if (key === 'parameters') continue;
        if (!METHODS.has(key) || !isObject(v)) {
          normal.entries.set(key, this.build(v, child(item.at, key), 'any', stack));
          continue;
        }
        const opAt = child(item.at, key);
        const { parameters, security, ...rest } = v;
        const op = this.build(rest, opAt, 'operation', stack) as NormalNode & { kind: 'object' };
        const lists = [{ list: item.node.parameters, raw: child(item.at, 'parameters') }, { list: parameters, raw: child(opAt, 'parameters') }];
        op.entries.set('parameters', this.#parameters(lists, path, stack, opAt));
        const own = Array.isArray(security);
        // A document-level security that is not a list (an invalid document) requires nothing, as an absent one.
        const inherited = Array.isArray(this.#doc.security) ? this.#doc.security : [];
        op.entries.set('security', this.#security(own ? security : inherited, own ? child(opAt, 'security') : '/security', stack));
        normal.entries.set(key, op);
      }
      const template = path.replace(/\{[^}]*\}/g, '{}');
      node.entries.set(node.entries.has(template) ? path : template, normal);
    }
    return node;
  }

  /** Parameters by location and name; a path parameter by its place in the template, a header by its name in lower case. */
  #parameters(lists: { list: unknown; raw: string }[], path: string, stack: string[], raw = lists.at(-1)!.raw): NormalNode {
    const node = object(raw);
    for (const { list, raw: listAt } of lists) {
      if (!Array.isArray(list)) continue;
      // The operation's own parameters replace the path's of the same key; a key twice in one list is kept twice.
      const seen = new Set<string>();
      list.forEach((p, i) => {
        const built = this.build(p, child(listAt, i), 'parameter', stack);
        if (built.kind !== 'object') return node.entries.set(`#${i}`, built);
        const name = built.entries.get('name');
        const where = built.entries.get('in');
        const text = name?.kind === 'leaf' ? String(name.value) : '';
        const location = where?.kind === 'leaf' ? String(where.value) : '';
        const index = location === 'path' ? [...path.matchAll(/\{([^}]*)\}/g)].findIndex((m) => m[1] === text) : -1;
        let key = location === 'header' ? `header ${text.toLowerCase()}` : index !== -1 ? `path #${index}` : `${location} ${text}`;
        if (seen.has(key)) key = `${key} #${i}`;
        seen.add(key);
        const copy = object(built.raw, new Map(built.entries));
        if (index !== -1) copy.entries.delete('name');
        else if (location === 'header' && name) copy.entries.set('name', leaf(name.raw, text.toLowerCase()));
        node.entries.set(key, copy);
      });
    }
    return node;
  }

  /** Security requirements: an unordered list of alternatives, each naming schemes by what they ask, not by their name. */
  #security(list: unknown[], raw: string, stack: string[]): NormalNode {
    const schemes = isObject(this.#doc.components?.securitySchemes) ? this.#doc.components.securitySchemes : {};
    const items = list.map((entry, i): NormalNode => {
      const at = child(raw, i);
      if (!isObject(entry)) return leaf(at, entry);
      const alternative = object(at);
      for (const [name, scopes] of Object.entries(entry)) {
        const scheme = this.build(schemes[name] ?? null, child('/components/securitySchemes', name), 'any', stack);
        const asked = scheme.kind === 'object' ? object(scheme.raw, new Map([...scheme.entries].filter(([k]) => k !== 'description' && k !== 'bearerFormat' && (!k.startsWith('x-') || k === 'x-key-pattern')))) : scheme;
        const scopeList = this.build(scopes, child(at, name), 'any', stack);
        if (scopeList.kind === 'list') scopeList.unordered = true;
        alternative.entries.set(hashOf(asked), scopeList);
      }
      return alternative;
    });
    return { kind: 'list', raw, items, unordered: true };
  }

  #schema(value: Record<string, any>, raw: string, stack: string[]): NormalNode {
    const node = object(raw);
    for (const [key, v] of Object.entries(value)) node.entries.set(key, this.build(v, child(raw, key), SCHEMA_KEYS[key] ?? 'any', stack));
    return normalSchema(node);
  }
}

const normalForms = new WeakMap<Document, NormalNode>();

/**
 * `doc` in normal form. Left out: `components` but the security schemes
 * (what is used is expanded where it is used) and `info.version` (the label
 * of the change, which the release policy checks).
 */
export function normalFormOf(doc: Document): NormalNode {
  const known = normalForms.get(doc);
  if (known) return known;
  const builder = new Builder(doc);
  const root = object('');
  for (const [key, value] of Object.entries(doc)) {
    if (key === 'components' || key === 'security') continue;
    if (key === 'paths') root.entries.set(key, builder.build(value, '/paths', 'paths', []));
    else if (key === 'info' && isObject(value)) {
      const { version: _, ...info } = value;
      root.entries.set(key, builder.build(info, '/info', 'any', []));
    } else if (key === 'servers' && Array.isArray(value)) {
      // A trailing slash is the same base URL.
      root.entries.set(key, builder.build(value.map((s) => (isObject(s) && typeof s.url === 'string' ? { ...s, url: s.url.replace(/\/$/, '') } : s)), '/servers', 'any', []));
    } else root.entries.set(key, builder.build(value, child('', key), 'any', []));
  }
  const schemes = isObject(doc.components?.securitySchemes) ? doc.components.securitySchemes : {};
  // Security schemes by what they say, not by name: renaming one is no change.
  const items = Object.entries(schemes).map(([name, scheme]) => builder.build(scheme, child('/components/securitySchemes', name), 'any', []));
  root.entries.set('securitySchemes', { kind: 'list', raw: '/components/securitySchemes', items, unordered: true });
  normalForms.set(doc, root);
  return root;
}
