// The PostgreSQL schema, as numbered steps. Every start runs the steps the
// database has not had yet, each in a transaction of its own, recorded in
// sandbox_schema_migrations. Several sandboxes starting at once on one
// database take turns through a session advisory lock: the first migrates,
// the others then find nothing left to do. A database that a newer sandbox
// migrated further is refused before anything changes.
import type pg from 'pg';
import { NewerDatabaseError } from '../store/newer-database.ts';

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
  // Many requests' calls in one statement (batch.ts), and reads without a lock (optimistic-read.ts).
  `
-- Not written to the WAL: cheaper to change on every request, and emptied by PostgreSQL after a crash of the
-- database (not after a clean restart). Losing them then is what a single-process sandbox does on any restart
-- (it keeps them in memory): rate windows start afresh, attempts and blocks are forgotten. Data and quota are logged.
ALTER TABLE rate_windows SET UNLOGGED;
ALTER TABLE key_attempts SET UNLOGGED;
-- A window's requests counted per millisecond (the requests of a batch share a few), not one row each; and the
-- window's oldest request kept with its count: a take looks at the window's rows only when one has left it.
CREATE UNLOGGED TABLE rate_hit_counts (
  key_hash ${C} NOT NULL,
  at_ms bigint NOT NULL,
  n integer NOT NULL,
  PRIMARY KEY (key_hash, at_ms)
);
INSERT INTO rate_hit_counts SELECT key_hash, at_ms, count(*) FROM rate_hits GROUP BY key_hash, at_ms;
DROP FUNCTION sandbox_rate_take(text, integer, bigint, bigint);
DROP TABLE rate_hits;
ALTER TABLE rate_windows ADD COLUMN oldest_ms bigint;
UPDATE rate_windows w SET oldest_ms = (SELECT min(h.at_ms) FROM rate_hit_counts h WHERE h.key_hash = w.key_hash);

-- A number that every transaction that may write makes larger (postgres-store.ts, as it begins), never
-- reused, not even by a reset or a restore: equal numbers read at two moments mean no write committed between.
CREATE TABLE sandbox_data_version (
  only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
  version bigint NOT NULL
);
INSERT INTO sandbox_data_version (version) VALUES (1);

-- One round (rounds.ts): the admissions and quota charges of the requests of a moment, in one statement.
--
-- Admissions (limits.ts): for each, in order, its key's block, then its rate window: one request counted if the
-- key is not blocked and the window has room. Atomic per key: the keys' windows are locked, in key order, read
-- with the keys' blocks into arrays (one element per key), counted there, and written back in one statement.
--
-- Charges of read-only operations (optimistic-read.ts), each valid only if no write committed since the data
-- version it expects: 'stale' then, and nothing charged; a null workspace only asks that question. A charge may
-- depend on an admission of the same round (c_after, its index): 'refused' if that one was, and nothing charged.
-- The workspaces' rows are locked first, in id order, then the windows' (every round locks in that order, so that
-- the rounds of several instances wait for each other, never deadlock); the version is read by a later statement
-- (a volatile function's statements each see what committed before they began), so that a writer that charged
-- one of them and committed meanwhile is seen. Charged in order in arrays, written back in one statement.
-- Outcomes: charged, short (the quota cannot pay), stale, current, refused. Five statements in all, at most.
--
-- Rows: one per admission, then one per charge, each with the data version (for admissions: as it was before any
-- of their operations began).
CREATE FUNCTION sandbox_round(a_keys text[], a_limits integer[], a_nows bigint[], a_windows bigint[],
                              c_workspaces text[], c_costs bigint[], c_expected bigint[], c_after integer[],
                              OUT blocked_until bigint, OUT allowed boolean, OUT in_window integer, OUT oldest bigint,
                              OUT outcome text, OUT remaining bigint, OUT data_version bigint)
-- Plans made once per connection (the parameters are keys, times and ids, which change no plan): about half of
-- what a call cost was planning its statements again each time.
RETURNS SETOF record LANGUAGE plpgsql SET plan_cache_mode = force_generic_plan AS $$
DECLARE
  v_keys text[];
  v_counts integer[];
  v_oldest bigint[];
  v_blocked bigint[];
  v_admitted boolean[] := '{}';
  -- The requests counted by this call, not stored yet (key, time; a time set to NULL once it left the window).
  v_hit_keys text[] := '{}';
  v_hit_times bigint[] := '{}';
  v_k integer;
  v_now bigint;
  v_cutoff bigint;
  v_expired integer;
  v_ids text[];
  v_left bigint[];
  v_w integer;
BEGIN
  -- The workspaces first, then the windows: every round locks in that order (writers lock a workspace only).
  IF cardinality(c_workspaces) > 0 THEN
    SELECT array_agg(w.id), array_agg(w.remaining_requests) INTO v_ids, v_left
      FROM (SELECT * FROM workspaces w WHERE w.id = ANY (c_workspaces) ORDER BY w.id FOR UPDATE) w;
  END IF;
  -- The data version, read by a statement that begins once the workspaces are locked (with the windows, if any).
  IF cardinality(a_keys) > 0 THEN
    FOR attempt IN 1 .. 2 LOOP
      SELECT array_agg(w.key_hash), array_agg(w.counted), array_agg(w.oldest_ms),
             array_agg(COALESCE((SELECT max(a.blocked_until) FROM key_attempts a WHERE a.key_hash = w.key_hash), 0)),
             (SELECT d.version FROM sandbox_data_version d)
        INTO v_keys, v_counts, v_oldest, v_blocked, data_version
        FROM (SELECT * FROM rate_windows w WHERE w.key_hash = ANY (a_keys) ORDER BY w.key_hash FOR UPDATE) w;
      EXIT WHEN a_keys <@ COALESCE(v_keys, '{}');
      -- Keys new to the table: their rows first (in key order too), then all of them read again.
      INSERT INTO rate_windows (key_hash, counted) SELECT DISTINCT k, 0 FROM unnest(a_keys) AS k ORDER BY 1 ON CONFLICT (key_hash) DO NOTHING;
    END LOOP;
  ELSE
    SELECT d.version INTO data_version FROM sandbox_data_version d;
  END IF;

  FOR i IN 1 .. COALESCE(cardinality(a_keys), 0) LOOP
    v_k := array_position(v_keys, a_keys[i]);
    v_now := a_nows[i];
    blocked_until := v_blocked[v_k];
    IF blocked_until > v_now THEN
      allowed := false;
      in_window := NULL;
      oldest := NULL;
    ELSE
      v_cutoff := v_now - a_windows[i];
      IF v_oldest[v_k] <= v_cutoff THEN
        -- What left the window goes, from the oldest end: each row is deleted once, so constant time amortised.
        WITH gone AS (DELETE FROM rate_hit_counts h WHERE h.key_hash = a_keys[i] AND h.at_ms <= v_cutoff RETURNING h.n)
        SELECT COALESCE(sum(n), 0) INTO v_expired FROM gone;
        v_counts[v_k] := v_counts[v_k] - v_expired;
        -- This call's own requests too (a clock moved far between two of them).
        FOR j IN 1 .. cardinality(v_hit_keys) LOOP
          IF v_hit_keys[j] = a_keys[i] AND v_hit_times[j] <= v_cutoff THEN
            v_hit_times[j] := NULL;
            v_counts[v_k] := v_counts[v_k] - 1;
          END IF;
        END LOOP;
        v_oldest[v_k] := LEAST((SELECT min(h.at_ms) FROM rate_hit_counts h WHERE h.key_hash = a_keys[i]),
                               (SELECT min(t) FROM unnest(v_hit_keys, v_hit_times) AS u(k, t) WHERE k = a_keys[i]));
      END IF;
      allowed := v_counts[v_k] < a_limits[i];
      IF allowed THEN
        v_hit_keys := v_hit_keys || a_keys[i];
        v_hit_times := v_hit_times || v_now;
        v_counts[v_k] := v_counts[v_k] + 1;
        v_oldest[v_k] := LEAST(v_oldest[v_k], v_now);
      END IF;
      in_window := v_counts[v_k];
      oldest := v_oldest[v_k];
    END IF;
    v_admitted := v_admitted || allowed;
    RETURN NEXT;
  END LOOP;

  blocked_until := NULL;
  allowed := NULL;
  in_window := NULL;
  oldest := NULL;
  FOR i IN 1 .. COALESCE(cardinality(c_workspaces), 0) LOOP
    remaining := NULL;
    v_w := array_position(v_ids, c_workspaces[i]);
    IF c_after[i] IS NOT NULL AND v_admitted[c_after[i]] IS NOT TRUE THEN
      outcome := 'refused';
    ELSIF c_expected[i] IS DISTINCT FROM data_version THEN
      outcome := 'stale';
    ELSIF c_workspaces[i] IS NULL THEN
      outcome := 'current';
    ELSIF v_w IS NULL OR v_left[v_w] < c_costs[i] THEN
      outcome := 'short';
    ELSE
      v_left[v_w] := v_left[v_w] - c_costs[i];
      remaining := v_left[v_w];
      outcome := 'charged';
    END IF;
    RETURN NEXT;
  END LOOP;

  IF v_keys IS NOT NULL THEN
    WITH windows AS (
      UPDATE rate_windows w SET counted = u.counted, oldest_ms = u.oldest
        FROM unnest(v_keys, v_counts, v_oldest) AS u(key_hash, counted, oldest) WHERE w.key_hash = u.key_hash)
    INSERT INTO rate_hit_counts AS h (key_hash, at_ms, n)
      SELECT k, t, count(*) FROM unnest(v_hit_keys, v_hit_times) AS u(k, t) WHERE t IS NOT NULL GROUP BY k, t
      ON CONFLICT (key_hash, at_ms) DO UPDATE SET n = h.n + excluded.n;
  END IF;
  IF v_ids IS NOT NULL THEN
    UPDATE workspaces w SET remaining_requests = u.remaining FROM unnest(v_ids, v_left) AS u(id, remaining)
      WHERE w.id = u.id AND w.remaining_requests <> u.remaining;
  END IF;
END $$;
`,
  // Rounds counted per key and charged per workspace (rounds.ts); sandbox_round stays for instances of the
  // previous version while both run on the database.
  `
-- One round counted per key and charged per workspace (rounds.ts): the work of sandbox_round without its
-- loop over every request, which cost the database most of a round's time (docs/benchmarks.md, PostgreSQL).
-- The requests of one key in a round are counted at one moment, the latest of their times: each key is
-- blocked or not, and lets in its first admitted requests, the ones the window has room for. rounds.ts
-- works out each request's answer from its key's row and its rank among the key's requests of the round.
--
-- Keys (k_*): distinct, each with its limit, time, window and number of requests. Charges (c_*), in order:
-- workspace, cost, expected data version, and the key (index in k_keys) and rank of their admission when it
-- is in this round (NULL when there is none to wait for). w_ids/w_totals: the charges' workspaces, distinct,
-- with what they would pay if every charge went through.
--
-- Rows: one per key (kind 'key': blocked_until, 0 when not blocked; counted: the window's requests before this
-- round's; admitted; oldest: the window's oldest request before this round's), then either one per workspace
-- (kind 'workspace', remaining before the round's charges: every charge went through) or, when some charge
-- could not (refused, stale, short), one per charge as sandbox_round answers them (kind 'charge'). Every row
-- has the data version; a round with neither keys nor charges answers one row of kind 'version'.
-- Locks in the order sandbox_round takes them (workspaces, then windows), so the two can run side by side
-- while instances of both versions share the database (a rolling restart).
CREATE FUNCTION sandbox_round_by_key(k_keys text[], k_limits integer[], k_times bigint[], k_windows bigint[], k_requests integer[],
                                     c_workspaces text[], c_costs bigint[], c_expected bigint[], c_key integer[], c_rank integer[],
                                     w_ids text[], w_totals bigint[],
                                     OUT kind text, OUT blocked_until bigint, OUT counted integer, OUT admitted integer, OUT oldest bigint,
                                     OUT outcome text, OUT remaining bigint, OUT data_version bigint)
-- Plans made once per connection, as sandbox_round's, and never a sequential scan: once ANALYZE has seen
-- a table of one busy key, a generic plan read the key's whole window at every round (GETs a second fell
-- threefold after the first autovacuum); every statement here has its index. No JIT: the cost a disabled
-- scan adds would compile every statement at every call, for the few rows each one reads.
RETURNS SETOF record LANGUAGE plpgsql SET plan_cache_mode = force_generic_plan SET enable_seqscan = off SET jit = off AS $$
DECLARE
  v_keys text[];
  v_counts integer[];
  v_oldest bigint[];
  v_blocked bigint[];
  v_admitted integer[] := '{}';
  v_all_in boolean := true;
  v_k integer;
  v_cutoff bigint;
  v_expired integer;
  v_ids text[];
  v_left bigint[];
  v_w integer;
BEGIN
  -- The workspaces first, then the windows: every round locks in that order (writers lock a workspace only).
  IF cardinality(w_ids) > 0 THEN
    SELECT array_agg(w.id), array_agg(w.remaining_requests) INTO v_ids, v_left
      FROM (SELECT * FROM workspaces w WHERE w.id = ANY (w_ids) ORDER BY w.id FOR UPDATE) w;
  END IF;
  -- The data version, read by a statement that begins once the workspaces are locked (with the windows, if any).
  IF cardinality(k_keys) > 0 THEN
    FOR attempt IN 1 .. 2 LOOP
      SELECT array_agg(w.key_hash), array_agg(w.counted), array_agg(w.oldest_ms),
             array_agg(COALESCE((SELECT max(a.blocked_until) FROM key_attempts a WHERE a.key_hash = w.key_hash), 0)),
             (SELECT d.version FROM sandbox_data_version d)
        INTO v_keys, v_counts, v_oldest, v_blocked, data_version
        FROM (SELECT * FROM rate_windows w WHERE w.key_hash = ANY (k_keys) ORDER BY w.key_hash FOR UPDATE) w;
      EXIT WHEN k_keys <@ COALESCE(v_keys, '{}');
      -- Keys new to the table: their rows first (in key order too), then all of them read again.
      INSERT INTO rate_windows (key_hash, counted) SELECT DISTINCT k, 0 FROM unnest(k_keys) AS k ORDER BY 1 ON CONFLICT (key_hash) DO NOTHING;
    END LOOP;
  ELSE
    SELECT d.version INTO data_version FROM sandbox_data_version d;
  END IF;

  kind := 'key';
  FOR i IN 1 .. COALESCE(cardinality(k_keys), 0) LOOP
    v_k := array_position(v_keys, k_keys[i]);
    oldest := v_oldest[v_k];
    IF v_blocked[v_k] > k_times[i] THEN
      blocked_until := v_blocked[v_k];
      admitted := 0;
    ELSE
      blocked_until := 0;
      v_cutoff := k_times[i] - k_windows[i];
      IF oldest <= v_cutoff THEN
        -- What left the window goes, from the oldest end: each row is deleted once, so constant time amortised.
        -- Both scans start past the rows deleted before (all older than the window's oldest, then than the
        -- cutoff), whose index entries stay until a vacuum: scanned from the key's first entry, every round
        -- walked all of them (GETs a second fell fourfold within a minute of the first expiry).
        WITH gone AS (DELETE FROM rate_hit_counts h WHERE h.key_hash = k_keys[i] AND h.at_ms >= oldest AND h.at_ms <= v_cutoff RETURNING h.n)
        SELECT COALESCE(sum(n), 0) INTO v_expired FROM gone;
        v_counts[v_k] := v_counts[v_k] - v_expired;
        oldest := (SELECT min(h.at_ms) FROM rate_hit_counts h WHERE h.key_hash = k_keys[i] AND h.at_ms > v_cutoff);
      END IF;
      admitted := LEAST(k_requests[i], GREATEST(0, k_limits[i] - v_counts[v_k]));
    END IF;
    counted := v_counts[v_k];
    v_counts[v_k] := counted + admitted;
    v_oldest[v_k] := CASE WHEN admitted > 0 THEN LEAST(oldest, k_times[i]) ELSE oldest END;
    v_admitted[i] := admitted;
    v_all_in := v_all_in AND admitted = k_requests[i];
    RETURN NEXT;
  END LOOP;
  IF v_keys IS NOT NULL THEN
    WITH windows AS (
      UPDATE rate_windows w SET counted = u.counted, oldest_ms = u.oldest
        FROM unnest(v_keys, v_counts, v_oldest) AS u(key_hash, counted, oldest) WHERE w.key_hash = u.key_hash)
    INSERT INTO rate_hit_counts AS h (key_hash, at_ms, n)
      SELECT u.k, u.t, sum(u.n) FROM unnest(k_keys, k_times, v_admitted) AS u(k, t, n) WHERE u.n > 0 GROUP BY u.k, u.t
      ON CONFLICT (key_hash, at_ms) DO UPDATE SET n = h.n + excluded.n;
  END IF;

  blocked_until := NULL;
  counted := NULL;
  admitted := NULL;
  oldest := NULL;
  IF COALESCE(cardinality(c_workspaces), 0) = 0 THEN
    IF COALESCE(cardinality(k_keys), 0) = 0 THEN
      kind := 'version';
      RETURN NEXT;
    END IF;
    RETURN;
  END IF;
  -- Every charge goes through (every admission let in, the version the one expected, every workspace able to
  -- pay all it is asked): charged in one statement, and rounds.ts counts each one's remaining from the rows.
  IF v_all_in AND data_version = ALL (c_expected) AND cardinality(v_ids) = cardinality(w_ids)
     AND NOT EXISTS (SELECT FROM unnest(w_ids, w_totals) AS t(id, total) WHERE t.total > v_left[array_position(v_ids, t.id)]) THEN
    kind := 'workspace';
    FOR i IN 1 .. cardinality(w_ids) LOOP
      remaining := v_left[array_position(v_ids, w_ids[i])];
      RETURN NEXT;
    END LOOP;
    UPDATE workspaces w SET remaining_requests = w.remaining_requests - t.total
      FROM unnest(w_ids, w_totals) AS t(id, total) WHERE w.id = t.id AND t.total <> 0;
    RETURN;
  END IF;
  -- Else one charge at a time, in order, as sandbox_round does.
  kind := 'charge';
  FOR i IN 1 .. cardinality(c_workspaces) LOOP
    remaining := NULL;
    v_w := array_position(v_ids, c_workspaces[i]);
    IF c_key[i] IS NOT NULL AND c_rank[i] > v_admitted[c_key[i]] THEN
      outcome := 'refused';
    ELSIF c_expected[i] IS DISTINCT FROM data_version THEN
      outcome := 'stale';
    ELSIF c_workspaces[i] IS NULL THEN
      outcome := 'current';
    ELSIF v_w IS NULL OR v_left[v_w] < c_costs[i] THEN
      outcome := 'short';
    ELSE
      v_left[v_w] := v_left[v_w] - c_costs[i];
      remaining := v_left[v_w];
      outcome := 'charged';
    END IF;
    RETURN NEXT;
  END LOOP;
  IF v_ids IS NOT NULL THEN
    UPDATE workspaces w SET remaining_requests = u.remaining FROM unnest(v_ids, v_left) AS u(id, remaining)
      WHERE w.id = u.id AND w.remaining_requests <> u.remaining;
  END IF;
END $$;
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
