// Generated from openapi.yaml by scripts/generate.ts (npm run generate). Do not edit.

import type { ErrorCategory, ErrorCode } from './error-codes.js';
export type { ErrorCategory, ErrorCode, ErrorCodeOfCategory } from './error-codes.js';
export { errorCategoryOfCode, errorCodes, errorCategories, isErrorCode } from './error-codes.js';

export interface ErrorCatalogEntry<S extends number = number, C extends ErrorCategory = ErrorCategory> {
  /** The HTTP status this code is sent with. */
  readonly status: S;
  readonly category: C;
  /** What happened, for developers. */
  readonly summary: string;
  readonly causes: readonly string[];
  readonly fixes: readonly string[];
  /** What to tell an end user. */
  readonly userMessage: string;
}

export declare const errorCatalog: {
  readonly AUTH_HEADER_MISSING: ErrorCatalogEntry<401, "authentication"> & {
    readonly userMessage: "You are not signed in to the Snippets service. Please connect your account and try again.";
  };
  readonly AUTH_KEY_MALFORMED: ErrorCatalogEntry<401, "authentication"> & {
    readonly userMessage: "The Snippets connection is misconfigured. Please check the API key in your settings.";
  };
  readonly AUTH_KEY_UNKNOWN: ErrorCatalogEntry<401, "authentication"> & {
    readonly userMessage: "The Snippets API key was not recognised. Please check it in your settings.";
  };
  readonly AUTH_KEY_INACTIVE: ErrorCatalogEntry<401, "authentication"> & {
    readonly userMessage: "This Snippets API key has been turned off. Please ask an administrator for an active key.";
  };
  readonly AUTH_KEY_DELETED: ErrorCatalogEntry<401, "authentication"> & {
    readonly userMessage: "This Snippets API key no longer exists. Please set up a new key.";
  };
  readonly AUTH_KEY_EXPIRED: ErrorCatalogEntry<401, "authentication"> & {
    readonly userMessage: "Your Snippets API key has expired. Please create a new one.";
  };
  readonly PARAMETER_MISSING: ErrorCatalogEntry<400, "validation"> & {
    readonly userMessage: "Some required information is missing. Please fill in every required field.";
  };
  readonly BODY_INVALID_JSON: ErrorCatalogEntry<400, "validation"> & {
    readonly userMessage: "The request could not be read. Please try again.";
  };
  readonly PARAMETER_INVALID: ErrorCatalogEntry<400, "validation"> & {
    readonly userMessage: "Some of the information entered is not valid. Please check it and try again.";
  };
  readonly TYPE_MISMATCH: ErrorCatalogEntry<400, "validation"> & {
    readonly userMessage: "Some of the information entered is not valid. Please check it and try again.";
  };
  readonly FIELD_LENGTH_INVALID: ErrorCatalogEntry<400, "validation"> & {
    readonly userMessage: "Some text is too long or too short. Please shorten or complete it.";
  };
  readonly FIELD_UNKNOWN: ErrorCatalogEntry<400, "validation"> & {
    readonly userMessage: "The request could not be processed. Please update the app and try again.";
  };
  readonly PAYLOAD_TOO_LARGE: ErrorCatalogEntry<413, "validation"> & {
    readonly userMessage: "That is too much content to save at once. Please make it smaller.";
  };
  readonly UNSUPPORTED_MEDIA_TYPE: ErrorCatalogEntry<415, "validation"> & {
    readonly userMessage: "The request could not be processed. Please update the app and try again.";
  };
  readonly IDEMPOTENCY_KEY_REUSED: ErrorCatalogEntry<422, "validation"> & {
    readonly userMessage: "This change conflicts with an earlier one. Please reload and try again.";
  };
  readonly TEAM_ACCESS_DENIED: ErrorCatalogEntry<403, "permission"> & {
    readonly userMessage: "You do not have access to this team's snippets.";
  };
  readonly SUBSCRIPTION_INACTIVE: ErrorCatalogEntry<403, "permission"> & {
    readonly userMessage: "Your workspace's Snippets subscription is not active. Please contact your administrator.";
  };
  readonly WORKSPACE_MISMATCH: ErrorCatalogEntry<403, "permission"> & {
    readonly userMessage: "That belongs to another workspace, so you cannot use it here.";
  };
  readonly QUOTA_INSUFFICIENT: ErrorCatalogEntry<403, "quota"> & {
    readonly userMessage: "Your workspace has used up its Snippets requests. Please ask an administrator to add more.";
  };
  readonly SNIPPET_NOT_FOUND: ErrorCatalogEntry<404, "resource"> & {
    readonly userMessage: "That snippet could not be found. It may have been moved or removed.";
  };
  readonly FOLDER_NOT_FOUND: ErrorCatalogEntry<404, "resource"> & {
    readonly userMessage: "That folder could not be found. It may have been removed.";
  };
  readonly TAG_NOT_FOUND: ErrorCatalogEntry<404, "resource"> & {
    readonly userMessage: "That tag could not be found. It may have been removed.";
  };
  readonly RESOURCE_DELETED: ErrorCatalogEntry<404, "resource"> & {
    readonly userMessage: "That item has been deleted.";
  };
  readonly ENDPOINT_NOT_FOUND: ErrorCatalogEntry<404, "resource"> & {
    readonly userMessage: "The Snippets service could not handle this request. Please update the app.";
  };
  readonly METHOD_NOT_ALLOWED: ErrorCatalogEntry<405, "resource"> & {
    readonly userMessage: "The Snippets service could not handle this request. Please update the app.";
  };
  readonly VARIATION_NOT_FOUND: ErrorCatalogEntry<404, "variation"> & {
    readonly userMessage: "That version of the snippet could not be found.";
  };
  readonly VARIATION_NOT_IN_SNIPPET: ErrorCatalogEntry<404, "variation"> & {
    readonly userMessage: "That version does not belong to this snippet.";
  };
  readonly VARIATION_LAST_REMAINING: ErrorCatalogEntry<409, "variation"> & {
    readonly userMessage: "A snippet needs at least one version, so this one cannot be removed.";
  };
  readonly VARIATION_LIMIT_REACHED: ErrorCatalogEntry<409, "variation"> & {
    readonly userMessage: "This snippet has as many versions as it can hold. Remove one to add another.";
  };
  readonly BATCH_EMPTY: ErrorCatalogEntry<400, "batch"> & {
    readonly userMessage: "There is nothing to save.";
  };
  readonly BATCH_TOO_LARGE: ErrorCatalogEntry<400, "batch"> & {
    readonly userMessage: "Too many items at once. Please save them in smaller groups.";
  };
  readonly BATCH_PARTIAL_FAILURE: ErrorCatalogEntry<207, "batch"> & {
    readonly userMessage: "Some items could not be saved. Please review them and try again.";
  };
  readonly BATCH_QUOTA_INSUFFICIENT: ErrorCatalogEntry<403, "batch"> & {
    readonly userMessage: "Your workspace does not have enough Snippets requests left for all of these items.";
  };
  readonly RATE_LIMIT_EXCEEDED: ErrorCatalogEntry<429, "rate_limit"> & {
    readonly userMessage: "Too many requests right now. Please wait a moment and try again.";
  };
  readonly KEY_TEMPORARILY_BLOCKED: ErrorCatalogEntry<403, "rate_limit"> & {
    readonly userMessage: "Access is paused for a few minutes after repeated failed attempts. Please try again later.";
  };
  readonly INTERNAL_ERROR: ErrorCatalogEntry<500, "server"> & {
    readonly userMessage: "Something went wrong on our side. Please try again in a moment.";
  };
  readonly SERVICE_UNAVAILABLE: ErrorCatalogEntry<503, "server"> & {
    readonly userMessage: "The Snippets service is temporarily unavailable. Please try again in a moment.";
  };
};

/** The HTTP status of each code. */
export type ErrorStatus<C extends ErrorCode = ErrorCode> = (typeof errorCatalog)[C]["status"];

/** The codes sent with one HTTP status, e.g. `ErrorCodeOfStatus<401>`. */
export type ErrorCodeOfStatus<S extends number> = {
  [C in ErrorCode]: (typeof errorCatalog)[C]["status"] extends S ? C : never;
}[ErrorCode];
