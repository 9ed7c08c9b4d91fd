// sandbox.fetch: the sandbox without a network (inject-fetch.ts) answers as
// it does over HTTP: same statuses, headers and bodies, for requests built
// every way fetch accepts them.
import { afterEach, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { demoKeys, demoTeams, startSandbox } from '../helpers/sandbox.ts';

const open: Sandbox[] = [];
afterEach(async () => {
  for (const sandbox of open.splice(0)) await sandbox.close();
});

// What may differ between two calls in a row: ids, times, and what the first call spent.
const comparable = async (response: Response) => {
  const text = await response.text();
  const headers = Object.fromEntries([...response.headers].filter(([name]) => !['date', 'x-request-id', 'connection', 'keep-alive', 'content-length', 'ratelimit-remaining', 'ratelimit-reset'].includes(name)));
  const body = text && response.headers.get('content-type')?.startsWith('application/json') ? { ...JSON.parse(text), requestId: undefined, usage: undefined } : text;
  return { status: response.status, headers, body };
};

describe('sandbox.fetch', () => {
  it('answers as the server does over HTTP', async () => {
    const sandbox = await startSandbox();
    open.push(sandbox);
    const auth = { authorization: `Bearer ${demoKeys.acme}` };
    const requests: Array<[string, RequestInit]> = [
      ['/health', {}],
      ['/api/prompts/tags?limit=1', { headers: auth }],
      ['/api/prompts/tags', {}],
      ['/api/prompts/snippet?id=not-a-uuid', { headers: auth }],
      ['/api/prompts/nothing', { method: 'DELETE' }],
      ['/api/prompts/tags', { method: 'OPTIONS', headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'GET' } }],
      ['/api/prompts/tag', { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: '{"tagName": 1' }],
    ];
    for (const [path, init] of requests) {
      const overHttp = await comparable(await fetch(`${sandbox.url}${path}`, init));
      const inProcess = await comparable(await sandbox.fetch(`http://sandbox.test${path}`, init));
      expect(inProcess, path).toEqual(overHttp);
    }
  });

  it('takes a Request, Headers and a byte body as well as plain objects, and writes', async () => {
    const sandbox = await startSandbox();
    open.push(sandbox);
    const body = new TextEncoder().encode(JSON.stringify({ tagName: 'in process', teamId: demoTeams.platform }));
    const created = await sandbox.fetch(
      new Request('http://sandbox.test/api/prompts/tag', { method: 'POST', headers: new Headers({ authorization: `Bearer ${demoKeys.acme}`, 'content-type': 'application/json' }), body }),
    );
    expect(created.status).toBe(201);
    const id = (await created.json()).data.id;
    const read = await fetch(`${sandbox.url}/api/prompts/tag?id=${id}`, { headers: { authorization: `Bearer ${demoKeys.acme}` } });
    expect((await read.json()).data.tag.tagName).toBe('in process');
  });
});
