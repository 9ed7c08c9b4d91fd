// The verifier as a library: run the scenarios inside your own test suite,
// or check single exchanges with the checker.
export { verify, VerifyError, type Report, type ScenarioResult, type Verdict, type VerifyOptions } from './run.ts';
export type { Coverage } from './coverage.ts';
export { checkExchange, type Expectation } from './check.ts';
export type { Exchange, Violation } from './exchange.ts';
export { scenarios } from './scenarios/index.ts';
export { generatedScenarios } from './generation/index.ts';
export { curlCommand } from './curl.ts';
export type { Scenario, ScenarioContext, Request } from './scenario.ts';
export { findRoles, type Roles } from './roles.ts';
export { junitReport } from './reporters/junit.ts';
export { prettyReport } from './reporters/pretty.ts';
// The diff as a library: compare two documents, or two sources.
export { diffDocuments, diffSources, type DiffResult } from './diff/diff.ts';
export { loadDocument, documentFromText, type Document, type LoadedDocument } from './diff/load.ts';
export { DiffInputError } from './diff/source.ts';
export type { Finding } from './diff/findings.ts';
export { RULES, reaches, type Level, type Rule, type RuleId } from './diff/rules.ts';
export { checkReleasePolicy, type PolicyInput, type PolicyResult } from './diff/policy.ts';
