// Opening a file that is not an assessment file: an error summary says what
// is wrong, takes focus, links to the file field, and the answers already
// saved are left alone.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { contentPack, launchBrowser, serveSite } from './helpers.mjs';
import { NOT_SURE, answerText } from './expected.mjs';
import { fill, focusedElement, freshSession, locale, waitUntil } from './support.mjs';
import { AboutPage } from './pages/about.mjs';
import { CheckPage } from './pages/check.mjs';
import { StartScreen } from './pages/start-screen.mjs';
import { TasksPage } from './pages/tasks.mjs';
import { ThemePage } from './pages/theme.mjs';

const pack = contentPack();
const { ui, file: messages, statuses } = locale();
const TOTAL = pack.themes.reduce((n, t) => n + t.questions.length, 0);
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
  let server;
  let browser;

  before(async () => {
    server = await serveSite();
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('says what is wrong, takes focus, and leaves the answers as they were', async () => {
    const session = await freshSession(browser, server.origin);
    const { page } = session;
    try {
      // Some answers first.
      const start = await new StartScreen(page).goto(server.url);
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
      const notJsonPrefix = messages.not_json.slice(0, messages.not_json.indexOf('{detail}'));
      let shown = await start.errorMessages();
      assert.equal(shown.length, 1, 'one message');
      assert.ok(shown[0].startsWith(notJsonPrefix), `the "not JSON" message, got: ${shown[0]}`);
      assert.ok(shown[0].endsWith(')'), 'with the detail in brackets');
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
    } finally {
      await session.context.close();
    }
  });

  // README "The assessment file": "An answer with a level out of range is
  // reported and left unanswered (its note kept). An answer to a question the
  // current pack does not have is reported and kept aside".
  test('a file with answers it cannot use opens, keeps the rest, and says which it could not use', async () => {
    const session = await freshSession(browser, server.origin);
    const { page } = session;
    try {
      const start = await new StartScreen(page).goto(server.url);
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

      const outOfRange = fill(messages.level_out_of_range, { question: 'data-quality', value: '9' });
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
    } finally {
      await session.context.close();
    }
  });
});
