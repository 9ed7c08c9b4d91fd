// The PostgreSQL schema, as numbered steps. Every start runs the steps the
// database has not had yet, each in a transaction of its own, recorded in
// sandbox_schema_migrations. Several sandboxes starting at once on one
// database take turns through a session advisory lock: the first migrates,
// the others then find nothing left to do. A database that a newer sandbox
// migrated further is refused before anything changes.
import type pg from 'pg';

/** A database this version cannot read without losing what a newer one wrote. */
export class NewerDatabaseError extends Error {
  override name = 'NewerDatabaseError';
}

/** Advisory lock ids of the sandbox ('snip' and 'pets' as ASCII): one for migrations, one for transactions (postgres-store.ts). */
export const MIGRATION_LOCK = 0x736e_6970;
export const TRANSACTION_LOCK = 0x7065_7473;

// Ids and timestamps compare as bytes, as SQLite and the memory store compare
// them: pages are ordered by (created_at, id) whatever the database's locale.
const C = 'text COLLATE "C"';
// Deferrable, so that restore() can insert rows in any order (a folder before its parent).
const REF = 'DEFERRABLE INITIALLY IMMEDIATE';

/** Step n brings the database to version n + 1. Append only; never edit a step that was released. */
export const STEPS: readonly string[] = [
  `
CREATE TABLE workspaces (
  id ${C} PRIMARY KEY,
  name text NOT NULL,
  subscription text NOT NULL CHECK (subscription IN ('active', 'inactive')),
  remaining_requests bigint NOT NULL CHECK (remaining_requests >= 0)
);
-- A team no longer in the fixtures is marked removed, not deleted: its data refers to it (seed.ts).
CREATE TABLE teams (
  id ${C} PRIMARY KEY,
  workspace_id ${C} NOT NULL REFERENCES workspaces(id) ${REF},
  name text NOT NULL,
  removed boolean NOT NULL DEFAULT false
);
CREATE TABLE api_keys (
  key_hash ${C} PRIMARY KEY,
  workspace_id ${C} NOT NULL REFERENCES workspaces(id) ${REF},
  status text NOT NULL CHECK (status IN ('active', 'inactive', 'deleted')),
  expires_at text,
  rate_limit_per_minute integer
);
CREATE TABLE api_key_teams (
  key_hash ${C} NOT NULL REFERENCES api_keys(key_hash) ON DELETE CASCADE ${REF},
  team_id ${C} NOT NULL REFERENCES teams(id) ${REF},
  PRIMARY KEY (key_hash, team_id)
);
CREATE TABLE folders (
  id ${C} PRIMARY KEY,
  team_id ${C} NOT NULL REFERENCES teams(id) ${REF},
  name text NOT NULL,
  color text,
  parent_id ${C} REFERENCES folders(id) ${REF},
  created_at ${C} NOT NULL,
  updated_at ${C} NOT NULL
);
CREATE TABLE tags (
  id ${C} PRIMARY KEY,
  team_id ${C} NOT NULL REFERENCES teams(id) ${REF},
  name text NOT NULL,
  color text,
  parent_id ${C} REFERENCES tags(id) ${REF},
  created_at ${C} NOT NULL,
  updated_at ${C} NOT NULL
);
CREATE TABLE snippets (
  id ${C} PRIMARY KEY,
  team_id ${C} NOT NULL REFERENCES teams(id) ${REF},
  title text NOT NULL,
  note text,
  shortcut text,
  folder_id ${C} REFERENCES folders(id) ${REF},
  created_at ${C} NOT NULL,
  updated_at ${C} NOT NULL
);
-- Pages read their next items straight from an index in their order.
CREATE INDEX snippets_by_folder_page ON snippets (folder_id, created_at, id);
CREATE INDEX folders_by_team_page ON folders (team_id, created_at, id);
CREATE INDEX folders_by_parent ON folders (parent_id);
CREATE INDEX tags_by_team_page ON tags (team_id, created_at, id);
CREATE INDEX tags_by_parent ON tags (parent_id);
CREATE TABLE snippet_tags (
  snippet_id ${C} NOT NULL REFERENCES snippets(id) ON DELETE CASCADE ${REF},
  tag_id ${C} NOT NULL REFERENCES tags(id) ON DELETE CASCADE ${REF},
  position integer NOT NULL,
  PRIMARY KEY (snippet_id, tag_id)
);
CREATE INDEX snippet_tags_by_tag_page ON snippet_tags (tag_id, snippet_id);
CREATE TABLE variations (
  id ${C} PRIMARY KEY,
  snippet_id ${C} NOT NULL REFERENCES snippets(id) ON DELETE CASCADE ${REF},
  name text NOT NULL,
  content_type text NOT NULL,
  content text NOT NULL,
  order_index integer NOT NULL,
  created_at ${C} NOT NULL,
  updated_at ${C} NOT NULL
);
CREATE INDEX variations_by_snippet ON variations (snippet_id, order_index);
-- seq: max + 1 under the transaction lock, not a sequence, so that a rolled-back record leaves no gap and a snapshot holds the counter.
CREATE TABLE variation_history (
  seq bigint PRIMARY KEY,
  id ${C} NOT NULL UNIQUE,
  variation_id ${C} NOT NULL,
  snippet_id ${C} NOT NULL,
  team_id ${C} NOT NULL,
  change text NOT NULL,
  name text NOT NULL,
  content_type text NOT NULL,
  content text NOT NULL,
  recorded_at ${C} NOT NULL
);
CREATE INDEX history_by_variation ON variation_history (variation_id, seq);
CREATE TABLE tombstones (
  id ${C} PRIMARY KEY,
  kind text NOT NULL,
  team_id ${C} NOT NULL,
  deleted_at text NOT NULL
);
CREATE TABLE idempotency_keys (
  key_hash ${C} NOT NULL REFERENCES api_keys(key_hash) ON DELETE CASCADE ${REF},
  key text NOT NULL,
  request_hash text NOT NULL,
  team_ids text NOT NULL,
  status integer NOT NULL,
  body text NOT NULL,
  created_at ${C} NOT NULL,
  PRIMARY KEY (key_hash, key)
);
CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at);
`,
  // The per-key limits, shared by every instance on the database (limits.ts).
  `
-- One row per request in a key's rate window; \`counted\` keeps their number, so that a check reads one row, not the window.
CREATE TABLE rate_windows (
  key_hash ${C} PRIMARY KEY,
  counted integer NOT NULL
);
CREATE TABLE rate_hits (
  key_hash ${C} NOT NULL,
  at_ms bigint NOT NULL
);
CREATE INDEX rate_hits_by_key ON rate_hits (key_hash, at_ms);
-- Invalid attempts (the newest, at most the threshold) and blocks, for unknown and real keys apart: a scan of
-- invented keys can push out only other invented keys (touched: the order of their last attempt).
CREATE SEQUENCE key_attempts_touch;
CREATE TABLE key_attempts (
  key_hash ${C} NOT NULL,
  unknown boolean NOT NULL,
  times bigint[] NOT NULL,
  blocked_until bigint NOT NULL DEFAULT 0,
  touched bigint NOT NULL,
  PRIMARY KEY (key_hash, unknown)
);
CREATE INDEX key_attempts_unknown_by_touch ON key_attempts (touched) WHERE unknown;

-- Counts one request if the window has room; one call, atomic per key (the window's row is locked).
CREATE FUNCTION sandbox_rate_take(p_key text, p_limit integer, p_now bigint, p_window bigint,
                                  OUT allowed boolean, OUT in_window integer, OUT oldest_ms bigint)
LANGUAGE plpgsql AS $$
DECLARE
  v_expired integer;
BEGIN
  INSERT INTO rate_windows (key_hash, counted) VALUES (p_key, 0) ON CONFLICT (key_hash) DO NOTHING;
  SELECT w.counted INTO in_window FROM rate_windows w WHERE w.key_hash = p_key FOR UPDATE;
  -- What left the window goes, from the oldest end: each hit is deleted once, so constant time amortised.
  WITH gone AS (DELETE FROM rate_hits h WHERE h.key_hash = p_key AND h.at_ms <= p_now - p_window RETURNING 1)
  SELECT count(*) INTO v_expired FROM gone;
  in_window := in_window - v_expired;
  allowed := in_window < p_limit;
  IF allowed THEN
    INSERT INTO rate_hits (key_hash, at_ms) VALUES (p_key, p_now);
    in_window := in_window + 1;
  END IF;
  UPDATE rate_windows w SET counted = in_window WHERE w.key_hash = p_key;
  SELECT min(h.at_ms) INTO oldest_ms FROM rate_hits h WHERE h.key_hash = p_key;
END $$;

-- Records an invalid attempt; blocks the key once the window holds p_threshold of them. Unknown keys
-- beyond p_capacity are forgotten, the least recently tried first (a few rows per call).
CREATE FUNCTION sandbox_record_attempt(p_key text, p_unknown boolean, p_now bigint, p_window bigint,
                                       p_threshold integer, p_block bigint, p_capacity bigint)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  v_touch bigint := nextval('key_attempts_touch');
  v_times bigint[];
BEGIN
  INSERT INTO key_attempts AS a (key_hash, unknown, times, touched) VALUES (p_key, p_unknown, ARRAY[p_now], v_touch)
  ON CONFLICT (key_hash, unknown) DO UPDATE SET
    times = ARRAY(SELECT t FROM unnest(a.times || p_now) AS t WHERE t > p_now - p_window ORDER BY t DESC LIMIT p_threshold),
    touched = v_touch
  RETURNING times INTO v_times;
  IF cardinality(v_times) >= p_threshold THEN
    UPDATE key_attempts SET blocked_until = p_now + p_block WHERE key_hash = p_key AND unknown = p_unknown;
  END IF;
  IF p_unknown THEN
    DELETE FROM key_attempts WHERE unknown AND touched <= v_touch - p_capacity;
  END IF;
END $$;
`,
  // The sandbox clock's offset from real time, one for all instances (shared-clock.ts).
  `
CREATE TABLE sandbox_clock (
  only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
  offset_ms bigint NOT NULL
);
INSERT INTO sandbox_clock (offset_ms) VALUES (0);
`,
];

/** Runs the missing steps, one instance at a time; returns the versions applied (none when another instance had done it). */
export async function migrate(pool: pg.Pool): Promise<number[]> {
  const client = await pool.connect();
  let broken = false;
  try {
    // A session lock, held across the steps' transactions; released below or when the connection ends.
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await client.query('CREATE TABLE IF NOT EXISTS sandbox_schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
      const { rows } = await client.query<{ version: number | null }>('SELECT max(version) AS version FROM sandbox_schema_migrations');
      const version = rows[0]?.version ?? 0;
      if (version > STEPS.length) {
        throw new NewerDatabaseError(`the database was migrated by a newer sandbox (schema version ${version}; this one knows up to ${STEPS.length})`);
      }
      const applied: number[] = [];
      for (let step = version; step < STEPS.length; step++) {
        await client.query('BEGIN');
        try {
          await client.query(STEPS[step]!);
          await client.query('INSERT INTO sandbox_schema_migrations (version) VALUES ($1)', [step + 1]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK').catch(() => {});
          throw error;
        }
        applied.push(step + 1);
      }
      return applied;
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => (broken = true));
    }
  } catch (error) {
    broken = true;
    throw error;
  } finally {
    // A connection in an unknown state is not given back to the pool.
    client.release(broken);
  }
}
