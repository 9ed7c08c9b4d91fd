// Headers the sandbox used to take at their word: a second Authorization
// header, a charset it does not decode, and a health check that never asked
// the database.
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { validateErrorResponse, validatorFor } from '../../generated/validators.js';
import { ContractClient, demoKeys, demoTeams, startSandbox } from '../helpers/sandbox.ts';
import type { Sandbox } from '../../src/sandbox/server.ts';

const running: Sandbox[] = [];
afterEach(async () => {
  for (const sandbox of running.splice(0)) await sandbox.close();
});

async function start(): Promise<Sandbox> {
  const sandbox = await startSandbox();
  running.push(sandbox);
  return sandbox;
}

/** Sends a request as written (fetch would merge repeated headers into one) and reads the answer. */
function rawExchange(url: string, request: string): Promise<{ status: number; headers: string; body: any }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(request));
    let data = '';
    socket.on('data', (chunk) => (data += chunk));
    socket.on('error', reject);
    socket.on('end', () => {
      const split = data.indexOf('\r\n\r\n');
      resolve({ status: Number(data.slice(9, 12)), headers: data.slice(0, split), body: JSON.parse(data.slice(split + 4)) });
    });
  });
}

describe('a request with two Authorization headers', () => {
  it.each([
    ['two different keys', demoKeys.acme, demoKeys.globex],
    ['the same key twice', demoKeys.acme, demoKeys.acme],
  ])('is refused with 400 PARAMETER_INVALID naming the header (%s)', async (_name, first, second) => {
    const sandbox = await start();
    const host = new URL(sandbox.url).host;
    const answer = await rawExchange(
      sandbox.url,
      `GET /api/prompts/tags HTTP/1.1\r\nHost: ${host}\r\nAuthorization: Bearer ${first}\r\nauthorization: Bearer ${second}\r\nConnection: close\r\n\r\n`,
    );
    expect(answer.status).toBe(400);
    expect(validatorFor('getTags', 400)!(answer.body)).toBe(true);
    expect(answer.body).toMatchObject({ code: 'PARAMETER_INVALID', details: [{ field: 'Authorization', issue: expect.any(String) }] });
    expect(answer.headers).toContain(`x-request-id: ${answer.body.requestId}`);
    // The same request with one of them is served.
    const one = await rawExchange(sandbox.url, `GET /api/prompts/tags HTTP/1.1\r\nHost: ${host}\r\nAuthorization: Bearer ${first}\r\nConnection: close\r\n\r\n`);
    expect(one.status).toBe(200);
  });
});

describe('/health', () => {
  it('answers 200 naming its store while the database answers, and 503 SERVICE_UNAVAILABLE with Retry-After once it does not', async () => {
    const sandbox = await start();
    const api = new ContractClient(sandbox.url);
    const up = await api.send('getHealth', 'GET', '/health');
    expect([up.status, up.body.data.store]).toEqual([200, 'sqlite']);
    sandbox.db.close();
    const down = await api.send('getHealth', 'GET', '/health');
    expect([down.status, down.body.code]).toEqual([503, 'SERVICE_UNAVAILABLE']);
    expect(Number(down.headers.get('retry-after'))).toBeGreaterThan(0);
    // Nothing internal in the answer.
    expect(JSON.stringify(down.body)).not.toMatch(/database connection is not open|\.ts:\d+/);
  });
});

describe('a JSON body in another charset than UTF-8', () => {
  const body = JSON.stringify({ tagName: 'café', teamId: demoTeams.platform });

  it.each(['application/json; charset=latin1', 'application/json;charset="ISO-8859-1"', 'Application/JSON; CHARSET=windows-1252', 'application/json; foo=bar; charset=utf-16'])(
    'is refused with 415 UNSUPPORTED_MEDIA_TYPE naming the charset (%s)',
    async (contentType) => {
      const sandbox = await start();
      const answer = await new ContractClient(sandbox.url, demoKeys.acme).send('createTag', 'POST', '/api/prompts/tag', {
        rawBody: body,
        headers: { 'content-type': contentType },
      });
      expect([answer.status, answer.body.code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
      const charset = /charset="?([^";]+)/i.exec(contentType)![1]!;
      expect(answer.body.message).toContain(charset);
      expect(answer.body.message).toMatch(/UTF-8/);
      expect(validateErrorResponse(answer.body)).toBe(true);
    },
  );

  it('is refused while the same body is taken as UTF-8, however that is spelled', async () => {
    const sandbox = await start();
    const api = new ContractClient(sandbox.url, demoKeys.acme);
    const send = (contentType: string, tagName: string) =>
      api.send('createTag', 'POST', '/api/prompts/tag', { rawBody: JSON.stringify({ tagName, teamId: demoTeams.platform }), headers: { 'content-type': contentType } });
    expect((await send('application/json; charset=latin1', 'café')).status).toBe(415);
    for (const [i, contentType] of ['application/json; charset=utf-8', 'application/json; charset="UTF-8"', 'application/json'].entries()) {
      const answer = await send(contentType, `café ${i}`);
      expect(answer.status, contentType).toBe(201);
      expect(answer.body.data.tagName).toBe(`café ${i}`);
    }
  });
});
