// The database file under the sandbox's feet. SQLite keeps writing to a file
// that was deleted (its open handle outlives the name), so a sandbox whose
// file was removed or replaced would go on answering 201 for writes nobody
// will ever see again. Each group of operations, and each /health, first
// checks that the file is still the one that was opened and still readable
// and writable; if not, the answer is 503 SERVICE_UNAVAILABLE and a log line
// says which file and what to do.
import { accessSync, constants, statSync } from 'node:fs';
import { databaseUnavailable } from '../health.ts';

/** Checks the file at `path` stays the one opened now; undefined for an in-memory database. */
export function watchDatabaseFile(path: string, onLost: (problem: string) => void): (() => void) | undefined {
  if (path === ':memory:') return undefined;
  const opened = statSync(path);
  let reported = false;
  return () => {
    let problem: string | undefined;
    try {
      const now = statSync(path);
      if (now.ino !== opened.ino || now.dev !== opened.dev) problem = `${path} was replaced by another file`;
      else accessSync(path, constants.R_OK | constants.W_OK);
    } catch (error) {
      problem = (error as NodeJS.ErrnoException).code === 'ENOENT' ? `${path} was deleted` : `${path} can no longer be read and written (${(error as Error).message})`;
    }
    if (problem === undefined) return;
    if (!reported) {
      reported = true;
      onLost(`${problem}: restart the sandbox (it starts again from the fixtures if the file is gone)`);
    }
    throw databaseUnavailable('The sandbox lost its database file');
  };
}
