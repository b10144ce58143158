// Ready to Share in Welsh (Cymraeg), as a Welsh-speaking user would meet it.
//
// The page objects take their roles, labels and text from the Welsh tables
// here (useTestLanguage), so the whole journey below is the same journey
// the English tests walk, in Welsh: opened by its address, answered by
// keyboard and mouse as the page objects do, downloads included, with axe.
// Then: the switch on every screen keeps the answers, the screen and the
// focus; the choice survives a reload and reaches a second tab; a file made
// in Welsh opens in English; the embed takes lang="cy"; a language once
// chosen works offline; and no English string is left on a Welsh screen.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { contentPack, describeViolations, runAxe, useTestLanguage } from './helpers.mjs';
import { fill, locale, waitUntil } from './support.mjs';
import { downloadFile, useSite } from './fixtures.mjs';
import { EARLIER_ASSESSMENT, completeAssessment } from './journey.mjs';
import { CONTEXT, NOTES, plannedAnswers } from './expected.mjs';
import { AboutPage } from './pages/about.mjs';
import { StartScreen } from './pages/start-screen.mjs';
import { TasksPage } from './pages/tasks.mjs';
import { ThemePage } from './pages/theme.mjs';

useTestLanguage('cy');
const cy = locale('cy');
const en = locale('en');
const enPack = JSON.parse(readFileSync(new URL('../../content/pack.en.json', import.meta.url), 'utf8'));

/** The text the widget shows, less the language switch and anything marked as English. */
function welshText(page) {
  return page.locator('.rts-app').first().evaluate((app) => {
    const copy = app.cloneNode(true);
    for (const el of copy.querySelectorAll('[lang="en"], .rts-language, [hidden], template')) el.remove();
    return copy.textContent.replace(/\s+/g, ' ');
  });
}

/** English strings of the tables that a Welsh screen must not show. */
function englishOnly() {
  const strings = [];
  const walk = (e, w) => {
    if (typeof e === 'string') {
      if (e !== w && e.length >= 16 && !/[{}]/.test(e)) strings.push(e);
    } else if (e && typeof e === 'object') {
      for (const key of Object.keys(e)) walk(e[key], w?.[key]);
    }
  };
  walk(en, cy);
  for (const theme of enPack.themes) {
    for (const q of theme.questions) strings.push(q.text, q.hint);
  }
  return strings;
}

async function expectNoEnglish(page, where) {
  const text = await welshText(page);
  const found = englishOnly().filter((s) => text.includes(s));
  assert.deepEqual(found, [], `English left on ${where}`);
}

async function expectAxeClean(page, where) {
  const { violations } = await runAxe(page);
  assert.deepEqual(violations, [], `${where}: ${describeViolations(violations)}`);
}

/** The requests among `requests` whose path matches `pattern`. */
const fetchedPaths = (requests, pattern) => requests.filter((url) => pattern.test(new URL(url).pathname));

/** The language switch's link to a language, by its name in that language. */
const switchTo = (page, name) =>
  page
    .getByRole('navigation', { name: new RegExp(`^(${cy.language_nav.label}|${en.language_nav.label})$`) })
    .getByRole('link', { name: new RegExp(`^${name}`) });

/** Presses the switch's link by keyboard, as a keyboard user would. */
async function switchByKeyboard(page, name) {
  const link = switchTo(page, name);
  await link.focus();
  await page.keyboard.press('Enter');
}

/** The focused element's text, looking into the shadow root. */
function focusedText(page) {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return el?.textContent ?? '';
  });
}

/**
 * Waits until the service worker keeps the Welsh files the page fetched
 * (before it was in, too), and the English module index.html runs them on
 * (kept once used, as every first module is).
 */
async function waitForWelshKept(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await waitUntil(
    () =>
      page.evaluate(async () => {
        const names = await caches.keys();
        for (const name of names) {
          const keys = await (await caches.open(name)).keys();
          const kept = (pattern) => keys.some((r) => pattern.test(new URL(r.url).pathname));
          if (kept(/\/pack\.cy-/) && kept(/\/locale\.cy-/) && kept(/\/ready-to-share-[0-9a-f]+_bg\.wasm$/)) return true;
        }
        return false;
      }),
    { timeout: 10_000, message: 'the Welsh files and the module kept' },
  );
}

describe('Ready to Share in Welsh', () => {
  const pages = {};
  const site = useSite({ folder: 'welsh', pages });

  for (const [how, address] of [
    ['from its address (?lang=cy: Welsh laid over the English module)', '?lang=cy'],
    ['from cy.html (the module with Welsh built in)', 'cy.html'],
  ]) {
    test(`the whole journey in Welsh ${how}, every download in Welsh, with axe and no English left`, () =>
      site.withSession(async ({ page }) => {
        const summary = await completeAssessment(page, `${site.url}${address}`);
        assert.equal(await page.evaluate(() => document.documentElement.lang), 'cy');
        assert.match(await page.title(), new RegExp(`${fill(cy.report.title_for_area, { area: CONTEXT.area })}`));
        await expectAxeClean(page, 'the Welsh summary');
        await expectNoEnglish(page, 'the summary');
        // As printed: the plan as a table of text, drawn only for print.
        await page.emulateMedia({ media: 'print' });
        await page.locator('.rts-plan-print table').first().waitFor({ state: 'attached' });
        await expectNoEnglish(page, 'the summary as printed');
        await page.emulateMedia({ media: 'screen' });
        const switcher = page.getByRole('navigation', { name: cy.language_nav.label });
        assert.equal(await switcher.locator('[aria-current="true"]').textContent(), 'Cymraeg');
        assert.equal(await switcher.getByRole('link').getAttribute('hreflang'), 'en');

        const html = await downloadFile(page, () => summary.downloadButton(cy.ui.download_html).click(), { folder: site.folder });
        assert.match(html.text, /<html lang="cy"/);
        // The report's text, with the HTML escapes its apostrophes take undone.
        html.text = html.text.replaceAll('&#39;', "'").replaceAll('&quot;', '"').replaceAll('&amp;', '&');
        assert.ok(html.text.includes(cy.report.draft_notice), 'the HTML report says its Welsh is a draft');
        assert.ok(html.text.includes(cy.report.actions_heading));
        assert.ok(html.text.includes('(Saesneg)'), 'links to English-only pages are marked');
        assert.ok(!html.text.includes(en.report.actions_heading));

        const csv = await downloadFile(page, () => summary.downloadButton(cy.ui.download_csv).click());
        const firstLine = csv.text.replace(/^\uFEFF/, '').split('\r\n')[0];
        assert.ok(firstLine.startsWith(`"${cy.report.csv_headers[0]}"`), firstLine);

        const json = await downloadFile(page, () => summary.downloadButton(cy.ui.download_json).click(), {
          folder: site.folder,
          prefix: 'welsh-',
        });
        const file = JSON.parse(json.text);
        assert.equal(file.language, 'cy');
        assert.equal(file.content_pack.id, contentPack().id);
        assert.deepEqual(Object.keys(file.answers).sort(), [...plannedAnswers({ change: true }).keys()].sort());
        site.welshFile = json.path;
      }));
  }

  test('cy.html shows the start screen in Welsh before the app arrives, and "Start now" pressed then is kept', () =>
    site.withSession(async ({ page, errors }) => {
      // The wasm is held back until the test lets it through, so "before
      // the app" is a fact of the test, not a race.
      let release;
      const released = new Promise((resolve) => {
        release = resolve;
      });
      await page.route('**/*_bg.wasm', async (route) => {
        await released;
        await route.continue();
      });
      await page.goto(`${site.url}cy.html`);
      const start = new StartScreen(page);
      await start.waitFor();
      assert.equal(await page.locator('.rts-app[data-rts-save-state]').count(), 0, 'the app is not in: this is the page\'s copy');
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'cy');
      assert.equal(await page.title(), fill(cy.ui.page_title, { page: contentPack().start.heading, product: cy.common.product_name }));
      assert.equal(await page.getByText(cy.loader.loading, { exact: true }).isVisible(), false, 'no loading words');
      await expectAxeClean(page, 'the Welsh start screen written into cy.html');
      await expectNoEnglish(page, 'the start screen written into cy.html');

      await start.startNowButton.focus();
      await page.keyboard.press('Enter');
      release();
      await new AboutPage(page).waitFor();
      assert.equal(await page.locator('.rts-app[data-rts-save-state]').getAttribute('lang'), 'cy');
      assert.deepEqual(errors, []);
    }));

  test('cy.html, once visited, opens in Welsh with no network', () =>
    site.withSession(async ({ page, context }) => {
      await page.goto(`${site.url}cy.html`);
      await page.locator('.rts-app[data-rts-save-state][lang="cy"]').waitFor();
      await page.evaluate(() => navigator.serviceWorker.ready);
      // The worker is asked to keep the page and the module its first visit
      // fetched.
      await waitUntil(
        () =>
          page.evaluate(async () => {
            for (const name of await caches.keys()) {
              const keys = await (await caches.open(name)).keys();
              const paths = keys.map((r) => new URL(r.url).pathname);
              if (paths.some((p) => p.endsWith('/cy.html')) && paths.some((p) => /\/ready-to-share-cy-[0-9a-f]+_bg\.wasm$/.test(p))) {
                return true;
              }
            }
            return false;
          }),
        { timeout: 10_000, message: 'cy.html and its module, Welsh built in, kept by the worker' },
      );
      await context.setOffline(true);
      try {
        await page.reload();
        await page.locator('.rts-app[data-rts-save-state][lang="cy"]').waitFor();
        await new StartScreen(page).waitFor();
        assert.equal(await page.evaluate(() => document.documentElement.lang), 'cy');
      } finally {
        await context.setOffline(false);
      }
    }));

  test('a file made in Welsh opens in English with every answer', () =>
    site.withSession(async ({ page }) => {
      assert.ok(site.welshFile, 'the journey above saved a Welsh file');
      await page.goto(`${site.url}?lang=en`);
      const open = page.getByLabel(en.ui.open_label, { exact: true });
      await open.setInputFiles(site.welshFile);
      const total = contentPack().themes.reduce((n, t) => n + t.questions.length, 0);
      const answered = plannedAnswers({ change: true }).size;
      await page.getByText(fill(en.ui.tasks_progress, { answered, total }), { exact: true }).waitFor();
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'en-GB');
    }));

  test('in the English partnership report, the notes of a partner\'s file made in Welsh are marked lang="cy"', () =>
    site.withSession(async ({ page }) => {
      assert.ok(site.welshFile, 'the journey above saved a Welsh file');
      await page.goto(`${site.url}?lang=en`);
      await page.getByRole('button', { name: en.ui.partnership_button, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: en.partnership.title, exact: true }).waitFor();
      const council = fileURLToPath(new URL('./fixtures/partnership/council.json', import.meta.url));
      await page.getByLabel(en.ui.partnership_files_label, { exact: true }).setInputFiles([site.welshFile, council]);
      await page.getByRole('table', { name: en.partnership.scores_caption }).waitFor();
      const report = await downloadFile(page, () =>
        page.getByRole('button', { name: en.ui.partnership_download_html, exact: true }).click(),
      );
      assert.match(report.text, /<html lang="en-GB"/);
      const note = NOTES['governance-dpia'];
      assert.ok(report.text.includes(`<p lang="cy">${note}</p>`), 'the Welsh file\'s note is marked as Welsh');
      assert.ok(!report.text.includes(`<p>${note}</p>`), 'and nowhere unmarked');
    }));

  test('a file made with earlier questions, opened in Welsh: no English on any screen but what is marked English', () =>
    site.withSession(async ({ page }) => {
      await page.goto(`${site.url}?lang=cy`);
      await new StartScreen(page).waitFor();
      // The NHS Trust's file was made with an earlier version of the questions.
      const older = fileURLToPath(new URL('./fixtures/partnership/nhs.json', import.meta.url));
      await page.getByLabel(cy.ui.open_label, { exact: true }).setInputFiles(older);
      const tasks = await new TasksPage(page).waitFor();
      await page.getByRole('heading', { name: cy.ui.opened_warnings_title, exact: true }).waitFor();
      await expectNoEnglish(page, 'the task list, with what to check in the file');
      await expectAxeClean(page, 'the task list with the file\'s warnings in Welsh');
      // What was answered before a question's levels changed meaning is
      // shown on its page, its earlier (English) wording marked as English.
      let earlierAnswers = 0;
      for (const theme of contentPack().themes) {
        await tasks.open(theme.title);
        const themePage = await new ThemePage(page, theme.id).waitFor();
        await expectNoEnglish(page, `the theme page "${theme.title}"`);
        const earlier = page.locator('.rts-question__earlier');
        earlierAnswers += await earlier.count();
        assert.equal(
          await earlier.filter({ has: page.locator('span[lang="en"]') }).count(),
          await earlier.count(),
          `each earlier answer on "${theme.title}" marks its English wording`,
        );
        await themePage.returnToTasks();
        await tasks.waitFor();
      }
      assert.ok(earlierAnswers > 0, 'the file has answers kept aside, shown on their questions');
      await page.getByRole('button', { name: cy.ui.see_summary, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: new RegExp(cy.report.title_for_area.split('{')[0]) }).waitFor();
      await expectNoEnglish(page, 'the summary of the older file');
      await expectAxeClean(page, 'the summary of the older file in Welsh');

      // Compared with an earlier assessment, made in English with version 1.
      await page.getByLabel(cy.ui.compare_label, { exact: true }).setInputFiles(EARLIER_ASSESSMENT);
      await page.getByRole('heading', { level: 2, name: cy.compare.heading, exact: true }).waitFor();
      await expectNoEnglish(page, 'the comparison with an English file of version 1');
      await expectAxeClean(page, 'the comparison in Welsh');
    }));

  test('switching by keyboard on each screen keeps what was typed, the screen and the focus', () =>
    site.withSession(async ({ page }) => {
      await page.goto(`${site.url}?lang=en`);
      await page.getByRole('button', { name: en.ui.start_button, exact: true }).click();
      await page.getByRole('heading', { name: en.ui.about_heading, exact: true }).waitFor();
      const area = page.getByRole('textbox', { name: en.ui.about_area });
      await area.focus();
      await page.keyboard.type('Ynys Môn');

      await switchByKeyboard(page, 'Cymraeg');
      await page.getByRole('heading', { name: cy.ui.about_heading, exact: true }).waitFor();
      assert.equal(await page.getByRole('textbox', { name: cy.ui.about_area }).inputValue(), 'Ynys Môn');
      assert.match(await focusedText(page), /^English/, 'focus stays in the switch, on the way back');
      await expectNoEnglish(page, 'About your area');
      await expectAxeClean(page, 'About your area in Welsh');

      const about = new AboutPage(page);
      await about.saveAndContinue();
      const tasks = await new TasksPage(page).waitFor();
      const theme = contentPack().themes[0];
      await tasks.open(theme.title);
      const themePage = await new ThemePage(page, theme.id).waitFor();
      const first = theme.questions[0].id;
      await themePage.radio(first, 3).focus();
      await page.keyboard.press('Space');
      await expectNoEnglish(page, 'a theme page');
      await expectAxeClean(page, 'a theme page in Welsh');

      await switchByKeyboard(page, 'English');
      const enTheme = enPack.themes[0];
      await page.getByRole('heading', { name: enTheme.title, exact: true }).waitFor();
      const englishRadio = page
        .getByRole('group', { name: enTheme.questions[0].text })
        .getByRole('radio', { name: `3 ${enPack.scale[2]}`, exact: true });
      assert.ok(await englishRadio.isChecked(), 'the answer is kept in English');
      assert.match(await focusedText(page), /^Cymraeg/);

      await switchByKeyboard(page, 'Cymraeg');
      await themePage.waitFor();
      assert.equal(await themePage.chosen(first), 3, 'and in Welsh again');
      assert.match(page.url(), /[?&]lang=cy/, 'the address says the language');
    }));

  test('chosen on the start page, Welsh carries on into the partnership view when it is fetched, with focus on its heading', () =>
    site.withSession(async ({ page }) => {
      await page.goto(`${site.url}?lang=en`);
      await page.getByRole('button', { name: en.ui.partnership_button, exact: true }).waitFor();
      await switchByKeyboard(page, 'Cymraeg');
      const open = page.getByRole('button', { name: cy.ui.partnership_button, exact: true });
      await open.focus();
      await page.keyboard.press('Enter');
      await page.getByLabel(cy.ui.partnership_files_label, { exact: true }).waitFor();
      await waitUntil(async () => (await focusedText(page)) === cy.partnership.title, { message: 'focus on the Welsh heading' });
      assert.equal(await page.locator('.rts-app').getAttribute('lang'), 'cy');
      await expectNoEnglish(page, 'the partnership view, fetched in Welsh');
      await expectAxeClean(page, 'the partnership view, fetched in Welsh');
    }));

  test('from cy.html, the partnership view (the whole app, English built in) opens in Welsh with the Welsh files fetched then, and English by keyboard there needs nothing', () =>
    site.withSession(async ({ page, pageRequests }) => {
      await page.goto(`${site.url}cy.html`);
      const open = page.getByRole('button', { name: cy.ui.partnership_button, exact: true });
      await page.locator('.rts-app[data-rts-save-state][lang="cy"]').waitFor();
      const fetched = (pattern) => fetchedPaths(pageRequests, pattern);
      assert.deepEqual(fetched(/\/(locale|pack)\.cy-[0-9a-f]+\.json$/), [], 'Welsh built in: no files yet');
      await open.focus();
      await page.keyboard.press('Enter');
      await page.getByLabel(cy.ui.partnership_files_label, { exact: true }).waitFor();
      await waitUntil(async () => (await focusedText(page)) === cy.partnership.title, { message: 'focus on the Welsh heading' });
      assert.equal(await page.locator('.rts-app').getAttribute('lang'), 'cy');
      assert.equal(fetched(/\/(locale|pack)\.cy-[0-9a-f]+\.json$/).length, 2, 'the Welsh words and questions, for the whole app');
      assert.equal(fetched(/\/ready-to-share-whole-[0-9a-f]+_bg\.wasm$/).length, 1);
      await expectNoEnglish(page, 'the partnership view from cy.html');
      await expectAxeClean(page, 'the partnership view from cy.html');
      await switchByKeyboard(page, 'English');
      await page.getByRole('heading', { level: 1, name: en.partnership.title, exact: true }).waitFor();
      assert.deepEqual(fetched(/\/(locale|pack)\.en-[0-9a-f]+\.json$/), [], "English is the whole app's own");
    }));

  test('switching by keyboard on the partnership view keeps the files, an agreement being typed and the focus', () =>
    site.withSession(async ({ page }) => {
      await page.goto(`${site.url}?lang=en`);
      await page.getByRole('button', { name: en.ui.partnership_button, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: en.partnership.title, exact: true }).waitFor();
      const fixture = (name) => fileURLToPath(new URL(`./fixtures/partnership/${name}`, import.meta.url));
      await page.getByLabel(en.ui.partnership_files_label, { exact: true }).setInputFiles([fixture('council.json'), fixture('nhs.json')]);
      await page.getByRole('table', { name: en.partnership.scores_caption }).waitFor();
      // A question the two partners disagree on (Council 1, NHS Trust 5).
      const question = (pack) => pack.themes.flatMap((t) => t.questions).find((q) => q.id === 'people-tell-once');
      const note = (words, pack) =>
        page.getByRole('textbox', { name: fill(words.consensus.note_label_for, { question: question(pack).text }), exact: true });
      await note(en, enPack).focus();
      await page.keyboard.type('Agreed in the room');

      await switchByKeyboard(page, 'Cymraeg');
      await page.getByRole('heading', { level: 1, name: cy.partnership.title, exact: true }).waitFor();
      assert.equal(await page.getByRole('table', { name: cy.partnership.scores_caption }).locator('tbody tr').count(), 2, 'both files kept');
      assert.equal(await note(cy, contentPack()).inputValue(), 'Agreed in the room', 'the agreement kept');
      assert.match(await focusedText(page), /^English/, 'focus stays in the switch');
      await expectNoEnglish(page, 'the partnership view');
      await expectAxeClean(page, 'the partnership view in Welsh');
      // Its report too: English only where it is marked so.
      const report = await downloadFile(page, () =>
        page.getByRole('button', { name: cy.ui.partnership_download_html, exact: true }).click(),
      );
      const unmarked = report.text
        .replace(/<(span|p) lang="en">[\s\S]*?<\/\1>/g, '')
        .replaceAll('&#39;', "'")
        .replaceAll('&quot;', '"')
        .replaceAll('&amp;', '&');
      assert.deepEqual(englishOnly().filter((text) => unmarked.includes(text)), [], 'English left in the Welsh partnership report');
      assert.match(report.text, /<span lang="en">/, 'the earlier wordings in it are marked');

      await switchByKeyboard(page, 'English');
      await page.getByRole('heading', { level: 1, name: en.partnership.title, exact: true }).waitFor();
      assert.equal(await note(en, enPack).inputValue(), 'Agreed in the room');
    }));

  test('switching on the summary puts its actions in the language chosen, and back', () =>
    site.withSession(async ({ page }) => {
      await completeAssessment(page, `${site.url}?lang=cy`);
      // Every action the packs can recommend, in each language.
      const actions = (pack) =>
        pack.themes.flatMap((t) => t.questions.flatMap((q) => [q.act_if_1_or_2, q.act_if_3, q.act_if_4]));
      const [welsh, english] = [actions(contentPack()), actions(enPack)];
      const shown = async (list) => {
        const text = await page.locator('.rts-app').first().innerText();
        return list.filter((action) => text.includes(action));
      };
      const welshShown = await shown(welsh);
      assert.ok(welshShown.length >= 5, `the Welsh summary shows its actions (${welshShown.length})`);
      assert.deepEqual(await shown(english), [], 'no English action on the Welsh summary');

      await switchByKeyboard(page, 'English');
      await page.getByRole('heading', { level: 1, name: fill(en.report.title_for_area, { area: CONTEXT.area }), exact: true }).waitFor();
      await waitUntil(async () => (await shown(welsh)).length === 0, { message: 'no Welsh action left after switching to English' });
      assert.ok((await shown(english)).length >= welshShown.length, 'the same actions, in English');

      await switchByKeyboard(page, 'Cymraeg');
      await waitUntil(async () => (await shown(english)).length === 0, { message: 'no English action left after switching back' });
      assert.deepEqual(await shown(welsh), welshShown, 'the same Welsh actions as before');
    }));

  test('frame.html?lang=cy runs the module with Welsh built in, preloaded once, never the English one or the Welsh files; once visited, it opens with no network', () =>
    site.withSession(async ({ page, context, pageRequests, errors }) => {
      const address = `${site.url}frame.html?storage-key=ein-partneriaeth&lang=cy`;
      await page.goto(address);
      await page.locator('.rts-app[data-rts-save-state][lang="cy"]').waitFor();
      await page.getByRole('heading', { level: 1, name: contentPack().start.heading, exact: true }).waitFor();
      const fetched = (pattern) => fetchedPaths(pageRequests, pattern);
      assert.equal(fetched(/\/ready-to-share-cy-[0-9a-f]+_bg\.wasm$/).length, 1, 'the Welsh module\'s wasm, once: the preload is the one used');
      assert.equal(fetched(/\/ready-to-share-cy-[0-9a-f]+\.js$/).length, 1, 'and its glue, once');
      assert.deepEqual(fetched(/\/ready-to-share-[0-9a-f]+(_bg\.wasm|\.js)$/), [], 'not the English module');
      assert.deepEqual(fetched(/\/(locale|pack)\.(cy|en)-[0-9a-f]+\.json$/), [], 'no words or questions as files');
      await expectNoEnglish(page, 'the Welsh frame\'s start page');

      // The worker keeps the Welsh module for the frame, and not the English one.
      const kept = () =>
        page.evaluate(async () => {
          const paths = [];
          for (const name of await caches.keys()) {
            for (const request of await (await caches.open(name)).keys()) paths.push(new URL(request.url).pathname);
          }
          return paths;
        });
      await page.evaluate(() => navigator.serviceWorker.ready);
      await waitUntil(async () => (await kept()).some((p) => /\/ready-to-share-cy-[0-9a-f]+_bg\.wasm$/.test(p)), {
        timeout: 10_000,
        message: 'the Welsh module kept by the worker',
      });
      assert.ok(!(await kept()).some((p) => /\/ready-to-share-[0-9a-f]+_bg\.wasm$/.test(p)), 'the English module is not downloaded for it');
      await context.setOffline(true);
      try {
        await page.reload();
        await page.locator('.rts-app[data-rts-save-state][lang="cy"]').waitFor();
        await page.getByRole('button', { name: cy.ui.start_button, exact: true }).waitFor();
      } finally {
        await context.setOffline(false);
      }
      assert.deepEqual(errors, []);
    }));

  test('cy.html runs the module with Welsh built in, never the English words; switching to English by keyboard keeps what was typed and fetches English once', () =>
    site.withSession(async ({ page, pageRequests, errors }) => {
      await page.goto(`${site.url}cy.html`);
      await page.getByRole('button', { name: cy.ui.start_button, exact: true }).click();
      await page.getByRole('heading', { name: cy.ui.about_heading, exact: true }).waitFor();
      await page.locator('.rts-app[data-rts-save-state][lang="cy"]').waitFor();
      const fetched = (pattern) => fetchedPaths(pageRequests, pattern);
      assert.equal(fetched(/\/ready-to-share-cy-[0-9a-f]+_bg\.wasm$/).length, 1, 'the Welsh module');
      assert.deepEqual(fetched(/\/ready-to-share-[0-9a-f]+(_bg\.wasm|\.js)$/), [], 'not the English one');
      assert.deepEqual(fetched(/\/(locale|pack)\.(cy|en)-[0-9a-f]+\.json$/), [], 'no words or questions as files');
      const area = page.getByRole('textbox', { name: cy.ui.about_area });
      await area.focus();
      await page.keyboard.type('Ynys Môn');

      await switchByKeyboard(page, 'English');
      await page.getByRole('heading', { name: en.ui.about_heading, exact: true }).waitFor();
      assert.equal(await page.getByRole('textbox', { name: en.ui.about_area }).inputValue(), 'Ynys Môn');
      assert.match(await focusedText(page), /^Cymraeg/, 'focus stays in the switch, on the way back');
      const englishFiles = () => fetched(/\/(locale|pack)\.en-[0-9a-f]+\.json$/);
      assert.equal(englishFiles().length, 2, 'the English words and questions, fetched when chosen');
      await expectAxeClean(page, 'About your area in English on the Welsh page');

      await switchByKeyboard(page, 'Cymraeg');
      await page.getByRole('heading', { name: cy.ui.about_heading, exact: true }).waitFor();
      assert.equal(await page.getByRole('textbox', { name: cy.ui.about_area }).inputValue(), 'Ynys Môn');
      await expectNoEnglish(page, 'About your area, Welsh chosen again');
      assert.equal(englishFiles().length, 2, 'nothing fetched again');
      assert.deepEqual(fetched(/\/(locale|pack)\.cy-[0-9a-f]+\.json$/), [], 'Welsh is built in: no Welsh files');
      assert.deepEqual(errors, []);
    }));

  test('a language whose files cannot be fetched: the tool stays in the language built in, says so in both, and keeps what was typed', () =>
    site.withSession(async ({ page }) => {
      // In the context, so the service worker's fetches fail too.
      await page.context().route(/\/locale\.(cy|en)-[0-9a-f]+\.json$/, (route) => route.abort('failed'));
      const cases = [
        { address: `${site.url}?lang=en`, from: en, to: 'Cymraeg', lang: 'en-GB', message: en.language_nav.failed },
        { address: `${site.url}cy.html`, from: cy, to: 'English', lang: 'cy', message: cy.language_nav.english_failed },
      ];
      for (const { address, from, to, lang, message } of cases) {
        await page.goto(address);
        await page.getByRole('button', { name: from.ui.start_button, exact: true }).click();
        const area = page.getByRole('textbox', { name: from.ui.about_area });
        await area.focus();
        await page.keyboard.type('Ynys Môn');
        await switchByKeyboard(page, to);
        const notice = page.getByRole('status').filter({ hasText: message });
        await notice.waitFor();
        assert.equal(await page.locator('.rts-app[data-rts-save-state]').getAttribute('lang'), lang, `still in ${lang}`);
        assert.equal(await page.getByRole('textbox', { name: from.ui.about_area }).inputValue(), 'Ynys Môn');
        await expectAxeClean(page, `the notice on ${address}`);
        await page.evaluate(() => localStorage.clear());
      }
    }));

  test('the Welsh files are fetched once a page: switching back to Welsh asks for nothing', () =>
    site.withSession(async ({ page, pageRequests }) => {
      await page.goto(`${site.url}?lang=en`);
      await page.locator('.rts-app[data-rts-save-state][lang="en-GB"]').waitFor();
      const welshFiles = () => pageRequests.filter((url) => /\/(locale|pack)\.cy-[0-9a-f]+\.json$/.test(url));
      const inWelsh = page.locator('.rts-app[data-rts-save-state][lang="cy"]');
      await switchByKeyboard(page, 'Cymraeg');
      await inWelsh.waitFor();
      assert.equal(welshFiles().length, 2, 'the words and the questions, fetched when Welsh is first chosen');
      await switchByKeyboard(page, 'English');
      await page.locator('.rts-app[data-rts-save-state][lang="en-GB"]').waitFor();
      await switchByKeyboard(page, 'Cymraeg');
      await inWelsh.waitFor();
      assert.equal(welshFiles().length, 2, 'not fetched again');
      await expectNoEnglish(page, 'the start page, Welsh chosen again');
    }));

  test('the choice is remembered after a reload and in a second tab', () =>
    site.withSession(async ({ page, context }) => {
      await page.goto(site.url);
      await page.getByRole('heading', { level: 1, name: enPack.start.heading }).waitFor();
      await switchTo(page, 'Cymraeg').click();
      await page.getByRole('heading', { level: 1, name: contentPack().start.heading }).waitFor();
      await page.goto(site.url);
      await page.getByRole('heading', { level: 1, name: contentPack().start.heading }).waitFor();
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'cy');
      const second = await context.newPage();
      await second.goto(site.url);
      await second.getByRole('heading', { level: 1, name: contentPack().start.heading }).waitFor();
      await expectNoEnglish(second, 'the start page in a second tab');
      const statement = second.getByRole('link', { name: cy.ui.accessibility_statement, exact: true });
      assert.equal(await statement.count(), 1, 'the accessibility statement is linked in Welsh');
      assert.match(await statement.evaluate((a) => a.parentElement.textContent), /\(Saesneg\)/, 'and marked as English');
      await expectAxeClean(second, 'the Welsh start page');
      await second.close();
    }));

  test('the embed takes lang="cy", with the module that has Welsh built in, leaves the host page its own language, may hide the switch, and stays Welsh when the host moves it', () =>
    site.withSession(async ({ page, pageRequests }) => {
      pages['/host-cy.html'] = `<!DOCTYPE html><html lang="en"><head><title>Host</title>
        <script type="module" src="/embed.js"></script></head>
        <body><main><h1>Our partnership</h1>
        <ready-to-share lang="cy" heading-level="2" storage-key="host-cy"></ready-to-share>
        <ready-to-share lang="cy" heading-level="2" storage-key="host-cy-quiet" language-switch="hidden"></ready-to-share>
        </main></body></html>`;
      await page.goto(`${site.origin}/host-cy.html`);
      const headings = page.getByRole('heading', { level: 2, name: contentPack().start.heading });
      await waitUntil(async () => (await headings.count()) === 2, { timeout: 15_000, message: 'both widgets in Welsh' });
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'en', 'the host keeps its language');
      assert.equal(await page.getByRole('navigation', { name: cy.language_nav.label }).count(), 1, 'one switch shown');
      const fetched = (pattern) => fetchedPaths(pageRequests, pattern);
      assert.equal(fetched(/\/ready-to-share-cy-[0-9a-f]+_bg\.wasm$/).length, 1, 'one Welsh module for both elements');
      assert.deepEqual(fetched(/\/ready-to-share-[0-9a-f]+_bg\.wasm$/), [], 'not the English module');
      assert.deepEqual(fetched(/\/(locale|pack)\.(cy|en)-[0-9a-f]+\.json$/), [], 'no words or questions as files');

      // The host moves an element: it comes back in Welsh, on the same module.
      await page.evaluate(() => document.querySelector('main').prepend(document.querySelectorAll('ready-to-share')[1]));
      await waitUntil(async () => (await headings.count()) === 2, { timeout: 15_000, message: 'both widgets in Welsh after the move' });
      assert.equal(fetched(/\/ready-to-share-(cy-)?[0-9a-f]+_bg\.wasm$/).length, 1, 'no module fetched again');
    }));

  test('a host page with an element in each language downloads one app: the first element\'s module, the other language as files', () =>
    site.withSession(async ({ page, pageRequests }) => {
      pages['/host-both.html'] = `<!DOCTYPE html><html lang="en"><head><title>Host</title>
        <script type="module" src="/embed.js"></script></head>
        <body><main><h1>Our partnership</h1>
        <ready-to-share lang="cy" heading-level="2" storage-key="host-both-cy"></ready-to-share>
        <ready-to-share lang="en" heading-level="2" storage-key="host-both-en"></ready-to-share>
        </main></body></html>`;
      await page.goto(`${site.origin}/host-both.html`);
      await page.getByRole('heading', { level: 2, name: contentPack().start.heading, exact: true }).waitFor();
      await page.getByRole('heading', { level: 2, name: enPack.start.heading, exact: true }).waitFor();
      const langs = await page.locator('.rts-app[data-rts-save-state]').evaluateAll((apps) => apps.map((a) => a.lang));
      assert.deepEqual(langs, ['cy', 'en-GB']);
      const fetched = (pattern) => fetchedPaths(pageRequests, pattern);
      assert.equal(fetched(/\/ready-to-share-(cy-)?[0-9a-f]+_bg\.wasm$/).length, 1, 'one first module');
      assert.equal(fetched(/\/ready-to-share-cy-[0-9a-f]+_bg\.wasm$/).length, 1, "the first element's, Welsh");
      assert.equal(fetched(/\/(locale|pack)\.en-[0-9a-f]+\.json$/).length, 2, 'English as files for the second');
      await expectAxeClean(page, 'a host page with both languages');
    }));

  test('in the embed, Welsh chosen by keyboard stays when the host moves the element, and after a reload', () =>
    site.withSession(async ({ page }) => {
      pages['/host-move.html'] = `<!DOCTYPE html><html lang="en"><head><title>Host</title>
        <script type="module" src="/embed.js"></script></head>
        <body><main><h1>Our partnership</h1><div id="a"><ready-to-share heading-level="2" storage-key="host-move"></ready-to-share></div>
        <aside id="b"></aside></main></body></html>`;
      await page.goto(`${site.origin}/host-move.html`);
      await page.getByRole('heading', { level: 2, name: enPack.start.heading }).waitFor();
      await switchByKeyboard(page, 'Cymraeg');
      const welshHeading = page.getByRole('heading', { level: 2, name: contentPack().start.heading });
      await welshHeading.waitFor();
      // The host moves the element, as a page rebuilding its layout would.
      await page.evaluate(() => document.getElementById('b').append(document.querySelector('ready-to-share')));
      await welshHeading.waitFor();
      assert.equal(await page.locator('#b ready-to-share').count(), 1, 'the element is in its new place');
      await page.reload();
      await welshHeading.waitFor();
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'en', 'the host keeps its language');
    }));

  test('Welsh once chosen still opens offline', () =>
    site.withSession(async ({ page, context }) => {
      await page.goto(`${site.url}?lang=cy`);
      await page.getByRole('heading', { level: 1, name: contentPack().start.heading }).waitFor();
      await waitForWelshKept(page);
      await context.setOffline(true);
      await page.reload();
      await page.getByRole('heading', { level: 1, name: contentPack().start.heading }).waitFor();
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'cy');
      await context.setOffline(false);
    }));

  test('the single-file copy asked for in Welsh starts in Welsh from file://, and its switch works by keyboard', () =>
    site.withSession(async ({ page, context, errors }) => {
      await page.goto(`${site.url}?lang=cy`);
      const welshHeading = (p) => p.getByRole('heading', { level: 1, name: contentPack().start.heading });
      await welshHeading(page).waitFor();
      await waitForWelshKept(page);
      await waitUntil(() => page.evaluate(() => navigator.serviceWorker.controller !== null), {
        message: 'the page is controlled by the service worker',
      });
      const offlineLink = page.getByRole('link', { name: cy.ui.offline_link });
      await offlineLink.focus();
      const copy = await downloadFile(page, () => page.keyboard.press('Enter'), {
        folder: site.folder,
        prefix: 'welsh-',
      });
      assert.ok(copy.text.includes(cy.ui.offline_link), 'the copy carries the Welsh words');

      // Opened from the disk, with every network request refused.
      const files = await site.browser.newContext();
      try {
        await files.route(/^(https?|wss?|ftp):/, (route) => route.abort('blockedbyclient'));
        const local = await files.newPage();
        const failures = [];
        local.on('pageerror', (error) => failures.push(error.message));
        await local.goto(pathToFileURL(copy.path).href);
        await welshHeading(local).waitFor();
        assert.equal(await local.locator('.rts-app[data-rts-save-state]').getAttribute('lang'), 'cy');
        assert.ok(copy.text.includes('<html lang="cy">'), 'the file says it is in Welsh before any script runs');
        await expectAxeClean(local, 'the Welsh single-file copy');
        await switchByKeyboard(local, 'English');
        await local.getByRole('heading', { level: 1, name: enPack.start.heading }).waitFor();
        assert.deepEqual(failures, []);
      } finally {
        await files.close();
      }
      assert.deepEqual(errors, []);
    }));
});
