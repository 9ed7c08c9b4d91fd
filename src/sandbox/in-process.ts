// The sandbox in-process: the core (core/sandbox-core.ts) on the in-memory
// store by default, with no server, no native module and nothing of Node, so
// that it runs in a browser, a worker, Deno, Bun or a Node test:
//
//   const sandbox = await createSandbox();
//   const client = createSnippetsClient({ baseUrl: 'http://sandbox.test', fetch: sandbox.fetch, ... });
//
// Each sandbox has its own data, quota, rate windows and clock; reset() goes
// back to the fixtures, snapshot() and restore() keep and give back a state.
// As MSW handlers: sandboxHandlers(sandbox) in msw-handlers.ts, the only
// module that imports msw (an optional peer), so not a method here.
import demo from '../../fixtures/demo.json' with { type: 'json' };
import { checkFixtures, type Fixtures } from '../fixtures/fixtures.ts';
import { sha256Hex } from '../portable/sha256.ts';
import { randomUuid } from '../portable/uuid.ts';
import { adjustableClock, type SandboxClock } from './clock.ts';
import { contract } from './contract.ts';
import type { CorsOrigins } from './cors.ts';
import { fetchFrom } from './core/fetch-handler.ts';
import { createSandboxCore, type SandboxCore } from './core/sandbox-core.ts';
import type { SandboxLog } from './core/request.ts';
import { createMemoryStore } from './memory/memory-store.ts';
import { defaultOptions } from './options.ts';
import type { SandboxStore, StoreSnapshot } from './store/store.ts';

export type { SandboxClock, SandboxStore, StoreSnapshot, Fixtures };

export interface InProcessOptions {
  /** Workspaces, teams and keys (the fixtures file's shape); the built-in demo fixtures when not given. */
  fixtures?: Fixtures;
  /** Where the data lives: a new in-memory store when not given. */
  store?: SandboxStore;
  /** The sandbox's clock (clock.ts); a new one from the real time when not given. On a store shared by instances, it must be the sandbox's own (adjustableClock()), which the others follow. */
  clock?: SandboxClock;
  /** Requests per key per rate window, unless a key's fixtures say otherwise (openapi.yaml's x-limits by default). */
  rateLimit?: number;
  /** Requests per key per window for every key, whatever the fixtures say. */
  rateLimitForEveryKey?: number;
  rateWindowSeconds?: number;
  blockThreshold?: number;
  blockSeconds?: number;
  /** Whether `Prefer: code=…, delay=…` injects faults (true by default, as on the server). */
  faultInjection?: boolean;
  /** Origins whose pages may call it (CORS headers on its answers); none by default, in-process needs none. */
  cors?: CorsOrigins;
  log?: SandboxLog;
}

export interface InProcessSandbox {
  /** `fetch`'s own signature: any URL, only its path and query matter. */
  fetch: typeof globalThis.fetch;
  core: SandboxCore;
  clock: SandboxClock;
  /** Settles once the clock's latest move is stored for the other instances on a shared store (PostgreSQL); at once otherwise. */
  clockSettled(): Promise<void>;
  /** Back to the fixtures (or to others): data, quota, rate windows, blocks. */
  reset(next?: { fixtures?: Fixtures }): Promise<void>;
  snapshot(): Promise<StoreSnapshot>;
  restore(snapshot: StoreSnapshot): Promise<void>;
  close(): Promise<void>;
}

export async function createSandbox(options: InProcessOptions = {}): Promise<InProcessSandbox> {
  const spec = contract();
  const check = (fixtures: Fixtures) => checkFixtures(fixtures, 'the fixtures given to createSandbox()', spec.keyPattern);
  const clock = options.clock ?? adjustableClock();
  const core = await createSandboxCore({
    store: options.store ?? createMemoryStore(),
    fixtures: check(options.fixtures ?? (demo as Fixtures)),
    clock,
    rateLimit: options.rateLimit ?? defaultOptions.rateLimit,
    ...(options.rateLimitForEveryKey !== undefined && { rateLimitForEveryKey: options.rateLimitForEveryKey }),
    rateWindowSeconds: options.rateWindowSeconds ?? defaultOptions.rateWindowSeconds,
    blockThreshold: options.blockThreshold ?? defaultOptions.blockThreshold,
    blockSeconds: options.blockSeconds ?? defaultOptions.blockSeconds,
    faultInjection: options.faultInjection ?? defaultOptions.faultInjection,
    cors: options.cors ?? [],
    sha256: sha256Hex,
    newRequestId: () => `req_${randomUuid().replace(/-/g, '')}`,
    ...(options.log && { log: options.log }),
  });
  return {
    fetch: fetchFrom(core),
    core,
    clock,
    clockSettled: () => core.clockSettled(),
    // async: fixtures that fail their check reject the promise, as any other failure of a reset does.
    reset: async (next = {}) => core.reset(next.fixtures ? { fixtures: check(next.fixtures) } : {}),
    snapshot: () => core.snapshot(),
    restore: (snapshot) => core.restore(snapshot),
    close: () => core.close(),
  };
}
