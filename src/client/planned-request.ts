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
// Only what can be sent again as is is planned: no body or a string body
// (openapi-fetch's JSON), and no signal of the caller's. Anything else is
// built as a real Request (the constructor returns one), which the
// transport handles as before.
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

  /** openapi-fetch gives a Headers object and a serialized body; anything unusual takes the real Request. */
  static canPlan(init: RequestInit): boolean {
    return (init.body === undefined || typeof init.body === 'string') && init.signal == null && init.headers instanceof Headers;
  }
}
