// The whole assessment, as a person does it: Start now → About your area →
// the task list → every theme by a fixed plan → the task statuses → Check
// your answers (changing one) → Your story → the summary, whose scores,
// band, actions, things to find out and case studies are worked out here
// from the plan and the documented method.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { contentPack, launchBrowser, serveSite } from './helpers.mjs';
import {
  CHANGE,
  CONTEXT,
  HOSTILE_NOTE,
  NOTES,
  PLAN,
  STORY,
  answerText,
  expectedActions,
  expectedCaseStudies,
  expectedFindOut,
  expectedProfile,
  plannedAnswers,
  questions,
  themeOf,
} from './expected.mjs';
import { fill, focusedElement, freshSession, locale, waitUntil } from './support.mjs';
import { AboutPage } from './pages/about.mjs';
import { CheckPage } from './pages/check.mjs';
import { StartScreen } from './pages/start-screen.mjs';
import { StoryPage } from './pages/story.mjs';
import { SummaryPage } from './pages/summary.mjs';
import { TasksPage } from './pages/tasks.mjs';
import { ThemePage } from './pages/theme.mjs';

const pack = contentPack();
const { ui, statuses, bands, report, common } = locale();

describe('the whole assessment', () => {
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

  test('from "Start now" to the summary, with the scores, band and actions the method gives', async () => {
    const session = await freshSession(browser, server.origin);
    const { page } = session;
    try {
      // Start.
      const start = await new StartScreen(page).goto(server.url);
      assert.equal(await start.savedHeading.count(), 0, 'a fresh browser has no saved progress');
      await start.startNow();

      // About your area.
      const about = await new AboutPage(page).waitFor();
      await about.expectHeadingFocused(ui.about_heading);
      await about.fillIn(CONTEXT);
      for (const id of CONTEXT.policyAreas) assert.ok(await about.policyArea(id).isChecked(), `${id} is ticked`);
      await about.saveAndContinue();

      // The task list: nothing started yet.
      const tasks = await new TasksPage(page).waitFor();
      await tasks.expectHeadingFocused(ui.tasks_heading);
      assert.equal(await tasks.status(ui.about_heading), statuses.completed, 'About your area is done');
      for (const theme of pack.themes) {
        assert.equal(await tasks.status(theme.title), statuses.not_started, `${theme.title} before answering`);
      }
      await tasks.progress(0, questions().length).waitFor();

      // Every theme, one after another.
      await tasks.open(pack.themes[0].title);
      for (const theme of pack.themes) {
        const themePage = await new ThemePage(page, theme.id).waitFor();
        await themePage.expectHeadingFocused(theme.title);
        await themePage.answer(PLAN[theme.id], NOTES);
        for (const [index, question] of theme.questions.entries()) {
          assert.equal(await themePage.chosen(question.id), PLAN[theme.id][index], `${question.id} is checked as planned`);
        }
        await themePage.saveAndContinue();
      }

      // "Save and continue" on the last theme goes to Check your answers;
      // go back to the task list to see the statuses.
      let check = await new CheckPage(page).waitFor();
      await check.expectHeadingFocused(ui.check_heading);
      await check.back();
      await tasks.waitFor();
      const planned = plannedAnswers();
      const before = expectedProfile(planned);
      for (const theme of before.themes) {
        assert.equal(await tasks.status(theme.title), statuses[theme.status], `status of ${theme.title}`);
      }
      assert.equal(await tasks.status(pack.themes.find((t) => t.id === 'data').title), statuses.in_progress);
      await tasks.progress(planned.size, questions().length).waitFor();

      // Check your answers: every answer and note as given.
      await tasks.open(ui.check_heading);
      check = await new CheckPage(page).waitFor();
      await check.expectHeadingFocused(ui.check_heading);
      for (const theme of pack.themes) {
        for (const question of theme.questions) {
          assert.equal(await check.answer(question.id), answerText(planned.get(question.id)), question.id);
        }
      }
      const noteLines = await check.value(check.questionText('purpose-what-information'));
      assert.equal(noteLines.slice(1).join('\n'), `${ui.note_short}: ${HOSTILE_NOTE}`, 'the note is shown as text');
      assert.equal(await page.evaluate(() => document.images.length), 0, 'the note made no image');
      assert.deepEqual(await check.value(ui.about_area), [CONTEXT.area]);
      assert.deepEqual(await check.value(ui.about_organisation), [CONTEXT.organisation]);
      const areas = (await check.value(ui.about_policy_areas))[0].split(', ').sort();
      const expectedAreas = CONTEXT.policyAreas.map((id) => pack.policy_areas.find((a) => a.id === id).label).sort();
      assert.deepEqual(areas, expectedAreas);

      // Change one answer; the Change button's name says which question.
      const changed = check.changeButton(CHANGE.questionId);
      assert.equal(await changed.count(), 1, 'one Change button named after the question');
      await changed.click();
      const changeTheme = await new ThemePage(page, themeOf(CHANGE.questionId)).waitFor();
      const question = changeTheme.questionById(CHANGE.questionId).question;
      const focused = await waitUntil(async () => {
        const f = await focusedElement(page);
        return f.type === 'radio' && f.legend.endsWith(question.text) && f;
      }, { message: 'focus moves to the question being changed' });
      assert.ok(focused);
      await changeTheme.choose(CHANGE.questionId, CHANGE.level);
      assert.equal(await changeTheme.chosen(CHANGE.questionId), CHANGE.level);
      await changeTheme.saveAndContinue();
      check = await new CheckPage(page).waitFor();
      assert.equal(await check.answer(CHANGE.questionId), answerText(CHANGE.level), 'the change is reflected');
      await check.continue();

      // Your story.
      const story = await new StoryPage(page).waitFor();
      await story.expectHeadingFocused(ui.story_heading);
      await story.tell(STORY);
      await story.seeSummary();

      // The summary.
      const summary = await new SummaryPage(page).waitFor(CONTEXT.area);
      await summary.expectHeadingFocused(fill(report.title_for_area, { area: CONTEXT.area }));
      const answers = plannedAnswers({ change: true });
      const profile = expectedProfile(answers);

      assert.deepEqual(await summary.columnHeaders(), [
        report.theme,
        report.score,
        report.answered,
        report.not_sure,
        report.unanswered,
      ]);
      assert.deepEqual(
        await summary.profileRows(),
        profile.themes.map((t) => ({
          theme: t.title,
          score: t.score === null ? common.no_score : String(t.score),
          answered: t.scored,
          notSure: t.notSure,
          unanswered: t.unanswered,
        })),
        'the profile table shows each theme\'s score from the method',
      );
      // Worked by hand too, so a slip in expected.mjs cannot hide one in the app.
      assert.deepEqual(profile.themes.map((t) => t.score), [63, 46, 35, 71, 25]);
      assert.equal(profile.overall, 48);
      assert.equal(profile.band, 'developing');

      await summary.text(bands[profile.band]).waitFor();
      await summary.text(fill(report.overall_score, { score: profile.overall })).waitFor();
      await summary.chart.waitFor();

      const actions = expectedActions(answers);
      const shown = await summary.actions();
      assert.equal(shown.length, actions.length, 'one priority action per answer below Embedded');
      actions.forEach((expected, i) => {
        assert.ok(
          shown[i].startsWith(expected.action) && shown[i].endsWith(expected.because),
          `priority action ${i + 1}:\n  shown:    ${shown[i]}\n  expected: ${expected.action} / ${expected.because}`,
        );
      });
      // The first few, spelled out: level 1 answers, weakest theme first.
      const first = actions.slice(0, 5).map((a) => a.questionId);
      assert.deepEqual(first, [
        'people-transparency',
        'people-engagement',
        'data-quality',
        'governance-agreement',
        'people-consent',
      ]);

      assert.deepEqual(await summary.findOut(), expectedFindOut(answers), 'not-sure answers are things to find out');

      const studies = expectedCaseStudies(answers, CONTEXT.policyAreas);
      const links = summary.caseStudyLinks();
      assert.equal(await links.count(), studies.length);
      for (const [i, study] of studies.entries()) {
        const link = links.nth(i);
        const name = `${study.title} ${common.opens_in_new_tab}`;
        assert.equal(
          await page.getByRole('link', { name, exact: true }).count(),
          1,
          `case study ${i + 1} is "${study.title}", named with "${common.opens_in_new_tab}"`,
        );
        assert.equal((await link.textContent()).replace(/\s+/g, ' ').trim(), name);
        assert.equal(await link.getAttribute('href'), study.url);
        assert.equal(await link.getAttribute('target'), '_blank');
        assert.ok((await link.getAttribute('rel')).split(/\s+/).includes('noopener'), 'rel has noopener');
      }

      await summary.text(STORY).waitFor();
      assert.equal(await page.locator('img').count(), 0, 'nothing the user typed became an image');

      assert.deepEqual(session.dialogs, [], 'no dialog opened');
      assert.deepEqual(session.errors, [], 'no errors logged');
      assert.deepEqual(session.foreignRequests, [], 'no request left the site');
    } finally {
      await session.context.close();
    }
  });
});
