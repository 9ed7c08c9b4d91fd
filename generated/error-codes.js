// Generated from openapi.yaml by scripts/generate.ts (npm run generate). Do not edit.

/** The category of every error code of the contract, in catalog order (the texts are in error-catalog.js). */
export const errorCategoryOfCode = /*#__PURE__*/ Object.freeze({
  AUTH_HEADER_MISSING: "authentication",
  AUTH_KEY_MALFORMED: "authentication",
  AUTH_KEY_UNKNOWN: "authentication",
  AUTH_KEY_INACTIVE: "authentication",
  AUTH_KEY_DELETED: "authentication",
  AUTH_KEY_EXPIRED: "authentication",
  PARAMETER_MISSING: "validation",
  BODY_INVALID_JSON: "validation",
  PARAMETER_INVALID: "validation",
  TYPE_MISMATCH: "validation",
  FIELD_LENGTH_INVALID: "validation",
  FIELD_UNKNOWN: "validation",
  PAYLOAD_TOO_LARGE: "validation",
  UNSUPPORTED_MEDIA_TYPE: "validation",
  IDEMPOTENCY_KEY_REUSED: "validation",
  TEAM_ACCESS_DENIED: "permission",
  SUBSCRIPTION_INACTIVE: "permission",
  WORKSPACE_MISMATCH: "permission",
  QUOTA_INSUFFICIENT: "quota",
  SNIPPET_NOT_FOUND: "resource",
  FOLDER_NOT_FOUND: "resource",
  TAG_NOT_FOUND: "resource",
  RESOURCE_DELETED: "resource",
  ENDPOINT_NOT_FOUND: "resource",
  METHOD_NOT_ALLOWED: "resource",
  VARIATION_NOT_FOUND: "variation",
  VARIATION_NOT_IN_SNIPPET: "variation",
  VARIATION_LAST_REMAINING: "variation",
  VARIATION_LIMIT_REACHED: "variation",
  BATCH_EMPTY: "batch",
  BATCH_TOO_LARGE: "batch",
  BATCH_PARTIAL_FAILURE: "batch",
  BATCH_QUOTA_INSUFFICIENT: "batch",
  RATE_LIMIT_EXCEEDED: "rate_limit",
  KEY_TEMPORARILY_BLOCKED: "rate_limit",
  INTERNAL_ERROR: "server",
  SERVICE_UNAVAILABLE: "server",
});

/** The codes, in catalog order. */
export const errorCodes = /*#__PURE__*/ Object.freeze(/*#__PURE__*/ Object.keys(errorCategoryOfCode));

/** The categories that have at least one code, in the seed page's order. */
export const errorCategories = /*#__PURE__*/ Object.freeze(["authentication","validation","permission","quota","resource","variation","batch","rate_limit","server"]);

/** True when `value` is a code of this version of the catalog (a newer server may send others). */
export function isErrorCode(value) {
  return typeof value === 'string' && Object.hasOwn(errorCategoryOfCode, value);
}
