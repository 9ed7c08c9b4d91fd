// One key sent past its rate limit, as the fixed scenario `rate-limit.exceeded`
// does it (scenarios/limits.ts): the first 429 must carry the
// RATE_LIMIT_EXCEEDED envelope and a sane Retry-After. The runner reproduces
// a failure with the request that showed it. It spends that key's
// allowance, so it runs last.
import { limitScenarios } from '../scenarios/limits.ts';
import { limits } from '../spec.ts';
import type { SequenceTemplate } from './sequence.ts';

const exceeded = limitScenarios.find((scenario) => scenario.id === 'rate-limit.exceeded')!;

export const rateLimitSequence: SequenceTemplate = {
  name: 'rate-limit',
  title: exceeded.title,
  expected: exceeded.expected,
  needs: exceeded.needs,
  last: true,
  estimate: limits.rateLimitPerMinute + 1,
  run: (session) => exceeded.run(session.t),
};
