// A real sandbox on 127.0.0.1 and a free port, for tests, with a recorder
// that checks every answer against the contract as it goes.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { validateErrorResponse, validatorFor } from '../../generated/validators.js';
import type { Fixtures } from '../../src/fixtures/fixtures.ts';
import { createSandboxServer, type Sandbox } from '../../src/sandbox/server.ts';
import type { SandboxOptions } from '../../src/sandbox/options.ts';
import { startInProcessServer } from './in-process-server.ts';
import demo from '../../fixtures/demo.json' with { type: 'json' };

export const fixtures = demo as Fixtures;
const keyOf = (workspace: string, status = 'active', expired = false) =>
  fixtures.apiKeys.find(
    (k) => fixtures.workspaces.find((w) => w.id === k.workspaceId)!.name.startsWith(workspace) && k.status === status && (k.expiresAt !== null) === expired,
  )!.key;

/** Keys and teams of the demo fixtures, by what they are for. */
export const demoKeys = {
  acme: keyOf('Acme'),
  inactive: keyOf('Acme', 'inactive'),
  deleted: keyOf('Acme', 'deleted'),
  expired: keyOf('Acme', 'active', true),
  globex: keyOf('Globex'),
  lapsed: keyOf('Initech'),
  noQuota: keyOf('Hooli'),
};
const teamNamed = (name: string) => fixtures.teams.find((t) => t.name === name)!.id;
export const demoTeams = { platform: teamNamed('Platform'), support: teamNamed('Support'), legal: teamNamed('Legal'), globex: teamNamed('Globex Main') };

/**
 * Drops the fixtures' folders, tags and snippets: for fixtures whose teams
 * change (the resources refer to the demo's), or a test that counts
 * everything a team or a workspace holds.
 */
export function withoutResources(f: Fixtures): void {
  delete f.folders;
  delete f.tags;
  delete f.snippets;
}

/** Writes fixtures to a temp file, for a sandbox that needs other settings than the demo ones. */
export function fixturesFile(edit: (copy: Fixtures) => void): string {
  const copy = structuredClone(fixtures);
  edit(copy);
  const path = join(mkdtempSync(join(tmpdir(), 'fixtures-')), 'fixtures.json');
  writeFileSync(path, JSON.stringify(copy));
  return path;
}

/**
 * The sandbox the suites run against: the Node server on SQLite, or, when a
 * suite is run again by test/sandbox/on-memory.test.ts, the in-process
 * sandbox on the memory store behind an HTTP bridge (only what a URL reaches:
 * no `db`, no `app`).
 */
export async function startSandbox(options: Partial<SandboxOptions> = {}): Promise<Sandbox> {
  const { sandboxStore, sandboxPostgres } = globalThis as { sandboxStore?: string; sandboxPostgres?: () => Promise<string> };
  if (sandboxStore === 'memory') return (await startInProcessServer(options)) as unknown as Sandbox;
  // Re-run by test/sandbox/on-postgres.test.ts: the server on a new PostgreSQL database of its own.
  const db = sandboxStore === 'postgres' ? await sandboxPostgres!() : ':memory:';
  return (await createSandboxServer({ db, port: 0, host: '127.0.0.1', logLevel: 'silent', ...options })).listen();
}

export interface Answer {
  status: number;
  headers: Headers;
  body: any;
}

/**
 * Sends a request and checks the answer against the contract: JSON, an
 * X-Request-Id header, the body valid for the (operation, status) it
 * documents, an error body's requestId equal to the header. Records the
 * (operation, status) pair for coverage.
 */
export class ContractClient {
  readonly seen = new Set<string>();

  constructor(
    readonly baseUrl: string,
    private readonly key?: string,
  ) {}

  async send(
    operationId: string | undefined,
    method: string,
    path: string,
    init: { query?: Record<string, string>; body?: unknown; rawBody?: string; headers?: Record<string, string>; key?: string | null } = {},
  ): Promise<Answer> {
    const url = new URL(path, this.baseUrl);
    for (const [name, value] of Object.entries(init.query ?? {})) url.searchParams.set(name, value);
    const key = init.key === undefined ? this.key : init.key;
    const headers: Record<string, string> = {
      ...(key ? { authorization: `Bearer ${key}` } : {}),
      ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...init.headers,
    };
    const response = await fetch(url, {
      method,
      headers,
      ...(init.rawBody !== undefined ? { body: init.rawBody } : init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
    });
    const text = await response.text();
    const where = `${method} ${path} -> ${response.status}: ${text.slice(0, 300)}`;
    expect(response.headers.get('content-type'), where).toMatch(/^application\/json/);
    const body = JSON.parse(text);
    const requestId = response.headers.get('x-request-id');
    expect(requestId, where).toMatch(/^[A-Za-z0-9_-]{8,128}$/);
    if (response.status >= 400) {
      expect(validateErrorResponse(body), `${where}\n${JSON.stringify(validateErrorResponse.errors)}`).toBe(true);
      expect(body.requestId, where).toBe(requestId);
    }
    if (operationId) {
      const validate = validatorFor(operationId, response.status);
      expect(validate, `${operationId} does not document ${response.status}: ${where}`).toBeTypeOf('function');
      expect(validate!(body), `${where}\n${JSON.stringify(validate!.errors)}`).toBe(true);
      this.seen.add(`${operationId} ${response.status}`);
    }
    return { status: response.status, headers: response.headers, body };
  }
}

/**
 * A sandbox on the demo fixtures with every key allowed 100 000 requests a
 * minute, and a client of the Acme key: for files about behaviour, not limits.
 */
export async function startRoomySandbox(): Promise<{ sandbox: Sandbox; api: ContractClient }> {
  const file = fixturesFile((f) => f.apiKeys.forEach((k) => (k.rateLimitPerMinute = 100_000)));
  const sandbox = await startSandbox({ fixtures: file });
  return { sandbox, api: new ContractClient(sandbox.url, demoKeys.acme) };
}
