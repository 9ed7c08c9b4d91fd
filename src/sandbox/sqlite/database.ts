// The sandbox's SQLite database: schema and connection settings. Every write
// of a request happens inside one transaction (its turn's group commit, see
// group-commit.ts), so a crash leaves each request either fully applied or not
// at all, and a request is answered only once its writes are committed.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { migrate, refuseNewerDatabase } from './migrations.ts';

export type Db = Database.Database;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS workspaces (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  subscription TEXT NOT NULL CHECK (subscription IN ('active', 'inactive')),
  remaining_requests INTEGER NOT NULL CHECK (remaining_requests >= 0)
);
-- A team no longer in the fixtures is marked removed, not deleted: its data
-- refers to it and stays in the database, unreachable (seed.ts, access.ts).
CREATE TABLE IF NOT EXISTS teams (
  id TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL REFERENCES workspaces(id),
  name TEXT NOT NULL,
  removed INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS api_keys (
  key_hash TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL REFERENCES workspaces(id),
  status TEXT NOT NULL CHECK (status IN ('active', 'inactive', 'deleted')),
  expires_at TEXT,
  rate_limit_per_minute INTEGER
);
CREATE TABLE IF NOT EXISTS api_key_teams (
  key_hash TEXT NOT NULL REFERENCES api_keys(key_hash) ON DELETE CASCADE,
  team_id TEXT NOT NULL REFERENCES teams(id),
  PRIMARY KEY (key_hash, team_id)
);
CREATE TABLE IF NOT EXISTS folders (
  id TEXT PRIMARY KEY,
  team_id TEXT NOT NULL REFERENCES teams(id),
  name TEXT NOT NULL,
  color TEXT,
  parent_id TEXT REFERENCES folders(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS tags (
  id TEXT PRIMARY KEY,
  team_id TEXT NOT NULL REFERENCES teams(id),
  name TEXT NOT NULL,
  color TEXT,
  parent_id TEXT REFERENCES tags(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS snippets (
  id TEXT PRIMARY KEY,
  team_id TEXT NOT NULL REFERENCES teams(id),
  title TEXT NOT NULL,
  note TEXT,
  shortcut TEXT,
  folder_id TEXT REFERENCES folders(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
-- Pages: each listing reads its next items straight from an index in its order
-- (which also serves every lookup by folder or by tag alone).
CREATE INDEX IF NOT EXISTS snippets_by_folder_page ON snippets(folder_id, created_at, id);
CREATE INDEX IF NOT EXISTS folders_by_team_page ON folders(team_id, created_at, id);
CREATE INDEX IF NOT EXISTS tags_by_team_page ON tags(team_id, created_at, id);
CREATE TABLE IF NOT EXISTS snippet_tags (
  snippet_id TEXT NOT NULL REFERENCES snippets(id) ON DELETE CASCADE,
  tag_id TEXT NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  PRIMARY KEY (snippet_id, tag_id)
);
CREATE INDEX IF NOT EXISTS snippet_tags_by_tag_page ON snippet_tags(tag_id, snippet_id);
CREATE TABLE IF NOT EXISTS variations (
  id TEXT PRIMARY KEY,
  snippet_id TEXT NOT NULL REFERENCES snippets(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  content_type TEXT NOT NULL,
  content TEXT NOT NULL,
  order_index INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS variations_by_snippet ON variations(snippet_id, order_index);
CREATE TABLE IF NOT EXISTS variation_history (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  variation_id TEXT NOT NULL,
  snippet_id TEXT NOT NULL,
  team_id TEXT NOT NULL,
  change TEXT NOT NULL,
  name TEXT NOT NULL,
  content_type TEXT NOT NULL,
  content TEXT NOT NULL,
  recorded_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS history_by_variation ON variation_history(variation_id, seq);
-- Ids of deleted resources, so that they answer RESOURCE_DELETED rather than not found.
CREATE TABLE IF NOT EXISTS tombstones (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  team_id TEXT NOT NULL,
  deleted_at TEXT NOT NULL
);
-- Per API key; a revoked key takes its stored answers with it. team_ids: the
-- teams the first request used, space-separated (idempotency.ts).
CREATE TABLE IF NOT EXISTS idempotency_keys (
  key_hash TEXT NOT NULL REFERENCES api_keys(key_hash) ON DELETE CASCADE,
  key TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  team_ids TEXT NOT NULL,
  status INTEGER NOT NULL,
  body TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (key_hash, key)
);
CREATE INDEX IF NOT EXISTS idempotency_keys_by_age ON idempotency_keys(created_at);
`;

/** Opens (creating if needed) the database at `path`, or an in-memory one for `:memory:`. */
export function openDatabase(path: string): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  try {
    configure(db, path);
  } catch (error) {
    // Closed, so that a start that fails here leaves no -wal or -shm behind.
    db.close();
    throw error;
  }
  return db;
}

function configure(db: Db, path: string): void {
  // Before anything changes the file (the journal mode is kept in it).
  refuseNewerDatabase(db);
  // WAL with synchronous=NORMAL: a committed transaction survives a killed
  // process (the WAL is written before COMMIT returns); only a power cut may
  // lose the last ones. No fsync per request, which a sandbox does not need.
  if (path !== ':memory:') db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // One transaction: a database is either upgraded and complete, or left as it was.
  db.transaction(() => {
    migrate(db);
    db.exec(SCHEMA);
  })();
}
