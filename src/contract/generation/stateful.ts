// The stateful sequences generated mode draws from: one lifecycle per kind
// of resource, one partial batch per batch operation that documents 207,
// one idempotent replay per POST that takes an Idempotency-Key, the quota
// walk; and the rate-limit sequence, which the plan puts last.
import { partialBatch } from './batch-partial.ts';
import { idempotentReplay } from './idempotent-replay.ts';
import { lifecycle } from './lifecycle.ts';
import { quotaWalk } from './quota-walk.ts';
import type { SequenceTemplate } from './sequence.ts';
import { operationModels } from './spec-model.ts';

export { rateLimitSequence } from './rate-limit.ts';
export { runSequence, type SequenceTemplate } from './sequence.ts';

export function sequenceTemplates(): SequenceTemplate[] {
  const kinds = [...new Set(operationModels.map((op) => op.kind).filter((k): k is string => k !== undefined))];
  return [
    ...kinds.map(lifecycle),
    ...operationModels.map(partialBatch),
    ...operationModels.map(idempotentReplay),
    quotaWalk,
  ].filter((s): s is SequenceTemplate => s !== undefined);
}
