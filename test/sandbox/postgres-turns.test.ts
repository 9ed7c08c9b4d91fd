// The order in which one instance starts its PostgreSQL transactions
// (src/sandbox/postgres/turns.ts): first come, first served; readers queued
// together side by side; a writer alone; a turn that does not come in time given up.
import { describe, expect, it } from 'vitest';
import { Turns } from '../../src/sandbox/postgres/turns.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('turns', () => {
  it('readers queued together run side by side; a writer waits for them, and the readers after it wait for the writer', async () => {
    const turns = new Turns();
    const events: string[] = [];
    const task = (name: string, ms: number) => async () => {
      events.push(`${name} starts`);
      await sleep(ms);
      events.push(`${name} ends`);
    };
    await Promise.all([
      turns.run(false, task('r1', 20)),
      turns.run(false, task('r2', 5)),
      turns.run(true, task('w', 5)),
      turns.run(false, task('r3', 1)),
    ]);
    expect(events).toEqual(['r1 starts', 'r2 starts', 'r2 ends', 'r1 ends', 'w starts', 'w ends', 'r3 starts', 'r3 ends']);
  });

  it('a turn that does not come within maxWaitMs is given up: it rejects, its work never runs, and the queue goes on', async () => {
    const turns = new Turns();
    const ran: string[] = [];
    const slow = turns.run(true, async () => {
      await sleep(60);
      ran.push('slow');
    });
    const impatient = turns.run(true, async () => void ran.push('impatient'), 10, () => new Error('too long'));
    const patient = turns.run(false, async () => void ran.push('patient'));
    await expect(impatient).rejects.toThrow('too long');
    await Promise.all([slow, patient]);
    expect(ran).toEqual(['slow', 'patient']);
  });

  it('a failing work releases its turn', async () => {
    const turns = new Turns();
    await expect(turns.run(true, async () => Promise.reject(new Error('failed')))).rejects.toThrow('failed');
    expect(await turns.run(true, async () => 42)).toBe(42);
  });
});
