// The in-memory store's state: one table per table of the SQLite schema
// (database.ts), rows in the same columns, and the secondary indexes that
// let every call read only what it needs (a folder's snippets, a team's
// groups, a variation's history ...), kept up to date by the tables
// themselves on every change, including the changes a rollback makes.
//
// Rows are never changed in place: a change puts a new row object, and the
// replaced one is what the undo log keeps (undo-log.ts). A key's teams and
// a snippet's tags are kept in their row (api_key_teams and snippet_tags in
// SQLite), in their order; so are an answer's teams.
import type { FolderRow, HistoryRow, SnippetRow, VariationRow } from '../store/rows.ts';
import type { ResourceKind } from '../store/store.ts';
import { AgeQueue, compareStamps, compareText, ListIndex, SetIndex, type Stamp } from './ordered.ts';
import type { Journal, Undoable } from './undo-log.ts';

export interface WorkspaceRow {
  id: string;
  name: string;
  subscription: 'active' | 'inactive';
  remaining_requests: number;
}

export interface TeamRow {
  id: string;
  workspace_id: string;
  name: string;
  removed: boolean;
}

export interface KeyRow {
  key_hash: string;
  workspace_id: string;
  status: 'active' | 'inactive' | 'deleted';
  expires_at: string | null;
  rate_limit_per_minute: number | null;
  /** api_key_teams, in the order the fixtures gave them. */
  team_ids: readonly string[];
}

export interface SnippetRecord extends SnippetRow {
  /** snippet_tags, by position. */
  tag_ids: readonly string[];
}

export interface HistoryRecord extends HistoryRow {
  seq: number;
}

export interface TombstoneRow {
  id: string;
  kind: ResourceKind;
  team_id: string;
  deleted_at: string;
}

export interface AnswerRow {
  key_hash: string;
  key: string;
  request_hash: string;
  team_ids: readonly string[];
  status: number;
  body: string;
  created_at: string;
  /** Insertion order, kept by an update: SQLite's rowid, which orders answers of the same age. */
  rowid: number;
}

/** A constraint of the SQLite schema that a change would break; the change is not made. */
export class ConstraintError extends Error {
  override name = 'ConstraintError';
}

export function foreignKeyFailed(what: string): ConstraintError {
  return new ConstraintError(`FOREIGN KEY constraint failed: ${what}`);
}

export function uniqueFailed(what: string): ConstraintError {
  return new ConstraintError(`UNIQUE constraint failed: ${what}`);
}

export function checkFailed(what: string): ConstraintError {
  return new ConstraintError(`CHECK constraint failed: ${what}`);
}

type ChangeHook<Row> = (before: Row | undefined, after: Row | undefined) => void;

/** Rows by primary key; every change is logged for undo and passed to the indexes. */
export class Table<Row> implements Undoable<Row> {
  private readonly rows = new Map<string, Row>();

  constructor(
    private readonly journal: Journal,
    private readonly onChange: ChangeHook<Row> = () => {},
  ) {}

  get size(): number {
    return this.rows.size;
  }

  get(key: string): Row | undefined {
    return this.rows.get(key);
  }

  has(key: string): boolean {
    return this.rows.has(key);
  }

  /** Every row, in insertion order (a row put again keeps its place). */
  values(): IterableIterator<Row> {
    return this.rows.values();
  }

  put(key: string, row: Row): void {
    const before = this.rows.get(key);
    this.journal.log?.record(this, key, before);
    this.apply(key, before, row);
  }

  delete(key: string): boolean {
    const before = this.rows.get(key);
    if (before === undefined) return false;
    this.journal.log?.record(this, key, before);
    this.apply(key, before, undefined);
    return true;
  }

  revert(key: string, before: Row | undefined): void {
    this.apply(key, this.rows.get(key), before);
  }

  private apply(key: string, before: Row | undefined, after: Row | undefined): void {
    if (after === undefined) this.rows.delete(key);
    else this.rows.set(key, after);
    this.onChange(before, after);
  }
}

/** A number that only grows (AUTOINCREMENT's sqlite_sequence, the next rowid), logged for undo like a row. */
export class Counter implements Undoable<number> {
  constructor(
    private readonly journal: Journal,
    public value = 0,
  ) {}

  /** The next number, now taken. */
  next(): number {
    this.journal.log?.record(this, '', this.value);
    return ++this.value;
  }

  revert(_key: string, before: number | undefined): void {
    this.value = before ?? 0;
  }
}

/** A folders or tags table with its indexes: by team in (created_at, id) order, and by parent. */
export class GroupTable extends Table<FolderRow> {
  readonly byTeam: ListIndex<Stamp>;
  readonly byParent: SetIndex;

  constructor(journal: Journal, onChange?: ChangeHook<FolderRow>) {
    const byTeam = new ListIndex<Stamp>(compareStamps);
    const byParent = new SetIndex();
    super(journal, (before, after) => {
      if (before) {
        byTeam.remove(before.team_id, stampOf(before));
        if (before.parent_id !== null) byParent.remove(before.parent_id, before.id);
      }
      if (after) {
        byTeam.add(after.team_id, stampOf(after));
        if (after.parent_id !== null) byParent.add(after.parent_id, after.id);
      }
      onChange?.(before, after);
    });
    this.byTeam = byTeam;
    this.byParent = byParent;
  }
}

function stampOf(row: { id: string; created_at: string }): Stamp {
  return { at: row.created_at, id: row.id };
}

/** An answer's primary key (key_hash, key) as one string: a hash is hex, so the first ':' ends it. */
export function answerKey(keyHash: string, key: string): string {
  return `${keyHash}:${key}`;
}

/** Everything a memory store holds, as plain data: what a snapshot's `state` is. */
export interface MemoryState {
  format: 1;
  workspaces: WorkspaceRow[];
  /** In insertion order, which is the order teamWorkspaces() gives (SQLite's rowid order). */
  teams: TeamRow[];
  keys: KeyRow[];
  folders: FolderRow[];
  tags: FolderRow[];
  snippets: SnippetRecord[];
  variations: VariationRow[];
  history: HistoryRecord[];
  tombstones: TombstoneRow[];
  answers: AnswerRow[];
  /** The last history seq given (sqlite_sequence), and the last answer rowid. */
  lastSeq: number;
  lastAnswerRowid: number;
}

/** The tables and their indexes. */
export class State {
  readonly journal: Journal;
  readonly workspaces: Table<WorkspaceRow>;
  readonly teams: Table<TeamRow>;
  readonly keys: Table<KeyRow>;
  readonly folders: GroupTable;
  readonly tags: GroupTable;
  readonly snippets: Table<SnippetRecord>;
  readonly variations: Table<VariationRow>;
  readonly history: Table<HistoryRecord>;
  readonly tombstones: Table<TombstoneRow>;
  readonly answers: Table<AnswerRow>;
  readonly seq: Counter;
  readonly answerRowid: Counter;

  /** Snippets of each folder, in (created_at, id) order. */
  readonly snippetsByFolder = new ListIndex<Stamp>(compareStamps);
  /** Snippet ids of each tag, in id order. */
  readonly snippetsByTag = new ListIndex<string>(compareText);
  /** Variations of each snippet, in order_index order. */
  readonly variationsBySnippet = new ListIndex<{ order: number; id: string }>((a, b) => a.order - b.order || compareText(a.id, b.id));
  /** History seqs of each variation, ascending. */
  readonly historyByVariation = new ListIndex<number>((a, b) => a - b);
  /** History record ids (a UNIQUE column) -> seq. */
  readonly historyIds = new Map<string, number>();
  /** Answer keys of each API key. */
  readonly answersByKey = new SetIndex();
  /** Answers by age, oldest first. */
  readonly answersByAge = new AgeQueue();

  constructor(journal: Journal) {
    this.journal = journal;
    this.workspaces = new Table(journal);
    this.teams = new Table(journal);
    this.keys = new Table(journal);
    this.folders = new GroupTable(journal);
    this.tags = new GroupTable(journal);
    this.snippets = new Table<SnippetRecord>(journal, (before, after) => {
      if (before?.folder_id !== after?.folder_id) {
        if (before?.folder_id) this.snippetsByFolder.remove(before.folder_id, stampOf(before));
        if (after?.folder_id) this.snippetsByFolder.add(after.folder_id, stampOf(after));
      }
      if (before?.tag_ids !== after?.tag_ids) {
        const kept = new Set(after?.tag_ids);
        const had = new Set(before?.tag_ids);
        for (const tagId of had) if (!kept.has(tagId)) this.snippetsByTag.remove(tagId, before!.id);
        for (const tagId of kept) if (!had.has(tagId)) this.snippetsByTag.add(tagId, after!.id);
      }
    });
    this.variations = new Table<VariationRow>(journal, (before, after) => {
      if (before) this.variationsBySnippet.remove(before.snippet_id, { order: before.order_index, id: before.id });
      if (after) this.variationsBySnippet.add(after.snippet_id, { order: after.order_index, id: after.id });
    });
    this.history = new Table<HistoryRecord>(journal, (before, after) => {
      if (before) {
        this.historyByVariation.remove(before.variation_id, before.seq);
        this.historyIds.delete(before.id);
      }
      if (after) {
        this.historyByVariation.add(after.variation_id, after.seq);
        this.historyIds.set(after.id, after.seq);
      }
    });
    this.tombstones = new Table(journal);
    this.answers = new Table<AnswerRow>(journal, (before, after) => {
      if (before) {
        const key = answerKey(before.key_hash, before.key);
        this.answersByKey.remove(before.key_hash, key);
        this.answersByAge.remove(key);
      }
      if (after) {
        const key = answerKey(after.key_hash, after.key);
        this.answersByKey.add(after.key_hash, key);
        this.answersByAge.insert({ key, at: after.created_at, rowid: after.rowid });
      }
    });
    this.seq = new Counter(journal);
    this.answerRowid = new Counter(journal);
  }

  /** The state as plain data, copied: later changes do not reach it. Rows sorted by primary key, teams in their order. */
  toPlain(): MemoryState {
    const byKey = <Row>(rows: Iterable<Row>, key: (row: Row) => string): Row[] =>
      [...rows].sort((a, b) => compareText(key(a), key(b)));
    return structuredClone({
      format: 1,
      workspaces: byKey(this.workspaces.values(), (w) => w.id),
      teams: [...this.teams.values()],
      keys: byKey(this.keys.values(), (k) => k.key_hash),
      folders: byKey(this.folders.values(), (f) => f.id),
      tags: byKey(this.tags.values(), (t) => t.id),
      snippets: byKey(this.snippets.values(), (s) => s.id),
      variations: byKey(this.variations.values(), (v) => v.id),
      history: [...this.history.values()].sort((a, b) => a.seq - b.seq),
      tombstones: byKey(this.tombstones.values(), (t) => t.id),
      answers: byKey(this.answers.values(), (a) => answerKey(a.key_hash, a.key)),
      lastSeq: this.seq.value,
      lastAnswerRowid: this.answerRowid.value,
    } satisfies MemoryState);
  }

  /** A state holding a copy of `plain` (checked to be a memory store's state), with its indexes built. */
  static fromPlain(plain: unknown, journal: Journal): State {
    const data = structuredClone(checkPlain(plain));
    const state = new State(journal);
    for (const row of data.workspaces) state.workspaces.put(row.id, row);
    for (const row of data.teams) state.teams.put(row.id, row);
    for (const row of data.keys) state.keys.put(row.key_hash, row);
    for (const row of data.folders) state.folders.put(row.id, row);
    for (const row of data.tags) state.tags.put(row.id, row);
    for (const row of data.snippets) state.snippets.put(row.id, row);
    for (const row of data.variations) state.variations.put(row.id, row);
    for (const row of data.history) state.history.put(String(row.seq), row);
    for (const row of data.tombstones) state.tombstones.put(row.id, row);
    for (const row of data.answers) state.answers.put(answerKey(row.key_hash, row.key), row);
    state.seq.value = data.lastSeq;
    state.answerRowid.value = data.lastAnswerRowid;
    return state;
  }
}

const TABLES = ['workspaces', 'teams', 'keys', 'folders', 'tags', 'snippets', 'variations', 'history', 'tombstones', 'answers'] as const;

/** The shape of a memory store's state, checked on its surface (its tables and counters), not row by row. */
function checkPlain(plain: unknown): MemoryState {
  const value = plain as Partial<Record<string, unknown>> | null;
  const problem =
    typeof value !== 'object' || value === null
      ? 'it is not an object'
      : value.format !== 1
        ? `its format is ${JSON.stringify(value.format)}, not 1`
        : TABLES.find((table) => !Array.isArray(value[table])) !== undefined
          ? `it has no ${TABLES.find((table) => !Array.isArray(value[table]))} array`
          : !Number.isSafeInteger(value.lastSeq) || !Number.isSafeInteger(value.lastAnswerRowid)
            ? 'its counters are not integers'
            : undefined;
  if (problem !== undefined) throw new Error(`not the state of a memory store snapshot: ${problem}`);
  return value as unknown as MemoryState;
}
