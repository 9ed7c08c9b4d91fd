// Small builders the scenarios share: content, fresh resources, fresh ids.
import type { ScenarioContext } from '../scenario.ts';

export const content = (text = 'Hello from the contract verifier') => ({ type: 'plaintext', content: text });
export const uuid = () => globalThis.crypto.randomUUID();
export const unique = (name: string) => `${name} ${uuid().slice(0, 8)}`;

/** The first team of the main key. */
export const mainTeam = (t: ScenarioContext) => t.roles.main!.teamIds[0]!;

export async function newSnippet(t: ScenarioContext, extra: Record<string, unknown> = {}) {
  const answer = await t.setup({
    operationId: 'createSnippet',
    body: { title: unique('Verifier snippet'), content: content(), teamId: mainTeam(t), additionalVariations: [{ variationName: 'Second', content: content('second') }], ...extra },
  });
  return answer.data as { id: string; variations: Array<{ id: string }> };
}

export async function newFolder(t: ScenarioContext) {
  return (await t.setup({ operationId: 'createFolder', body: { folderName: unique('Verifier folder'), teamId: mainTeam(t) } })).data as { id: string };
}

export async function newTag(t: ScenarioContext) {
  return (await t.setup({ operationId: 'createTag', body: { tagName: unique('Verifier tag'), teamId: mainTeam(t) } })).data as { id: string };
}
