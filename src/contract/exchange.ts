// One request and its answer, as the verifier saw them.
export interface Exchange {
  /** The operation the request was meant for, or undefined for one that matches none. */
  operationId: string | undefined;
  method: string;
  path: string;
  status: number;
  headers: Headers;
  /** The raw body. */
  text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: unknown;
  durationMs: number;
  /** What was sent, for the traffic record (--har) and reproductions; absent for exchanges built by hand. */
  sent?: SentRequest;
}

export interface SentRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
  /** When it was sent (ISO 8601). */
  startedAt: string;
}

/** Something the server did that the contract does not allow. */
export interface Violation {
  operationId: string | undefined;
  /** A JSON pointer into the body (`/code`), `status`, or `header Retry-After`. */
  at: string;
  expected: string;
  actual: string;
  requestId: string | undefined;
}
