// Where a request's time goes on the PostgreSQL store (issue #17): the built
// sandbox on a temporary cluster with pg_stat_statements loaded, under
// autocannon, reporting per answered request
//
//   - the statements sent (calls per request), with their mean time in the
//     server, top ones first (--nested: statements inside plpgsql functions too);
//   - what the server's sessions were waiting on, sampled from pg_stat_activity
//     (a Lock:* or LWLock:* wait is requests serialised on something);
//   - the CPU time per request of the sandbox process, of its database
//     sessions (the server's backends) and of autocannon (this process): on a
//     machine of few cores they share, that is what bounds the requests per second;
//   - the requests per second of that run (not comparable with bench/postgres.ts:
//     the statistics cost time of their own).
//
//   npx tsx bench/postgres-profile.ts                    GET /snippet, 5 s, 10 connections
//   npx tsx bench/postgres-profile.ts --post             POST /snippet instead
//   npx tsx bench/postgres-profile.ts --nested           statements inside plpgsql functions too (costs time of its own)
//   npx tsx bench/postgres-profile.ts --cpu-prof DIR     also a V8 CPU profile of the sandbox (node --cpu-prof) into DIR
//
// Options: --duration S (5), --connections N (10), --pool-size N (the sandbox's default), --no-build.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { startPostgres } from '../test/helpers/postgres.ts';
import { runAutocannon } from './lib/autocannon.ts';
import { benchFixtures, DEMO_KEY, seedExampleSnippet, TEAM_ID } from './lib/bench-fixtures.ts';
import { benchFlags } from './lib/flags.ts';
import { startChild } from './lib/processes.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { flags, positive } = benchFlags('bench/postgres-profile', import.meta.url, {
  duration: { type: 'string', default: '5' },
  connections: { type: 'string', default: '10' },
  'pool-size': { type: 'string' },
  post: { type: 'boolean', default: false },
  nested: { type: 'boolean', default: false },
  'cpu-prof': { type: 'string' },
  'no-build': { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const);
const duration = positive('duration', flags.duration!, false);
const connections = positive('connections', flags.connections!, true);

const auth = { authorization: `Bearer ${DEMO_KEY}`, 'content-type': 'application/json' };

async function create(url: string, path: string, body: unknown): Promise<string> {
  const answer = await fetch(`${url}${path}`, { method: 'POST', headers: auth, body: JSON.stringify(body) });
  const json = (await answer.json()) as { data?: { id: string } };
  if (answer.status !== 201 || !json.data) throw new Error(`POST ${path} answered ${answer.status}`);
  return json.data.id;
}

/** CPU seconds (user + system) a process used so far, from /proc (Linux). */
function cpuSeconds(pid: number, part: 'user' | 'system' | 'both' = 'both'): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    const [user, system] = [Number(fields[11]), Number(fields[12])];
    return (part === 'user' ? user : part === 'system' ? system : user + system) / 100;
  } catch {
    return 0;
  }
}

const backendPids = async (client: pg.Client) =>
  (await client.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE application_name = 'snippets-sandbox'`)).rows.map((row) => row.pid);

/** Wait events of the sandbox's sessions, sampled every few ms until `stop` is called. */
function sampleWaits(client: pg.Client) {
  const counts = new Map<string, number>();
  let samples = 0;
  let running = true;
  const done = (async () => {
    while (running) {
      const { rows } = await client.query<{ wait: string }>(
        `SELECT coalesce(wait_event_type || ':' || wait_event, state) AS wait FROM pg_stat_activity
         WHERE application_name = 'snippets-sandbox' AND pid <> pg_backend_pid()`,
      );
      samples++;
      for (const { wait } of rows) counts.set(wait, (counts.get(wait) ?? 0) + 1);
      await new Promise((r) => setTimeout(r, 5));
    }
  })();
  return async () => {
    running = false;
    await done;
    return { samples, counts };
  };
}

async function main(): Promise<void> {
  if (!flags['no-build']) execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'ignore' });
  const dir = mkdtempSync(join(tmpdir(), 'bench-pg-profile-'));
  const postgres = await startPostgres({ shared_preload_libraries: 'pg_stat_statements', 'pg_stat_statements.track': flags.nested ? 'all' : 'top' });
  try {
    const url = await postgres.createDatabase();
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query('CREATE EXTENSION pg_stat_statements');
    const nodeArgs = flags['cpu-prof'] ? ['--cpu-prof', '--cpu-prof-dir', resolve(flags['cpu-prof'])] : [];
    const args = [...nodeArgs, join(root, 'bin', 'snippets-sandbox.js'), '--port', '0', '--db', url, '--fixtures', benchFixtures(dir), '--log-level', 'silent'];
    if (flags['pool-size']) args.push('--db-pool-size', flags['pool-size']);
    const sandbox = startChild('sandbox', process.execPath, args);
    const [, base] = await sandbox.waitFor(/Sandbox listening on (http:\/\/\S+)/, 30_000);
    const id = await seedExampleSnippet((path, body) => create(base!, path, body));
    const run = (seconds: number) =>
      flags.post
        ? runAutocannon({
            url: `${base}/api/prompts/snippet`,
            method: 'POST',
            connections,
            pipelining: 1,
            duration: seconds,
            headers: auth,
            requests: [{ setupRequest: (r) => ({ ...r, body: JSON.stringify({ title: 'Bench', content: { type: 'plaintext', content: 'x' }, teamId: TEAM_ID }) }) as typeof r }],
          })
        : runAutocannon({ url: `${base}/api/prompts/snippet?id=${id}`, connections, pipelining: 1, duration: seconds, headers: auth });
    await run(1);
    await admin.query('SELECT pg_stat_statements_reset()');
    const backends = await backendPids(admin);
    const sandboxPid = sandbox.process.pid!;
    const before = { sandbox: cpuSeconds(sandboxPid), sandboxSystem: cpuSeconds(sandboxPid, 'system'), backends: backends.map((pid) => cpuSeconds(pid)), self: process.cpuUsage() };
    const stopSampling = sampleWaits(admin);
    const result = await run(duration);
    const waits = await stopSampling();
    const answered = result.requests.total;
    const self = process.cpuUsage(before.self);
    const perRequestMs = (seconds: number) => ((seconds * 1000) / answered).toFixed(3);
    const backendSeconds = backends.reduce((sum, pid, i) => sum + cpuSeconds(pid) - before.backends[i]!, 0);
    console.log(`${flags.post ? 'POST' : 'GET'} /snippet: ${(answered / result.duration).toFixed(0)} req/s (${answered} answers, ${result.non2xx} not 2xx), latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms`);
    console.log(
      `CPU per request: sandbox ${perRequestMs(cpuSeconds(sandboxPid) - before.sandbox)} ms (${perRequestMs(cpuSeconds(sandboxPid, 'system') - before.sandboxSystem)} in the kernel), its ${backends.length} database sessions ${perRequestMs(backendSeconds)} ms, ` +
        `autocannon and sampling ${perRequestMs((self.user + self.system) / 1e6)} ms`,
    );
    const { rows } = await admin.query<{ query: string; calls: number; mean: number; total: number; toplevel: boolean }>(
      `SELECT query, calls::int, mean_exec_time AS mean, total_exec_time AS total, toplevel FROM pg_stat_statements
       WHERE calls >= $1 AND query NOT LIKE '%pg_stat_activity%' ORDER BY total_exec_time DESC LIMIT 20`,
      [Math.max(1, Math.floor(answered / 10))],
    );
    let topLevel = 0;
    console.log('\nstatements (calls per answered request, mean ms in the server, share of server time; * = inside a function):');
    const serverTotal = rows.reduce((sum, row) => sum + (row.toplevel ? row.total : 0), 0);
    for (const row of rows) {
      if (row.toplevel) topLevel += row.calls;
      const text = row.query.replace(/\s+/g, ' ').slice(0, 110);
      console.log(`  ${(row.calls / answered).toFixed(2).padStart(5)} x ${row.mean.toFixed(3).padStart(7)} ms ${row.toplevel ? ' ' : '*'} ${text}`);
    }
    console.log(`  top-level statements per request: ${(topLevel / answered).toFixed(2)}; server time per request: ${(serverTotal / answered).toFixed(3)} ms`);
    console.log(`\nsandbox sessions by wait (mean sessions per sample over ${waits.samples} samples):`);
    for (const [wait, count] of [...waits.counts].sort((a, b) => b[1] - a[1])) console.log(`  ${(count / waits.samples).toFixed(2).padStart(6)}  ${wait}`);
    await admin.end();
    await sandbox.stop();
  } finally {
    await postgres.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
