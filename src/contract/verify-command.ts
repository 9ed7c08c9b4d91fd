// `snippets-contract verify`: runs the contract scenarios against a server
// (or an in-process sandbox) and reports. Everything that can be wrong with
// the call (flags, the --output and --har paths) is found before the first
// request; a run cut short (deadline, SIGINT, SIGTERM) still writes what it
// has, marked incomplete.
import { accessSync, constants, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { HarRecorder } from './har.ts';
import { deliver, problem, writeAtomically } from './output.ts';
import { flagProblem, flagsOrExit, UsageError } from './usage.ts';
import { junitReport } from './reporters/junit.ts';
import { prettyReport } from './reporters/pretty.ts';
import { createProgress } from './reporters/progress.ts';
import { RunStopped } from './run-errors.ts';
import { verify, VerifyError, type Report, type Verdict } from './run.ts';

export const EXIT_CODES: Record<Verdict, number> = { conforms: 0, 'does-not-conform': 1, incomplete: 2, inconclusive: 3 };

export const VERIFY_USAGE = `Usage: snippets-contract verify [--base-url URL] [--fixtures FILE] [--reporter pretty|json|junit] [--output FILE]
                                [--har FILE] [--strict] [--only ID-PREFIX]... [--min-coverage PCT]
                                [--timeout-seconds S] [--deadline-seconds S] [--generate N [--seed S]]

  --base-url URL          the server to verify (default: an in-process sandbox on an in-memory database)
  --fixtures FILE         the fixtures file the server was started with (default: the built-in demo fixtures)
  --reporter R            pretty (default), json or junit
  --output FILE           write the report there instead of to standard output
  --har FILE              record every exchange there as HAR 1.2 (keys redacted)
  --strict                a skipped or inconclusive scenario counts as a failure
  --only PREFIX           run only the scenarios whose id starts with PREFIX (repeatable)
  --min-coverage PCT      the share of operations, and of catalog codes, the run must cover
                          (default: 100 for the full suite, 0 with --only)
  --timeout-seconds S     how long one request may go unanswered (default 10)
  --deadline-seconds S    how long the whole run may take (default 1800)
  --generate N            add about N requests generated from the spec: boundary values, invalid fields,
                          stateful sequences; a failure is shrunk and printed as a curl command
  --seed S                the seed of the generated requests (default: a random one, printed): the same
                          seed gives the same run

Exit codes: 0 conforms; 1 violations found (or, with --strict, a skip); 2 usage or connection
problem, or a run that did not finish (deadline, signal, a server that stopped answering);
3 inconclusive: no violation, but the run could not prove conformance (throttled or timed-out
scenarios, coverage under --min-coverage, nothing checked).`;

function wholeNumber(flag: string, raw: string | undefined, min: number, max: number): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) throw new UsageError(`--${flag} must be a whole number from ${min} to ${max}; got "${raw}"`);
  return Number(raw);
}

/** A report file must be writable before the run starts, not found unwritable at its end. */
function checkWritable(flag: string, path: string | undefined): void {
  if (path === undefined) return;
  const directory = statSync(dirname(resolve(path)), { throwIfNoEntry: false });
  if (!directory) throw new UsageError(`--${flag} ${path}: the directory ${dirname(path)} does not exist; create it first (mkdir -p ${dirname(path)})`);
  if (!directory.isDirectory()) throw new UsageError(`--${flag} ${path}: ${dirname(path)} is not a directory`);
  try {
    accessSync(dirname(resolve(path)), constants.W_OK);
  } catch {
    throw new UsageError(`--${flag} ${path}: the directory ${dirname(path)} is not writable`);
  }
  if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) throw new UsageError(`--${flag} ${path} is a directory; give a file path`);
}

/** Generated requests a run may add: each costs quota, and the report keeps every scenario. */
const MAX_GENERATED = 100_000;
const MAX_SEED = 2 ** 32 - 1;

function seedOf(raw: string | undefined, generate: string | undefined): number {
  if (raw !== undefined && generate === undefined) throw new UsageError('--seed goes with --generate N; without it nothing is generated');
  return wholeNumber('seed', raw, 0, MAX_SEED) ?? Math.floor(Math.random() * MAX_SEED);
}

function parse(rest: string[]) {
  let values;
  try {
    ({ values } = parseArgs({
      args: rest,
      strict: true,
      allowPositionals: false,
      options: {
        'base-url': { type: 'string' },
        fixtures: { type: 'string' },
        reporter: { type: 'string', default: 'pretty' },
        output: { type: 'string' },
        har: { type: 'string' },
        strict: { type: 'boolean', default: false },
        only: { type: 'string', multiple: true },
        'min-coverage': { type: 'string' },
        'timeout-seconds': { type: 'string' },
        'deadline-seconds': { type: 'string' },
        generate: { type: 'string' },
        seed: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw flagProblem(error, 'verify');
  }
  if (values.help) return { help: true as const };
  if (!['pretty', 'json', 'junit'].includes(values.reporter!)) throw new UsageError(`--reporter must be pretty, json or junit; got "${values.reporter}"`);
  const baseUrl = values['base-url'];
  if (baseUrl !== undefined) {
    let url: URL;
    try {
      url = new URL(baseUrl);
    } catch {
      throw new UsageError(`--base-url must be an http(s) URL such as http://127.0.0.1:4010; got "${baseUrl}"`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`--base-url must be an http(s) URL; got "${baseUrl}"`);
  }
  checkWritable('output', values.output);
  checkWritable('har', values.har);
  if (values.output !== undefined && values.har !== undefined && resolve(values.output) === resolve(values.har)) {
    throw new UsageError('--output and --har name the same file; give each its own');
  }
  return {
    help: false as const,
    baseUrl,
    fixtures: values.fixtures,
    reporter: values.reporter as 'pretty' | 'json' | 'junit',
    output: values.output,
    har: values.har,
    strict: values.strict!,
    only: values.only,
    minCoverage: wholeNumber('min-coverage', values['min-coverage'], 0, 100),
    timeoutSeconds: wholeNumber('timeout-seconds', values['timeout-seconds'], 1, 3600),
    deadlineSeconds: wholeNumber('deadline-seconds', values['deadline-seconds'], 1, 7 * 24 * 3600),
    generate: wholeNumber('generate', values.generate, 1, MAX_GENERATED),
    seed: seedOf(values.seed, values.generate),
  };
}

function render(report: Report, reporter: 'pretty' | 'json' | 'junit'): string {
  if (reporter === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  if (reporter === 'junit') return junitReport(report);
  return `${prettyReport(report)}\n`;
}

export async function verifyCommand(argv: string[]): Promise<number> {
  const args = flagsOrExit(argv, parse, VERIFY_USAGE);
  if (typeof args === 'number') return args;
  // Progress goes where the report does not: stdout for pretty, stderr when stdout carries JSON or XML.
  const stream = args.reporter === 'pretty' || args.output ? process.stdout : process.stderr;
  const progress = createProgress(stream, stream.isTTY === true);
  const har = args.har ? new HarRecorder() : undefined;
  // Said first, so that a run cut short can still be repeated.
  if (args.generate !== undefined) stream.write(`Generating about ${args.generate} requests from seed ${args.seed} (--seed ${args.seed} repeats them)\n`);

  // The first SIGINT or SIGTERM ends the run and still writes the report; a second one exits at once.
  const interrupt = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    if (interrupt.signal.aborted) process.exit(2);
    interrupt.abort(new RunStopped(`interrupted by ${signal}`));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  let report: Report;
  try {
    report = await verify({
      ...(args.baseUrl && { baseUrl: args.baseUrl }),
      ...(args.fixtures && { fixtures: args.fixtures }),
      ...(args.only && { only: args.only }),
      ...(args.minCoverage !== undefined && { minCoverage: args.minCoverage }),
      ...(args.timeoutSeconds !== undefined && { timeoutMs: args.timeoutSeconds * 1000 }),
      ...(args.deadlineSeconds !== undefined && { deadlineMs: args.deadlineSeconds * 1000 }),
      ...(args.generate !== undefined && { generate: { count: args.generate, seed: args.seed } }),
      strict: args.strict,
      signal: interrupt.signal,
      onResult: (result, index, total) => progress.onResult(result, index, total),
      onExchange: (exchange) => {
        progress.onExchange();
        har?.record(exchange);
      },
    });
  } catch (error) {
    if (!(error instanceof VerifyError)) throw error;
    return problem(error.message);
  } finally {
    progress.stop();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  if (har) {
    try {
      writeAtomically(args.har!, har.toJson());
    } catch (error) {
      problem(`cannot write ${args.har}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
  }
  const text = render(report, args.reporter);
  // With --output, the pretty report still goes to the terminal; the others leave their verdict lines.
  const verdictLines = () => prettyReport(report).split('\n').slice(-1 - report.reasons.length).join('\n');
  const summary = () => (args.reporter === 'pretty' ? text.trimEnd() : verdictLines());
  if (!deliver(text, args.output, summary)) return 2;
  if (args.reporter !== 'pretty' && !args.output) console.error(verdictLines());
  return EXIT_CODES[report.verdict];
}
