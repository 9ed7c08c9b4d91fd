// The per-attempt timeout, run by Node's own fetch instead of by the client.
//
// Node's fetch (undici) already runs a timer per request for the answer's
// headers (undici's `headersTimeout`, 300 s unless set), and lets a request
// name the dispatcher that sends it (the `dispatcher` init member). The
// dispatcher below sends through the global one, as fetch would, with
// `headersTimeout` set to the client's timeout. When it fires, undici
// destroys the connection and fetch rejects with UND_ERR_HEADERS_TIMEOUT.
//
// Why not an AbortSignal: fetch builds a Request that follows the signal it
// is given, and in undici that follow (a WeakRef, a finalizer, a listener,
// and the garbage they leave) costs more per call than the rest of the
// client together (docs/benchmarks.md, "Client overhead"). The client still
// uses a signal where this cannot work (see transport.ts): timeouts under
// HEADERS_TIMER_MIN_MS, since undici's timer ticks about every half second
// and may fire that much late; a fetch of the caller's; a runtime that is
// not Node.
const GLOBAL_DISPATCHER = Symbol.for('undici.globalDispatcher.1');

/** Below this, the half-second tick of undici's timer is too coarse: more than 10% late. */
export const HEADERS_TIMER_MIN_MS = 5_000;

export interface HeadersTimer {
  /** Goes into fetch's init. */
  readonly dispatcher: { dispatch(options: { headersTimeout?: number }, handler: object): boolean };
  /** True once fetch has sent a request through the dispatcher: proof that this fetch honours it. */
  readonly used: boolean;
}

/** A dispatcher for Node's fetch that gives every request this headers timeout; undefined outside Node. */
export function headersTimer(timeoutMs: number): HeadersTimer | undefined {
  if (typeof process !== 'object' || !process.versions?.undici || timeoutMs < HEADERS_TIMER_MIN_MS) return undefined;
  const timer = {
    used: false,
    dispatcher: {
      dispatch(options: { headersTimeout?: number }, handler: object): boolean {
        timer.used = true;
        // The global dispatcher at the time of sending, so that one set later (a proxy agent ...) is used too.
        const global = (globalThis as Record<symbol, { dispatch(options: object, handler: object): boolean } | undefined>)[GLOBAL_DISPATCHER];
        if (!global) throw new Error('no global undici dispatcher to send through');
        // fetch builds these options for this one request: set on them, not on a copy (cheaper, and one shape for undici).
        options.headersTimeout = timeoutMs;
        return global.dispatch(options, handler);
      },
    },
  };
  return timer;
}

/** Whether fetch failed because the answer's headers did not come in time. */
export function isHeadersTimeout(error: unknown): boolean {
  return (error as { cause?: { code?: unknown } } | null)?.cause?.code === 'UND_ERR_HEADERS_TIMEOUT';
}
