// The two kinds of sandbox a test can hold in its hand, behind one shape:
// the Node server on SQLite (reached through Fastify's injection) and the
// in-process sandbox on the memory store. For describe.each(sandboxKinds).
import { afterEach } from 'vitest';
import { readFixtures } from '../../src/fixtures/fixtures-file.ts';
import { contract } from '../../src/sandbox/contract.ts';
import { createSandbox } from '../../src/sandbox/in-process.ts';
import { createSandboxServer } from '../../src/sandbox/server.ts';

/** What both kinds offer: fixtures are given as files, as tests write them (fixturesFile). */
export interface HeldSandbox {
  fetch: typeof globalThis.fetch;
  clock: { advance(ms: number): void; set(time: number | string | Date): void };
  reset(next?: { fixtures?: string }): Promise<void>;
  close(): Promise<void>;
}

const readFile = (path: string) => readFixtures(path, contract().keyPattern);

export const sandboxKinds: Array<{ name: string; start(fixtures?: string): Promise<HeldSandbox> }> = [
  { name: 'server on SQLite', start: (fixtures) => createSandboxServer({ db: ':memory:', logLevel: 'silent', ...(fixtures && { fixtures }) }) },
  {
    name: 'in-process on memory',
    async start(fixtures) {
      const sandbox = await createSandbox(fixtures ? { fixtures: readFile(fixtures) } : {});
      // A file that cannot be read fails inside the promise, as the server's reset does.
      return { ...sandbox, reset: async (next = {}) => sandbox.reset(next.fixtures === undefined ? {} : { fixtures: readFile(next.fixtures) }) };
    },
  },
];

/**
 * Starts sandboxes of a kind for a test file, each closed after its test;
 * `call(path, key, init)` sends a request and answers `{ status, body }`.
 */
export function sandboxesClosedAfterEach() {
  const open: HeldSandbox[] = [];
  afterEach(async () => {
    for (const sandbox of open.splice(0)) await sandbox.close();
  });
  return async (start: (fixtures?: string) => Promise<HeldSandbox>, fixtures?: string) => {
    const sandbox = await start(fixtures);
    open.push(sandbox);
    const call = async (path: string, key: string | null, init: RequestInit = {}) => {
      const answer = await sandbox.fetch(`http://sandbox.test${path}`, { ...init, headers: { ...(key && { authorization: `Bearer ${key}` }), ...(init.headers as Record<string, string>) } });
      return { status: answer.status, body: await answer.json() };
    };
    return { sandbox, call };
  };
}
