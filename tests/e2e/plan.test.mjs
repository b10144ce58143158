// The action plan and the workshop's agreed assessment, as a person uses
// them. A plan: open an assessment file, plan two actions on the summary
// (one owner too long, which is refused at the field and saved as it was),
// reload, download the assessment file, the plan CSV and the report, and
// open the file again in a new browser. A workshop: three partners' files,
// two disagreements agreed, the agreed assessment downloaded and opened as
// the partnership's own summary and plan. Question counts and ids are read
// from the pack and the page, never written in.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { contentPack, describeViolations, runAxe } from './helpers.mjs';
import { fill, focusedElement, locale, parseCsv, waitUntil } from './support.mjs';
import { useSite } from './fixtures.mjs';
import { PartnershipPage } from './pages/partnership.mjs';
import { StartScreen } from './pages/start-screen.mjs';
import { SummaryPage } from './pages/summary.mjs';
import { TasksPage } from './pages/tasks.mjs';
import { ThemePage } from './pages/theme.mjs';

const pack = contentPack();
const { ui, plan: words, consensus, fields } = locale();
const QUESTIONS = pack.themes.flatMap((t) => t.questions);
const AREA = 'Riverside';
const HOSTILE_NOTE = '=HYPERLINK("http://x") <img src=x onerror=alert(1)>';
const OWNER = 'Information governance lead, council <b>IG</b>';

/** An assessment file: every question answered, levels 1 to 5 in turn and
 * every seventh "not sure". */
function assessmentFile({ organisation = '', area = AREA, level = (i) => (i % 5) + 1 } = {}) {
  const answers = {};
  QUESTIONS.forEach((q, i) => {
    answers[q.id] = { level: i % 7 === 6 ? 'not-sure' : level(i) };
  });
  return {
    format: 'ready-to-share-assessment',
    format_version: 1,
    content_pack: { id: pack.id, version: pack.version },
    created: '2026-01-10T10:00:00.000Z',
    updated: '2026-01-10T10:00:00.000Z',
    context: { area, organisation, partners: '', policy_areas: [] },
    answers,
    story: '',
  };
}

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const asUpload = (name, json) => ({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(json)) });

/** Opens a file from the start page and goes on to its summary. */
async function openToSummary(page, url, file, area) {
  const start = await new StartScreen(page).goto(url);
  await start.openFile(file);
  const tasks = await new TasksPage(page).waitFor();
  await tasks.seeSummary();
  return new SummaryPage(page).waitFor(area);
}

/** The saved progress in this browser, as JSON (or null). */
async function savedProgress(page) {
  const text = await page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.endsWith(':progress:v1'));
    return key ? localStorage.getItem(key) : null;
  });
  return text ? JSON.parse(text) : null;
}

describe('the action plan', () => {
  const site = useSite();

  test('fill a plan, reload, download and re-open', async () => {
    const session = await site.session();
    const { page } = session;
    try {
      const file = assessmentFile();
      const summary = await openToSummary(page, site.url, asUpload('riverside.json', file), AREA);
      const plan = await summary.plan().waitFor();

      // Every answer below Embedded, and every "not sure", is an action.
      const total = Object.values(file.answers).filter((a) => a.level === 'not-sure' || a.level <= 4).length;
      assert.ok(total > 5, 'more actions than the top five');
      assert.equal(await plan.items.count(), 5, 'the top five first');
      await plan.showAllButton(total).click();
      await waitUntil(async () => (await plan.items.count()) === total, { message: 'all actions shown' });
      assert.equal(await plan.showTopButton().getAttribute('aria-expanded'), 'true');
      await plan.showTopButton().click();
      await waitUntil(async () => (await plan.items.count()) === 5, { message: 'back to five' });

      const [first, second] = (await plan.shown()).map((a) => a.action);
      await plan.plan(first, { owner: OWNER, target: '2027-03', status: words.in_progress, note: HOSTILE_NOTE });
      // Too long: said at the field, the text stays in it, nothing saved.
      await plan.owner(second).fill('Partnership board');
      const tooLong = 'x'.repeat(121);
      await plan.owner(second).fill(tooLong);
      assert.deepEqual(await plan.errors(second), [
        `${ui.error_prefix} ${fill(fields.too_long, { field: words.owner, limit: 120, length: 121 })}`,
      ]);
      assert.equal(await plan.owner(second).inputValue(), tooLong, 'what was typed is kept in the field');
      assert.equal(await plan.owner(second).getAttribute('aria-invalid'), 'true');
      await plan.status(second).selectOption({ label: words.done });

      const saved = await waitUntil(async () => {
        const progress = await savedProgress(page);
        const entries = progress?.plan ?? [];
        return entries.length === 2 && entries.some((e) => e.status === 'done') && entries.some((e) => e.note === HOSTILE_NOTE)
          ? progress
          : null;
      }, { message: 'the plan is saved as it changes' });
      assert.equal(saved.format_version, 2);
      const ownerOf = (progress, owner) => progress.plan.find((e) => e.owner === owner);
      assert.ok(ownerOf(saved, OWNER), 'the first owner is saved');
      assert.ok(ownerOf(saved, 'Partnership board'), 'the last accepted owner is saved, not the refused one');
      assert.deepEqual(session.dialogs, [], 'hostile text runs nothing');

      const axe = await runAxe(page, { include: '.rts-plan' });
      assert.deepEqual(axe.violations, [], describeViolations(axe.violations));

      // Reload: the summary comes back with the plan.
      await page.reload();
      await summary.waitFor(AREA);
      await plan.waitFor();
      assert.equal(await plan.owner(first).inputValue(), OWNER);
      assert.equal(await plan.targetValue(first), '2027-03');
      assert.equal(await plan.note(first).inputValue(), HOSTILE_NOTE);
      assert.equal(await plan.owner(second).inputValue(), 'Partnership board');
      assert.equal(
        await plan.status(second).locator('option:checked').textContent(),
        words.done,
      );
      await page.getByText(fill(words.progress, { done: 1, total, in_progress: 1 }), { exact: true }).filter({ visible: true }).waitFor();

      // Downloads: the assessment file, the plan CSV and the report.
      const json = JSON.parse(await readFile(await (await summary.download(ui.download_json)).path(), 'utf8'));
      assert.equal(json.format_version, 2);
      assert.equal(json.plan.length, 2);
      const csvDownload = await summary.download(words.download_csv);
      assert.match(csvDownload.suggestedFilename(), /^ready-to-share-plan-riverside-\d{4}-\d{2}-\d{2}\.csv$/);
      const rows = parseCsv(await readFile(await csvDownload.path(), 'utf8'));
      assert.deepEqual(rows[0], words.csv_headers);
      assert.equal(rows.length, 1 + total, 'a header and one row per action');
      const row = rows.find((r) => r[6] === OWNER);
      assert.ok(row, 'the owner is in the CSV');
      assert.equal(row[0], '1');
      assert.equal(row[7], '2027-03');
      assert.equal(row[8], words.in_progress);
      assert.equal(row[9], `'${HOSTILE_NOTE}`, 'a formula cell is neutralised');
      const html = await readFile(await (await summary.download(ui.download_html)).path(), 'utf8');
      assert.ok(html.includes(`<h2>${words.heading}</h2>`));
      assert.ok(html.includes('Information governance lead, council &lt;b&gt;IG&lt;/b&gt;'));
      assert.ok(!html.includes('<img src=x'), 'hostile text is escaped in the report');
      assert.ok(html.includes('March 2027'));
      const md = await readFile(await (await summary.download(ui.download_markdown)).path(), 'utf8');
      assert.ok(md.includes(`## ${words.heading}`));

      // Re-open the downloaded file in a new browser: the plan is there.
      const other = await site.session();
      try {
        const again = await openToSummary(other.page, site.url, asUpload('riverside.json', json), AREA);
        const planAgain = await again.plan().waitFor();
        assert.equal(await planAgain.owner(first).inputValue(), OWNER);
        assert.equal(await planAgain.targetValue(first), '2027-03');

        // A year on, the same file as the earlier assessment: its plan is
        // listed, and the action marked done whose answer has not moved is
        // worth a conversation.
        await other.page.getByLabel(ui.compare_label, { exact: true }).setInputFiles(asUpload('last-year.json', json));
        await other.page.getByRole('heading', { level: 3, name: words.earlier_heading, exact: true }).waitFor();
        const earlier = other.page.locator('.rts-plan-compare > ul').first().getByRole('listitem');
        assert.equal(await earlier.count(), 2);
        assert.match(await earlier.first().innerText(), new RegExp(escapeRegExp(fill(words.earlier_item, { owner: OWNER, status: words.in_progress }))));
        await other.page.getByRole('heading', { level: 3, name: words.conversation_heading, exact: true }).waitFor();
        const worth = other.page.locator('.rts-plan-compare__worth').getByRole('listitem');
        assert.equal(await worth.count(), 1);
        assert.ok((await worth.innerText()).startsWith(second), 'the done action that did not move');
        assert.deepEqual(other.errors, []);
      } finally {
        await other.context.close();
      }
      assert.deepEqual(session.errors, []);
    } finally {
      await session.context.close();
    }
  });

  test('on a wide screen, the owner, target month and status boxes of an action line up', () =>
    site.withSession(async ({ page }) => {
      await page.setViewportSize({ width: 1280, height: 900 });
      const summary = await openToSummary(page, site.url, asUpload('riverside.json', assessmentFile()), AREA);
      const plan = await summary.plan().waitFor();
      const [first] = (await plan.shown()).map((a) => a.action);
      const boxes = await Promise.all([plan.owner(first), plan.month(first), plan.status(first)].map((f) => f.boundingBox()));
      assert.equal(new Set(boxes.map((b) => Math.round(b.x))).size, 3, 'side by side, in three columns');
      const bottoms = boxes.map((b) => Math.round(b.y + b.height));
      assert.ok(Math.max(...bottoms) - Math.min(...bottoms) <= 1, `their bottoms line up: ${bottoms.join(', ')}`);
    }));

  test('a file naming an action this version does not have keeps it and lists it', () =>
    site.withSession(async (session) => {
      const { page } = session;
      const file = assessmentFile();
      file.format_version = 2;
      file.plan = [{ question: 'a-question-long-gone', for: 'level-3', owner: 'Housing', status: 'done' }];
      const start = await new StartScreen(page).goto(site.url);
      await start.openFile(asUpload('old.json', file));
      await new TasksPage(page).waitFor();
      await page.getByText(fill(words.file_not_in_pack, { question: 'a-question-long-gone' }), { exact: true }).waitFor();
      await new TasksPage(page).seeSummary();
      const summary = await new SummaryPage(page).waitFor(AREA);
      await page.getByRole('heading', { name: words.other_heading, exact: true }).waitFor();
      const other = page.locator('.rts-plan__other li');
      assert.equal(await other.count(), 1);
      assert.match(await other.innerText(), /Housing/);
      const json = JSON.parse(await readFile(await (await summary.download(ui.download_json)).path(), 'utf8'));
      assert.deepEqual(json.plan.map((e) => [e.question, e.owner]), [['a-question-long-gone', 'Housing']]);
    }));
});

describe('the action plan by keyboard', () => {
  const site = useSite();

  test('the target month is typed in its Month and Year boxes, kept as typed, and saved when it is a real month', () =>
    site.withSession(async (session) => {
      const { page } = session;
      const summary = await openToSummary(page, site.url, asUpload('riverside.json', assessmentFile()), AREA);
      const plan = await summary.plan().waitFor();
      const [first, second] = (await plan.shown()).map((a) => a.action);

      // From the owner, Tab reaches the "Month" box, in a group named for
      // the action; type 3, Tab, 2027.
      await plan.owner(first).focus();
      await page.keyboard.press('Tab');
      assert.equal((await focusedElement(page)).label, words.month, 'Tab from the owner reaches the Month box');
      assert.equal(await plan.month(first).getAttribute('inputmode'), 'numeric');
      await page.keyboard.type('3');
      await page.keyboard.press('Tab');
      assert.equal((await focusedElement(page)).label, words.year);
      await page.keyboard.type('2027');
      await page.keyboard.press('Tab');
      assert.equal(await plan.month(first).inputValue(), '3', 'the month stays as typed');
      assert.equal(await plan.year(first).inputValue(), '2027');
      assert.deepEqual(await plan.errors(first), [], 'a real month is no error');
      await waitUntil(async () => (await savedProgress(page))?.plan?.some((e) => e.target === '2027-03'), {
        message: 'the target is saved as 2027-03',
      });

      // Reload: the plan shows March 2027.
      await page.reload();
      await summary.waitFor(AREA);
      await plan.waitFor();
      assert.equal(await plan.month(first).inputValue(), '3');
      assert.equal(await plan.year(first).inputValue(), '2027');

      // 13 is no month: the error is said at once, on the Month box, and
      // nothing typed is wiped.
      await plan.owner(second).focus();
      await page.keyboard.press('Tab');
      await page.keyboard.type('13');
      const error = `${ui.error_prefix} ${words.month_not_real}`;
      await waitUntil(async () => (await plan.errors(second)).includes(error), { message: 'the month error is shown' });
      assert.equal(await plan.month(second).getAttribute('aria-invalid'), 'true');
      assert.equal(await plan.year(second).getAttribute('aria-invalid'), null, 'only the box at fault');
      const described = await plan.month(second).evaluate((el) =>
        (el.getAttribute('aria-describedby') ?? '')
          .split(/\s+/)
          .map((id) => document.getElementById(id)?.textContent.replace(/\s+/g, ' ').trim())
          .join(' '),
      );
      assert.equal(described, error, 'the error describes the box');
      await page.keyboard.press('Tab');
      await page.keyboard.type('2027');
      assert.equal(await plan.month(second).inputValue(), '13', 'what was typed is kept');
      assert.equal(await plan.year(second).inputValue(), '2027');
      const axe = await runAxe(page, { include: '.rts-plan' });
      assert.deepEqual(axe.violations, [], describeViolations(axe.violations));

      // Put right, it is saved; emptied, it is cleared.
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('End');
      await page.keyboard.press('Backspace');
      assert.deepEqual(await plan.errors(second), []);
      await waitUntil(async () => (await savedProgress(page))?.plan?.some((e) => e.target === '2027-01'), {
        message: 'the corrected month is saved',
      });
      await plan.month(first).focus();
      await page.keyboard.press('End');
      await page.keyboard.press('Backspace');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Control+A');
      await page.keyboard.press('Backspace');
      await waitUntil(async () => !(await savedProgress(page))?.plan?.some((e) => e.target === '2027-03'), {
        message: 'both boxes emptied clears the target',
      });

      // A month with no year: Tab through the empty year box and out of
      // the group, and the missing year is said on the year box.
      const third = (await plan.shown())[2].action;
      await plan.owner(third).focus();
      await page.keyboard.press('Tab');
      await page.keyboard.type('4');
      await page.keyboard.press('Tab');
      assert.deepEqual(await plan.errors(third), [], 'no error while moving from Month to Year');
      await page.keyboard.press('Tab');
      const missing = `${ui.error_prefix} ${words.year_missing}`;
      await waitUntil(async () => (await plan.errors(third)).includes(missing), { message: 'the missing year is said on leaving' });
      assert.equal(await plan.year(third).getAttribute('aria-invalid'), 'true');
      assert.equal(await plan.month(third).inputValue(), '4', 'the month is kept');
      assert.deepEqual(session.errors, []);
    }));

  test('after "Show all", focus is on the first action it showed, and Tab goes on into its fields', () =>
    site.withSession(async (session) => {
      const { page } = session;
      const summary = await openToSummary(page, site.url, asUpload('riverside.json', assessmentFile()), AREA);
      const plan = await summary.plan().waitFor();
      const top = (await plan.shown()).map((a) => a.action);
      assert.equal(top.length, 5);
      // By keyboard: from the last of the top five's fields, Tab to the button.
      await plan.note(top[4]).focus();
      await page.keyboard.press('Tab');
      const button = page.getByRole('button', { name: new RegExp(`^${escapeRegExp(words.show_all.split('{count}')[0])}\\d+`) });
      assert.ok(await button.evaluate((el) => el === document.activeElement), 'Tab reaches "Show all"');
      await page.keyboard.press('Enter');
      await waitUntil(async () => (await plan.items.count()) > 5, { message: 'all actions shown' });
      const sixth = (await plan.shown())[5].action;
      await waitUntil(
        async () => (await focusedElement(page)).tag === 'LEGEND' && (await focusedElement(page)).text === `6. ${sixth}`,
        { message: 'focus on the sixth action' },
      );
      const box = await page.evaluate(() => document.activeElement.getBoundingClientRect().top);
      // Within a pixel: a legend sits across its fieldset's top edge, so
      // scrolling it to the top can leave a fraction above it.
      assert.ok(box >= -1 && box < (page.viewportSize()?.height ?? 720), `the focused action is in view (top ${box})`);
      // The next Tabs go into the sixth action (its guidance links, if
      // any, then its owner), not past the new actions.
      let seen;
      for (let i = 0; i < 6; i += 1) {
        await page.keyboard.press('Tab');
        seen = await focusedElement(page);
        if (seen.tag === 'INPUT') break;
      }
      assert.equal(seen.label, words.owner);
      assert.ok(await plan.owner(sixth).evaluate((el) => el === document.activeElement), "Tab reaches the sixth action's owner");
      const axe = await runAxe(page, { include: '.rts-plan' });
      assert.deepEqual(axe.violations, [], describeViolations(axe.violations));
      assert.deepEqual(session.errors, []);
    }));
});

describe('the action plan on a wide screen', () => {
  const site = useSite();

  test('the owner\'s hint reads on two lines at most, and the month, year and status boxes line up', () =>
    site.withSession(
      async ({ page }) => {
        await page.setViewportSize({ width: 1280, height: 900 });
        const summary = await openToSummary(page, site.url, asUpload('riverside.json', assessmentFile()), AREA);
        await summary.plan().waitFor();
        const layout = await page.locator('.rts-plan__fields').first().evaluate((fields) => {
          const hint = fields.querySelector('.rts-plan__field .rts-hint');
          const lines = hint.getBoundingClientRect().height / parseFloat(getComputedStyle(hint).lineHeight);
          const top = (selector) => fields.querySelector(selector).getBoundingClientRect().top;
          return { lines, month: top('.rts-plan__target input'), status: top('select') };
        });
        assert.ok(layout.lines <= 2.05, `the owner's hint runs to ${layout.lines.toFixed(1)} lines`);
        assert.ok(Math.abs(layout.month - layout.status) < 1, `the boxes line up (${layout.month}, ${layout.status})`);
      },
    ));
});

describe('the action plan in print', () => {
  const site = useSite();

  test('prints every action as text, with its owner, target month in words, status and note, and no form controls', async () => {
    const tidy = (t) => t.replace(/\s+/g, ' ').trim();
    // The target month comes in a file, so that the test reads the same on
    // a build with either kind of month field.
    let json;
    let first;
    await site.withSession(async ({ page }) => {
      const summary = await openToSummary(page, site.url, asUpload('riverside.json', assessmentFile()), AREA);
      const plan = await summary.plan().waitFor();
      [first] = (await plan.shown()).map((a) => a.action);
      await plan.plan(first, { owner: 'Partnership board', status: words.in_progress, note: 'Agree it at the March board' });
      await waitUntil(async () => (await savedProgress(page))?.plan?.some((e) => e.note && e.status === 'in-progress'), {
        message: 'the plan is saved',
      });
      json = JSON.parse(await readFile(await (await summary.download(ui.download_json)).path(), 'utf8'));
    });
    json.plan[0].target = '2027-03';
    await site.withSession(async (session) => {
      const { page } = session;
      const summary = await openToSummary(page, site.url, asUpload('riverside.json', json), AREA);
      const plan = await summary.plan().waitFor();
      await plan.showAll();
      const all = (await plan.shown()).map((a) => tidy(a.action));
      assert.ok(all.length > 5, `more than the top five: ${all.length}`);
      await plan.showTopButton().click();
      await waitUntil(async () => (await plan.items.count()) === 5, { message: 'back to the top five on screen' });

      await page.setViewportSize({ width: 794, height: 1123 });
      await page.emulateMedia({ media: 'print' });
      // The print-only plan is drawn when printing starts: wait for it.
      let missing = all;
      await waitUntil(async () => {
        const printed = tidy(await page.locator('.rts-summary').innerText());
        missing = all.filter((action) => !printed.includes(action));
        return missing.length === 0;
      }).catch(() => {});
      assert.deepEqual(missing, [], `every action prints (${all.length}); missing ${missing.length}`);
      const row = page.getByRole('row').filter({ hasText: first });
      assert.equal(await row.count(), 1, 'the first action is one row');
      const cells = (await row.getByRole('cell').allInnerTexts()).map(tidy);
      for (const text of ['Partnership board', 'March 2027', words.in_progress, 'Agree it at the March board']) {
        assert.ok(cells.includes(text), `"${text}" prints as text: ${JSON.stringify(cells)}`);
      }
      const controls = await page
        .locator('.rts-app')
        .locator('input, select, textarea, button')
        .evaluateAll((els) => els.filter((el) => el.checkVisibility()).map((el) => el.outerHTML.slice(0, 80)));
      assert.deepEqual(controls, [], 'no form control prints');
      const axe = await runAxe(page, { include: '.rts-summary' });
      assert.deepEqual(axe.violations, [], describeViolations(axe.violations));

      // Reloaded on screen, the same by "Print this summary".
      await page.emulateMedia({ media: 'screen' });
      await page.reload();
      await summary.waitFor(AREA);
      // "Print this summary" prints once the print-only plan is drawn: by
      // the time the browser is asked to print, every action is a row.
      await page.evaluate(() => {
        window.print = () => {
          window.rowsWhenPrinted = document.querySelectorAll('.rts-summary tbody tr').length;
        };
      });
      await page.getByRole('button', { name: ui.print, exact: true }).click();
      const rows = await waitUntil(() => page.evaluate(() => window.rowsWhenPrinted), { message: 'print was asked for' });
      assert.ok(rows >= all.length, `every action is a row when printing starts: ${rows} of ${all.length}`);

      assert.deepEqual(session.errors, []);
    });
  });
});

describe('text over a limit', () => {
  const site = useSite();
  const { fields: f } = locale();
  const NOTE_LIMIT = 3500;

  /** The text of the polite live region in the field's form group. */
  const liveRegion = (field) =>
    field.locator('xpath=ancestor::div[contains(@class, "rts-form-group")][1]').locator('[aria-live="polite"]');

  test('is announced after typing pauses, stops "Save and continue" with a summary that links to it, and is kept', () =>
    site.withSession(async (session) => {
      const { page } = session;
      const theme = pack.themes[0];
      const question = theme.questions[0];
      const start = await new StartScreen(page).goto(site.url);
      await start.openFile(asUpload('riverside.json', assessmentFile()));
      const tasks = await new TasksPage(page).waitFor();
      await tasks.open(theme.title);
      const themePage = await new ThemePage(page, theme.id).waitFor();
      const note = themePage.note(question.id);

      // Type up to the limit and past it, by keyboard.
      await note.focus();
      await page.keyboard.insertText('x'.repeat(NOTE_LIMIT - 2));
      await page.keyboard.type('abcd');
      const text = `${'x'.repeat(NOTE_LIMIT - 2)}abcd`;
      const live = liveRegion(note);
      assert.equal(await live.count(), 1, 'one polite live region');
      await waitUntil(async () => (await live.textContent()) === fill(f.over.other, { count: 2 }), {
        message: 'the count is announced once typing pauses',
      });
      assert.equal(await note.getAttribute('aria-invalid'), 'true');

      // "Save and continue" stops: the error summary takes focus and links
      // to the note, which keeps its text.
      await themePage.button(ui.save_and_continue).focus();
      await page.keyboard.press('Enter');
      const summary = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: ui.error_summary_title, exact: true }) });
      await summary.waitFor();
      await waitUntil(async () => (await page.evaluate(() => document.activeElement?.getAttribute('role'))) === 'alert', {
        message: 'the error summary has focus',
      });
      const message = fill(f.too_long, { field: f.note, limit: '3,500', length: '3,502' });
      const link = summary.getByRole('link', { name: message, exact: true });
      assert.equal(await link.count(), 1, 'a link to the note');
      await themePage.waitFor();
      assert.equal(await note.inputValue(), text, 'the text is still there');
      const axe = await runAxe(page);
      assert.deepEqual(axe.violations, [], describeViolations(axe.violations));

      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await waitUntil(async () => note.evaluate((el) => el === document.activeElement), { message: 'the link moves focus to the note' });

      // Shortened, it saves and "Save and continue" goes on.
      await page.keyboard.press('End');
      await page.keyboard.press('Backspace');
      await page.keyboard.press('Backspace');
      await waitUntil(async () => (await summary.count()) === 0, { message: 'the summary goes once all is put right' });
      await themePage.saveAndContinue();
      await page.getByRole('heading', { level: 1, name: pack.themes[1].title }).waitFor();
      assert.deepEqual(session.errors, []);
    }));

  test('a plan note over its limit stops a download and is kept', () =>
    site.withSession(async (session) => {
      const { page } = session;
      const summaryPage = await openToSummary(page, site.url, asUpload('riverside.json', assessmentFile()), AREA);
      const plan = await summaryPage.plan().waitFor();
      const [first] = (await plan.shown()).map((a) => a.action);
      await plan.note(first).focus();
      await page.keyboard.insertText('y'.repeat(499));
      await page.keyboard.type('zz');
      await waitUntil(async () => (await liveRegion(plan.note(first)).textContent()) === f.over.one, {
        message: 'the plan note count is announced',
      });
      await page.getByRole('button', { name: ui.download_json, exact: true }).click();
      const alert = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: ui.error_summary_title, exact: true }) });
      await alert.waitFor();
      await alert.getByRole('link', { name: fill(f.too_long, { field: words.note, limit: 500, length: 501 }), exact: true }).click();
      await waitUntil(async () => plan.note(first).evaluate((el) => el === document.activeElement), { message: 'focus on the note' });
      assert.equal(await plan.note(first).inputValue(), `${'y'.repeat(499)}zz`);
      const axe = await runAxe(page, { include: '.rts-app' });
      assert.deepEqual(axe.violations, [], describeViolations(axe.violations));
      assert.deepEqual(session.errors, []);
    }));
  /** The error summary ("There is a problem"), which takes focus. */
  const errorSummary = (page) =>
    page.getByRole('alert').filter({ has: page.getByRole('heading', { name: ui.error_summary_title, exact: true }) });
  const focusIsOn = (locator) => locator.evaluate((el) => el === el.getRootNode().activeElement);

  test('"Back" stops too: the error summary links to the note, whose text stays', () =>
    site.withSession(async (session) => {
      const { page } = session;
      const theme = pack.themes[0];
      const question = theme.questions[0];
      const start = await new StartScreen(page).goto(site.url);
      await start.openFile(asUpload('riverside.json', assessmentFile()));
      await (await new TasksPage(page).waitFor()).open(theme.title);
      const themePage = await new ThemePage(page, theme.id).waitFor();
      const note = themePage.note(question.id);
      await note.focus();
      await page.keyboard.insertText('x'.repeat(NOTE_LIMIT));
      await page.keyboard.type('ab');
      await page.getByRole('button', { name: ui.back, exact: true }).focus();
      await page.keyboard.press('Enter');
      const summary = errorSummary(page);
      await summary.waitFor();
      await waitUntil(() => focusIsOn(summary), { message: 'the error summary has focus' });
      const message = fill(f.too_long, { field: f.note, limit: '3,500', length: '3,502' });
      assert.equal(await summary.getByRole('link', { name: message, exact: true }).count(), 1);
      await themePage.waitFor();
      assert.equal(await note.inputValue(), `${'x'.repeat(NOTE_LIMIT)}ab`, 'still on the page, the text kept');
      const axe = await runAxe(page);
      assert.deepEqual(axe.violations, [], describeViolations(axe.violations));
      assert.deepEqual(session.errors, []);
    }));

  test('"Show the top 5 only" stops while an action it would hide holds text over a limit', () =>
    site.withSession(async (session) => {
      const { page } = session;
      const summaryPage = await openToSummary(page, site.url, asUpload('riverside.json', assessmentFile()), AREA);
      const plan = await summaryPage.plan().waitFor();
      await plan.showAll();
      const sixth = (await plan.shown())[5].action;
      const note = plan.note(sixth);
      await note.focus();
      await page.keyboard.insertText('y'.repeat(500));
      await page.keyboard.type('z');
      await plan.showTopButton().focus();
      await page.keyboard.press('Enter');
      const summary = errorSummary(page);
      await summary.waitFor();
      await waitUntil(() => focusIsOn(summary), { message: 'the error summary has focus' });
      await summary.getByRole('link', { name: fill(f.too_long, { field: words.note, limit: 500, length: 501 }), exact: true }).focus();
      await page.keyboard.press('Enter');
      await waitUntil(() => focusIsOn(note), { message: 'the link moves focus to the sixth action\'s note' });
      assert.equal(await note.inputValue(), `${'y'.repeat(500)}z`, 'the sixth action and its text are still there');
      assert.equal(await plan.showTopButton().getAttribute('aria-expanded'), 'true', 'every action still shown');
      const axe = await runAxe(page, { include: '.rts-app' });
      assert.deepEqual(axe.violations, [], describeViolations(axe.violations));
      assert.deepEqual(session.errors, []);
    }));

  test('in the workshop, a name or an agreement note over its limit stops every download until it is put right', () =>
    site.withSession(async (session) => {
      const { page } = session;
      const partners = [
        assessmentFile({ organisation: 'Council', level: () => 1 }),
        assessmentFile({ organisation: 'NHS', level: () => 4 }),
      ];
      await new StartScreen(page).goto(site.url);
      await page.getByRole('button', { name: ui.partnership_button, exact: true }).click();
      const view = await new PartnershipPage(page).waitFor();
      await view.chooseFiles(partners.map((p) => asUpload(`${p.context.organisation}.json`, p)));
      await view.section(consensus.heading).waitFor();
      const downloads = [];
      page.on('download', (d) => downloads.push(d));

      // The name, typed by keyboard one character past its limit of 300.
      const name = page.getByLabel(consensus.name_label, { exact: true });
      await name.focus();
      await page.keyboard.press('ControlOrMeta+a');
      await page.keyboard.insertText('R'.repeat(300));
      await page.keyboard.type('s');
      const summary = errorSummary(page);
      for (const button of [consensus.download, ui.partnership_download_html]) {
        await page.getByRole('button', { name: button, exact: true }).focus();
        await page.keyboard.press('Enter');
        await summary.waitFor();
        await waitUntil(() => focusIsOn(summary), { message: `"${button}" stops with the error summary` });
        const link = summary.getByRole('link', { name: fill(f.too_long, { field: consensus.name_field, limit: 300, length: 301 }), exact: true });
        assert.equal(await link.count(), 1, 'it links to the name');
        // Put back where it was, for the next button.
        await page.keyboard.press('Tab');
        await page.keyboard.press('Enter');
        await waitUntil(() => focusIsOn(name), { message: 'the link moves focus to the name' });
      }
      assert.equal(await name.inputValue(), `${'R'.repeat(300)}s`, 'the name keeps its text');

      // An agreement note over its limit stops them as well.
      await page.keyboard.press('Backspace');
      await waitUntil(async () => (await summary.count()) === 0, { message: 'the summary goes once the name is put right' });
      const note = page.getByLabel(consensus.note_label).first();
      await note.focus();
      await page.keyboard.insertText('n'.repeat(501));
      await page.getByRole('button', { name: consensus.download, exact: true }).click();
      await summary.getByRole('link', { name: fill(f.too_long, { field: consensus.note_field, limit: 500, length: 501 }) }).waitFor();
      assert.equal(downloads.length, 0, 'nothing downloaded while a field was over its limit');

      // Put right, the agreed file downloads under the name as typed.
      await note.focus();
      await page.keyboard.press('End');
      await page.keyboard.press('Backspace');
      await waitUntil(async () => (await summary.count()) === 0, { message: 'the summary goes once the note is put right' });
      const download = await view.download(consensus.download);
      assert.equal(downloads.length, 1);
      const agreed = JSON.parse(await readFile(await download.path(), 'utf8'));
      assert.equal(agreed.context.area, 'R'.repeat(300));
      const axe = await runAxe(page, { include: '.rts-app' });
      assert.deepEqual(axe.violations, [], describeViolations(axe.violations));
      assert.deepEqual(session.errors, []);
    }));
});

describe('the workshop agreed assessment', () => {
  const site = useSite();

  test('three partners, two questions agreed, the agreed file downloaded and opened', async () => {
    const session = await site.session();
    const { page } = session;
    try {
      const partners = [
        assessmentFile({ organisation: 'Council', level: () => 1 }),
        assessmentFile({ organisation: 'NHS', level: () => 4 }),
        assessmentFile({ organisation: 'Police', level: (i) => (i % 2 ? 2 : 5) }),
      ];
      await new StartScreen(page).goto(site.url);
      await page.getByRole('button', { name: ui.partnership_button, exact: true }).click();
      const view = await new PartnershipPage(page).waitFor();
      await view.chooseFiles(partners.map((p, i) => asUpload(`${p.context.organisation}.json`, p)));
      await view.section(consensus.heading).waitFor();
      const disagreements = await view.disagreements();
      // Levels 1, 4 and 2 or 5 on each of the questions no one is unsure of
      // (every seventh is "not sure": 44 of the 51): each spans 3 or 4 levels.
      const count = QUESTIONS.length - Math.floor((QUESTIONS.length + 1) / 7);
      assert.equal(count, 44);
      assert.equal(disagreements.length, count, 'the partners disagree on every question they all answered');
      const [one, two, three] = disagreements.map((d) => d.question);

      const group = (question) => page.getByRole('group', { name: question, exact: true });
      await group(one).getByLabel(`2 ${pack.scale[1]}`, { exact: true }).check();
      await page.getByLabel(consensus.note_label).first().fill('The council has the only signed agreement');
      await group(two).getByLabel(`3 ${pack.scale[2]}`, { exact: true }).check();
      await page.getByText(fill(consensus.agreed_count, { count: 2, total: QUESTIONS.length }), { exact: true }).waitFor();
      // Too long: said at the field, nothing lost.
      const notes = page.getByLabel(consensus.note_label);
      await notes.nth(2).fill('y'.repeat(501));
      await page.getByText(`${ui.error_prefix} ${fill(fields.too_long, { field: consensus.note_field, limit: 500, length: 501 })}`, { exact: true }).waitFor();
      assert.equal(await notes.nth(2).inputValue(), 'y'.repeat(501));
      // (Downloads stop until it is put right: see "text over a limit".)
      await notes.nth(2).fill('');

      const name = page.getByLabel(consensus.name_label, { exact: true });
      assert.equal(await name.inputValue(), AREA, 'the area partners gave is suggested');
      await name.fill('Riverside Partnership');

      const axe = await runAxe(page, { include: '.rts-consensus' });
      assert.deepEqual(axe.violations, [], describeViolations(axe.violations));

      const download = await view.download(consensus.download);
      assert.match(download.suggestedFilename(), /^ready-to-share-riverside-partnership-agreed-\d{4}-\d{2}-\d{2}\.json$/);
      const agreed = JSON.parse(await readFile(await download.path(), 'utf8'));
      assert.equal(agreed.format, 'ready-to-share-assessment');
      assert.equal(agreed.context.area, 'Riverside Partnership');
      assert.equal(agreed.context.partners, 'Council\nNHS\nPolice');
      const idOf = (text) => QUESTIONS.find((q) => q.text === text).id;
      assert.equal(agreed.answers[idOf(one)].level, 2);
      assert.ok(agreed.answers[idOf(one)].note.startsWith(consensus.note_agreed));
      assert.ok(agreed.answers[idOf(one)].note.includes('The council has the only signed agreement'));
      assert.equal(agreed.answers[idOf(two)].level, 3);
      // The third was not agreed: the median of 1, 4 and 2 or 5, said so.
      const third = agreed.answers[idOf(three)];
      const levels = partners.map((p) => p.answers[idOf(three)].level).sort((a, b) => a - b);
      assert.equal(third.level, levels[1]);
      assert.ok(third.note.startsWith(fill(consensus.note_median, { count: 3, total: 3 })), third.note);

      // Opened in Ready to Share, it is the partnership's own summary and plan.
      const other = await site.session();
      try {
        const summary = await openToSummary(other.page, site.url, asUpload(download.suggestedFilename(), agreed), 'Riverside Partnership');
        const plan = await summary.plan().waitFor();
        assert.equal(await plan.items.count(), 5, 'the agreed file has actions to plan: the first five shown');
        assert.deepEqual(other.errors, []);
      } finally {
        await other.context.close();
      }
      assert.deepEqual(session.errors, []);
    } finally {
      await session.context.close();
    }
  });
});
