// `snippets-contract`: `verify` checks a running server against the
// contract, `diff` classifies the changes between two versions of it.
// Each command is imported when it runs: diff never loads the verifier's
// validators, and verify never loads the YAML parser.

const USAGE = `Usage: snippets-contract <command> [flags]

Commands:
  verify   check a server's responses against openapi.yaml
  diff     find the changes between two OpenAPI documents, breaking ones first

Run snippets-contract verify --help or snippets-contract diff --help for the flags of each.`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    console.log(USAGE);
    return 0;
  }
  if (command === 'verify') return (await import('./verify-command.ts')).verifyCommand(rest);
  if (command === 'diff') return (await import('./diff-command.ts')).diffCommand(rest);
  console.error(`snippets-contract: unknown command "${command}"; the commands are verify and diff (snippets-contract --help)`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`snippets-contract: unexpected error: ${(error as Error).message}`);
    process.exitCode = 2;
  },
);
