// The flags of a benchmark: parsed strictly (a bad flag is one line and exit
// code 2), `--help` prints the comment the benchmark's file opens with, and
// numeric flags are read as positive numbers.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

export function benchFlags<T extends Options>(name: string, fileUrl: string, options: T) {
  let values: ReturnType<typeof parseArgs<{ options: T; strict: true }>>['values'];
  try {
    values = parseArgs({ options, strict: true } as { options: T; strict: true }).values;
  } catch (error) {
    console.error(`${name}: ${(error as Error).message.split('\n')[0]} (see --help)`);
    process.exit(2);
  }
  if ((values as Record<string, unknown>).help) {
    console.log(readFileSync(fileURLToPath(fileUrl), 'utf8').split('\nimport ')[0]!.replace(/^\/\/ ?/gm, ''));
    process.exit(0);
  }
  /** The flag's value as a positive number (a whole one when `integer`), or a line and exit code 2. */
  const positive = (flag: string, raw: string, integer: boolean): number => {
    const value = Number(raw);
    if (!Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
      console.error(`${name}: --${flag} must be a positive ${integer ? 'whole ' : ''}number, got "${raw}"`);
      process.exit(2);
    }
    return value;
  };
  return { flags: values, positive };
}
