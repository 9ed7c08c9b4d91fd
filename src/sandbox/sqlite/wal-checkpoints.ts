// When the WAL is copied back into the database file. SQLite's automatic
// checkpoint runs inside the COMMIT that takes the WAL past its mark (1000
// pages), so the group whose commit crosses it also copies the writes of
// every group before it, all in one event-loop turn: four large snippets
// written at once held the loop 66 ms, and /health waited behind it (issue
// #13). Here the automatic checkpoint is off; once the groups since the last
// checkpoint have worked CHECKPOINT_AFTER_MS, one is made on a thread of its
// own (checkpoint-thread.ts), so that the event loop does none of that
// copying. The time spent writing bounds what was written, so each copies a
// few milliseconds' worth of writes.
//
// The thread copies only what was committed when it began; under a steady
// stream of writes it may never find the WAL all copied, and the WAL is
// rewound only then. So the groups wait for the thread (a pause for the
// requests, not work for the event loop) when it falls MAX_AHEAD_MS of
// writes behind, and for a checkpoint that copies all of the WAL once the
// WAL holds more than WAL_LIMIT_BYTES. Without a thread (one that could
// not start, or `thread: false`) the checkpoints are made on the event
// loop, between groups, in turns of their own.
import { statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { CheckpointThread, fileIdentity, type CheckpointResult, type FileIdentity } from './checkpoint-thread.ts';
import type { Db } from './database.ts';

/** Work of the groups (ms, from BEGIN to the end of COMMIT) after which a checkpoint is due. */
export const CHECKPOINT_AFTER_MS = 10;

/** Work of the groups (ms) while the thread makes a checkpoint after which the next group waits for it. */
export const MAX_AHEAD_MS = 2 * CHECKPOINT_AFTER_MS;

/** A WAL larger than this is copied back whole, the groups waiting, so that it starts again from its beginning. */
export const WAL_LIMIT_BYTES = 4 * 1024 * 1024;

export class WalCheckpoints {
  private worked = 0;
  private readonly waiting: Array<() => void> = [];
  private wholeCopyTried = false;
  /** Whether the thread's checkpoint under way is to copy the WAL whole (the groups wait for it). */
  private copyingWhole = false;
  /** The WAL file size past which it is copied whole: raised by WAL_LIMIT_BYTES each time a reader keeps a whole copy from ending. */
  private wholeCopyAbove = WAL_LIMIT_BYTES;
  private readonly checkpoint;
  /** Started with the first checkpoint (a sandbox that writes little never needs it); null: none wanted, or none to be had. */
  private thread: CheckpointThread | undefined | null;
  /** The database file the store opened, which the thread must find at its path. */
  private readonly identity: FileIdentity | undefined;

  private constructor(
    private readonly db: Db,
    thread: boolean,
  ) {
    db.pragma('wal_autocheckpoint = 0');
    db.pragma(`journal_size_limit = ${WAL_LIMIT_BYTES}`);
    this.checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');
    this.identity = thread ? identityOrUndefined(db.name) : undefined;
    this.thread = this.identity ? undefined : null;
  }

  /**
   * The checkpoints of `db`, or none when it keeps no WAL (an in-memory
   * database); `thread: false` makes them all on the event loop.
   */
  static of(db: Db, { thread = true }: { thread?: boolean } = {}): WalCheckpoints | undefined {
    return db.pragma('journal_mode', { simple: true }) === 'wal' ? new WalCheckpoints(db, thread) : undefined;
  }

  /**
   * Counts a group's work and says what the group commit does next: go on
   * with the next group; make the checkpoint `here` (`run`, in a turn of its
   * own between groups); or `wait` until the thread has ended its checkpoint
   * (`whenThreadDone`, then ask again with `resumed`), either because the
   * groups since it began have worked MAX_AHEAD_MS (so the WAL grows by a
   * bounded amount while the thread copies, whatever the pace of the
   * writes) or because the WAL is over WAL_LIMIT_BYTES and this checkpoint
   * is to copy it whole. At most two waits per group.
   */
  afterGroup(ms: number, resumed = false): 'go on' | 'here' | 'wait' {
    this.worked += ms;
    // One checkpoint that copies the WAL whole per group: the next group's write is what starts the WAL again.
    if (!resumed) this.wholeCopyTried = false;
    const overLimit = !this.wholeCopyTried && this.walFileBytes() > this.wholeCopyAbove;
    if (!overLimit && this.worked < CHECKPOINT_AFTER_MS) return 'go on';
    if (this.thread === undefined) this.thread = this.startThread();
    if (!this.thread?.alive) return 'here';
    if (!this.thread.idle) return overLimit || this.worked >= MAX_AHEAD_MS ? 'wait' : 'go on';
    this.worked = 0;
    this.thread.checkpoint();
    // A WAL the thread has not found all copied for a while: the groups wait for this checkpoint, which then
    // copies all of it, and the next write starts the WAL again from its beginning.
    this.wholeCopyTried ||= overLimit;
    this.copyingWhole = overLimit;
    return overLimit ? 'wait' : 'go on';
  }

  /** The thread, or null when the system will not make one (the checkpoints stay on the loop). */
  private startThread(): CheckpointThread | null {
    try {
      return CheckpointThread.start(this.db.name, this.identity!, (result) => this.threadDone(result));
    } catch {
      return null;
    }
  }

  /**
   * The WAL file's size: how far the WAL has grown since it last started
   * again from its beginning (SQLite cuts the file back to WAL_LIMIT_BYTES
   * then: journal_size_limit). A stat, not a query: a few microseconds.
   */
  private walFileBytes(): number {
    try {
      return statSync(`${this.db.name}-wal`, { throwIfNoEntry: false })?.size ?? 0;
    } catch {
      // Unreadable (its directory's rights changed, say): no reason to hold the writes back.
      return 0;
    }
  }

  /** Calls `then` once the thread's checkpoint has ended (or the thread is gone). */
  whenThreadDone(then: () => void): void {
    if (this.thread?.busy) this.waiting.push(then);
    else then();
  }

  private threadDone({ ok }: CheckpointResult): void {
    // Not all copied (a reader held it back, a full disk): due again after the next group.
    if (!ok) this.worked = Math.max(this.worked, CHECKPOINT_AFTER_MS);
    // A whole copy a reader held back is not tried again until the WAL has grown by another WAL_LIMIT_BYTES.
    if (this.copyingWhole) this.wholeCopyAbove = ok ? WAL_LIMIT_BYTES : this.walFileBytes() + WAL_LIMIT_BYTES;
    this.copyingWhole = false;
    for (const then of this.waiting.splice(0)) then();
  }

  /** Closes the checkpoint thread (after the checkpoint it is making); none starts after. The database's own close makes the last checkpoint. */
  close(): Promise<void> {
    const thread = this.thread;
    this.thread = null;
    return thread?.close() ?? Promise.resolve();
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

function identityOrUndefined(path: string): FileIdentity | undefined {
  try {
    return fileIdentity(path);
  } catch {
    return undefined;
  }
}
