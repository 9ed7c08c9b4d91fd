// `snippets-contract verify`: runs the contract scenarios against a server
// (or an in-process sandbox) and reports. Exit codes: 0 when every scenario
// run conforms, 1 on any violation (or skip, with --strict), 2 on a usage or
// connection problem.
import { parseArgs } from 'node:util';
import { deliver, problem } from './output.ts';
import { flagProblem, flagsOrExit, UsageError } from './usage.ts';
import { junitReport } from './reporters/junit.ts';
import { prettyReport, progressLine } from './reporters/pretty.ts';
import { verify, VerifyError, type Report } from './run.ts';

export const VERIFY_USAGE = `Usage: snippets-contract verify [--base-url URL] [--fixtures FILE] [--reporter pretty|json|junit] [--output FILE] [--strict] [--only ID-PREFIX]...

  --base-url URL   the server to verify (default: an in-process sandbox on a temporary database)
  --fixtures FILE  the fixtures file the server was started with (default: the built-in demo fixtures)
  --reporter R     pretty (default), json or junit
  --output FILE    write the report there instead of to standard output
  --strict         a skipped scenario counts as a failure
  --only PREFIX    run only the scenarios whose id starts with PREFIX (repeatable)

Exit codes: 0 conforms, 1 violations found, 2 usage or connection problem.`;

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
        strict: { type: 'boolean', default: false },
        only: { type: 'string', multiple: true },
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
  return { help: false as const, baseUrl, fixtures: values.fixtures, reporter: values.reporter as 'pretty' | 'json' | 'junit', output: values.output, strict: values.strict!, only: values.only };
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
  const progress = args.reporter === 'pretty' || args.output ? process.stdout : process.stderr;
  let report: Report;
  try {
    report = await verify({
      ...(args.baseUrl && { baseUrl: args.baseUrl }),
      ...(args.fixtures && { fixtures: args.fixtures }),
      ...(args.only && { only: args.only }),
      strict: args.strict,
      onResult: (result, index, total) => progress.write(`${progressLine(result, index, total)}\n`),
    });
  } catch (error) {
    if (!(error instanceof VerifyError)) throw error;
    return problem(error.message);
  }
  const text = render(report, args.reporter);
  // With --output, the pretty report still goes to the terminal; the others leave their last line.
  const summary = () => (args.reporter === 'pretty' ? text.trimEnd() : prettyReport(report).split('\n').at(-1)!);
  if (!deliver(text, args.output, summary)) return 2;
  return report.ok ? 0 : 1;
}
