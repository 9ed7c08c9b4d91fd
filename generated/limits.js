// Generated from openapi.yaml by scripts/generate.ts (npm run generate). Do not edit.
/** The limits openapi.yaml describes (x-limits). */
export const limits = Object.freeze({
  "rateLimitPerMinute": 20,
  "invalidAttemptThreshold": 20,
  "keyBlockSeconds": 300,
  "maxBodyBytes": 1048576,
  "maxBatchItems": 100,
  "idempotencyKeyHours": 24,
  "maxPageBytes": 1048576,
  "maxVariationsPerSnippet": 25,
  "maxErrorDetails": 20
});
/** The window of x-limits' rate limit, in seconds: `rateLimitPerMinute` counts the requests of a minute. */
export const rateWindowSeconds = 60;
