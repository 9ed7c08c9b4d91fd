// Generated and stateful testing (issue #14, point 5): scenarios drawn from
// the spec by a seeded generator, run by the same runner as the hand-written
// ones. See plan.ts for what a run gets, and the other files of this folder
// for one concern each.
export { generatedScenarios, type GenerateOptions } from './plan.ts';
export { curlCommand, shellQuote } from '../curl.ts';
