// `snippets-contract diff`: the changes from one OpenAPI document to another,
// classified for consumers. Exit codes: 0 nothing reaches --fail-on, 1 a
// finding does, 2 bad input (one line on stderr, never a stack trace).
import { parseArgs } from 'node:util';
import { diffSources } from './diff/diff.ts';
import type { Finding } from './diff/findings.ts';
import { jsonReport } from './diff/format/json.ts';
import { junitDiffReport } from './diff/format/junit.ts';
import { markdownReport } from './diff/format/markdown.ts';
import { summaryLine } from './diff/format/counts.ts';
import { textReport } from './diff/format/text.ts';
import { RELEASED_SPEC } from './diff/policy.ts';
import { reaches, type Level } from './diff/rules.ts';
import { DEFAULT_SPEC, DiffInputError } from './diff/source.ts';
import { deliver, problem } from './output.ts';
import { flagProblem, flagsOrExit, UsageError } from './usage.ts';

export const DIFF_USAGE = `Usage: snippets-contract diff --base SRC [--head SRC] [--format text|json|junit|markdown] [--fail-on breaking|warning] [--output FILE]

  --base SRC      the document before the change
  --head SRC      the document after it (default: ${DEFAULT_SPEC})
  --format F      text (default), json, junit or markdown
  --fail-on L     exit 1 when a finding is at least this level: breaking (default) or warning
  --output FILE   write the report there instead of to standard output

SRC is a file path, git:REF (${DEFAULT_SPEC} as it stands at that git revision)
or git:REF:PATH. In a pull request: snippets-contract diff --base git:origin/main

Exit codes: 0 nothing reaches --fail-on, 1 something does, 2 bad input.`;

const FORMATS = ['text', 'json', 'junit', 'markdown'] as const;
type Format = (typeof FORMATS)[number];
const FAIL_ON = ['breaking', 'warning'] as const;

function parse(argv: string[]) {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        base: { type: 'string' },
        head: { type: 'string', default: DEFAULT_SPEC },
        format: { type: 'string', default: 'text' },
        'fail-on': { type: 'string', default: 'breaking' },
        output: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw flagProblem(error, 'diff');
  }
  if (values.help) return { help: true as const };
  if (values.base === undefined) throw new UsageError(`--base is required: the document to compare against, e.g. --base git:origin/main or --base ${RELEASED_SPEC}`);
  if (!(FORMATS as readonly string[]).includes(values.format!)) throw new UsageError(`--format must be ${FORMATS.join(', ')}; got "${values.format}"`);
  if (!(FAIL_ON as readonly string[]).includes(values['fail-on']!)) throw new UsageError(`--fail-on must be breaking or warning; got "${values['fail-on']}"`);
  return { help: false as const, base: values.base, head: values.head!, format: values.format as Format, failOn: values['fail-on'] as Level, output: values.output };
}

function render(format: Format, findings: Finding[], failOn: Level, base: string, head: string): string {
  const title = `${base} -> ${head}`;
  if (format === 'json') return jsonReport(findings, failOn, base, head);
  if (format === 'junit') return junitDiffReport(findings, failOn, title);
  if (format === 'markdown') return markdownReport(findings, failOn, title);
  return textReport(findings, failOn, title);
}

export function diffCommand(argv: string[]): number {
  const args = flagsOrExit(argv, parse, DIFF_USAGE);
  if (typeof args === 'number') return args;
  let result;
  try {
    result = diffSources(args.base, args.head);
  } catch (error) {
    if (!(error instanceof DiffInputError)) throw error;
    return problem(error.message);
  }
  const { findings } = result;
  const text = render(args.format, findings, args.failOn, result.base.label, result.head.label);
  if (!deliver(text, args.output, () => summaryLine(findings, args.failOn))) return 2;
  return findings.some((f) => reaches(f.level, args.failOn)) ? 1 : 0;
}
