// The keys and teams the scenarios need, found in the fixtures file by what
// they are (active or not, expired, which workspace, how much quota), not by
// name, so any fixtures file of the documented shape works. A role the file
// cannot supply makes the scenarios that need it skip, with the reason.
import type { Fixtures } from '../fixtures/fixtures.ts';

export interface KeyRole {
  key: string;
  workspaceId: string;
  teamIds: string[];
  rateLimit: number;
}

export interface Roles {
  /** An active key of an active workspace with quota and at least one team; the one with the highest rate limit. */
  main?: KeyRole;
  /** A team of main's workspace that main's key lacks. */
  lackedTeamId?: string;
  /** An active key of another active workspace with quota. */
  foreign?: KeyRole;
  inactiveKey?: string;
  deletedKey?: string;
  expiredKey?: string;
  /** An active key of a workspace whose subscription is inactive. */
  lapsedKey?: string;
  /** An active key of an active workspace with no quota left, with a team. */
  noQuota?: KeyRole;
  /** An active key other than main's, for the rate-limit scenario (it ends up limited). */
  limited?: KeyRole;
}

export type RoleName = keyof Roles;

export const ROLE_DESCRIPTIONS: Record<RoleName, string> = {
  main: 'an active, unexpired key of an active workspace with quota and a team',
  lackedTeamId: "a team of the main key's workspace that the key lacks",
  foreign: 'an active key of another active workspace with quota',
  inactiveKey: 'a key with status "inactive"',
  deletedKey: 'a key with status "deleted"',
  expiredKey: 'an active key whose expiresAt has passed',
  lapsedKey: 'an active key of a workspace whose subscription is "inactive"',
  noQuota: 'an active key of an active workspace with remainingRequests 0',
  limited: 'a second active key with quota, besides the main one',
};

export function findRoles(fixtures: Fixtures, defaultRateLimit: number, now: number = Date.now()): Roles {
  const workspace = new Map(fixtures.workspaces.map((w) => [w.id, w]));
  const usable = fixtures.apiKeys.filter((k) => k.status === 'active' && (k.expiresAt === null || Date.parse(k.expiresAt) > now));
  const role = (k: Fixtures['apiKeys'][number]): KeyRole => ({
    key: k.key,
    workspaceId: k.workspaceId,
    teamIds: k.teamIds,
    rateLimit: k.rateLimitPerMinute ?? defaultRateLimit,
  });
  const healthy = usable
    .filter((k) => workspace.get(k.workspaceId)?.subscription === 'active' && workspace.get(k.workspaceId)!.remainingRequests > 0 && k.teamIds.length > 0)
    .map(role)
    .sort((a, b) => b.rateLimit - a.rateLimit);
  const main = healthy[0];
  const roles: Roles = {};
  if (main) {
    roles.main = main;
    roles.lackedTeamId = fixtures.teams.find((t) => t.workspaceId === main.workspaceId && !main.teamIds.includes(t.id))?.id;
    roles.foreign = healthy.find((k) => k.workspaceId !== main.workspaceId);
    // The key the rate-limit scenario exhausts: one no other scenario needs, when there is one,
    // so that a second run within the window does not have to wait for the others.
    const others = [...healthy].reverse().filter((k) => k.key !== main.key);
    roles.limited = others.find((k) => k.key !== roles.foreign?.key) ?? others[0];
  }
  roles.inactiveKey = fixtures.apiKeys.find((k) => k.status === 'inactive')?.key;
  roles.deletedKey = fixtures.apiKeys.find((k) => k.status === 'deleted')?.key;
  roles.expiredKey = fixtures.apiKeys.find((k) => k.status === 'active' && k.expiresAt !== null && Date.parse(k.expiresAt) <= now)?.key;
  roles.lapsedKey = usable.find((k) => workspace.get(k.workspaceId)?.subscription === 'inactive')?.key;
  const empty = usable.find((k) => workspace.get(k.workspaceId)?.subscription === 'active' && workspace.get(k.workspaceId)!.remainingRequests === 0 && k.teamIds.length > 0);
  if (empty) roles.noQuota = role(empty);
  for (const name of Object.keys(roles) as RoleName[]) if (roles[name] === undefined) delete roles[name];
  return roles;
}
