// The fixtures file (DESIGN.md, "Fixtures file"): workspaces, teams and API
// keys. Checked strictly, so that a typo is reported by name instead of
// silently creating a key that does not work, then seeded into the database.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { Db } from './database.ts';

export interface Fixtures {
  workspaces: Array<{ id: string; name: string; subscription: 'active' | 'inactive'; remainingRequests: number }>;
  teams: Array<{ id: string; workspaceId: string; name: string }>;
  apiKeys: Array<{
    key: string;
    workspaceId: string;
    teamIds: string[];
    status: 'active' | 'inactive' | 'deleted';
    expiresAt: string | null;
    rateLimitPerMinute?: number | null;
  }>;
}

export const DEMO_FIXTURES_PATH = new URL('../../fixtures/demo.json', import.meta.url);

const uuid = { type: 'string', format: 'uuid' };
const fixturesSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['workspaces', 'teams', 'apiKeys'],
  properties: {
    workspaces: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'name', 'subscription', 'remainingRequests'],
        properties: {
          id: uuid,
          name: { type: 'string', minLength: 1 },
          subscription: { enum: ['active', 'inactive'] },
          remainingRequests: { type: 'integer', minimum: 0 },
        },
      },
    },
    teams: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'workspaceId', 'name'],
        properties: { id: uuid, workspaceId: uuid, name: { type: 'string', minLength: 1 } },
      },
    },
    apiKeys: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['key', 'workspaceId', 'teamIds', 'status', 'expiresAt'],
        properties: {
          key: { type: 'string' },
          workspaceId: uuid,
          teamIds: { type: 'array', items: uuid, uniqueItems: true },
          status: { enum: ['active', 'inactive', 'deleted'] },
          expiresAt: { anyOf: [{ type: 'string', format: 'date-time' }, { type: 'null' }] },
          rateLimitPerMinute: { anyOf: [{ type: 'integer', minimum: 1 }, { type: 'null' }] },
        },
      },
    },
  },
} as const;

const ajv = new Ajv({ allErrors: true });
addFormatsModule.default(ajv);
const validateFixtures = ajv.compile(fixturesSchema);

/** Thrown for a fixtures file that cannot be used; its message says where and how to fix it. */
export class FixturesError extends Error {
  override name = 'FixturesError';
}

/** The built-in fixtures' demo key: their first active key, with its workspace and teams. */
export function demoKey(): { key: string; workspace: string; teams: Array<{ id: string; name: string }> } {
  const fixtures = JSON.parse(readFileSync(DEMO_FIXTURES_PATH, 'utf8')) as Fixtures;
  const key = fixtures.apiKeys.find((k) => k.status === 'active' && k.expiresAt === null)!;
  return {
    key: key.key,
    workspace: fixtures.workspaces.find((w) => w.id === key.workspaceId)!.name,
    teams: fixtures.teams.filter((t) => key.teamIds.includes(t.id)).map(({ id, name }) => ({ id, name })),
  };
}

export function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** Checks parsed fixtures; `source` names the file in messages. */
export function checkFixtures(value: unknown, source: string, keyPattern: RegExp): Fixtures {
  if (!validateFixtures(value)) {
    const problems = (validateFixtures.errors ?? []).map((e) => {
      const at = e.instancePath.replace(/^\//, '').replace(/\/(\d+)/g, '[$1]').replace(/\//g, '.') || 'the top level';
      if (e.keyword === 'additionalProperties') return `${at} has an unknown field "${String(e.params.additionalProperty)}"`;
      if (e.keyword === 'required') return `${at} lacks "${String(e.params.missingProperty)}"`;
      return `${at} ${e.message}`;
    });
    throw new FixturesError(`${source}: ${[...new Set(problems)].slice(0, 3).join('; ')}`);
  }
  const fixtures = value as unknown as Fixtures;
  const workspaceIds = new Set(fixtures.workspaces.map((w) => w.id));
  const teamWorkspace = new Map(fixtures.teams.map((t) => [t.id, t.workspaceId]));
  const problems: string[] = [];
  fixtures.teams.forEach((team, i) => {
    if (!workspaceIds.has(team.workspaceId)) problems.push(`teams[${i}].workspaceId ${team.workspaceId} is not a workspace of the file`);
  });
  const seenKeys = new Set<string>();
  fixtures.apiKeys.forEach((key, i) => {
    if (!keyPattern.test(key.key)) problems.push(`apiKeys[${i}].key does not match ${keyPattern.source}`);
    if (seenKeys.has(key.key)) problems.push(`apiKeys[${i}].key appears twice`);
    seenKeys.add(key.key);
    if (!workspaceIds.has(key.workspaceId)) problems.push(`apiKeys[${i}].workspaceId ${key.workspaceId} is not a workspace of the file`);
    key.teamIds.forEach((teamId, j) => {
      if (teamWorkspace.get(teamId) !== key.workspaceId) {
        problems.push(`apiKeys[${i}].teamIds[${j}] ${teamId} is not a team of workspace ${key.workspaceId}`);
      }
    });
  });
  if (problems.length > 0) throw new FixturesError(`${source}: ${problems.slice(0, 3).join('; ')}`);
  return fixtures;
}

export function readFixtures(path: string | URL, keyPattern: RegExp): Fixtures {
  const source = path instanceof URL ? path.pathname : path;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new FixturesError(`cannot read fixtures file ${source}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new FixturesError(`${source} is not valid JSON: ${(error as Error).message}`);
  }
  return checkFixtures(value, source, keyPattern);
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
