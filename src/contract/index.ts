// The verifier as a library: run the scenarios inside your own test suite,
// or check single exchanges with the checker.
export { verify, VerifyError, type Report, type ScenarioResult, type VerifyOptions } from './run.ts';
export { checkExchange, type Expectation } from './check.ts';
export type { Exchange, Violation } from './exchange.ts';
export { scenarios } from './scenarios/index.ts';
export type { Scenario, ScenarioContext, Request } from './scenario.ts';
export { findRoles, type Roles } from './roles.ts';
export { junitReport } from './reporters/junit.ts';
export { prettyReport } from './reporters/pretty.ts';
