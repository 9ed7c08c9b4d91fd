// What openapi-fetch builds instead of a `Request` when nothing but the
// client's own transport will ever see it: the URL and the init, kept as
// given. openapi-fetch takes a `Request` class per call; the client passes
// this one when no middleware of the user's is registered (client.ts).
//
// Why: `fetch` always builds a Request of its own from what it is given.
// Given a Request, it copies it, and the copy follows the original's signal
// (in undici a WeakRef, a finalizer and a listener, the costliest part of a
// call); given the URL and the init, it builds one that follows only the
// signal in the init, if any. So a planned request saves a Request and a
// followed signal per call (docs/benchmarks.md, "Client overhead").
//
// Only the plainest calls are planned: the members openapi-fetch always
// sets (method, headers, redirect 'follow', a string body or none) and
// nothing else, and no body on GET or HEAD. The URL needs no check: the
// client plans no call with a base URL of its own, and checked its own. Anything
// else (a caller's signal or dispatcher, cache, credentials ...) is built as
// a real Request (the constructor returns one), so that whatever a Request
// would refuse is refused as before, and the transport handles it as before.
const PLANNABLE_MEMBERS = new Set(['method', 'headers', 'redirect', 'body']);

export class PlannedRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  /** What openapi-fetch passed, the headers and body included, for fetch. */
  readonly init: RequestInit;

  constructor(url: string, init: RequestInit) {
    this.url = url;
    this.method = init.method ?? 'GET';
    this.headers = init.headers as Headers;
    this.init = init;
    // `new` yields what a constructor returns, when it is an object.
    if (!PlannedRequest.canPlan(init)) return new Request(url, init) as unknown as PlannedRequest;
  }

  static canPlan(init: RequestInit): boolean {
    for (const member in init) if (!PLANNABLE_MEMBERS.has(member)) return false;
    const { body, method } = init;
    return (
      init.redirect === 'follow' &&
      init.headers instanceof Headers &&
      (body === undefined || (typeof body === 'string' && method !== 'GET' && method !== 'HEAD'))
    );
  }
}
