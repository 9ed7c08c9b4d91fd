// `snippets-sandbox`: checks everything a start needs before writing anything
// (preflight.ts), starts the reference sandbox, says which database it uses,
// prints the ready line (`Sandbox listening on http://HOST:PORT`) and, with
// the built-in fixtures, the demo key (and, with --admin, where state control
// is served, node/admin-routes.ts); stops cleanly on SIGINT and SIGTERM,
// and when the npm launcher that started it exits (launcher-parent.ts).
import { UsageError, USAGE, parseOptions } from './cli-options.ts';
import { ADMIN_PREFIX } from './node/admin-routes.ts';
import { contract } from './contract.ts';
import { demoKey, DEMO_FIXTURES_PATH, readFixtures } from '../fixtures/fixtures-file.ts';
import { followNpmParent } from './launcher-parent.ts';
import { defaultOptions } from './options.ts';
import { isPostgresUrl, redactUrl } from './open-store.ts';
import { checkPort, planDatabase, removeCreatedDatabase, type DatabasePlan } from './preflight.ts';
import type { Sandbox } from './server.ts';
import { explainStartFailure } from './start-failure.ts';

function describeDatabase(plan: DatabasePlan, fixtures: string | undefined, migrated: number[]): string {
  const source = fixtures === undefined ? 'the built-in demo fixtures' : `fixtures ${fixtures}`;
  switch (plan.state) {
    case 'postgres': {
      const schema = migrated.length > 0 ? `schema migrated to version ${migrated.at(-1)}` : 'schema up to date';
      const data = plan.reset ? `reset by --reset, seeded again from ${source}` : `shared, with its data and spent quota; keys and teams from ${source}; --reset starts again`;
      return `Database: ${redactUrl(plan.path)} (PostgreSQL: ${schema}; ${data})`;
    }
    case 'memory':
      return `Database: :memory: (SQLite in memory: new, seeded from ${source}; gone when the sandbox stops)`;
    case 'new':
      return `Database: ${plan.path} (SQLite file: new, seeded from ${source})`;
    case 'reset':
      return `Database: ${plan.path} (SQLite file: reset by --reset, seeded again from ${source})`;
    case 'reused':
      return `Database: ${plan.path} (SQLite file: reused, with its data and spent quota; keys and teams from ${source}; --reset starts again)`;
  }
}

/** The server's own dependencies (pg, for --db postgres://…, is loaded by open-store.ts only when chosen): optional peers of the package, which a consumer of the client or the in-process sandbox does not install. */
const SERVER_DEPENDENCIES = ['fastify', 'better-sqlite3'];

/** server.ts, or one line naming the missing dependencies and how to install them (exit 2). */
async function loadServer(): Promise<typeof import('./server.ts')> {
  try {
    return await import('./server.ts');
  } catch (error) {
    const missing = SERVER_DEPENDENCIES.find((name) => (error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND' && (error as Error).message.includes(`'${name}'`));
    if (missing === undefined) throw error;
    console.error(
      `snippets-sandbox: the sandbox server needs ${SERVER_DEPENDENCIES.join(' and ')} (${missing} is not installed); they are optional peers of the package, installed with: npm install fastify@^5 better-sqlite3@^12`,
    );
    process.exit(2);
  }
}

async function main(): Promise<void> {
  let options;
  try {
    options = parseOptions(process.argv.slice(2), process.env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`snippets-sandbox: ${error.message}`);
    process.exit(2);
  }
  if (options.help) {
    console.log(USAGE);
    return;
  }
  const { reset, help: _help, ...sandboxOptions } = options;
  const where = { db: options.db ?? defaultOptions.db, host: options.host ?? defaultOptions.host, port: options.port ?? defaultOptions.port };

  // Before any check or write: without its dependencies the server cannot start at all.
  const { createSandboxServer } = await loadServer();
  let plan: DatabasePlan | undefined;
  let sandbox: Sandbox;
  try {
    // Every check first; the only write before the database opens is --reset's, once they all passed.
    readFixtures(options.fixtures ?? DEMO_FIXTURES_PATH, contract().keyPattern);
    await checkPort(where.host, where.port);
    plan = isPostgresUrl(where.db) ? { path: where.db, state: 'postgres', reset: reset === true } : planDatabase(where.db, reset === true);
    const created = await createSandboxServer(sandboxOptions);
    // PostgreSQL has no file to delete: --reset empties its tables once the store is open.
    if (plan.state === 'postgres' && plan.reset) await created.reset();
    // Said before listening: Fastify logs its own listening line (at info) as it starts.
    console.log(describeDatabase(plan, options.fixtures, (created.store as { migrated?: number[] }).migrated ?? []));
    try {
      sandbox = await created.listen();
    } catch (error) {
      // The port was taken between the check and now.
      await created.close();
      throw error;
    }
  } catch (error) {
    if (plan) removeCreatedDatabase(plan);
    console.error(`snippets-sandbox: ${explainStartFailure(error, where)}`);
    process.exit(2);
  }

  // Handlers before the ready line: whoever reads it may signal at once.
  let stopping = false;
  const stop = (why: string) => {
    if (stopping) return;
    stopping = true;
    sandbox.close().then(
      () => {
        console.log(`Sandbox stopped (${why})`);
        process.exit(0);
      },
      (error: unknown) => {
        console.error(`snippets-sandbox: error while stopping: ${(error as Error).message}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  followNpmParent(process.env, () => stop('its npm launcher exited'));

  console.log(`Sandbox listening on ${sandbox.url}`);
  console.log(`Docs: ${sandbox.url}/docs/ (the API reference, the error catalog at /docs/errors#<code>, and the guides)`);
  if (options.admin) {
    console.log(`Admin: ${sandbox.url}${ADMIN_PREFIX} (reset, fixtures, snapshots, clock; no key): for tests, never expose it on a shared server`);
    if (!/^(localhost|127(\.\d{1,3}){3}|::1|\[::1\])$/i.test(where.host)) {
      console.log(`Warning: --admin on host ${where.host}: whoever reaches this port can reset the sandbox or replace its data`);
    }
  }
  if (options.fixtures === undefined) {
    const demo = demoKey();
    console.log(`Demo key: ${demo.key} (workspace ${demo.workspace}; teams ${demo.teams.map((t) => `${t.name} ${t.id}`).join(', ')})`);
    console.log(`Try: curl -H "Authorization: Bearer ${demo.key}" "${sandbox.url}/api/prompts/tags"`);
  }
}

await main();
