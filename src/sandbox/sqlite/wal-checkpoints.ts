// When the WAL is copied back into the database file. SQLite's automatic
// checkpoint runs inside the COMMIT that takes the WAL past its mark (1000
// pages), so the group whose commit crosses it also copies the writes of
// every group before it, all in one event-loop turn: four large snippets
// written at once held the loop 66 ms, and /health waited behind it (issue
// #13). Here the automatic checkpoint is off, and the group commit runs one
// in a turn of its own, between groups, once the groups since the last one
// have worked CHECKPOINT_AFTER_MS: the time spent writing bounds what was
// written, so each checkpoint copies a few milliseconds' worth of writes and
// the WAL stays small.
import Database from 'better-sqlite3';
import type { Db } from './database.ts';

/** Work of the groups (ms, from BEGIN to the end of COMMIT) after which a checkpoint is due. */
export const CHECKPOINT_AFTER_MS = 10;

export class WalCheckpoints {
  private worked = 0;
  private readonly checkpoint;

  private constructor(private readonly db: Db) {
    db.pragma('wal_autocheckpoint = 0');
    this.checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');
  }

  /** The checkpoints of `db`, or none when it keeps no WAL (an in-memory database). */
  static of(db: Db): WalCheckpoints | undefined {
    return db.pragma('journal_mode', { simple: true }) === 'wal' ? new WalCheckpoints(db) : undefined;
  }

  /** Counts a group's work; says whether a checkpoint is now due. */
  countGroup(ms: number): boolean {
    this.worked += ms;
    return this.worked >= CHECKPOINT_AFTER_MS;
  }

  /**
   * Copies what it can of the WAL into the database, waiting for no reader
   * (PASSIVE). A failure (a full disk) is no request's: it is left for the
   * next checkpoint, due again after the next group.
   */
  run(): void {
    // Closed since it was due (the store closed after its last group): closing checkpointed it.
    if (!this.db.open) return;
    try {
      this.checkpoint.get();
      this.worked = 0;
    } catch (error) {
      // SQLite's own failure stays due, tried again once another group has committed; anything else is a bug.
      if (!(error instanceof Database.SqliteError)) throw error;
    }
  }
}
