// The error catalog (`x-error-catalog`) as two typed modules:
//   error-codes.js    the codes and their categories, no text: what the
//                     client's core needs to pick an error class, small
//                     enough for every bundle;
//   error-catalog.js  each code's status, summary, causes, fixes and user
//                     message (re-exporting error-codes.js), loaded only by
//                     what shows or documents the texts (toUserMessage, the
//                     `./errors` export, the docs).
// Every top-level value is built by a call marked pure, so a bundler drops a
// module whose exports go unused even when an index re-exports it.
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

interface Module {
  js: string;
  dts: string;
}

const PURE = '/*#__PURE__*/';
const union = (values: readonly string[]) => values.map((v) => `\n  | ${JSON.stringify(v)}`).join('');

export function generateCatalog(doc: JsonObject, header: string): { codes: Module; catalog: Module } {
  const catalog = errorCatalog(doc);
  const codes = Object.keys(catalog);
  const categories = CATEGORIES.filter((category) => codes.some((code) => catalog[code]!.category === category));
  const unknown = codes.filter((code) => !(CATEGORIES as readonly string[]).includes(catalog[code]!.category));
  if (unknown.length > 0) throw new Error(`x-error-catalog: unknown category for ${unknown.join(', ')}`);

  const categoryOf = codes.map((code) => [code, catalog[code]!.category] as const);
  const codesJs = [
    header,
    '/** The category of every error code of the contract, in catalog order (the texts are in error-catalog.js). */',
    `export const errorCategoryOfCode = ${PURE} Object.freeze({\n${categoryOf.map(([code, category]) => `  ${code}: ${JSON.stringify(category)},`).join('\n')}\n});`,
    '',
    '/** The codes, in catalog order. */',
    `export const errorCodes = ${PURE} Object.freeze(${PURE} Object.keys(errorCategoryOfCode));`,
    '',
    "/** The categories that have at least one code, in the seed page's order. */",
    `export const errorCategories = ${PURE} Object.freeze(${JSON.stringify(categories)});`,
    '',
    '/** True when `value` is a code of this version of the catalog (a newer server may send others). */',
    'export function isErrorCode(value) {',
    "  return typeof value === 'string' && Object.hasOwn(errorCategoryOfCode, value);",
    '}',
    '',
  ].join('\n');

  const codesDts = [
    header,
    `/** A stable machine-readable error code. A newer server may send codes not listed here. */\nexport type ErrorCode =${union(codes)};`,
    '',
    `/** The seed page's error categories. */\nexport type ErrorCategory =${union(categories)};`,
    '',
    `export declare const errorCategoryOfCode: {\n${categoryOf.map(([code, category]) => `  readonly ${code}: ${JSON.stringify(category)};`).join('\n')}\n};`,
    '',
    '/** The codes of one category, e.g. `ErrorCodeOfCategory<"variation">`. */',
    'export type ErrorCodeOfCategory<K extends ErrorCategory> = {',
    '  [C in ErrorCode]: (typeof errorCategoryOfCode)[C] extends K ? C : never;',
    '}[ErrorCode];',
    '',
    'export declare const errorCodes: readonly ErrorCode[];',
    'export declare const errorCategories: readonly ErrorCategory[];',
    'export declare function isErrorCode(value: unknown): value is ErrorCode;',
    '',
  ].join('\n');

  const entries = codes.map((code) => {
    const { status, category, summary, causes, fixes, userMessage } = catalog[code]!;
    return [code, { status, category, summary, causes, fixes, userMessage }] as const;
  });
  const literal = (value: unknown) => JSON.stringify(value, null, 2).replace(/\n/g, '\n  ');
  const reexported = 'errorCategoryOfCode, errorCodes, errorCategories, isErrorCode';

  const catalogJs = [
    header,
    `export { ${reexported} } from './error-codes.js';`,
    '',
    '/** Every error code of the contract with its HTTP status, category and messages. */',
    `export const errorCatalog = ${PURE} deepFreeze({\n${entries.map(([code, entry]) => `  ${code}: ${literal(entry)},`).join('\n')}\n});`,
    '',
    'function deepFreeze(value) {',
    '  for (const inner of Object.values(value)) if (typeof inner === "object" && inner !== null) deepFreeze(inner);',
    '  return Object.freeze(value);',
    '}',
    '',
  ].join('\n');

  const entryType = ([code, e]: (typeof entries)[number]) =>
    `  readonly ${code}: ErrorCatalogEntry<${e.status}, ${JSON.stringify(e.category)}> & {\n` +
    `    readonly userMessage: ${JSON.stringify(e.userMessage)};\n  };`;
  const catalogDts = [
    header,
    "import type { ErrorCategory, ErrorCode } from './error-codes.js';",
    "export type { ErrorCategory, ErrorCode, ErrorCodeOfCategory } from './error-codes.js';",
    `export { ${reexported} } from './error-codes.js';`,
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
    '/** The codes sent with one HTTP status, e.g. `ErrorCodeOfStatus<401>`. */',
    'export type ErrorCodeOfStatus<S extends number> = {',
    '  [C in ErrorCode]: (typeof errorCatalog)[C]["status"] extends S ? C : never;',
    '}[ErrorCode];',
    '',
  ].join('\n');

  return { codes: { js: codesJs, dts: codesDts }, catalog: { js: catalogJs, dts: catalogDts } };
}
