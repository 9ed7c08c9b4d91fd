// What an operation may do inside a memory store's transaction
// (StoreTransaction), over the tables of tables.ts, with the semantics of
// the SQLite code it stands for: store/snippets.ts, store/variations.ts,
// store/groups.ts, access.ts (tombstones), idempotency.ts (stored answers)
// and server.ts (quota, unfiling). Answers are built fresh for each call,
// so that a caller changing one changes nothing stored.
//
// Each method that writes is one unit: if it throws (a constraint of the
// schema, a row that is not there), what it wrote so far is undone. SQLite
// undoes only the failing statement, so a call of several statements that
// fails halfway (snippets.create with a tag given twice) leaves its first
// ones there; the difference shows only to work that catches the error and
// goes on. A throw out of the work rolls back everything (memory-store.ts).
import { JsonText } from '../json-text.ts';
import { changedGroupRow, changedSnippetRow, changedVariationRow, newGroupRow, newSnippetRow, snippetOf, toHistoryEntry, toVariation, type Content, type FolderRow, type HistoryRow, type Snippet, type Variation, type VariationHistoryEntry, type VariationRow } from '../store/rows.ts';
import {
  DEFAULT_VARIATION_NAME,
  PURGE_BATCH,
  type GroupInput,
  type GroupStore,
  type NewSnippet,
  type ResourceKind,
  type SnippetChanges,
  type SnippetRead,
  type StoredAnswer,
  type StoreTransaction,
} from '../store/store.ts';
import { compareText } from './ordered.ts';
import { answerKey, foreignKeyFailed, uniqueFailed, type GroupTable, type SnippetRecord, type State } from './tables.ts';


/** SQLite's LIMIT: a negative one is no limit. */
function limitOf(max: number): number {
  return max < 0 ? Infinity : max;
}

/** from <= at <= to, in SQLite's order of text. */
function within(at: string, from: string, to: string): boolean {
  return compareText(at, from) >= 0 && compareText(at, to) <= 0;
}

export class MemoryTransaction implements StoreTransaction {
  private active = true;
  readonly snippets: StoreTransaction['snippets'];
  readonly variations: StoreTransaction['variations'];
  readonly folders: GroupStore;
  readonly tags: GroupStore;

  constructor(
    private readonly state: State,
    private readonly newId: () => string,
  ) {
    this.snippets = this.snippetStore();
    this.variations = this.variationStore();
    this.folders = this.groupStore(state.folders, 'folders');
    this.tags = this.groupStore(state.tags, 'tags');
  }

  /** The transaction is over: any later use throws rather than change state outside a transaction. */
  end(): void {
    this.active = false;
  }

  private use(): State {
    if (!this.active) throw new Error('this store transaction is over: use its StoreTransaction only inside its work, before that settles');
    return this.state;
  }

  /** A write, as one unit (see the header). */
  private write<T>(change: (state: State) => T): T {
    const state = this.use();
    return state.journal.atomic(() => change(state));
  }

  ownerTeam(kind: ResourceKind, id: string): string | undefined {
    const state = this.use();
    const table = kind === 'snippet' ? state.snippets : kind === 'folder' ? state.folders : state.tags;
    return table.get(id)?.team_id;
  }

  deletedFrom(kind: ResourceKind, id: string): string | undefined {
    const tombstone = this.use().tombstones.get(id);
    return tombstone?.kind === kind ? tombstone.team_id : undefined;
  }

  recordDeletion(kind: ResourceKind, id: string, teamId: string, at: string): void {
    // INSERT OR REPLACE: one tombstone per id, whatever its kind.
    this.write((state) => state.tombstones.put(id, { id, kind, team_id: teamId, deleted_at: at }));
  }

  spend(workspaceId: string, cost: number): number | undefined {
    return this.write((state) => {
      const workspace = state.workspaces.get(workspaceId);
      if (!workspace || !(workspace.remaining_requests >= cost)) return undefined;
      const remaining = workspace.remaining_requests - cost;
      state.workspaces.put(workspaceId, { ...workspace, remaining_requests: remaining });
      return remaining;
    });
  }

  remaining(workspaceId: string): number {
    const workspace = this.use().workspaces.get(workspaceId);
    if (!workspace) throw new Error(`no workspace ${workspaceId}`);
    return workspace.remaining_requests;
  }

  findAnswer(keyHash: string, key: string, since: string): StoredAnswer | undefined {
    const row = this.use().answers.get(answerKey(keyHash, key));
    if (!row || compareText(row.created_at, since) < 0) return undefined;
    return { requestHash: row.request_hash, teamIds: [...row.team_ids], status: row.status, body: row.body };
  }

  rememberAnswer(keyHash: string, key: string, answer: StoredAnswer, at: string, expiredBefore: string): void {
    this.write((state) => {
      // The oldest few expired answers, whoever stored them: bounded work (idempotency.ts).
      for (let purged = 0; purged < PURGE_BATCH; purged++) {
        const oldest = state.answersByAge.oldest();
        if (!oldest || compareText(oldest.at, expiredBefore) >= 0) break;
        state.answers.delete(oldest.key);
      }
      if (!state.keys.has(keyHash)) throw foreignKeyFailed(`stored answer: no API key ${keyHash}`);
      const id = answerKey(keyHash, key);
      const existing = state.answers.get(id);
      state.answers.put(id, {
        key_hash: keyHash,
        key,
        request_hash: answer.requestHash,
        team_ids: [...answer.teamIds],
        status: answer.status,
        body: answer.body,
        created_at: at,
        rowid: existing?.rowid ?? state.answerRowid.next(),
      });
    });
  }

  // Snippets ------------------------------------------------------------------------------------

  private snippetOf(state: State, row: SnippetRecord, variations?: Variation[]): Snippet {
    return snippetOf(row, [...row.tag_ids], variations ?? this.variationsOf(state, row.id));
  }

  private snippetById(state: State, id: string): Snippet | undefined {
    const row = state.snippets.get(id);
    return row && this.snippetOf(state, row);
  }

  private variationsOf(state: State, snippetId: string): Variation[] {
    return (state.variationsBySnippet.get(snippetId)?.toArray() ?? []).map(({ id }) => toVariation(state.variations.get(id)!));
  }

  /** The tag ids a snippet may be given: existing tags, each once (snippet_tags' foreign key and primary key). */
  private checkTags(state: State, snippetId: string, tagIds: readonly string[]): void {
    const seen = new Set<string>();
    for (const tagId of tagIds) {
      if (!state.tags.has(tagId)) throw foreignKeyFailed(`snippet ${snippetId}: no tag ${tagId}`);
      if (seen.has(tagId)) throw uniqueFailed(`snippet_tags.snippet_id, snippet_tags.tag_id (tag ${tagId} twice)`);
      seen.add(tagId);
    }
  }

  private checkFolder(state: State, snippetId: string, folderId: string | null): void {
    if (folderId !== null && !state.folders.has(folderId)) throw foreignKeyFailed(`snippet ${snippetId}: no folder ${folderId}`);
  }

  private snippetStore(): StoreTransaction['snippets'] {
    return {
      get: (id) => this.snippetById(this.use(), id),
      read: (id): SnippetRead | undefined => {
        const snippet = this.snippetById(this.use(), id);
        return (
          snippet && {
            teamId: snippet.teamId,
            data: JsonText.of(snippet),
            metadata: JsonText.of({ totalVariations: snippet.variations.length, tagsAttached: snippet.tagIds.length }),
          }
        );
      },
      inFolder: (folderId, after, max) => {
        const state = this.use();
        const page = state.snippetsByFolder.get(folderId)?.after({ at: after?.[0] ?? '', id: after?.[1] ?? '' }, limitOf(max)) ?? [];
        return page.map(({ id }) => this.snippetOf(state, state.snippets.get(id)!));
      },
      withTag: (tagId, after, max) => {
        const state = this.use();
        const page = state.snippetsByTag.get(tagId)?.after(after ?? '', limitOf(max)) ?? [];
        return page.map((id) => this.snippetOf(state, state.snippets.get(id)!));
      },
      create: (input: NewSnippet, at) =>
        this.write((state) => {
          const id = input.id ?? this.newId();
          if (state.snippets.has(id)) throw uniqueFailed(`snippets.id ${id}`);
          if (!state.teams.has(input.teamId)) throw foreignKeyFailed(`snippet ${id}: no team ${input.teamId}`);
          const folderId = input.folderId ?? null;
          this.checkFolder(state, id, folderId);
          const tagIds = input.tagIds ?? [];
          this.checkTags(state, id, tagIds);
          const row: SnippetRecord = { ...newSnippetRow(id, input, at), tag_ids: [...tagIds] };
          state.snippets.put(id, row);
          const ids = input.variationIds ?? [];
          const created = [this.createVariation(state, id, DEFAULT_VARIATION_NAME, input.content, at, ids[0])];
          for (const [i, extra] of (input.additionalVariations ?? []).entries()) created.push(this.createVariation(state, id, extra.variationName, extra.content, at, ids[i + 1]));
          return this.snippetOf(state, row, created);
        }),
      update: (id, changes: SnippetChanges, at) =>
        this.write((state) => {
          const row = state.snippets.get(id);
          if (!row) throw new Error(`no snippet ${id} to update`);
          const next = changedSnippetRow(row, changes, at);
          this.checkFolder(state, id, next.folder_id);
          if (changes.tagIds) {
            this.checkTags(state, id, changes.tagIds);
            next.tag_ids = [...changes.tagIds];
          }
          state.snippets.put(id, next);
          return this.snippetOf(state, next);
        }),
      remove: (id, at) =>
        this.write((state) => {
          const row = state.snippets.get(id);
          if (!row) return;
          // Every variation recorded as deleted, in order; then the snippet, its variations and tag links (ON DELETE CASCADE).
          const variationIds = (state.variationsBySnippet.get(id)?.toArray() ?? []).map((v) => v.id);
          for (const variationId of variationIds) this.record(state, state.variations.get(variationId)!, 'deleted', at);
          for (const variationId of variationIds) state.variations.delete(variationId);
          state.snippets.delete(id);
        }),
      unfile: (folderId, at) =>
        this.write((state) => {
          const filed = state.snippetsByFolder.get(folderId)?.toArray() ?? [];
          for (const { id } of filed) state.snippets.put(id, { ...state.snippets.get(id)!, folder_id: null, updated_at: at });
          return filed.length;
        }),
    };
  }

  // Variations ----------------------------------------------------------------------------------

  /** A history record of a variation's change, with the team its snippet has now. */
  private record(state: State, row: VariationRow, change: HistoryRow['change'], at: string): void {
    const snippet = state.snippets.get(row.snippet_id);
    if (!snippet) throw new Error(`no snippet ${row.snippet_id} for the history of variation ${row.id}`);
    const seq = state.seq.next();
    const id = this.newId();
    if (state.historyIds.has(id)) throw uniqueFailed(`variation_history.id ${id}`);
    state.history.put(String(seq), {
      seq,
      id,
      variation_id: row.id,
      snippet_id: row.snippet_id,
      team_id: snippet.team_id,
      change,
      name: row.name,
      content_type: row.content_type,
      content: row.content,
      recorded_at: at,
    });
  }

  private createVariation(state: State, snippetId: string, name: string, content: Content, at: string, fixedId?: string): Variation {
    const id = fixedId ?? this.newId();
    if (state.variations.has(id)) throw uniqueFailed(`variations.id ${id}`);
    if (!state.snippets.has(snippetId)) throw foreignKeyFailed(`variation ${id}: no snippet ${snippetId}`);
    const last = state.variationsBySnippet.get(snippetId)?.last();
    const row: VariationRow = {
      id,
      snippet_id: snippetId,
      name,
      content_type: content.type,
      content: content.content,
      order_index: last === undefined ? 0 : last.order + 1,
      created_at: at,
      updated_at: at,
    };
    state.variations.put(id, row);
    this.record(state, row, 'created', at);
    return toVariation(row);
  }

  private variationStore(): StoreTransaction['variations'] {
    return {
      ofSnippet: (snippetId) => this.variationsOf(this.use(), snippetId),
      countOf: (snippetId) => this.use().variationsBySnippet.get(snippetId)?.size ?? 0,
      row: (id) => {
        const row = this.use().variations.get(id);
        return row && { ...row };
      },
      create: (snippetId, name, content, at, id) => this.write((state) => this.createVariation(state, snippetId, name, content, at, id)),
      update: (row, changes, at) =>
        this.write((state) => {
          const next = changedVariationRow(row, changes, at);
          // As the UPDATE: these four columns of the stored row, if it is there; the record is written either way.
          const stored = state.variations.get(row.id);
          if (stored) {
            state.variations.put(row.id, { ...stored, name: next.name, content_type: next.content_type, content: next.content, updated_at: at });
          }
          this.record(state, next, 'updated', at);
          return toVariation(next);
        }),
      remove: (row, at) =>
        this.write((state) => {
          this.record(state, row, 'deleted', at);
          state.variations.delete(row.id);
        }),
      formerOwner: (variationId) => {
        const state = this.use();
        const newest = state.historyByVariation.get(variationId)?.last();
        const record = newest === undefined ? undefined : state.history.get(String(newest));
        return record && { teamId: record.team_id, snippetId: record.snippet_id };
      },
      history: (variationId, from, to, beforeSeq, max) => {
        const state = this.use();
        const seqs = state.historyByVariation.get(variationId);
        const out: Array<{ seq: number; entry: VariationHistoryEntry }> = [];
        if (!seqs) return out;
        const limit = limitOf(max);
        for (const seq of seqs.backFrom((seq) => seq < beforeSeq)) {
          if (out.length >= limit) break;
          const record = state.history.get(String(seq))!;
          if (within(record.recorded_at, from, to)) out.push({ seq, entry: toHistoryEntry(record) });
        }
        return out;
      },
      historyCount: (variationId, from, to) => {
        const state = this.use();
        let count = 0;
        for (const seq of state.historyByVariation.get(variationId) ?? []) {
          const { recorded_at } = state.history.get(String(seq))!;
          if (within(recorded_at, from, to)) count++;
        }
        return count;
      },
    };
  }

  // Folders and tags ----------------------------------------------------------------------------

  private groupStore(table: GroupTable, name: 'folders' | 'tags'): GroupStore {
    const checkParent = (id: string, parentId: string | null) => {
      if (parentId !== null && !table.has(parentId)) throw foreignKeyFailed(`${name} ${id}: no parent ${parentId}`);
    };
    return {
      row: (id) => {
        this.use();
        const row = table.get(id);
        return row && { ...row };
      },
      ofTeam: (teamId, after, max) => {
        this.use();
        const page = table.byTeam.get(teamId)?.after({ at: after?.[0] ?? '', id: after?.[1] ?? '' }, limitOf(max)) ?? [];
        return page.map(({ id }) => ({ ...table.get(id)! }));
      },
      isSelfOrDescendant: (id, candidate) => {
        this.use();
        // Up from the candidate through its parents; at most as many steps as there are groups (a cycle ends the walk).
        let steps = 0;
        for (let at: string | null | undefined = candidate; at; at = table.get(at)?.parent_id) {
          if (at === id) return true;
          if (++steps > table.size) break;
        }
        return false;
      },
      create: (teamId, input, at) =>
        this.write((state) => {
          const id = input.id ?? this.newId();
          if (table.has(id)) throw uniqueFailed(`${name}.id ${id}`);
          if (!state.teams.has(teamId)) throw foreignKeyFailed(`${name} ${id}: no team ${teamId}`);
          const row = newGroupRow(id, teamId, input, at);
          checkParent(id, row.parent_id);
          table.put(id, row);
          return { ...row };
        }),
      update: (id, changes: GroupInput, at) =>
        this.write(() => {
          const row = table.get(id);
          if (!row) throw new Error(`no ${name} row ${id} to update`);
          const next = changedGroupRow(row, changes, at);
          checkParent(id, next.parent_id);
          table.put(id, next);
          return { ...next };
        }),
      remove: (id, at) =>
        this.write((state) => {
          const row = table.get(id);
          if (!row) throw new Error(`no ${name} row ${id} to remove`);
          const children = [...(table.byParent.get(id) ?? [])];
          for (const childId of children) table.put(childId, { ...table.get(childId)!, parent_id: row.parent_id, updated_at: at });
          if (name === 'tags') {
            // snippet_tags rows go with the tag (ON DELETE CASCADE); the snippets themselves are not touched.
            for (const snippetId of state.snippetsByTag.get(id)?.toArray() ?? []) {
              const snippet = state.snippets.get(snippetId)!;
              state.snippets.put(snippetId, { ...snippet, tag_ids: snippet.tag_ids.filter((tagId) => tagId !== id) });
            }
          } else if (state.snippetsByFolder.get(id)) {
            // snippets.folder_id has no ON DELETE: a folder still holding snippets cannot go (unfile them first).
            throw foreignKeyFailed(`folder ${id} still holds snippets`);
          }
          table.delete(id);
          return children.length;
        }),
    };
  }
}
