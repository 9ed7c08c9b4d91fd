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
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

const THREAD_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
let db;
try {
  db = new Database(workerData.path, { fileMustExist: true });
  db.pragma('busy_timeout = 0');
} catch (error) {
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
    parentPort.postMessage({ kind: 'done', ok: checkpoint.get().busy === 0 });
  } catch (error) {
    // A full disk, say: the checkpoint stays due and is tried again after the next group.
    parentPort.postMessage({ kind: 'done', ok: false, message: String(error && error.message) });
  }
});
`;

type FromThread = { kind: 'ready' } | { kind: 'unavailable'; message: string } | { kind: 'done'; ok: boolean };

export interface CheckpointResult {
  /** Whether it copied all of the WAL there was when it began. */
  ok: boolean;
}

export class CheckpointThread {
  private running = false;
  private usable = true;
  private readonly exited: Promise<void>;

  private constructor(
    private readonly worker: Worker,
    private readonly onDone: (result: CheckpointResult) => void,
  ) {
    worker.unref();
    worker.on('message', (message: FromThread) => {
      if (message.kind === 'unavailable') this.usable = false;
      if (message.kind !== 'done') return;
      this.running = false;
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

  /** A thread checkpointing the database file at `path`; `onDone` hears each checkpoint's end. */
  static start(path: string, onDone: (result: CheckpointResult) => void): CheckpointThread {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    // execArgv: none of the parent's (a TypeScript loader, say): the thread's code is plain JavaScript.
    const worker = new Worker(THREAD_SOURCE, { eval: true, workerData: { driver, path }, execArgv: [] });
    return new CheckpointThread(worker, onDone);
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
    this.worker.postMessage('checkpoint');
  }

  /** Lets a checkpoint under way end, then closes the thread's connection and the thread. */
  async close(): Promise<void> {
    if (this.usable) this.worker.postMessage('close');
    await this.exited;
  }
}
