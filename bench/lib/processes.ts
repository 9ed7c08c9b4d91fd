// Child processes for benchmarks: each server runs in its own process group,
// so that it and anything it spawned (npx, a shell wrapper) can be stopped
// together, and every group still running is killed when this process exits,
// however it exits (normal end, thrown error, Ctrl-C, SIGTERM).
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';

export interface Child {
  name: string;
  process: ChildProcess;
  /** Everything the child wrote so far (stdout and stderr), for error messages. */
  output(): string;
  /** Resolves with the first match of `pattern` in the child's output; rejects if it exits or the time runs out first. */
  waitFor(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray>;
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      // already gone
    }
  }
}

/** Kills every child group still running, synchronously (usable from an 'exit' handler). */
export function killAllNow(): void {
  for (const child of running) killGroup(child, 'SIGKILL');
  running.clear();
}

let handlersInstalled = false;
function installExitHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on('exit', killAllNow);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      console.error(`\nreceived ${signal}: stopping the servers`);
      killAllNow();
      process.exit(130);
    });
  }
}

const MAX_KEPT_OUTPUT = 64 * 1024;

export function startChild(
  name: string,
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; /** Send its stdout to /dev/null instead of reading it. */ discardStdout?: boolean } = {},
): Child {
  installExitHandlers();
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    detached: true, // its own process group, killed as a whole
    stdio: ['ignore', options.discardStdout ? 'ignore' : 'pipe', 'pipe'],
  });
  running.add(child);
  let output = '';
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    // Always drained, so a chatty child never blocks on a full pipe; only the start is kept.
    if (output.length < MAX_KEPT_OUTPUT) output += chunk.toString('utf8');
    for (const listener of listeners) listener();
  };
  child.stdout?.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<void>((resolve) => {
    child.on('exit', () => {
      running.delete(child);
      for (const listener of listeners) listener();
      resolve();
    });
    child.on('error', (error) => {
      output += `\n[${name}: ${error.message}]`;
      running.delete(child);
      for (const listener of listeners) listener();
      resolve();
    });
  });

  return {
    name,
    process: child,
    output: () => output,
    waitFor(pattern, timeoutMs) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`${name} did not print ${pattern} within ${timeoutMs / 1000} s. Its output:\n${output.slice(0, 4000)}`));
        }, timeoutMs);
        function check() {
          const match = pattern.exec(output);
          if (match) {
            clearTimeout(timer);
            listeners.delete(check);
            resolve(match);
          } else if (!running.has(child)) {
            clearTimeout(timer);
            listeners.delete(check);
            reject(new Error(`${name} exited (code ${child.exitCode}, signal ${child.signalCode}) before printing ${pattern}. Its output:\n${output.slice(0, 4000)}`));
          }
        }
        listeners.add(check);
        check();
      });
    },
    async stop() {
      if (!running.has(child)) return;
      killGroup(child, 'SIGTERM');
      const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 3000);
      await exited;
      clearTimeout(timer);
      // Anything the child started and left behind in its group.
      killGroup(child, 'SIGKILL');
    },
  };
}

/** A TCP port that was free a moment ago, for servers that cannot be given port 0. */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

let clockTicks: number | undefined;
function ticksPerSecond(): number {
  if (clockTicks === undefined) {
    try {
      clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      clockTicks = 100;
    }
  }
  return clockTicks;
}

/**
 * CPU seconds used so far by a process and all its descendants, in user
 * space and in the kernel, from /proc. Undefined where /proc is not available.
 */
export function treeCpuSeconds(rootPid: number): { user: number; system: number } | undefined {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return undefined;
  }
  const stats = new Map<number, { ppid: number; user: number; system: number }>();
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const text = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the command name, which is in parentheses and may hold spaces.
      const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
      // fields[0] is field 3 (state): ppid is field 4, utime 14, stime 15.
      stats.set(Number(entry), { ppid: Number(fields[1]), user: Number(fields[11]), system: Number(fields[12]) });
    } catch {
      // the process ended while we looked
    }
  }
  if (!stats.has(rootPid)) return undefined;
  let user = 0;
  let system = 0;
  const queue = [rootPid];
  while (queue.length > 0) {
    const pid = queue.pop()!;
    user += stats.get(pid)!.user;
    system += stats.get(pid)!.system;
    for (const [other, stat] of stats) if (stat.ppid === pid) queue.push(other);
  }
  return { user: user / ticksPerSecond(), system: system / ticksPerSecond() };
}
