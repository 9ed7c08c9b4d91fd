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
const REF_TO_ANOTHER_FILE = /["']?\$ref["']?\s*:\s*(?!["']?#)/;

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
  return { label: reader.label, document: inlineExternal(document, reader.root, reader, parse, []) as Document };
}

/** Parses a document given as text (for library callers that have it in hand). */
export function documentFromText(text: string, label: string): LoadedDocument {
  const document = parseText(text, label);
  checkOpenApi(document, label);
  if (JSON.stringify(document).match(/"\$ref":"(?!#)/)) throw new DiffInputError(`${label} refers to other files; load it with loadDocument(path) so that they can be read`);
  return { label, document: document as Document };
}

function parseText(text: string, label: string): unknown {
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

function inlineExternal(node: unknown, file: string, reader: SourceReader, parse: (file: string) => unknown, stack: string[]): unknown {
  if (Array.isArray(node)) return node.map((item) => inlineExternal(item, file, reader, parse, stack));
  if (node === null || typeof node !== 'object') return node;
  const ref = (node as { $ref?: unknown }).$ref;
  if (typeof ref === 'string' && (!ref.startsWith('#') || file !== reader.root)) {
    const hash = ref.indexOf('#');
    const target = hash === -1 ? ref : ref.slice(0, hash);
    const fragment = hash === -1 ? '' : ref.slice(hash + 1);
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) throw new DiffInputError(`${describe(reader, file)} refers to ${ref}; remote $refs are not fetched, bundle the document first (redocly bundle)`);
    const targetFile = target === '' ? file : reader.resolve(file, target);
    const key = `${targetFile}#${fragment}`;
    if (stack.includes(key)) throw new DiffInputError(`${describe(reader, file)}: the $ref ${ref} is circular across files; bundle the document first (redocly bundle)`);
    const resolved = resolvePointer(parse(targetFile), fragment);
    if (resolved === undefined) throw new DiffInputError(`${describe(reader, file)} refers to ${ref}, which does not exist; fix the $ref`);
    return inlineExternal(resolved, targetFile, reader, parse, [...stack, key]);
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) out[key] = inlineExternal(value, file, reader, parse, stack);
  return out;
}
