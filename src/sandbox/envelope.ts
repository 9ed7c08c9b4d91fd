// The 2xx envelope of openapi.yaml (SuccessEnvelope), written as JSON text in
// one place. Built as text rather than as an object for Fastify to
// stringify, so that parts already serialized (JsonText) are not serialized
// again. The result is byte for byte what JSON.stringify of the same object
// gives: the same keys in the same order, undefined properties left out.
import { codeForStatus } from './errors.ts';
import { jsonTextOf } from './json-text.ts';

export interface SuccessParts {
  status: number;
  data: unknown;
  metadata?: unknown;
  /** What this call cost. */
  cost: number;
}

function property(name: string, value: unknown): string {
  const text = jsonTextOf(value);
  return text === undefined ? '' : `,"${name}":${text}`;
}

/** The body of a successful call; `remaining` is the workspace's quota after it. */
export function successJson({ status, data, metadata, cost }: SuccessParts, remaining: number): string {
  // A 207 says which items failed, in the code/message shape of an error.
  const partial =
    status === 207
      ? property('code', codeForStatus(207)) +
        property('message', `${(metadata as { failedCount: number }).failedCount} of ${(metadata as { requestedCount: number }).requestedCount} items failed; see data.errors`)
      : '';
  return `{"success":true${partial}${property('data', data)},"usage":{"remainingRequests":${remaining},"usageDeducted":${cost}}${property('metadata', metadata)}}`;
}
