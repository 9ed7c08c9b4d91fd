// Generated from openapi.yaml by scripts/generate.ts (npm run generate). Do not edit.

export { errorCategoryOfCode, errorCodes, errorCategories, isErrorCode } from './error-codes.js';

/** Every error code of the contract with its HTTP status, category and messages. */
export const errorCatalog = /*#__PURE__*/ deepFreeze({
  AUTH_HEADER_MISSING: {
    "status": 401,
    "category": "authentication",
    "summary": "The request has no Authorization header.",
    "causes": [
      "The Authorization header was not sent",
      "A proxy or client library dropped the header"
    ],
    "fixes": [
      "Send Authorization: Bearer YOUR_KEY with every request except GET /health"
    ],
    "userMessage": "You are not signed in to the Snippets service. Please connect your account and try again."
  },
  AUTH_KEY_MALFORMED: {
    "status": 401,
    "category": "authentication",
    "summary": "The Authorization header is not a Bearer API key of the expected form.",
    "causes": [
      "The scheme is not Bearer",
      "The key is truncated or has extra characters",
      "A key of another service was sent"
    ],
    "fixes": [
      "Send Authorization: Bearer sk_live_... or sk_test_...",
      "Copy the key again from your dashboard"
    ],
    "userMessage": "The Snippets connection is misconfigured. Please check the API key in your settings."
  },
  AUTH_KEY_UNKNOWN: {
    "status": 401,
    "category": "authentication",
    "summary": "No API key matches the one sent.",
    "causes": [
      "The key was mistyped",
      "The key belongs to another environment (test or live)"
    ],
    "fixes": [
      "Check that the API key is correct",
      "Create a new API key if necessary"
    ],
    "userMessage": "The Snippets API key was not recognised. Please check it in your settings."
  },
  AUTH_KEY_INACTIVE: {
    "status": 401,
    "category": "authentication",
    "summary": "The API key exists but has been deactivated.",
    "causes": [
      "An administrator deactivated the key"
    ],
    "fixes": [
      "Confirm the API key is active in your dashboard",
      "Create a new API key if necessary"
    ],
    "userMessage": "This Snippets API key has been turned off. Please ask an administrator for an active key."
  },
  AUTH_KEY_DELETED: {
    "status": 401,
    "category": "authentication",
    "summary": "The API key has been deleted.",
    "causes": [
      "The key was deleted from the dashboard"
    ],
    "fixes": [
      "Create a new API key and update your configuration"
    ],
    "userMessage": "This Snippets API key no longer exists. Please set up a new key."
  },
  AUTH_KEY_EXPIRED: {
    "status": 401,
    "category": "authentication",
    "summary": "The API key is past its expiry date.",
    "causes": [
      "The key was created with an expiry date that has passed"
    ],
    "fixes": [
      "Create a new API key",
      "Rotate keys before they expire"
    ],
    "userMessage": "Your Snippets API key has expired. Please create a new one."
  },
  PARAMETER_MISSING: {
    "status": 400,
    "category": "validation",
    "summary": "A required parameter or body field is missing.",
    "causes": [
      "A required query parameter was left out",
      "A required body field was left out",
      "The body was empty"
    ],
    "fixes": [
      "Check that all required parameters are included",
      "See `details` for the missing fields"
    ],
    "userMessage": "Some required information is missing. Please fill in every required field."
  },
  BODY_INVALID_JSON: {
    "status": 400,
    "category": "validation",
    "summary": "The request body is not valid JSON.",
    "causes": [
      "A syntax error in the body such as a trailing comma or an unquoted key",
      "The body was cut off"
    ],
    "fixes": [
      "Validate the JSON syntax",
      "Serialise the body with a JSON library instead of by hand"
    ],
    "userMessage": "The request could not be read. Please try again."
  },
  PARAMETER_INVALID: {
    "status": 400,
    "category": "validation",
    "summary": "A value is not in the expected format or range.",
    "causes": [
      "An id is not a UUID",
      "A date is not an ISO 8601 date-time",
      "A number is out of range or a value is not one of the allowed ones",
      "A folder or tag would become its own ancestor"
    ],
    "fixes": [
      "Verify that parameter values match the expected format",
      "See `details` for each invalid field"
    ],
    "userMessage": "Some of the information entered is not valid. Please check it and try again."
  },
  TYPE_MISMATCH: {
    "status": 400,
    "category": "validation",
    "summary": "A value has the wrong data type.",
    "causes": [
      "A string was sent where a number or object is expected",
      "or the reverse",
      "An array was sent as a single value"
    ],
    "fixes": [
      "Check the type of each field against the schema",
      "See `details` for each mistyped field"
    ],
    "userMessage": "Some of the information entered is not valid. Please check it and try again."
  },
  FIELD_LENGTH_INVALID: {
    "status": 400,
    "category": "validation",
    "summary": "A value is longer or shorter than the field allows.",
    "causes": [
      "A title over 200 characters",
      "A note over 5000 characters",
      "A required text field sent empty",
      "Too many items in a list"
    ],
    "fixes": [
      "Review the field length limits in the API reference",
      "See `details` for the limit that was broken"
    ],
    "userMessage": "Some text is too long or too short. Please shorten or complete it."
  },
  FIELD_UNKNOWN: {
    "status": 400,
    "category": "validation",
    "summary": "The body has a field, or the query a parameter, that the operation does not accept.",
    "causes": [
      "A misspelt field or parameter name",
      "A field of another operation or of a newer API version"
    ],
    "fixes": [
      "Remove the field or parameter",
      "or correct its spelling",
      "See `details` for the unknown names"
    ],
    "userMessage": "The request could not be processed. Please update the app and try again."
  },
  PAYLOAD_TOO_LARGE: {
    "status": 413,
    "category": "validation",
    "summary": "The request body is larger than 1 MB.",
    "causes": [
      "Very large content",
      "Too much data in one batch"
    ],
    "fixes": [
      "Send less content per request",
      "Split the batch into smaller ones"
    ],
    "userMessage": "That is too much content to save at once. Please make it smaller."
  },
  UNSUPPORTED_MEDIA_TYPE: {
    "status": 415,
    "category": "validation",
    "summary": "The request body is not sent as application/json.",
    "causes": [
      "The Content-Type header is missing or not application/json",
      "A form or text body was sent"
    ],
    "fixes": [
      "Send the body as JSON with Content-Type: application/json"
    ],
    "userMessage": "The request could not be processed. Please update the app and try again."
  },
  IDEMPOTENCY_KEY_REUSED: {
    "status": 422,
    "category": "validation",
    "summary": "The Idempotency-Key was already used with a different request body.",
    "causes": [
      "A client reused one key for two different operations",
      "The body of a retry was changed"
    ],
    "fixes": [
      "Use a fresh Idempotency-Key for each new operation",
      "Retry with exactly the same body as the first attempt"
    ],
    "userMessage": "This change conflicts with an earlier one. Please reload and try again."
  },
  TEAM_ACCESS_DENIED: {
    "status": 403,
    "category": "permission",
    "summary": "The API key does not have access to this team.",
    "causes": [
      "The key was created for other teams",
      "The team was removed from the key's permissions"
    ],
    "fixes": [
      "Update the API key's permissions to include the team",
      "Use a key that has the team"
    ],
    "userMessage": "You do not have access to this team's snippets."
  },
  SUBSCRIPTION_INACTIVE: {
    "status": 403,
    "category": "permission",
    "summary": "The workspace's subscription is inactive.",
    "causes": [
      "The subscription was cancelled or a payment failed"
    ],
    "fixes": [
      "Check the workspace subscription status in the dashboard"
    ],
    "userMessage": "Your workspace's Snippets subscription is not active. Please contact your administrator."
  },
  WORKSPACE_MISMATCH: {
    "status": 403,
    "category": "permission",
    "summary": "The request names a team that is not in the key's workspace.",
    "causes": [
      "A team id of another workspace was sent",
      "A key of the wrong workspace is configured"
    ],
    "fixes": [
      "Verify that you are accessing resources of your own workspace",
      "Use a key of the workspace that owns the team"
    ],
    "userMessage": "That belongs to another workspace, so you cannot use it here."
  },
  QUOTA_INSUFFICIENT: {
    "status": 403,
    "category": "quota",
    "summary": "The workspace's request quota cannot pay for this call; nothing was done.",
    "causes": [
      "The quota is used up",
      "The call costs more than what remains"
    ],
    "fixes": [
      "Purchase additional API requests",
      "Check `usage.requiredRequests` against `usage.remainingRequests`"
    ],
    "userMessage": "Your workspace has used up its Snippets requests. Please ask an administrator to add more."
  },
  SNIPPET_NOT_FOUND: {
    "status": 404,
    "category": "resource",
    "summary": "No snippet with this id is visible to the key.",
    "causes": [
      "The id is wrong",
      "The snippet belongs to another workspace"
    ],
    "fixes": [
      "Verify the snippet id",
      "Ensure the snippet exists in your workspace"
    ],
    "userMessage": "That snippet could not be found. It may have been moved or removed."
  },
  FOLDER_NOT_FOUND: {
    "status": 404,
    "category": "resource",
    "summary": "No folder with this id is visible to the key.",
    "causes": [
      "The id is wrong",
      "The folder belongs to another workspace"
    ],
    "fixes": [
      "Verify the folder id",
      "Ensure the folder exists in your workspace"
    ],
    "userMessage": "That folder could not be found. It may have been removed."
  },
  TAG_NOT_FOUND: {
    "status": 404,
    "category": "resource",
    "summary": "No tag with this id is visible to the key.",
    "causes": [
      "The id is wrong",
      "The tag belongs to another workspace"
    ],
    "fixes": [
      "Verify the tag id",
      "Ensure the tag exists in your workspace"
    ],
    "userMessage": "That tag could not be found. It may have been removed."
  },
  RESOURCE_DELETED: {
    "status": 404,
    "category": "resource",
    "summary": "The resource existed but has been deleted.",
    "causes": [
      "The snippet",
      "folder or tag was deleted",
      "by this or another client"
    ],
    "fixes": [
      "Check whether the resource was deleted",
      "Refresh any cached ids"
    ],
    "userMessage": "That item has been deleted."
  },
  ENDPOINT_NOT_FOUND: {
    "status": 404,
    "category": "resource",
    "summary": "No endpoint exists at this path.",
    "causes": [
      "A typo in the endpoint URL",
      "A missing /api/prompts prefix"
    ],
    "fixes": [
      "Confirm the endpoint URL against the API reference"
    ],
    "userMessage": "The Snippets service could not handle this request. Please update the app."
  },
  METHOD_NOT_ALLOWED: {
    "status": 405,
    "category": "resource",
    "summary": "The path exists but not with this HTTP method.",
    "causes": [
      "A wrong HTTP method",
      "such as PATCH instead of PUT"
    ],
    "fixes": [
      "Use one of the methods in the Allow response header"
    ],
    "userMessage": "The Snippets service could not handle this request. Please update the app."
  },
  VARIATION_NOT_FOUND: {
    "status": 404,
    "category": "variation",
    "summary": "No variation with this id is visible to the key.",
    "causes": [
      "The id is wrong",
      "The variation was deleted",
      "The variation belongs to another workspace"
    ],
    "fixes": [
      "Verify the variation id",
      "List the snippet's variations with GET /api/prompts/snippet"
    ],
    "userMessage": "That version of the snippet could not be found."
  },
  VARIATION_NOT_IN_SNIPPET: {
    "status": 404,
    "category": "variation",
    "summary": "The variation exists but belongs to another snippet.",
    "causes": [
      "A variation id was paired with the wrong snippet id"
    ],
    "fixes": [
      "Send the snippetId the variation belongs to"
    ],
    "userMessage": "That version does not belong to this snippet."
  },
  VARIATION_LAST_REMAINING: {
    "status": 409,
    "category": "variation",
    "summary": "The call would remove a snippet's last remaining variation; nothing was deleted.",
    "causes": [
      "Deleting every variation of a snippet"
    ],
    "fixes": [
      "Keep at least one variation",
      "Delete the snippet itself instead"
    ],
    "userMessage": "A snippet needs at least one version, so this one cannot be removed."
  },
  VARIATION_LIMIT_REACHED: {
    "status": 409,
    "category": "variation",
    "summary": "The snippet already holds the most variations a snippet may have (maxVariationsPerSnippet); nothing was added.",
    "causes": [
      "Adding a variation to a snippet that has 25 already"
    ],
    "fixes": [
      "Delete a variation you no longer need",
      "Create another snippet for the extra versions"
    ],
    "userMessage": "This snippet has as many versions as it can hold. Remove one to add another."
  },
  BATCH_EMPTY: {
    "status": 400,
    "category": "batch",
    "summary": "The batch has no items.",
    "causes": [
      "An empty array was sent"
    ],
    "fixes": [
      "Send at least one item",
      "or skip the call"
    ],
    "userMessage": "There is nothing to save."
  },
  BATCH_TOO_LARGE: {
    "status": 400,
    "category": "batch",
    "summary": "The batch has more than 100 items.",
    "causes": [
      "More than 100 items or ids in one call"
    ],
    "fixes": [
      "Split the input into batches of at most 100 items"
    ],
    "userMessage": "Too many items at once. Please save them in smaller groups."
  },
  BATCH_PARTIAL_FAILURE: {
    "status": 207,
    "category": "batch",
    "summary": "Some items of the batch succeeded and some failed.",
    "causes": [
      "Some items name a folder",
      "tag or team that is unknown or not accessible"
    ],
    "fixes": [
      "Read `data.errors` for each failed item's index and code",
      "Fix and resend only the failed items"
    ],
    "userMessage": "Some items could not be saved. Please review them and try again."
  },
  BATCH_QUOTA_INSUFFICIENT: {
    "status": 403,
    "category": "batch",
    "summary": "The quota cannot pay for the whole batch; nothing was written.",
    "causes": [
      "The batch costs more than the requests the workspace has left"
    ],
    "fixes": [
      "Purchase additional API requests",
      "Send a smaller batch that fits in `usage.remainingRequests`"
    ],
    "userMessage": "Your workspace does not have enough Snippets requests left for all of these items."
  },
  RATE_LIMIT_EXCEEDED: {
    "status": 429,
    "category": "rate_limit",
    "summary": "The key made more requests than its rate limit (20 per minute by default).",
    "causes": [
      "Too many requests in a short time",
      "Several processes sharing one key"
    ],
    "fixes": [
      "Respect the Retry-After header",
      "Implement exponential backoff",
      "Queue requests on the client",
      "Use batch endpoints to reduce the request count"
    ],
    "userMessage": "Too many requests right now. Please wait a moment and try again."
  },
  KEY_TEMPORARILY_BLOCKED: {
    "status": 403,
    "category": "rate_limit",
    "summary": "The key is blocked for a while after repeated invalid attempts.",
    "causes": [
      "20 invalid attempts in the window",
      "such as requests for teams the key lacks"
    ],
    "fixes": [
      "Wait Retry-After seconds (300 if absent)",
      "Fix the requests that were refused before retrying"
    ],
    "userMessage": "Access is paused for a few minutes after repeated failed attempts. Please try again later."
  },
  INTERNAL_ERROR: {
    "status": 500,
    "category": "server",
    "summary": "An unexpected error occurred on the server.",
    "causes": [
      "A fault in the service"
    ],
    "fixes": [
      "Retry the request after a short delay",
      "Contact support with the requestId if the problem continues"
    ],
    "userMessage": "Something went wrong on our side. Please try again in a moment."
  },
  SERVICE_UNAVAILABLE: {
    "status": 503,
    "category": "server",
    "summary": "The service is briefly unable to answer.",
    "causes": [
      "Maintenance or overload"
    ],
    "fixes": [
      "Retry after Retry-After seconds"
    ],
    "userMessage": "The Snippets service is temporarily unavailable. Please try again in a moment."
  },
});

function deepFreeze(value) {
  for (const inner of Object.values(value)) if (typeof inner === "object" && inner !== null) deepFreeze(inner);
  return Object.freeze(value);
}
