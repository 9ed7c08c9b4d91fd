// `npx snippets-sandbox` (and `npm run`/`npm exec`) start the sandbox through
// `sh -c`. A SIGTERM sent to npm reaches that shell, which dies without
// passing it on: the sandbox lived on, orphaned, holding its port. So when
// npm launched it, the sandbox follows its parent: once the parent is gone
// (process.ppid changes when a process is re-parented), it stops as on SIGTERM.
// A sandbox started directly (or under nohup) is left alone.

const CHECK_EVERY_MS = 250;

/** Calls `onGone` once if the process that started this one exits; only under an npm launcher. */
export function followNpmParent(env: NodeJS.ProcessEnv, onGone: () => void): void {
  if (env.npm_command === undefined && env.npm_lifecycle_event === undefined) return;
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    onGone();
  }, CHECK_EVERY_MS);
  // The check alone must not keep the process alive.
  timer.unref();
}
