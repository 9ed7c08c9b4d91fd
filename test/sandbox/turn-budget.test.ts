// Steps of many requests that arrive together run a few per turn of the
// event loop (turn-budget.ts): a timer queued behind them runs before the
// last of them, every step runs once, in order, and a throwing step rejects
// its own promise only.
import { describe, expect, it } from 'vitest';
import { TURN_BUDGET_MS, TurnBudget } from '../../src/sandbox/turn-budget.ts';

const busy = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until);
};

describe('a burst of heavy steps', () => {
  it('lets a timer run before the last of them, and runs each once, in order', async () => {
    const turns = new TurnBudget();
    const events: string[] = [];
    const count = 20;
    const steps = Array.from({ length: count }, (_, n) =>
      turns.run(() => {
        busy(TURN_BUDGET_MS / 2);
        events.push(`step ${n}`);
        // Queued behind the rest of the burst (queued before it, a busy machine may let it run first).
        if (n === 0) setTimeout(() => events.push('timer'), 0);
        return n;
      }),
    );
    expect(await Promise.all(steps)).toEqual(Array.from({ length: count }, (_, n) => n));
    const timerAt = events.indexOf('timer');
    expect(timerAt).toBeGreaterThan(0);
    expect(timerAt).toBeLessThan(count);
    expect(events.filter((e) => e !== 'timer')).toEqual(Array.from({ length: count }, (_, n) => `step ${n}`));
  });

  it('rejects the promise of a step that throws, and runs the others', async () => {
    const turns = new TurnBudget();
    const results = await Promise.allSettled([turns.run(() => 1), turns.run(() => { throw new Error('bad body'); }), turns.run(() => 3)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });
});
