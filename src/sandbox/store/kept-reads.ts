// getSnippet's answers kept in memory, already serialized, bounded in bytes:
// the storage of the stores' read caches (sqlite/snippet-reads.ts,
// postgres/snippet-cache.ts), each of which decides when what it keeps holds.
// Entries are counted by the size of their text, and the oldest kept go first
// (a Map iterates in insertion order).
import type { SnippetRead } from './store.ts';

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

export class KeptReads {
  private readonly entries = new Map<string, SnippetRead>();
  private size = 0;

  /** Bytes the kept reads take, as counted by keptSize(); at most READ_CACHE_BUDGET_BYTES. */
  get bytes(): number {
    return this.size;
  }

  get(id: string): SnippetRead | undefined {
    return this.entries.get(id);
  }

  /** Keeps `read` (unless it is too large), forgetting the oldest kept until it fits. */
  keep(id: string, read: SnippetRead): void {
    const size = keptSize(id, read);
    if (size > MAX_KEPT_READ_BYTES) return;
    const before = this.entries.get(id);
    if (before) {
      this.entries.delete(id);
      this.size -= keptSize(id, before);
    }
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

  clear(): void {
    this.entries.clear();
    this.size = 0;
  }
}
