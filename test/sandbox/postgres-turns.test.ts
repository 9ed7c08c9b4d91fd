// The order in which one instance starts its PostgreSQL transactions
// (src/sandbox/postgres/turns.ts): first come, first served; readers queued
// together side by side; a writer alone; a turn that does not come in time given up;
// and how many wait, for a turn or a batch (batch.ts), bounded.
import { describe, expect, it } from 'vitest';
import { Batcher, MAX_QUEUED } from '../../src/sandbox/postgres/batch.ts';
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

describe('turns, bounded', () => {
  const full = () => new Error('full');

  it('run at most maxReaders readers at once; the others wait their turn', async () => {
    const turns = new Turns({ maxReaders: 2, maxWaiting: 100, full });
    let running = 0;
    let most = 0;
    const reader = async () => {
      most = Math.max(most, ++running);
      await sleep(5);
      running--;
    };
    await Promise.all(Array.from({ length: 7 }, () => turns.run(false, reader)));
    expect(most).toBe(2);
  });

  it('refuse a transaction at once when maxWaiting already wait, and never run it; the queue goes on, and drain is never refused', async () => {
    const turns = new Turns({ maxReaders: 1, maxWaiting: 3, full });
    const ran: number[] = [];
    const writer = (n: number, ms = 5) => turns.run(true, async () => {
      await sleep(ms);
      ran.push(n);
    });
    const first = writer(0, 20); // started at once: it does not wait
    const waiting = [writer(1), writer(2), writer(3)];
    await expect(writer(4)).rejects.toThrow('full');
    const drained = turns.drain();
    await Promise.all([first, ...waiting, drained]);
    expect(ran).toEqual([0, 1, 2, 3]);
    // Room again once they ran.
    await writer(5);
    expect(ran).toEqual([0, 1, 2, 3, 5]);
  });
});

describe('batches, bounded', () => {
  it(`refuse a call at once when ${MAX_QUEUED} already wait for a batch, and never send it; the others are answered`, async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let out!: () => void;
    const firstOut = new Promise<void>((resolve) => (out = resolve));
    const sent: number[] = [];
    const batcher = new Batcher<number, number>(async (inputs) => {
      out();
      await held;
      sent.push(...inputs);
      return inputs;
    }, () => new Error('full'));
    const first = batcher.submit(-1);
    await firstOut; // the first batch is out, holding; the rest wait for the next
    const waiting = Array.from({ length: MAX_QUEUED }, (_, i) => batcher.submit(i));
    await expect(batcher.submit(MAX_QUEUED)).rejects.toThrow('full');
    release();
    await Promise.all([first, ...waiting]);
    expect(sent).toHaveLength(MAX_QUEUED + 1);
    expect(sent).not.toContain(MAX_QUEUED);
  });
});
