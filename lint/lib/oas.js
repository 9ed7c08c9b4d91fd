// Helpers shared by the house-rule functions in lint/functions/.
//
// Several house rules must look at the *unresolved* document (to tell a shared
// `$ref: '#/components/responses/...'` from an inline copy), yet still need to
// follow local references to see what a `$ref` points at and to report a
// problem where it is defined, once, rather than at every place that uses it.
// Everything here works on plain parsed YAML/JSON data and local refs only.

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

export const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `#/components/responses/Not~1Found` -> ['components', 'responses', 'Not/Found'] */
export function pointerToPath(ref) {
  if (typeof ref !== 'string' || !ref.startsWith('#')) return null;
  const pointer = ref.slice(1);
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) return null;
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => decodeURIComponent(segment).replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function getAt(root, path) {
  let node = root;
  for (const segment of path) {
    if (node === null || typeof node !== 'object' || !(segment in node)) return undefined;
    node = node[segment];
  }
  return node;
}

/**
 * Follows a chain of local `$ref`s starting at `value` (found at `path`).
 * Returns the value it ends on and the path where that value is defined.
 * `value` is undefined when a ref is external, dangling or circular
 * (other rules, such as spectral:oas's, report those).
 */
export function resolveLocal(root, value, path) {
  const seen = new Set();
  let current = value;
  let currentPath = path;
  while (isObject(current) && typeof current.$ref === 'string') {
    if (seen.has(current.$ref)) return { value: undefined, path: currentPath };
    seen.add(current.$ref);
    const target = pointerToPath(current.$ref);
    if (target === null) return { value: undefined, path: currentPath };
    currentPath = target;
    current = getAt(root, target);
  }
  return { value: current, path: currentPath };
}

/** Every operation of the document: { path, pathKey, method, operation, pathItem }. */
export function* operations(root) {
  const paths = isObject(root) && isObject(root.paths) ? root.paths : {};
  for (const [pathKey, rawPathItem] of Object.entries(paths)) {
    const { value: pathItem } = resolveLocal(root, rawPathItem, ['paths', pathKey]);
    if (!isObject(pathItem)) continue;
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method];
      if (!isObject(operation)) continue;
      yield { path: ['paths', pathKey, method], pathKey, method, operation, pathItem };
    }
  }
}

/** 400, 404, 4XX, 5XX ... (not 2xx/3xx, not `default`). */
export const isErrorStatus = (status) => /^[45](\d\d|XX)$/i.test(String(status));

export const COMPONENT_RESPONSE_PREFIX = '#/components/responses/';

/** The name of the component response a `$ref` object points at, or null. */
export function componentResponseName(value) {
  if (!isObject(value) || typeof value.$ref !== 'string') return null;
  if (!value.$ref.startsWith(COMPONENT_RESPONSE_PREFIX)) return null;
  const path = pointerToPath(value.$ref);
  return path !== null && path.length === 3 ? path[2] : null;
}

/**
 * Every response the document declares, each once, where it is defined:
 * { path, response, usages: [{ status, operationPath }] }.
 * Covers operation responses (following refs to components), every
 * components.responses entry (used or not) and the root extension
 * `x-unmatched-requests` (whose answers have no status of their own).
 */
export function responseDefinitions(root) {
  const byPath = new Map();
  const add = (path, response, usage) => {
    const key = JSON.stringify(path);
    let entry = byPath.get(key);
    if (entry === undefined) {
      entry = { path, response, usages: [] };
      byPath.set(key, entry);
    }
    if (usage !== undefined) entry.usages.push(usage);
  };

  for (const { path, operation } of operations(root)) {
    if (!isObject(operation.responses)) continue;
    for (const [status, raw] of Object.entries(operation.responses)) {
      const resolved = resolveLocal(root, raw, [...path, 'responses', status]);
      if (!isObject(resolved.value)) continue;
      add(resolved.path, resolved.value, { status, operationPath: path });
    }
  }

  const components = getAt(root, ['components', 'responses']);
  if (isObject(components)) {
    for (const [name, raw] of Object.entries(components)) {
      const resolved = resolveLocal(root, raw, ['components', 'responses', name]);
      if (isObject(resolved.value)) add(resolved.path, resolved.value);
    }
  }

  const unmatched = isObject(root) ? root['x-unmatched-requests'] : undefined;
  if (isObject(unmatched)) {
    for (const [name, raw] of Object.entries(unmatched)) {
      const resolved = resolveLocal(root, raw, ['x-unmatched-requests', name]);
      if (isObject(resolved.value)) add(resolved.path, resolved.value, { status: null, unmatched: name });
    }
  }

  return [...byPath.values()];
}

/**
 * A response is an error response when an operation uses it under a 4xx/5xx
 * status or the document answers unmatched requests with it.
 */
export const isErrorResponse = (definition) =>
  definition.usages.some((usage) => usage.unmatched !== undefined || isErrorStatus(usage.status));

/** Case-insensitive lookup of a header in a response's `headers` map: [key, value] or null. */
export function findHeader(response, name) {
  if (!isObject(response) || !isObject(response.headers)) return null;
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(response.headers)) {
    if (key.toLowerCase() === wanted) return [key, value];
  }
  return null;
}

/**
 * The examples of one response definition, each with the path of its value:
 * { mediaType, name (null for a singular `example`), namePath, valuePath, value }.
 * `$ref`s to components.examples are followed, so a shared example is
 * reported where it is written.
 */
export function* responseExamples(root, definition) {
  const content = definition.response.content;
  if (!isObject(content)) return;
  for (const [mediaType, media] of Object.entries(content)) {
    if (!isObject(media)) continue;
    const mediaPath = [...definition.path, 'content', mediaType];
    if (media.example !== undefined) {
      yield { mediaType, name: null, namePath: [...mediaPath, 'example'], valuePath: [...mediaPath, 'example'], value: media.example };
    }
    if (!isObject(media.examples)) continue;
    for (const [name, raw] of Object.entries(media.examples)) {
      const namePath = [...mediaPath, 'examples', name];
      const resolved = resolveLocal(root, raw, namePath);
      if (!isObject(resolved.value) || !('value' in resolved.value)) continue; // externalValue, dangling ref
      yield { mediaType, name, namePath, valuePath: [...resolved.path, 'value'], value: resolved.value.value };
    }
  }
}

/** The root extension `x-error-catalog`, or null when it is missing or not a map. */
export function errorCatalog(root) {
  const catalog = isObject(root) ? root['x-error-catalog'] : undefined;
  return isObject(catalog) ? catalog : null;
}
