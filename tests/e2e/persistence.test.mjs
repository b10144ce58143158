// Progress survives a reload and a closed tab: the app comes back on the
// same theme page with the same answers and notes.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { contentPack } from './helpers.mjs';
import { NOT_SURE } from './expected.mjs';
import { locale, waitUntil, watchDialogs, watchErrors } from './support.mjs';
import { useSite } from './fixtures.mjs';
import { StartScreen } from './pages/start-screen.mjs';
import { AboutPage } from './pages/about.mjs';
import { TasksPage } from './pages/tasks.mjs';
import { ThemePage } from './pages/theme.mjs';

const pack = contentPack();
const TOTAL = pack.themes.reduce((n, t) => n + t.questions.length, 0);
const PROGRESS_KEY = 'ready-to-share:progress:v1';

// Governance, the second theme, so coming back to the first page would not pass.
const THEME = pack.themes[1];
const [Q1, Q2, Q3, Q4] = THEME.questions.map((q) => q.id);
const NOTE = 'Ask the DPO, Priya, about the 2019 agreement.\nShe has the signed copy.';

/** Whether the saved progress (localStorage) holds `text` yet. */
async function saved(page, text) {
  return page.evaluate(
    ([key, wanted]) => (localStorage.getItem(key) ?? '').includes(wanted),
    [PROGRESS_KEY, JSON.stringify(text).slice(1, -1)],
  );
}

/** Checks the theme page shows the answers given. */
async function expectAnswers(themePage, expected, label) {
  await themePage.waitFor();
  for (const [id, response] of Object.entries(expected)) {
    assert.equal(await themePage.chosen(id), response, `${label}: ${id}`);
  }
  assert.equal(await themePage.note(Q1).inputValue(), NOTE, `${label}: the note`);
}

describe('saving progress', () => {
  const site = useSite();

  test('a reload, and a new tab after closing this one, come back to the same page and answers', () =>
    site.withSession(async (session) => {
      const { context } = session;
      let { page } = session;
      const start = await new StartScreen(page).goto(site.url);
      await start.startNow();
      await (await new AboutPage(page).waitFor()).saveAndContinue();
      await (await new TasksPage(page).waitFor()).open(THEME.title);
      let themePage = await new ThemePage(page, THEME.id).waitFor();
      const answers = { [Q1]: 2, [Q2]: NOT_SURE, [Q3]: 5, [Q4]: null };
      await themePage.choose(Q1, 2);
      await themePage.choose(Q2, NOT_SURE);
      await themePage.choose(Q3, 5);
      await themePage.note(Q1).fill(NOTE);

      // Saving waits 400 ms after the last change: wait until it has happened.
      await waitUntil(() => saved(page, NOTE), { timeout: 2000, message: 'progress saved within 2 s' });
      await page.reload();
      themePage = new ThemePage(page, THEME.id);
      await expectAnswers(themePage, answers, 'after a reload');

      // Close the tab; a new one in the same browser profile restores too.
      await page.close();
      page = await context.newPage();
      const dialogs = [];
      watchDialogs(page, dialogs);
      watchErrors(page, session.errors);
      await page.goto(site.url);
      themePage = new ThemePage(page, THEME.id);
      await expectAnswers(themePage, answers, 'in a new tab');

      // A change made just before the tab closes is saved as it closes.
      await themePage.choose(Q4, 4);
      await page.close({ runBeforeUnload: true });
      page = await context.newPage();
      watchDialogs(page, dialogs);
      watchErrors(page, session.errors);
      await page.goto(site.url);
      themePage = new ThemePage(page, THEME.id);
      await expectAnswers(themePage, { ...answers, [Q4]: 4 }, 'after closing at once');

      // And the task list agrees.
      await themePage.returnToTasks();
      const tasks = await new TasksPage(page).waitFor();
      assert.equal(await tasks.status(THEME.title), locale().statuses.in_progress);
      await tasks.progress(4, TOTAL).waitFor();

      assert.deepEqual([...session.dialogs, ...dialogs], [], 'no dialog opened');
      assert.deepEqual(session.errors, [], 'no errors logged');
    }));
});
