// End-to-end tests of the start page against the release build in dist/.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { contentPack, describeViolations, missingAxePasses, runAxe } from './helpers.mjs';
import { StartPage } from './pages/start.mjs';
import { fill, locale, waitUntil } from './support.mjs';
import { useSite } from './fixtures.mjs';
import { DIST } from './server.mjs';

describe('start page', () => {
  const site = useSite();
  let session;
  let start;

  before(async () => {
    session = await site.session();
    start = await new StartPage(session.page).goto(site.url);
  });

  after(async () => {
    await session?.context.close();
  });

  test('shows the heading from the content pack', async () => {
    assert.equal(await start.headingText(), contentPack().start.heading);
    assert.equal(await start.heading.count(), 1, 'exactly one h1');
  });

  test('paints with its own styles before any other file arrives: the stylesheet is inline, allowed by its hash', async () => {
    const fresh = await site.session({
      init: () => {
        window.__cspViolations = [];
        window.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(e.violatedDirective), true);
      },
    });
    try {
      await new StartPage(fresh.page).goto(site.url);
      const page = fresh.page;
      assert.equal(await page.locator('link[rel="stylesheet"]').count(), 0, 'no stylesheet file to wait for');
      // The browser's own body margin is 8px; the page's styles make it 0,
      // and give the app its accent colour.
      assert.equal(await page.evaluate(() => getComputedStyle(document.body).marginTop), '0px');
      assert.equal(
        await page.evaluate(() => getComputedStyle(document.querySelector('.rts-app')).getPropertyValue('--rts-accent').trim()),
        '#1d70b8',
      );
      assert.deepEqual(await page.evaluate(() => window.__cspViolations), [], 'the policy blocked nothing');
    } finally {
      await fresh.context.close();
    }
  });

  test('names the start page in the page title, and keeps the language', async () => {
    // The tool's own page: the title names the screen, then the product.
    const { ui, common } = locale();
    const expected = fill(ui.page_title, { page: contentPack().start.heading, product: common.product_name });
    await waitUntil(async () => (await session.page.title()) === expected, { message: `the title "${expected}"` });
    assert.equal(await session.page.locator('html').getAttribute('lang'), 'en-GB');
  });

  test('has no accessibility violations (WCAG 2.2 AA)', async () => {
    const results = await runAxe(session.page);
    assert.equal(
      results.violations.length,
      0,
      `axe found violations:\n${describeViolations(results.violations)}`,
    );
    assert.deepEqual(missingAxePasses(results), [], 'axe ran its checks: button names and contrast passed');
  });

  test('requests nothing from any origin but its own', async () => {
    // The app has booted (its heading is shown), so its files have loaded.
    await start.heading.waitFor({ state: 'visible' });
    const wasm = readdirSync(DIST).find((f) => /_bg\.wasm$/.test(f));
    assert.ok(session.requests.includes(`${site.origin}/${wasm}`), `the app loaded ${wasm} from the site itself`);
    assert.deepEqual(session.foreignRequests, []);
  });

  test('logs no errors', () => {
    assert.deepEqual(session.errors, []);
  });
});
