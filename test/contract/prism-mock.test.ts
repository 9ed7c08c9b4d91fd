// Prism's mock server on openapi.yaml (issue #19): every operation, called as
// its examples say (required parameters from their examples, the request
// body example), with `Prefer: example=<name>` naming the request example,
// is answered with the success response example of the same name, and with
// the response headers' examples (a mock without them sends RateLimit-Limit: 0).
// Prism runs with --errors: a request it finds invalid is answered with an error.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operationExamples } from '../../scripts/docs/operation-examples.ts';
import { deref, isObject, listOperations, type Json, type JsonObject } from '../../scripts/lib/spec.ts';
import { demoKeys } from '../helpers/sandbox.ts';
import { freePort } from '../helpers/runtimes.ts';
import { repoRoot, spec } from '../helpers/spec.ts';

const prismBin = join(repoRoot, 'node_modules', '.bin', 'prism');
let prism: ChildProcess;
let base: string;

beforeAll(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  prism = spawn(prismBin, ['mock', join(repoRoot, 'openapi.yaml'), '--host', '127.0.0.1', '--port', String(port), '--errors'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`prism did not start within 60 s:\n${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Prism is listening')) {
        clearTimeout(timer);
        resolve();
      }
    };
    prism.stdout!.on('data', read);
    prism.stderr!.on('data', read);
    prism.on('exit', (code) => reject(new Error(`prism exited (${code}):\n${output}`)));
  });
}, 90_000);

afterAll(() => {
  prism?.kill();
});

interface Pair {
  operationId: string;
  name: string;
  status: number;
  expected: Json;
}

/** For each operation: the example its call names (the request example's, else the first success one), and the response example of that name. */
function pairs(): Pair[] {
  return listOperations(spec).map((op) => {
    const requestExamples = op.requestBody ? Object.keys(((op.requestBody.content as JsonObject)['application/json'] as JsonObject).examples as JsonObject) : [];
    const success = Object.entries(op.responses).filter(([status]) => status.startsWith('2'));
    const examplesOf = (response: JsonObject) => (((response.content as JsonObject | undefined)?.['application/json'] as JsonObject | undefined)?.examples as JsonObject | undefined) ?? {};
    const name = requestExamples[0] ?? Object.keys(examplesOf(success[0]![1]))[0]!;
    const [status, response] = success.find(([, r]) => name in examplesOf(r))!;
    return { operationId: op.operationId, name, status: Number(status), expected: (deref(spec, examplesOf(response)[name]!) as JsonObject).value! };
  });
}

const headerExamples = Object.fromEntries(
  Object.entries((spec.components as JsonObject).headers as JsonObject).map(([name, header]) => [name.toLowerCase(), String((header as JsonObject).example)]),
);

describe("Prism's mock on openapi.yaml", () => {
  const calls = operationExamples(spec);
  const cases = pairs().map((pair) => [pair.operationId, pair.name, pair, calls.find((c) => c.operationId === pair.operationId)!] as const);

  it('has a call and an example pair for every operation', () => {
    expect(cases.length).toBe(listOperations(spec).length);
    expect(cases.length).toBeGreaterThanOrEqual(29);
  });

  it.each(cases)('%s, example %s: answered with the response example of that name and the headers\' examples', async (_id, _name, pair, call) => {
    const url = new URL(call.path, base);
    for (const { name, value } of call.query) url.searchParams.set(name, Array.isArray(value) ? value.join(',') : value);
    const headers: Record<string, string> = { prefer: `example=${pair.name}` };
    if (call.authenticated) headers.authorization = `Bearer ${demoKeys.acme}`;
    if (call.body !== undefined) headers['content-type'] = 'application/json';
    const answer = await fetch(url, { method: call.method, headers, ...(call.body !== undefined && { body: JSON.stringify(call.body) }) });
    const body = (await answer.json()) as Json;
    expect([answer.status, body]).toEqual([pair.status, pair.expected]);
    if (call.authenticated) {
      for (const name of ['ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset', 'x-request-id']) expect(answer.headers.get(name), name).toBe(headerExamples[name]);
    }
    expect(isObject(body)).toBe(true);
  });

  it('can fail: a request Prism finds invalid is not answered with the example', async () => {
    const answer = await fetch(new URL('/api/prompts/snippet?id=not-a-uuid', base), { headers: { authorization: `Bearer ${demoKeys.acme}`, prefer: 'example=snippet' } });
    expect(answer.status).toBeGreaterThanOrEqual(400);
  });
});
