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
// Bounded in bytes (store/kept-reads.ts).
import type { Db } from './database.ts';
import type { SnippetRead } from '../store/store.ts';
import { KeptReads } from '../store/kept-reads.ts';

export type { SnippetRead };
export { keptSize, MAX_KEPT_READ_BYTES, READ_CACHE_BUDGET_BYTES } from '../store/kept-reads.ts';

export class SnippetReadCache {
  private readonly entries = new KeptReads();
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
    if (read && this.keeping) this.entries.keep(id, read);
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
    return this.entries.bytes;
  }

  private clear(): void {
    this.entries.clear();
  }
}
