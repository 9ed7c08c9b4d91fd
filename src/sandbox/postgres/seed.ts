// Seeding from the fixtures (the rules of sqlite/seed.ts, which this follows):
// keys not in the fixtures are deleted with their stored answers, teams not in
// them marked removed, workspaces keep the quota they have; all in the caller's
// transaction. The fixtures travel as JSON parameters: a few statements
// whatever their size.
import type { SeedOutcome, StoredFixtures } from '../store/store.ts';
import { statement, type Sql } from './sql.ts';

const S = {
  revokeKeys: statement(
    'seed_revoke_keys',
    'DELETE FROM api_keys WHERE key_hash <> ALL ($1::text[]) RETURNING key_hash',
  ),
  workspaces: statement(
    'seed_workspaces',
    `INSERT INTO workspaces (id, name, subscription, remaining_requests)
     SELECT id, name, subscription, "remainingRequests" FROM json_to_recordset($1::json)
       AS w(id text, name text, subscription text, "remainingRequests" bigint)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, subscription = excluded.subscription`,
  ),
  teams: statement(
    'seed_teams',
    `INSERT INTO teams (id, workspace_id, name)
     SELECT id, "workspaceId", name FROM json_to_recordset($1::json) AS t(id text, "workspaceId" text, name text)
     ON CONFLICT (id) DO UPDATE SET workspace_id = excluded.workspace_id, name = excluded.name, removed = false`,
  ),
  removeTeams: statement('seed_remove_teams', 'UPDATE teams SET removed = true WHERE NOT removed AND id <> ALL ($1::text[]) RETURNING id'),
  keys: statement(
    'seed_keys',
    `INSERT INTO api_keys (key_hash, workspace_id, status, expires_at, rate_limit_per_minute)
     SELECT "keyHash", "workspaceId", status, "expiresAt", "rateLimitPerMinute"
     FROM json_to_recordset($1::json) AS k("keyHash" text, "workspaceId" text, status text, "expiresAt" text, "rateLimitPerMinute" integer)
     ON CONFLICT (key_hash) DO UPDATE SET workspace_id = excluded.workspace_id, status = excluded.status,
       expires_at = excluded.expires_at, rate_limit_per_minute = excluded.rate_limit_per_minute`,
  ),
  clearKeyTeams: statement('seed_clear_key_teams', 'DELETE FROM api_key_teams WHERE key_hash = ANY ($1::text[])'),
  keyTeams: statement(
    'seed_key_teams',
    `INSERT INTO api_key_teams (key_hash, team_id)
     SELECT k."keyHash", team.id FROM json_to_recordset($1::json) AS k("keyHash" text, "teamIds" json),
       LATERAL json_array_elements_text(k."teamIds") AS team(id)`,
  ),
};

export async function seed(sql: Sql, fixtures: StoredFixtures): Promise<SeedOutcome> {
  const hashes = fixtures.apiKeys.map((key) => key.keyHash);
  const revokedKeys = (await sql(S.revokeKeys, [hashes])).length;
  await sql(S.workspaces, [JSON.stringify(fixtures.workspaces)]);
  await sql(S.teams, [JSON.stringify(fixtures.teams)]);
  const removedTeams = (await sql(S.removeTeams, [fixtures.teams.map((team) => team.id)])).length;
  const keys = fixtures.apiKeys.map((key) => ({ ...key, rateLimitPerMinute: key.rateLimitPerMinute ?? null }));
  await sql(S.keys, [JSON.stringify(keys)]);
  await sql(S.clearKeyTeams, [hashes]);
  await sql(S.keyTeams, [JSON.stringify(keys)]);
  return { revokedKeys, removedTeams };
}
