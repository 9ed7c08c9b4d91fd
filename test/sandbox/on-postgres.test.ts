// One behaviour, proved on every store (issue #17): the suites that reach the
// sandbox only through its URL run again here, on the Node server over the
// PostgreSQL store, each sandbox on a database of its own.
import { afterAll, describe, it } from 'vitest';
import { postgresMissing, startPostgres, type TestPostgres } from '../helpers/postgres.ts';

if (postgresMissing) {
  describe.skip('the server suites on PostgreSQL (PostgreSQL is not installed)', () => it('skipped', () => {}));
} else {
  const postgres: Promise<TestPostgres> = startPostgres();
  afterAll(async () => (await postgres).destroy());
  Object.assign(globalThis, { sandboxStore: 'postgres', sandboxPostgres: async () => (await postgres).createDatabase() });

  await import('./resources.test.ts');
  await import('./rate-limit.test.ts');
  await import('./operation-coverage.test.ts');
  await import('./abuse-validation.test.ts');
  await import('./abuse-big-answers.test.ts');
}
