// The error catalog (`x-error-catalog`) as a typed module: the ErrorCode
// union, each code's status, category and messages as literal types, and the
// lists the client and the docs iterate over.
import { errorCatalog, type JsonObject } from './spec.ts';

const CATEGORIES = [
  'authentication',
  'validation',
  'permission',
  'quota',
  'resource',
  'variation',
  'batch',
  'rate_limit',
  'server',
] as const;

export function generateCatalog(doc: JsonObject, header: string): { js: string; dts: string } {
  const catalog = errorCatalog(doc);
  const codes = Object.keys(catalog);
  const categories = CATEGORIES.filter((category) => codes.some((code) => catalog[code]!.category === category));
  const unknown = codes.filter((code) => !(CATEGORIES as readonly string[]).includes(catalog[code]!.category));
  if (unknown.length > 0) throw new Error(`x-error-catalog: unknown category for ${unknown.join(', ')}`);

  const entries = codes.map((code) => {
    const { status, category, summary, causes, fixes, userMessage } = catalog[code]!;
    return [code, { status, category, summary, causes, fixes, userMessage }] as const;
  });
  const literal = (value: unknown) => JSON.stringify(value, null, 2).replace(/\n/g, '\n  ');

  const js = [
    header,
    '/** Every error code of the contract with its HTTP status, category and messages. */',
    `export const errorCatalog = deepFreeze({\n${entries.map(([code, entry]) => `  ${code}: ${literal(entry)},`).join('\n')}\n});`,
    '',
    '/** The codes, in catalog order. */',
    'export const errorCodes = Object.freeze(Object.keys(errorCatalog));',
    '',
    '/** The categories that have at least one code, in the seed page\'s order. */',
    `export const errorCategories = Object.freeze(${JSON.stringify(categories)});`,
    '',
    '/** True when `value` is a code of this version of the catalog (a newer server may send others). */',
    'export function isErrorCode(value) {',
    "  return typeof value === 'string' && Object.hasOwn(errorCatalog, value);",
    '}',
    '',
    'function deepFreeze(value) {',
    '  for (const inner of Object.values(value)) if (typeof inner === "object" && inner !== null) deepFreeze(inner);',
    '  return Object.freeze(value);',
    '}',
    '',
  ].join('\n');

  const union = (values: readonly string[]) => values.map((v) => `\n  | ${JSON.stringify(v)}`).join('');
  const entryType = ([code, e]: (typeof entries)[number]) =>
    `  readonly ${code}: ErrorCatalogEntry<${e.status}, ${JSON.stringify(e.category)}> & {\n` +
    `    readonly userMessage: ${JSON.stringify(e.userMessage)};\n  };`;
  const dts = [
    header,
    `/** A stable machine-readable error code. A newer server may send codes not listed here. */\nexport type ErrorCode =${union(codes)};`,
    '',
    `/** The seed page's error categories. */\nexport type ErrorCategory =${union(categories)};`,
    '',
    'export interface ErrorCatalogEntry<S extends number = number, C extends ErrorCategory = ErrorCategory> {',
    '  /** The HTTP status this code is sent with. */',
    '  readonly status: S;',
    '  readonly category: C;',
    '  /** What happened, for developers. */',
    '  readonly summary: string;',
    '  readonly causes: readonly string[];',
    '  readonly fixes: readonly string[];',
    '  /** What to tell an end user. */',
    '  readonly userMessage: string;',
    '}',
    '',
    `export declare const errorCatalog: {\n${entries.map(entryType).join('\n')}\n};`,
    '',
    '/** The HTTP status of each code. */',
    'export type ErrorStatus<C extends ErrorCode = ErrorCode> = (typeof errorCatalog)[C]["status"];',
    '',
    '/** The codes of one category, e.g. `ErrorCodeOfCategory<"variation">`. */',
    'export type ErrorCodeOfCategory<K extends ErrorCategory> = {',
    '  [C in ErrorCode]: (typeof errorCatalog)[C]["category"] extends K ? C : never;',
    '}[ErrorCode];',
    '',
    '/** The codes sent with one HTTP status, e.g. `ErrorCodeOfStatus<401>`. */',
    'export type ErrorCodeOfStatus<S extends number> = {',
    '  [C in ErrorCode]: (typeof errorCatalog)[C]["status"] extends S ? C : never;',
    '}[ErrorCode];',
    '',
    'export declare const errorCodes: readonly ErrorCode[];',
    'export declare const errorCategories: readonly ErrorCategory[];',
    'export declare function isErrorCode(value: unknown): value is ErrorCode;',
    '',
  ].join('\n');

  return { js, dts };
}
