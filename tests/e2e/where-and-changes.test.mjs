// Where the partnership works, and answers to questions that have changed.
//
// A partnership in Wales, chosen by keyboard on "About your area", is shown
// no guidance that applies in England only, and the choice survives a
// reload. Progress saved in the browser by an earlier version of the
// questions opens with the same messages a file would give, once: answers
// whose meaning changed are kept aside, shown in the words that were chosen,
// and asked again.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { contentPack } from './helpers.mjs';
import { fill, locale, waitUntil } from './support.mjs';
import { useSite } from './fixtures.mjs';
import { answerEveryTheme } from './journey.mjs';
import { CONTEXT } from './expected.mjs';
import { StartScreen } from './pages/start-screen.mjs';
import { StoryPage } from './pages/story.mjs';
import { SummaryPage } from './pages/summary.mjs';
import { AboutPage } from './pages/about.mjs';
import { TasksPage } from './pages/tasks.mjs';
import { ThemePage } from './pages/theme.mjs';

const pack = contentPack();
const ui = locale().ui;
const PROGRESS_KEY = 'ready-to-share:progress:v1';
const FILE_1 = readFileSync(new URL('../fixtures/assessment-pack-1.0.0.json', import.meta.url), 'utf8');
const PACK_1 = JSON.parse(readFileSync(new URL('../fixtures/pack-1.0.0.json', import.meta.url), 'utf8'));

/** Whether a question's levels changed meaning after version 1.0.0. */
function meaningChangedSince1(questionId) {
  return (pack.earlier_questions ?? []).some((e) => e.id === questionId && e.change === 'meaning');
}

/** The accessible description of an element: the text of its aria-describedby ids. */
function description(locator) {
  return locator.evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => el.getRootNode().getElementById(id)?.textContent ?? '')
      .join(' '),
  );
}

describe('where the partnership works', () => {
  const site = useSite();

  test('a partnership in Wales, chosen by keyboard, is never shown guidance for England only', () =>
    site.withSession(async ({ page }) => {
      await (await new StartScreen(page).goto(site.url)).startNow();
      const about = await new AboutPage(page).waitFor();
      await about.fillIn(CONTEXT);
      const where = page.getByRole('group', { name: ui.about_nation });
      assert.equal(await description(where), ui.about_nation_hint, 'the hint describes the question');
      // Tab from the partners box into the group, then the arrow keys.
      await about.partners.focus();
      await page.keyboard.press('Tab');
      await page.keyboard.press('Space');
      await page.keyboard.press('ArrowDown');
      const wales = where.getByRole('radio', { name: ui.nation_wales, exact: true });
      assert.equal(await wales.isChecked(), true, 'Wales is chosen by keyboard');
      await waitUntil(
        () => page.evaluate((key) => (localStorage.getItem(key) ?? '').includes('"nation":"wales"'), PROGRESS_KEY),
        { message: 'the choice is saved' },
      );

      await page.reload();
      await new AboutPage(page).waitFor();
      assert.equal(
        await page.getByRole('radio', { name: ui.nation_wales, exact: true }).isChecked(),
        true,
        'still Wales after a reload',
      );

      await new AboutPage(page).saveAndContinue();
      await new TasksPage(page).waitFor();
      const check = await answerEveryTheme(page);
      assert.ok(
        (await page.locator('dl').first().innerText()).includes(ui.nation_wales),
        'Check your answers says where the partnership works',
      );
      await check.continue();
      await (await new StoryPage(page).waitFor()).seeSummary();
      await new SummaryPage(page).waitFor(CONTEXT.area);
      const shown = await page.locator('section.rts-page').first().innerText();
      const englandOnly = pack.guidance.filter((g) => g.applies_in === 'england');
      for (const guide of englandOnly) {
        assert.ok(!shown.includes(guide.title), `"${guide.title}" (England only) is not shown`);
      }
      const englandOnlyLabel = locale().report.guide_about_england.split('. ').pop();
      assert.ok(!shown.includes(englandOnlyLabel), 'nothing says it applies in England only');
      const scope = fill(locale().report.guidance_for_nation, { nation: ui.nation_wales });
      assert.ok(shown.includes(scope), `the summary says which guidance it shows: ${scope}`);
    }));
});

describe('answers saved by an earlier version of the questions', () => {
  const site = useSite();

  test('open with the changes explained once, and a changed meaning asked again', () =>
    site.withSession(async ({ page }) => {
      await site.seed(page, { [PROGRESS_KEY]: FILE_1 });
      await page.goto(site.url);
      const tasks = await new TasksPage(page).waitFor();
      const notice = page.getByRole('region', { name: ui.updated_title });
      await notice.waitFor();
      const said = await notice.innerText();

      const saved = JSON.parse(FILE_1).answers;
      const changed = Object.keys(saved).filter(
        (id) => meaningChangedSince1(id) && typeof saved[id].level === 'number',
      );
      assert.ok(changed.length > 0, 'the saved answers include a question whose meaning changed');
      const [questionId] = changed;
      const theme = pack.themes.find((t) => t.questions.some((q) => q.id === questionId));
      const question = theme.questions.find((q) => q.id === questionId);
      assert.ok(said.includes(question.text), `the notice names "${question.text}"`);

      await tasks.open(theme.title);
      const themePage = await new ThemePage(page, theme.id).waitFor();
      assert.equal(await themePage.chosen(questionId), null, 'the old answer is not carried over');
      const group = themePage.group(questionId);
      const old = PACK_1.themes
        .flatMap((t) => t.questions)
        .find((q) => q.id === questionId);
      const level = saved[questionId].level;
      const wordsThen = Object.values(old.levels)[level - 1];
      const described = await description(group);
      if (pack.earlier_questions.find((e) => e.id === questionId && e.change === 'meaning').version === '1.0.0') {
        assert.ok(described.includes(wordsThen), `the question shows what was chosen: ${described}`);
      } else {
        assert.ok(described.includes(ui.earlier_answer.split('{')[0].trim()), described);
      }

      // Answered again by keyboard: the first level, then Space.
      const first = themePage.radio(questionId, 1);
      await first.focus();
      await page.keyboard.press('Space');
      assert.equal(await themePage.chosen(questionId), 1);
      await waitUntil(
        () =>
          page.evaluate(
            ([key, version]) => (localStorage.getItem(key) ?? '').includes(`"version":"${version}"`),
            [PROGRESS_KEY, pack.version],
          ),
        { message: 'saved with the current version' },
      );

      // Said once: after a reload the notice is gone.
      await page.reload();
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      assert.equal(await page.getByRole('region', { name: ui.updated_title }).count(), 0);
      const stored = JSON.parse(await page.evaluate((key) => localStorage.getItem(key), PROGRESS_KEY));
      assert.deepEqual(stored.set_aside[questionId].level, level, 'the old answer is still kept');
    }));
});
