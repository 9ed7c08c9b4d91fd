// The cheap limits of a request schema as a schema of their own: how many
// items an array may hold and how many properties an object (`maxItems`,
// `maxProperties`), and which keys (`additionalProperties: false`). Its
// validator walks the data along the schema and checks those, nothing else,
// so it costs at most one visit of the body. A server runs it before the full
// validator: in allErrors mode that one validates every item of an array
// however far past its maxItems (and checks uniqueItems pairwise), and reports
// every unknown key, so the count of items and keys must be known to be within
// the contract's limits first. Then the full validator's work and its error
// count are bounded by the contract's limits, not only by the body's size.
import { isObject, type Json, type JsonObject } from './spec.ts';

const LIMIT_KEYWORDS = ['maxItems', 'maxProperties'] as const;
/** Keywords whose subschemas apply whenever the data has that shape: their limits can be checked alone. */
const SUBSCHEMA_MAPS = ['properties', 'patternProperties'] as const;
/** Keywords whose subschemas apply only under a condition on the whole data (a branch, a match): a limit under them cannot. */
const CONDITIONAL = ['anyOf', 'oneOf', 'not', 'if', 'then', 'else', 'contains', 'dependentSchemas', 'propertyNames', 'unevaluatedItems', 'unevaluatedProperties'];

/** The id a component's limits schema gets beside the component's own (`:` cannot occur in a component name). */
export function limitsId(component: string): string {
  return `limits:${component}`;
}

/**
 * Limits schemas of request schemas, in the shape `toAjvSchema` gives them
 * (a component ref is the component's name). Components are stripped once,
 * on first use, and `components()` lists those the returned schemas refer to.
 */
export class LimitSchemas {
  /** Component name -> its limits schema, or null when it has none. */
  private readonly stripped = new Map<string, JsonObject | null>();
  /** Components being stripped: a ref back to one of them is kept (a recursive schema). */
  private readonly inProgress = new Set<string>();
  /** Components referred to while in progress: they need a schema even without a limit. */
  private readonly recursive = new Set<string>();

  constructor(private readonly schemas: Record<string, Json>) {}

  /** The limits schema of `schema`, or undefined when nothing in it has a limit. `at` names it in errors. */
  of(schema: Json, at: string): JsonObject | undefined {
    return this.strip(schema, at);
  }

  /** Every component limits schema that some returned schema refers to, with its id. */
  components(): Array<[string, JsonObject]> {
    return [...this.stripped].filter((entry): entry is [string, JsonObject] => entry[1] !== null).map(([name, schema]) => [limitsId(name), schema]);
  }

  private ref(name: string, at: string): string | undefined {
    if (this.inProgress.has(name)) {
      this.recursive.add(name);
      return limitsId(name);
    }
    if (!this.stripped.has(name)) {
      if (!(name in this.schemas)) throw new Error(`${at}: $ref to unknown schema ${name}`);
      this.inProgress.add(name);
      const own = this.strip(this.schemas[name]!, name);
      this.inProgress.delete(name);
      this.stripped.set(name, own ?? (this.recursive.has(name) ? {} : null));
    }
    return this.stripped.get(name) ? limitsId(name) : undefined;
  }

  private strip(schema: Json, at: string): JsonObject | undefined {
    if (!isObject(schema)) return undefined;
    const out: JsonObject = {};
    for (const key of LIMIT_KEYWORDS) if (typeof schema[key] === 'number') out[key] = schema[key];
    if (schema.uniqueItems === true && typeof schema.maxItems !== 'number') {
      // ajv compares items pairwise when their type is not known at that level.
      throw new Error(`${at}: uniqueItems without maxItems in a request schema costs the square of the array's length`);
    }
    if (typeof schema.$ref === 'string') {
      const ref = this.ref(schema.$ref, at);
      if (ref) out.$ref = ref;
    }
    for (const key of CONDITIONAL) {
      const sub = schema[key];
      const subs = Array.isArray(sub) ? sub : isObject(sub) ? (key === 'dependentSchemas' ? Object.values(sub) : [sub]) : [];
      if (subs.some((s, i) => this.strip(s, `${at}/${key}/${i}`))) {
        throw new Error(`${at}: a limit under ${key} cannot be checked on its own; teach scripts/lib/limit-schemas.ts this shape`);
      }
    }
    if (Array.isArray(schema.allOf)) {
      const parts = schema.allOf.flatMap((s, i) => this.strip(s, `${at}/allOf/${i}`) ?? []);
      if (parts.length > 0) out.allOf = parts;
    }

    // Objects: properties, then additionalProperties, which applies to every other key. `false`
    // is a limit too: it bounds the keys, and so the errors, an object can bring.
    const additional = schema.additionalProperties === false ? false : this.strip(schema.additionalProperties ?? null, `${at}/additionalProperties`);
    for (const key of SUBSCHEMA_MAPS) {
      const map = schema[key];
      if (!isObject(map)) continue;
      const kept: JsonObject = {};
      for (const [name, sub] of Object.entries(map)) {
        const limits = this.strip(sub, `${at}/${key}/${name}`);
        // With additionalProperties kept, every named key stays (as `true`) so that it is not taken for an additional one.
        if (limits || additional !== undefined) kept[name] = limits ?? true;
      }
      if (Object.keys(kept).length > 0) out[key] = kept;
    }
    if (additional !== undefined) out.additionalProperties = additional;

    // Arrays: prefixItems by position, then items for the rest.
    const items = this.strip(schema.items ?? null, `${at}/items`);
    if (Array.isArray(schema.prefixItems)) {
      const prefix = schema.prefixItems.map((s, i) => this.strip(s, `${at}/prefixItems/${i}`));
      if (items || prefix.some(Boolean)) out.prefixItems = prefix.map((s) => s ?? true);
    }
    if (items) out.items = items;

    return Object.keys(out).length > 0 ? out : undefined;
  }
}
