// Crash durability (issue 3): the sandbox process, started from the built bin,
// is killed with SIGKILL while 100-item batch writes are in flight; after a
// restart on the same database file every batch is fully present or fully
// absent, every acknowledged batch is present, and the workspace quota equals
// the initial quota minus exactly what the stored rows cost.
//
// Each round creates a folder (cost 1) and then files 100 new snippets in it
// with one POST /api/prompts/snippets (cost 100). Two clients run rounds
// back to back until the kill, 20-300 ms after they start. The database file
// is checked read-only with better-sqlite3 after every restart and after the
// final clean stop, so that no API read changes the quota being checked.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoKeys, demoTeams, fixtures, fixturesFile, withoutResources } from '../helpers/sandbox.ts';

const BIN = fileURLToPath(new URL('../../bin/snippets-sandbox.js', import.meta.url));
const CLI = fileURLToPath(new URL('../../dist/sandbox/cli.js', import.meta.url));
const CYCLES = 5;
const CLIENTS = 2;
const BATCH_SIZE = 100;
const KILL_AFTER_MS: [number, number] = [20, 300];

const workspaceId = fixtures.apiKeys.find((k) => k.key === demoKeys.acme)!.workspaceId;
const INITIAL_QUOTA = 50_000_000;

let dir: string;
let dbPath: string;
let fixturesPath: string;
const children = new Set<ChildProcess>();

interface Server {
  child: ChildProcess;
  url: string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts the built bin on a free port and waits for its ready line. */
function startServer(): Promise<Server> {
  const child = spawn(
    process.execPath,
    [BIN, '--host', '127.0.0.1', '--port', '0', '--db', dbPath, '--fixtures', fixturesPath, '--log-level', 'silent', '--block-threshold', '1000000'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  children.add(child);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      children.delete(child);
      resolve({ code, signal });
    }),
  );
  return new Promise<Server>((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => reject(new Error(`the sandbox did not print its ready line within 20 s\nstdout: ${stdout}\nstderr: ${stderr}`)), 20_000);
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /^Sandbox listening on (http:\/\/\S+)/m.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1]!, exited });
      }
    });
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`the sandbox exited (code ${code}, signal ${signal}) before it was ready\nstdout: ${stdout}\nstderr: ${stderr}`));
    });
  });
}

async function kill(server: Server): Promise<void> {
  server.child.kill('SIGKILL');
  const { signal } = await server.exited;
  expect(signal).toBe('SIGKILL');
}

/** One folder and its batch, as the client saw them. */
interface Round {
  cycle: number;
  folderId?: string;
  /** The batch request was sent. */
  batchSent: boolean;
  /** The batch's status, if an answer arrived before the kill. */
  batchStatus?: number;
}

const content = { type: 'plaintext', content: 'Durable text. '.repeat(40) };

async function post(url: string, path: string, body: unknown): Promise<{ status: number; body: any }> {
  const response = await fetch(new URL(path, url), {
    method: 'POST',
    headers: { authorization: `Bearer ${demoKeys.acme}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

/**
 * Runs rounds back to back until `stop()` says so: the server was killed (then
 * the failure of the request in flight is expected), or enough rounds ran.
 */
async function client(url: string, cycle: number, id: number, rounds: Round[], stop: () => boolean): Promise<void> {
  for (let n = 0; !stop(); n++) {
    const round: Round = { cycle, batchSent: false };
    try {
      const folder = await post(url, '/api/prompts/folder', { folderName: `crash ${cycle}.${id}.${n}`, teamId: demoTeams.platform });
      if (folder.status !== 201) throw new Error(`createFolder answered ${folder.status}: ${JSON.stringify(folder.body)}`);
      round.folderId = folder.body.data.id as string;
      rounds.push(round);
      const snippets = Array.from({ length: BATCH_SIZE }, (_, i) => ({
        title: `crash ${cycle}.${id}.${n}.${i}`,
        content,
        teamId: demoTeams.platform,
        folderId: round.folderId,
        additionalVariations: [{ variationName: 'Alt', content }],
      }));
      round.batchSent = true;
      const batch = await post(url, '/api/prompts/snippets', { snippets });
      round.batchStatus = batch.status;
      if (batch.status !== 201) throw new Error(`createSnippets answered ${batch.status}: ${JSON.stringify(batch.body).slice(0, 300)}`);
    } catch (error) {
      // The kill: the connection is reset or refused. Anything else is a failure of the test.
      if (stop()) return;
      throw error;
    }
  }
}

interface DbState {
  folders: Array<{ id: string; snippets: number }>;
  snippets: number;
  variations: number;
  history: number;
  remaining: number;
}

/** Reads the database file read-only. */
function readDatabase(): DbState {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    const folders = db
      .prepare<[], { id: string; snippets: number }>(
        'SELECT f.id AS id, (SELECT COUNT(*) FROM snippets s WHERE s.folder_id = f.id) AS snippets FROM folders f ORDER BY f.created_at',
      )
      .all();
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    return {
      folders,
      snippets: count('SELECT COUNT(*) AS n FROM snippets'),
      variations: count('SELECT COUNT(*) AS n FROM variations'),
      history: count('SELECT COUNT(*) AS n FROM variation_history'),
      remaining: (db.prepare('SELECT remaining_requests AS n FROM workspaces WHERE id = ?').get(workspaceId) as { n: number }).n,
    };
  } finally {
    db.close();
  }
}

/** Every batch all or nothing, every acknowledged batch present, and the quota exactly what the rows cost. */
function checkDatabase(state: DbState, rounds: Round[]): void {
  for (const folder of state.folders) expect([0, BATCH_SIZE], `folder ${folder.id} has ${folder.snippets} snippets`).toContain(folder.snippets);
  // Each snippet has its Default variation and one more, each with its history record.
  expect(state.variations).toBe(2 * state.snippets);
  expect(state.history).toBe(state.variations);
  // Nothing but the test's folders and batches writes to this database.
  expect(state.snippets).toBe(state.folders.reduce((sum, f) => sum + f.snippets, 0));
  expect(state.remaining).toBe(INITIAL_QUOTA - state.folders.length - state.snippets);
  const stored = new Map(state.folders.map((f) => [f.id, f.snippets]));
  for (const round of rounds) {
    expect(stored.has(round.folderId!), `acknowledged folder ${round.folderId} is stored`).toBe(true);
    if (round.batchStatus === 201) expect(stored.get(round.folderId!), `acknowledged batch of folder ${round.folderId} is stored`).toBe(BATCH_SIZE);
    if (!round.batchSent) expect(stored.get(round.folderId!)).toBe(0);
  }
}

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first (npm test builds before running vitest)`);
  fixturesPath = fixturesFile((f) => {
    withoutResources(f);
    f.apiKeys.forEach((k) => (k.rateLimitPerMinute = 100_000_000));
    f.workspaces.find((w) => w.id === workspaceId)!.remainingRequests = INITIAL_QUOTA;
  });
  dir = mkdtempSync(join(tmpdir(), 'crash-durability-'));
  dbPath = join(dir, 'sandbox.db');
});

afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('crash durability', () => {
  it(`keeps every 100-item batch all or nothing across ${CYCLES} SIGKILLs, with the quota matching`, async () => {
    const rounds: Round[] = [];
    const delays: number[] = [];
    for (let cycle = 1; cycle <= CYCLES; cycle++) {
      const server = await startServer();
      // After a restart on the same file (and before the first write), the file is consistent.
      checkDatabase(readDatabase(), rounds);
      let killed = false;
      const clients = Promise.all(Array.from({ length: CLIENTS }, (_, id) => client(server.url, cycle, id, rounds, () => killed)));
      clients.catch(() => {}); // awaited below, after the kill
      const delay = KILL_AFTER_MS[0] + Math.floor(Math.random() * (KILL_AFTER_MS[1] - KILL_AFTER_MS[0] + 1));
      delays.push(delay);
      await new Promise((resolve) => setTimeout(resolve, delay));
      killed = true;
      await kill(server);
      await clients;
    }

    // A last restart: the server answers and writes again (one round run to its end, so that at
    // least one acknowledged batch is always checked, however slow the machine), then stops cleanly.
    const server = await startServer();
    const health = await fetch(new URL('/health', server.url));
    expect(health.status).toBe(200);
    const before = rounds.length;
    await client(server.url, CYCLES + 1, 0, rounds, () => rounds.length > before && rounds.at(-1)!.batchStatus !== undefined);
    expect(rounds.at(-1)!.batchStatus).toBe(201);
    server.child.kill('SIGTERM');
    expect(await server.exited).toEqual({ code: 0, signal: null });

    const state = readDatabase();
    checkDatabase(state, rounds);

    const inFlight = rounds.filter((r) => r.batchSent && r.batchStatus === undefined);
    const stored = new Map(state.folders.map((f) => [f.id, f.snippets]));
    const inFlightComplete = inFlight.filter((r) => stored.get(r.folderId!) === BATCH_SIZE).length;
    const complete = state.folders.filter((f) => f.snippets === BATCH_SIZE).length;
    console.log(
      `crash-durability: ${CYCLES} SIGKILLs after ${delays.join(', ')} ms; ${state.folders.length} folders stored: ` +
        `${complete} batches complete, ${state.folders.length - complete} absent ` +
        `(${rounds.filter((r) => r.batchStatus === 201).length} acknowledged, all present, one of them after the last restart; ` +
        `${inFlight.length} in flight at a kill: ${inFlightComplete} complete, ${inFlight.length - inFlightComplete} absent; ` +
        `${state.folders.length - rounds.filter((r) => r.batchSent).length} folders whose batch was never sent); ` +
        `quota ${INITIAL_QUOTA} - ${state.folders.length} - ${state.snippets} = ${state.remaining}`,
    );
    expect(rounds.some((r) => r.batchStatus === 201)).toBe(true);
  }, 60_000);
});
