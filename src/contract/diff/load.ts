// Loading a document for the diff: parse YAML or JSON, check it is OpenAPI 3,
// and bundle it: every `$ref` to another file is replaced by what it points
// at, so the walk only meets local refs (`#/...`), which it follows itself.
import { load as parseYaml } from 'js-yaml';
import { describe, DiffInputError, openSource, type SourceReader } from './source.ts';
import { resolvePointer } from '../../openapi/pointer.ts';

export type Document = Record<string, any>;

export interface LoadedDocument {
  /** The name given on the command line (a path or git:REF). */
  label: string;
  document: Document;
}

// `$ref: x.yaml#/...` or `"$ref": "x.json"`: a value not starting with '#'.
// The lookahead skips spaces and quotes itself, so that backtracking cannot get round it.
const REF_TO_ANOTHER_FILE = /\$ref["']?\s*:(?![\s"']*#)/;

/** Loads and bundles `spec` (a path, `git:REF` or `git:REF:PATH`). */
export function loadDocument(spec: string, cwd = process.cwd()): LoadedDocument {
  const reader = openSource(spec, cwd);
  const parsed = new Map<string, unknown>();
  const parse = (file: string): unknown => {
    if (!parsed.has(file)) parsed.set(file, parseText(reader.read(file), describe(reader, file)));
    return parsed.get(file);
  };
  const text = reader.read(reader.root);
  const document = parseText(text, reader.label);
  parsed.set(reader.root, document);
  checkOpenApi(document, reader.label);
  // Most documents are one file: copy the tree only when another file is referred to.
  if (!REF_TO_ANOTHER_FILE.test(text)) return { label: reader.label, document };
  const hoisted = new Map<string, { name: string; schema?: unknown }>();
  const bundled = inlineExternal(document, reader.root, { reader, parse, hoisted, taken: new Set(Object.keys(document.components?.schemas ?? {})) }, []) as Document;
  if (hoisted.size > 0) {
    bundled.components = { ...bundled.components, schemas: { ...bundled.components?.schemas } };
    for (const { name, schema } of hoisted.values()) bundled.components.schemas[name] = schema;
  }
  return { label: reader.label, document: bundled };
}

/** Parses a document given as text (for library callers that have it in hand). */
export function documentFromText(text: string, label: string): LoadedDocument {
  const document = parseText(text, label);
  checkOpenApi(document, label);
  if (REF_TO_ANOTHER_FILE.test(text)) throw new DiffInputError(`${label} refers to other files; load it with loadDocument(path) so that they can be read`);
  return { label, document: document as Document };
}

function parseText(text: string, label: string): unknown {
  if (text.trim() === '') throw new DiffInputError(`${label} is empty; pass the path of an OpenAPI document`);
  // JSON is YAML, but JSON.parse reads it several times faster.
  if (/^\s*\{/.test(text)) {
    try {
      return JSON.parse(text);
    } catch {
      // not strict JSON: the YAML parser reads it, or says where it is wrong
    }
  }
  try {
    return parseYaml(text, { filename: label });
  } catch (error) {
    const e = error as { reason?: string; mark?: { line: number; column: number } };
    const where = e.mark ? ` at line ${e.mark.line + 1}, column ${e.mark.column + 1}` : '';
    throw new DiffInputError(`${label} is not valid YAML or JSON: ${e.reason ?? (error as Error).message.split('\n')[0]}${where}; fix the syntax there`);
  }
}

function checkOpenApi(document: unknown, label: string): asserts document is Document {
  if (document === null || typeof document !== 'object' || Array.isArray(document)) {
    throw new DiffInputError(`${label} is not an OpenAPI document: it is ${document === null || document === undefined ? 'empty' : `a ${Array.isArray(document) ? 'list' : typeof document}`}, not a mapping with "openapi: 3.x"`);
  }
  const doc = document as Document;
  if (typeof doc.swagger === 'string') throw new DiffInputError(`${label} is Swagger ${doc.swagger}; convert it to OpenAPI 3 first`);
  if (typeof doc.openapi !== 'string' || !/^3\.\d+/.test(doc.openapi)) {
    throw new DiffInputError(`${label} is not an OpenAPI 3 document: it has no "openapi: 3.x" field${doc.openapi !== undefined ? ` (found ${JSON.stringify(doc.openapi)})` : ''}`);
  }
  if (doc.paths !== undefined && (doc.paths === null || typeof doc.paths !== 'object')) throw new DiffInputError(`${label}: "paths" must be a mapping of paths to operations`);
}

interface Bundling {
  reader: SourceReader;
  parse: (file: string) => unknown;
  /** Schemas of other files that refer to themselves: put in components and referred to locally, as `redocly bundle` does. */
  hoisted: Map<string, { name: string; schema?: unknown }>;
  /** Component names in use. */
  taken: Set<string>;
}

function inlineExternal(node: unknown, file: string, bundling: Bundling, stack: string[]): unknown {
  if (Array.isArray(node)) return node.map((item) => inlineExternal(item, file, bundling, stack));
  if (node === null || typeof node !== 'object') return node;
  const { reader } = bundling;
  const ref = (node as { $ref?: unknown }).$ref;
  if (typeof ref === 'string' && (!ref.startsWith('#') || file !== reader.root)) {
    const hash = ref.indexOf('#');
    const target = hash === -1 ? ref : ref.slice(0, hash);
    const fragment = hash === -1 ? '' : ref.slice(hash + 1);
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) throw new DiffInputError(`${describe(reader, file)} refers to ${ref}; remote $refs are not fetched, bundle the document first (redocly bundle)`);
    const targetFile = target === '' ? file : reader.resolve(file, target);
    const key = `${targetFile}#${fragment}`;
    if (bundling.hoisted.get(key)?.schema !== undefined) return { $ref: `#/components/schemas/${bundling.hoisted.get(key)!.name}` };
    if (stack.includes(key)) return { $ref: `#/components/schemas/${hoistedName(bundling, key, fragment || targetFile)}` };
    const resolved = resolvePointer(bundling.parse(targetFile), fragment);
    if (resolved === undefined) throw new DiffInputError(`${describe(reader, file)} refers to ${ref}, which does not exist; fix the $ref`);
    const inlined = inlineExternal(resolved, targetFile, bundling, [...stack, key]);
    const hoisted = bundling.hoisted.get(key);
    if (!hoisted) return inlined;
    hoisted.schema = inlined;
    return { $ref: `#/components/schemas/${hoisted.name}` };
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) out[key] = inlineExternal(value, file, bundling, stack);
  return out;
}

/** A free component name for a recursive schema of another file, after the last part of where it is. */
function hoistedName(bundling: Bundling, key: string, where: string): string {
  const known = bundling.hoisted.get(key);
  if (known) return known.name;
  const base = where.split(/[/#]/).filter(Boolean).at(-1)?.replace(/\.(ya?ml|json)$/, '').replace(/[^A-Za-z0-9._-]/g, '_') || 'Schema';
  let name = base;
  for (let i = 2; bundling.taken.has(name); i++) name = `${base}${i}`;
  bundling.taken.add(name);
  bundling.hoisted.set(key, { name });
  return name;
}
