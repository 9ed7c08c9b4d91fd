// Seeding the sandbox database from a fixtures file. Keys are stored as
// SHA-256 hashes; the plaintext exists only in the fixtures file.
import { createHash } from 'node:crypto';
import type { Fixtures } from '../fixtures/fixtures.ts';
import type { Db } from './database.ts';

export function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/**
 * Seeds the database. Workspaces keep their quota when they already exist, so
 * restarting on the same database file does not refill what was spent; keys
 * and teams take the file's current settings.
 */
export function seedFixtures(db: Db, fixtures: Fixtures): void {
  const insertWorkspace = db.prepare(
    `INSERT INTO workspaces (id, name, subscription, remaining_requests) VALUES (@id, @name, @subscription, @remainingRequests)
     ON CONFLICT(id) DO UPDATE SET name = excluded.name, subscription = excluded.subscription`,
  );
  const insertTeam = db.prepare(
    `INSERT INTO teams (id, workspace_id, name) VALUES (@id, @workspaceId, @name)
     ON CONFLICT(id) DO UPDATE SET workspace_id = excluded.workspace_id, name = excluded.name`,
  );
  const insertKey = db.prepare(
    `INSERT INTO api_keys (key_hash, workspace_id, status, expires_at, rate_limit_per_minute)
     VALUES (@hash, @workspaceId, @status, @expiresAt, @rateLimit)
     ON CONFLICT(key_hash) DO UPDATE SET workspace_id = excluded.workspace_id, status = excluded.status,
       expires_at = excluded.expires_at, rate_limit_per_minute = excluded.rate_limit_per_minute`,
  );
  const clearKeyTeams = db.prepare('DELETE FROM api_key_teams WHERE key_hash = ?');
  const insertKeyTeam = db.prepare('INSERT INTO api_key_teams (key_hash, team_id) VALUES (?, ?)');
  db.transaction(() => {
    for (const workspace of fixtures.workspaces) insertWorkspace.run(workspace);
    for (const team of fixtures.teams) insertTeam.run(team);
    for (const key of fixtures.apiKeys) {
      const hash = hashKey(key.key);
      insertKey.run({ hash, workspaceId: key.workspaceId, status: key.status, expiresAt: key.expiresAt, rateLimit: key.rateLimitPerMinute ?? null });
      clearKeyTeams.run(hash);
      for (const teamId of key.teamIds) insertKeyTeam.run(hash, teamId);
    }
  })();
}
