// Generated from openapi.yaml by scripts/generate.ts (npm run generate). Do not edit.

import type { Validator } from "./validators.js";

export declare const validateUpdateSnippetRequestLimits: Validator<unknown>;
export declare const validateCreateSnippetRequestLimits: Validator<unknown>;
export declare const validateCreateSnippetsRequestLimits: Validator<unknown>;
export declare const validateUpdateFoldersRequestLimits: Validator<unknown>;
export declare const validateCreateFoldersRequestLimits: Validator<unknown>;
export declare const validateUpdateTagsRequestLimits: Validator<unknown>;
export declare const validateCreateTagsRequestLimits: Validator<unknown>;
export declare const validateGetSnippetsParametersLimits: Validator<unknown>;
export declare const validateDeleteSnippetsParametersLimits: Validator<unknown>;
export declare const validateDeleteVariationsParametersLimits: Validator<unknown>;
export declare const validateDeleteFoldersParametersLimits: Validator<unknown>;
export declare const validateDeleteTagsParametersLimits: Validator<unknown>;

export declare const requestBodyLimitValidators: {
  readonly updateSnippet: Validator<unknown>;
  readonly createSnippet: Validator<unknown>;
  readonly createSnippets: Validator<unknown>;
  readonly updateFolders: Validator<unknown>;
  readonly createFolders: Validator<unknown>;
  readonly updateTags: Validator<unknown>;
  readonly createTags: Validator<unknown>;
};

export declare const parameterLimitValidators: {
  readonly getSnippets: Validator<unknown>;
  readonly deleteSnippets: Validator<unknown>;
  readonly deleteVariations: Validator<unknown>;
  readonly deleteFolders: Validator<unknown>;
  readonly deleteTags: Validator<unknown>;
};
