// Opening a file that is not an assessment file: an error summary says what
// is wrong, takes focus, links to the file field, and the answers already
// saved are left alone. Opening a file with answers the tool cannot use, or
// one saved with the first version of the questions (pack 1.0.0): it opens,
// keeps every answer, and says in plain words what changed.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { contentPack, describeViolations, runAxe } from './helpers.mjs';
import { NOT_SURE, answerText } from './expected.mjs';
import { fill, focusedElement, locale, waitForHeadingFocus, waitUntil } from './support.mjs';
import { useSite } from './fixtures.mjs';
import { AboutPage } from './pages/about.mjs';
import { CheckPage } from './pages/check.mjs';
import { StartScreen } from './pages/start-screen.mjs';
import { SummaryPage } from './pages/summary.mjs';
import { TasksPage } from './pages/tasks.mjs';
import { ThemePage } from './pages/theme.mjs';

const pack = contentPack();
const { ui, file: messages, statuses } = locale();
const TOTAL = pack.themes.reduce((n, t) => n + t.questions.length, 0);
const questionText = (id) => pack.themes.flatMap((t) => t.questions).find((q) => q.id === id).text;

// A file saved with the first version of the questions, and that version's
// pack: the wording a user answered then.
const OLD_FILE_PATH = fileURLToPath(new URL('../fixtures/assessment-pack-1.0.0.json', import.meta.url));
const OLD_FILE = JSON.parse(readFileSync(OLD_FILE_PATH, 'utf8'));
const OLD_PACK = JSON.parse(readFileSync(fileURLToPath(new URL('../fixtures/pack-1.0.0.json', import.meta.url)), 'utf8'));
const OLD_TEXT = new Map(OLD_PACK.themes.flatMap((t) => t.questions).map((q) => [q.id, q.text]));
const THEME = pack.themes[2];
const ANSWERS = { [THEME.questions[0].id]: 4, [THEME.questions[1].id]: NOT_SURE };

/** Waits until the error summary has focus. */
async function expectErrorSummaryFocused(page) {
  let seen;
  try {
    await waitUntil(async () => {
      seen = await focusedElement(page);
      return seen.role === 'alert' && seen.text.startsWith(ui.error_summary_title);
    });
  } catch {
    throw new Error(`expected focus on the error summary, but it is on ${JSON.stringify(seen)}`);
  }
}

describe('opening a file that is not an assessment file', () => {
  const site = useSite();

  test('says what is wrong, takes focus, and leaves the answers as they were', () =>
    site.withSession(async (session) => {
      const { page } = session;
      // Some answers first.
      const start = await new StartScreen(page).goto(site.url);
      await start.startNow();
      await (await new AboutPage(page).waitFor()).saveAndContinue();
      const tasks = await new TasksPage(page).waitFor();
      await tasks.open(THEME.title);
      const themePage = await new ThemePage(page, THEME.id).waitFor();
      for (const [id, response] of Object.entries(ANSWERS)) await themePage.choose(id, response);
      await themePage.returnToTasks();
      await tasks.waitFor();
      await tasks.back();
      await start.waitFor();
      await start.savedHeading.waitFor();

      // Not JSON at all.
      await start.openFile({
        name: 'minutes.json',
        mimeType: 'application/json',
        buffer: Buffer.from('Minutes of the partnership board, 3 March\n- apologies: none\n'),
      });
      let shown = await start.errorMessages();
      assert.equal(shown.length, 1, 'one message');
      assert.equal(shown[0], messages.not_json, 'the "not JSON" message, in plain words with no parser detail');
      await expectErrorSummaryFocused(page);

      // The message links to the file field.
      await start.errorSummary.getByRole('link').first().click();
      await waitUntil(async () => (await focusedElement(page)).label === ui.open_label, {
        message: 'the error link moves focus to "Choose an assessment file"',
      });

      // JSON, but not ours.
      await start.openFile({
        name: 'settings.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify({ format: 'something-else', answers: { 'data-quality': { level: 1 } } })),
      });
      await waitUntil(async () => (await start.errorMessages())[0] === messages.not_ours, {
        message: 'the "not ours" message replaces the first',
      });
      shown = await start.errorMessages();
      assert.deepEqual(shown, [messages.not_ours]);
      await expectErrorSummaryFocused(page);

      // A file from a newer version of the tool.
      await start.openFile({
        name: 'future.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify({ format: 'ready-to-share-assessment', format_version: 99 })),
      });
      await waitUntil(async () => (await start.errorMessages())[0] === fill(messages.newer_format, { version: 99 }), {
        message: 'the "newer version" message',
      });
      await expectErrorSummaryFocused(page);

      // The answers are unchanged.
      await start.continue();
      await tasks.waitFor();
      assert.equal(await start.errorSummary.count(), 0, 'the error summary goes with the start page');
      await tasks.progress(Object.keys(ANSWERS).length, TOTAL).waitFor();
      assert.equal(await tasks.status(THEME.title), statuses.in_progress);
      await tasks.open(ui.check_heading);
      const check = await new CheckPage(page).waitFor();
      for (const question of THEME.questions) {
        assert.equal(await check.answer(question.id), answerText(ANSWERS[question.id]), question.id);
      }

      assert.deepEqual(session.dialogs, [], 'no dialog opened');
      assert.deepEqual(session.errors, [], 'no errors logged');
    }));

  // README "The assessment file": "An answer with a level out of range is
  // reported and left unanswered (its note kept). An answer to a question the
  // current pack does not have is reported and kept aside".
  test('a file of the current questions with nothing to check opens under "Success"; one with things to check does not', () =>
    site.withSession(async ({ page }) => {
      const [first] = pack.themes[0].questions;
      const file = {
        format: 'ready-to-share-assessment',
        format_version: 2,
        content_pack: { id: pack.id, version: pack.version },
        answers: { [first.id]: { level: 2 } },
      };
      const start = await new StartScreen(page).goto(site.url);
      await start.openFile({ name: 'clean.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
      await new TasksPage(page).waitFor();
      const success = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: ui.opened_title, exact: true }) });
      await success.getByText(ui.opened_body, { exact: true }).waitFor();
      assert.ok((await success.getAttribute('class')).includes('success'));

      await new TasksPage(page).back();
      await start.savedHeading.waitFor();
      file.answers.unknown = { level: 3 };
      await start.openFile({ name: 'odd.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
      await page.getByRole('group', { name: ui.open_confirm_warning }).getByRole('button', { name: ui.open_confirm, exact: true }).click();
      const important = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: ui.opened_warnings_title, exact: true }) });
      await important.getByText(ui.opened_with_warnings, { exact: true }).waitFor();
      assert.equal(await page.getByRole('heading', { name: ui.opened_title, exact: true }).count(), 0);
    }));

  test('a file with answers it cannot use opens, keeps the rest, and says which it could not use', () =>
    site.withSession(async (session) => {
      const { page } = session;
      const start = await new StartScreen(page).goto(site.url);
      await start.openFile({
        name: 'old-answers.json',
        mimeType: 'application/json',
        buffer: Buffer.from(
          JSON.stringify({
            format: 'ready-to-share-assessment',
            format_version: 1,
            content_pack: { id: pack.id, version: pack.version },
            context: { area: 'Somewhere', organisation: '', partners: '', policy_areas: [] },
            answers: {
              'purpose-why': { level: 3 },
              'data-quality': { level: 9, note: 'Checked in May' },
              'no-such-question': { level: 2 },
            },
            story: '',
          }),
        ),
      });
      const tasks = await new TasksPage(page).waitFor();
      await tasks.progress(1, TOTAL).waitFor();

      // A question this pack asks is named by its wording; one it does not
      // know can only be named by its reference.
      const outOfRange = fill(messages.level_out_of_range, { question: questionText('data-quality'), value: '9' });
      const unknown = fill(messages.unknown_question, { question: 'no-such-question' });
      const problems = [];
      for (const message of [outOfRange, unknown]) {
        if ((await page.getByText(message, { exact: true }).count()) === 0) problems.push(message);
      }
      assert.deepEqual(problems, [], 'after opening the file, the app tells the user what it could not use');

      await tasks.open(ui.check_heading);
      const check = await new CheckPage(page).waitFor();
      assert.equal(await check.answer('purpose-why'), answerText(3));
      assert.deepEqual(await check.value(check.questionText('data-quality')), [
        answerText(null),
        `${ui.note_short}: Checked in May`,
      ]);
      assert.deepEqual(session.errors, [], 'no errors logged');
    }));
  // Issue 10: "A file saved with pack 1.0.0 opens in 2.0.0: answers to kept
  // questions come back, new questions show as unanswered, removed or
  // reworded questions are reported in plain words (their wording, not their
  // ids), and nothing is dropped."
  test('a file saved with the 1.0.0 questions opens, quotes the old wording of reworded and removed questions, and keeps every answer', () =>
    site.withSession(async (session) => {
      const { page } = session;
      const start = await new StartScreen(page).goto(site.url);
      await start.openFile(OLD_FILE_PATH);
      const tasks = await new TasksPage(page).waitFor();
      await waitForHeadingFocus(page, ui.tasks_heading);

      // Worked out from the packs: the questions changed since 1.0.0 (the
      // pack lists every change since then), the ones whose levels now mean
      // something else, and the one no longer asked.
      const current = new Map(pack.themes.flatMap((t) => t.questions).map((q) => [q.id, q.text]));
      const answered = Object.keys(OLD_FILE.answers);
      const changesOf = (id) =>
        pack.earlier_questions.filter((e) => e.id === id).sort((a, b) => a.version.localeCompare(b.version, 'en', { numeric: true }));
      const meaning = answered.filter((id) => current.has(id) && changesOf(id).some((e) => e.change === 'meaning'));
      const reworded = answered.filter((id) => current.has(id) && !meaning.includes(id) && changesOf(id).length > 0);
      const removed = answered.filter((id) => !current.has(id));
      assert.deepEqual(removed, ['culture-confidence'], 'the fixture answers the one removed question');
      // Compared by hand with the review of pack 2.0.0 and the 3.0.0 ladders:
      // 11 answered questions changed meaning since 1.0.0.
      assert.deepEqual([...meaning].sort(), [
        'culture-capacity',
        'culture-stories',
        'culture-understanding',
        'data-holdings',
        'data-overlap',
        'data-quality',
        'data-systems',
        'governance-dpia',
        'governance-policies',
        'people-consent',
        'purpose-what-information',
      ]);
      const replacement = pack.earlier_questions.find((e) => e.id === 'culture-confidence').replaced_by;
      assert.equal(replacement, 'culture-staff-confidence');
      // The words answered: the levels of the oldest change since 1.0.0
      // (the version the file was saved with).
      const answeredWords = (id) => {
        const level = OLD_FILE.answers[id].level;
        const earlier = changesOf(id).find((e) => e.levels) ?? changesOf(id).find((e) => e.change === 'meaning');
        const keys = ['not_started', 'emerging', 'developing', 'established', 'embedded'];
        return Number.isInteger(level)
          ? fill(messages.changed_meaning, { question: current.get(id), answered: earlier.levels[keys[level - 1]] })
          : fill(messages.changed_meaning_not_sure, { question: current.get(id) });
      };
      // The notice lists the first 50 of each kind (the answers are read in
      // the order of their ids; the README says 50) and counts the rest in
      // one line.
      const LISTED = 50;
      const firstListed = (ids, words) => {
        const sorted = [...ids].sort();
        const lines = sorted.slice(0, LISTED).map(words);
        if (sorted.length > LISTED) lines.push(fill(messages.more_of_the_same, { count: sorted.length - LISTED }));
        return lines;
      };
      const expected = [
        fill(messages.other_pack_version, { version: '1.0.0' }),
        ...firstListed(reworded, (id) => fill(messages.reworded_question, { earlier: changesOf(id)[0].text, question: current.get(id) })),
        ...firstListed(meaning, answeredWords),
        `${fill(messages.removed_question, { question: OLD_TEXT.get('culture-confidence') })} ${fill(messages.replaced_by, { question: current.get(replacement) })}`,
      ];

      // The success notice (an alert, as GOV.UK's success banner is) lists them.
      const notice = page.getByRole('alert').filter({ hasText: ui.opened_with_warnings });
      await notice.waitFor();
      const shown = (await notice.getByRole('listitem').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
      assert.deepEqual([...shown].sort(), [...expected].sort(), 'every change, in plain words');
      // Spelled out: the old wording is quoted, not the question's reference.
      const quoted = (text) => shown.some((line) => line.includes(`"${text}"`));
      assert.ok(quoted('How visibly do senior leaders champion information sharing?'), 'a reworded question, as it was asked');
      assert.ok(quoted('How confident are front-line staff about when and how to share information?'), 'the removed question, as it was asked');
      for (const line of shown) {
        assert.ok(!/\b(culture-confidence|governance-agreement)\b/.test(line), `no question reference in: ${line}`);
      }
      const axe = await runAxe(page);
      assert.equal(axe.violations.length, 0, `axe, the task list with the notice:\n${describeViolations(axe.violations)}`);

      // Every answer to a question still asked, whose meaning is unchanged,
      // is back with its note; new questions, and those whose meaning
      // changed, are unanswered.
      const kept = answered.filter((id) => current.has(id) && !meaning.includes(id));
      await tasks.progress(kept.length, TOTAL).waitFor();
      await tasks.open(ui.check_heading);
      const check = await new CheckPage(page).waitFor();
      const response = (answer) => (answer.level === 'not-sure' ? NOT_SURE : answer.level);
      for (const [id] of current) {
        const answer = meaning.includes(id) ? undefined : OLD_FILE.answers[id];
        const lines = await check.value(check.questionText(id));
        const expectedLines = answer
          ? [answerText(response(answer)), ...(answer.note ? [`${ui.note_short}: ${answer.note}`] : [])]
          : [answerText(null)];
        assert.deepEqual(lines, expectedLines, id);
      }
      assert.deepEqual(await check.value(ui.about_area), [OLD_FILE.context.area]);

      // Nothing is dropped: the answer to the removed question goes with the
      // file the user downloads.
      await check.back();
      await tasks.waitFor();
      await tasks.seeSummary();
      const summary = await new SummaryPage(page).waitFor(OLD_FILE.context.area);
      const download = await summary.download(ui.download_json);
      const saved = JSON.parse(await readFile(await download.path(), 'utf8'));
      assert.deepEqual(saved.set_aside?.['culture-confidence'], OLD_FILE.answers['culture-confidence'], 'the removed question\'s answer and note are kept');
      for (const id of meaning) assert.deepEqual(saved.set_aside?.[id], OLD_FILE.answers[id], `${id}, whose meaning changed, is kept aside`);
      for (const id of kept) assert.deepEqual(saved.answers[id], OLD_FILE.answers[id], `${id} in the saved file`);
      assert.equal(saved.content_pack.version, pack.version, 'saved with the current questions');

      assert.deepEqual(session.dialogs, [], 'no dialog opened');
      assert.deepEqual(session.errors, [], 'no errors logged');
      assert.deepEqual(session.foreignRequests, [], 'no request left the site');
    }));

  // A file saved by another program in another encoding, or cut short, has
  // bytes that are not UTF-8. It opens, and says which fields were damaged.
  test('a file with damaged text (not UTF-8) opens and names each field with characters it could not read', () =>
    site.withSession(async (session) => {
      const { page } = session;
      const question = THEME.questions[0];
      const json = JSON.stringify({
        format: 'ready-to-share-assessment',
        format_version: 1,
        content_pack: { id: pack.id, version: pack.version },
        context: { area: 'AREA', organisation: '', partners: '', policy_areas: [] },
        answers: { [question.id]: { level: 4, note: 'NOTE' } },
        story: '',
      });
      // "Café" in Latin-1 for the area; a UTF-8 sequence cut short in the note.
      const [beforeArea, rest] = json.split('AREA');
      const [between, afterNote] = rest.split('NOTE');
      const buffer = Buffer.concat([
        Buffer.from(`${beforeArea}Caf`),
        Buffer.from([0xe9]),
        Buffer.from(`${between}Agreed in 2019 `),
        Buffer.from([0xe2, 0x82]),
        Buffer.from(afterNote),
      ]);
      const start = await new StartScreen(page).goto(site.url);
      await start.openFile({ name: 'exported.json', mimeType: 'application/json', buffer });

      const tasks = await new TasksPage(page).waitFor();
      await tasks.progress(1, TOTAL).waitFor();
      for (const field of ['context.area', `answers.${question.id}.note`]) {
        await page.getByText(fill(messages.damaged_text, { field }), { exact: true }).waitFor();
      }
      // What could be read is kept, the damage shown as �.
      await tasks.open(THEME.title);
      const themePage = await new ThemePage(page, THEME.id).waitFor();
      assert.equal(await themePage.chosen(question.id), 4);
      assert.equal(await themePage.note(question.id).inputValue(), 'Agreed in 2019 \ufffd');
      assert.deepEqual(session.errors, [], 'no errors logged');
    }));
});
