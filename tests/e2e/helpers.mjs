// Shared set-up for the end-to-end tests: Debian's Chromium through
// playwright-core (never a downloaded browser), the built site from dist/,
// the content pack, and axe.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import { DIST, startServer } from './server.mjs';

export { CHROMIUM, CHROMIUM_ARGS } from '../../scripts/browser.mjs';

/** The WCAG levels every page must meet. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

let language = 'en';

/**
 * The language the page objects expect the app to show (`en` or `cy`): a
 * test file in another language sets it once, before making page objects,
 * so the same page objects find the Welsh roles, labels and text.
 */
export function useTestLanguage(code) {
  language = code;
}

/** The language set by useTestLanguage. */
export function testLanguage() {
  return language;
}

/** The content pack in the test's language, the source of every word the app shows. */
export function contentPack() {
  const file = fileURLToPath(new URL(`../../content/pack.${language}.json`, import.meta.url));
  return JSON.parse(readFileSync(file, 'utf8'));
}

export { launchBrowser } from '../../scripts/browser.mjs';

/** Serves dist/ (built by `trunk build --release`) on a loopback port. */
export async function serveSite() {
  if (!existsSync(join(DIST, 'index.html'))) {
    throw new Error(`${DIST}index.html is missing: run trunk build --release --offline first`);
  }
  return startServer({ root: DIST });
}

/**
 * The widget's shadow root is closed, so the host page's scripts cannot look
 * inside it. Like any script that runs before the loader (as the README
 * says), this test harness opens it, so Playwright's locators can find the
 * widget's roles and labels. The privacy tests leave it closed.
 */
export async function openShadowRootsForTests(context) {
  await context.addInitScript(() => {
    const attach = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function attachShadow(init) {
      return attach.call(this, { ...init, mode: 'open' });
    };
  });
}

/**
 * Opens a new context and page that record every request, console error and
 * page error. Requests to any origin other than `origin` are recorded and
 * then aborted, so a test never touches the network. `allow` lists more
 * origins (other loopback test servers) whose requests go through too.
 * `closedShadowRoots: true` leaves the widget's shadow root closed, as on a
 * real host page (see openShadowRootsForTests).
 */
export async function openPage(browser, origin, { allow = [], closedShadowRoots = false } = {}) {
  const context = await browser.newContext();
  if (!closedShadowRoots) await openShadowRootsForTests(context);
  const requests = [];
  // The same, less what a service worker asked for on a page's behalf (a
  // page's request it answers from the network is seen twice).
  const pageRequests = [];
  const foreignRequests = [];
  const errors = [];
  const allowed = (url) => isLocal(url, origin) || allow.some((other) => isLocal(url, other));
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (allowed(url)) return route.continue();
    return route.abort('blockedbyclient');
  });
  context.on('request', (request) => {
    const url = request.url();
    requests.push(url);
    if (!request.serviceWorker()) pageRequests.push(url);
    if (!allowed(url)) foreignRequests.push(url);
  });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  return { context, page, requests, pageRequests, foreignRequests, errors };
}

/** data: URLs never leave the browser; blob: URLs carry their page's origin. */
function isLocal(url, origin) {
  if (url.startsWith('data:')) return true;
  if (url.startsWith('blob:')) return url.slice('blob:'.length).startsWith(`${origin}/`);
  return new URL(url).origin === origin;
}

/** Runs axe over the page (or the part matching `include`) for AXE_TAGS. */
export async function runAxe(page, { include, exclude } = {}) {
  let builder = new AxeBuilder({ page }).withTags(AXE_TAGS);
  if (include) builder = builder.include(include);
  if (exclude) builder = builder.exclude(exclude);
  return builder.analyze();
}

/**
 * Rules that pass on every screen of the app (it has buttons and text), so
 * an axe run that checked nothing cannot pass: the ones `results` lacks.
 */
export function missingAxePasses(results, rules = ['button-name', 'color-contrast']) {
  const passed = new Set(results.passes.map((rule) => rule.id));
  return rules.filter((rule) => !passed.has(rule));
}

/** A readable account of axe violations for an assertion message. */
export function describeViolations(violations) {
  return violations
    .map((v) => {
      const nodes = v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.failureSummary}`).join('\n');
      return `${v.id} (${v.impact}): ${v.help}\n  ${v.helpUrl}\n${nodes}`;
    })
    .join('\n\n');
}
