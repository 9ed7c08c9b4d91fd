// Upgrades a database written by an older sandbox. The schema (database.ts)
// is `CREATE ... IF NOT EXISTS`, which never changes a table that already
// exists: a table whose shape changed is altered or dropped here first, and
// the schema then creates what is missing. `PRAGMA user_version` counts the
// steps a database has had; a new database runs them all, harmlessly.
import type { Db } from './database.ts';
import { NewerDatabaseError } from '../store/newer-database.ts';

const tableExists = (db: Db, name: string) =>
  db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(name) !== undefined;

/** Step n upgrades user_version n to n + 1. Append only. */
const STEPS: Array<(db: Db) => void> = [
  (db) => {
    // Idempotency keys were kept per workspace; they are now kept per API key.
    // The stored answers are dropped with the old table: a retry sent across
    // the upgrade runs again. Acceptable for a sandbox, and simpler than
    // guessing which key of a workspace sent each one.
    db.exec('DROP TABLE IF EXISTS idempotency_keys');
    // Teams no longer in the fixtures are marked removed (seed.ts).
    if (tableExists(db, 'teams')) db.exec('ALTER TABLE teams ADD COLUMN removed INTEGER NOT NULL DEFAULT 0');
  },
  (db) => {
    // Indexes on folder_id and tag_id alone, now prefixes of the pages' indexes: each write kept both up to date.
    db.exec('DROP INDEX IF EXISTS snippets_by_folder; DROP INDEX IF EXISTS snippet_tags_by_tag;');
  },
];

/** Runs the steps the database has not had yet; call inside the transaction that then applies the schema. */
/** Refuses a database that a newer sandbox wrote; call before changing anything in it. */
export function refuseNewerDatabase(db: Db): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > STEPS.length) {
    throw new NewerDatabaseError(`the database was written by a newer sandbox (schema version ${version}; this one knows up to ${STEPS.length})`);
  }
}

export function migrate(db: Db): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  for (let step = version; step < STEPS.length; step++) STEPS[step]!(db);
  if (version < STEPS.length) db.pragma(`user_version = ${STEPS.length}`);
}
