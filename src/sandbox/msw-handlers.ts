// The in-process sandbox as MSW (Mock Service Worker, v2) request handlers: a
// shell around the core like the Node server and `sandbox.fetch`, holding no
// contract rule. Every request under `baseUrl` gets the sandbox's own answer,
// in Node (`setupServer` from msw/node) and in a browser (`setupWorker` from
// msw/browser, where the sandbox runs in the page):
//
//   import { setupServer } from 'msw/node';
//   import { createSandbox } from 'snippets-api-contract/sandbox';
//   import { SANDBOX_BASE_URL, sandboxHandlers } from 'snippets-api-contract/sandbox/msw';
//
//   const sandbox = await createSandbox();
//   const server = setupServer(...sandboxHandlers(sandbox));
//   // the code under test calls SANDBOX_BASE_URL with the global fetch
//
// msw is an optional peer dependency, and this is the only module that
// imports it: createSandbox() (in-process.ts) and everything else run and
// bundle without msw installed. So the sandbox of in-process.ts has no
// `handlers()` method; this module's own createSandbox() gives one that does
// (`sandbox.handlers()`), the same sandbox plus its handlers.
import { http, type HttpHandler } from 'msw';
import { answerFetch } from './core/fetch-handler.ts';
import type { SandboxCore } from './core/sandbox-core.ts';
import { createSandbox as createInProcessSandbox, type InProcessOptions, type InProcessSandbox } from './in-process.ts';

/**
 * Where the handlers answer by default. `.test` is reserved (RFC 2606) and
 * never resolves: a request that MSW does not intercept fails at once instead
 * of reaching a real server.
 */
export const SANDBOX_BASE_URL = 'http://sandbox.test';

export interface SandboxHandlersOptions {
  /**
   * The absolute http(s) URL the handlers answer under, as given to the typed
   * client (`createSnippetsClient({ baseUrl })`); SANDBOX_BASE_URL by default.
   * A path in it (`https://gateway.example/snippets`) is a mount point: the
   * sandbox sees `/api/prompts/...` for `https://gateway.example/snippets/api/prompts/...`.
   */
  baseUrl?: string;
}

/** The URL's origin and its path without a trailing slash ('' at the root); throws a TypeError on anything but a plain absolute http(s) URL. */
function mountOf(baseUrl: string): { origin: string; path: string } {
  let url: URL | undefined;
  try {
    url = new URL(baseUrl);
  } catch {
    // reported below
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password || url.search || url.hash) {
    throw new TypeError(`sandboxHandlers: baseUrl must be an absolute http(s) URL without credentials, query or fragment, such as "${SANDBOX_BASE_URL}", got ${JSON.stringify(baseUrl)}`);
  }
  return { origin: url.origin, path: url.pathname.replace(/\/+$/, '') };
}

/** MSW handlers that answer every request under `options.baseUrl` (any method, any path) with the sandbox's own answer. */
export function sandboxHandlers(sandbox: { core: SandboxCore }, options: SandboxHandlersOptions = {}): HttpHandler[] {
  const { origin, path } = mountOf(options.baseUrl ?? SANDBOX_BASE_URL);
  return [http.all(`${origin}${path}/*`, ({ request }) => answerFetch(sandbox.core, request, path))];
}

export interface SandboxWithHandlers extends InProcessSandbox {
  /** sandboxHandlers(this sandbox, options): for `setupServer(...sandbox.handlers())` or `setupWorker(...)`. */
  handlers(options?: SandboxHandlersOptions): HttpHandler[];
}

/** createSandbox() of snippets-api-contract/sandbox, with a `handlers()` method for MSW. */
export async function createSandbox(options: InProcessOptions = {}): Promise<SandboxWithHandlers> {
  const sandbox = await createInProcessSandbox(options);
  return { ...sandbox, handlers: (handlerOptions) => sandboxHandlers(sandbox, handlerOptions) };
}
