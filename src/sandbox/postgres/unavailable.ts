// Which failures of the PostgreSQL store mean "the database cannot be reached
// right now" (answered 503 with Retry-After, and explained so at start),
// rather than "the request is wrong". Loads no driver: the start's error
// message (start-failure.ts) uses it too.

/** SQLSTATE classes and codes that say the server is away, restarting, overloaded or too slow, not that the request is wrong. */
const UNAVAILABLE_SQLSTATE = /^(08|53|57P0[1-4])|^(57014|55P03|40P01)$/;
const UNAVAILABLE_ERRNO = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

export function isUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (UNAVAILABLE_SQLSTATE.test(code) || UNAVAILABLE_ERRNO.has(code))) return true;
  // node-postgres's own words for a connection that ended or never came.
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection closed/i.test(error.message);
}
