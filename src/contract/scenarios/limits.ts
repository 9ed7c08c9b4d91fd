// Scenarios that spend a key's allowance or block a key: they run last.
import { rateWindowSeconds } from '../../../generated/limits.js';
import type { Scenario } from '../scenario.ts';
import { limits } from '../spec.ts';
import { uuid } from './shared.ts';

const readHeader = (value: string | null) => (value === null || !/^\d+$/.test(value) ? undefined : Number(value));

export const limitScenarios: Scenario[] = [
  {
    id: 'rate-limit.exceeded',
    title: 'The request past the per-key limit',
    category: 'rate_limit',
    expected: '429 RATE_LIMIT_EXCEEDED',
    needs: ['limited'],
    last: true,
    run: async (t) => {
      const { key, rateLimit } = t.roles.limited!;
      // The key may have been used a little already in this window: go until the first refusal.
      for (let sent = 1; sent <= rateLimit + 1; sent++) {
        const probe = await t.expect({ operationId: 'getTags', key }, { status: [200, 429] });
        if (probe.status !== 429) continue;
        const code = (probe.json as { code?: unknown })?.code;
        if (code !== 'RATE_LIMIT_EXCEEDED') t.fail({ operationId: 'getTags', at: '/code', expected: 'RATE_LIMIT_EXCEEDED', actual: JSON.stringify(code) });
        const retryAfter = readHeader(probe.headers.get('retry-after'));
        if (retryAfter === undefined || retryAfter < 1 || retryAfter > rateWindowSeconds) {
          t.fail({ operationId: 'getTags', at: 'header Retry-After', expected: `between 1 and ${rateWindowSeconds} seconds`, actual: String(probe.headers.get('retry-after')) });
        }
        return;
      }
      t.fail({ operationId: 'getTags', at: 'status', expected: `429 by request ${rateLimit + 1} (limit ${rateLimit})`, actual: 'every request allowed' });
    },
  },
  {
    id: 'rate-limit.key-blocked',
    title: 'A key blocked after repeated invalid attempts',
    category: 'rate_limit',
    expected: '403 KEY_TEMPORARILY_BLOCKED',
    needs: [],
    last: true,
    run: async (t) => {
      const key = `sk_test_guessing${uuid().replace(/-/g, '')}`;
      for (let attempt = 0; attempt < limits.invalidAttemptThreshold; attempt++) {
        await t.expect({ operationId: 'getTags', key }, { status: 401, code: 'AUTH_KEY_UNKNOWN' });
      }
      const blocked = await t.expect({ operationId: 'getTags', key }, { status: 403, code: 'KEY_TEMPORARILY_BLOCKED' });
      const retryAfter = readHeader(blocked.headers.get('retry-after'));
      if (retryAfter !== undefined && (retryAfter < 1 || retryAfter > limits.keyBlockSeconds)) {
        t.fail({ operationId: 'getTags', at: 'header Retry-After', expected: `between 1 and ${limits.keyBlockSeconds} seconds`, actual: String(retryAfter) });
      }
    },
  },
];
