// Every scenario, in the order they run (those that spend a key's allowance last).
import type { Scenario } from '../scenario.ts';
import { errorScenarios } from './errors.ts';
import { happyPathScenarios } from './happy-paths.ts';
import { limitScenarios } from './limits.ts';
import { pagingScenarios } from './paging.ts';
import { serverErrorScenarios } from './server-errors.ts';

export const scenarios: Scenario[] = [...happyPathScenarios, ...errorScenarios, ...pagingScenarios, ...serverErrorScenarios, ...limitScenarios].sort(
  (a, b) => Number(a.last ?? false) - Number(b.last ?? false),
);
