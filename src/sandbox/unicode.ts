// Well-formed Unicode in what a client sends. A JSON body may spell a lone
// surrogate as an escape ("\ud800"): JSON.parse gives a string that is not
// valid Unicode, which the schema's lengths count as one character each but
// SQLite stores as bytes that read back as three U+FFFD, so a title that
// passed maxLength would come back three times too long. Such strings are
// refused when the body is read. (Text decoded from UTF-8 cannot hold one,
// so only an escape can spell it; nor can the query: Fastify's parser leaves
// a percent-encoding that is not UTF-8, such as %ED%A0%80, as it is.)

// ES2024, in Node 20; the project's TypeScript lib is ES2023.
interface Es2024String {
  isWellFormed(): boolean;
  toWellFormed(): string;
}
const isWellFormed = (text: string) => (text as unknown as Es2024String).isWellFormed();

/** The text with each lone surrogate replaced by U+FFFD: safe to echo in an answer. */
export const toWellFormed = (text: string) => (text as unknown as Es2024String).toWellFormed();

export const ILL_FORMED_ISSUE = 'is not valid Unicode (lone surrogate)';

/** A JSON escape of a surrogate (\uD800-\uDFFF). JSON text without one has no lone surrogate to look for. */
const SURROGATE_ESCAPE = /\\u[dD][89a-fA-F]/;

export const mayHoldLoneSurrogate = (jsonText: string) => SURROGATE_ESCAPE.test(jsonText);

/** Fields reported at most: enough to fix a request, and a bounded answer. */
const MAX_FIELDS = 20;

/** An object or array being walked: its keys (none for an array), the next one to look at, and its own key in its parent. */
interface Frame {
  container: object;
  keys: string[] | undefined;
  next: number;
  key: string | number | undefined;
}

const frameOf = (container: object, key: string | number | undefined): Frame => ({
  container,
  keys: Array.isArray(container) ? undefined : Object.keys(container),
  next: 0,
  key,
});

/** Characters of a field's path echoed at most: a body may nest deep, or hold a long key. */
const MAX_PATH_CHARS = 200;

/** `snippets.3.title` (as validation.ts names a field) for `key` in the innermost frame. Cut short with `…` when long. */
function pathOf(stack: Frame[], key: string | number): string {
  let path = '';
  for (let i = 1; i <= stack.length && path.length <= MAX_PATH_CHARS; i++) {
    const part = i < stack.length ? String(stack[i]!.key) : toWellFormed(String(key));
    path += i === 1 ? part : `.${part}`;
  }
  if (path.length <= MAX_PATH_CHARS) return path;
  // Not between the two halves of a pair, which would leave a lone surrogate.
  const cut = /[\ud800-\udbff]/.test(path[MAX_PATH_CHARS - 1]!) ? MAX_PATH_CHARS - 1 : MAX_PATH_CHARS;
  return `${path.slice(0, cut)}…`;
}

/**
 * The fields of a parsed JSON body whose string or key is not well-formed
 * Unicode, in document order, at most MAX_FIELDS. Each value is looked at
 * once, depth first on a stack of the walk's own (a body may nest deeper
 * than the call stack), one frame per level: linear in the size of the body,
 * a path built only for a field found.
 */
export function illFormedFields(body: unknown): string[] {
  if (typeof body === 'string') return isWellFormed(body) ? [] : ['body'];
  if (typeof body !== 'object' || body === null) return [];
  const fields: string[] = [];
  const stack = [frameOf(body, undefined)];
  while (stack.length > 0 && fields.length < MAX_FIELDS) {
    const frame = stack[stack.length - 1]!;
    const { container, keys } = frame;
    if (frame.next === (keys ?? (container as unknown[])).length) {
      stack.pop();
      continue;
    }
    const key = keys ? keys[frame.next]! : frame.next;
    frame.next++;
    // A key that is not well-formed is the field reported; what it holds is not looked at.
    if (typeof key === 'string' && !isWellFormed(key)) {
      fields.push(pathOf(stack, key));
      continue;
    }
    const child: unknown = (container as Record<string | number, unknown>)[key];
    if (typeof child === 'string') {
      if (!isWellFormed(child)) fields.push(pathOf(stack, key));
    } else if (typeof child === 'object' && child !== null) {
      stack.push(frameOf(child, key));
    }
  }
  return fields;
}
