// The standalone page's start screen, captured from the app itself at build
// time, so index.html can show it while the wasm is on its way (on a slow
// connection, the wasm takes seconds; the page's HTML, a round trip). One
// source: the app draws the screen in headless Chromium, in a fresh
// profile with nothing saved, and its markup is taken as it is. boot.js
// keeps what the user does on the copy and does it again on the app's
// screen (scripts/runtime/early-input.js).
//
// Used by scripts/postbuild.mjs, on release builds. It needs the browser
// (scripts/setup.sh --browser) and playwright-core (the project's npm
// packages, scripts/setup.sh); without them it says so (`{ skipped }`) and
// the page shows its loading message until the app is in, as before. It
// uses nothing from the tests.

import { existsSync } from 'node:fs';

const TIME_LIMIT = 60_000;

/**
 * The element the app is mounted in, as drawn on the standalone page
 * served from `dir` in `language` (its address's `?lang=`; English if
 * none), with the page's title, or `{ skipped: reason }`.
 */
export async function captureStartScreen(dir, { language = null } = {}) {
  if (!existsSync(new URL('../node_modules/playwright-core/', import.meta.url))) {
    return { skipped: 'playwright-core is not installed (scripts/setup.sh)' };
  }
  const [{ CHROMIUM, launchBrowser }, { startServer }] = await Promise.all([
    import('./browser.mjs'),
    import('./static-server.mjs'),
  ]);
  if (!existsSync(CHROMIUM)) return { skipped: `no browser at ${CHROMIUM} (scripts/setup.sh --browser installs it)` };
  const server = await startServer({ root: dir });
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    const failures = [];
    page.on('pageerror', (error) => failures.push(error.message));
    page.on('console', (message) => message.type() === 'error' && failures.push(message.text()));
    const address = new URL('index.html', server.url);
    if (language) address.searchParams.set('lang', language);
    await page.goto(address.href);
    // The app is in when its root carries the save state, with the start
    // screen drawn inside it. The copy is the element the app was mounted
    // in (mountWidget's), so the page keeps the same boxes.
    const drawn = language ? `.rts-app[data-rts-save-state][lang="${language}"]` : '.rts-app[data-rts-save-state]';
    const app = page.locator('#rts-root > .rts-root').filter({ has: page.locator(drawn) });
    await app.locator('.rts-start h1').waitFor({ state: 'visible', timeout: TIME_LIMIT });
    if (failures.length) throw new Error(`the page reported: ${failures.join('; ')}`);
    // Addresses the app made absolute (the offline copy's link) are made
    // relative again: the page is served from wherever it is put.
    const html = await app.evaluate((element) => element.outerHTML);
    return { html: html.replaceAll(`"${server.url}`, '"./'), title: await page.title() };
  } finally {
    await browser.close();
    await server.close();
  }
}

/**
 * The capture made into the page's copy: marked as the copy (so boot.js and
 * the stylesheet know it) and without the save state, which tests and host
 * tooling read as the app's signal that it is running.
 */
export function asPrerendered(html) {
  const match = html.match(/^<div class="rts-root">(<div\b[^>]*>)/);
  const saveState = / data-rts-save-state="[^"]*"/;
  if (!match || !/\bclass="rts-app"/.test(match[1]) || !saveState.test(match[1])) {
    throw new Error('the capture is not the element the app was mounted in');
  }
  const app = match[1].replace(saveState, '');
  return `<div class="rts-root rts-prerendered">${app}${html.slice(match[0].length)}`;
}
