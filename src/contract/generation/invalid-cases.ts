// Invalid requests, one broken field at a time in an otherwise valid
// request (resources it names exist, so that nothing but the broken field
// can decide the answer): a wrong type, a required field left out, a string
// one past maxLength (or more) or short of minLength, an unknown field or
// query parameter, a value out of its format, enum, pattern or range, a list
// or batch past maxItems, an empty batch, and bodies that are not JSON, not
// JSON at all, empty, too large or of another media type. Each expects the
// status and code(s) codes.ts reads from the catalog.
import { expectedFor, type Problem } from './codes.ts';
import type { Draft } from './draft.ts';
import { deleteAt, getAt, IdempotencyKey, setAt } from './draft.ts';
import { baseDraft, fieldLabel, fieldsOf, objectsOf, type Field } from './fields.ts';
import type { Random } from './random.ts';
import { isBatch, mainType, resolve, type OperationModel, type Path } from './spec-model.ts';
import type { CaseTemplate } from './template.ts';
import { text } from './unicode.ts';
import { capacity, patternAlphabet, patternString, refKind, stringLimits, validObject, validValue, type Generation } from './values.ts';
import { limits } from '../spec.ts';

type Json = any;

interface Breakage {
  name: string;
  title: string;
  problem: Problem;
  /** Leave optional extras out: they would mend the breakage (an update's missing properties). */
  noExtras?: boolean;
  apply(draft: Draft, rng: Random, g: Generation): void;
}

/** A value of another JSON type than the schema's (never null, which a nullable field takes). */
function wrongType(schema: Json, rng: Random): unknown {
  const type = mainType(schema);
  const options: unknown[] = [42, true, 'text', ['text'], { text: 'text' }];
  const fits = (value: unknown) =>
    (type === 'string' && typeof value === 'string') ||
    ((type === 'integer' || type === 'number') && typeof value === 'number') ||
    (type === 'boolean' && typeof value === 'boolean') ||
    (type === 'array' && Array.isArray(value)) ||
    (type === 'object' && typeof value === 'object' && !Array.isArray(value));
  return rng.pick(options.filter((v) => !fits(v)));
}

const BAD_UUIDS = (rng: Random) => [`snippet-${rng.int(1, 99)}`, rng.uuid().replace(/-/g, ''), `${rng.uuid()}0`, rng.uuid().replace(/^./, 'g'), `{${rng.uuid()}}`];
const BAD_DATE_TIMES = ['2024-13-01T00:00:00Z', '2023-02-29T10:00:00Z', '2024-01-01', '2024-01-01T10:00:00', '2024-01-01T24:00:00Z', 'yesterday', '2024-06-01T10:00:00+25:00'];

/** A near miss of an existing name (a letter dropped or doubled), else a new one. */
function misspelt(rng: Random, names: string[]): string {
  const base = names.length > 0 ? rng.pick(names) : 'field';
  const i = rng.int(0, base.length - 1);
  const candidates = [base.slice(0, i) + base.slice(i + 1), base.slice(0, i + 1) + base[i] + base.slice(i + 1), `${base}_${rng.hex(4)}`];
  return candidates.find((c) => c.length > 0 && !names.includes(c)) ?? `unknown_${rng.hex(6)}`;
}

function fieldBreakages(field: Field, op: OperationModel): Breakage[] {
  const schema = field.schema;
  const type = mainType(schema);
  const label = fieldLabel(field);
  const out: Breakage[] = [];
  const set = (draft: Draft, value: unknown) => setAt(draft.parts, field.at, value);
  if (field.required) out.push({ name: `missing-${label}`, title: `${field.name} left out`, problem: 'missing', apply: (draft) => deleteAt(draft.parts, field.at) });
  // A query value is text: only a number (or boolean) can be of the wrong type there; a header is always text.
  if (field.where === 'body') out.push({ name: `wrong-type-${label}`, title: `${field.name} of the wrong type`, problem: 'wrong-type', apply: (draft, rng) => set(draft, wrongType(schema, rng)) });
  else if (field.where === 'query' && (type === 'integer' || type === 'number')) {
    out.push({ name: `wrong-type-${label}`, title: `${field.name} that is not a number`, problem: 'query-wrong-type', apply: (draft, rng) => set(draft, rng.pick(['abc', '1.5', '1e2x', 'ten'])) });
  }
  if (type === 'string' && !Array.isArray(schema.enum)) {
    const { min, max } = stringLimits(schema);
    const alphabet = schema.pattern ? patternAlphabet(schema.pattern) : undefined;
    const fill = (rng: Random, length: number) => (alphabet ? patternString(rng, alphabet, length) : text(rng, length, rng.pick(['ascii', 'astral', 'mixed'] as const)));
    if (schema.maxLength !== undefined) {
      out.push({
        name: `too-long-${label}`,
        title: `${field.name} longer than ${max} characters`,
        problem: 'length',
        apply(draft, rng) {
          // One past the limit half of the time, further past it the other half (shrinking finds its way back to one past).
          const length = rng.chance(0.5) ? max + 1 : max + 1 + rng.int(1, max);
          set(draft, field.name === 'Idempotency-Key' ? new IdempotencyKey(rng.hex(16), length) : fill(rng, length));
          draft.focus = { at: field.at, size: 'string', min: max + 1 };
        },
      });
    }
    // An empty query value or header may be read as an absent one: too short is tried in bodies.
    if (min > 0 && field.where === 'body') {
      out.push({ name: `too-short-${label}`, title: `${field.name} shorter than ${min} characters`, problem: 'length', apply: (draft, rng) => set(draft, fill(rng, min - 1)) });
    }
    if (schema.format === 'uuid') out.push({ name: `bad-uuid-${label}`, title: `${field.name} that is not a UUID`, problem: 'format', apply: (draft, rng) => set(draft, rng.pick(BAD_UUIDS(rng))) });
    if (schema.format === 'date-time') out.push({ name: `bad-date-time-${label}`, title: `${field.name} that is not an RFC 3339 date-time`, problem: 'format', apply: (draft, rng) => set(draft, rng.pick(BAD_DATE_TIMES)) });
    if (alphabet) {
      const outside = [' ', '!', '%', '~', '"'].find((c) => !alphabet.includes(c))!;
      out.push({
        name: `bad-pattern-${label}`,
        title: `${field.name} with ${JSON.stringify(outside)}, outside its pattern`,
        problem: 'format',
        apply(draft, rng) {
          const valid = patternString(rng, alphabet, Math.max(min, 8));
          set(draft, `${valid.slice(0, 4)}${outside}${valid.slice(4)}`.slice(0, max));
        },
      });
    }
  }
  if (Array.isArray(schema.enum)) {
    out.push({ name: `not-in-enum-${label}`, title: `${field.name} that is none of its values`, problem: 'format', apply: (draft, rng) => set(draft, `${String(rng.pick(schema.enum)).toUpperCase()}_${rng.hex(3)}`) });
  }
  if (type === 'integer' || type === 'number') {
    if (schema.minimum !== undefined) out.push({ name: `below-minimum-${label}`, title: `${field.name} = ${schema.minimum - 1}`, problem: 'format', apply: (draft) => set(draft, schema.minimum - 1) });
    if (schema.maximum !== undefined) out.push({ name: `above-maximum-${label}`, title: `${field.name} = ${schema.maximum + 1}`, problem: 'format', apply: (draft) => set(draft, schema.maximum + 1) });
  }
  if (type === 'array') {
    const items = resolve(schema.items);
    const itemName = field.name.endsWith('Ids') ? field.name.slice(0, -1) : field.name === 'ids' ? 'id' : field.name;
    const itemOf = (g: Generation) => validValue(items, itemName, g, false);
    // Ids a query batch accepts unknown (no 404 documented) may be random; otherwise each names a resource that
    // exists, as far as a parent can hold them (a snippet's variations): past that, random ones, since a list over
    // its limit is refused for its size before anything in it is looked up (the limits come first, DESIGN.md).
    const kind = refKind(itemName, op);
    const unknownAllowed = kind !== undefined && field.where === 'query' && isBatch(schema) && !op.documents.has(404);
    const list = (count: number, rng: Random, g: Generation) =>
      Array.from({ length: count }, (_, i) => (unknownAllowed || (kind !== undefined && i >= capacity(kind)) ? rng.uuid() : itemOf(g)));
    if (schema.maxItems !== undefined) {
      out.push({
        name: `${isBatch(schema) ? 'batch-too-large' : 'too-many'}-${label}`,
        title: `${field.name} with ${schema.maxItems + 1} items`,
        problem: isBatch(schema) ? 'batch-too-large' : 'length',
        apply(draft, rng, g) {
          set(draft, list(schema.maxItems + 1, rng, g));
          draft.arrays = draft.arrays.filter((a) => a.at.join('/') !== field.at.join('/'));
          draft.focus = { at: field.at, size: 'array', min: schema.maxItems + 1 };
        },
      });
    }
    if (isBatch(schema) && (schema.minItems ?? 0) > 0) {
      out.push({
        name: `batch-empty-${label}`,
        title: `${field.name} with no items`,
        problem: field.where === 'query' ? 'batch-empty-query' : 'batch-empty',
        apply(draft) {
          set(draft, []);
          draft.arrays = draft.arrays.filter((a) => a.at.join('/') !== field.at.join('/'));
        },
      });
    }
    if (items.format === 'uuid') {
      out.push({ name: `bad-uuid-${label}`, title: `${field.name} with an item that is not a UUID`, problem: 'format', apply: (draft, rng) => set(draft, [rng.pick(BAD_UUIDS(rng))]) });
    }
    if (schema.uniqueItems === true) {
      out.push({
        name: `duplicates-${label}`,
        title: `${field.name} with the same item twice`,
        problem: 'duplicates',
        apply(draft, _rng, g) {
          const item = itemOf(g);
          set(draft, [item, item]);
        },
      });
    }
  }
  return out;
}

function objectBreakages(at: Path, schema: Json): Breakage[] {
  const label = fieldLabel({ at });
  const out: Breakage[] = [];
  if (schema.additionalProperties === false) {
    out.push({
      name: `unknown-field-${label}`,
      title: `an unknown field in ${label}`,
      problem: 'unknown-field',
      apply(draft, rng, g) {
        let holder = getAt(draft.parts, at) as Record<string, unknown> | undefined;
        // An optional object (an update's content) is sent, valid, to hold the unknown field.
        if (holder === undefined) setAt(draft.parts, at, (holder = validObject(schema, g, false)));
        holder[misspelt(rng, Object.keys(schema.properties ?? {}))] = 'typo';
      },
    });
  }
  if ((schema.minProperties ?? 0) > 0) {
    const required: string[] = schema.required ?? [];
    out.push({
      name: `too-few-properties-${label}`,
      title: `${label} with fewer than ${schema.minProperties} properties`,
      problem: 'too-few-properties',
      noExtras: true,
      apply(draft) {
        const holder = getAt(draft.parts, at) as Record<string, unknown> | undefined;
        if (!holder) return;
        // Keep what is required (an update's id), drop the rest, down to one short of minProperties.
        for (const name of Object.keys(holder)) if (!required.includes(name) && Object.keys(holder).length >= schema.minProperties) delete holder[name];
      },
    });
  }
  return out;
}

function requestBreakages(op: OperationModel): Breakage[] {
  const out: Breakage[] = [
    {
      name: 'unknown-query-parameter',
      title: 'an unknown query parameter',
      problem: 'unknown-field',
      apply: (draft, rng) => void (draft.parts.query[misspelt(rng, op.parameters.filter((p) => p.in === 'query').map((p) => p.name))] = 'x'),
    },
  ];
  if (!op.body) return out;
  out.push(
    {
      name: 'invalid-json',
      title: 'a body cut off, not valid JSON',
      problem: 'invalid-json',
      apply(draft, rng) {
        draft.raw = { kind: 'truncated', keep: rng.int(1, 400) };
        draft.focus = { at: ['raw'], size: 'truncated', min: 1 };
      },
    },
    { name: 'body-not-object', title: 'a JSON body that is not an object', problem: 'wrong-type', apply: (draft, rng) => void (draft.raw = { kind: 'json', value: rng.pick([[], 'text', 42, [{}]]) }) },
    { name: 'empty-body', title: 'an empty JSON body', problem: 'empty-body', apply: (draft) => void (draft.raw = { kind: 'empty' }) },
  );
  if (op.documents.has(413)) out.push({ name: 'too-large', title: `a body over ${limits.maxBodyBytes} bytes`, problem: 'too-large', apply: (draft) => void (draft.raw = { kind: 'padded', bytes: limits.maxBodyBytes + 1 }) });
  if (op.documents.has(415)) out.push({ name: 'media-type', title: 'a body sent as text/plain', problem: 'media-type', apply: (draft) => void (draft.raw = { kind: 'content-type', contentType: 'text/plain' }) });
  return out;
}

export function invalidTemplates(op: OperationModel): CaseTemplate[] {
  // An operation that documents no 400 cannot refuse a request as invalid.
  if (!op.documents.has(400)) return [];
  const cases: Array<{ breakage: Breakage; focus?: Path }> = [
    ...fieldsOf(op).flatMap((field) => fieldBreakages(field, op).map((breakage) => ({ breakage, focus: field.at }))),
    ...objectsOf(op).flatMap(({ at, schema }) => objectBreakages(at, schema).map((breakage) => ({ breakage, focus: at.length > 1 ? at : undefined }))),
    ...requestBreakages(op).map((breakage) => ({ breakage })),
  ];
  return cases.map(({ breakage, focus }) => ({
    op,
    name: breakage.name,
    title: `${op.operationId} with ${breakage.title}`,
    expected: expectedFor(breakage.problem),
    valid: false,
    build(rng) {
      const { draft, g } = baseDraft(op, rng, { ...(focus && { focus }), extras: !breakage.noExtras });
      breakage.apply(draft, rng, g);
      return draft;
    },
  }));
}
