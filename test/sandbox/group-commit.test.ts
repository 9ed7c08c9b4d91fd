// The group commit (src/sandbox/sqlite/group-commit.ts): the operations of one
// event-loop turn run in one transaction and are answered after its commit.
// These tests fail if a charge is lost, counted twice, or answered before it
// is stored: the quota in the database file, read after a restart or after a
// SIGKILL, must equal the initial quota minus exactly the costs that the
// answers reported.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { GroupCommit, type Outcome } from '../../src/sandbox/sqlite/group-commit.ts';
import { ContractClient, demoKeys, demoTeams, fixtures, fixturesFile, startSandbox, type Answer } from '../helpers/sandbox.ts';
import { startSandboxProcess } from '../helpers/processes.ts';

const acmeWorkspace = fixtures.apiKeys.find((k) => k.key === demoKeys.acme)!.workspaceId;
const content = { type: 'plaintext', content: 'Hello' };
const dirs: string[] = [];

function tempDbPath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'group-commit-'));
  dirs.push(dir);
  return join(dir, 'sandbox.db');
}

/** The quota as stored in the file, read by a connection of its own. */
function storedQuota(path: string): number {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT remaining_requests AS r FROM workspaces WHERE id = ?').get(acmeWorkspace) as { r: number }).r;
  } finally {
    db.close();
  }
}

/**
 * The successes' `usage` must form one chain down from `start`: sorted by what
 * remained after each, every step is exactly that answer's cost. A lost charge
 * repeats a value, a double charge leaves a gap. Returns what they cost in all.
 */
function expectChain(start: number, successes: Answer[]): number {
  const usages = successes.map((a) => a.body.usage as { remainingRequests: number; usageDeducted: number });
  usages.sort((a, b) => b.remainingRequests - a.remainingRequests);
  let expected = start;
  for (const usage of usages) {
    expected -= usage.usageDeducted;
    expect(usage.remainingRequests).toBe(expected);
  }
  expect(expected).toBeGreaterThanOrEqual(0);
  return start - expected;
}

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('GroupCommit', () => {
  function table() {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    db.exec(`CREATE TABLE parent (id INTEGER PRIMARY KEY);
             CREATE TABLE child (id INTEGER PRIMARY KEY, parent INTEGER REFERENCES parent(id) DEFERRABLE INITIALLY DEFERRED)`);
    return db;
  }

  it('runs the work of one turn in one transaction, each item in a savepoint, and delivers after the commit', async () => {
    const db = table();
    const group = new GroupCommit<number>(db);
    const events: string[] = [];
    const insert = db.transaction((id: number, fail: boolean) => {
      db.prepare('INSERT INTO parent (id) VALUES (?)').run(id);
      if (fail) throw new Error(`item ${id} fails`);
      return id;
    });
    const outcomes: Outcome<number>[] = [];
    await new Promise<void>((resolve) => {
      for (const [id, fail] of [[1, false], [2, true], [3, false]] as const) {
        group.submit(
          () => {
            events.push(`run ${id} in transaction ${db.inTransaction}`);
            return insert(id, fail);
          },
          (outcome) => {
            events.push(`deliver ${id} in transaction ${db.inTransaction}`);
            outcomes.push(outcome);
            if (outcomes.length === 3) resolve();
          },
        );
      }
      // Nothing runs in the turn that submits.
      expect(events).toEqual([]);
    });
    expect(events).toEqual([
      'run 1 in transaction true',
      'run 2 in transaction true',
      'run 3 in transaction true',
      'deliver 1 in transaction false',
      'deliver 2 in transaction false',
      'deliver 3 in transaction false',
    ]);
    expect(outcomes.map((o) => (o.ok ? o.value : (o.error as Error).message))).toEqual([1, 'item 2 fails', 3]);
    // The failed item rolled back alone.
    expect(db.prepare('SELECT id FROM parent ORDER BY id').pluck().all()).toEqual([1, 3]);
  });

  it('gives every item the error and stores nothing when the commit fails', async () => {
    const db = table();
    const group = new GroupCommit<string>(db);
    const outcomes = await Promise.all(
      ['ok', 'breaks the commit'].map(
        (what) =>
          new Promise<Outcome<string>>((resolve) =>
            group.submit(() => {
              // A deferred foreign key is checked at COMMIT only.
              db.prepare('INSERT INTO child (parent) VALUES (?)').run(what === 'ok' ? null : 42);
              return what;
            }, resolve),
          ),
      ),
    );
    expect(outcomes.map((o) => o.ok)).toEqual([false, false]);
    expect(db.prepare('SELECT COUNT(*) FROM child').pluck().get()).toBe(0);
  });
});

describe('quota charges under the group commit', () => {
  it('charges concurrent reads over many turns exactly once each, as the restarted sandbox finds in the file', async () => {
    const db = tempDbPath();
    const QUOTA = 400;
    const file = fixturesFile((f) => {
      f.workspaces.find((w) => w.id === acmeWorkspace)!.remainingRequests = QUOTA;
      f.apiKeys.forEach((k) => (k.rateLimitPerMinute = 1_000_000));
    });
    const sandbox = await startSandbox({ db, fixtures: file });
    const answers: Answer[] = [];
    try {
      const api = new ContractClient(sandbox.url, demoKeys.acme);
      for (const title of ['a', 'b', 'c']) {
        answers.push(await api.send('createSnippet', 'POST', '/api/prompts/snippet', { body: { title, content, teamId: demoTeams.platform } }));
      }
      const ids = answers.map((a) => a.body.data.id as string);
      // Waves of simultaneous reads until the quota runs out: costs 1 and 2, and 404s that cost nothing.
      for (let wave = 0; wave < 6; wave++) {
        const calls = Array.from({ length: 80 }, (_, n) => {
          if (n % 8 === 7) return api.send('getSnippet', 'GET', '/api/prompts/snippet', { query: { id: randomUUID() } });
          if (n % 3 === 0) return api.send('getSnippets', 'GET', '/api/prompts/snippets', { query: { ids: `${ids[0]},${ids[1]}` } });
          return api.send('getSnippet', 'GET', '/api/prompts/snippet', { query: { id: ids[n % 3]! } });
        });
        answers.push(...(await Promise.all(calls)));
      }
    } finally {
      await sandbox.close();
    }
    const successes = answers.filter((a) => a.status < 300);
    const refused = answers.filter((a) => a.status === 403);
    for (const answer of answers.filter((a) => a.status >= 300)) expect(['SNIPPET_NOT_FOUND', 'QUOTA_INSUFFICIENT', 'BATCH_QUOTA_INSUFFICIENT']).toContain(answer.body.code);
    // The quota ran out during the waves, and each refusal says why.
    expect(refused.length).toBeGreaterThan(0);
    for (const answer of refused) expect(answer.body.usage.remainingRequests).toBeLessThan(answer.body.usage.requiredRequests);
    const spent = expectChain(QUOTA, successes);

    // A restart on the same file (which keeps the stored quota) agrees.
    const restarted = await startSandbox({ db, fixtures: file });
    try {
      const left = (restarted.db.prepare('SELECT remaining_requests AS r FROM workspaces WHERE id = ?').get(acmeWorkspace) as { r: number }).r;
      expect(left).toBe(QUOTA - spent);
    } finally {
      await restarted.close();
    }
  });

  it('keeps the charges of answered reads when the process is killed right after the answers', async () => {
    const db = tempDbPath();
    const QUOTA = 100_000;
    const file = fixturesFile((f) => {
      f.workspaces.find((w) => w.id === acmeWorkspace)!.remainingRequests = QUOTA;
      f.apiKeys.forEach((k) => (k.rateLimitPerMinute = 1_000_000));
    });
    const args = ['--host', '127.0.0.1', '--port', '0', '--db', db, '--fixtures', file, '--log-level', 'silent'];
    const all: Answer[] = [];
    for (let cycle = 0; cycle < 3; cycle++) {
      const server = await startSandboxProcess(args);
      try {
        const api = new ContractClient(server.url, demoKeys.acme);
        const created = await api.send('createSnippet', 'POST', '/api/prompts/snippet', { body: { title: `k${cycle}`, content, teamId: demoTeams.platform } });
        all.push(created);
        const id = created.body.data.id as string;
        const reads = await Promise.all(Array.from({ length: 60 }, () => api.send('getSnippet', 'GET', '/api/prompts/snippet', { query: { id } })));
        all.push(...reads);
        expect(reads.every((a) => a.status === 200)).toBe(true);
      } finally {
        server.child.kill('SIGKILL');
        await server.exited;
      }
      expect(storedQuota(db)).toBe(QUOTA - expectChain(QUOTA, all));
    }
  }, 60_000);
});
