// The partnership view is in a second module, the whole app, which the page
// fetches only when someone opens the view; the first module hands the
// answers over to it. Driven by the keyboard, with what a person sees and a
// screen reader hears (roles, names, focus, alerts): nobody else downloads
// it; opening it keeps every answer even with storage blocked (so nothing
// can be read back); focus goes to its heading; if it cannot be fetched the
// page says so and "Try again" opens it.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { describeViolations, runAxe } from './helpers.mjs';
import { locale, waitForHeadingFocus, waitForSaveState, waitUntil } from './support.mjs';
import { useSite } from './fixtures.mjs';
import { AboutPage } from './pages/about.mjs';
import { PartnershipPage } from './pages/partnership.mjs';
import { StartScreen } from './pages/start-screen.mjs';
import { TasksPage } from './pages/tasks.mjs';

const { ui, partnership: words, loader } = locale();
const WHOLE = /ready-to-share-whole-[0-9a-f]+(_bg\.wasm|\.js)$/;
const AREA = 'Ynys Môn and Gwynedd';
const EARLIER_PATH = fileURLToPath(new URL('./fixtures/partnership/earlier-assessment.json', import.meta.url));
const PARTNER_FILE = fileURLToPath(new URL('./fixtures/partnership/council.json', import.meta.url));

/** Presses a button with the keyboard: focus moves to it, then Enter. */
async function press(locator) {
  await locator.focus();
  await locator.page().keyboard.press('Enter');
}

/** Every address the page asks for, as asked. */
function requests(page) {
  const asked = [];
  page.on('request', (request) => asked.push(new URL(request.url()).pathname));
  return asked;
}

/** Start now, then types the area by keyboard and saves: the task list. */
async function answerArea(page, site) {
  const start = await new StartScreen(page).goto(site.url);
  await start.waitFor();
  await press(start.startNowButton);
  const about = new AboutPage(page);
  await about.waitFor();
  await about.area.focus();
  await page.keyboard.type(AREA);
  await press(about.button(ui.save_and_continue));
  return new TasksPage(page).waitFor();
}

/** Back to the start page, then "Compare partners' answers". */
async function openPartnershipFromTasks(page) {
  await press(page.getByRole('button', { name: ui.back, exact: true }));
  await new StartScreen(page).waitFor();
  await press(page.getByRole('button', { name: ui.partnership_button, exact: true }));
}

/** The area as "About your area" shows it, reached from the start page. */
async function areaShown(page) {
  await press(page.getByRole('button', { name: ui.back, exact: true }));
  const start = await new StartScreen(page).waitFor();
  await press(start.continueButton);
  const tasks = await new TasksPage(page).waitFor();
  await press(tasks.task(ui.about_heading));
  const about = new AboutPage(page);
  await about.waitFor();
  return about.area.inputValue();
}

describe('the partnership view, fetched when opened', () => {
  const site = useSite();

  test('nobody downloads it before opening it; opening it by keyboard keeps the answers with storage blocked, and focus goes to its heading', () =>
    site.withSession(
      async ({ page, errors }) => {
        const asked = requests(page);
        await answerArea(page, site);
        assert.deepEqual(asked.filter((path) => WHOLE.test(path)), [], 'not fetched before the view is opened');
        // Storage is blocked: nothing can be read back.
        await waitForSaveState(page, 'failed');

        await openPartnershipFromTasks(page);
        const view = await new PartnershipPage(page).waitFor();
        await waitForHeadingFocus(page, words.title);
        await view.fileInput.waitFor();
        const fetched = asked.filter((path) => WHOLE.test(path));
        assert.equal(fetched.length, 2, `the whole app's glue and wasm, once each: ${fetched.join(', ')}`);
        const axe = await runAxe(page);
        assert.equal(axe.violations.length, 0, `axe, the partnership view:\n${describeViolations(axe.violations)}`);

        assert.equal(await areaShown(page), AREA, 'the area typed before, carried to the whole app');
        assert.equal(asked.filter((path) => WHOLE.test(path)).length, 2, 'nothing fetched again');
        assert.deepEqual(errors, []);
      },
      {
        init: () => {
          for (const name of ['getItem', 'setItem', 'removeItem', 'key', 'clear']) {
            Storage.prototype[name] = () => {
              throw new DOMException('The operation is insecure.', 'SecurityError');
            };
          }
        },
      },
    ));

  test('when it cannot be fetched, the page says so, keeps the answers, and "Try again" opens it', () =>
    site.withSession(async ({ page, context, errors }) => {
      await answerArea(page, site);
      let refuse = true;
      // On the context, so the service worker's requests are refused too.
      await context.route(WHOLE, (route) => (refuse ? route.abort('internetdisconnected') : route.continue()));
      await openPartnershipFromTasks(page);
      const alert = page.getByRole('alert').filter({ hasText: words.opening_failed });
      await alert.waitFor();
      await waitForHeadingFocus(page, words.title);
      const axe = await runAxe(page);
      assert.equal(axe.violations.length, 0, `axe, the message:\n${describeViolations(axe.violations)}`);

      refuse = false;
      const retry = page.getByRole('button', { name: loader.retry, exact: true });
      await press(retry);
      const view = await new PartnershipPage(page).waitFor();
      await view.fileInput.waitFor();
      await waitUntil(() => alert.count().then((n) => n === 0), { message: 'the message goes' });
      await waitForHeadingFocus(page, words.title);
      assert.equal(await areaShown(page), AREA);
      // The loader reports the failed fetch in the console; nothing else.
      assert.ok(errors.every((error) => /could not load the partnership view|Failed to load resource/i.test(error)), errors.join('\n'));
    }));

  test('the earlier assessment being compared with, kept only in memory, is still compared with after the partnership view', () =>
    site.withSession(async ({ page, errors }) => {
      const tasks = await answerArea(page, site);
      await press(tasks.button(ui.see_summary));
      await page.getByRole('heading', { level: 2, name: ui.compare_heading, exact: true }).waitFor();
      await page.getByLabel(ui.compare_label, { exact: true }).setInputFiles(EARLIER_PATH);
      const stop = page.getByRole('button', { name: ui.compare_remove, exact: true });
      await stop.waitFor();

      // The summary, the task list, the start page, then the partnership view.
      await press(page.getByRole('button', { name: ui.back, exact: true }));
      await new TasksPage(page).waitFor();
      await openPartnershipFromTasks(page);
      await new PartnershipPage(page).waitFor();

      await press(page.getByRole('button', { name: ui.back, exact: true }));
      const start = await new StartScreen(page).waitFor();
      await press(start.continueButton);
      await press((await new TasksPage(page).waitFor()).button(ui.see_summary));
      await stop.waitFor();
      assert.deepEqual(errors, []);
    }));

  test('going Back while it loads stays on the start page; the view opens when asked again', () =>
    site.withSession(async ({ page, context, errors }) => {
      let release;
      const held = new Promise((resolve) => (release = resolve));
      await context.route(WHOLE, async (route) => {
        await held;
        await route.continue();
      });
      await answerArea(page, site);
      await openPartnershipFromTasks(page);
      await page.getByRole('status').filter({ hasText: words.opening }).waitFor();
      // Whether the view is ever drawn, from now on.
      await page.evaluate(() => {
        window.viewDrawn = 0;
        new MutationObserver(() => {
          if (document.querySelector('.rts-partnership')) window.viewDrawn += 1;
        }).observe(document.body, { childList: true, subtree: true });
      });
      await press(page.getByRole('button', { name: ui.back, exact: true }));
      const start = await new StartScreen(page).waitFor();
      release();
      // The whole app arrives meanwhile; the person carries on.
      await page.waitForResponse(WHOLE);
      await press(start.continueButton);
      const tasks = await new TasksPage(page).waitFor();
      await press(tasks.task(ui.about_heading));
      await new AboutPage(page).waitFor();
      assert.equal(await page.evaluate(() => window.viewDrawn), 0, 'the view never took the page over');

      await press(page.getByRole('button', { name: ui.back, exact: true }));
      await press((await new StartScreen(page).waitFor()).page.getByRole('button', { name: ui.partnership_button, exact: true }));
      await new PartnershipPage(page).waitFor();
      assert.equal(await areaShown(page), AREA);
      assert.deepEqual(errors, []);
    }));

  test('when the tool has been updated on the server since the page was opened, the page says to reload it', () =>
    site.withSession(async ({ page, context, errors }) => {
      await answerArea(page, site);
      // The new version's files replaced this page's: the whole app's are gone.
      await context.route(WHOLE, (route) => route.fulfill({ status: 404, body: 'Not found' }));
      await openPartnershipFromTasks(page);
      await page.getByRole('alert').filter({ hasText: words.opening_outdated }).waitFor();
      await waitForHeadingFocus(page, words.title);
      assert.equal(await page.getByText(words.opening_failed).count(), 0, 'not the message about the network');
      assert.ok(errors.every((error) => /could not load the partnership view|Failed to load resource|404/i.test(error)), errors.join('\n'));
    }));

  test('the iframe page opens it too, with the options its address gives (here, the storage key)', () =>
    site.withSession(async ({ page, errors }) => {
      await page.goto(`${site.url}frame.html?storage-key=framed`);
      await press(page.getByRole('button', { name: ui.partnership_button, exact: true }));
      const view = await new PartnershipPage(page).waitFor();
      await view.chooseFiles([PARTNER_FILE]);
      await page.getByText(ui.workshop_saved, { exact: true }).waitFor();
      const keys = await page.evaluate(() => Object.keys(localStorage));
      assert.ok(keys.includes('framed:workshop:v1'), `saved under the frame's storage key: ${keys}`);
      assert.ok(!keys.some((key) => key.startsWith('ready-to-share:')), 'nothing under the standalone page\'s key');
      assert.deepEqual(errors, []);
    }));
});
