// The plan's journey through the app, step by step, for the tests that need
// a finished assessment (downloads, the README screenshot). flow.test.mjs
// walks the same journey checking every step on the way.

import { contentPack } from './helpers.mjs';
import { CHANGE, CONTEXT, NOTES, PLAN, STORY, themeOf } from './expected.mjs';
import { AboutPage } from './pages/about.mjs';
import { CheckPage } from './pages/check.mjs';
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
