// One line for a start that failed after the checks of preflight.ts passed:
// the database turned out unusable once opened, or the port was taken in the
// meantime. Each names the file or port and what to do; nothing shows a stack.
import { FixturesError } from '../fixtures/fixtures.ts';
import { isUnavailable } from './postgres/unavailable.ts';
import { NewerDatabaseError } from './store/newer-database.ts';
import { isPostgresUrl, redactUrl } from './open-store.ts';
import { portProblem, StartupError } from './preflight.ts';

export function explainStartFailure(error: unknown, where: { db: string; host: string; port: number }): string {
  if (error instanceof StartupError || error instanceof FixturesError) return error.message;
  if (isPostgresUrl(where.db)) return explainPostgresFailure(error, redactUrl(where.db), where);
  const { db } = where;
  if (error instanceof NewerDatabaseError) return `${db}: ${error.message}; run that version, pass another --db, or --reset to start again from the fixtures`;
  const code = (error as NodeJS.ErrnoException).code ?? '';
  const message = (error as Error).message;
  if (['EADDRINUSE', 'EACCES', 'EADDRNOTAVAIL', 'ENOTFOUND', 'EAI_AGAIN'].includes(code)) return portProblem(error as NodeJS.ErrnoException, where.host, where.port).message;
  if (code === 'SQLITE_NOTADB') return `${db} is not a SQLite database; move it away or pass another --db`;
  if (code.startsWith('SQLITE_CORRUPT')) return `the database ${db} is damaged (${message}); --reset starts again from the fixtures, or pass another --db`;
  if (code.startsWith('SQLITE_READONLY')) return `the database ${db} cannot be written (${message}); make it and its directory writable, or pass another --db`;
  if (code.startsWith('SQLITE_CANTOPEN')) return `cannot open the database ${db} (${message}); check the path and its permissions, or pass another --db`;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return `no space left for the database ${db}; free some disk space or pass a --db on another disk`;
  return `could not start: ${message}`;
}

/** PostgreSQL at start: out of reach, refusing the login, or migrated by a newer sandbox. */
function explainPostgresFailure(error: unknown, db: string, where: { host: string; port: number }): string {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  const message = (error as Error).message;
  if (error instanceof NewerDatabaseError) return `${db}: ${message}; run that version or pass another --db`;
  if (['EADDRINUSE', 'EACCES', 'EADDRNOTAVAIL'].includes(code) && (error as { syscall?: string }).syscall === 'listen') return portProblem(error as NodeJS.ErrnoException, where.host, where.port).message;
  if (isUnavailable(error)) {
    return `cannot reach the PostgreSQL database ${db} (${message}); check that it runs and the URL's host and port, or raise --db-connect-timeout-ms`;
  }
  if (code === '28P01' || code === '28000') return `PostgreSQL refused the login to ${db} (${message}); check the user and password in the URL`;
  if (code === '3D000') return `the PostgreSQL database of ${db} does not exist (${message}); create it (createdb) or pass another --db`;
  return `could not start on ${db}: ${message}`;
}
