// The server's timeouts, from the sandbox's three settings (headers, body,
// idle). Node's http server enforces them; body.ts also bounds its own read
// of a body, so that a body that never arrives is logged as such.
import type { ServerOptions } from 'node:http';
import { MAX_DELAY_MS } from './faults.ts';
import type { SandboxOptions } from './options.ts';

type Timeouts = Pick<SandboxOptions, 'headersTimeoutSeconds' | 'bodyTimeoutSeconds' | 'idleTimeoutSeconds' | 'faultInjection'>;

/** Options for Fastify (which sets requestTimeout, keepAliveTimeout and connectionTimeout on Node's server itself). */
export interface ServerTimeouts {
  http: ServerOptions;
  requestTimeout: number;
  keepAliveTimeout: number;
  connectionTimeout: number;
}

export function serverTimeouts(options: Timeouts): ServerTimeouts {
  // Whole milliseconds: Node refuses fractions.
  const headersMs = Math.ceil(options.headersTimeoutSeconds * 1000);
  const bodyMs = Math.ceil(options.bodyTimeoutSeconds * 1000);
  const idleMs = Math.ceil(options.idleTimeoutSeconds * 1000);
  // The whole request, first byte to last: its headers, an injected delay
  // (which runs before the body is read), its body. A backstop for bodies
  // body.ts does not read (an operation without one ignores what was sent,
  // and Node discards the rest after the answer).
  const requestMs = headersMs + (options.faultInjection ? MAX_DELAY_MS : 0) + bodyMs;
  return {
    http: {
      headersTimeout: headersMs,
      // Node checks headersTimeout and requestTimeout on this period (30 s by
      // default, which would let a 10 s bound run to 40 s); a check is one
      // pass over the connections with a request in progress.
      connectionsCheckingInterval: Math.max(1, Math.min(1000, Math.ceil(headersMs / 2))),
      // Set here too: Node refuses a headersTimeout above requestTimeout when the server is created.
      requestTimeout: requestMs,
    },
    requestTimeout: requestMs,
    keepAliveTimeout: idleMs,
    // A socket on which no byte moves either way for longer than any wait
    // above is dropped: this also bounds a client that sends requests but
    // never reads the answers (its socket stalls with the answers unsent).
    connectionTimeout: Math.max(requestMs, idleMs),
  };
}
