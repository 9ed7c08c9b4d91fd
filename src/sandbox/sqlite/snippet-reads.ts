// getSnippet's answers kept in memory, already serialized: a repeated read
// skips the SQLite read, the row conversion and JSON.stringify. Only `data`
// and `metadata` are kept; `usage` is the quota of the moment and is written
// into each answer.
//
// Only committed state is ever kept. Every read runs inside a group's
// transaction (group-commit.ts), which may still fail at COMMIT (a full disk)
// and roll back writes that reads of the same group have seen. So:
// - every operation that is not read-only calls beforeWrite() before it
//   runs (server.ts), whatever it writes: that empties the cache, and nothing
//   read later in the same group is kept (it may show the write);
// - beginGroup() starts each group's transaction: until the group's first
//   write, what a read sees is the state the last transaction left committed
//   (read-only operations write nothing but the quota, which is not kept), and
//   still is after a failed COMMIT rolls this group back.
// A commit by another connection to the same database file (another sandbox
// process) changes PRAGMA data_version, which empties the cache too.
//
// Bounded in bytes: entries are counted by the size of their text, and the
// oldest kept go first (a Map iterates in insertion order).
import type { Db } from './database.ts';
import type { SnippetRead } from '../store/store.ts';

export type { SnippetRead };

/**
 * What all kept reads may take, in bytes. A snippet as large as one request
 * can create (variations of up to 50,000 characters in a 1 MiB body) reads as
 * about 1 MB of JSON, 2 MB counted: this keeps a few dozen of those, or tens
 * of thousands of ordinary ones, enough for any test or demo, at a cost small
 * next to a server's memory.
 */
export const READ_CACHE_BUDGET_BYTES = 64 * 1024 * 1024;
/** A read larger than this is answered but not kept: one read may not push out most of the others. */
export const MAX_KEPT_READ_BYTES = READ_CACHE_BUDGET_BYTES / 8;
/** Memory of an entry besides its strings (Map slot, objects, string headers): an estimate on the safe side. */
const ENTRY_OVERHEAD_BYTES = 256;

/** What a kept read takes: two bytes per UTF-16 code unit (V8 stores one or two), plus the overhead. */
export function keptSize(id: string, read: SnippetRead): number {
  return 2 * (id.length + read.teamId.length + read.data.text.length + read.metadata.text.length) + ENTRY_OVERHEAD_BYTES;
}

export class SnippetReadCache {
  private readonly entries = new Map<string, SnippetRead>();
  private size = 0;
  /** Whether what is read now is committed state; false from a write to the end of its group. */
  private keeping = true;
  private readonly dataVersion;
  private version: unknown;

  constructor(db: Db) {
    this.dataVersion = db.prepare<[], number>('PRAGMA data_version').pluck();
    this.version = this.dataVersion.get();
  }

  /** The kept read of `id`, or `load`'s (kept when found and it is committed state). */
  get(id: string, load: (id: string) => SnippetRead | undefined): SnippetRead | undefined {
    const version = this.dataVersion.get();
    if (version !== this.version) {
      this.clear();
      this.version = version;
    }
    const kept = this.entries.get(id);
    if (kept) return kept;
    const read = load(id);
    if (read && this.keeping) this.keep(id, read);
    return read;
  }

  /** A group's transaction begins: the database holds committed state only. */
  beginGroup(): void {
    this.keeping = true;
  }

  /** An operation that may write is about to run: nothing kept holds, nor does anything read until the next group. */
  beforeWrite(): void {
    this.clear();
    this.keeping = false;
  }

  /** Bytes the kept reads take, as counted by keptSize(); at most READ_CACHE_BUDGET_BYTES. */
  get bytes(): number {
    return this.size;
  }

  private keep(id: string, read: SnippetRead): void {
    const size = keptSize(id, read);
    if (size > MAX_KEPT_READ_BYTES) return;
    // Oldest out until it fits: each entry is deleted at most once after its insertion, so amortised constant time.
    if (this.size + size > READ_CACHE_BUDGET_BYTES) {
      for (const [oldId, old] of this.entries) {
        this.entries.delete(oldId);
        this.size -= keptSize(oldId, old);
        if (this.size + size <= READ_CACHE_BUDGET_BYTES) break;
      }
    }
    this.entries.set(id, read);
    this.size += size;
  }

  private clear(): void {
    this.entries.clear();
    this.size = 0;
  }
}
