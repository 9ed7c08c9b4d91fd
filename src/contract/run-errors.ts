// How a scenario or a run ends other than by passing or failing.

/** Something wrong with the run itself (unreachable server, bad fixtures, an --only that matches nothing): exit code 2 in the CLI. */
export class VerifyError extends Error {}

/** The scenario could not decide: the server throttled past the budget, did not answer in time, or a precondition failed without breaking the contract. */
export class Inconclusive extends Error {}

/** The run must stop now (its deadline passed, a signal, a server that stopped answering); the message says why. */
export class RunStopped extends Error {}
