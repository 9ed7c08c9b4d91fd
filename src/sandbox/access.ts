// Ownership rules, in one place: which teams a key may use, and how an id of
// a snippet, folder or tag is resolved for it. A resource of another
// workspace is answered exactly like one that does not exist.
import type { ErrorCode } from '../../generated/error-catalog.js';
import type Database from 'better-sqlite3';
import type { Db } from './database.ts';
import { ApiError } from './errors.ts';
import type { Principal } from './principal.ts';

export type ResourceKind = 'snippet' | 'folder' | 'tag';

const TABLE: Record<ResourceKind, string> = { snippet: 'snippets', folder: 'folders', tag: 'tags' };
const NOT_FOUND: Record<ResourceKind, ErrorCode> = {
  snippet: 'SNIPPET_NOT_FOUND',
  folder: 'FOLDER_NOT_FOUND',
  tag: 'TAG_NOT_FOUND',
};
const NAME: Record<ResourceKind, string> = { snippet: 'Snippet', folder: 'Folder', tag: 'Tag' };

export function notFound(kind: ResourceKind): ApiError {
  return new ApiError(NOT_FOUND[kind], `${NAME[kind]} not found`);
}

type Statement<P extends unknown[], R> = Database.Statement<P, R>;

export interface AccessStatements {
  /**
   * Team id -> workspace id: teams come from the fixtures and do not change
   * while the sandbox runs. Removed teams are left out: their data answers
   * like another workspace's, not found.
   */
  workspaceOfTeam: Map<string, string>;
  tombstone: Statement<[string, string], { team_id: string }>;
  insertTombstone: Statement<unknown[], unknown>;
  ownerTeam: Record<ResourceKind, Statement<[string], { team_id: string }>>;
}

/** The statements Access uses, prepared once per database. */
export function prepareAccessStatements(db: Db): AccessStatements {
  const owner = (kind: ResourceKind) => db.prepare<[string], { team_id: string }>(`SELECT team_id FROM ${TABLE[kind]} WHERE id = ?`);
  return {
    workspaceOfTeam: new Map(
      db.prepare<[], { id: string; workspace_id: string }>('SELECT id, workspace_id FROM teams WHERE removed = 0').all().map((t) => [t.id, t.workspace_id]),
    ),
    tombstone: db.prepare<[string, string], { team_id: string }>('SELECT team_id FROM tombstones WHERE id = ? AND kind = ?'),
    insertTombstone: db.prepare('INSERT OR REPLACE INTO tombstones (id, kind, team_id, deleted_at) VALUES (?, ?, ?, ?)'),
    ownerTeam: { snippet: owner('snippet'), folder: owner('folder'), tag: owner('tag') },
  };
}

export class Access {
  /** Every team this request was allowed to use: what a replay of its answer needs again (idempotency.ts). */
  readonly granted = new Set<string>();

  constructor(
    private readonly sql: AccessStatements,
    readonly principal: Principal,
    /** Called for each refusal that counts as an invalid attempt. */
    private readonly onInvalidAttempt: () => void,
  ) {}

  private inWorkspace(teamId: string): boolean {
    return this.sql.workspaceOfTeam.get(teamId) === this.principal.workspaceId;
  }

  /** The teams the key may use, optionally narrowed to one (checked like any team in a request). */
  teams(only?: string): string[] {
    if (only !== undefined) {
      this.requireTeam(only);
      return [only];
    }
    for (const teamId of this.principal.teamIds) this.granted.add(teamId);
    return [...this.principal.teamIds];
  }

  /** A team named in a request: the key's own, or a 403 that says why not. */
  requireTeam(teamId: string): void {
    if (this.principal.teamIds.has(teamId)) {
      this.granted.add(teamId);
      return;
    }
    if (!this.inWorkspace(teamId)) {
      // Unknown teams and teams of other workspaces get the same answer.
      throw new ApiError('WORKSPACE_MISMATCH', "The team is not in this API key's workspace");
    }
    this.onInvalidAttempt();
    throw new ApiError('TEAM_ACCESS_DENIED', 'API key does not have access to this team');
  }

  /** The owning team of a resource the key may use; otherwise not found, deleted, or no access. */
  resolve(kind: ResourceKind, id: string): string {
    const row = this.sql.ownerTeam[kind].get(id);
    if (row) {
      if (!this.inWorkspace(row.team_id)) throw notFound(kind);
      this.requireTeam(row.team_id);
      return row.team_id;
    }
    const deleted = this.sql.tombstone.get(id, kind);
    if (deleted && this.inWorkspace(deleted.team_id)) throw new ApiError('RESOURCE_DELETED', `This ${kind} was deleted`);
    throw notFound(kind);
  }

  /** `resolve` for a resource already read (`teamId` undefined when it was not found): no second lookup when it is the key's. */
  requireOwner(kind: ResourceKind, id: string, teamId: string | undefined): void {
    if (teamId !== undefined && this.inWorkspace(teamId)) return this.requireTeam(teamId);
    this.resolve(kind, id);
  }

  /** Like `resolve`, for a resource that must also be in `teamId` (a folder or tag given with a snippet). */
  resolveInTeam(kind: ResourceKind, id: string, teamId: string): void {
    const row = this.sql.ownerTeam[kind].get(id);
    if (!row || row.team_id !== teamId) throw notFound(kind);
  }

  /** Classifies ids for batch reads and deletes without failing: usable, in a team the key lacks, or missing. */
  classify(kind: ResourceKind, ids: string[]): { usable: string[]; inaccessible: string[]; missing: string[] } {
    const result = { usable: [] as string[], inaccessible: [] as string[], missing: [] as string[] };
    for (const id of ids) {
      const row = this.sql.ownerTeam[kind].get(id);
      if (!row || !this.inWorkspace(row.team_id)) result.missing.push(id);
      else if (!this.principal.teamIds.has(row.team_id)) result.inaccessible.push(id);
      else {
        this.granted.add(row.team_id);
        result.usable.push(id);
      }
    }
    return result;
  }

  recordDeletion(kind: ResourceKind, id: string, teamId: string, at: string): void {
    this.sql.insertTombstone.run(id, kind, teamId, at);
  }
}
