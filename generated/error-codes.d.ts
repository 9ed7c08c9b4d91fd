// Generated from openapi.yaml by scripts/generate.ts (npm run generate). Do not edit.

/** A stable machine-readable error code. A newer server may send codes not listed here. */
export type ErrorCode =
  | "AUTH_HEADER_MISSING"
  | "AUTH_KEY_MALFORMED"
  | "AUTH_KEY_UNKNOWN"
  | "AUTH_KEY_INACTIVE"
  | "AUTH_KEY_DELETED"
  | "AUTH_KEY_EXPIRED"
  | "PARAMETER_MISSING"
  | "BODY_INVALID_JSON"
  | "PARAMETER_INVALID"
  | "TYPE_MISMATCH"
  | "FIELD_LENGTH_INVALID"
  | "FIELD_UNKNOWN"
  | "PAYLOAD_TOO_LARGE"
  | "UNSUPPORTED_MEDIA_TYPE"
  | "IDEMPOTENCY_KEY_REUSED"
  | "TEAM_ACCESS_DENIED"
  | "SUBSCRIPTION_INACTIVE"
  | "WORKSPACE_MISMATCH"
  | "QUOTA_INSUFFICIENT"
  | "SNIPPET_NOT_FOUND"
  | "FOLDER_NOT_FOUND"
  | "TAG_NOT_FOUND"
  | "RESOURCE_DELETED"
  | "ENDPOINT_NOT_FOUND"
  | "METHOD_NOT_ALLOWED"
  | "VARIATION_NOT_FOUND"
  | "VARIATION_NOT_IN_SNIPPET"
  | "VARIATION_LAST_REMAINING"
  | "VARIATION_LIMIT_REACHED"
  | "BATCH_EMPTY"
  | "BATCH_TOO_LARGE"
  | "BATCH_PARTIAL_FAILURE"
  | "BATCH_QUOTA_INSUFFICIENT"
  | "RATE_LIMIT_EXCEEDED"
  | "KEY_TEMPORARILY_BLOCKED"
  | "INTERNAL_ERROR"
  | "SERVICE_UNAVAILABLE";

/** The seed page's error categories. */
export type ErrorCategory =
  | "authentication"
  | "validation"
  | "permission"
  | "quota"
  | "resource"
  | "variation"
  | "batch"
  | "rate_limit"
  | "server";

export declare const errorCategoryOfCode: {
  readonly AUTH_HEADER_MISSING: "authentication";
  readonly AUTH_KEY_MALFORMED: "authentication";
  readonly AUTH_KEY_UNKNOWN: "authentication";
  readonly AUTH_KEY_INACTIVE: "authentication";
  readonly AUTH_KEY_DELETED: "authentication";
  readonly AUTH_KEY_EXPIRED: "authentication";
  readonly PARAMETER_MISSING: "validation";
  readonly BODY_INVALID_JSON: "validation";
  readonly PARAMETER_INVALID: "validation";
  readonly TYPE_MISMATCH: "validation";
  readonly FIELD_LENGTH_INVALID: "validation";
  readonly FIELD_UNKNOWN: "validation";
  readonly PAYLOAD_TOO_LARGE: "validation";
  readonly UNSUPPORTED_MEDIA_TYPE: "validation";
  readonly IDEMPOTENCY_KEY_REUSED: "validation";
  readonly TEAM_ACCESS_DENIED: "permission";
  readonly SUBSCRIPTION_INACTIVE: "permission";
  readonly WORKSPACE_MISMATCH: "permission";
  readonly QUOTA_INSUFFICIENT: "quota";
  readonly SNIPPET_NOT_FOUND: "resource";
  readonly FOLDER_NOT_FOUND: "resource";
  readonly TAG_NOT_FOUND: "resource";
  readonly RESOURCE_DELETED: "resource";
  readonly ENDPOINT_NOT_FOUND: "resource";
  readonly METHOD_NOT_ALLOWED: "resource";
  readonly VARIATION_NOT_FOUND: "variation";
  readonly VARIATION_NOT_IN_SNIPPET: "variation";
  readonly VARIATION_LAST_REMAINING: "variation";
  readonly VARIATION_LIMIT_REACHED: "variation";
  readonly BATCH_EMPTY: "batch";
  readonly BATCH_TOO_LARGE: "batch";
  readonly BATCH_PARTIAL_FAILURE: "batch";
  readonly BATCH_QUOTA_INSUFFICIENT: "batch";
  readonly RATE_LIMIT_EXCEEDED: "rate_limit";
  readonly KEY_TEMPORARILY_BLOCKED: "rate_limit";
  readonly INTERNAL_ERROR: "server";
  readonly SERVICE_UNAVAILABLE: "server";
};

/** The codes of one category, e.g. `ErrorCodeOfCategory<"variation">`. */
export type ErrorCodeOfCategory<K extends ErrorCategory> = {
  [C in ErrorCode]: (typeof errorCategoryOfCode)[C] extends K ? C : never;
}[ErrorCode];

export declare const errorCodes: readonly ErrorCode[];
export declare const errorCategories: readonly ErrorCategory[];
export declare function isErrorCode(value: unknown): value is ErrorCode;
