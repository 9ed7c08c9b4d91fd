// Generated from openapi.yaml by scripts/generate.ts (npm run generate). Do not edit.
/** The limits openapi.yaml describes (x-limits). */
export declare const limits: {
  readonly rateLimitPerMinute: 20;
  readonly invalidAttemptThreshold: 20;
  readonly keyBlockSeconds: 300;
  readonly maxBodyBytes: 1048576;
  readonly maxBatchItems: 100;
  readonly idempotencyKeyHours: 24;
  readonly maxPageBytes: 1048576;
  readonly maxVariationsPerSnippet: 25;
  readonly maxErrorDetails: 20;
};
/** The window of x-limits' rate limit, in seconds: `rateLimitPerMinute` counts the requests of a minute. */
export declare const rateWindowSeconds: 60;
