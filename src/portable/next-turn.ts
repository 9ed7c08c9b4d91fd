// "Run this on a later turn of the event loop, after pending I/O", for the
// parts of the sandbox core that must run without Node's setImmediate (a
// browser, Deno, a worker runtime). A microtask (queueMicrotask, a resolved
// promise) would not do: it runs before any I/O, so a long chain of them
// starves the event loop. In order of preference:
//  - setImmediate, where there is one (Node, Bun): it runs after I/O callbacks;
//  - a MessageChannel (browsers, Deno, workers): a posted message is a new
//    task, run without setTimeout's minimum delay (browsers hold nested
//    timeouts to 4 ms or more);
//  - setTimeout(callback, 0) otherwise.
// Callbacks run in the order they were submitted, each on its own, so one
// that throws does not keep the others from running. The choice is made once,
// when the module is loaded.
//
// makeNextTurn takes the globals to choose from, so each path can be tested
// in Node, which has all three.

/** The receiving end of a channel; ref and unref are Node's and Bun's (whether the port keeps the process alive). */
interface ReceivingPort {
  onmessage: ((event: never) => unknown) | null;
  ref?(): void;
  unref?(): void;
}

interface ChannelLike {
  readonly port1: ReceivingPort;
  readonly port2: { postMessage(message: unknown): void };
}

/** What makeNextTurn may use: each one as on globalThis, any of them missing. */
export interface TurnGlobals {
  readonly setImmediate?: ((callback: () => void) => unknown) | undefined;
  readonly MessageChannel?: (new () => ChannelLike) | undefined;
  readonly setTimeout?: ((callback: () => void, ms: number) => unknown) | undefined;
}

export type NextTurn = (callback: () => void) => void;

/** Waiting callbacks, from the front, before the queue is compacted. */
const COMPACT_AFTER = 1024;

/**
 * One channel, created at the first call, and a FIFO queue of callbacks: each
 * call queues its callback and posts one message; each message runs the
 * callback at the front of the queue.
 */
function channelTurns(Channel: new () => ChannelLike): NextTurn {
  let port: ReceivingPort | undefined;
  let post: ((message: unknown) => void) | undefined;
  const queue: Array<(() => void) | undefined> = [];
  let head = 0;

  const runNext = () => {
    const callback = queue[head];
    queue[head++] = undefined;
    if (head === queue.length) {
      queue.length = 0;
      head = 0;
      // Nothing waits: an idle channel does not hold the process open.
      port?.unref?.();
    } else if (head >= COMPACT_AFTER && head * 2 >= queue.length) {
      queue.splice(0, head);
      head = 0;
    }
    callback?.();
  };

  return (callback) => {
    if (port === undefined || post === undefined) {
      const channel = new Channel();
      port = channel.port1;
      port.onmessage = runNext;
      port.unref?.();
      const sender = channel.port2;
      post = (message) => sender.postMessage(message);
    }
    if (head === queue.length) port.ref?.();
    queue.push(callback);
    post(null);
  };
}

/** A nextTurn that uses the first of setImmediate, MessageChannel and setTimeout that `globals` has. */
export function makeNextTurn(globals: TurnGlobals): NextTurn {
  // Each function is called on its own rather than as a method of `globals`:
  // a browser's setTimeout throws "Illegal invocation" if `this` is an object
  // other than the window (or undefined).
  const setImmediateFn = globals.setImmediate;
  if (typeof setImmediateFn === 'function') return (callback) => void setImmediateFn(callback);
  const Channel = globals.MessageChannel;
  if (typeof Channel === 'function') return channelTurns(Channel);
  const setTimeoutFn = globals.setTimeout;
  if (typeof setTimeoutFn === 'function') return (callback) => void setTimeoutFn(callback, 0);
  return () => {
    throw new Error('No setImmediate, MessageChannel or setTimeout in this runtime: cannot schedule a later turn');
  };
}

const inThisRuntime = makeNextTurn(globalThis);

/** Runs `callback` on a later turn of the event loop, after pending I/O; callbacks run in the order they were given. */
export function nextTurn(callback: () => void): void {
  inThisRuntime(callback);
}
