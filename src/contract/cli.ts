// `snippets-contract`: `verify` checks a running server against the
// contract, `diff` classifies the changes between two versions of it.
import { DIFF_USAGE, diffCommand } from './diff-command.ts';
import { VERIFY_USAGE, verifyCommand } from './verify-command.ts';

const USAGE = `Usage: snippets-contract <command> [flags]

Commands:
  verify   check a server's responses against openapi.yaml
  diff     find the changes between two OpenAPI documents, breaking ones first

${VERIFY_USAGE}

${DIFF_USAGE}`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    console.log(USAGE);
    return 0;
  }
  if (command === 'verify') return verifyCommand(rest);
  if (command === 'diff') return diffCommand(rest);
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
