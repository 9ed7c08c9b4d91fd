// An error's texts have a maxLength in the contract, and some quote the
// request: a property name or a path of the client's making. The sandbox cuts
// them so that its answer still conforms; a short text is left whole.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import document from '../../generated/openapi.json' with { type: 'json' };
import { clipText } from '../../src/sandbox/error-text.ts';
import type { Sandbox } from '../../src/sandbox/server.ts';
import { ContractClient, demoTeams, startRoomySandbox } from '../helpers/sandbox.ts';

const schemas = (document as any).components.schemas;
const maxMessage: number = schemas.ErrorResponse.properties.message.maxLength;
const maxField: number = schemas.ErrorDetail.properties.field.maxLength;
const codePoints = (text: string) => [...text].length;

describe('clipText', () => {
  it('leaves a text of at most max code points whole, surrogate pairs counted once', () => {
    expect(clipText('abc', 3)).toBe('abc');
    expect(clipText('😀😀😀', 3)).toBe('😀😀😀');
  });

  it('cuts a longer one to max code points, the last an ellipsis, never inside a surrogate pair', () => {
    expect(clipText('abcdef', 4)).toBe('abc…');
    const cut = clipText('😀'.repeat(10), 4);
    expect(cut).toBe('😀😀😀…');
    expect(codePoints(cut)).toBe(4);
  });
});

describe('an error quoting the request', () => {
  let sandbox: Sandbox;
  let api: ContractClient;
  beforeAll(async () => ({ sandbox, api } = await startRoomySandbox()));
  afterAll(() => sandbox.close());

  it(`cuts an unknown property's name to ErrorDetail.field's maxLength (${maxField}), in a conforming 400`, async () => {
    const name = `x${'y'.repeat(5_000)}`;
    const answer = await api.send('createTag', 'POST', '/api/prompts/tag', { body: { tagName: 'ok', teamId: demoTeams.platform, [name]: 1 } });
    expect(answer.status).toBe(400);
    const detail = answer.body.details.find((d: { field: string }) => d.field.startsWith('xyy'));
    expect(codePoints(detail.field)).toBe(maxField);
    expect(detail.field.endsWith('…')).toBe(true);
    expect(codePoints(answer.body.message)).toBeLessThanOrEqual(maxMessage);
  });

  it(`cuts a message that quotes a long unknown path to ErrorResponse.message's maxLength (${maxMessage})`, async () => {
    const answer = await api.send(undefined, 'GET', `/api/prompts/${'p'.repeat(3_000)}`);
    expect(answer.status).toBe(404);
    expect(codePoints(answer.body.message)).toBe(maxMessage);
    expect(answer.body.message).toMatch(/^No endpoint at GET \/api\/prompts\/ppp.*…$/);
  });
});
