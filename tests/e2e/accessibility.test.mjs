// axe (WCAG 2.0, 2.1 and 2.2 A and AA) on every screen, in the states a
// person sees them: the start page fresh, with saved progress, with the
// start-again confirmation and with an error summary; About your area; the
// task list; a theme with some answers; Check your answers; Your story; and
// the summary. Each screen is its own subtest, so every violation is listed.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { contentPack, describeViolations, missingAxePasses, runAxe } from './helpers.mjs';
import { CONTEXT, NOTES, NOT_SURE, STORY } from './expected.mjs';
import { locale } from './support.mjs';
import { useSite } from './fixtures.mjs';
import { AboutPage } from './pages/about.mjs';
import { CheckPage } from './pages/check.mjs';
import { StartScreen } from './pages/start-screen.mjs';
import { StoryPage } from './pages/story.mjs';
import { SummaryPage } from './pages/summary.mjs';
import { TasksPage } from './pages/tasks.mjs';
import { ThemePage } from './pages/theme.mjs';

const pack = contentPack();
const { ui } = locale();

async function expectNoViolations(page, screen) {
  const results = await runAxe(page);
  assert.deepEqual(missingAxePasses(results), [], 'axe ran its checks: button names and contrast passed');
  assert.equal(
    results.violations.length,
    0,
    `axe found ${results.violations.length} violation(s) on ${screen}:\n${describeViolations(results.violations)}`,
  );
}

describe('accessibility', () => {
  const site = useSite();

  test('every screen meets WCAG 2.2 AA as far as axe can tell', (t) =>
    site.withSession(async (session) => {
      const { page } = session;
      const check = (screen) => t.test(screen, () => expectNoViolations(page, screen));
      const start = await new StartScreen(page).goto(site.url);
      await check('the start page');

      await start.startNow();
      const about = await new AboutPage(page).waitFor();
      await about.fillIn(CONTEXT);
      await check('About your area, filled in');

      await about.saveAndContinue();
      const tasks = await new TasksPage(page).waitFor();
      await check('the task list');

      const theme = pack.themes[1];
      await tasks.open(theme.title);
      const themePage = await new ThemePage(page, theme.id).waitFor();
      await themePage.choose(theme.questions[0].id, 2);
      await themePage.choose(theme.questions[1].id, NOT_SURE);
      await themePage.choose(theme.questions[2].id, 5);
      await themePage.note(theme.questions[2].id).fill(NOTES['governance-dpia']);
      await check('a theme page with some answers');

      await themePage.returnToTasks();
      await tasks.waitFor();
      await tasks.open(ui.check_heading);
      const checkPage = await new CheckPage(page).waitFor();
      await check('Check your answers');

      await checkPage.continue();
      const story = await new StoryPage(page).waitFor();
      await story.tell(STORY);
      await check('Your story');

      await story.seeSummary();
      const summary = await new SummaryPage(page).waitFor(CONTEXT.area);
      await check('the summary');
      await page.getByText(ui.how_worked_out, { exact: true }).filter({ visible: true }).click();
      await check('the summary, "How this was worked out" open');

      await summary.back();
      await tasks.waitFor();
      await tasks.back();
      await start.waitFor();
      await start.savedHeading.waitFor();
      await check('the start page with saved progress');

      await start.startAgain();
      await check('the start-again confirmation');

      await start.confirmation.getByRole('button', { name: ui.cancel, exact: true }).click();
      await start.openFile({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('not json') });
      await start.errorSummary.waitFor();
      await check('the start page with an error summary');

      assert.deepEqual(session.dialogs, []);
      assert.deepEqual(session.errors, []);
    }));
});
