// The runtimes other than Node that tests run code in: Bun, Deno and workerd
// (Cloudflare's worker runtime), from the npm registry. .ci/run installs them
// into SANDBOX_RUNTIMES_DIR (some 350 MB, so not among the dependencies);
// without it their tests are skipped, except in CI, where they fail.
import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

const runtimesDir = process.env.SANDBOX_RUNTIMES_DIR;

/** The path of a runtime's command. */
export const runtimeBin = (name: 'bun' | 'deno' | 'workerd') => (runtimesDir ? join(runtimesDir, 'node_modules', '.bin', name) : '');

export const runtimesMissing = !runtimesDir || !(['bun', 'deno', 'workerd'] as const).every((name) => existsSync(runtimeBin(name)));
export const skipRuntimes = runtimesMissing && !process.env.CI;
export const RUNTIMES_MISSING = 'SANDBOX_RUNTIMES_DIR has no bun, deno and workerd; .ci/run installs them (npm install --prefix DIR bun deno workerd)';

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Serves `worker.mjs` of `dir` (with the other ES modules named) in workerd,
 * fetches its answer once and stops it. `outbound` lets the worker's own
 * fetch reach loopback addresses (workerd allows public ones only by default).
 */
export async function answerOfWorker(dir: string, modules: string[], options: { outbound?: boolean } = {}): Promise<Response> {
  const port = await freePort();
  const embedded = ['worker.mjs', ...modules].map((name) => `(name = "${name}", esModule = embed "${name}")`).join(', ');
  writeFileSync(
    join(dir, 'config.capnp'),
    `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [ (name = "main", worker = .worker)${options.outbound ? ', (name = "loopback", network = (allow = ["local", "private", "public"]))' : ''} ],
  sockets = [ (name = "http", address = "127.0.0.1:${port}", http = (), service = "main") ],
);
const worker :Workerd.Worker = (
  modules = [ ${embedded} ],
  compatibilityDate = "2024-09-01",${options.outbound ? '\n  globalOutbound = "loopback",' : ''}
);
`,
  );
  const child = spawn(runtimeBin('workerd'), ['serve', 'config.capnp'], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  try {
    // workerd is up once it answers; bounded: 100 tries of 100 ms.
    for (let attempt = 0; attempt < 100; attempt++) {
      const answer = await fetch(`http://127.0.0.1:${port}/`).catch(() => undefined);
      if (answer) {
        // Read it while workerd runs.
        const body = await answer.arrayBuffer();
        return new Response(body, { status: answer.status, headers: answer.headers });
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`workerd did not answer: ${stderr}`);
  } finally {
    child.kill('SIGTERM');
  }
}
