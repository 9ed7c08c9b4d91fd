// Settings of a sandbox instance. Defaults for limits come from the spec's x-limits.
import { contract } from './contract.ts';

export interface SandboxOptions {
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** A file path, or ':memory:'. */
  db: string;
  /** A fixtures file; the built-in demo fixtures when undefined. */
  fixtures?: string;
  /** Requests per key per window, unless a key's fixtures say otherwise. */
  rateLimit: number;
  rateWindowSeconds: number;
  /** Invalid attempts within the rate window that block a key. */
  blockThreshold: number;
  blockSeconds: number;
  /** Whether the Prefer header can inject faults and delays. */
  faultInjection: boolean;
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
  rateWindowSeconds: 60,
  blockThreshold: limits.invalidAttemptThreshold,
  blockSeconds: limits.keyBlockSeconds,
  faultInjection: true,
  logLevel: 'info',
  now: Date.now,
};
