// Run as a child process by test/sandbox/wal-checkpoints.test.ts: writes
// enough for the checkpoint thread to start, then closes with nothing else
// to keep the process alive. Prints "thread started", then "closed" once
// the close is over (a process that ends before that prints nothing more).
import { openDatabase } from '../../src/sandbox/sqlite/database.ts';
import { CheckpointThread } from '../../src/sandbox/sqlite/checkpoint-thread.ts';
import { GroupCommit } from '../../src/sandbox/sqlite/group-commit.ts';

const path = process.argv[2]!;
const start = CheckpointThread.start;
let started = false;
CheckpointThread.start = (...args) => {
  started = true;
  return start.apply(CheckpointThread, args);
};
const db = openDatabase(path);
db.exec('CREATE TABLE blobs (v BLOB)');
const group = new GroupCommit<void>(db);
const insert = db.prepare('INSERT INTO blobs (v) VALUES (?)');
// Until the thread has started (about 10 ms of writes), at most 64 MiB.
for (let turn = 0; turn < 16 && !started; turn++) {
  await Promise.all(Array.from({ length: 4 }, () => group.run(() => void insert.run(Buffer.alloc(1024 * 1024, turn)))));
}
console.log(started ? 'thread started' : 'no thread');
await group.close();
db.close();
console.log('closed');
