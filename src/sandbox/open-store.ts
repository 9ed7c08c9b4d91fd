// Which store the Node server runs on, from --db: a PostgreSQL URL selects the
// PostgreSQL store, loaded (with its driver, pg, an optional peer of the
// package) only then; anything else is a SQLite file or :memory:.
import { StartupError } from './preflight.ts';
import type { SandboxOptions } from './options.ts';
import type { SandboxStore } from './store/store.ts';

export const isPostgresUrl = (db: string): boolean => /^postgres(ql)?:\/\//i.test(db);

/** The URL without its password, for logs and the start-up line. */
export function redactUrl(db: string): string {
  return db.replace(/^(postgres(?:ql)?:\/\/[^:/@]*):[^@]*@/i, '$1:***@');
}

export interface StoreLog {
  error(details: object, message: string): void;
}

/** The PostgreSQL store of `options.db`, or a StartupError of one line when its driver is not installed. */
export async function openPostgres(options: SandboxOptions, log: StoreLog): Promise<SandboxStore & { migrated: number[] }> {
  let module: typeof import('./postgres/postgres-store.ts');
  try {
    module = await import('./postgres/postgres-store.ts');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND' && (error as Error).message.includes("'pg'")) {
      throw new StartupError('--db postgres://… needs the PostgreSQL driver pg, which is not installed (an optional peer of the package); install it with: npm install pg@^8');
    }
    throw error;
  }
  return module.openPostgresStore({
    url: options.db,
    ...(options.dbPoolSize !== undefined && { poolSize: options.dbPoolSize }),
    ...(options.dbStatementTimeoutMs !== undefined && { statementTimeoutMs: options.dbStatementTimeoutMs }),
    ...(options.dbConnectTimeoutMs !== undefined && { connectionTimeoutMs: options.dbConnectTimeoutMs }),
    onConnectionError: (error) => log.error({ db: redactUrl(options.db), error: error.message }, 'database connection lost'),
  });
}
