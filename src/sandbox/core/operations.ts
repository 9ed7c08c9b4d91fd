// An operation in one store transaction: the idempotency replay (the key's
// own, if it may still use the teams), the handler, and the charge of its
// cost to the workspace's quota; any throw rolls all of it back.
import { errorCatalog, type ErrorCode } from '../../../generated/error-catalog.js';
import { Access } from '../access.ts';
import { contract, type OperationInfo } from '../contract.ts';
import { successJson } from '../envelope.ts';
import { ApiError } from '../errors.ts';
import { idempotency, requestHash } from '../idempotency.ts';
import type { Handler, OperationContext } from '../operation.ts';
import type { Principal } from '../principal.ts';
import { groupHandlers } from '../routes/groups.ts';
import { snippetHandlers } from '../routes/snippets.ts';
import { variationHandlers } from '../routes/variations.ts';
import type { KeyLimits, RateDecision, SandboxStore } from '../store/store.ts';

const handlers: Record<string, Handler> = { ...snippetHandlers, ...variationHandlers, ...groupHandlers };

export interface Answered {
  status: number;
  /** The success envelope as JSON text. */
  body: string;
  /** Whether this is a stored answer sent again (Idempotency-Key). */
  replayed: boolean;
}

interface Dependencies {
  store: SandboxStore;
  sha256: (text: string) => string;
  now: () => number;
  /** Team id -> workspace id, as the store last said. */
  teams: () => ReadonlyMap<string, string>;
  /** Where a refusal that counts as an invalid attempt is recorded. */
  limits: () => KeyLimits;
}

export function prepareOperations({ store, sha256, now, teams, limits }: Dependencies) {
  const spec = contract();
  for (const operation of spec.operations) {
    if (operation.operationId !== 'getHealth' && !handlers[operation.operationId]) {
      throw new Error(`openapi.yaml has operation ${operation.operationId}, which the sandbox does not implement`);
    }
  }
  const stored = idempotency(spec.limits.idempotencyKeyHours);

  return {
    /**
     * `admission`: the request's count against its key's limits, when the
     * operation (read-only) runs before it is known (sandbox-core.ts): the
     * store charges only if it lets the request in, and a refused request's
     * invalid attempt is not one.
     */
    async run(
      operation: OperationInfo,
      principal: Principal,
      query: Record<string, unknown>,
      body: unknown,
      idempotencyKey?: string,
      admission?: Promise<RateDecision>,
    ): Promise<Answered> {
      const hash = idempotencyKey && requestHash(sha256, operation.operationId, query, body);
      const at = now();
      // Recorded once the transaction is over (committed or rolled back, as a refusal is): an attempt is not data the rollback takes back.
      let invalidAttempt = false;
      try {
        return await transact(operation, principal, query, body, idempotencyKey, hash, at, () => (invalidAttempt = true), admission);
      } finally {
        if (invalidAttempt && (admission === undefined || (await admission.then((decision) => decision.allowed, () => false)))) {
          await limits().recordRealKey(principal.keyHash, at);
        }
      }
    },
  };

  function transact(
    operation: OperationInfo,
    principal: Principal,
    query: Record<string, unknown>,
    body: unknown,
    idempotencyKey: string | undefined,
    hash: string | undefined,
    at: number,
    onInvalidAttempt: () => void,
    admission: Promise<RateDecision> | undefined,
  ): Promise<Answered> {
    return store.transaction(async (tx) => {
      const access = new Access(tx, teams(), principal, onInvalidAttempt);
      if (idempotencyKey && hash) {
        const replay = await stored.replay(tx, access, idempotencyKey, hash, at);
        if (replay) return { ...replay, replayed: true };
      }
      const context: OperationContext = { principal, access, query, body, at: new Date(at).toISOString(), tx };
      const result = await handlers[operation.operationId]!(context);
      const remaining = await tx.spend(principal.workspaceId, result.cost);
      if (remaining === undefined) {
        const code: ErrorCode = operation.batchField ? 'BATCH_QUOTA_INSUFFICIENT' : 'QUOTA_INSUFFICIENT';
        const remainingRequests = await tx.remaining(principal.workspaceId);
        throw new ApiError(code, errorCatalog[code].summary, { usage: { remainingRequests, requiredRequests: result.cost } });
      }
      const json = successJson(result, remaining);
      if (idempotencyKey && hash) await stored.remember(tx, access, idempotencyKey, hash, { status: result.status, body: json }, at);
      return { status: result.status, body: json, replayed: false };
    }, operation.readOnly, admission);
  }
}
