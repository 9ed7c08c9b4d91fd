// The API key removed from whatever a server sends back before the client
// keeps or reports it: a server or proxy that echoes the Authorization header
// in an error must not put the key in an error's message, detail, details,
// toString(), JSON or stack.

const REDACTED = '[redacted]';
/** Deeper than any error body of the contract: below it, values are dropped rather than walked. */
const MAX_DEPTH = 8;

export type Redact = (text: string) => string;

export function redactorOf(apiKey: string): Redact {
  return (text) => (text.includes(apiKey) ? text.split(apiKey).join(REDACTED) : text);
}

/** `value` with every string in it redacted (keys of objects too); bounded in depth. */
export function redactDeep<T>(value: T, redact: Redact, depth = 0): T {
  if (typeof value === 'string') return redact(value) as T;
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return undefined as T;
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, redact, depth + 1)) as T;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [redact(key), redactDeep(item, redact, depth + 1)])) as T;
}
