// `snippets-sandbox`: starts the reference sandbox, prints the ready line
// (`Sandbox listening on http://HOST:PORT`) and, with the built-in fixtures,
// the demo key; stops cleanly on SIGINT and SIGTERM.
import { UsageError, USAGE, parseOptions } from './cli-options.ts';
import { demoKey, FixturesError } from '../fixtures/fixtures.ts';
import { defaultOptions } from './options.ts';
import { createSandbox } from './server.ts';

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

  let sandbox;
  try {
    sandbox = await createSandbox(options).listen();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (error instanceof FixturesError) console.error(`snippets-sandbox: ${error.message}`);
    else if (code === 'EADDRINUSE') {
      console.error(`snippets-sandbox: port ${options.port ?? defaultOptions.port} is in use; pass --port 0 for a free port, or another --port`);
    } else if (code === 'SQLITE_CANTOPEN' || code === 'EACCES') {
      console.error(`snippets-sandbox: cannot open the database ${options.db ?? defaultOptions.db}: ${(error as Error).message}`);
    } else console.error(`snippets-sandbox: could not start: ${(error as Error).message}`);
    process.exit(2);
  }

  console.log(`Sandbox listening on ${sandbox.url}`);
  console.log(`Database: ${options.db ?? defaultOptions.db}`);
  console.log(`Docs: ${sandbox.url}/docs/ (the API reference, the error catalog at /docs/errors#<code>, and the guides)`);
  if (options.fixtures === undefined) {
    const demo = demoKey();
    console.log(`Demo key: ${demo.key} (workspace ${demo.workspace}; teams ${demo.teams.map((t) => `${t.name} ${t.id}`).join(', ')})`);
    console.log(`Try: curl -H "Authorization: Bearer ${demo.key}" "${sandbox.url}/api/prompts/tags"`);
  }

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    sandbox.close().then(
      () => {
        console.log(`Sandbox stopped (${signal})`);
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
}

await main();
