// What a stateful sequence is, how one runs, and the small helpers the
// sequences share: the operations on one resource or many of a kind, a
// resource found in an answer, a draft sent with its setup, and the failing
// step made the reproduction.
import type { Violation } from '../exchange.ts';
import type { RoleName } from '../roles.ts';
import type { ScenarioContext } from '../scenario.ts';
import type { Expected } from './codes.ts';
import { toRequest, type Draft } from './draft.ts';
import { Random } from './random.ts';
import { Session } from './session.ts';
import { MAX_PROBES, shrink } from './shrink.ts';
import { batchProperty, operationModels, type OperationModel } from './spec-model.ts';

type Json = any;

export interface SequenceTemplate {
  name: string;
  title: string;
  expected: string;
  needs: RoleName[];
  last?: boolean;
  /** Requests it sends, about. */
  estimate: number;
  run(session: Session): Promise<void>;
}

/** The operation on `/<kind>` (one resource) or `/<kind>s` (many) with this method. */
export const single = (method: string, kind: string) => operationModels.find((op) => op.method === method && op.path.endsWith(`/${kind}`));
export const plural = (method: string, kind: string) => operationModels.find((op) => op.method === method && op.path.endsWith(`/${kind}s`));

export const success = (op: OperationModel): Expected => ({ status: [op.successStatus] });

/** The resource with this id in an answer's data: the data itself, or one level down (`{ folder, snippets }`, a list). */
export function findResource(data: Json, id: string): Json | undefined {
  if (!data || typeof data !== 'object') return undefined;
  if (data.id === id) return data;
  for (const value of Array.isArray(data) ? data : Object.values(data)) {
    if (!value || typeof value !== 'object') continue;
    if (value.id === id) return value;
    if (!Array.isArray(value)) for (const inner of Object.values(value)) if ((inner as Json)?.id === id) return inner;
  }
  return undefined;
}

/** The created items of a create answer: its data, or its batch list. */
export const createdOf = (op: OperationModel, json: Json): Json[] => {
  const items = batchProperty(op);
  return items ? (json?.data?.[items] ?? []) : json?.data ? [json.data] : [];
};

/** Resolves a draft (its setup first), sends it and checks the answer. */
export async function sendDraft(session: Session, draft: Draft, expected: Expected) {
  const resolved = await session.resolve(draft);
  const request = toRequest(resolved);
  return { resolved, request, ...(await session.send(request, expected)) };
}

/** The failing step, made smaller when its failure is the quota chain and it has a batch to cut; then recorded as the reproduction. */
export async function reproduceStep(session: Session, draft: Draft, violations: Violation[], expected: Expected): Promise<void> {
  const primary = violations[0]!;
  let minimal = draft;
  if (primary.at.startsWith('/usage/') && draft.arrays.length > 0) {
    minimal = (await shrink(draft, primary, (candidate) => session.probeCost(toRequest(candidate), expected), MAX_PROBES / 2)).draft;
    session.forgetQuota(toRequest(draft));
  }
  session.t.reproduce(toRequest(minimal));
}

/** Runs a sequence with its own generator; its first failing step is the reproduction, unless it recorded a smaller one. */
export async function runSequence(template: SequenceTemplate, t: ScenarioContext, seed: number): Promise<void> {
  let reproduced = false;
  const context: ScenarioContext = {
    roles: t.roles,
    expect: (request, expectation) => t.expect(request, expectation),
    setup: (request) => t.setup(request),
    skip: (reason) => t.skip(reason),
    fail: (violation) => t.fail(violation),
    probe: (request, expectation) => t.probe(request, expectation),
    reproduce(request) {
      reproduced = true;
      t.reproduce(request);
    },
  };
  const session = new Session(context, new Random(seed), 'last');
  await template.run(session);
  if (!reproduced && session.firstFailure) t.reproduce(session.firstFailure.request);
}
