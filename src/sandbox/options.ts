// Settings of a sandbox instance. Defaults for limits come from the spec's x-limits.
import { rateWindowSeconds } from '../../generated/limits.js';
import { contract } from './contract.ts';
import type { CorsOrigins } from './cors.ts';

export interface SandboxOptions {
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** A file path, ':memory:', or a `postgres://…` URL (the PostgreSQL store, open-store.ts). */
  db: string;
  /** PostgreSQL only: most connections of this instance's pool. */
  dbPoolSize?: number;
  /** PostgreSQL only: longest a statement (or a lock wait) may take before it is cancelled and answered 503. */
  dbStatementTimeoutMs?: number;
  /** PostgreSQL only: longest opening a connection, or waiting for a free one, may take before 503. */
  dbConnectTimeoutMs?: number;
  /** A fixtures file; the built-in demo fixtures when undefined. */
  fixtures?: string;
  /** Requests per key per window, unless a key's fixtures say otherwise. */
  rateLimit: number;
  /** Requests per key per window for every key, the fixtures' own limits included (`--rate-limit`). */
  rateLimitForEveryKey?: number;
  rateWindowSeconds: number;
  /** Invalid attempts within the rate window that block a key. */
  blockThreshold: number;
  blockSeconds: number;
  /** How long a client may take to send a request's headers, from its first byte. */
  headersTimeoutSeconds: number;
  /** How long a client may take to send a request's body, once the sandbox starts reading it. */
  bodyTimeoutSeconds: number;
  /** How long a keep-alive connection may wait, idle, for its next request. */
  idleTimeoutSeconds: number;
  /** Origins whose pages may call the sandbox (cors.ts): loopback ones by default. */
  cors: CorsOrigins;
  /** Whether the Prefer header can inject faults and delays. */
  faultInjection: boolean;
  /** Whether /__sandbox/ serves state control over HTTP (node/admin-routes.ts): for tests, never on a shared server. */
  admin: boolean;
  /** pino level: fatal, error, warn, info, debug, trace or silent. */
  logLevel: string;
  /** Where log lines go (stdout when undefined); tests pass a stream to read them. */
  logStream?: { write(line: string): void };
  /** The clock, in ms since the epoch; tests replace it. */
  now: () => number;
}

export const DEFAULT_DB_PATH = '.sandbox/sandbox.db';

const { limits } = contract();

export const defaultOptions: SandboxOptions = {
  host: '127.0.0.1',
  port: 4010,
  db: DEFAULT_DB_PATH,
  rateLimit: limits.rateLimitPerMinute,
  rateWindowSeconds,
  blockThreshold: limits.invalidAttemptThreshold,
  blockSeconds: limits.keyBlockSeconds,
  // A shared sandbox holds a socket (a file descriptor) for every connection
  // it waits on, so no wait is open-ended. Headers are a few hundred bytes: 10 s
  // is plenty even for a slow mobile link. A body is at most x-limits'
  // maxBodyBytes (1 MiB as written): 30 s carries that over ~300 kbit/s. A client
  // that keeps a connection for its next request is back within 5 s or opens
  // a new one (Node's own default; a proxy in front should idle out sooner).
  headersTimeoutSeconds: 10,
  bodyTimeoutSeconds: 30,
  idleTimeoutSeconds: 5,
  cors: 'loopback',
  faultInjection: true,
  admin: false,
  logLevel: 'info',
  now: Date.now,
};
