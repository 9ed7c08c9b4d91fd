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
// client together (docs/benchmarks.md, "Client overhead").
//
// The timer is trusted only where it is known to hold, and the signal serves
// everywhere else (transport.ts):
// - the client's fetch must be seen to call the dispatcher: until then
//   ('probing') each attempt has a signal AND names the dispatcher, and the
//   first answer decides ('on' or 'off' for good). A fetch that drops init
//   members (a mock, a wrapper) thus never leaves an attempt without timeout;
// - the global dispatcher must be undici's plain Agent (a MockAgent, a proxy
//   agent or one of the user's own may not apply `headersTimeout`), and the
//   URL plain http: (undici speaks HTTP/2, whose requests ignore it, only
//   over TLS);
// - the timeout must be at least HEADERS_TIMER_MIN_MS: undici's timer ticks
//   about every half second and may fire that much late.
/** Where undici (Node's and the npm package's alike) keeps the global dispatcher. */
export const GLOBAL_DISPATCHER = Symbol.for('undici.globalDispatcher.1');

/** Below this, the half-second tick of undici's timer is too coarse: more than 10% late. */
export const HEADERS_TIMER_MIN_MS = 5_000;

interface Dispatcher {
  dispatch(options: { headersTimeout?: number }, handler: object): boolean;
}

const globalDispatcher = () => (globalThis as Record<symbol, Dispatcher | undefined>)[GLOBAL_DISPATCHER];

export interface HeadersTimer {
  /** Goes into fetch's init. */
  readonly dispatcher: Dispatcher;
  /** 'probing' until an answer shows whether the fetch calls the dispatcher. */
  state: 'probing' | 'on' | 'off';
  /** Set when fetch has sent a request through the dispatcher. */
  used: boolean;
}

/** A dispatcher for Node's fetch that gives every request this headers timeout; undefined outside Node or for a short timeout. */
export function headersTimer(timeoutMs: number): HeadersTimer | undefined {
  if (typeof process !== 'object' || !process.versions?.undici || timeoutMs < HEADERS_TIMER_MIN_MS) return undefined;
  const timer: HeadersTimer = {
    state: 'probing',
    used: false,
    dispatcher: {
      dispatch(options, handler) {
        timer.used = true;
        // The global dispatcher at the time of sending, as fetch itself would use (timerHoldsFor saw it).
        const global = globalDispatcher()!;
        // fetch builds these options for this one request: set on them, not on a copy (cheaper, and one shape for undici).
        options.headersTimeout = timeoutMs;
        return global.dispatch(options, handler);
      },
    },
  };
  return timer;
}

/** Whether undici's headers timer is known to hold for a request to this URL now (see the top of this file). */
export function timerHoldsFor(url: string): boolean {
  return /^http:/i.test(url) && globalDispatcher()?.constructor?.name === 'Agent';
}

/** Whether fetch failed because the answer's headers did not come in time. */
export function isHeadersTimeout(error: unknown): boolean {
  return (error as { cause?: { code?: unknown } } | null)?.cause?.code === 'UND_ERR_HEADERS_TIMEOUT';
}
