// One behaviour, proved twice (issue #15, point 5): the whole built-in verify
// suite against the Node server on its SQLite store, over HTTP, and against
// the in-process sandbox on the memory store (verify() without a base URL).
import { afterAll, describe, expect, it } from 'vitest';
import { verify } from '../../src/contract/run.ts';
import { startSandbox } from '../helpers/sandbox.ts';
import type { Sandbox } from '../../src/sandbox/server.ts';

let server: Sandbox | undefined;
afterAll(async () => {
  await server?.close();
});

describe('the verify suite on both stores', () => {
  it('conforms on the server on SQLite, over HTTP', async () => {
    server = await startSandbox({ db: ':memory:' });
    const report = await verify({ baseUrl: server.url });
    expect(report.reasons).toEqual([]);
    expect(report.verdict).toBe('conforms');
    expect(report.counts.failed + report.counts.inconclusive).toBe(0);
    expect(report.counts.passed).toBeGreaterThan(20);
  }, 120_000);

  it('conforms in-process on the memory store, with no socket', async () => {
    const report = await verify();
    expect(report.reasons).toEqual([]);
    expect(report.verdict).toBe('conforms');
    expect(report.counts.failed + report.counts.inconclusive).toBe(0);
    expect(report.counts.passed).toBeGreaterThan(20);
  }, 120_000);
});
