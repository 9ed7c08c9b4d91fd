// Valid requests at the spec's boundaries, one field at a time: strings at
// minLength and maxLength (in ASCII, outside the BMP, with combining marks,
// in other scripts), each enum value, null where allowed, date-times in
// every spelling RFC 3339 allows, integers at minimum and maximum, lists at
// minItems and maxItems, batches of 1 and of maxItems. Each expects the
// operation's success status.
import type { Draft } from './draft.ts';
import { IdempotencyKey, setAt } from './draft.ts';
import { baseDraft, fieldLabel, fieldsOf, type Field } from './fields.ts';
import type { Random } from './random.ts';
import { isBatch, mainType, nullable, resolve, type OperationModel } from './spec-model.ts';
import type { CaseTemplate } from './template.ts';
import { text, type Alphabet } from './unicode.ts';
import { capacity, dateTime, patternAlphabet, patternString, refKind, serverGiven, stringLimits, validValue } from './values.ts';


interface Variant {
  name: string;
  title: string;
  /** Sets the field in the draft (whose generator is `g`); the focus for shrinking, if the value has a size. */
  apply(draft: Draft, rng: Random, field: Field, g: Parameters<typeof validValue>[2]): void;
}

const set = (draft: Draft, field: Field, value: unknown) => setAt(draft.parts, field.at, value);

function stringVariants(field: Field): Variant[] {
  const { min, max } = stringLimits(field.schema);
  const variants: Variant[] = [];
  const at = (length: number, alphabet: Alphabet, name: string): Variant => ({
    name,
    title: `${field.name} of ${length} characters (${alphabet})`,
    apply(draft, rng) {
      set(draft, field, text(rng, length, alphabet));
      draft.focus = { at: field.at, size: 'string', min };
    },
  });
  for (const alphabet of min > 0 ? (['ascii', 'astral'] as const) : (['ascii'] as const)) variants.push(at(min, alphabet, `min-length-${fieldLabel(field)}-${alphabet}`));
  if (field.schema.maxLength !== undefined) {
    for (const alphabet of ['ascii', 'astral', 'combining', 'bmp', 'mixed'] as const) variants.push(at(max, alphabet, `max-length-${fieldLabel(field)}-${alphabet}`));
  }
  return variants;
}

function arrayVariants(field: Field, op: OperationModel): Variant[] {
  const schema = field.schema;
  const items = resolve(schema.items);
  const kind = mainType(items) === 'string' && items.format === 'uuid' ? refKind(field.name, op) : undefined;
  // A batch of ids in the query that the operation may be given unknown (it
  // documents no 404: they are counted as missing) is filled past what the
  // scenario created. Ids inside a body are always of resources that exist:
  // an unknown one fails its item (207) or the call (404).
  const unknownAllowed = kind !== undefined && field.where === 'query' && isBatch(schema) && !op.documents.has(404);
  const most = Math.min(schema.maxItems ?? 3, kind && !unknownAllowed ? capacity(kind) : Number.POSITIVE_INFINITY);
  const least = Math.max(schema.minItems ?? 0, isBatch(schema) ? 1 : 0);
  const list = (count: number, rng: Random, g: Parameters<typeof validValue>[2]) => {
    if (!unknownAllowed) return Array.from({ length: count }, () => validValue(items, field.name.endsWith('Ids') ? field.name.slice(0, -1) : field.name === 'ids' ? 'id' : field.name, g, false));
    const known = Math.min(count, rng.int(1, 3));
    return [...Array.from({ length: known }, () => validValue(items, 'id', g, false)), ...Array.from({ length: count - known }, () => rng.uuid())];
  };
  const sized = (count: number, name: string): Variant => ({
    name: `${name}-${fieldLabel(field)}`,
    title: `${field.name} with ${count} item${count === 1 ? '' : 's'}`,
    apply(draft, rng, _field, g) {
      set(draft, field, list(count, rng, g));
      draft.arrays = draft.arrays.filter((a) => a.at.join('/') !== field.at.join('/'));
      if (count > least) draft.focus = { at: field.at, size: 'array', min: least };
    },
  });
  return isBatch(schema) ? [sized(least, 'batch-min'), sized(most, 'batch-max')] : [sized(least, 'min-items'), sized(most, 'max-items')];
}

function variantsOf(field: Field, op: OperationModel): Variant[] {
  const schema = field.schema;
  if (serverGiven(field.name)) return [];
  const variants: Variant[] = [];
  if (Array.isArray(schema.enum)) {
    for (const value of schema.enum) variants.push({ name: `enum-${fieldLabel(field)}-${String(value)}`, title: `${field.name} = ${JSON.stringify(value)}`, apply: (draft) => set(draft, field, value) });
  } else if (mainType(schema) === 'string') {
    if (schema.format === 'date-time') {
      variants.push({ name: `date-time-${fieldLabel(field)}`, title: `${field.name} as an RFC 3339 date-time`, apply: (draft, rng) => set(draft, field, dateTime(rng)) });
    } else if (schema.format === 'uuid') {
      if (!field.required) variants.push({ name: `with-${fieldLabel(field)}`, title: `with ${field.name}`, apply: (draft, _rng, _f, g) => set(draft, field, validValue(schema, field.name, g)) });
    } else if (field.name === 'Idempotency-Key') {
      // Its minLength (1) is left out: a key that short cannot be unique to a run, and a key is remembered for hours.
      if (schema.maxLength !== undefined) variants.push({ name: `max-length-${fieldLabel(field)}`, title: `${field.name} of ${schema.maxLength} characters`, apply: (draft, rng) => set(draft, field, new IdempotencyKey(rng.hex(16), schema.maxLength)) });
    } else if (schema.pattern) {
      const alphabet = patternAlphabet(schema.pattern);
      const { min, max } = stringLimits(schema);
      if (alphabet) for (const length of [Math.max(min, 1), max]) variants.push({ name: `length-${length}-${fieldLabel(field)}`, title: `${field.name} of ${length} characters`, apply: (draft, rng) => set(draft, field, patternString(rng, alphabet, length)) });
    } else variants.push(...stringVariants(field));
  } else if (mainType(schema) === 'integer' || mainType(schema) === 'number') {
    if (schema.minimum !== undefined) variants.push({ name: `minimum-${fieldLabel(field)}`, title: `${field.name} = ${schema.minimum}`, apply: (draft) => set(draft, field, schema.minimum) });
    if (schema.maximum !== undefined) variants.push({ name: `maximum-${fieldLabel(field)}`, title: `${field.name} = ${schema.maximum}`, apply: (draft) => set(draft, field, schema.maximum) });
  } else if (mainType(schema) === 'array') variants.push(...arrayVariants(field, op));
  if (nullable(schema)) variants.push({ name: `null-${fieldLabel(field)}`, title: `${field.name} = null`, apply: (draft) => set(draft, field, null) });
  return variants;
}

export function validTemplates(op: OperationModel): CaseTemplate[] {
  const expected = { status: [op.successStatus] };
  const templates: CaseTemplate[] = [
    { op, name: 'minimal', title: `${op.operationId} with what it requires only`, expected, valid: true, build: (rng) => baseDraft(op, rng, { extras: false }).draft },
    { op, name: 'optional-fields', title: `${op.operationId} with optional fields`, expected, valid: true, build: (rng) => baseDraft(op, rng).draft },
  ];
  for (const field of fieldsOf(op)) {
    for (const variant of variantsOf(field, op)) {
      templates.push({
        op,
        name: variant.name,
        title: `${op.operationId} with ${variant.title}`,
        expected,
        valid: true,
        build(rng) {
          const { draft, g } = baseDraft(op, rng, { focus: field.at });
          variant.apply(draft, rng, field, g);
          return draft;
        },
      });
    }
  }
  return templates;
}
