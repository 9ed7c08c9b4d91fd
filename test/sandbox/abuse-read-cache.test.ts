// Issue #13, finding 5: getSnippet's read cache (src/sandbox/sqlite/snippet-reads.ts)
// holds only committed state, and is bounded in bytes.
//
// The failed commit is real: the sandbox's process may not write past byte 0
// of any file (RLIMIT_FSIZE, set with util-linux's prlimit), so the WAL frames
// of the turn's COMMIT cannot be written, as on a full disk. (PRAGMA
// max_page_count does not do it: it fails the statement that needs a page,
// not the COMMIT, and that statement's own request empties the cache anyway.)
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isMainThread } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { GroupCommit, type Outcome } from '../../src/sandbox/sqlite/group-commit.ts';
import { JsonText } from '../../src/sandbox/json-text.ts';
import { keptSize, MAX_KEPT_READ_BYTES, READ_CACHE_BUDGET_BYTES, SnippetReadCache, type SnippetRead } from '../../src/sandbox/sqlite/snippet-reads.ts';
import { ContractClient, demoKeys, demoTeams, fixturesFile, startSandbox } from '../helpers/sandbox.ts';

const team = demoTeams.platform;
const roomyFixtures = () =>
  fixturesFile((f) => {
    f.apiKeys.forEach((k) => (k.rateLimitPerMinute = 1_000_000));
    f.workspaces.forEach((w) => (w.remainingRequests = 1_000_000));
  });
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function tempDbPath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'abuse-read-cache-'));
  dirs.push(dir);
  return join(dir, 'sandbox.db');
}

/**
 * Sets this process's soft file size limit and returns the one it had. Node
 * ignores SIGXFSZ: a write past the limit fails with EFBIG.
 */
function limitFileSize(limit: string): string {
  // The limit is the whole process's: only a test file that has its process to itself (vitest's default forks pool) may set it.
  if (!isMainThread) throw new Error('this test sets a process-wide limit: run it in a process of its own (vitest pool forks)');
  const pid = String(process.pid);
  const before = execFileSync('prlimit', ['--pid', pid, '--fsize', '--output=SOFT', '--noheadings', '--raw']).toString().trim();
  execFileSync('prlimit', ['--pid', pid, `--fsize=${limit}:`]);
  return before;
}

/** A kept-alive HTTP/1.1 connection whose request bytes are written exactly when the test says. */
class RawConnection {
  private buffer = Buffer.alloc(0);
  private waiting?: (answer: { status: number; body: any }) => void;

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      this.parse();
    });
  }

  static open(url: string): Promise<RawConnection> {
    const { hostname, port } = new URL(url);
    return new Promise((resolve, reject) => {
      const socket = connect(Number(port), hostname, () => resolve(new RawConnection(socket)));
      socket.once('error', reject);
    });
  }

  /** Writes the request now; its answer comes from response(). */
  send(method: string, path: string, options: { key?: string; body?: unknown } = {}): void {
    const body = options.body === undefined ? '' : JSON.stringify(options.body);
    const headers = [`${method} ${path} HTTP/1.1`, 'Host: 127.0.0.1', `Content-Length: ${Buffer.byteLength(body)}`];
    if (options.key) headers.push(`Authorization: Bearer ${options.key}`);
    if (body) headers.push('Content-Type: application/json');
    this.socket.write(`${headers.join('\r\n')}\r\n\r\n${body}`);
  }

  response(): Promise<{ status: number; body: any }> {
    return new Promise((resolve) => {
      this.waiting = resolve;
      this.parse();
    });
  }

  close(): void {
    this.socket.destroy();
  }

  private parse(): void {
    const end = this.buffer.indexOf('\r\n\r\n');
    if (!this.waiting || end < 0) return;
    const head = this.buffer.subarray(0, end).toString('latin1');
    const length = Number(/^content-length:\s*(\d+)/im.exec(head)![1]);
    if (this.buffer.length < end + 4 + length) return;
    const body = JSON.parse(this.buffer.subarray(end + 4, end + 4 + length).toString('utf8'));
    this.buffer = this.buffer.subarray(end + 4 + length);
    const resolve = this.waiting;
    this.waiting = undefined;
    resolve({ status: Number(head.split(' ')[1]), body });
  }
}

describe('the read cache after a failed commit', () => {
  it('answers the committed title, not the one a read saw in the turn whose COMMIT failed (disk full)', async () => {
    const sandbox = await startSandbox({ db: tempDbPath(), fixtures: roomyFixtures() });
    const connections: RawConnection[] = [];
    try {
      const api = new ContractClient(sandbox.url, demoKeys.acme);
      const created = await api.send('createSnippet', 'POST', '/api/prompts/snippet', {
        body: { title: 'Committed', content: { type: 'plaintext', content: 'x' }, teamId: team },
      });
      const id = created.body.data.id as string;
      const path = `/api/prompts/snippet?id=${id}`;
      const title = async () => (await api.send('getSnippet', 'GET', '/api/prompts/snippet', { query: { id } })).body.data.title;
      expect(await title()).toBe('Committed');

      // Four idle connections the server already reads (each answered once).
      for (let i = 0; i < 4; i++) connections.push(await RawConnection.open(sandbox.url));
      for (const connection of connections) {
        connection.send('GET', '/health');
        expect((await connection.response()).status).toBe(200);
      }
      // An empty WAL: the next COMMIT's first write is at byte 0 of it.
      expect(sandbox.db.pragma('wal_checkpoint(TRUNCATE)')).toEqual([{ busy: 0, log: 0, checkpointed: 0 }]);

      // One turn: the update, then reads of the snippet. Written in one tick,
      // the requests are all readable at the server's next poll, which reads
      // the connections in that order and runs each handler before reading the
      // next: their operations run in one group, in that order. The reads see
      // the new title; then the COMMIT cannot write the WAL.
      let answers;
      const limit = limitFileSize('0');
      try {
        connections[0]!.send('PUT', path, { key: demoKeys.acme, body: { title: 'Rolled back' } });
        for (const connection of connections.slice(1)) connection.send('GET', path, { key: demoKeys.acme });
        answers = await Promise.all(connections.map((connection) => connection.response()));
      } finally {
        limitFileSize(limit);
      }
      expect(answers.map((a) => [a.status, a.body.code])).toEqual(Array(4).fill([500, 'INTERNAL_ERROR']));
      expect(sandbox.snippetReads.bytes).toBe(0);

      // The disk is back: the title is the committed one, in the file and in every answer.
      expect(sandbox.db.prepare('SELECT title FROM snippets WHERE id = ?').pluck().get(id)).toBe('Committed');
      expect(await title()).toBe('Committed');
      expect(await title()).toBe('Committed');
    } finally {
      for (const connection of connections) connection.close();
      await sandbox.close();
    }
  });
});

describe('SnippetReadCache in a group commit', () => {
  /** A snippets table, a group commit whose groups begin the cache's, and a COMMIT that fails on demand (a deferred foreign key). */
  function setup() {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    db.exec(`CREATE TABLE snippets (id TEXT PRIMARY KEY, title TEXT NOT NULL);
             CREATE TABLE parent (id INTEGER PRIMARY KEY);
             CREATE TABLE child (parent INTEGER REFERENCES parent(id) DEFERRABLE INITIALLY DEFERRED);
             INSERT INTO snippets VALUES ('s', 'committed')`);
    const cache = new SnippetReadCache(db);
    const group = new GroupCommit<string | undefined>(db, () => cache.beginGroup());
    let loads = 0;
    const load = (id: string): SnippetRead | undefined => {
      loads++;
      const title = db.prepare('SELECT title FROM snippets WHERE id = ?').pluck().get(id) as string | undefined;
      return title === undefined ? undefined : { teamId: 't', data: JsonText.of({ title }), metadata: JsonText.of({}) };
    };
    const read = () => JSON.parse(cache.get('s', load)!.data.text).title as string;
    const write = (title: string) => {
      cache.beforeWrite();
      db.prepare('UPDATE snippets SET title = ?').run(title);
      return title;
    };
    const breakCommit = () => {
      db.prepare('INSERT INTO child VALUES (42)').run();
      return undefined;
    };
    /** Runs the items in one group; resolves with their outcomes once it is over. */
    const turn = (...items: Array<() => string | undefined>) =>
      Promise.all(items.map((run) => new Promise<Outcome<string | undefined>>((resolve) => group.submit(run, resolve))));
    return { cache, read, write, breakCommit, turn, loads: () => loads };
  }

  it('keeps nothing a group read after its write when the COMMIT fails', async () => {
    const { read, write, breakCommit, turn } = setup();
    let seen;
    const outcomes = await turn(() => write('rolled back'), () => (seen = read()), breakCommit);
    expect(outcomes.map((o) => o.ok)).toEqual([false, false, false]);
    expect(seen).toBe('rolled back');
    expect(read()).toBe('committed');
  });

  it('keeps a read made before the group wrote anything, which a failed COMMIT leaves true', async () => {
    const { read, write, breakCommit, turn, loads } = setup();
    await turn(read, breakCommit);
    expect(read()).toBe('committed');
    expect(loads()).toBe(1);
    // And a read after a write is not kept, even when the group commits: the next group reads again.
    const outcomes = await turn(() => write('new'), read);
    expect(outcomes).toEqual([
      { ok: true, value: 'new' },
      { ok: true, value: 'new' },
    ]);
    await turn(read);
    await turn(read);
    expect(loads()).toBe(3);
  });
});

describe('the read cache is bounded in bytes', () => {
  const filler = new Map<number, string>();
  const fake = (chars: number, tag: string): SnippetRead => {
    if (!filler.has(chars)) filler.set(chars, 'x'.repeat(chars));
    return { teamId: 't', data: new JsonText(`"${tag}${filler.get(chars)}"`), metadata: new JsonText('{}') };
  };

  it('lets the oldest reads go to stay under its budget, and keeps no read over an eighth of it', () => {
    const cache = new SnippetReadCache(new Database(':memory:'));
    const read = (id: string, value: SnippetRead) => cache.get(id, () => value);
    // Reads of a tenth of the budget and a little more: nine fit.
    const reads = Array.from({ length: 30 }, (_, i) => fake(READ_CACHE_BUDGET_BYTES / 20, `r${String(i).padStart(2, '0')}`));
    const ids = reads.map((_, i) => `id${String(i).padStart(2, '0')}`);
    const size = keptSize(ids[0]!, reads[0]!);
    reads.forEach((value, i) => {
      read(ids[i]!, value);
      expect(cache.bytes).toBe(Math.min(i + 1, 9) * size);
    });
    // The newest are served from memory, the oldest are loaded again.
    expect(read('id29', fake(1, 'other'))).toBe(reads[29]);
    expect(read('id00', fake(1, 'reloaded'))!.data.text).toBe('"reloadedx"');
    expect(cache.bytes).toBeLessThanOrEqual(READ_CACHE_BUDGET_BYTES);

    const huge = fake(MAX_KEPT_READ_BYTES / 2, 'huge');
    expect(keptSize('huge', huge)).toBeGreaterThan(MAX_KEPT_READ_BYTES);
    expect(read('huge', huge)).toBe(huge);
    expect(read('huge', fake(1, 'again'))!.data.text).toBe('"againx"');
  });

  it('stays under its budget while a sandbox serves many of the largest snippets', async () => {
    const sandbox = await startSandbox({ fixtures: roomyFixtures() });
    try {
      const api = new ContractClient(sandbox.url, demoKeys.acme);
      // 20 variations of 50,000 characters each, under the 1 MiB body limit: about 2 MB counted.
      const content = (v: number) => ({ type: 'plaintext', content: `${v} `.padEnd(50_000, 'abcdefghij') });
      const made = await api.send('createSnippet', 'POST', '/api/prompts/snippet', {
        body: {
          title: 'Large',
          content: content(0),
          teamId: team,
          additionalVariations: Array.from({ length: 19 }, (_, v) => ({ variationName: `V${v}`, content: content(v + 1) })),
        },
      });
      expect(made.status).toBe(201);
      // 39 copies of it, 80 MB counted in all, written in SQL: through the API they would take most of the test's time.
      const ids = [made.body.data.id as string];
      const copySnippet = sandbox.db.prepare(
        `INSERT INTO snippets (id, team_id, title, note, shortcut, folder_id, created_at, updated_at)
         SELECT ?, team_id, title || ?, note, shortcut, folder_id, created_at, updated_at FROM snippets WHERE id = ?`,
      );
      const copyVariation = sandbox.db.prepare(
        `INSERT INTO variations (id, snippet_id, name, content_type, content, order_index, created_at, updated_at)
         SELECT ?, ?, name, content_type, content, order_index, created_at, updated_at FROM variations WHERE id = ?`,
      );
      sandbox.db.transaction(() => {
        for (let n = 1; n < 40; n++) {
          const id = randomUUID();
          copySnippet.run(id, ` ${n}`, ids[0]);
          for (const variation of made.body.data.variations) copyVariation.run(randomUUID(), id, variation.id);
          ids.push(id);
        }
      })();
      let one = 0;
      for (const id of ids) {
        const answer = await api.send('getSnippet', 'GET', '/api/prompts/snippet', { query: { id } });
        expect(answer.body.data.variations).toHaveLength(20);
        one ||= sandbox.snippetReads.bytes;
        expect(sandbox.snippetReads.bytes).toBeLessThanOrEqual(READ_CACHE_BUDGET_BYTES);
      }
      // Each read was kept (about 2 MB counted), and the cache is full to within one of them.
      expect(one).toBeGreaterThan(2_000_000);
      expect(sandbox.snippetReads.bytes).toBeGreaterThan(READ_CACHE_BUDGET_BYTES - one);
    } finally {
      await sandbox.close();
    }
  });
});
