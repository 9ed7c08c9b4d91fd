// A thread of its own that copies the WAL back into the database file, on a
// second connection: a checkpoint of one large write (a few megabytes of
// pages, then an fsync) took 12-24 ms of the event loop's time when the
// group commit ran it between groups (issue #13); here it takes none.
// SQLite lets any connection checkpoint while another writes (PASSIVE waits
// for no one and copies only what is committed), so the sandbox's own
// connection goes on with its groups meanwhile.
//
// The thread's code is a string evaluated as CommonJS, so that it loads the
// same way from the TypeScript sources and from the built package; it finds
// better-sqlite3 where this module does.
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

const THREAD_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
let db;
try {
  db = new Database(workerData.path, { fileMustExist: true });
  db.pragma('busy_timeout = 0');
  // The file the sandbox opened, not one put in its place since: SQLite would take the old WAL for the new file's.
  const { dev, ino } = require('node:fs').statSync(workerData.path, { bigint: true });
  if (String(dev) !== workerData.dev || String(ino) !== workerData.ino) throw new Error(workerData.path + ' is no longer the file the sandbox opened');
} catch (error) {
  if (db) db.close();
  parentPort.postMessage({ kind: 'unavailable', message: String(error && error.message) });
  process.exit(0);
}
const checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');
parentPort.postMessage({ kind: 'ready' });
parentPort.on('message', (message) => {
  if (message === 'close') {
    db.close();
    process.exit(0);
  }
  try {
    // busy: it could not begin; checkpointed < log: a reader still used frames it could not copy.
    const { busy, log, checkpointed } = checkpoint.get();
    parentPort.postMessage({ kind: 'done', ok: busy === 0 && checkpointed === log });
  } catch (error) {
    // A full disk, say: the checkpoint stays due and is tried again after the next group.
    parentPort.postMessage({ kind: 'done', ok: false, message: String(error && error.message) });
  }
});
`;

/** A file's device and inode, as decimal strings (they may pass 2^53). */
export interface FileIdentity {
  dev: string;
  ino: string;
}

/** The identity of the file at `path` now. */
export function fileIdentity(path: string): FileIdentity {
  const { dev, ino } = statSync(path, { bigint: true });
  return { dev: String(dev), ino: String(ino) };
}

type FromThread = { kind: 'ready' } | { kind: 'unavailable'; message: string } | { kind: 'done'; ok: boolean };

export interface CheckpointResult {
  /** Whether it copied all of the WAL there was when it ended (nothing held it back). */
  ok: boolean;
}

export class CheckpointThread {
  private running = false;
  private closing = false;
  private usable = true;
  private readonly exited: Promise<void>;

  private constructor(
    private readonly worker: Worker,
    private readonly onDone: (result: CheckpointResult) => void,
  ) {
    // Idle, it keeps no process alive; while it checkpoints or closes, it does (close() is awaited to its end).
    worker.unref();
    worker.on('message', (message: FromThread) => {
      if (message.kind === 'unavailable') this.usable = false;
      if (message.kind !== 'done') return;
      this.running = false;
      if (!this.closing) this.worker.unref();
      this.onDone({ ok: message.ok });
    });
    this.exited = new Promise((resolve) => {
      const gone = () => {
        const wasRunning = this.running;
        this.usable = false;
        this.running = false;
        resolve();
        // Whoever waits for its checkpoint hears that it ended, undone.
        if (wasRunning) this.onDone({ ok: false });
      };
      worker.once('exit', gone);
      // A thread that fails (it could not start, say) is no request's failure: the checkpoints go back to the event loop.
      worker.once('error', gone);
    });
  }

  /**
   * A thread checkpointing the database file at `path`, which must still be
   * the file `identity` names (its device and inode when the store opened
   * it); `onDone` hears each checkpoint's end. Throws if no thread can be
   * made (the system refuses one).
   */
  static start(path: string, identity: FileIdentity, onDone: (result: CheckpointResult) => void): CheckpointThread {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    // execArgv: none of the parent's (a TypeScript loader, say): the thread's code is plain JavaScript.
    const worker = new Worker(THREAD_SOURCE, { eval: true, workerData: { driver, path, ...identity }, execArgv: [] });
    return new CheckpointThread(worker, onDone);
  }

  /** Whether it is in the middle of a checkpoint (a thread that died is not). */
  get busy(): boolean {
    return this.running;
  }

  /** Whether it can take a checkpoint now: started, still alive, and not in the middle of one. */
  get idle(): boolean {
    return this.usable && !this.running;
  }

  /** Whether it still works at all (a thread that failed leaves the checkpoints to the caller). */
  get alive(): boolean {
    return this.usable;
  }

  /** Starts a checkpoint on the thread; `onDone` hears when it ends. */
  checkpoint(): void {
    if (!this.idle) return;
    this.running = true;
    this.worker.ref();
    this.worker.postMessage('checkpoint');
  }

  /** Lets a checkpoint under way end, then closes the thread's connection and the thread. */
  async close(): Promise<void> {
    if (this.usable) {
      // Kept alive until it has closed its connection: a process whose server has closed would otherwise end here.
      this.closing = true;
      this.worker.ref();
      this.worker.postMessage('close');
    }
    await this.exited;
  }
}
