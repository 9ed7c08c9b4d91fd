// `snippets-contract verify` without --base-url needs no native module
// (issue #15, point 5): the CLI, run with module hooks that fail any import of
// better-sqlite3 or Fastify, still verifies the in-process sandbox and conforms.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/processes.ts';

const bin = fileURLToPath(new URL('../../bin/snippets-contract.js', import.meta.url));
const register = fileURLToPath(new URL('../fixtures/refuse-server-modules-register.mjs', import.meta.url));
const env = { ...process.env, NODE_OPTIONS: `--import=${register}` };

describe('verify in-process', () => {
  it('loads neither the SQLite addon nor Fastify, and conforms', async () => {
    const result = await runCli(bin, ['verify'], { env });
    expect(result.stderr).not.toMatch(/was loaded/);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/CONFORMS: \d+ passed, 0 failed/);
  }, 60_000);

  it('the hooks do refuse them: the sandbox server, which needs both, cannot start under them', async () => {
    const sandboxBin = fileURLToPath(new URL('../../bin/snippets-sandbox.js', import.meta.url));
    const result = await runCli(sandboxBin, ['--port', '0', '--db', ':memory:'], { env });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/the server's module (better-sqlite3|fastify) was loaded/);
  }, 60_000);
});
