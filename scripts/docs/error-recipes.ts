// How to see each code of the catalog against the sandbox: the one place that
// says, per code, which operation to call and what to change in its example
// call (operation-examples.ts) to get that code. recipe-shell.ts turns a
// recipe into curl lines for the catalog page; test/docs/error-recipes.test.ts
// runs every one against a real sandbox and checks the code it answers.
//
// A 429 or 5xx that an operation documents as a fault needs no entry: the
// sandbox answers it on `Prefer: code=<status>` (see faultRecipe). Limits
// (threshold, sizes, counts) come from the spec's x-limits and schemas; keys
// and teams from the demo fixtures, chosen by what they are (inactive,
// lapsed...), never by their text.
import { errorCatalog, isObject, resolvePointer, type Json, type JsonObject } from '../lib/spec.ts';
import { operationExamples, type OperationExample } from './operation-examples.ts';

/** Which key a call sends: the demo key, none, or one the demo fixtures hold for this (see recipe-keys.ts). */
export type KeyRole = 'demo' | 'none' | 'malformed' | 'unknown' | 'blockable' | 'inactive' | 'deleted' | 'expired' | 'lapsed' | 'noQuota';
/** Which team the body's `teamId`s name: the key's own, one of its workspace it lacks, one of another workspace. */
export type TeamRole = 'own' | 'lacking' | 'foreign';

/** One request: an operation's example call with a change. Values may name shell variables ($SNIPPET) set by earlier steps. */
export interface Call {
  operationId: string;
  /** Another method on the operation's path. */
  method?: string;
  /** Another path (one no operation has). */
  path?: string;
  key?: KeyRole;
  team?: TeamRole;
  /** Query parameters over the example's; null leaves one out. */
  query?: Record<string, string | null>;
  /** The body, from the example's. `splice(NAME)` puts a shell variable's text in unquoted. */
  body?: (example: any) => Json;
  /** The body as text, from the example's JSON text. */
  rawBody?: (exampleText: string) => string;
  /** A shell command whose output is the body. */
  bodyFrom?: string;
  contentType?: string;
  headers?: string[];
  /** Shell variables set from the answer: name -> a JS path in it (`data.id`). */
  capture?: Partial<Record<string, string>>;
  /** Sent this many times in a loop, the answers thrown away. */
  repeat?: number;
}

/** A shell variable set from a command's output. */
export interface Let {
  let: string;
  shell: string;
}

export type Step = Call | Let;

export interface Recipe {
  /** What the change is, for the reader. */
  note: string;
  /** The last step's answer carries the code. */
  steps: Step[];
}

/** An id no resource has: the sandbox generates random (version 4) uuids. */
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

/** A JSON string the shell replaces by a variable's text, unquoted (recipe-shell.ts). */
export const splice = (name: string) => `<<$${name}>>`;

interface Facts {
  limits: Record<string, number>;
  /** maxItems of createSnippet's additionalVariations. */
  maxAdditionalVariations: number;
  example: (operationId: string) => OperationExample;
}

const RECIPES: Record<string, (facts: Facts) => Recipe> = {
  AUTH_HEADER_MISSING: () => ({ note: 'No Authorization header.', steps: [{ operationId: 'getFolders', key: 'none' }] }),
  AUTH_KEY_MALFORMED: () => ({ note: 'A Bearer value that is not an API key of the form sk_test_…', steps: [{ operationId: 'getFolders', key: 'malformed' }] }),
  AUTH_KEY_UNKNOWN: () => ({ note: 'A well-formed key that no workspace has.', steps: [{ operationId: 'getFolders', key: 'unknown' }] }),
  AUTH_KEY_INACTIVE: () => ({ note: "The demo fixtures' inactive key.", steps: [{ operationId: 'getFolders', key: 'inactive' }] }),
  AUTH_KEY_DELETED: () => ({ note: "The demo fixtures' deleted key.", steps: [{ operationId: 'getFolders', key: 'deleted' }] }),
  AUTH_KEY_EXPIRED: () => ({ note: "The demo fixtures' expired key.", steps: [{ operationId: 'getFolders', key: 'expired' }] }),
  PARAMETER_MISSING: () => ({ note: 'The example call without its required `id`.', steps: [{ operationId: 'getSnippet', query: { id: null } }] }),
  BODY_INVALID_JSON: () => ({ note: 'The example body with its closing brace cut off.', steps: [{ operationId: 'createFolder', rawBody: (text) => text.slice(0, -1) }] }),
  PARAMETER_INVALID: () => ({ note: 'An `id` that is not a uuid.', steps: [{ operationId: 'getSnippet', query: { id: 'not-a-uuid' } }] }),
  TYPE_MISMATCH: () => ({ note: 'A number where the body needs a string.', steps: [{ operationId: 'createFolder', body: (b) => ({ ...b, folderName: 42 }) }] }),
  FIELD_LENGTH_INVALID: () => ({ note: 'An empty `folderName`.', steps: [{ operationId: 'createFolder', body: (b) => ({ ...b, folderName: '' }) }] }),
  FIELD_UNKNOWN: () => ({ note: 'A body field the operation does not accept.', steps: [{ operationId: 'createFolder', body: (b) => ({ ...b, colour: 'blue' }) }] }),
  PAYLOAD_TOO_LARGE: ({ limits }) => ({
    note: `A body one byte over maxBodyBytes (${limits.maxBodyBytes}), made by the shell.`,
    steps: [{ operationId: 'createFolder', bodyFrom: `head -c ${limits.maxBodyBytes! + 1} /dev/zero | tr '\\0' ' '` }],
  }),
  UNSUPPORTED_MEDIA_TYPE: () => ({ note: 'The example body sent as text/plain.', steps: [{ operationId: 'createFolder', contentType: 'text/plain' }] }),
  IDEMPOTENCY_KEY_REUSED: () => ({
    note: 'The same Idempotency-Key twice, with another body the second time.',
    steps: [
      { operationId: 'createFolder', headers: ['Idempotency-Key: catalog-demo-reused'] },
      { operationId: 'createFolder', headers: ['Idempotency-Key: catalog-demo-reused'], body: (b) => ({ ...b, folderName: 'Another name' }) },
    ],
  }),
  TEAM_ACCESS_DENIED: () => ({ note: "A team of the demo key's workspace that the key lacks.", steps: [{ operationId: 'createFolder', team: 'lacking' }] }),
  SUBSCRIPTION_INACTIVE: () => ({ note: "The key of the demo fixtures' workspace whose subscription lapsed.", steps: [{ operationId: 'getFolders', key: 'lapsed' }] }),
  WORKSPACE_MISMATCH: () => ({ note: "A team of another workspace than the key's.", steps: [{ operationId: 'createFolder', team: 'foreign' }] }),
  QUOTA_INSUFFICIENT: () => ({ note: "The key of the demo fixtures' workspace with no quota left, on its own team.", steps: [{ operationId: 'createFolder', key: 'noQuota', team: 'own' }] }),
  SNIPPET_NOT_FOUND: () => ({ note: 'An id no snippet has.', steps: [{ operationId: 'getSnippet', query: { id: UNKNOWN_ID } }] }),
  FOLDER_NOT_FOUND: () => ({ note: 'An id no folder has.', steps: [{ operationId: 'getFolder', query: { id: UNKNOWN_ID } }] }),
  TAG_NOT_FOUND: () => ({ note: 'An id no tag has.', steps: [{ operationId: 'getTag', query: { id: UNKNOWN_ID } }] }),
  RESOURCE_DELETED: () => ({
    note: 'Create a folder, delete it, then ask for it.',
    steps: [
      { operationId: 'createFolder', capture: { FOLDER: 'data.id' } },
      { operationId: 'deleteFolder', query: { id: '$FOLDER' } },
      { operationId: 'getFolder', query: { id: '$FOLDER' } },
    ],
  }),
  ENDPOINT_NOT_FOUND: () => ({ note: 'A path no operation has.', steps: [{ operationId: 'getFolders', path: '/api/prompts/no-such-endpoint' }] }),
  METHOD_NOT_ALLOWED: () => ({ note: 'A method the path does not support.', steps: [{ operationId: 'getFolders', method: 'PATCH' }] }),
  VARIATION_NOT_FOUND: () => ({
    note: 'Create a snippet, then ask it for a variation id no variation has.',
    steps: [
      { operationId: 'createSnippet', capture: { SNIPPET: 'data.id' } },
      { operationId: 'getVariation', query: { snippetId: '$SNIPPET', variationId: UNKNOWN_ID } },
    ],
  }),
  VARIATION_NOT_IN_SNIPPET: () => ({
    note: "Create two snippets, then ask the second for the first one's variation.",
    steps: [
      { operationId: 'createSnippet', capture: { VARIATION: 'data.variations[0].id' } },
      { operationId: 'createSnippet', capture: { SNIPPET: 'data.id' } },
      { operationId: 'getVariation', query: { snippetId: '$SNIPPET', variationId: '$VARIATION' } },
    ],
  }),
  VARIATION_LAST_REMAINING: () => ({
    note: 'Create a snippet with one variation only, then delete that variation.',
    steps: [
      { operationId: 'createSnippet', body: ({ additionalVariations, ...b }) => b, capture: { SNIPPET: 'data.id', VARIATION: 'data.variations[0].id' } },
      { operationId: 'deleteVariations', query: { snippetId: '$SNIPPET', variationIds: '$VARIATION' } },
    ],
  }),
  VARIATION_LIMIT_REACHED: ({ limits, maxAdditionalVariations, example }) => {
    // As few requests as the limits allow (the demo key has 20 a minute): the most variations a create takes, then the rest one by one.
    const created = Math.min(maxAdditionalVariations, limits.maxVariationsPerSnippet! - 1);
    const variation = JSON.stringify({ ...(example('createSnippet').body as any).additionalVariations[0], variationName: 'V%g' });
    return {
      note: `Fill a snippet up to maxVariationsPerSnippet (${limits.maxVariationsPerSnippet}), then add one more.`,
      steps: [
        { let: 'VARIATIONS', shell: `seq -f '${variation}' ${created} | paste -sd, -` },
        { operationId: 'createSnippet', body: (b) => ({ ...b, additionalVariations: [splice('VARIATIONS')] }), capture: { SNIPPET: 'data.id' } },
        { operationId: 'createVariation', query: { snippetId: '$SNIPPET' }, repeat: limits.maxVariationsPerSnippet! - 1 - created },
        { operationId: 'createVariation', query: { snippetId: '$SNIPPET' } },
      ],
    };
  },
  BATCH_EMPTY: () => ({ note: 'A batch with no items.', steps: [{ operationId: 'createFolders', body: (b) => ({ ...b, folders: [] }) }] }),
  BATCH_TOO_LARGE: ({ limits }) => ({
    note: `One id more than maxBatchItems (${limits.maxBatchItems}), made by the shell.`,
    steps: [
      { let: 'IDS', shell: `seq -f '00000000-0000-4000-8000-%012g' ${limits.maxBatchItems! + 1} | paste -sd, -` },
      { operationId: 'getSnippets', query: { ids: '$IDS' } },
    ],
  }),
  BATCH_PARTIAL_FAILURE: () => ({
    note: 'A batch whose second item names a parent folder that does not exist.',
    steps: [{ operationId: 'createFolders', body: (b) => ({ ...b, folders: [b.folders[0], { ...b.folders[1], parentFolderId: UNKNOWN_ID }] }) }],
  }),
  BATCH_QUOTA_INSUFFICIENT: () => ({ note: "The example batch with the key of the workspace with no quota left, on its own team.", steps: [{ operationId: 'createFolders', key: 'noQuota', team: 'own' }] }),
  KEY_TEMPORARILY_BLOCKED: ({ limits }) => ({
    note: `invalidAttemptThreshold (${limits.invalidAttemptThreshold}) requests with an unknown key, then one more (the block lasts ${limits.keyBlockSeconds} s, for that key only).`,
    steps: [
      { operationId: 'getFolders', key: 'blockable', repeat: limits.invalidAttemptThreshold! },
      { operationId: 'getFolders', key: 'blockable' },
    ],
  }),
};

/** The recipe of a 429 or 5xx that an operation documents as a fault: ask for it with `Prefer`. */
function faultRecipe(status: number, examples: OperationExample[]): Recipe | undefined {
  const op = examples.find((o) => o.faults.includes(status));
  return op && { note: `Asked for with Prefer: code=${status} (the sandbox's fault injection).`, steps: [{ operationId: op.operationId, headers: [`Prefer: code=${status}`] }] };
}

function facts(doc: JsonObject, examples: OperationExample[]): Facts {
  const schema = resolvePointer(doc, '#/components/schemas/CreateSnippetRequest');
  const additional = isObject(schema) && isObject(schema.properties) ? schema.properties.additionalVariations : undefined;
  return {
    limits: doc['x-limits'] as Record<string, number>,
    maxAdditionalVariations: isObject(additional) && typeof additional.maxItems === 'number' ? additional.maxItems : 0,
    example: (operationId) => {
      const op = examples.find((o) => o.operationId === operationId);
      if (!op) throw new Error(`error recipes: no operation ${operationId} in the spec`);
      return op;
    },
  };
}

/** Every code of the catalog with its recipe; a code with neither an entry nor a documented fault is left out (the test names it). */
export function errorRecipes(doc: JsonObject): Map<string, Recipe> {
  const examples = operationExamples(doc);
  const known = facts(doc, examples);
  const recipes = new Map<string, Recipe>();
  for (const [code, entry] of Object.entries(errorCatalog(doc))) {
    const recipe = RECIPES[code]?.(known) ?? faultRecipe(entry.status, examples);
    if (recipe) recipes.set(code, recipe);
  }
  return recipes;
}

/** The table's codes, for the test: an entry for a code the catalog lost is an error too. */
export const tabledCodes = (): string[] => Object.keys(RECIPES);
