// A sandbox in a child process that watches itself: the longest event-loop
// delay (monitorEventLoopDelay, the time a timer fired late: how long one
// piece of work held the loop) and the peak resident memory, reset and read
// by its parent over IPC. Started by bench/abuse.ts.
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { createSandboxServer } from '../../src/sandbox/server.ts';

const [fixtures, db] = process.argv.slice(2);
const sandbox = await (await createSandboxServer({ port: 0, host: '127.0.0.1', db, fixtures, logLevel: 'silent' })).listen();
const delay = monitorEventLoopDelay({ resolution: 5 });
delay.enable();
let peakRss = process.memoryUsage().rss;
setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 10).unref();
// The process's CPU time between two ticks of a 5 ms timer: the longest is
// what one stretch of work cost, whatever the machine's other processes took
// from it meanwhile (the loop delay counts that too, on a busy machine).
let maxCpuMs = 0;
let lastCpu = process.cpuUsage();
setInterval(() => {
  const used = process.cpuUsage(lastCpu);
  lastCpu = process.cpuUsage();
  maxCpuMs = Math.max(maxCpuMs, (used.user + used.system) / 1000);
}, 5).unref();
// Garbage-collection pauses land in whichever request's turn they will: the longest is reported apart.
let maxGcMs = 0;
let maxGcKind = '';
// perf_hooks.constants.NODE_PERFORMANCE_GC_*: which collection the longest pause was.
const GC_KINDS: Record<number, string> = { 1: 'minor', 2: 'major', 4: 'incremental', 8: 'weak callbacks' };
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (entry.duration > maxGcMs) maxGcKind = GC_KINDS[(entry as { detail?: { kind?: number } }).detail?.kind ?? 0] ?? 'other';
    maxGcMs = Math.max(maxGcMs, entry.duration);
  }
}).observe({ entryTypes: ['gc'] });

export interface SandboxStats {
  maxDelayMs: number;
  p99DelayMs: number;
  peakRssMb: number;
  maxGcMs: number;
  maxGcKind: string;
  maxCpuMs: number;
}

process.on('message', (message) => {
  if (message === 'reset') {
    delay.reset();
    peakRss = process.memoryUsage().rss;
    maxGcMs = 0;
    maxGcKind = '';
    maxCpuMs = 0;
    process.send!({ reset: true });
  } else if (message === 'stats') {
    const stats: SandboxStats = { maxDelayMs: delay.max / 1e6, p99DelayMs: delay.percentile(99) / 1e6, peakRssMb: Math.max(peakRss, process.memoryUsage().rss) / 2 ** 20, maxGcMs, maxGcKind, maxCpuMs };
    process.send!(stats);
  } else if (message === 'stop') {
    void sandbox.close().then(() => process.exit(0));
  }
});
process.send!({ url: sandbox.url });
