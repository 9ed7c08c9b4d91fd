// One behaviour, proved twice (issue #15, point 5): the suites that reach the
// sandbox only through its URL run again here, on the in-process sandbox and
// its memory store (test/helpers/in-process-server.ts), unchanged. Suites that
// read the SQLite file, Fastify's sockets or the Node process stay with the
// server.
(globalThis as { sandboxStore?: string }).sandboxStore = 'memory';

await import('./resources.test.ts');
await import('./rate-limit.test.ts');
await import('./operation-coverage.test.ts');
await import('./abuse-validation.test.ts');
await import('./abuse-big-answers.test.ts');
