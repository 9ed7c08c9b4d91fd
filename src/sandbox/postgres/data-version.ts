// The data version (migration 4's sandbox_data_version) as this instance
// last saw it. Every transaction that may write makes it larger as it begins,
// and its new value is seen once it has committed; statements that read it
// anyway (the admission of requests, quota charges) report it too. A value
// seen before a read-only operation began is what that operation expects
// when it is charged (optimistic-read.ts): still the same then, nothing was
// written in between. Only larger values are kept: a statement that read it
// earlier may answer later.

export const READ_DATA_VERSION = 'SELECT version FROM sandbox_data_version';

/** How a write transaction makes the version larger (after its lock: writes take turns, so they never wait on this row). */
export const BUMP_DATA_VERSION = 'UPDATE sandbox_data_version SET version = version + 1 RETURNING version';

export class SeenDataVersion {
  private latest: number | undefined;

  /** The largest version seen so far; undefined before any. */
  get current(): number | undefined {
    return this.latest;
  }

  see(version: number): void {
    if (this.latest === undefined || version > this.latest) this.latest = version;
  }
}
