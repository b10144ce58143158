// End-to-end tests of the start screen written into index.html at build
// time (scripts/prerender.mjs): it is on screen before the wasm arrives,
// the app takes it over without a flash or a shift, and what the user does
// on it in the meantime is not lost. The wasm is held back by the test
// until it chooses to let it through, so "before the app is ready" is a
// fact of the test, not a race.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { contentPack } from './helpers.mjs';
import { AboutPage } from './pages/about.mjs';
import { PartnershipPage } from './pages/partnership.mjs';
import { StartScreen } from './pages/start-screen.mjs';
import { TasksPage } from './pages/tasks.mjs';
import { locale, waitForHeadingFocus } from './support.mjs';
import { useSite } from './fixtures.mjs';

const { ui, loader } = locale();
const OLD_FILE_PATH = fileURLToPath(new URL('../fixtures/assessment-pack-1.0.0.json', import.meta.url));
/** The app's signal that it is running: the copy never carries it. */
const APP = '#rts-root .rts-app[data-rts-save-state]';

/** Holds every request for `pattern` until `release()` is called. */
async function hold(page, pattern) {
  let release;
  const released = new Promise((resolve) => {
    release = resolve;
  });
  await page.route(pattern, async (route) => {
    await released;
    await route.continue();
  });
  return { release };
}

const holdWasm = (page) => hold(page, '**/*_bg.wasm');

/**
 * Opens the site with the wasm held back (and boot.js too, with
 * `holdBoot`), and waits for the start screen written into the page.
 */
async function openBeforeApp(page, url, { holdBoot = false } = {}) {
  const boot = holdBoot ? await hold(page, '**/boot-*.js') : null;
  const wasm = await holdWasm(page);
  const start = new StartScreen(page);
  await page.goto(url, holdBoot ? { waitUntil: 'commit' } : {});
  await start.waitFor();
  return { start, wasm, boot };
}

/**
 * Records, before every frame the browser draws, whether the page showed
 * no start heading at all (the copy gone and the app not yet drawn).
 */
function watchFrames() {
  window.__framesWithoutHeading = 0;
  window.__layoutShift = 0;
  const check = () => {
    const seen = document.querySelector('#rts-root h1');
    if (window.__started && (!seen || seen.getClientRects().length === 0)) window.__framesWithoutHeading += 1;
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__layoutShift += entry.value;
  }).observe({ type: 'layout-shift', buffered: true });
}

describe('the start screen before the app arrives', () => {
  const site = useSite();

  test('is the app\'s own start screen, shown before the wasm, and the app takes it over with no empty frame and no shift', () =>
    site.withSession(
      async ({ page, errors }) => {
        const { start, wasm } = await openBeforeApp(page, site.url);
        await start.startNowButton.waitFor({ state: 'visible' });
        assert.equal(await page.locator(APP).count(), 0, 'the app has not started: this is the copy');
        assert.equal(await page.getByText(loader.loading, { exact: true }).isVisible(), false, 'no loading message');
        const before = {
          heading: await start.heading.boundingBox(),
          button: await start.startNowButton.boundingBox(),
          html: await page.locator('#rts-root > .rts-root').evaluate((e) => e.innerHTML),
        };
        await page.evaluate(() => {
          window.__started = true;
        });

        wasm.release();
        await page.locator(APP).waitFor();
        const app = page.locator('#rts-root > .rts-root');
        assert.equal(await app.count(), 1, 'one copy of the screen: the app\'s');
        assert.deepEqual(await start.heading.boundingBox(), before.heading, 'the heading did not move');
        assert.deepEqual(await start.startNowButton.boundingBox(), before.button, 'the button did not move');
        // The same markup, but for the app's running signal and the one
        // address the copy keeps relative.
        const after = await app.evaluate((e, origin) => {
          const copy = e.cloneNode(true);
          copy.querySelector('[data-rts-save-state]').removeAttribute('data-rts-save-state');
          return copy.innerHTML.replaceAll(`"${origin}/`, '"./');
        }, site.origin);
        assert.equal(after, before.html, 'the app drew exactly what the page already showed');
        assert.equal(await page.evaluate(() => window.__framesWithoutHeading), 0, 'no frame without the screen');
        assert.equal(await page.evaluate(() => window.__layoutShift), 0, 'no layout shift');
        assert.deepEqual(errors, [], 'nothing logged, nothing refused by the page\'s policy');
      },
      { init: watchFrames },
    ));

  test('the wasm is compiled as it arrives, while the glue is still held back, and the glue starts that module: one request for the wasm', () =>
    site.withSession(
      async ({ page, errors }) => {
        const wasmRequests = [];
        page.on('request', (request) => request.url().endsWith('_bg.wasm') && wasmRequests.push(request.url()));
        const glue = await hold(page, /\/ready-to-share-[0-9a-f]+\.js$/);
        await page.goto(site.url);
        // Were the compile waiting for the glue, this would time out.
        await page.waitForFunction(() => window.__compiles.length === 1);
        assert.equal(await page.locator(APP).count(), 0, 'the glue is still held back');
        glue.release();
        await page.locator(APP).waitFor();
        const seen = await page.evaluate(async () => ({
          compiled: await window.__compiles[0].then((module) => module instanceof WebAssembly.Module),
          instantiatedWith: window.__instantiated,
        }));
        assert.equal(seen.compiled, true, 'the compile as it arrived succeeded');
        assert.deepEqual(seen.instantiatedWith, ['a compiled module'], 'and the glue started that module, not a second compile');
        assert.equal(wasmRequests.length, 1, `the wasm is asked for once: ${wasmRequests}`);
        assert.deepEqual(errors, []);
      },
      {
        init: () => {
          window.__compiles = [];
          window.__instantiated = [];
          const compileStreaming = WebAssembly.compileStreaming;
          WebAssembly.compileStreaming = function (...args) {
            const compiled = compileStreaming.apply(this, args);
            window.__compiles.push(compiled);
            return compiled;
          };
          const instantiate = WebAssembly.instantiate;
          WebAssembly.instantiate = function (source, ...rest) {
            window.__instantiated.push(source instanceof WebAssembly.Module ? 'a compiled module' : 'bytes');
            return instantiate.call(this, source, ...rest);
          };
          const instantiateStreaming = WebAssembly.instantiateStreaming;
          WebAssembly.instantiateStreaming = function (...args) {
            window.__instantiated.push('a response');
            return instantiateStreaming.apply(this, args);
          };
        },
      },
    ));

  test('"Start now" pressed before the app is ready says it is loading, then goes to the next page once it is', () =>
    site.withSession(async ({ page }) => {
      const { start, wasm } = await openBeforeApp(page, site.url);
      await start.startNow();
      await page.getByRole('status').filter({ hasText: loader.loading }).waitFor();
      assert.equal(await page.locator(APP).count(), 0, 'pressed on the copy, before the app');

      wasm.release();
      await new AboutPage(page).waitFor();
      await waitForHeadingFocus(page, ui.about_heading);
    }));

  test('"Start now" pressed before even the page\'s script has arrived is kept too', () =>
    site.withSession(async ({ page }) => {
      const { start, wasm, boot } = await openBeforeApp(page, site.url, { holdBoot: true });
      await start.startNow();
      assert.equal(await page.getByRole('status').count(), 0, 'nothing has said it is loading yet');

      boot.release();
      await page.getByRole('status').filter({ hasText: loader.loading }).waitFor();
      wasm.release();
      await new AboutPage(page).waitFor();
      await waitForHeadingFocus(page, ui.about_heading);
    }));

  test('a saved file chosen before the app is ready is opened once it is', () =>
    site.withSession(async ({ page }) => {
      const { start, wasm } = await openBeforeApp(page, site.url);
      await start.openFile(OLD_FILE_PATH);
      assert.equal(await page.locator(APP).count(), 0, 'chosen on the copy, before the app');

      wasm.release();
      await new TasksPage(page).waitFor();
      await waitForHeadingFocus(page, ui.tasks_heading);
    }));

  test('a file dialog opened on the copy and closed after the app is in still opens the file', () =>
    site.withSession(async ({ page }) => {
      const { start, wasm } = await openBeforeApp(page, site.url);
      // The copy's file field, as the dialog the user opened holds it.
      await start.fileInput.evaluate((input) => {
        window.__dialogInput = input;
      });
      wasm.release();
      await page.locator(APP).waitFor();
      assert.equal(
        await page.evaluate(() => window.__dialogInput.isConnected),
        false,
        'the copy has left the page',
      );
      // The dialog closes now: its choice lands on the copy's field.
      const text = await readFile(OLD_FILE_PATH, 'utf8');
      await page.evaluate((json) => {
        const input = window.__dialogInput;
        const transfer = new DataTransfer();
        transfer.items.add(new File([json], 'northshire.json', { type: 'application/json' }));
        input.files = transfer.files;
        input.dispatchEvent(new Event('change', { bubbles: true }));
      }, text);
      await new TasksPage(page).waitFor();
    }));

  /**
   * Saves answers from a second tab of the same browser, through the app
   * there, while `page` still shows the copy with its wasm held back, and
   * goes back to the start page there.
   */
  async function saveAnswersInAnotherTab(page) {
    const other = await page.context().newPage();
    try {
      const start = new StartScreen(other);
      await start.goto(site.url);
      await start.startNow();
      const about = await new AboutPage(other).waitFor();
      await about.area.fill('Northshire');
      await about.saveAndContinue();
      const tasks = await new TasksPage(other).waitFor();
      // Back to the start page, so the app's first screen in `page` is the
      // start page with saved progress, whose buttons are not the copy's.
      await tasks.back();
      await start.savedHeading.waitFor();
      await other.locator(`${APP}[data-rts-save-state="saved"]`).waitFor();
    } finally {
      await other.close();
    }
  }

  test('a press on the copy is done again on the same control: with answers saved in another tab meanwhile, "Compare partners\' answers" compares, and "Start again" does not open', () =>
    site.withSession(async ({ page }) => {
      const { start, wasm } = await openBeforeApp(page, site.url);
      await page.getByRole('button', { name: ui.partnership_button, exact: true }).click();
      await page.getByRole('status').filter({ hasText: loader.loading }).waitFor();
      await saveAnswersInAnotherTab(page);

      wasm.release();
      await new PartnershipPage(page).waitFor();
      assert.equal(await start.confirmation.count(), 0, '"Start again" asked nothing');
      assert.ok(
        await page.evaluate((key) => (localStorage.getItem(key) ?? '').includes('Northshire'), 'ready-to-share:progress:v1'),
        'the answers saved in the other tab are still there',
      );
    }));

  test('a press whose button the app\'s screen does not have is not done: "Start now", with answers saved meanwhile, leaves the start page with its heading focused', () =>
    site.withSession(async ({ page }) => {
      const { start, wasm } = await openBeforeApp(page, site.url);
      await start.startNow();
      await page.getByRole('status').filter({ hasText: loader.loading }).waitFor();
      await saveAnswersInAnotherTab(page);

      wasm.release();
      await start.savedHeading.waitFor();
      await waitForHeadingFocus(page, contentPack().start.heading);
      assert.equal(await start.confirmation.count(), 0, '"Start again" asked nothing');
      assert.equal(await start.continueButton.isVisible(), true, 'still on the start page, offering to continue');
    }));

  for (const holdBoot of [false, true]) {
    const when = holdBoot ? 'before even the page\'s script has arrived' : 'before the app is ready';
    test(`a saved file dropped on the copy ${when} is kept, not opened by the browser, and opened once the app is in`, () =>
      site.withSession(async ({ page }) => {
        const { wasm, boot } = await openBeforeApp(page, site.url, { holdBoot });
        const text = await readFile(OLD_FILE_PATH, 'utf8');
        // Whether the browser was stopped from opening the file in place of
        // the page, seen by the last listener of all.
        await page.evaluate(() => {
          window.__drops = [];
          window.addEventListener('dragover', (event) => window.__drops.push(['dragover', event.defaultPrevented]));
          window.addEventListener('drop', (event) => window.__drops.push(['drop', event.defaultPrevented]));
        });
        const transfer = await page.evaluateHandle((contents) => {
          const data = new DataTransfer();
          data.items.add(new File([contents], 'assessment-pack-1.0.0.json', { type: 'application/json' }));
          return data;
        }, text);
        const zone = page.getByText(ui.open_hint, { exact: true });
        for (const type of ['dragenter', 'dragover', 'drop']) await zone.dispatchEvent(type, { dataTransfer: transfer });
        assert.deepEqual(
          await page.evaluate(() => window.__drops),
          [
            ['dragover', true],
            ['drop', true],
          ],
          'the page took the drop: the browser does not open the file itself',
        );
        if (holdBoot) {
          assert.equal(await page.getByRole('status').count(), 0, 'nothing has said it is loading yet');
          boot.release();
        }
        await page.getByRole('status').filter({ hasText: loader.loading }).waitFor();
        assert.equal(await page.locator(APP).count(), 0, 'dropped on the copy, before the app');

        wasm.release();
        await new TasksPage(page).waitFor();
        await waitForHeadingFocus(page, ui.tasks_heading);
      }));
  }

  test('keeps the privacy details open and the focus where they were', () =>
    site.withSession(async ({ page }) => {
      const { wasm } = await openBeforeApp(page, site.url);
      const summary = page.getByText(ui.privacy_heading, { exact: true });
      await summary.click();
      await page.getByText(ui.privacy_points[0], { exact: true }).waitFor();

      wasm.release();
      await page.locator(APP).waitFor();
      await page.locator(`${APP} details[open]`).waitFor();
      assert.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), ui.privacy_heading);
    }));

  test('with answers saved in this browser, the page shows its loading message until the app shows them', async () => {
    // No service worker: it would answer the reload's wasm from its cache,
    // where the test cannot hold it back.
    const context = await site.browser.newContext({ serviceWorkers: 'block' });
    try {
      const page = await context.newPage();
      const start = new StartScreen(page);
      await start.goto(site.url);
      await start.startNow();
      const about = await new AboutPage(page).waitFor();
      await about.area.fill('Northshire');
      await about.saveAndContinue();
      await new TasksPage(page).waitFor();
      await page.locator(`${APP}[data-rts-save-state="saved"]`).waitFor();

      const wasm = await holdWasm(page);
      await page.reload();
      await page.getByText(loader.loading, { exact: true }).waitFor();
      assert.equal(await start.heading.isVisible(), false, 'no start screen that would then change');
      wasm.release();
      await new TasksPage(page).waitFor();
    } finally {
      await context.close();
    }
  });

  test('a visit that changes nothing saves nothing, so the next one still gets the start screen written in', async () => {
    const context = await site.browser.newContext({ serviceWorkers: 'block' });
    try {
      const page = await context.newPage();
      const start = new StartScreen(page);
      await start.goto(site.url);
      await page.locator(`${APP}[data-rts-save-state="saved"]`).waitFor();
      // Leaving the page saves anything waiting at once (pagehide), so
      // after the reload storage holds all the first visit ever saved.
      const wasm = await holdWasm(page);
      await page.reload();
      await start.startNowButton.waitFor({ state: 'visible' });
      const keys = await page.evaluate(() => Object.keys(localStorage));
      assert.deepEqual(keys, [], 'nothing saved by a visit alone');
      assert.equal(await page.getByText(loader.loading, { exact: true }).isVisible(), false, 'no loading message');
      wasm.release();
    } finally {
      await context.close();
    }
  });

  test('without JavaScript, says it needs JavaScript and shows no buttons that could not work', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(site.url);
      await page.getByText(loader.noscript, { exact: true }).waitFor();
      assert.equal(await page.getByRole('button').count(), 0, 'no buttons');
      assert.equal(await page.getByRole('heading', { name: contentPack().start.heading }).count(), 0);
    } finally {
      await context.close();
    }
  });
});
