// "Compare with an earlier assessment" on the summary: after the plan's
// journey (journey.mjs), an earlier file of the same area is chosen, saved
// with the first version of the questions (pack 1.0.0). What
// moved, theme by theme and question by question, which earlier priority
// actions are now done, and the earlier answer the pack cannot match are
// checked against what is worked out here from the documented method
// (expected.mjs, src/model/compare.rs), independently of the app; "Stop
// comparing" removes it; a broken file says why and leaves the summary
// alone; the HTML, Markdown and CSV downloads carry the comparison.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentPack, describeViolations, runAxe } from './helpers.mjs';
import {
  CONTEXT,
  NOT_SURE,
  compareFractions,
  expectedActions,
  expectedProfile,
  plannedAnswers,
  questions,
  shown,
  subtractFractions,
} from './expected.mjs';
import { completeAssessment } from './journey.mjs';
import { fill, locale, parseCsv } from './support.mjs';
import { downloadTexts, useSite } from './fixtures.mjs';
import { asHtml, asMarkdown } from './escaping.mjs';

const pack = contentPack();
const { ui, compare: c, report: r, bands, common, file: messages } = locale();
const ALL = questions(pack);

const FIXTURES = fileURLToPath(new URL('./fixtures/partnership/', import.meta.url));
const EARLIER_PATH = join(FIXTURES, 'earlier-assessment.json');
const BROKEN_PATH = join(FIXTURES, 'broken.json');
const EARLIER = JSON.parse(readFileSync(EARLIER_PATH, 'utf8'));

/** "1.0.0" -> [1, 0, 0], to order versions. */
const versionParts = (v) => v.split('.').map(Number);
const atOrAfter = (a, b) => {
  const [x, y] = [versionParts(a), versionParts(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i += 1) {
    if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) > (y[i] ?? 0);
  }
  return true;
};

/** Questions whose levels changed meaning after a file's version (their answers are set aside). */
function meaningChangedSince(version) {
  return new Set(
    (pack.earlier_questions ?? [])
      .filter((e) => e.change === 'meaning' && atOrAfter(e.version, version))
      .map((e) => e.id),
  );
}

/**
 * A file's answers to this pack's questions: level 1-5 or NOT_SURE, by id.
 * Answers to questions whose meaning changed since the file was saved are
 * set aside, never compared as the same answer.
 */
function answersOf(file) {
  const answers = new Map();
  const setAside = meaningChangedSince(file.content_pack?.version ?? '');
  for (const [id, answer] of Object.entries(file.answers ?? {})) {
    if (!ALL.some(({ question }) => question.id === id)) continue;
    if (setAside.has(id)) continue;
    if (answer.level === 'not-sure') answers.set(id, NOT_SURE);
    else if (Number.isInteger(answer.level)) answers.set(id, answer.level);
  }
  return answers;
}

const label = (response) => {
  if (response === undefined) return common.not_answered;
  if (response === NOT_SURE) return common.not_sure;
  return pack.scale[response - 1];
};

/** How a score moved, from the exact scores (fractions): the difference is rounded only to be shown. */
function direction(then, now) {
  if (then !== null && now !== null) {
    const order = compareFractions(now, then);
    if (order > 0) {
      const points = shown(subtractFractions(now, then));
      return points === 0 ? c.up_slightly : fill(c.up, { points });
    }
    if (order < 0) {
      const points = shown(subtractFractions(then, now));
      return points === 0 ? c.down_slightly : fill(c.down, { points });
    }
    return c.same;
  }
  if (then === null && now !== null) return c.newly_scored;
  if (then !== null && now === null) return c.no_longer_scored;
  return c.same;
}

/** The change of one answer, as src/model/compare.rs defines it, by its locale key. */
function change(then, now) {
  const level = (x) => typeof x === 'number';
  if (level(then) && level(now)) return now > then ? 'moved_up' : now < then ? 'moved_down' : 'unchanged';
  if (then === undefined && now === undefined) return 'not_answered';
  if (then === undefined || (then === NOT_SURE && level(now))) return 'newly_answered';
  if (now === undefined || (level(then) && now === NOT_SURE)) return 'no_longer_answered';
  return 'unchanged';
}

/** Everything the comparison must show, worked out from the two sets of answers. */
function expectedComparison(earlier, now) {
  const then = expectedProfile(earlier);
  const current = expectedProfile(now);
  const scoreText = (s) => (s === null ? common.no_score : String(s));
  const withBand = (p) => (p.overall === null ? common.no_score : fill(c.score_with_band, { score: p.overall, band: bands[p.band] }));
  const rows = pack.themes.map((theme, i) => [
    theme.title,
    scoreText(then.themes[i].score),
    scoreText(current.themes[i].score),
    direction(then.themes[i].exact, current.themes[i].exact),
  ]);
  rows.push([c.overall, withBand(then), withBand(current), direction(then.overallExact, current.overallExact)]);
  const changes = ALL.map(({ theme, question }) => ({
    id: question.id,
    theme: theme.title,
    change: change(earlier.get(question.id), now.get(question.id)),
    text: fill(c.question_change, {
      then: label(earlier.get(question.id)),
      now: label(now.get(question.id)),
      question: question.text,
    }),
  }));
  const lists = ['moved_up', 'moved_down', 'newly_answered', 'no_longer_answered']
    .map((key) => ({ key, items: changes.filter((q) => q.change === key) }))
    .filter((l) => l.items.length > 0)
    .map(({ key, items }) => ({ heading: `${c[key]} (${items.length})`, items: items.map((q) => q.text), themes: items.map((q) => q.theme) }));
  const done = expectedActions(earlier)
    .filter(({ questionId, level }) => {
      const nowLevel = now.get(questionId);
      if (typeof nowLevel !== 'number') return false;
      // Each level's step leads to the next level: 1-2 to 3, 3 to 4, 4 to 5.
      return nowLevel >= Math.max(level, 2) + 1;
    })
    .map(({ questionId, level, action }) => ({
      action,
      because: fill(c.done_because, {
        then: pack.scale[level - 1],
        now: pack.scale[now.get(questionId) - 1],
        question: ALL.find(({ question }) => question.id === questionId).question.text,
      }),
    }));
  return { rows, changes, lists, done };
}

const NOW = plannedAnswers({ change: true });
const THEN = answersOf(EARLIER);
const EXPECTED = expectedComparison(THEN, NOW);
// Earlier answers the current questions cannot take, in the order of their
// references: one to a question 2.0.0 no longer asks, named by the wording
// it had (from the 1.0.0 pack), and one no version knows, named by its
// reference.
const OLD_PACK = JSON.parse(readFileSync(fileURLToPath(new URL('../fixtures/pack-1.0.0.json', import.meta.url)), 'utf8'));
const OLD_WORDING = OLD_PACK.themes.flatMap((t) => t.questions).find((q) => q.id === 'culture-confidence').text;
const UNMATCHED_REMOVED = fill(c.unmatched_item, { question: OLD_WORDING, answer: pack.scale[3] });
const UNMATCHED = fill(c.unmatched_item, { question: 'purpose-legacy-question', answer: pack.scale[2] });
// Earlier answers set aside because the question's meaning changed since
// 1.0.0, named by the question's wording now; with the two above, in the
// order of their ids, as the comparison lists them.
const SET_ASIDE = [...meaningChangedSince(EARLIER.content_pack.version)]
  .filter((id) => EARLIER.answers[id])
  .map((id) => {
    const level = EARLIER.answers[id].level;
    return {
      id,
      text: fill(c.unmatched_item, {
        question: ALL.find(({ question }) => question.id === id).question.text,
        answer: level === 'not-sure' ? common.not_sure : pack.scale[level - 1],
      }),
    };
  });
const UNMATCHED_ALL = [
  ...SET_ASIDE,
  { id: 'culture-confidence', text: UNMATCHED_REMOVED },
  { id: 'purpose-legacy-question', text: UNMATCHED },
]
  .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  .map((u) => u.text);

/** The comparison on the summary, read from the page. */
class ComparisonSection {
  constructor(page) {
    this.page = page;
    this.heading = page.getByRole('heading', { level: 2, name: c.heading, exact: true });
    this.table = page.getByRole('table', { name: c.table_caption, exact: true });
    this.fileInput = page.getByLabel(ui.compare_label, { exact: true });
    this.stop = page.getByRole('button', { name: ui.compare_remove, exact: true });
    this.compareHeading = page.getByRole('heading', { level: 2, name: ui.compare_heading, exact: true });
    // The error summary's link to the field (the message is also at the field).
    this.error = page.locator('.rts-compare').getByRole('alert').getByRole('link');
  }

  async rows() {
    return this.table.locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('th, td')].map((cell) => cell.textContent.replace(/\s+/g, ' ').trim())),
    );
  }

  /** The h3 lists of changed questions: { heading, items }. */
  async lists() {
    return this.page.locator('.rts-comparison').evaluate((root) => {
      const out = [];
      for (const h3 of root.querySelectorAll('h3')) {
        // The list after the heading (an intro paragraph may come first).
        let list = h3.nextElementSibling;
        while (list && !['UL', 'H3', 'BUTTON'].includes(list.tagName)) list = list.nextElementSibling;
        if (list?.tagName !== 'UL') continue;
        out.push({
          heading: h3.textContent.replace(/\s+/g, ' ').trim(),
          items: [...list.children].map((li) => li.textContent.replace(/\s+/g, ' ').trim()),
        });
      }
      return out;
    });
  }

  /** "Priority actions now done": { action, because } each. */
  async done() {
    return this.page.locator('.rts-comparison').evaluate((root, heading) => {
      const h3 = [...root.querySelectorAll('h3')].find((h) => h.textContent.trim() === heading);
      const list = h3?.nextElementSibling;
      if (list?.tagName !== 'UL') return [];
      return [...list.children].map((li) => ({
        action: li.querySelector('strong').textContent.replace(/\s+/g, ' ').trim(),
        because: li.querySelector('span').textContent.replace(/\s+/g, ' ').trim(),
      }));
    }, c.done_heading);
  }
}

/** The summary's profile table, to see it is left alone. */
async function profileTable(page) {
  return page
    .getByRole('table', { name: r.chart_title, exact: true })
    .locator('tbody tr')
    .evaluateAll((trs) => trs.map((tr) => tr.textContent.replace(/\s+/g, ' ').trim()));
}

describe('compare with an earlier assessment', () => {
  const site = useSite();

  test('an earlier file shows what moved, theme by theme and question by question, and "Stop comparing" removes it', () =>
    site.withSession(async (session) => {
      const { page } = session;
      await completeAssessment(page, site.url);
      const section = new ComparisonSection(page);
      await section.compareHeading.waitFor();
      assert.equal(await section.heading.count(), 0, 'no comparison before a file is chosen');
      const before = await profileTable(page);

      await section.fileInput.setInputFiles(EARLIER_PATH);
      await section.heading.waitFor();
      await page.getByText(fill(c.intro, { date: '3 November 2025' }), { exact: true }).waitFor();

      // The hand-worked numbers. Then (a 1.0.0 file, so no safeguarding
      // answers and no overall score; answers to the 11 questions whose
      // meaning changed since 1.0.0 are set aside, leaving data unscored):
      // purpose 175/4 = 43.75, governance 100/3 = 33.33, security 62.5,
      // culture 225/3 = 75, people 25/3 = 8.33. Now 62.5 29.17 65 65 60 35.71
      // 28.57, overall 49.42. Changes are worked out on the exact scores:
      // purpose is up 18.75, so 19; security down 2.5, so 3 (halves up).
      assert.deepEqual(EXPECTED.rows, [
        [pack.themes[0].title, '44', '63', fill(c.up, { points: 19 })],
        [pack.themes[1].title, '33', '29', fill(c.down, { points: 4 })],
        [pack.themes[2].title, common.no_score, '65', c.newly_scored],
        [pack.themes[3].title, common.no_score, '65', c.newly_scored],
        [pack.themes[4].title, '63', '60', fill(c.down, { points: 3 })],
        [pack.themes[5].title, '75', '36', fill(c.down, { points: 39 })],
        [pack.themes[6].title, '8', '29', fill(c.up, { points: 20 })],
        [c.overall, common.no_score, `49 (${bands.making_progress})`, c.newly_scored],
      ]);
      assert.deepEqual(await section.rows(), EXPECTED.rows, 'the theme table: then, now and the change in words');
      assert.deepEqual(
        (await section.table.locator('thead th').allTextContents()).map((t) => t.trim()),
        [r.theme, c.then, c.now, c.change],
      );

      // The lists of moved questions.
      const lists = await section.lists();
      const changeLists = lists.filter((l) => !l.heading.startsWith(c.unmatched_heading) && l.heading !== c.done_heading);
      assert.deepEqual(
        changeLists,
        EXPECTED.lists.map(({ heading, items }) => ({ heading, items })),
      );
      assert.deepEqual(
        changeLists.map((l) => l.heading),
        [`${c.moved_up} (4)`, `${c.moved_down} (3)`, `${c.newly_answered} (35)`, `${c.no_longer_answered} (2)`],
      );
      const questionText = (id) => ALL.find(({ question }) => question.id === id).question.text;
      assert.ok(
        changeLists[1].items[0] === fill(c.question_change, { then: pack.scale[1], now: pack.scale[0], question: questionText('governance-agreement') }),
        'the first answer that went down',
      );
      // Newly answered: a "not sure" then, and the questions 2.0.0 added.
      for (const item of [
        fill(c.question_change, { then: common.not_sure, now: pack.scale[0], question: questionText('governance-lawful-basis') }),
        fill(c.question_change, { then: common.not_answered, now: pack.scale[2], question: questionText('governance-dpia') }),
        fill(c.question_change, { then: common.not_answered, now: pack.scale[3], question: questionText('safeguarding-urgent') }),
      ]) {
        assert.ok(changeLists[2].items.includes(item), `newly answered: ${item}`);
      }

      // Earlier priority actions now done, in the order the earlier summary
      // ranked them: lowest level first, then the weaker theme (purpose 43.75
      // before security 62.5). A level 1 or 2 step is done at level 3; a level
      // 3 step at level 4 (governance-secure-transfer, 3 then and 4 now).
      // Steps for questions whose meaning changed are never counted as done.
      const done = [
        ['people-tell-once', 2],
        ['purpose-service-user', 3],
        ['governance-secure-transfer', 3],
      ];
      assert.deepEqual(
        EXPECTED.done.map((d) => d.action),
        done.map(([id, level]) => {
          const question = ALL.find(({ question: q }) => q.id === id).question;
          return level <= 2 ? question.act_if_1_or_2 : question.act_if_3;
        }),
      );
      assert.deepEqual(await section.done(), EXPECTED.done);

      // The earlier answer this pack does not have.
      await page.getByRole('heading', { level: 3, name: c.unmatched_heading, exact: true }).waitFor();
      await page.getByText(c.unmatched_intro, { exact: true }).waitFor();
      const unmatched = lists.find((l) => l.heading === c.unmatched_heading);
      assert.deepEqual(unmatched?.items, UNMATCHED_ALL);
      assert.equal(UNMATCHED_ALL.length, 12, '10 answers whose meaning changed since 1.0.0, one to a removed question and one the pack cannot match');

      // The summary itself is unchanged.
      assert.deepEqual(await profileTable(page), before);
      assert.equal(await section.fileInput.count(), 0, 'the file picker gives way to the comparison');

      const axe = await runAxe(page);
      assert.equal(axe.violations.length, 0, `axe, the summary with the comparison:\n${describeViolations(axe.violations)}`);

      // Stop comparing.
      await section.stop.click();
      await section.heading.waitFor({ state: 'detached' });
      assert.equal(await section.table.count(), 0);
      assert.equal(await page.getByText(UNMATCHED, { exact: true }).count(), 0);
      assert.equal(await page.getByText(UNMATCHED_REMOVED, { exact: true }).count(), 0);
      await section.fileInput.waitFor();
      assert.deepEqual(await profileTable(page), before);

      assert.deepEqual(session.dialogs, [], 'no dialog opened');
      assert.deepEqual(session.errors, [], 'no errors logged');
      assert.deepEqual(session.foreignRequests, [], 'no request left the site');
    }));

  test('a broken earlier file shows why and leaves the summary as it was', () =>
    site.withSession(async (session) => {
      const { page } = session;
      const summary = await completeAssessment(page, site.url);
      const section = new ComparisonSection(page);
      const before = await profileTable(page);
      const actionsBefore = await summary.actions();

      await section.fileInput.setInputFiles(BROKEN_PATH);
      await section.error.waitFor();
      const message = (await section.error.textContent()).trim();
      assert.equal(message, messages.not_json, 'the "not JSON" message, in plain words');
      assert.equal(await section.heading.count(), 0, 'no comparison');
      assert.deepEqual(await profileTable(page), before, 'the profile is unchanged');
      assert.deepEqual(await summary.actions(), actionsBefore, 'the actions are unchanged');
      await summary.waitFor(CONTEXT.area);
      await section.fileInput.waitFor();

      // Not an assessment file at all: its own message.
      await section.fileInput.setInputFiles({
        name: 'settings.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify({ format: 'something-else' })),
      });
      await page.locator('.rts-compare').getByText(messages.not_ours, { exact: true }).waitFor();

      // A good file afterwards clears the message.
      await section.fileInput.setInputFiles(EARLIER_PATH);
      await section.heading.waitFor();
      assert.equal(await section.error.count(), 0, 'the message goes once a file opens');

      assert.deepEqual(session.dialogs, [], 'no dialog opened');
      assert.deepEqual(session.errors, [], 'no errors logged');
    }));

  test('the HTML, Markdown and CSV downloads include the comparison', () =>
    site.withSession(async (session) => {
      const { page } = session;
      const summary = await completeAssessment(page, site.url);
      const section = new ComparisonSection(page);
      await section.fileInput.setInputFiles(EARLIER_PATH);
      await section.heading.waitFor();

      const files = await downloadTexts(summary, [
        [ui.download_html, 'html'],
        [ui.download_markdown, 'md'],
        [ui.download_csv, 'csv'],
      ]);

      // HTML.
      const html = files.html;
      assert.ok(html.includes(`<h2>${asHtml(c.heading)}</h2>`), 'the HTML has the comparison heading');
      assert.ok(html.includes(asHtml(fill(c.intro, { date: '3 November 2025' }))));
      for (const [theme, then, now, moved] of EXPECTED.rows) {
        const row = `<tr><th scope="row">${asHtml(theme)}</th><td class="num">${asHtml(then)}</td><td class="num">${asHtml(now)}</td><td>${asHtml(moved)}</td></tr>`;
        assert.ok(html.includes(row), `the HTML has the row ${row}`);
      }
      for (const list of EXPECTED.lists) {
        for (const item of list.items) assert.ok(html.includes(asHtml(item)), `the HTML lists "${item}"`);
      }
      for (const { action, because } of EXPECTED.done) {
        assert.ok(html.includes(`<strong>${asHtml(action)}</strong>`), `the HTML has the done action "${action}"`);
        assert.ok(html.includes(asHtml(because)));
      }
      assert.ok(html.includes(asHtml(UNMATCHED)), 'the HTML lists the unmatched earlier answer');
      assert.ok(html.includes(asHtml(UNMATCHED_REMOVED)), 'the HTML lists the earlier answer to the removed question');
      assert.ok(html.includes('From the earlier questions'), 'with its note');

      // Markdown.
      const md = files.md;
      assert.ok(md.includes(`\n## ${asMarkdown(c.heading)}\n`), 'the Markdown has the comparison heading');
      for (const cells of EXPECTED.rows) {
        const row = `| ${cells.map(asMarkdown).join(' | ')} |`;
        assert.ok(md.includes(row), `the Markdown has the row ${row}`);
      }
      for (const list of EXPECTED.lists) {
        assert.ok(md.includes(`### ${asMarkdown(list.heading.replace(/ \(\d+\)$/, ''))}`), `the Markdown has "${list.heading}"`);
        list.items.forEach((item, i) => {
          const line = `- ${asMarkdown(item)} (${asMarkdown(list.themes[i])})`;
          assert.ok(md.includes(line), `the Markdown has ${line}`);
        });
      }
      for (const { action, because } of EXPECTED.done) {
        assert.ok(md.includes(`- **${asMarkdown(action)}**  \n  ${asMarkdown(because)}`), `the Markdown has "${action}"`);
      }
      assert.ok(md.includes(`- ${asMarkdown(UNMATCHED)}`), 'the Markdown lists the unmatched earlier answer');
      assert.ok(md.includes(`- ${asMarkdown(UNMATCHED_REMOVED)}`), 'the Markdown lists the earlier answer to the removed question');

      // CSV: the two extra columns on every question.
      const records = parseCsv(files.csv);
      assert.deepEqual(records[0], [...r.csv_headers, c.csv_earlier_level, c.csv_change]);
      assert.equal(records.length, ALL.length + 1);
      ALL.forEach(({ question }, i) => {
        const row = records[i + 1];
        assert.equal(row[1], question.id);
        assert.equal(row.length, r.csv_headers.length + 2, `${question.id} has every column`);
        const then = THEN.get(question.id);
        assert.deepEqual(
          row.slice(-2),
          [typeof then === 'number' ? String(then) : '', c[EXPECTED.changes[i].change]],
          `the earlier level and change of ${question.id}`,
        );
      });

      assert.deepEqual(session.errors, [], 'no errors logged');
    }));
});
