// Debian's Chromium for the browser tests (playwright-core cannot download
// one here): where it is, whether a test file skips (only outside CI, where
// a missing browser must fail), and how it is launched.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const chromiumMissing = !existsSync(CHROMIUM);
/** Skipped on a machine without Chromium, never in CI. */
export const skipBrowserTests = chromiumMissing && !process.env.CI;

/** A headless Chromium with nothing of its own on the network (no updates, no sync, no background requests); `extraArgs` after those. */
export async function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  if (chromiumMissing) throw new Error(`Chromium is not installed at ${CHROMIUM}; .ci/run installs it with \`apt-get install -y chromium\``);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', ...extraArgs],
  });
}
