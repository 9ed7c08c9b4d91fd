// Valid values for a schema, drawn from the generator: strings within their
// lengths, enum members, UUIDs, RFC 3339 date-times, strings of a pattern's
// character class, integers within their bounds, objects with their required
// properties (and, when asked, some optional ones), arrays within their item
// counts. A UUID that names a resource (by the property's name: `folderId`,
// `tagIds`, `parentTagId`, `snippetId`, the operation's own `id`) becomes a
// placeholder the scenario resolves by creating that resource first.
import { limits } from '../spec.ts';
import { IdempotencyKey, Ref, TeamRef } from './draft.ts';
import type { Random } from './random.ts';
import { isBatch, mainType, nullable, resolve, type OperationModel } from './spec-model.ts';
import { words } from './unicode.ts';

type Json = any;

/** What a value is generated for: the operation, and the resources its request shares (one snippet for `snippetId` and its variations). */
export interface Generation {
  rng: Random;
  op: OperationModel;
  shared: Map<string, Ref>;
}

export const newGeneration = (rng: Random, op: OperationModel): Generation => ({ rng, op, shared: new Map() });

/** Kinds a request can name by id: the ones the spec can create (`create<Kind>`), and the team of the key. */
const CREATABLE = new Set(['snippet', 'folder', 'tag', 'variation']);

/**
 * The kind of resource a UUID property names, read from its name:
 * `teamId` the key's team, `<kind>Id(s)` and `parent<Kind>Id` a resource of
 * that kind, `id(s)` the operation's own. Undefined for any other UUID.
 */
export function refKind(name: string, op: OperationModel): string | undefined {
  if (name === 'teamId') return 'team';
  if (name === 'id' || name === 'ids') return op.kind && CREATABLE.has(op.kind) ? op.kind : undefined;
  const match = /^(?:parent)?([A-Za-z]+?)Ids?$/.exec(name);
  const kind = match?.[1] && match[1][0]!.toLowerCase() + match[1].slice(1);
  return kind && CREATABLE.has(kind) ? kind : undefined;
}

/** A placeholder for one resource of `kind` named by `name` in this request. */
export function refFor(kind: string, name: string, g: Generation): Ref | TeamRef {
  if (kind === 'team') return new TeamRef();
  // `snippetId` is one snippet for the whole request, and its variations belong to it.
  if (kind === 'snippet' && name === 'snippetId') {
    let snippet = g.shared.get('snippet');
    if (!snippet) g.shared.set('snippet', (snippet = new Ref('snippet')));
    return snippet;
  }
  if (kind === 'variation') {
    const parent = g.op.parameters.some((p) => p.name === 'snippetId') ? (refFor('snippet', 'snippetId', g) as Ref) : new Ref('snippet');
    return new Ref('variation', parent);
  }
  return new Ref(kind);
}

/** How many resources of a kind one parent can hold for a request: a snippet keeps one variation of its own. */
export function capacity(kind: string): number {
  return kind === 'variation' ? limits.maxVariationsPerSnippet - 1 : Number.POSITIVE_INFINITY;
}

/** Parameters whose valid values only the server gives (a paging cursor): never invented. */
export const serverGiven = (name: string): boolean => name === 'cursor';

/** A character class pattern (`^[A-Za-z0-9_-]+$`, `^[\x21-\x7E]+$`): its characters, or undefined for any other pattern. */
export function patternAlphabet(pattern: string): string[] | undefined {
  const match = /^\^\[((?:\\x[0-9A-Fa-f]{2}|\\.|[^\]\\])+)\](?:\+|\{\d+,\d*\})\$$/.exec(pattern);
  if (!match) return undefined;
  const tokens = [...match[1]!.matchAll(/\\x([0-9A-Fa-f]{2})|\\(.)|([^\\])/g)].map((m) => (m[1] ? String.fromCharCode(parseInt(m[1], 16)) : (m[2] ?? m[3])!));
  const chars: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i + 1] === '-' && i + 2 < tokens.length) {
      for (let c = tokens[i]!.charCodeAt(0); c <= tokens[i + 2]!.charCodeAt(0); c++) chars.push(String.fromCharCode(c));
      i += 2;
    } else chars.push(tokens[i]!);
  }
  return chars;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** An RFC 3339 date-time, in the spellings the format allows: a `t` or `T`, a fraction, `Z`, `z` or an offset, a leap second. */
export function dateTime(rng: Random): string {
  const year = rng.pick([rng.int(2000, 2030), rng.int(0, 9999)]);
  const month = rng.int(1, 12);
  const day = rng.int(1, 28);
  const leap = rng.chance(0.1);
  const time = leap ? '23:59:60' : `${pad(rng.int(0, 23))}:${pad(rng.int(0, 59))}:${pad(rng.int(0, 59))}`;
  const fraction = rng.chance(0.4) ? `.${String(rng.int(0, 999_999)).padStart(rng.int(1, 6), '0').slice(0, 6)}` : '';
  const zone = leap ? 'Z' : rng.pick(['Z', 'z', `+${pad(rng.int(0, 23))}:${pad(rng.int(0, 59))}`, `-${pad(rng.int(0, 23))}:${pad(rng.int(0, 59))}`]);
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}${rng.pick(['T', 't'])}${time}${fraction}${zone}`;
}

/** A string the pattern accepts, `length` characters long. */
export function patternString(rng: Random, alphabet: string[], length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += rng.pick(alphabet);
  return out;
}

export function stringLimits(schema: Json): { min: number; max: number } {
  return { min: schema.minLength ?? 0, max: schema.maxLength ?? Math.max(schema.minLength ?? 0, 40) };
}

/**
 * A valid value of `schema` for the property `name`. `full` adds optional
 * properties to objects (each with even odds), for requests that carry
 * more than they need; otherwise objects hold what they require.
 */
export function validValue(schema: Json, name: string, g: Generation, full = false): unknown {
  schema = resolve(schema);
  const { rng } = g;
  if (Array.isArray(schema.enum)) return rng.pick(schema.enum.filter((v: unknown) => v !== null));
  if ('const' in schema) return schema.const;
  switch (mainType(schema)) {
    case 'string': {
      if (schema.format === 'uuid') {
        const kind = refKind(name, g.op);
        return kind ? refFor(kind, name, g) : rng.uuid();
      }
      if (schema.format === 'date-time') return dateTime(rng);
      const { min, max } = stringLimits(schema);
      if (name === 'Idempotency-Key') return new IdempotencyKey(rng.hex(16));
      if (schema.pattern) {
        const alphabet = patternAlphabet(schema.pattern);
        if (!alphabet) throw new Error(`no generator for pattern ${schema.pattern}`);
        return patternString(rng, alphabet, rng.int(Math.max(min, 1), Math.min(max, Math.max(min, 1) + 16)));
      }
      return words(rng, rng.int(Math.max(min, 1), Math.min(max, Math.max(min, 1) + 16)));
    }
    case 'integer':
    case 'number': {
      const min = schema.minimum ?? 0;
      return rng.int(min, Math.min(schema.maximum ?? min + 20, min + 20));
    }
    case 'boolean':
      return rng.chance(0.5);
    case 'array': {
      const items = resolve(schema.items);
      const min = schema.minItems ?? 0;
      const upper = Math.min(schema.maxItems ?? min + 2, min + (isBatch(schema) ? 3 : 2));
      const count = full || isBatch(schema) ? rng.int(Math.max(min, isBatch(schema) ? 1 : 0), upper) : min;
      return Array.from({ length: count }, () => validValue(items, singular(name), g, false));
    }
    case 'object':
      return validObject(schema, g, full);
    default:
      return nullable(schema) ? null : words(rng, 8);
  }
}

/** `tagIds` -> `tagId`: what one item of a list property is named, for reading its kind. */
const singular = (name: string) => (name.endsWith('Ids') ? name.slice(0, -1) : name === 'ids' ? 'id' : name);

export function validObject(schema: Json, g: Generation, full: boolean): Record<string, unknown> {
  schema = resolve(schema);
  const out: Record<string, unknown> = {};
  const required: string[] = schema.required ?? [];
  for (const name of required) out[name] = validValue(schema.properties[name], name, g, false);
  const optional = Object.keys(schema.properties ?? {}).filter((name) => !required.includes(name));
  for (const name of optional) if (full && g.rng.chance(0.5)) out[name] = optionalValue(schema.properties[name], name, g);
  // minProperties: add optional ones until there are enough.
  for (const name of g.rng.shuffle(optional)) {
    if (Object.keys(out).length >= (schema.minProperties ?? 0)) break;
    if (!(name in out)) out[name] = optionalValue(schema.properties[name], name, g);
  }
  return out;
}

/** An optional property's value: null now and then when the schema allows it. */
export function optionalValue(schema: Json, name: string, g: Generation): unknown {
  schema = resolve(schema);
  if (nullable(schema) && g.rng.chance(0.2)) return null;
  return validValue(schema, name, g, true);
}
