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
