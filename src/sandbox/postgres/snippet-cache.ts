// getSnippet's answers kept by one instance (store/kept-reads.ts, bounded in
// bytes), all of them the state of the data at one data version
// (data-version.ts). A read is kept only once its operation's charge found
// the version it expected still current (optimistic-read.ts): what it read is
// then the state at that version. A read-only operation that expects that
// version may answer from here, and its charge checks, as for any read, that
// nothing was written since. A larger version seen anywhere makes everything
// kept useless: it is dropped at the next read kept.
import { KeptReads } from '../store/kept-reads.ts';
import type { SnippetRead } from '../store/store.ts';

export class SnippetCache {
  private readonly kept = new KeptReads();
  /** The version all kept reads are the state at. */
  private version: number | undefined;

  /** Bytes kept (at most store/kept-reads.ts's budget). */
  get bytes(): number {
    return this.kept.bytes;
  }

  /** The kept read of `id`, if it is the state at `version`. */
  get(id: string, version: number): SnippetRead | undefined {
    return version === this.version ? this.kept.get(id) : undefined;
  }

  /** Keeps a read that is the state at `version`, unless `latest` (the largest version seen) says the data has moved on since. */
  keep(id: string, read: SnippetRead, version: number, latest: number | undefined): void {
    if (version !== latest) return;
    if (version !== this.version) {
      this.kept.clear();
      this.version = version;
    }
    this.kept.keep(id, read);
  }
}
