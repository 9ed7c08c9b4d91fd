// Asks GET /health of a server every 20 ms, from a process of its own (so the
// load generator's own work does not delay the probe), and reports the
// slowest answer since the last reset over IPC. Started by bench/abuse.ts.
const [url] = process.argv.slice(2);
let latencies: number[] = [];
let failures = 0;

async function probe(): Promise<void> {
  for (;;) {
    const start = performance.now();
    try {
      const answer = await fetch(`${url}/health`, { signal: AbortSignal.timeout(5_000) });
      await answer.arrayBuffer();
      if (answer.status !== 200) failures++;
    } catch {
      failures++;
    }
    latencies.push(performance.now() - start);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export interface ProbeStats {
  probes: number;
  failures: number;
  maxMs: number;
  p99Ms: number;
}

process.on('message', (message) => {
  if (message === 'reset') {
    latencies = [];
    failures = 0;
    process.send!({ reset: true });
  } else if (message === 'stats') {
    const sorted = [...latencies].sort((a, b) => a - b);
    const stats: ProbeStats = { probes: sorted.length, failures, maxMs: sorted.at(-1) ?? 0, p99Ms: sorted[Math.floor(sorted.length * 0.99)] ?? 0 };
    process.send!(stats);
  } else if (message === 'stop') {
    process.exit(0);
  }
});
void probe();
process.send!({ ready: true });
