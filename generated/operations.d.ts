// Generated from openapi.yaml by scripts/generate.ts (npm run generate). Do not edit.

export type OperationId =
  | "getHealth"
  | "getSnippet"
  | "updateSnippet"
  | "createSnippet"
  | "deleteSnippet"
  | "getSnippets"
  | "createSnippets"
  | "deleteSnippets"
  | "getVariation"
  | "updateVariation"
  | "createVariation"
  | "deleteVariations"
  | "getVariationHistory"
  | "getFolder"
  | "updateFolder"
  | "createFolder"
  | "deleteFolder"
  | "getFolders"
  | "updateFolders"
  | "createFolders"
  | "deleteFolders"
  | "getTag"
  | "updateTag"
  | "createTag"
  | "deleteTag"
  | "getTags"
  | "updateTags"
  | "createTags"
  | "deleteTags";

export interface OperationInfo {
  readonly operationId: OperationId;
  readonly method: "GET" | "PUT" | "POST" | "DELETE";
  readonly path: string;
  /** Whether the operation needs an API key. */
  readonly authenticated: boolean;
  /** Whether sending it twice does what sending it once does: a GET, or `x-idempotent: true` in the spec. */
  readonly idempotent: boolean;
}

/** Every operation of openapi.yaml. */
export declare const operations: readonly OperationInfo[];
