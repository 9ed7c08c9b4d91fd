// A database file deleted while the sandbox runs (issue #20, point 3): SQLite
// would go on writing to the unlinked file and the sandbox would answer 201
// for writes that are gone. It answers 503 SERVICE_UNAVAILABLE instead, with
// Retry-After, on writes and on /health, and logs which file and what to do.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ContractClient, demoKeys, demoTeams, startSandbox } from '../helpers/sandbox.ts';

describe('a database file deleted while the sandbox runs', () => {
  it('turns writes and /health into 503 SERVICE_UNAVAILABLE with Retry-After, and one log line naming the file', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'sandbox-lost-db-')), 'sandbox.db');
    const lines: string[] = [];
    const sandbox = await startSandbox({ db, logLevel: 'info', logStream: { write: (line) => lines.push(line) } });
    try {
      const api = new ContractClient(sandbox.url, demoKeys.acme);
      const before = await api.send('createTag', 'POST', '/api/prompts/tag', { body: { tagName: 'before', teamId: demoTeams.platform } });
      expect(before.status).toBe(201);
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${db}${suffix}`, { force: true });
      const after = await api.send('createTag', 'POST', '/api/prompts/tag', { body: { tagName: 'after', teamId: demoTeams.platform } });
      expect([after.status, after.body.code]).toEqual([503, 'SERVICE_UNAVAILABLE']);
      expect(Number(after.headers.get('retry-after'))).toBeGreaterThan(0);
      const health = await api.send('getHealth', 'GET', '/health', { key: null });
      expect([health.status, health.body.code]).toEqual([503, 'SERVICE_UNAVAILABLE']);
      const lost = lines.map((l) => JSON.parse(l)).filter((l) => /database file lost/.test(l.msg));
      expect(lost).toHaveLength(1);
      expect(lost[0].msg).toContain(`${db} was deleted`);
      expect(lost[0].msg).toContain('restart the sandbox');
    } finally {
      await sandbox.close();
    }
  });
});
