import { describe, expect, it, vi } from 'vitest';
import { makeNextTurn, nextTurn, type NextTurn, type TurnGlobals } from '../../src/portable/next-turn.ts';

/** Submits `count` callbacks; resolves with the order they ran in, once all have. */
function runInOrder(schedule: NextTurn, count: number): { ranSynchronously: boolean; order: Promise<number[]> } {
  const order: number[] = [];
  const order$ = new Promise<number[]>((resolve) => {
    for (let i = 0; i < count; i++) {
      schedule(() => {
        order.push(i);
        if (order.length === count) resolve(order);
      });
    }
  });
  return { ranSynchronously: order.length > 0, order: order$ };
}

const upTo = (count: number) => Array.from({ length: count }, (_, i) => i);

/** What each path must do, whichever the globals choose. */
function behavesAsNextTurn(make: () => NextTurn) {
  it('runs nothing synchronously, and the callbacks in the order given', async () => {
    const { ranSynchronously, order } = runInOrder(make(), 1_000);
    expect(ranSynchronously).toBe(false);
    expect(await order).toEqual(upTo(1_000));
  });

  it('runs after the microtasks queued with it, even those queued after it', async () => {
    const schedule = make();
    const events: string[] = [];
    const done = new Promise<void>((resolve) =>
      schedule(() => {
        events.push('next turn');
        resolve();
      }),
    );
    queueMicrotask(() => events.push('microtask'));
    void Promise.resolve().then(() => events.push('promise'));
    await done;
    expect(events).toEqual(['microtask', 'promise', 'next turn']);
  });

  it('runs a callback given by a callback after those already waiting', async () => {
    const schedule = make();
    const order: string[] = [];
    await new Promise<void>((resolve) => {
      schedule(() => {
        order.push('first');
        schedule(() => {
          order.push('given by first');
          resolve();
        });
      });
      schedule(() => order.push('second'));
      schedule(() => order.push('third'));
    });
    expect(order).toEqual(['first', 'second', 'third', 'given by first']);
  });
}

describe('nextTurn', () => {
  behavesAsNextTurn(() => nextTurn);
});

describe('makeNextTurn', () => {
  describe('with setImmediate', () => {
    behavesAsNextTurn(() => makeNextTurn(globalThis));

    it('uses setImmediate, not a channel or setTimeout', async () => {
      const setImmediateSpy = vi.fn((callback: () => void) => setImmediate(callback));
      const MessageChannelSpy = vi.fn();
      const setTimeoutSpy = vi.fn();
      const { order } = runInOrder(makeNextTurn({ setImmediate: setImmediateSpy, MessageChannel: MessageChannelSpy, setTimeout: setTimeoutSpy }), 3);
      expect(await order).toEqual([0, 1, 2]);
      expect(setImmediateSpy).toHaveBeenCalledTimes(3);
      expect(MessageChannelSpy).not.toHaveBeenCalled();
      expect(setTimeoutSpy).not.toHaveBeenCalled();
    });
  });

  describe('without setImmediate, with MessageChannel (a browser, Deno, a worker)', () => {
    const channelGlobals = () => ({ MessageChannel: globalThis.MessageChannel, setTimeout: () => expect.unreachable('setTimeout') });
    behavesAsNextTurn(() => makeNextTurn(channelGlobals()));

    /** The global MessageChannel (Node's), counting the channels made. */
    function countedChannels() {
      const made: MessageChannel[] = [];
      class CountedChannel extends MessageChannel {
        constructor() {
          super();
          made.push(this);
        }
      }
      return { made, globals: { MessageChannel: CountedChannel } satisfies TurnGlobals };
    }

    it('makes one channel, at the first call, for every callback', async () => {
      const { made, globals } = countedChannels();
      const schedule = makeNextTurn(globals);
      expect(made).toHaveLength(0);
      for (let round = 0; round < 3; round++) {
        const { order } = runInOrder(schedule, 100);
        expect(await order).toEqual(upTo(100));
      }
      expect(made).toHaveLength(1);
    });

    it('keeps the process alive only while callbacks wait (Node: the port is referenced, then not)', async () => {
      const { made, globals } = countedChannels();
      const schedule = makeNextTurn(globals);
      const ran = new Promise<void>((resolve) => schedule(resolve));
      // Node's MessagePort has hasRef(); the DOM's type does not say so.
      const port = made[0]!.port1 as MessagePort & { hasRef(): boolean };
      expect(port.hasRef()).toBe(true);
      await ran;
      expect(port.hasRef()).toBe(false);
    });

    it('keeps the order through a long queue refilled as it runs', async () => {
      const schedule = makeNextTurn(channelGlobals());
      const order: string[] = [];
      await new Promise<void>((resolve) => {
        for (let i = 0; i < 3_000; i++) {
          schedule(() => {
            order.push(`${i}`);
            if (i < 2_000) schedule(() => order.push(`child of ${i}`));
            if (i === 2_999) schedule(resolve);
          });
        }
      });
      expect(order).toEqual([...upTo(3_000).map(String), ...upTo(2_000).map((i) => `child of ${i}`)]);
    });

    it('runs each callback on its own: one that throws does not stop those after it', () => {
      // A channel that delivers when told, so the test sees the throw.
      const posted: Array<() => void> = [];
      class ManualChannel {
        readonly port1: { onmessage: ((event: never) => unknown) | null } = { onmessage: null };
        readonly port2 = { postMessage: () => posted.push(() => (this.port1.onmessage as () => void)()) };
      }
      const schedule = makeNextTurn({ MessageChannel: ManualChannel });
      const ran: string[] = [];
      schedule(() => ran.push('first'));
      schedule(() => {
        throw new Error('second fails');
      });
      schedule(() => ran.push('third'));
      expect(posted).toHaveLength(3);
      posted[0]!();
      expect(() => posted[1]!()).toThrow('second fails');
      posted[2]!();
      expect(ran).toEqual(['first', 'third']);
    });
  });

  describe('with setTimeout alone', () => {
    behavesAsNextTurn(() => makeNextTurn({ setTimeout: globalThis.setTimeout }));

    it('uses setTimeout with no delay, called as a function, not as a method of the globals (a browser would refuse)', async () => {
      const calls: Array<{ self: unknown; ms: number }> = [];
      const globals: TurnGlobals = {
        setTimeout(this: unknown, callback: () => void, ms: number) {
          calls.push({ self: this, ms });
          return setTimeout(callback, ms);
        },
      };
      const { order } = runInOrder(makeNextTurn(globals), 2);
      expect(await order).toEqual([0, 1]);
      expect(calls).toEqual([
        { self: undefined, ms: 0 },
        { self: undefined, ms: 0 },
      ]);
    });
  });

  it('with none of the three, throws an Error when called, not when made', () => {
    const schedule = makeNextTurn({});
    expect(() => schedule(() => {})).toThrow(/setImmediate, MessageChannel or setTimeout/);
  });
});
