// The flags of `snippets-sandbox`, fixed by DESIGN.md. Each may also come
// from an environment variable SNIPPETS_SANDBOX_<FLAG>; a flag wins.
import { parseArgs } from 'node:util';
import { parseCorsOrigins } from './cors.ts';
import type { SandboxOptions } from './options.ts';

export const USAGE = `Usage: snippets-sandbox [--host 127.0.0.1] [--port 4010] [--db PATH|:memory:|postgres://…] [--fixtures FILE]
                        [--rate-limit N] [--rate-window-seconds S] [--block-threshold N] [--block-seconds S]
                        [--headers-timeout-seconds S] [--body-timeout-seconds S] [--idle-timeout-seconds S]
                        [--db-pool-size N] [--db-statement-timeout-ms MS] [--db-connect-timeout-ms MS]
                        [--cors ORIGIN[,ORIGIN]|*|none] [--no-fault-injection] [--log-level info|warn|error|silent|debug] [--reset]
                        [--admin]
--db postgres://user:password@host:port/database runs on PostgreSQL (needs: npm install pg@^8), where
several sandboxes can share one database behind a load balancer; --db-pool-size (default 10),
--db-statement-timeout-ms (default 5000) and --db-connect-timeout-ms (default 5000) bound its
connections; a database out of reach is answered 503 with Retry-After until it is back.
--admin serves /__sandbox/ (reset, fixtures, snapshots, clock) to tests, without a key; never on a shared server.
--cors: the origins whose pages may call the sandbox (default: loopback ones, any port).
--reset deletes the --db database first, so that the sandbox starts again from the fixtures.
Every flag can also be set as SNIPPETS_SANDBOX_<FLAG> (e.g. SNIPPETS_SANDBOX_PORT=0); a flag wins.
--rate-limit N applies to every key, the fixtures' own limits included; without it, each key
has its fixtures' rateLimitPerMinute, or the contract's default.`;

const STRING_FLAGS = [
  'host',
  'port',
  'db',
  'fixtures',
  'rate-limit',
  'rate-window-seconds',
  'block-threshold',
  'block-seconds',
  'headers-timeout-seconds',
  'body-timeout-seconds',
  'idle-timeout-seconds',
  'log-level',
  'cors',
  'db-pool-size',
  'db-statement-timeout-ms',
  'db-connect-timeout-ms',
] as const;

/** Bad flags or values; its message says which and what is expected. */
export class UsageError extends Error {}

function envName(flag: string): string {
  return `SNIPPETS_SANDBOX_${flag.toUpperCase().replace(/-/g, '_')}`;
}

function integer(flag: string, raw: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `of at least ${min}` : `from ${min} to ${max}`;
    throw new UsageError(`--${flag} must be a whole number ${range}, got "${raw}"`);
  }
  return Number(raw);
}

/** Timeouts are bounds: one longer than an hour bounds nothing a shared server cares about (and Node's timers stop at 24.8 days). */
const MAX_TIMEOUT_SECONDS = 3600;

/** A switch: the flag, or its variable set to true or 1 (false, 0 or empty: off). */
function switchOn(flag: string, values: Record<string, unknown>, env: NodeJS.ProcessEnv): boolean {
  if (values[flag] === true) return true;
  const raw = env[envName(flag)];
  if (raw === undefined || ['', 'false', '0'].includes(raw.toLowerCase())) return false;
  if (['true', '1'].includes(raw.toLowerCase())) return true;
  throw new UsageError(`${envName(flag)} must be true or false, got "${raw}"`);
}

export type CliOptions = Partial<SandboxOptions> & { help?: boolean; reset?: boolean };

export function parseOptions(argv: string[], env: NodeJS.ProcessEnv): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        ...Object.fromEntries(STRING_FLAGS.map((flag) => [flag, { type: 'string' as const }])),
        'no-fault-injection': { type: 'boolean' },
        admin: { type: 'boolean' },
        reset: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message.split('\n')[0]}. Run snippets-sandbox --help for the flags.`);
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  const get = (flag: (typeof STRING_FLAGS)[number]) => (values[flag] as string | undefined) ?? env[envName(flag)];
  const options: CliOptions = {};
  if (values.help) options.help = true;
  const host = get('host');
  if (host !== undefined) options.host = host;
  const port = get('port');
  if (port !== undefined) {
    options.port = integer('port', port, 0);
    if (options.port > 65535) throw new UsageError(`--port must be at most 65535, got ${port}`);
  }
  const db = get('db');
  if (db !== undefined) {
    // A URL is not a file path: without this, `mysql://…` became a directory named `mysql:`.
    const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(db)?.[1];
    if (scheme !== undefined && !/^postgres(ql)?$/i.test(scheme)) {
      throw new UsageError(`--db ${scheme}://… names a ${scheme} database, which the sandbox cannot use; give a file path, :memory: or a postgres:// URL`);
    }
    options.db = db;
  }
  const fixtures = get('fixtures');
  if (fixtures !== undefined) options.fixtures = fixtures;
  const numeric = [
    ['rate-limit', 'rateLimitForEveryKey', 1, undefined],
    ['rate-window-seconds', 'rateWindowSeconds', 1, undefined],
    ['block-threshold', 'blockThreshold', 1, undefined],
    ['block-seconds', 'blockSeconds', 1, undefined],
    ['headers-timeout-seconds', 'headersTimeoutSeconds', 1, MAX_TIMEOUT_SECONDS],
    ['body-timeout-seconds', 'bodyTimeoutSeconds', 1, MAX_TIMEOUT_SECONDS],
    ['idle-timeout-seconds', 'idleTimeoutSeconds', 1, MAX_TIMEOUT_SECONDS],
    // A pool is connections held on a shared server: a few hundred is already more than PostgreSQL allows by default.
    ['db-pool-size', 'dbPoolSize', 1, 500],
    ['db-statement-timeout-ms', 'dbStatementTimeoutMs', 1, MAX_TIMEOUT_SECONDS * 1000],
    ['db-connect-timeout-ms', 'dbConnectTimeoutMs', 1, MAX_TIMEOUT_SECONDS * 1000],
  ] as const;
  for (const [flag, key, min, max] of numeric) {
    const raw = get(flag);
    if (raw !== undefined) options[key] = integer(flag, raw, min, max);
  }
  const cors = get('cors');
  if (cors !== undefined) {
    const parsed = parseCorsOrigins(cors);
    if (typeof parsed === 'string') throw new UsageError(parsed);
    options.cors = parsed;
  }
  const logLevel = get('log-level');
  if (logLevel !== undefined) {
    if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
      throw new UsageError(`--log-level must be one of fatal, error, warn, info, debug, trace, silent; got "${logLevel}"`);
    }
    options.logLevel = logLevel;
  }
  if (switchOn('no-fault-injection', values, env)) options.faultInjection = false;
  if (switchOn('reset', values, env)) options.reset = true;
  if (switchOn('admin', values, env)) options.admin = true;
  return options;
}

