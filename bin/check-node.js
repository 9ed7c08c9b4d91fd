// Runs before anything else of a command, in syntax old Nodes still parse, so
// that a Node outside the supported versions gets one line instead of a crash
// deep in a dependency. The supported range is package.json's `engines.node`.
import { readFileSync } from 'node:fs';

/**
 * The oldest major that still runs the commands (Fastify 5 and the code here
 * need it). Past its end of life, so it runs with a warning; below it, nothing runs.
 */
const OLDEST_RUNNING_MAJOR = 20;

/** The minimum major of package.json's `engines.node` (">=22"). */
export function supportedMajor() {
  const engines = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).engines;
  const match = /^>=\s*(\d+)/.exec((engines && engines.node) || '');
  if (!match) throw new Error(`package.json: engines.node must read ">=N", got ${JSON.stringify(engines && engines.node)}`);
  return Number(match[1]);
}

/**
 * What to say to a Node of this version (`process.version`, e.g. "v20.20.0"):
 * nothing, a warning (it runs), or an error (it stops).
 */
export function nodeVerdict(tool, version, minimum) {
  const match = /^v?(\d+)/.exec(version);
  const major = match ? Number(match[1]) : 0;
  if (major >= minimum) return { level: 'ok' };
  if (major >= OLDEST_RUNNING_MAJOR) {
    return { level: 'warn', line: `${tool}: warning: Node ${version} is past its end of life and no longer supported (Node ${minimum} or newer is); it still runs for now. Upgrade to Node ${minimum}+.` };
  }
  return { level: 'error', line: `${tool}: Node ${version} is too old: this package needs Node ${minimum} or newer. Install Node ${minimum}+ (https://nodejs.org) and run it again.` };
}

/**
 * Prints the verdict's line on stderr; exits 1 when the Node cannot run the
 * command. NODE_NO_WARNINGS=1 (Node's own switch) silences the warning.
 */
export function checkNode(tool) {
  const verdict = nodeVerdict(tool, process.version, supportedMajor());
  const silenced = verdict.level === 'warn' && process.env.NODE_NO_WARNINGS === '1';
  if (verdict.line && !silenced) process.stderr.write(verdict.line + '\n');
  if (verdict.level === 'error') process.exit(1);
}
