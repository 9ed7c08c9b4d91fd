// Seeding the SQLite database from the fixtures. Keys are stored as SHA-256
// hashes (key-hash.ts); the plaintext exists only in the fixtures file.
import type { SeedOutcome, StoredFixtures } from '../store/store.ts';
import type { Db } from './database.ts';

/**
 * Makes the fixtures the truth about who may call, at every start, in one
 * transaction (a failed start changes nothing):
 * - a key not in the fixtures is deleted, with its teams and stored
 *   idempotent answers (cascade): it answers as an unknown key;
 * - a team not in the fixtures is marked removed: its data stays in the
 *   database (it refers to the team) but no key reaches it (access.ts);
 * - a workspace not in the fixtures has no key and no team left; its row
 *   stays, with its quota.
 * Workspaces keep their quota when they already exist, so restarting on the
 * same database file does not refill what was spent; keys and teams take the
 * file's current settings.
 */
export function prepareSeeder(db: Db): (fixtures: StoredFixtures) => SeedOutcome {
  const insertWorkspace = db.prepare(
    `INSERT INTO workspaces (id, name, subscription, remaining_requests) VALUES (@id, @name, @subscription, @remainingRequests)
     ON CONFLICT(id) DO UPDATE SET name = excluded.name, subscription = excluded.subscription`,
  );
  const insertTeam = db.prepare(
    `INSERT INTO teams (id, workspace_id, name) VALUES (@id, @workspaceId, @name)
     ON CONFLICT(id) DO UPDATE SET workspace_id = excluded.workspace_id, name = excluded.name, removed = 0`,
  );
  const insertKey = db.prepare(
    `INSERT INTO api_keys (key_hash, workspace_id, status, expires_at, rate_limit_per_minute)
     VALUES (@hash, @workspaceId, @status, @expiresAt, @rateLimit)
     ON CONFLICT(key_hash) DO UPDATE SET workspace_id = excluded.workspace_id, status = excluded.status,
       expires_at = excluded.expires_at, rate_limit_per_minute = excluded.rate_limit_per_minute`,
  );
  const clearKeyTeams = db.prepare('DELETE FROM api_key_teams WHERE key_hash = ?');
  const insertKeyTeam = db.prepare('INSERT INTO api_key_teams (key_hash, team_id) VALUES (?, ?)');
  // The file's ids and hashes as one JSON array parameter.
  const revokeKeys = db.prepare('DELETE FROM api_keys WHERE key_hash NOT IN (SELECT value FROM json_each(?))');
  const removeTeams = db.prepare('UPDATE teams SET removed = 1 WHERE removed = 0 AND id NOT IN (SELECT value FROM json_each(?))');
  // Prepared once: a sandbox may reseed often (reset() between tests).
  return db.transaction((fixtures: StoredFixtures) => {
    const hashes = fixtures.apiKeys.map((key) => key.keyHash);
    const revokedKeys = revokeKeys.run(JSON.stringify(hashes)).changes;
    for (const workspace of fixtures.workspaces) insertWorkspace.run(workspace);
    for (const team of fixtures.teams) insertTeam.run(team);
    const removedTeams = removeTeams.run(JSON.stringify(fixtures.teams.map((team) => team.id))).changes;
    fixtures.apiKeys.forEach((key, i) => {
      const hash = hashes[i]!;
      insertKey.run({ hash, workspaceId: key.workspaceId, status: key.status, expiresAt: key.expiresAt, rateLimit: key.rateLimitPerMinute ?? null });
      clearKeyTeams.run(hash);
      for (const teamId of key.teamIds) insertKeyTeam.run(hash, teamId);
    });
    return { revokedKeys, removedTeams };
  });
}
