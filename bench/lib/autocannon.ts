// autocannon (CommonJS, no type declarations) with the few types the
// benchmarks use, and one run as a promise.
import { createRequire } from 'node:module';

export interface AutocannonOptions {
  url: string;
  connections: number;
  pipelining: number;
  /** Seconds. */
  duration: number;
  method?: string;
  headers?: Record<string, string>;
  /** Seconds without an answer before a request counts as a timeout. */
  timeout?: number;
  /** Requests to send, instead of a duration. */
  amount?: number;
  /** The requests each connection sends in turn; `setupRequest` may change one (its headers, say) before it is sent. */
  requests?: Array<{ setupRequest?: (request: AutocannonRequest) => AutocannonRequest }>;
}

/** A request as autocannon builds it, before it is written out. */
export interface AutocannonRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
}

interface Histogram {
  average: number;
  mean: number;
  stddev: number;
  min: number;
  max: number;
  total: number;
  p50: number;
  p90: number;
  p99: number;
  p99_9?: number;
}

export interface AutocannonResult {
  url: string;
  /** Seconds actually run. */
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  resets: number;
  '2xx': number;
  statusCodeStats: Record<string, { count: number }>;
  /** Latency in ms. */
  latency: Histogram & { totalCount: number };
  /** Requests per second, over one-second samples; `total` is the number of answers. */
  requests: Histogram & { sent: number };
  /** Bytes per second, over one-second samples; `total` is all bytes received. */
  throughput: Histogram;
}

type Autocannon = (options: AutocannonOptions, callback: (error: Error | null, result: AutocannonResult) => void) => unknown;

const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

export function runAutocannon(options: AutocannonOptions): Promise<AutocannonResult> {
  return new Promise((resolve, reject) => {
    autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
  });
}
