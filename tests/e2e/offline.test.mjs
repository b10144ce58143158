// Offline use: the service worker (the app keeps working when the server is
// gone, and a new version waits until the user chooses to switch), and the
// single-file copy opened from file:// (autosave works, no network at all).
// Also prints the figures for the release notes: the size of embed.js and of
// the single file, and how long embed.js takes to first render on a host page.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { serviceWorker } from '../../scripts/runtime/build.mjs';
import { measure, measureWorker } from '../../scripts/first-screen-bytes.mjs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { contentPack, openPage } from './helpers.mjs';
import { DIST, startServer } from './server.mjs';
import { fill, locale, waitUntil, watchDialogs } from './support.mjs';
import { useBrowser, useScratch } from './fixtures.mjs';

const pack = contentPack();
const { ui, report, loader, partnership } = locale();
const TOTAL = pack.themes.reduce((n, t) => n + t.questions.length, 0);
const PROGRESS_KEY = 'ready-to-share:progress:v1';

/** The label of a level radio, such as "4 Established". */
const levelName = (level) => `${level} ${pack.scale[level - 1]}`;

/** The standalone app (page heading h1), by roles and labels. */
class App {
  constructor(page) {
    this.page = page;
  }

  heading(name) {
    return this.page.getByRole('heading', { level: 1, name, exact: true });
  }

  async waitForHeading(name) {
    await this.heading(name).waitFor({ state: 'visible' });
  }

  button(name) {
    return this.page.getByRole('button', { name, exact: true });
  }

  async next(button, heading) {
    await this.button(button).click();
    await this.waitForHeading(heading);
  }

  async openTheme(index) {
    const theme = pack.themes[index];
    await this.page.getByRole('listitem').getByRole('button', { name: theme.title, exact: true }).click();
    await this.waitForHeading(theme.title);
  }

  radio(question, level) {
    return this.page.getByRole('group', { name: question.text }).getByRole('radio', { name: levelName(level), exact: true });
  }

  /** Start now, About your area (saved as it is), the task list, a theme. */
  async toTheme(index) {
    await this.next(ui.start_button, ui.about_heading);
    await this.next(ui.save_and_continue, ui.tasks_heading);
    await this.openTheme(index);
  }
}

/** Whether the saved progress holds an answer to a question. */
function savedAnswer(page, questionId) {
  return page.evaluate(
    ([key, id]) => {
      const text = localStorage.getItem(key);
      return Boolean(text && JSON.parse(text).answers?.[id]);
    },
    [PROGRESS_KEY, questionId],
  );
}

/**
 * A fresh context with no request routing (Playwright's routing would sit
 * between the page and its service worker), recording requests and errors.
 */
async function plainSession(browser) {
  const context = await browser.newContext();
  context.setDefaultTimeout(10_000);
  const requests = [];
  const errors = [];
  const dialogs = [];
  context.on('request', (request) => requests.push(request.url()));
  const page = await context.newPage();
  // As support.mjs' watchErrors, but a missing /favicon.ico is not an error:
  // the browser asks for it by itself, and through the service worker's
  // fetch handler its 404 is logged on the page.
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    if (new URL(message.location().url || 'about:blank').pathname === '/favicon.ico') return;
    errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  watchDialogs(page, dialogs);
  return { context, page, requests, errors, dialogs };
}

/** The Welsh words, and the Welsh start page's heading. */
const CY = locale('cy');
const WELSH_START = JSON.parse(readFileSync(new URL('../../content/pack.cy.json', import.meta.url), 'utf8')).start.heading;
/** The app running in Welsh. */
const WELSH_APP = '.rts-app[data-rts-save-state][lang="cy"]';
/** withInstalledCopy's options for the Welsh page. */
const WELSH_PAGE = { path: 'cy.html', ready: (app) => app.page.locator(WELSH_APP).waitFor() };

/** The same worker naming another version, so another cache: a new version. */
const anotherVersion = (worker) => worker.replace(/"version":"([0-9a-f]+)"/, '"version":"$1-next"');

/** The Welsh page and its module (Welsh built in), kept by the worker once used. */
const WELSH_FILES = [/\/cy\.html$/, /\/ready-to-share-cy-[0-9a-f]+\.js$/, /\/ready-to-share-cy-[0-9a-f]+_bg\.wasm$/];

/** The paths of every file the current worker's cache keeps (run in the page). */
async function cachedPaths() {
  const current = (await caches.keys()).filter((name) => name.startsWith('ready-to-share-'));
  const paths = [];
  for (const name of current) for (const request of await (await caches.open(name)).keys()) paths.push(new URL(request.url).pathname);
  return paths;
}

/** Waits until the page is controlled by an activated service worker. */
async function waitUntilControlled(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await waitUntil(() => page.evaluate(() => navigator.serviceWorker.controller !== null), {
    message: 'the page is controlled by the service worker',
  });
}

describe('offline', () => {
  const chromium = useBrowser();
  const scratch = useScratch();

  /**
   * A copy of dist/ in a scratch folder (a test may change it or stop its
   * server), served; `requests` gets the path of every request it answers.
   */
  async function servedCopy(name) {
    const root = await scratch.dir(name);
    cpSync(DIST, root, { recursive: true });
    const requests = [];
    return { root, requests, server: await startServer({ root, requests }) };
  }

  /** The single-file copy, copied into a scratch folder: the folder, the file and its file:// address. */
  async function singleFileCopy(name) {
    const dir = await scratch.dir(name);
    const file = join(dir, 'ready-to-share-offline.html');
    copyFileSync(join(DIST, 'ready-to-share-offline.html'), file);
    return { dir, file, url: pathToFileURL(file).href };
  }

  /**
   * Runs `body` with a served copy of dist/ (servedCopy) and a plain
   * session whose page has opened `path` there, shown it (`ready`, by
   * default the English start heading) and is controlled by the service
   * worker. `body` gets `{ s, page, app, copy }`: `copy.stop()` stops the
   * server and `copy.restart()` starts it again on the same address.
   * However `body` ends, the session closes and the server stops.
   */
  async function withInstalledCopy(name, body, { path = '', ready = (app) => app.waitForHeading(pack.start.heading) } = {}) {
    const { root, requests, server: first } = await servedCopy(name);
    let server = first;
    const copy = {
      root,
      requests,
      url: first.url,
      async stop() {
        await server.close();
        server = null;
      },
      async restart() {
        server = await startServer({ root, port: first.port, requests });
      },
    };
    const s = await plainSession(chromium.browser);
    try {
      const { page } = s;
      const app = new App(page);
      await page.goto(`${copy.url}${path}`);
      await ready(app);
      await waitUntilControlled(page);
      await body({ s, page, app, copy });
    } finally {
      await s.context.close();
      await server?.close();
    }
  }

  /**
   * Writes a new version of the worker into the copy at `root` (`change`
   * makes it from the current one; by default, the same worker naming
   * another version, so another cache), asks the page's registration to
   * update, and returns the notice that offers it once it shows `text`.
   */
  async function newVersionWaiting(page, root, { text = ui.update_ready, change = anotherVersion } = {}) {
    const current = readFileSync(join(root, 'sw.js'), 'utf8');
    const newer = change(current);
    assert.notEqual(newer, current, 'the worker changed');
    writeFileSync(join(root, 'sw.js'), newer);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    const notice = page.getByRole('status').filter({ hasText: text });
    await notice.waitFor({ state: 'visible' });
    return notice;
  }

  test('with the service worker, the app works with the server stopped, and keeps answers given offline', () =>
    withInstalledCopy('sw', async ({ s, page, app, copy }) => {
      const theme = pack.themes[1];
      const [online, offline] = theme.questions;
      await app.toTheme(1);
      await app.radio(online, 2).check();
      await waitUntil(() => savedAnswer(page, online.id), { message: 'the first answer was saved' });

      // The server goes away: a reload still shows the app, on the same page.
      await copy.stop();
      await page.reload();
      await app.waitForHeading(theme.title);
      assert.equal(await app.radio(online, 2).isChecked(), true, 'the answer given online is there offline');
      await app.radio(offline, 5).check();
      await waitUntil(() => savedAnswer(page, offline.id), { message: 'the answer given offline was saved' });
      // Navigation works offline too.
      await app.next(ui.return_to_tasks, ui.tasks_heading);
      await page.getByText(fill(ui.tasks_progress, { answered: 2, total: TOTAL }), { exact: true }).waitFor();

      // The server comes back on the same address: both answers are there.
      await copy.restart();
      await page.reload();
      await app.waitForHeading(ui.tasks_heading);
      await page.getByText(fill(ui.tasks_progress, { answered: 2, total: TOTAL }), { exact: true }).waitFor();
      await app.openTheme(1);
      assert.equal(await app.radio(online, 2).isChecked(), true, 'the online answer is still there');
      assert.equal(await app.radio(offline, 5).isChecked(), true, 'the offline answer is still there');
      assert.deepEqual(s.dialogs, [], 'no dialog opened');
      assert.deepEqual(s.errors, [], 'no errors logged');
    }));

  test('the partnership view, never opened, says with the server stopped that it needs the network and keeps the answers; once opened, it opens offline', () =>
    withInstalledCopy('whole', async ({ s, page, app, copy }) => {
      const theme = pack.themes[1];
      const [question] = theme.questions;
      await app.toTheme(1);
      await app.radio(question, 3).check();
      await waitUntil(() => savedAnswer(page, question.id), { message: 'the answer was saved' });
      await app.next(ui.return_to_tasks, ui.tasks_heading);
      await app.next(ui.back, pack.start.heading);
      const whole = /\/ready-to-share-whole-[0-9a-f]+(_bg\.wasm|\.js)$/;
      assert.deepEqual((await page.evaluate(cachedPaths)).filter((path) => whole.test(path)), [], 'not kept before it is opened');

      await copy.stop();
      await app.button(ui.partnership_button).focus();
      await page.keyboard.press('Enter');
      await page.getByRole('alert').filter({ hasText: partnership.opening_failed }).waitFor();
      await app.waitForHeading(partnership.title);

      await copy.restart();
      await app.button(loader.retry).focus();
      await page.keyboard.press('Enter');
      await page.getByLabel(ui.partnership_files_label, { exact: true }).waitFor();
      assert.equal((await page.evaluate(cachedPaths)).filter((path) => whole.test(path)).length, 2, 'kept once used');

      // With the server gone again, a reload opens on the partnership view.
      await copy.stop();
      await page.reload();
      await app.waitForHeading(partnership.title);
      await page.getByLabel(ui.partnership_files_label, { exact: true }).waitFor();
      await app.next(ui.back, pack.start.heading);
      await app.next(ui.start_continue, ui.tasks_heading);
      await app.openTheme(1);
      assert.equal(await app.radio(question, 3).isChecked(), true, 'the answer is still there');
      // Only the fetches refused while the server was stopped are reported.
      const unexpected = s.errors.filter((error) => !/Failed to load resource|could not load the partnership view/.test(error));
      assert.deepEqual(unexpected, []);
    }));

  test('a new version waits for the user: a notice offers it, nothing reloads, and switching keeps the answers', () =>
    withInstalledCopy('update', async ({ s, page, app, copy }) => {
      const theme = pack.themes[0];
      const [first, second] = theme.questions;
      await app.toTheme(0);
      await app.radio(first, 3).check();
      // A mark that a reload would wipe.
      await page.evaluate(() => {
        window.notReloaded = true;
      });

      // A new version: the same files and a changed sw.js, which answers a
      // question the old one does not, so the test can tell them apart.
      const notice = await newVersionWaiting(page, copy.root, {
        change: (worker) =>
          `${worker}\n// A newer build (test).\nself.addEventListener('message', (event) => {\n` +
          `  if (event.data === 'which-version') event.source.postMessage('version-2');\n});\n`,
      });
      const switchButton = notice.getByRole('button', { name: ui.update_now, exact: true });
      await switchButton.waitFor({ state: 'visible' });
      assert.equal(await page.evaluate(() => window.notReloaded), true, 'the page did not reload by itself');
      await app.waitForHeading(theme.title);
      assert.equal(await app.radio(first, 3).isChecked(), true, 'the answer is still on the page');
      assert.equal(
        await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.waiting !== null)),
        true,
        'the new worker is waiting',
      );

      // One more answer, then switch at once: the switch must not lose it.
      await app.radio(second, 4).check();
      const reloaded = page.waitForEvent('load');
      await switchButton.click();
      await reloaded;
      await app.waitForHeading(theme.title);
      assert.equal(await page.evaluate(() => window.notReloaded), undefined, 'the switch reloaded the page');
      assert.equal(await app.radio(first, 3).isChecked(), true, 'the first answer survived the switch');
      assert.equal(await app.radio(second, 4).isChecked(), true, 'the answer given just before switching survived');
      assert.equal(await notice.count(), 0, 'no update notice in the new version');
      const version = await page.evaluate(
        () =>
          new Promise((resolve) => {
            navigator.serviceWorker.addEventListener('message', (event) => resolve(event.data), { once: true });
            navigator.serviceWorker.controller.postMessage('which-version');
            // An upper bound, not a pause: the reply ends the wait.
            setTimeout(() => resolve('no answer'), 3000);
          }),
      );
      assert.equal(version, 'version-2', 'the page is controlled by the new service worker');
      assert.deepEqual(s.dialogs, [], 'no dialog opened');
      assert.deepEqual(s.errors, [], 'no errors logged');
    }));

  test('with a workshop open, the update notice says it is saved, and switching keeps the files and agreements', () =>
    withInstalledCopy('update-workshop', async ({ s, page, app, copy }) => {
      const { partnership: words, consensus } = locale();
      await app.next(ui.partnership_button, words.title);
      const fixture = (name) => ({
        name,
        mimeType: 'application/json',
        buffer: readFileSync(new URL(`./fixtures/partnership/${name}`, import.meta.url)),
      });
      await page.getByLabel(ui.partnership_files_label, { exact: true }).setInputFiles([fixture('council.json'), fixture('nhs.json')]);
      // A question the two partners disagree on (Council 1, NHS Trust 5).
      const question = pack.themes.flatMap((t) => t.questions).find((q) => q.id === 'people-tell-once');
      const block = page.locator('.rts-consensus__question').filter({ has: page.getByRole('group', { name: question.text, exact: true }) });
      const level = block.getByRole('radio', { name: levelName(3), exact: true });
      await level.focus();
      await page.keyboard.press('Space');
      const note = block.getByRole('textbox', { name: fill(consensus.note_label_for, { question: question.text }), exact: true });
      await note.focus();
      await page.keyboard.type('Agreed in the room');

      const notice = await newVersionWaiting(page, copy.root, { text: ui.update_ready_workshop });
      // Typed just before switching: the switch must not lose it.
      await note.focus();
      await page.keyboard.type(' today');
      const reloaded = page.waitForEvent('load');
      await notice.getByRole('button', { name: ui.update_now, exact: true }).click();
      await reloaded;
      await app.waitForHeading(words.title);
      await page.getByText(ui.workshop_saved, { exact: true }).waitFor();
      assert.equal(await level.isChecked(), true, 'the agreed level survived the switch');
      assert.equal(await note.inputValue(), 'Agreed in the room today', 'the note survived the switch');
      assert.equal(await page.getByRole('table', { name: words.scores_caption }).locator('tbody tr').count(), 2);
      assert.deepEqual(s.errors, [], 'no errors logged');
    }));

  test('Welsh, once used, still opens in Welsh after switching to a new version with no network', () =>
    withInstalledCopy('update-welsh', async ({ s, page, copy }) => {
      const { context } = s;
      const welshApp = page.locator(WELSH_APP);
      const welshHeading = page.getByRole('heading', { level: 1, name: WELSH_START, exact: true });
      // The page and its module, Welsh built in, kept once used.
      await waitUntil(() => page.evaluate(cachedPaths).then((paths) => WELSH_FILES.every((file) => paths.some((p) => file.test(p)))), {
        message: 'the Welsh page and its module kept by the worker',
      });

      // A new version (a worker with another version, so another cache) is
      // waiting; the network goes before the person switches.
      const notice = await newVersionWaiting(page, copy.root, { text: CY.ui.update_ready });
      await context.setOffline(true);
      const reloaded = page.waitForEvent('load');
      await notice.getByRole('button', { name: CY.ui.update_now, exact: true }).click();
      await reloaded;
      await welshApp.waitFor();
      await welshHeading.waitFor();

      // The new version's worker kept them (the earlier version's cache is
      // gone): cy.html opens again with no network.
      const versions = await page.evaluate(() => caches.keys().then((names) => names.filter((n) => n.startsWith('ready-to-share-'))));
      assert.equal(versions.length, 1, `only the new version's cache is left: ${versions}`);
      const paths = await page.evaluate(cachedPaths);
      for (const file of WELSH_FILES) assert.ok(paths.some((p) => file.test(p)), `the new version keeps ${file}`);
      await page.goto(`${copy.url}cy.html`);
      await welshApp.waitFor();
      await welshHeading.waitFor();
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'cy');
      assert.deepEqual(s.errors, [], 'no errors logged');
    }, WELSH_PAGE));

  test('someone who only used cy.html gets the tool at the main address with the server stopped: in Welsh, saying English could not be loaded', () =>
    withInstalledCopy('welsh-only', async ({ page, copy }) => {
      const paths = await page.evaluate(cachedPaths);
      assert.ok(paths.some((p) => WELSH_FILES[2].test(p)), 'the Welsh module is kept');
      assert.ok(!paths.some((p) => /\/ready-to-share-[0-9a-f]+_bg\.wasm$/.test(p)), 'the English module is not: nobody here used it');

      await copy.stop();
      await page.goto(copy.url);
      await page.getByRole('heading', { level: 1, name: WELSH_START, exact: true }).waitFor();
      assert.equal(await page.locator('.rts-app[data-rts-save-state]').getAttribute('lang'), 'cy');
      await page.getByRole('status').filter({ hasText: CY.language_nav.english_failed }).waitFor();
    }, WELSH_PAGE));

  test('the partnership view, once opened, still opens after switching to a new version with no network', () =>
    withInstalledCopy('update-whole', async ({ s, page, app, copy }) => {
      const { context } = s;
      const whole = /\/ready-to-share-whole-[0-9a-f]+(_bg\.wasm|\.js)$/;
      const filePicker = page.getByLabel(ui.partnership_files_label, { exact: true });
      await app.button(ui.partnership_button).focus();
      await page.keyboard.press('Enter');
      await filePicker.waitFor();
      assert.equal((await page.evaluate(cachedPaths)).filter((path) => whole.test(path)).length, 2, 'kept once used');
      // As if this version's whole app had been an earlier build: its files
      // kept under other hashes, so the new version must know them by name.
      const renamed = await page.evaluate(async () => {
        let count = 0;
        for (const name of await caches.keys()) {
          const cache = await caches.open(name);
          for (const request of await cache.keys()) {
            const earlier = request.url.replace(/(ready-to-share-whole-)[0-9a-f]+/, '$1' + '0123456789abcdef');
            if (earlier === request.url) continue;
            await cache.put(earlier, await cache.match(request));
            await cache.delete(request);
            count += 1;
          }
        }
        return count;
      });
      assert.equal(renamed, 2);

      // A new version is waiting; the network goes before the person switches.
      const notice = await newVersionWaiting(page, copy.root);
      await context.setOffline(true);
      const reloaded = page.waitForEvent('load');
      await notice.getByRole('button', { name: ui.update_now, exact: true }).focus();
      await page.keyboard.press('Enter');
      await reloaded;

      // The reload opens on the view: the new version's worker kept the
      // whole app, and the earlier version's cache is gone.
      await filePicker.waitFor();
      const versions = await page.evaluate(() => caches.keys().then((names) => names.filter((n) => n.startsWith('ready-to-share-'))));
      assert.equal(versions.length, 1, `only the new version's cache is left: ${versions}`);
      assert.equal((await page.evaluate(cachedPaths)).filter((path) => whole.test(path)).length, 2, 'the new version keeps the whole app');
      assert.deepEqual(s.errors, [], 'no errors logged');
    }));

  test('the single-file copy works from file://, saves as it goes, and makes no network requests', async () => {
    const { url } = await singleFileCopy('usb-stick');
    const s = await plainSession(chromium.browser);
    try {
      const { page } = s;
      // Block (and so record) anything that would leave the machine.
      await s.context.route(/^(https?|wss?|ftp):/, (route) => route.abort('blockedbyclient'));
      const app = new App(page);
      const AREA = 'Northshire on a USB stick';

      await page.goto(url);
      await app.waitForHeading(pack.start.heading);
      assert.equal(await page.getByRole('link', { name: ui.offline_link }).count(), 0, 'the copy does not offer itself');
      await app.next(ui.start_button, ui.about_heading);
      await page.getByLabel(ui.about_area, { exact: true }).fill(AREA);
      await app.next(ui.save_and_continue, ui.tasks_heading);
      await app.openTheme(0);
      // One answer per theme, with "Save and continue" from theme to theme:
      // 25, 50, 75, 100, 0, 50 and 50, a mean of exactly 50.
      const levels = [2, 3, 4, 5, 1, 3, 3];
      assert.equal(levels.length, pack.themes.length, 'a level for every theme');
      for (const [index, theme] of pack.themes.entries()) {
        await app.waitForHeading(theme.title);
        await app.radio(theme.questions[0], levels[index]).check();
        await app.button(ui.save_and_continue).click();
      }
      await app.waitForHeading(ui.check_heading);
      await app.next(ui.continue_button, ui.story_heading);
      const summaryTitle = fill(report.title_for_area, { area: AREA });
      await app.next(ui.see_summary, summaryTitle);
      const overall = fill(report.overall_score, { score: 50 });
      await page.getByText(overall, { exact: true }).waitFor();

      await page.getByText(locale().bands.well_on_the_way, { exact: true }).waitFor();
      await waitUntil(() => savedAnswer(page, pack.themes.at(-1).questions[0].id), { message: 'the answers were saved' });
      await page.reload();
      await app.waitForHeading(summaryTitle);
      await page.getByText(overall, { exact: true }).waitFor();
      await app.next(ui.back, ui.tasks_heading);
      await page.getByText(fill(ui.tasks_progress, { answered: pack.themes.length, total: TOTAL }), { exact: true }).waitFor();

      const network = s.requests.filter((u) => !/^(file|data|blob):/.test(u));
      assert.deepEqual(network, [], 'no network requests');
      assert.ok(s.requests.every((u) => !u.startsWith('file:') || u === url), `only the file itself was read: ${s.requests}`);
      assert.deepEqual(s.dialogs, [], 'no dialog opened');
      assert.deepEqual(s.errors, [], 'no errors logged');
    } finally {
      await s.context.close();
    }
  });

  test('a change to index.html alone reaches an installed user: the worker is versioned by contents', () =>
    withInstalledCopy('page-only', async ({ s, page, app, copy }) => {
      const { root } = copy;
      // Only the page changes (a mark in its head: the app names each
      // screen in the title, so the title cannot show the edit); the build
      // writes the worker again.
      const index = join(root, 'index.html');
      const original = readFileSync(index, 'utf8');
      writeFileSync(index, original.replace('</head>', '<meta name="rts-edited" content="yes" />\n  </head>'));
      assert.notEqual(readFileSync(index, 'utf8'), original, 'the page was edited');
      const notice = await newVersionWaiting(page, root, {
        change: (before) => serviceWorker(root, JSON.parse(before.match(/"files":(\[[^\]]*\])/)[1])),
      });
      const reloaded = page.waitForEvent('load');
      await notice.getByRole('button', { name: ui.update_now, exact: true }).click();
      await reloaded;
      await app.waitForHeading(pack.start.heading);
      assert.equal(await page.locator('meta[name="rts-edited"]').count(), 1, 'the edited page is served');
      assert.deepEqual(s.errors, [], 'no errors logged');
    }));

  test('"Save this tool for offline use": nobody downloads the copy unasked; asked for with the server gone, the worker makes it, and it works from file://', () =>
    withInstalledCopy('save-offline', async ({ s, page, app, copy }) => {
      // Everything the worker keeps has arrived: the single file was never
      // asked for, by the page or the worker.
      assert.ok(copy.requests.includes('/sw.js'), `the worker was fetched: ${copy.requests}`);
      assert.ok(!copy.requests.some((path) => path.includes('offline')), `no request for the single file: ${copy.requests}`);
      assert.equal(copy.requests.filter((path) => path === '/index.html').length, 0, 'the worker kept the page at ./ for ./index.html too');
      // The copy carries the whole app, which the worker keeps once someone
      // opens the partnership view (the test after this one: with it never
      // opened, the page says the network is needed).
      await app.next(ui.partnership_button, partnership.title);
      await page.getByLabel(ui.partnership_files_label, { exact: true }).waitFor();
      await app.next(ui.back, pack.start.heading);
      await copy.stop();
      await page.reload();
      await app.waitForHeading(pack.start.heading);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: ui.offline_link }).click(),
      ]);
      assert.equal(download.suggestedFilename(), 'ready-to-share-offline.html');
      assert.equal(await download.failure(), null, 'the download completed');
      const saved = readFileSync(await download.path(), 'utf8');
      assert.equal(saved, readFileSync(join(DIST, 'ready-to-share-offline.html'), 'utf8'), 'it is the single file the build makes, byte for byte');

      // The file made in the browser, opened from a USB stick: the tool works.
      const stick = await scratch.dir('save-offline-stick');
      const file = join(stick, 'ready-to-share-offline.html');
      writeFileSync(file, saved);
      await s.context.route(/^(https?|wss?|ftp):/, (route) => route.abort('blockedbyclient'));
      const local = await s.context.newPage();
      const localApp = new App(local);
      await local.goto(pathToFileURL(file).href);
      await localApp.waitForHeading(pack.start.heading);
      await localApp.toTheme(0);
      const question = pack.themes[0].questions[0];
      await localApp.radio(question, 4).check();
      await waitUntil(() => savedAnswer(local, question.id), { message: 'the answer was saved' });
      assert.deepEqual(s.dialogs, [], 'no dialog opened');
      assert.deepEqual(s.errors, [], 'no errors logged');
    }));

  test('figures: the bytes a whole first visit costs, as sent, service worker included, within 1.1x the first screen', async () => {
    // The README's caching headers and "not modified" answers, as its
    // server examples send them, and the .br copies (Chromium asks for brotli).
    const requests = [];
    const server = await startServer({ root: DIST, caching: true, requests });
    const s = await plainSession(chromium.browser);
    try {
      const { page } = s;
      await page.goto(server.url);
      await new App(page).waitForHeading(pack.start.heading);
      await waitUntilControlled(page);
      const sent = server.bytesSent();
      const firstScreen = measure(DIST);
      const before = firstScreen.reduce((sum, row) => sum + row.brotli, 0);
      const whole = before + measureWorker(DIST, firstScreen).reduce((sum, row) => sum + row.brotli, 0);
      console.log(
        `first visit as sent (brotli, bodies only): ${sent} bytes in ${requests.length} requests (${requests.join(', ')}); ` +
          `${(sent / before).toFixed(3)}x the first screen's ${before}; scripts/first-screen-bytes.mjs counts ${whole}`,
      );
      assert.ok(!requests.some((path) => path.includes('offline')), 'the single file is never fetched');
      assert.ok(!requests.includes('/embed.js'), `nor embed.js, which runs only on host pages: ${requests}`);
      assert.ok(sent <= whole, `no more than scripts/first-screen-bytes.mjs counts (${sent} > ${whole})`);
      assert.ok(sent <= before * 1.1, `within 1.1x the first screen (${sent} > ${Math.floor(before * 1.1)})`);
      assert.deepEqual(s.errors, [], 'no errors logged');
    } finally {
      await s.context.close();
      await server.close();
    }
  });

  test('"Save this tool for offline use" with the worker there but a part of the copy not kept, and no network, says it needs the network', () =>
    withInstalledCopy('part-missing', async ({ page, copy }) => {
      // The browser dropped the kept wasm (storage pressure, say).
      const dropped = await page.evaluate(async () => {
        let count = 0;
        for (const name of await caches.keys()) {
          const cache = await caches.open(name);
          for (const request of await cache.keys()) {
            if (request.url.endsWith('.wasm') && (await cache.delete(request))) count += 1;
          }
        }
        return count;
      });
      assert.equal(dropped, 1, 'the kept wasm was dropped');
      await copy.stop();
      await page.getByRole('link', { name: ui.offline_link }).click();
      await page.getByRole('alert').filter({ hasText: loader.offline_copy_failed }).waitFor();
    }));

  test('"Save this tool for offline use" with the partnership view never opened here, and no network, says it needs the network', () =>
    withInstalledCopy('whole-never-used', async ({ page, copy }) => {
      // The copy carries the whole app, which is kept only once used.
      await copy.stop();
      await page.getByRole('link', { name: ui.offline_link }).click();
      await page.getByRole('alert').filter({ hasText: loader.offline_copy_failed }).waitFor();
    }));

  test('"Save this tool for offline use" with no copy kept and no network says it needs the network', async () => {
    let { server } = await servedCopy('no-worker');
    // A browser that refuses service workers keeps no copy.
    const context = await chromium.browser.newContext({ serviceWorkers: 'block' });
    try {
      context.setDefaultTimeout(10_000);
      const page = await context.newPage();
      const app = new App(page);
      await page.goto(server.url);
      await app.waitForHeading(pack.start.heading);
      await server.close();
      server = null;
      await page.getByRole('link', { name: ui.offline_link }).click();
      await page.getByRole('alert').filter({ hasText: loader.offline_copy_failed }).waitFor();
    } finally {
      await context.close();
      await server?.close();
    }
  });

  test('the single-file copy has a Content Security Policy, warns on file:// that other files can read it, and can keep answers only in memory', async () => {
    const { dir: stick, file } = await singleFileCopy('shared-drive');
    // Any other local file opened in the same browser.
    const other = join(stick, 'someone-elses-file.html');
    writeFileSync(other, '<!DOCTYPE html><title>Another file</title><p>Another file</p>');
    const s = await plainSession(chromium.browser);
    try {
      const { page } = s;
      await s.context.route(/^(https?|wss?|ftp):/, (route) => route.abort('blockedbyclient'));
      const csp = readFileSync(file, 'utf8').match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1];
      assert.ok(csp, 'the file has a Content Security Policy');
      assert.match(csp, /default-src 'none'/);
      assert.match(csp, /script-src 'sha256-[^']+' 'wasm-unsafe-eval'/);
      assert.match(csp, /connect-src 'none'/);

      const app = new App(page);
      await page.goto(pathToFileURL(file).href);
      await app.waitForHeading(pack.start.heading);
      const notice = page.getByRole('status').filter({ hasText: loader.file_warning });
      await notice.waitFor();
      await app.next(ui.start_button, ui.about_heading);
      await page.getByLabel(ui.about_area, { exact: true }).fill('Sharedshire');
      // What the warning is about: another file reads the saved answers.
      const otherPage = await s.context.newPage();
      await otherPage.goto(pathToFileURL(other).href);
      const readByOther = () => otherPage.evaluate(() => localStorage.getItem('ready-to-share:progress:v1') ?? '');
      await waitUntil(async () => (await readByOther()).includes('Sharedshire'), { message: 'the other file can read the answers' });

      await notice.getByRole('button', { name: loader.file_keep_in_memory, exact: true }).click();
      await page.getByText(loader.file_in_memory, { exact: true }).waitFor();
      // Another page sees storage changes a moment later, not at once.
      await waitUntil(async () => (await readByOther()) === '', { message: 'the saved copy is gone from the browser' });
      await page.getByLabel(ui.about_area, { exact: true }).fill('Sharedshire, still typing');
      await app.next(ui.save_and_continue, ui.tasks_heading);
      await waitUntil(
        () => page.evaluate(() => (localStorage.getItem('ready-to-share:step:v1') ?? '') === 'tasks'),
        { message: 'the app saved the new step (to memory)' },
      );
      // A write to the browser's storage would reach the other page as a
      // storage event; it never comes.
      assert.equal(await readByOther(), '', 'later answers are not saved in the browser either');

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: loader.file_download, exact: true }).click(),
      ]);
      const saved = JSON.parse(readFileSync(await download.path(), 'utf8'));
      assert.equal(saved.context.area, 'Sharedshire, still typing', 'the download holds the answers kept in memory');
      assert.deepEqual(s.errors, [], 'no errors logged (no Content Security Policy violations)');
    } finally {
      await s.context.close();
    }
  });

  test('figures: the size of embed.js and the single file, and the time from embed.js to first render', async () => {
    const sizes = {};
    for (const name of ['embed.js', 'ready-to-share-offline.html']) {
      const bytes = readFileSync(join(DIST, name));
      sizes[name] = { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
      console.log(`size: ${name} ${bytes.length} bytes raw, ${sizes[name].gzip} bytes gzip (level 9)`);
    }
    assert.match(readFileSync(join(DIST, 'embed.js'), 'utf8'), /customElements\.define\('ready-to-share'/, 'embed.js defines the element');
    assert.ok(readFileSync(join(DIST, 'ready-to-share-offline.html'), 'utf8').startsWith('<!DOCTYPE html>'), 'the single file is a page');
    // What embed.js then loads: the wasm-bindgen glue, the wasm and the CSS.
    const loaded = readdirSync(DIST).filter((f) => /^ready-to-share-[0-9a-f]+(\.js|_bg\.wasm|\.css)$/.test(f));
    const total = ['embed.js', ...loaded].reduce(
      (sum, name) => {
        const bytes = readFileSync(join(DIST, name));
        return { raw: sum.raw + bytes.length, gzip: sum.gzip + gzipSync(bytes, { level: 9 }).length };
      },
      { raw: 0, gzip: 0 },
    );
    console.log(`size: embed.js with what it loads (${loaded.join(', ')}) ${total.raw} bytes raw, ${total.gzip} bytes gzip`);

    // A host page on one origin, the site (with CORS) on another; a cold
    // browser context each run. The clock starts as the parser reaches the
    // script tag and stops when the widget's heading is in its shadow root.
    const dist = await startServer({ root: DIST, cors: true });
    const distOrigin = `http://localhost:${dist.port}`;
    const host = await startServer({
      pages: {
        '/timing.html': `<!DOCTYPE html>
<html lang="en-GB">
  <head><meta charset="utf-8" /><title>Timing</title></head>
  <body>
    <h1>Timing</h1>
    <ready-to-share storage-key="timing"></ready-to-share>
    <script>
      window.embedStart = performance.now();
      customElements.whenDefined('ready-to-share').then(() => {
        const root = document.querySelector('ready-to-share').shadowRoot;
        const seen = () => {
          if (root.querySelector('.rts-page-heading')) {
            window.firstRender = performance.now();
            return true;
          }
          return false;
        };
        if (!seen()) {
          const observer = new MutationObserver(() => seen() && observer.disconnect());
          observer.observe(root, { childList: true, subtree: true });
        }
      });
    </script>
    <script type="module" src="${distOrigin}/embed.js"></script>
  </body>
</html>
`,
      },
    });
    try {
      const times = [];
      for (let run = 0; run < 5; run += 1) {
        const s = await openPage(chromium.browser, host.origin, { allow: [distOrigin] });
        try {
          await s.page.goto(`${host.url}timing.html`);
          const ms = await waitUntil(
            () => s.page.evaluate(() => window.firstRender !== undefined && window.firstRender - window.embedStart),
            { timeout: 10_000, message: 'the widget rendered' },
          );
          times.push(ms);
          assert.deepEqual(s.errors, [], 'no errors logged');
        } finally {
          await s.context.close();
        }
      }
      const sorted = [...times].sort((a, b) => a - b);
      console.log(
        `time from the embed.js script tag to the widget's first render (cold context, loopback, gzip): ` +
          `median ${sorted[2].toFixed(0)} ms over 5 runs (${times.map((t) => t.toFixed(0)).join(', ')} ms)`,
      );
    } finally {
      await dist.close();
      await host.close();
    }
  });
});
