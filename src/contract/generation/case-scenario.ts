// A generated case as a scenario the runner runs like a hand-written one:
// draw the request from the case's own seed, create what it names, send it,
// check the answer, and when it fails, shrink it and record the smallest
// request that still fails the same way.
import type { Scenario } from '../scenario.ts';
import { describeExpected } from './codes.ts';
import { toRequest } from './draft.ts';
import { Random } from './random.ts';
import { Session } from './session.ts';
import { MAX_PROBES, shrink } from './shrink.ts';
import type { CaseTemplate } from './template.ts';

export function caseScenario(template: CaseTemplate, seed: number, n: number): Scenario {
  const { op, expected } = template;
  return {
    id: `generated.${op.operationId}.${template.name}.${n}`,
    title: template.title,
    category: template.valid ? 'generated (valid)' : 'generated (invalid)',
    expected: describeExpected(expected),
    needs: op.authenticated ? ['main'] : [],
    kind: 'generated',
    async run(t) {
      const rng = new Random(seed);
      const draft = template.build(rng);
      const session = new Session(t, rng);
      const resolved = await session.resolve(draft);
      const request = toRequest(resolved);
      const { violations } = await session.send(request, expected);
      if (violations.length === 0) {
        // The case itself passed, but its setup showed something (the quota chain): that request is the reproduction.
        if (session.firstFailure) t.reproduce(session.firstFailure.request);
        return;
      }
      const primary = violations[0]!;
      // A failure of the quota chain needs the quota read before each try; any other, the try alone.
      const byCost = primary.at.startsWith('/usage/');
      // A try by cost sends two requests: half as many tries, the same bound on requests.
      const { draft: minimal } = await shrink(resolved, primary, (candidate) => (byCost ? session.probeCost(toRequest(candidate), expected) : session.probe(toRequest(candidate), expected)), byCost ? MAX_PROBES / 2 : MAX_PROBES);
      t.reproduce(toRequest(minimal));
    },
  };
}
