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
