// The plan's journey through the app, step by step, for the tests that need
// a finished assessment (downloads, the README screenshot). flow.test.mjs
// walks the same journey checking every step on the way.

import { contentPack } from './helpers.mjs';
import { locale } from './support.mjs';
import { CHANGE, CONTEXT, NOTES, PLAN, STORY, themeOf } from './expected.mjs';
import { AboutPage } from './pages/about.mjs';
import { CheckPage } from './pages/check.mjs';
import { PartnershipPage } from './pages/partnership.mjs';
import { StartScreen } from './pages/start-screen.mjs';
import { StoryPage } from './pages/story.mjs';
import { SummaryPage } from './pages/summary.mjs';
import { TasksPage } from './pages/tasks.mjs';
import { ThemePage } from './pages/theme.mjs';

/** Start now → About your area (filled in) → the task list. */
export async function startAndDescribe(page, url, context = CONTEXT) {
  const start = await new StartScreen(page).goto(url);
  await start.startNow();
  const about = await new AboutPage(page).waitFor();
  await about.fillIn(context);
  await about.saveAndContinue();
  return new TasksPage(page).waitFor();
}

/**
 * From the task list: every theme by the plan (with notes), one after the
 * other with "Save and continue", which ends on "Check your answers".
 */
export async function answerEveryTheme(page, { plan = PLAN, notes = NOTES } = {}) {
  const pack = contentPack();
  await new TasksPage(page).open(pack.themes[0].title);
  for (const theme of pack.themes) {
    const themePage = await new ThemePage(page, theme.id).waitFor();
    await themePage.answer(plan[theme.id], notes);
    await themePage.saveAndContinue();
  }
  return new CheckPage(page).waitFor();
}

/** The whole journey, change included, ending on the summary. */
export async function completeAssessment(page, url) {
  await startAndDescribe(page, url);
  const check = await answerEveryTheme(page);
  await check.change(CHANGE.questionId);
  const people = await new ThemePage(page, themeOf(CHANGE.questionId)).waitFor();
  await people.choose(CHANGE.questionId, CHANGE.level);
  await people.saveAndContinue();
  await (await new CheckPage(page).waitFor()).continue();
  const story = await new StoryPage(page).waitFor();
  await story.tell(STORY);
  await story.seeSummary();
  return new SummaryPage(page).waitFor(CONTEXT.area);
}

const PARTNERSHIP_FIXTURES = new URL('./fixtures/partnership/', import.meta.url).pathname;

/** The earlier assessment the comparison tests choose (a 1.0.0 file). */
export const EARLIER_ASSESSMENT = `${PARTNERSHIP_FIXTURES}earlier-assessment.json`;

/** The whole journey, then "Compare with an earlier assessment" with the earlier file. */
export async function compareWithEarlier(page, url) {
  const ui = locale().ui;
  const summary = await completeAssessment(page, url);
  await page.getByLabel(ui.compare_label, { exact: true }).setInputFiles(EARLIER_ASSESSMENT);
  await page.getByRole('heading', { level: 2, name: locale().compare.heading, exact: true }).waitFor();
  return summary;
}

/** From the start page, the partnership view with three partners' files chosen. */
export async function openPartnershipView(page, url) {
  const start = await new StartScreen(page).goto(url);
  await start.waitFor();
  await page.getByRole('button', { name: locale().ui.partnership_button, exact: true }).click();
  const view = await new PartnershipPage(page).waitFor();
  await view.chooseFiles(['council.json', 'nhs.json', 'police.json'].map((name) => PARTNERSHIP_FIXTURES + name));
  await view.scoresTable.waitFor();
  return view;
}
