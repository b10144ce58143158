// Debian's Chromium through playwright-core (never a downloaded browser),
// as the build's start-screen capture (scripts/prerender.mjs) and the tests
// (tests/e2e) use it. scripts/setup.sh --browser installs it.

import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags Chromium needs on this machine, or it tries to reach the network. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Launches headless Debian Chromium. Playwright gives each launch a fresh
 * temporary profile (user-data-dir) and removes it on close.
 */
export async function launchBrowser() {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: run scripts/setup.sh --browser`);
  }
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}
