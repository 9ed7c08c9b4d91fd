// Where a command's report goes, and how a command says it cannot go on.
import { renameSync, rmSync, writeFileSync } from 'node:fs';

/** Writes `text` beside `path` and renames it into place: a reader never sees half a report. */
export function writeAtomically(path: string, text: string): void {
  const temp = `${path}.tmp-${process.pid}`;
  try {
    writeFileSync(temp, text);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** One line on stderr; the exit status for bad input or a problem that stops the command. */
export function problem(message: string): 2 {
  console.error(`snippets-contract: ${message}`);
  return 2;
}

/**
 * The report to `output` (then `summary` on stdout), or to stdout when no
 * file is given. False, after saying why, when the file cannot be written.
 */
export function deliver(text: string, output: string | undefined, summary: () => string): boolean {
  if (!output) {
    process.stdout.write(text);
    return true;
  }
  try {
    writeAtomically(output, text);
  } catch (error) {
    problem(`cannot write ${output}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    return false;
  }
  console.log(summary());
  return true;
}
