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
