// Type tests of request bodies, checked by `tsc -p .` (never run): for every
// operation with a body, a valid call compiles, and a misspelt field, a field
// of the wrong type, a body that is not an object and, where the schema has
// required fields, a body without one are compile errors. Each expected error
// is marked `// @ts-expect-error <kind>: <what>`; body-types.test.ts checks
// that every operation with a body has each kind and that each error is the
// one its mark names.
import type { SnippetsClient } from '../../src/client/index.ts';

declare const client: SnippetsClient;
const id = '0b8f5c2a-1d3e-4f5a-9b6c-7d8e9f0a1b2c';
const teamId = '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f';
const content = { type: 'plaintext', content: 'Hello' } as const;

export async function snippets() {
  await client.PUT('/api/prompts/snippet', { params: { query: { id } }, body: { title: 'Greeting', folderId: null } });
  // @ts-expect-error misspelt: titel
  await client.PUT('/api/prompts/snippet', { params: { query: { id } }, body: { titel: 'Greeting' } });
  // @ts-expect-error wrong type: title
  await client.PUT('/api/prompts/snippet', { params: { query: { id } }, body: { title: 5 } });
  // @ts-expect-error not an object
  await client.PUT('/api/prompts/snippet', { params: { query: { id } }, body: 5 });

  await client.POST('/api/prompts/snippet', { body: { title: 'Greeting', content, teamId } });
  // @ts-expect-error misspelt: teamID
  await client.POST('/api/prompts/snippet', { body: { title: 'Greeting', content, teamId, teamID: teamId } });
  // @ts-expect-error wrong type: tagIds
  await client.POST('/api/prompts/snippet', { body: { title: 'Greeting', content, teamId, tagIds: id } });
  // @ts-expect-error not an object
  await client.POST('/api/prompts/snippet', { body: 5 });
  // @ts-expect-error missing: teamId
  await client.POST('/api/prompts/snippet', { body: { title: 'Greeting', content } });

  await client.POST('/api/prompts/snippets', { body: { snippets: [{ title: 'Greeting', content, teamId }] } });
  // @ts-expect-error misspelt: snipets
  await client.POST('/api/prompts/snippets', { body: { snippets: [], snipets: [] } });
  // @ts-expect-error wrong type: snippets
  await client.POST('/api/prompts/snippets', { body: { snippets: 'Greeting' } });
  // @ts-expect-error not an object
  await client.POST('/api/prompts/snippets', { body: 5 });
  // @ts-expect-error missing: content
  await client.POST('/api/prompts/snippets', { body: { snippets: [{ title: 'Greeting', teamId }] } });
}

export async function variations() {
  await client.PUT('/api/prompts/snippet/variation', { params: { query: { variationId: id } }, body: { variationName: 'Formal' } });
  // @ts-expect-error misspelt: name
  await client.PUT('/api/prompts/snippet/variation', { params: { query: { variationId: id } }, body: { name: 'Formal' } });
  // @ts-expect-error wrong type: type
  await client.PUT('/api/prompts/snippet/variation', { params: { query: { variationId: id } }, body: { content: { type: 'pdf', content: 'x' } } });
  // @ts-expect-error not an object
  await client.PUT('/api/prompts/snippet/variation', { params: { query: { variationId: id } }, body: 5 });

  await client.POST('/api/prompts/snippet/variation', { params: { query: { snippetId: id } }, body: { variationName: 'Formal', content } });
  // @ts-expect-error misspelt: variationNmae
  await client.POST('/api/prompts/snippet/variation', { params: { query: { snippetId: id } }, body: { variationName: 'Formal', content, variationNmae: 'x' } });
  // @ts-expect-error wrong type: variationName
  await client.POST('/api/prompts/snippet/variation', { params: { query: { snippetId: id } }, body: { variationName: null, content } });
  // @ts-expect-error not an object
  await client.POST('/api/prompts/snippet/variation', { params: { query: { snippetId: id } }, body: 5 });
  // @ts-expect-error missing: content
  await client.POST('/api/prompts/snippet/variation', { params: { query: { snippetId: id } }, body: { variationName: 'Formal' } });
}

export async function folders() {
  await client.PUT('/api/prompts/folder', { params: { query: { id } }, body: { folderName: 'Support', parentFolderId: null } });
  // @ts-expect-error misspelt: folderNmae
  await client.PUT('/api/prompts/folder', { params: { query: { id } }, body: { folderNmae: 'x' } });
  // @ts-expect-error wrong type: folderColor
  await client.PUT('/api/prompts/folder', { params: { query: { id } }, body: { folderColor: 3 } });
  // @ts-expect-error not an object
  await client.PUT('/api/prompts/folder', { params: { query: { id } }, body: 5 });

  await client.POST('/api/prompts/folder', { body: { folderName: 'Support', teamId } });
  // @ts-expect-error misspelt: folderColour
  await client.POST('/api/prompts/folder', { body: { folderName: 'Support', teamId, folderColour: 'red' } });
  // @ts-expect-error wrong type: folderName
  await client.POST('/api/prompts/folder', { body: { folderName: ['Support'], teamId } });
  // @ts-expect-error not an object
  await client.POST('/api/prompts/folder', { body: 5 });
  // @ts-expect-error missing: teamId
  await client.POST('/api/prompts/folder', { body: { folderName: 'Support' } });

  await client.PUT('/api/prompts/folders', { body: { folders: [{ id, folderName: 'Support' }] } });
  // @ts-expect-error misspelt: folderNmae
  await client.PUT('/api/prompts/folders', { body: { folders: [{ id, folderNmae: 'Support' }] } });
  // @ts-expect-error wrong type: id
  await client.PUT('/api/prompts/folders', { body: { folders: [{ id: 1, folderName: 'Support' }] } });
  // @ts-expect-error not an object
  await client.PUT('/api/prompts/folders', { body: 5 });
  // @ts-expect-error missing: id
  await client.PUT('/api/prompts/folders', { body: { folders: [{ folderName: 'Support' }] } });

  await client.POST('/api/prompts/folders', { body: { folders: [{ folderName: 'Support', teamId }] } });
  // @ts-expect-error misspelt: folder
  await client.POST('/api/prompts/folders', { body: { folder: [{ folderName: 'Support', teamId }] } });
  // @ts-expect-error wrong type: folders
  await client.POST('/api/prompts/folders', { body: { folders: 'Support' } });
  // @ts-expect-error not an object
  await client.POST('/api/prompts/folders', { body: 5 });
  // @ts-expect-error missing: folderName
  await client.POST('/api/prompts/folders', { body: { folders: [{ teamId }] } });
}

export async function tags() {
  await client.PUT('/api/prompts/tag', { params: { query: { id } }, body: { tagName: 'Urgent', tagColor: null } });
  // @ts-expect-error misspelt: tagname
  await client.PUT('/api/prompts/tag', { params: { query: { id } }, body: { tagname: 'Urgent' } });
  // @ts-expect-error wrong type: tagName
  await client.PUT('/api/prompts/tag', { params: { query: { id } }, body: { tagName: true } });
  // @ts-expect-error not an object
  await client.PUT('/api/prompts/tag', { params: { query: { id } }, body: 5 });

  await client.POST('/api/prompts/tag', { body: { tagName: 'Urgent', teamId } });
  // @ts-expect-error misspelt: parentTagID
  await client.POST('/api/prompts/tag', { body: { tagName: 'Urgent', teamId, parentTagID: id } });
  // @ts-expect-error wrong type: teamId
  await client.POST('/api/prompts/tag', { body: { tagName: 'Urgent', teamId: 7 } });
  // @ts-expect-error not an object
  await client.POST('/api/prompts/tag', { body: 5 });
  // @ts-expect-error missing: tagName
  await client.POST('/api/prompts/tag', { body: { teamId } });

  await client.PUT('/api/prompts/tags', { body: { tags: [{ id, tagName: 'Urgent' }] } });
  // @ts-expect-error misspelt: tagColour
  await client.PUT('/api/prompts/tags', { body: { tags: [{ id, tagColour: 'red' }] } });
  // @ts-expect-error wrong type: tags
  await client.PUT('/api/prompts/tags', { body: { tags: 'Urgent' } });
  // @ts-expect-error not an object
  await client.PUT('/api/prompts/tags', { body: 5 });
  // @ts-expect-error missing: tags
  await client.PUT('/api/prompts/tags', { body: {} });

  await client.POST('/api/prompts/tags', { body: { tags: [{ tagName: 'Urgent', teamId }] } });
  // @ts-expect-error misspelt: tag
  await client.POST('/api/prompts/tags', { body: { tag: [] } });
  // @ts-expect-error wrong type: tagName
  await client.POST('/api/prompts/tags', { body: { tags: [{ tagName: 1, teamId }] } });
  // @ts-expect-error not an object
  await client.POST('/api/prompts/tags', { body: 5 });
  // @ts-expect-error missing: teamId
  await client.POST('/api/prompts/tags', { body: { tags: [{ tagName: 'Urgent' }] } });
}

// The throwing methods take the same init.
export async function throwing() {
  const updated = await client.throwing.PUT('/api/prompts/snippet', { params: { query: { id } }, body: { title: 'Greeting' } });
  const title: string = updated.data.title;
  // @ts-expect-error misspelt: titel
  await client.throwing.PUT('/api/prompts/snippet', { params: { query: { id } }, body: { titel: 'Greeting' } });
  // @ts-expect-error not an object
  await client.throwing.POST('/api/prompts/folder', { body: 5 });
  return title;
}
