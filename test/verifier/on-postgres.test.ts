// The whole built-in verify suite against the Node server on the PostgreSQL
// store, over HTTP (as test/verifier/both-stores.test.ts does on SQLite and
// memory): one behaviour, whatever keeps the data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verify } from '../../src/contract/run.ts';
import { createSandboxServer, type Sandbox } from '../../src/sandbox/server.ts';
import { postgresMissing, startPostgres, type TestPostgres } from '../helpers/postgres.ts';

describe.skipIf(postgresMissing)('the verify suite on PostgreSQL', () => {
  let postgres: TestPostgres;
  let server: Sandbox | undefined;
  beforeAll(async () => {
    postgres = await startPostgres();
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await postgres?.destroy();
  });

  it('conforms on the server on PostgreSQL, over HTTP', async () => {
    server = await (await createSandboxServer({ db: await postgres.createDatabase(), port: 0, host: '127.0.0.1', logLevel: 'silent' })).listen();
    expect(server.store.kind).toBe('postgres');
    const report = await verify({ baseUrl: server.url });
    expect(report.reasons).toEqual([]);
    expect(report.verdict).toBe('conforms');
    expect(report.counts.failed + report.counts.inconclusive).toBe(0);
    expect(report.counts.passed).toBeGreaterThan(20);
  }, 120_000);
});
