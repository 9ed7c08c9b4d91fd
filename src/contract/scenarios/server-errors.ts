// Server errors cannot be provoked from outside; they are asked for with
// `Prefer: code=...`, as Prism reads it. A server that ignores the header is
// skipped, not failed.
import type { Scenario } from '../scenario.ts';

export const serverErrorScenarios: Scenario[] = (
  [
    [500, 'INTERNAL_ERROR'],
    [503, 'SERVICE_UNAVAILABLE'],
  ] as const
).map(([status, code]) => ({
  id: `server.${status}`,
  title: `A ${status} in the full envelope, never a stack trace`,
  category: 'server',
  expected: `${status} ${code}`,
  needs: ['main'],
  run: async (t) => {
    const answer = await t.expect({ operationId: 'getTags', headers: { prefer: `code=${status}` } }, { status, code });
    if (answer.status < 300) t.skip(`the server ignores Prefer: code=${status} (no fault injection)`);
    if (/\bat \S+ \(|node_modules|\.(ts|js):\d+/.test(answer.text)) {
      t.fail({ operationId: 'getTags', at: 'body', expected: 'no stack trace or internal path', actual: answer.text.slice(0, 120) });
    }
  },
}));
