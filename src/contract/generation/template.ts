// A kind of generated request: what it is about, what the contract answers
// it with, and how to draw one from a seed. Drawing is pure (no request is
// sent): the same seed draws the same draft.
import type { Expected } from './codes.ts';
import type { Draft } from './draft.ts';
import type { Random } from './random.ts';
import type { OperationModel } from './spec-model.ts';

export interface CaseTemplate {
  op: OperationModel;
  /** The case's part of the scenario id: `too-long-title`. */
  name: string;
  title: string;
  expected: Expected;
  valid: boolean;
  build(rng: Random): Draft;
}
