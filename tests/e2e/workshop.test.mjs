// The workshop is kept in the browser: partners' files, the names setting
// and what was agreed survive a reload, the host page moving the
// <ready-to-share> element to another parent (the widget unmounts and
// mounts again), and a second tab sees them (and takes up changes made in
// the first as they happen); ending the workshop clears it from storage and
// from every tab. Storage that is full says so and the workshop goes on in
// memory. Each test is driven by the keyboard (files are chosen with the
// picker, as a person would) and waits on what the user sees.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { contentPack, describeViolations, runAxe } from './helpers.mjs';
import { fill, locale, waitUntil } from './support.mjs';
import { useHostPages, useSite } from './fixtures.mjs';
import { PartnershipPage } from './pages/partnership.mjs';
import { StartScreen } from './pages/start-screen.mjs';

const pack = contentPack();
const { ui, partnership: words, consensus } = locale();
const QUESTION = new Map(pack.themes.flatMap((t) => t.questions.map((q) => [q.id, q.text])));
const WORKSHOP_KEY = 'ready-to-share:workshop:v1';

const FIXTURES = new URL('./fixtures/partnership/', import.meta.url);
const fixtureText = (name) => readFileSync(new URL(name, FIXTURES), 'utf8');
const asUpload = (name) => ({ name, mimeType: 'application/json', buffer: Buffer.from(fixtureText(name)) });

// A question the two partners disagree on (Council 1, NHS Trust 5: the
// widest gap; NHS Trust's answer to purpose-what-information is set aside,
// its meaning having changed since that file's version), the level agreed
// for it and the note typed.
const AGREED_QUESTION = QUESTION.get('people-tell-once');
const AGREED_LEVEL = `3 ${pack.scale[2]}`;
const NOTE = 'Agreed after the data mapping session';
// Text that is only in the partners' files.
const FROM_THE_FILES = 'Draft with the DPO';

/**
 * The agreement block of a question: its level radios and its note, in
 * `scope` (a page, or one widget's element).
 */
function agreement(scope, question) {
  // `has` is looked for inside each block, so it starts from the page.
  const page = typeof scope.page === 'function' ? scope.page() : scope;
  const block = scope.locator('.rts-consensus__question').filter({
    has: page.getByRole('group', { name: question, exact: true }),
  });
  // The note is inside its question's group, named with the question.
  const group = block.getByRole('group', { name: question, exact: true });
  return {
    level: (label) => block.getByRole('radio', { name: label, exact: true }),
    note: group.getByRole('textbox', { name: fill(consensus.note_label_for, { question }), exact: true }),
  };
}

/** Presses a button with the keyboard: focus moves to it, then Enter. */
async function press(locator, key = 'Enter') {
  await locator.focus();
  await locator.page().keyboard.press(key);
}

/** Start page → "Compare partners' answers", by the keyboard. */
async function openPartnership(page, url) {
  if (url) {
    const start = await new StartScreen(page).goto(url);
    await start.waitFor();
  }
  await press(page.getByRole('button', { name: ui.partnership_button, exact: true }));
  return new PartnershipPage(page).waitFor();
}

/** Chooses the two partners' files, agrees a level and types a note. */
async function runWorkshop(page, view) {
  await view.chooseFiles([asUpload('council.json'), asUpload('nhs.json')]);
  await waitUntil(async () => (await view.partnerRows()).length === 2, { message: 'two partners shown' });
  const agreed = agreement(page, AGREED_QUESTION);
  await press(agreed.level(AGREED_LEVEL), 'Space');
  assert.ok(await agreed.level(AGREED_LEVEL).isChecked());
  await agreed.note.focus();
  await page.keyboard.type(NOTE);
}

/** The workshop as the page shows it: partners, the level and the note. */
async function shownWorkshop(page, view) {
  const agreed = agreement(page, AGREED_QUESTION);
  return {
    partners: (await view.partnerRows()).map((row) => row.name),
    level: await agreed.level(AGREED_LEVEL).isChecked(),
    note: await agreed.note.inputValue(),
  };
}

const EXPECTED = { partners: ['Council', 'NHS Trust'], level: true, note: NOTE };

/** Waits until the view says the workshop is saved in this browser. */
const waitUntilSaved = (page) => page.getByText(ui.workshop_saved, { exact: true }).waitFor();

/** Every value in this origin's storage, by key. */
const storage = (page) =>
  page.evaluate(() => Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)])));

describe('the workshop is kept in the browser', () => {
  const site = useSite();

  test('(a) a reload keeps the files, the agreed level and the note', () =>
    site.withSession(async ({ page, errors }) => {
      const view = await openPartnership(page, site.url);
      await runWorkshop(page, view);
      await waitUntilSaved(page);
      const saved = JSON.parse((await storage(page))[WORKSHOP_KEY]);
      assert.deepEqual(saved.files.map((f) => f.name), ['council.json', 'nhs.json'], 'the files, as opened');
      assert.equal(saved.files[0].text, fixtureText('council.json'));

      await page.reload();
      const again = await new PartnershipPage(page).waitFor();
      await waitUntil(async () => (await again.partnerRows()).length === 2, { message: 'partners back after reload' });
      assert.deepEqual(await shownWorkshop(page, again), EXPECTED);
      await page.getByText(ui.workshop_saved, { exact: true }).waitFor();
      assert.deepEqual(errors, []);
    }));

  test('(c) a second tab sees the workshop, and takes up a change made in the first as it happens', () =>
    site.withSession(async ({ page, context, errors }) => {
      const view = await openPartnership(page, site.url);
      await runWorkshop(page, view);
      await waitUntilSaved(page);

      // The second tab opens where the first is: the partnership view.
      const second = await context.newPage();
      await second.goto(site.url);
      const secondView = await new PartnershipPage(second).waitFor();
      await waitUntil(async () => (await secondView.partnerRows()).length === 2, { message: 'partners in the second tab' });
      assert.deepEqual(await shownWorkshop(second, secondView), EXPECTED);

      // A change in the first tab reaches the second without a reload.
      const other = `2 ${pack.scale[1]}`;
      await press(agreement(page, AGREED_QUESTION).level(other), 'Space');
      await waitUntil(() => agreement(second, AGREED_QUESTION).level(other).isChecked(), {
        message: 'the second tab shows the level agreed in the first',
      });
      assert.equal(await agreement(second, AGREED_QUESTION).note.inputValue(), NOTE);
      assert.deepEqual(errors, []);
    }));

  test('(d) ending the workshop asks first, then clears it from storage and from the other tab', () =>
    site.withSession(async ({ page, context, errors }) => {
      const view = await openPartnership(page, site.url);
      await runWorkshop(page, view);
      await waitUntilSaved(page);
      const second = await context.newPage();
      await second.goto(site.url);
      const secondView = await new PartnershipPage(second).waitFor();
      await waitUntil(async () => (await secondView.partnerRows()).length === 2);

      await press(view.button(ui.workshop_end));
      // The question takes focus, and cancelling changes nothing.
      const panel = page.getByRole('group', { name: ui.workshop_end_warning, exact: true });
      await waitUntil(() => panel.evaluate((el) => el.getRootNode().activeElement === el), {
        message: 'focus on the question',
      });
      const axe = await runAxe(page);
      assert.equal(axe.violations.length, 0, `axe, the saved workshop and its question:\n${describeViolations(axe.violations)}`);
      await press(view.button(ui.cancel));
      await waitUntil(() => view.button(ui.workshop_end).evaluate((el) => el.getRootNode().activeElement === el), {
        message: 'focus back on the button',
      });
      assert.ok(JSON.parse((await storage(page))[WORKSHOP_KEY]), 'still saved after cancelling');

      await press(view.button(ui.workshop_end));
      await press(view.button(ui.workshop_end_confirm));
      await view.status.filter({ hasText: ui.workshop_ended }).waitFor();
      assert.equal(await view.scoresTable.count(), 0, 'no partners shown');
      const left = await storage(page);
      assert.equal(left[WORKSHOP_KEY], undefined, 'the workshop is gone from storage');
      for (const [key, value] of Object.entries(left)) {
        for (const text of [NOTE, FROM_THE_FILES, 'council.json', 'NHS Trust']) {
          assert.ok(!value.includes(text), `${key} holds nothing of the workshop ("${text}")`);
        }
      }
      // The other tab has let it go too, and a reload does not bring it back.
      await waitUntil(async () => (await secondView.scoresTable.count()) === 0, { message: 'gone from the second tab' });
      await second.reload();
      const reloaded = await new PartnershipPage(second).waitFor();
      assert.equal(await reloaded.scoresTable.count(), 0);
      assert.equal((await storage(second))[WORKSHOP_KEY], undefined);
      assert.deepEqual(errors, []);
    }));

  test('storage that is full says so, and the workshop goes on in memory', () =>
    site.withSession(
      async ({ page, errors }) => {
        const view = await openPartnership(page, site.url);
        await runWorkshop(page, view);
        const alert = page.getByRole('alert').filter({ hasText: ui.workshop_full });
        await alert.waitFor();
        assert.deepEqual(await shownWorkshop(page, view), EXPECTED, 'everything still on screen');
        assert.equal((await storage(page))[WORKSHOP_KEY], undefined);
        assert.deepEqual(errors, []);
      },
      {
        init: () => {
          const setItem = Storage.prototype.setItem;
          Storage.prototype.setItem = function (key, value) {
            if (key.endsWith(':workshop:v1')) {
              throw new DOMException(`Setting the value of '${key}' exceeded the quota.`, 'QuotaExceededError');
            }
            return setItem.call(this, key, value);
          };
        },
      },
    ));
});

describe('the workshop on a host page', () => {
  const site = useSite({ cors: true });
  const host = useHostPages();
  const distOrigin = () => `http://localhost:${site.port}`;

  test('(b) moving the <ready-to-share> element to another parent keeps the workshop, even a note typed just before', () =>
    site.withSession(
      async ({ page, errors }) => {
        await page.goto(
          host.add({
            body: `<div id="first"><ready-to-share storage-key="host-workshop" heading-level="1"></ready-to-share></div>
              <div id="second"></div>`,
            embedFrom: distOrigin(),
          }),
        );
        await new StartScreen(page).waitFor();
        const view = await openPartnership(page);
        await runWorkshop(page, view);
        // At once, before any save: the host's layout script moves it.
        await page.evaluate(() => document.getElementById('second').append(document.querySelector('ready-to-share')));
        await page.locator('#second ready-to-share').waitFor({ state: 'attached' });
        const moved = await new PartnershipPage(page).waitFor();
        await waitUntil(async () => (await moved.partnerRows()).length === 2, { message: 'partners back after the move' });
        assert.deepEqual(await shownWorkshop(page, moved), EXPECTED);
        assert.equal(await page.locator('#first ready-to-share').count(), 0);
        const saved = await page.evaluate(() => localStorage.getItem('host-workshop:workshop:v1'));
        assert.ok(saved.includes(NOTE), 'saved under the widget\'s storage key');
        assert.deepEqual(errors, []);
      },
      { origin: host.origin, allow: [distOrigin()] },
    ));

  test('someone who moves on while the partnership view loads keeps their place; focus is not taken back', () =>
    site.withSession(
      async ({ page, context, errors }) => {
        // The whole app's files are held until the person has moved on.
        let release;
        const held = new Promise((resolve) => (release = resolve));
        await context.route(/ready-to-share-whole-[0-9a-f]+(_bg\.wasm|\.js)$/, async (route) => {
          await held;
          await route.continue();
        });
        await page.goto(
          host.add({
            body: `<div id="one"><ready-to-share storage-key="first" heading-level="2"></ready-to-share></div>
              <p><a id="host-link" href="#elsewhere">A link of the host page</a></p>`,
            embedFrom: distOrigin(),
          }),
        );
        const widget = page.locator('#one ready-to-share');
        await press(widget.getByRole('button', { name: ui.partnership_button, exact: true }));
        await widget.getByRole('status').filter({ hasText: words.opening }).waitFor();
        await page.locator('#host-link').focus();
        release();
        await widget.getByLabel(ui.partnership_files_label, { exact: true }).waitFor();
        assert.equal(await page.evaluate(() => document.activeElement?.id), 'host-link', 'focus stays on the host page');
        assert.deepEqual(errors, []);
      },
      { origin: host.origin, allow: [distOrigin()] },
    ));

  test('two widgets with one storage key on a page share the workshop as it changes', () =>
    site.withSession(
      async ({ page, errors }) => {
        await page.goto(
          host.add({
            body: `<div id="one"><ready-to-share storage-key="shared-workshop" heading-level="2"></ready-to-share></div>
              <div id="two"><ready-to-share storage-key="shared-workshop" heading-level="2"></ready-to-share></div>`,
            embedFrom: distOrigin(),
          }),
        );
        const [one, two] = ['#one', '#two'].map((id) => page.locator(`${id} ready-to-share`));
        for (const widget of [one, two]) {
          await press(widget.getByRole('button', { name: ui.partnership_button, exact: true }));
          // The view itself (the first module shows its heading while it
          // fetches the whole app).
          await widget.getByLabel(ui.partnership_files_label, { exact: true }).waitFor();
        }
        await one
          .getByLabel(ui.partnership_files_label, { exact: true })
          .setInputFiles([asUpload('council.json'), asUpload('nhs.json')]);
        const rows = (widget) => widget.getByRole('table', { name: words.scores_caption, exact: true }).locator('tbody tr');
        await waitUntil(async () => (await rows(one).count()) === 2);
        await press(agreement(one, AGREED_QUESTION).level(AGREED_LEVEL), 'Space');
        // The other widget takes up the files and the level once saved.
        await waitUntil(async () => (await rows(two).count()) === 2, { message: 'the files reach the other widget' });
        await waitUntil(() => agreement(two, AGREED_QUESTION).level(AGREED_LEVEL).isChecked(), {
          message: 'the level reaches the other widget',
        });
        // Ended in one, gone from both.
        await press(one.getByRole('button', { name: ui.workshop_end, exact: true }));
        await press(one.getByRole('button', { name: ui.workshop_end_confirm, exact: true }));
        await waitUntil(async () => (await rows(two).count()) === 0, { message: 'ended in the other widget too' });
        assert.equal(await page.evaluate(() => localStorage.getItem('shared-workshop:workshop:v1')), null);
        assert.deepEqual(errors, []);
      },
      { origin: host.origin, allow: [distOrigin()] },
    ));
});
