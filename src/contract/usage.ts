/** A problem with how a command was called: one line on stderr, exit 2. */
export class UsageError extends Error {}

/** node:util parseArgs' first line, with where to find the flags. */
export function flagProblem(error: unknown, command: string): UsageError {
  return new UsageError(`${(error as Error).message.split('\n')[0]}. Run snippets-contract ${command} --help for the flags.`);
}
