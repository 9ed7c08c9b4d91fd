// Ownership rules, in one place: which teams a key may use, and how an id of
// a snippet, folder or tag is resolved for it. A resource of another
// workspace is answered exactly like one that does not exist.
import type { ErrorCode } from '../../generated/error-catalog.js';
import { ApiError } from './errors.ts';
import type { Principal } from './principal.ts';
import type { ResourceKind, StoreTransaction } from './store/store.ts';

export type { ResourceKind };

const NOT_FOUND: Record<ResourceKind, ErrorCode> = {
  snippet: 'SNIPPET_NOT_FOUND',
  folder: 'FOLDER_NOT_FOUND',
  tag: 'TAG_NOT_FOUND',
};
const NAME: Record<ResourceKind, string> = { snippet: 'Snippet', folder: 'Folder', tag: 'Tag' };

export function notFound(kind: ResourceKind): ApiError {
  return new ApiError(NOT_FOUND[kind], `${NAME[kind]} not found`);
}

export class Access {
  /** Every team this request was allowed to use: what a replay of its answer needs again (idempotency.ts). */
  readonly granted = new Set<string>();

  constructor(
    private readonly tx: StoreTransaction,
    /**
     * Team id -> workspace id: teams come from the fixtures and change only
     * with a reset. Removed teams are left out: their data answers like
     * another workspace's, not found.
     */
    private readonly workspaceOfTeam: ReadonlyMap<string, string>,
    readonly principal: Principal,
    /** Called for each refusal that counts as an invalid attempt. */
    private readonly onInvalidAttempt: () => void,
  ) {}

  private inWorkspace(teamId: string): boolean {
    return this.workspaceOfTeam.get(teamId) === this.principal.workspaceId;
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
  async resolve(kind: ResourceKind, id: string): Promise<string> {
    const teamId = await this.tx.ownerTeam(kind, id);
    if (teamId !== undefined) {
      if (!this.inWorkspace(teamId)) throw notFound(kind);
      this.requireTeam(teamId);
      return teamId;
    }
    const deletedFrom = await this.tx.deletedFrom(kind, id);
    if (deletedFrom !== undefined && this.inWorkspace(deletedFrom)) throw new ApiError('RESOURCE_DELETED', `This ${kind} was deleted`);
    throw notFound(kind);
  }

  /** `resolve` for a resource already read (`teamId` undefined when it was not found): no second lookup when it is the key's. */
  async requireOwner(kind: ResourceKind, id: string, teamId: string | undefined): Promise<void> {
    if (teamId !== undefined && this.inWorkspace(teamId)) return this.requireTeam(teamId);
    await this.resolve(kind, id);
  }

  /** Like `resolve`, for a resource that must also be in `teamId` (a folder or tag given with a snippet). */
  async resolveInTeam(kind: ResourceKind, id: string, teamId: string): Promise<void> {
    if ((await this.tx.ownerTeam(kind, id)) !== teamId) throw notFound(kind);
  }

  /** Classifies ids for batch reads and deletes without failing: usable, in a team the key lacks, or missing. */
  async classify(kind: ResourceKind, ids: string[]): Promise<{ usable: string[]; inaccessible: string[]; missing: string[] }> {
    const result = { usable: [] as string[], inaccessible: [] as string[], missing: [] as string[] };
    for (const id of ids) {
      const teamId = await this.tx.ownerTeam(kind, id);
      if (teamId === undefined || !this.inWorkspace(teamId)) result.missing.push(id);
      else if (!this.principal.teamIds.has(teamId)) result.inaccessible.push(id);
      else {
        this.granted.add(teamId);
        result.usable.push(id);
      }
    }
    return result;
  }

  async recordDeletion(kind: ResourceKind, id: string, teamId: string, at: string): Promise<void> {
    await this.tx.recordDeletion(kind, id, teamId, at);
  }
}
