/** A problem with how a command was called: one line on stderr, exit 2. */
export class UsageError extends Error {}

/** node:util parseArgs' first line, with where to find the flags. */
export function flagProblem(error: unknown, command: string): UsageError {
  return new UsageError(`${(error as Error).message.split('\n')[0]}. Run snippets-contract ${command} --help for the flags.`);
}

/**
 * The flags `parse` made of `argv`, or the exit status when the command has
 * nothing more to do: 0 after printing `usage` for --help, 2 after saying
 * what is wrong with the flags.
 */
export function flagsOrExit<R extends { help: boolean }>(argv: string[], parse: (argv: string[]) => R, usage: string): Exclude<R, { help: true }> | number {
  let args;
  try {
    args = parse(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`snippets-contract: ${error.message}`);
    return 2;
  }
  if (args.help) {
    console.log(usage);
    return 0;
  }
  return args as Exclude<R, { help: true }>;
}
