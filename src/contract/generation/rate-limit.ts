// One key sent past its rate limit: the first 429 must carry the
// RATE_LIMIT_EXCEEDED envelope and a Retry-After of 1 to 60 seconds (the
// limit is per minute). It spends that key's allowance, so it runs last.
import type { Request } from '../scenario.ts';
import { limits } from '../spec.ts';
import type { SequenceTemplate } from './sequence.ts';
import { operationModels } from './spec-model.ts';

type Json = any;

/** A key sent past its rate limit: the first 429 says when to come back (Retry-After, 1 to 60 seconds) in the full envelope. */
export const rateLimitSequence: SequenceTemplate = {
  name: 'rate-limit',
  title: 'Requests on one key until the first 429: RATE_LIMIT_EXCEEDED with a sane Retry-After',
  expected: '429 RATE_LIMIT_EXCEEDED with Retry-After',
  needs: ['limited'],
  last: true,
  estimate: limits.rateLimitPerMinute + 1,
  async run(session) {
    const { t } = session;
    const { key, rateLimit: allowed } = t.roles.limited!;
    const op = operationModels.find((o) => o.authenticated && o.method === 'GET' && o.documents.has(429) && o.parameters.every((p) => !p.required))!;
    const windowSeconds = 60; // x-limits.rateLimitPerMinute: the window is a minute.
    const request: Request = { operationId: op.operationId, key };
    for (let sent = 1; sent <= allowed + 1; sent++) {
      const { exchange, violations } = await session.send(request, { status: [op.successStatus, 429] });
      if (exchange.status !== 429) continue;
      const problems: string[] = [];
      const code = (exchange.json as Json)?.code;
      if (code !== 'RATE_LIMIT_EXCEEDED') {
        t.fail({ operationId: op.operationId, at: '/code', expected: 'RATE_LIMIT_EXCEEDED', actual: JSON.stringify(code) ?? '(absent)' });
        problems.push('code');
      }
      const retryAfter = exchange.headers.get('retry-after');
      const seconds = retryAfter !== null && /^\d+$/.test(retryAfter.trim()) ? Number(retryAfter) : undefined;
      if (seconds === undefined || seconds < 1 || seconds > windowSeconds) {
        t.fail({ operationId: op.operationId, at: 'header Retry-After', expected: `between 1 and ${windowSeconds} seconds`, actual: retryAfter === null ? '(absent)' : JSON.stringify(retryAfter) });
        problems.push('Retry-After');
      }
      if (problems.length > 0 || violations.length > 0) t.reproduce(request);
      return;
    }
    t.fail({ operationId: op.operationId, at: 'status', expected: `429 by request ${allowed + 1} (limit ${allowed} a minute)`, actual: 'every request allowed' });
    t.reproduce(request);
  },
};
