// Keyboard only: start, describe the area, answer a whole theme, check the
// answers, tell a story and reach the summary with Tab, Shift+Tab, Space,
// the arrow keys, Enter and typing; never a mouse. After each navigation,
// focus must be on the new page's h1.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { contentPack } from './helpers.mjs';
import { NOT_SURE, answerText, expectedProfile } from './expected.mjs';
import { fill, focusedElement, locale, waitForHeadingFocus } from './support.mjs';
import { useSite } from './fixtures.mjs';
import { StartScreen } from './pages/start-screen.mjs';
import { SummaryPage } from './pages/summary.mjs';
import { ThemePage } from './pages/theme.mjs';

const pack = contentPack();
const { ui, report, common, bands } = locale();
const THEME = pack.themes[0];
// Question 1 is first answered 1, then moved to 3 after a Shift+Tab back.
const PLAN = [3, NOT_SURE, 5, 1, 2, 4, 2];
const AREA = 'Keyboard Valley';
const NOTE = 'Typed, not clicked.';

/**
 * Presses Tab (or Shift+Tab) until the focused element matches `wanted`,
 * and returns it. Fails after `max` presses.
 */
async function tabTo(page, wanted, { shift = false, max = 80, what = 'the element' } = {}) {
  const seen = [];
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press(shift ? 'Shift+Tab' : 'Tab');
    const focused = await focusedElement(page);
    if (wanted(focused)) return focused;
    seen.push(`${focused.tag}:${focused.text || focused.label}`.slice(0, 60));
  }
  throw new Error(`${shift ? 'Shift+Tab' : 'Tab'} never reached ${what}; passed ${seen.join(' | ')}`);
}

const button = (name) => (f) => f.tag === 'BUTTON' && f.text === name;
const field = (label) => (f) => f.label === label;
const radioOf = (question) => (f) => f.type === 'radio' && f.legend.endsWith(question.text);

describe('keyboard only', () => {
  const site = useSite();

  test('a whole theme and the way to the summary, with focus on each new page\'s h1', () =>
    site.withSession(async (session) => {
      const { page } = session;
      // Count any pointer input, to prove none was used.
      await page.addInitScript(() => {
        window.__pointerEvents = 0;
        for (const type of ['pointerdown', 'mousedown', 'touchstart']) {
          window.addEventListener(type, (e) => { if (e.isTrusted) window.__pointerEvents += 1; }, true);
        }
      });
      const { keyboard } = page;
      await new StartScreen(page).goto(site.url);

      // Start now.
      await tabTo(page, button(ui.start_button), { what: ui.start_button });
      await keyboard.press('Enter');
      await waitForHeadingFocus(page, ui.about_heading);

      // About your area: type the area, tick a policy area with Space.
      await tabTo(page, field(ui.about_area), { what: ui.about_area });
      await keyboard.type(AREA);
      const policy = pack.policy_areas[0].label;
      await tabTo(page, field(policy), { what: policy });
      await keyboard.press('Space');
      assert.equal((await focusedElement(page)).checked, true, `${policy} is ticked`);
      await tabTo(page, button(ui.save_and_continue), { what: ui.save_and_continue });
      await keyboard.press('Enter');
      await waitForHeadingFocus(page, ui.tasks_heading);

      // The first theme from the task list.
      await tabTo(page, button(THEME.title), { what: THEME.title });
      await keyboard.press('Enter');
      await waitForHeadingFocus(page, THEME.title);
      const themePage = new ThemePage(page, THEME.id);

      for (const [index, question] of THEME.questions.entries()) {
        const focused = await tabTo(page, radioOf(question), { what: `question ${index + 1}` });
        assert.equal(focused.label, answerText(1), 'Tab enters an unanswered group on its first level');
        await keyboard.press('Space');
        if (index === 0) {
          // A note, then Shift+Tab back to the question and change the level.
          await tabTo(page, field(ui.note_label), { what: 'the note' });
          await keyboard.type(NOTE);
          const back = await tabTo(page, radioOf(question), { shift: true, max: 5, what: 'question 1 again' });
          assert.equal(back.label, answerText(1), 'Shift+Tab returns to the chosen level');
          await keyboard.press('ArrowDown');
          await keyboard.press('ArrowDown');
        } else if (PLAN[index] === NOT_SURE) {
          await keyboard.press('ArrowUp'); // from the first level round to the last choice
        } else {
          for (let level = 1; level < PLAN[index]; level += 1) await keyboard.press('ArrowDown');
        }
        assert.equal(await themePage.chosen(question.id), PLAN[index], `question ${index + 1} by keyboard`);
      }
      assert.equal(await themePage.note(THEME.questions[0].id).inputValue(), NOTE);

      // Save and continue to the next theme, then back to the task list.
      await tabTo(page, button(ui.save_and_continue), { what: ui.save_and_continue });
      await keyboard.press('Enter');
      await waitForHeadingFocus(page, pack.themes[1].title);
      await tabTo(page, button(ui.return_to_tasks), { what: ui.return_to_tasks });
      await keyboard.press('Enter');
      await waitForHeadingFocus(page, ui.tasks_heading);

      // Check your answers, then Continue to the story.
      await tabTo(page, button(ui.check_heading), { what: ui.check_heading });
      await keyboard.press('Enter');
      await waitForHeadingFocus(page, ui.check_heading);
      await tabTo(page, button(ui.continue_button), { what: ui.continue_button });
      await keyboard.press('Enter');
      await waitForHeadingFocus(page, ui.story_heading);
      await tabTo(page, field(ui.story_label), { what: ui.story_label });
      await keyboard.type('Told with the keyboard.');
      await tabTo(page, button(ui.see_summary), { what: ui.see_summary });
      await keyboard.press('Enter');
      await waitForHeadingFocus(page, fill(report.title_for_area, { area: AREA }));

      // The summary shows the theme answered by keyboard.
      const answers = new Map(THEME.questions.map((q, i) => [q.id, PLAN[i]]));
      const profile = expectedProfile(answers);
      const summary = new SummaryPage(page);
      const rows = await summary.profileRows();
      assert.deepEqual(
        rows.map((r) => r.score),
        profile.themes.map((t) => (t.score === null ? common.no_score : String(t.score))),
      );
      // 275/6 = 45.83, shown 46.
      assert.equal(rows[0].score, '46');
      await summary.text(bands.not_yet).waitFor();

      // Shift+Tab from the summary's h1 reaches its Back button.
      await tabTo(page, button(ui.back), { shift: true, max: 3, what: ui.back });

      assert.equal(await page.evaluate(() => window.__pointerEvents), 0, 'no pointer was used');
      assert.deepEqual(session.dialogs, []);
      assert.deepEqual(session.errors, []);
    }));

  // When the control that has focus goes away, focus must go somewhere
  // sensible, not back to the top of the document (WCAG 2.4.3 Focus Order).
  test('focus stays in place when "Clear answer", "Start again" and "Cancel" replace themselves', () =>
    site.withSession(async (session) => {
      const { page } = session;
      const { keyboard } = page;
      const problems = [];
      const start = await new StartScreen(page).goto(site.url);
      await tabTo(page, button(ui.start_button), { what: ui.start_button });
      await keyboard.press('Enter');
      await waitForHeadingFocus(page, ui.about_heading);
      await tabTo(page, button(ui.save_and_continue), { what: ui.save_and_continue });
      await keyboard.press('Enter');
      await waitForHeadingFocus(page, ui.tasks_heading);
      await tabTo(page, button(THEME.title), { what: THEME.title });
      await keyboard.press('Enter');
      await waitForHeadingFocus(page, THEME.title);
      const themePage = new ThemePage(page, THEME.id);
      const [first, second] = THEME.questions;

      // Answer two questions, then clear the first with its "Clear answer" button.
      await tabTo(page, radioOf(first), { what: 'question 1' });
      await keyboard.press('Space');
      await tabTo(page, radioOf(second), { what: 'question 2' });
      await keyboard.press('Space');
      await tabTo(page, radioOf(first), { shift: true, what: 'question 1 again' });
      const clearName = fill(ui.clear_answer_for, { question: first.text });
      await tabTo(page, (f) => f.tag === 'BUTTON' && f.ariaLabel === clearName && f.text === ui.clear_answer, {
        max: 3,
        what: clearName,
      });
      await keyboard.press('Enter');
      await themePage.radio(first.id, 1).waitFor();
      assert.equal(await themePage.chosen(first.id), null, 'the answer is cleared');
      let focused = await focusedElement(page);
      if (!focused.legend.endsWith(first.text)) {
        problems.push(`after "${ui.clear_answer}", focus is on ${focused.tag} "${focused.text}", not in question 1`);
      }

      // Back to the start page, which now has saved progress.
      await tabTo(page, button(ui.return_to_tasks), { what: ui.return_to_tasks });
      await keyboard.press('Enter');
      await waitForHeadingFocus(page, ui.tasks_heading);
      await tabTo(page, button(ui.back), { shift: true, max: 3, what: ui.back });
      await keyboard.press('Enter');
      await waitForHeadingFocus(page);
      await start.savedHeading.waitFor();

      // "Start again" is replaced by its confirmation.
      await tabTo(page, button(ui.start_again), { what: ui.start_again });
      await keyboard.press('Enter');
      await start.confirmation.waitFor();
      focused = await focusedElement(page);
      const inConfirmation = await start.confirmation.evaluate((group) => group.contains(document.activeElement));
      if (!inConfirmation) {
        problems.push(`after "${ui.start_again}", focus is on ${focused.tag} "${focused.text}", not in the confirmation`);
      }

      // "Cancel" puts "Start again" back.
      if (!inConfirmation) {
        // Focus fell to the top of the page; Tab on into the confirmation.
        await tabTo(page, button(ui.start_again_download), { what: ui.start_again_download });
      }
      await tabTo(page, button(ui.cancel), { what: ui.cancel });
      await keyboard.press('Enter');
      await start.startAgainButton.waitFor();
      focused = await focusedElement(page);
      if (!(focused.tag === 'BUTTON' && focused.text === ui.start_again)) {
        problems.push(`after "${ui.cancel}", focus is on ${focused.tag} "${focused.text}", not on "${ui.start_again}"`);
      }

      assert.deepEqual(problems, [], `focus was lost:\n  ${problems.join('\n  ')}`);
    }));
});
