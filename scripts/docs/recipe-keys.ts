// The keys and teams the error recipes name, chosen from the demo fixtures
// (fixtures/demo.json, what the sandbox serving the docs loads) by what they
// are: the first key that is inactive, the first whose workspace's
// subscription lapsed, and so on. A fixtures change that removes one fails
// here, by name, instead of printing a recipe that gets another code.
import { keyPattern } from '../../src/contract/spec.ts';
import { DEMO_FIXTURES_PATH, demoKey, readFixtures } from '../../src/fixtures/fixtures-file.ts';
import type { Fixtures } from '../../src/fixtures/fixtures.ts';
import type { KeyRole, TeamRole } from './error-recipes.ts';

export interface RecipeKeys {
  /** The Authorization value of a role, or undefined for none. */
  authorization(role: KeyRole): string | undefined;
  /** The team a role's key sends for `team`. */
  team(role: KeyRole, team: TeamRole): string;
}

export function recipeKeys(): RecipeKeys {
  const fixtures = readFixtures(DEMO_FIXTURES_PATH, keyPattern);
  const workspace = (id: string) => fixtures.workspaces.find((w) => w.id === id)!;
  // By the sandbox's rule (auth.ts): expired once expiresAt is past. The sandbox serving the docs runs on real time.
  const expired = (k: Fixtures['apiKeys'][number]) => k.expiresAt !== null && Date.parse(k.expiresAt) <= Date.now();
  const usable = fixtures.apiKeys.filter((k) => k.status === 'active' && !expired(k));
  const pick = (role: string, test: (k: Fixtures['apiKeys'][number]) => boolean) => {
    const found = fixtures.apiKeys.find(test);
    if (!found) throw new Error(`error recipes: the demo fixtures have no ${role} key`);
    return found;
  };
  const demo = pick('demo', (k) => k.key === demoKey().key);
  const keys: Record<Exclude<KeyRole, 'none'>, string> = {
    demo: demo.key,
    malformed: 'not-a-key',
    // Well-formed (x-key-pattern) and in no fixtures; two of them, so that blocking one leaves the other unknown.
    unknown: 'sk_test_unknownKeyOfNoWorkspace0000',
    blockable: 'sk_test_blockedAfterInvalidAttempts0',
    inactive: pick('inactive', (k) => k.status === 'inactive').key,
    deleted: pick('deleted', (k) => k.status === 'deleted').key,
    expired: pick('expired', (k) => k.status === 'active' && expired(k)).key,
    lapsed: pick('lapsed', (k) => usable.includes(k) && workspace(k.workspaceId).subscription === 'inactive').key,
    noQuota: pick('no-quota', (k) => usable.includes(k) && workspace(k.workspaceId).subscription === 'active' && workspace(k.workspaceId).remainingRequests === 0).key,
  };
  const teamOf = (role: KeyRole, team: TeamRole): string | undefined => {
    const key = fixtures.apiKeys.find((k) => k.key === keys[role === 'none' ? 'demo' : role]) ?? demo;
    if (team === 'own') return key.teamIds[0];
    if (team === 'lacking') return fixtures.teams.find((t) => t.workspaceId === key.workspaceId && !key.teamIds.includes(t.id))?.id;
    return fixtures.teams.find((t) => t.workspaceId !== key.workspaceId)?.id;
  };
  return {
    authorization: (role) => (role === 'none' ? undefined : `Bearer ${keys[role]}`),
    team: (role, team) => {
      const id = teamOf(role, team);
      if (!id) throw new Error(`error recipes: the demo fixtures have no ${team} team for the ${role} key`);
      return id;
    },
  };
}
