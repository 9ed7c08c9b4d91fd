// Starting the built CLIs as real processes, for tests of what a user runs.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const sandboxBin = fileURLToPath(new URL('../../bin/snippets-sandbox.js', import.meta.url));

export function requireBuild(): void {
  if (!existsSync(new URL('../../dist/sandbox/cli.js', import.meta.url))) {
    throw new Error('dist/ is missing: run `npm run build` (npm test does) before these tests');
  }
}

export interface RunningSandbox {
  child: ChildProcess;
  url: string;
  output: () => string;
  /** Resolves with the first match of `pattern` in the output, waiting for it if need be. */
  waitFor(pattern: RegExp): Promise<RegExpExecArray>;
  /** Resolves with the exit code once the process ends. */
  exited: Promise<number | null>;
}

export interface StartOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Runs it under this descriptor limit (`ulimit -n`). */
  maxOpenFiles?: number;
  /** Another way to launch it (`npm start`, `npx`): the command and its arguments before the sandbox's own. */
  launcher?: [string, string[]];
  /** In a process group of its own, as a terminal's foreground job is (for a Ctrl-C sent to the group). */
  detached?: boolean;
}

/** Starts the sandbox CLI and waits for its ready line. */
export function startSandboxProcess(args: string[], options: StartOptions = {}): Promise<RunningSandbox> {
  requireBuild();
  const [command, commandArgs]: [string, string[]] = options.launcher
    ? [options.launcher[0], [...options.launcher[1], ...args]]
    : options.maxOpenFiles === undefined
      ? [process.execPath, [sandboxBin, ...args]]
      : // exec: the sandbox replaces the shell, so the child's pid (and kill()) are the sandbox's.
        ['/bin/sh', ['-c', `ulimit -n ${options.maxOpenFiles} && exec "$0" "$@"`, process.execPath, sandboxBin, ...args]];
  const child = spawn(command, commandArgs, { cwd: options.cwd ?? repoRoot, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'], detached: options.detached ?? false });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ready line within 15 s:\n${output}`)), 15_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /^Sandbox listening on (http:\/\/\S+)$/m.exec(output);
      if (match) {
        clearTimeout(timer);
        const waitFor = (pattern: RegExp) =>
          new Promise<RegExpExecArray>((found, fail) => {
            const check = () => {
              const hit = pattern.exec(output);
              if (hit) return found(hit);
              if (child.exitCode !== null) return fail(new Error(`${pattern} never appeared:\n${output}`));
              setTimeout(check, 20);
            };
            check();
          });
        resolve({ child, url: match[1]!, output: () => output, waitFor, exited });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the sandbox exited with ${code} before it was ready:\n${output}`));
    });
  });
}

/** Runs a CLI to completion; `uid`/`gid` run it as another user (the tests run as root in CI). */
export function runCli(
  bin: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; uid?: number; gid?: number } = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: options.cwd ?? repoRoot,
      env: options.env ?? process.env,
      ...(options.uid !== undefined && { uid: options.uid }),
      ...(options.gid !== undefined && { gid: options.gid }),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}
