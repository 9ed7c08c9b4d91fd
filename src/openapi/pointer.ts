// JSON pointers (RFC 6901): how findings name a place in each document.

/** `at` extended by one reference token. */
export function child(at: string, key: string | number): string {
  return `${at}/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

/** The node `pointer` (with or without its leading `#`) names in `doc`, or undefined. */
export function resolvePointer(doc: unknown, pointer: string): unknown {
  const path = pointer.startsWith('#') ? pointer.slice(1) : pointer;
  if (path === '') return doc;
  let node: any = doc;
  for (const token of path.slice(1).split('/')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = node[unescapeToken(token)];
  }
  return node;
}

function unescapeToken(token: string): string {
  if (!token.includes('%') && !token.includes('~')) return token;
  let text = token;
  // A `$ref` is a URI fragment, so it may be percent-encoded (`%7Bid%7D`).
  try {
    text = decodeURIComponent(token);
  } catch {
    // not percent-encoded after all: use it as written
  }
  return text.replace(/~1/g, '/').replace(/~0/g, '~');
}
