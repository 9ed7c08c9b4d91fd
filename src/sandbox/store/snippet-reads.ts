// getSnippet's answers kept in memory, already serialized: a repeated read
// skips the SQLite read, the row conversion and JSON.stringify. Only `data`
// and `metadata` are kept; `usage` is the quota of the moment and is written
// into each answer.
//
// Correctness rests on when the cache is emptied, not on which writes touch
// which snippet: every operation that is not read-only empties all of it
// before it runs (server.ts), whatever it writes. A commit by another
// connection to the same database file (another sandbox process) changes
// PRAGMA data_version, which empties it too.
import type { Db } from '../database.ts';
import { JsonText } from '../json-text.ts';

export interface SnippetRead {
  teamId: string;
  data: JsonText;
  metadata: JsonText;
}

/** Enough for any test or demo; past it, reads still work, they are just not kept. */
const MAX_ENTRIES = 10_000;

export class SnippetReadCache {
  private readonly entries = new Map<string, SnippetRead>();
  private readonly dataVersion;
  private version: unknown;

  constructor(db: Db) {
    this.dataVersion = db.prepare<[], number>('PRAGMA data_version').pluck();
    this.version = this.dataVersion.get();
  }

  /** The kept read of `id`, or `load`'s (kept when found). */
  get(id: string, load: (id: string) => SnippetRead | undefined): SnippetRead | undefined {
    const version = this.dataVersion.get();
    if (version !== this.version) {
      this.entries.clear();
      this.version = version;
    }
    const kept = this.entries.get(id);
    if (kept) return kept;
    const read = load(id);
    if (read && this.entries.size < MAX_ENTRIES) this.entries.set(id, read);
    return read;
  }

  clear(): void {
    this.entries.clear();
  }
}
