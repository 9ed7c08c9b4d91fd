// Which generated scenarios a run gets: from one seed, a mix of valid
// boundary cases (about two in five), invalid cases (two in five) and
// stateful sequences (one in five), each drawn in turn from a shuffled deck
// of every kind the spec yields (so a run goes through many kinds before it
// repeats one), until about `count` requests are planned; then the rate-limit
// sequence, last, since it spends a key's allowance.
import type { Scenario } from '../scenario.ts';
import { caseScenario } from './case-scenario.ts';
import { invalidTemplates } from './invalid-cases.ts';
import { Random } from './random.ts';
import { setupEstimate } from './resources.ts';
import { operationModels } from './spec-model.ts';
import { rateLimitSequence, runSequence, sequenceTemplates, type SequenceTemplate } from './stateful.ts';
import type { CaseTemplate } from './template.ts';
import { validTemplates } from './valid-cases.ts';

/** Draws from a shuffled copy of `items`, shuffling again when it runs out. */
class Deck<T> {
  private order: T[] = [];
  constructor(
    private readonly items: readonly T[],
    private readonly rng: Random,
  ) {}
  draw(): T | undefined {
    if (this.items.length === 0) return undefined;
    if (this.order.length === 0) this.order = this.rng.shuffle(this.items);
    return this.order.pop();
  }
}

function sequenceScenario(template: SequenceTemplate, seed: number, n: number): Scenario {
  return {
    id: `stateful.${template.name}.${n}`,
    title: template.title,
    category: 'stateful',
    expected: template.expected,
    needs: template.needs,
    ...(template.last && { last: true }),
    kind: 'generated',
    run: (t) => runSequence(template, t, seed),
  };
}

export interface GenerateOptions {
  /** About how many requests the generated scenarios send (setups and sequences included; shrinking's probes not). */
  count: number;
  seed: number;
}

export function generatedScenarios(options: GenerateOptions): Scenario[] {
  const rng = new Random(options.seed);
  const valid = new Deck<CaseTemplate>(operationModels.flatMap(validTemplates), rng);
  const invalid = new Deck<CaseTemplate>(operationModels.flatMap(invalidTemplates), rng);
  const sequences = new Deck<SequenceTemplate>(sequenceTemplates(), rng);
  const seen = new Map<string, number>();
  const nth = (key: string) => {
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return n;
  };
  const scenarios: Scenario[] = [];
  // The rate-limit sequence spends a key's whole allowance: only in a run large enough for it to be a small part.
  const withRateLimit = options.count >= 2 * rateLimitSequence.estimate;
  let budget = options.count - (withRateLimit ? rateLimitSequence.estimate : 0);
  while (budget > 0) {
    const roll = rng.float();
    const seed = rng.seed();
    if (roll < 0.2) {
      const template = sequences.draw();
      if (!template) continue;
      scenarios.push(sequenceScenario(template, seed, nth(`stateful.${template.name}`)));
      budget -= template.estimate;
    } else {
      const template = (roll < 0.6 ? valid : invalid).draw();
      if (!template) continue;
      scenarios.push(caseScenario(template, seed, nth(`${template.op.operationId}.${template.name}`)));
      // Drawn once here to count the setup it needs; the scenario draws the same again from the same seed.
      budget -= 1 + setupEstimate(template.build(new Random(seed)));
    }
  }
  if (withRateLimit) scenarios.push(sequenceScenario(rateLimitSequence, rng.seed(), 1));
  return scenarios;
}
