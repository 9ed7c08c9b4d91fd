// Seeding the in-memory state from the fixtures, with the semantics of
// seed.ts (prepareSeeder) step for step: keys not in the fixtures deleted
// with their team links and stored answers; workspaces upserted, an existing
// one keeping its remaining quota; teams upserted and un-removed, teams no
// longer in the fixtures marked removed (their data stays); keys upserted
// with their teams replaced. The schema's constraints that seeding can meet
// (foreign keys, CHECKs, a key's team listed twice) throw as SQLite would;
// the caller runs this under an undo log, so a throw changes nothing.
import type { SeedOutcome, StoredFixtures } from '../store/store.ts';
import { checkFailed, foreignKeyFailed, uniqueFailed, type State } from './tables.ts';

const SUBSCRIPTIONS: ReadonlySet<string> = new Set(['active', 'inactive']);
const STATUSES: ReadonlySet<string> = new Set(['active', 'inactive', 'deleted']);

export function seedState(state: State, fixtures: StoredFixtures): SeedOutcome {
  const hashes = new Set(fixtures.apiKeys.map((key) => key.keyHash));
  let revokedKeys = 0;
  for (const key of [...state.keys.values()]) {
    if (hashes.has(key.key_hash)) continue;
    revokeKey(state, key.key_hash);
    revokedKeys++;
  }

  for (const workspace of fixtures.workspaces) {
    if (!SUBSCRIPTIONS.has(workspace.subscription)) throw checkFailed(`workspaces.subscription ${JSON.stringify(workspace.subscription)}`);
    const existing = state.workspaces.get(workspace.id);
    if (existing) {
      state.workspaces.put(workspace.id, { ...existing, name: workspace.name, subscription: workspace.subscription });
    } else {
      if (!(workspace.remainingRequests >= 0)) throw checkFailed(`workspaces.remaining_requests ${workspace.remainingRequests}`);
      state.workspaces.put(workspace.id, {
        id: workspace.id,
        name: workspace.name,
        subscription: workspace.subscription,
        remaining_requests: workspace.remainingRequests,
      });
    }
  }

  for (const team of fixtures.teams) {
    if (!state.workspaces.has(team.workspaceId)) throw foreignKeyFailed(`team ${team.id}: no workspace ${team.workspaceId}`);
    state.teams.put(team.id, { id: team.id, workspace_id: team.workspaceId, name: team.name, removed: false });
  }

  const teamIds = new Set(fixtures.teams.map((team) => team.id));
  let removedTeams = 0;
  for (const team of [...state.teams.values()]) {
    if (team.removed || teamIds.has(team.id)) continue;
    state.teams.put(team.id, { ...team, removed: true });
    removedTeams++;
  }

  for (const key of fixtures.apiKeys) {
    if (!state.workspaces.has(key.workspaceId)) throw foreignKeyFailed(`API key: no workspace ${key.workspaceId}`);
    if (!STATUSES.has(key.status)) throw checkFailed(`api_keys.status ${JSON.stringify(key.status)}`);
    const linked = new Set<string>();
    for (const teamId of key.teamIds) {
      if (!state.teams.has(teamId)) throw foreignKeyFailed(`API key: no team ${teamId}`);
      if (linked.has(teamId)) throw uniqueFailed(`api_key_teams.key_hash, api_key_teams.team_id (team ${teamId} twice)`);
      linked.add(teamId);
    }
    state.keys.put(key.keyHash, {
      key_hash: key.keyHash,
      workspace_id: key.workspaceId,
      status: key.status,
      expires_at: key.expiresAt,
      rate_limit_per_minute: key.rateLimitPerMinute ?? null,
      team_ids: [...key.teamIds],
    });
  }
  return { revokedKeys, removedTeams };
}

/** Deletes a key with what cascades from it: its team links (in its row) and its stored answers. */
function revokeKey(state: State, keyHash: string): void {
  for (const answer of [...(state.answersByKey.get(keyHash) ?? [])]) state.answers.delete(answer);
  state.keys.delete(keyHash);
}
