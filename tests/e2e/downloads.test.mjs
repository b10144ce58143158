// The four downloads of a finished assessment: their names, that what the
// user typed is escaped or neutralised in each, and that the JSON file opens
// again after "Start again" with the same answers.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { contentPack, describeViolations, runAxe } from './helpers.mjs';
import { CONTEXT, HOSTILE_NOTE, NOTES, answerText, plannedAnswers, questions, slug } from './expected.mjs';
import { completeAssessment } from './journey.mjs';
import {
  browserToday,
  fill,
  locale,
  parseCsv,
  waitForHeadingFocus,
  watchDialogs,
} from './support.mjs';
import { useSite } from './fixtures.mjs';
import { CheckPage } from './pages/check.mjs';
import { SummaryPage } from './pages/summary.mjs';
import { StartScreen } from './pages/start-screen.mjs';
import { TasksPage } from './pages/tasks.mjs';

const pack = contentPack();
const { ui, report } = locale();

/** A4 at 96 px to the inch: 210 mm. */
const A4_WIDTH = 794;
/** A shared-drive address pasted into a note: 227 characters, no spaces. */
const LONG_PATH = (() => {
  const start = 'https://northshire.sharepoint.com/sites/InformationGovernance/Shared%20Documents/Data-Sharing-Agreements/';
  const end = 'MASH-Northshire-Council-Northshire-ICB-Northshire-Constabulary-v3.2-signed-final.pdf';
  return start + 'x'.repeat(227 - start.length - end.length) + end;
})();

/** An assessment with the long address in notes, the story, an owner and a plan note. */
function assessmentWithLongText() {
  const now = '2026-11-22T10:00:00.000Z';
  const first = pack.themes[0].questions[0].id;
  return {
    format: 'ready-to-share-assessment',
    format_version: 2,
    content_pack: { id: pack.id, version: pack.version },
    created: now,
    updated: now,
    context: { area: 'Northshire', organisation: '', partners: '', policy_areas: [] },
    answers: Object.fromEntries(
      pack.themes.map((theme, i) => [theme.questions[0].id, { level: 2, note: `Agreement at ${LONG_PATH} (${i + 1})` }]),
    ),
    story: `It is written up at ${LONG_PATH}`,
    plan: [
      {
        question: first,
        for: 'level-1-2',
        owner: LONG_PATH.slice(-120),
        target: '2027-03',
        status: 'in-progress',
        note: `Draft at ${LONG_PATH}`,
        changed: now,
      },
    ],
  };
}

/**
 * How the page lays out on A4 paper: its width, and the ordinary words
 * (not the long address) that a line break cuts in two.
 */
async function printedOnA4(page) {
  await page.setViewportSize({ width: A4_WIDTH, height: 1123 });
  await page.emulateMedia({ media: 'print' });
  return page.evaluate(() => {
    const broken = new Set();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.parentElement?.getClientRects().length) continue;
      // Ordinary words: runs of text up to 40 characters between spaces
      // (the long address may break anywhere), each in the parts a line may
      // end between (after a hyphen or a slash).
      for (const run of node.data.matchAll(/\S+/g)) {
        if (run[0].length > 40) continue;
        for (const word of run[0].matchAll(/[^/\-–]+/g)) {
          const range = document.createRange();
          range.setStart(node, run.index + word.index);
          range.setEnd(node, run.index + word.index + word[0].length);
          const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.bottom)));
          if (lines.size > 1) broken.add(word[0]);
        }
      }
    }
    return { width: document.documentElement.scrollWidth, broken: [...broken] };
  });
}

describe('downloads', () => {
  const site = useSite({ folder: 'downloads' });

  test('HTML, Markdown, CSV and JSON are named for the area and date, escape what was typed, and the JSON opens again', () =>
    site.withSession(async (session) => {
      const { page, context } = session;
      const summary = await completeAssessment(page, site.url);
      const base = `ready-to-share-${slug(CONTEXT.area)}-${await browserToday(page)}`;
      assert.equal(base.startsWith('ready-to-share-bath-and-north-east-somerset-'), true);

      const files = {};
      for (const [name, extension] of [
        [ui.download_html, 'html'],
        [ui.download_markdown, 'md'],
        [ui.download_csv, 'csv'],
        [ui.download_json, 'json'],
      ]) {
        const download = await summary.download(name);
        assert.equal(download.suggestedFilename(), `${base}.${extension}`, `the file name of "${name}"`);
        const path = join(site.folder, download.suggestedFilename());
        await download.saveAs(path);
        files[extension] = { path, text: await readFile(path, 'utf8') };
      }

      // HTML: the hostile note is escaped, and the report opens without running it.
      const html = files.html.text;
      assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'), 'the HTML has the note, escaped');
      assert.ok(!html.includes('<img src=x'), 'the HTML never has the note as markup');
      assert.ok(html.includes(`<h1>${fill(report.title_for_area, { area: CONTEXT.area })}</h1>`));
      const reportPage = await context.newPage();
      const reportDialogs = [];
      watchDialogs(reportPage, reportDialogs);
      await reportPage.setContent(html, { waitUntil: 'load' });
      assert.equal(await reportPage.evaluate(() => document.images.length), 0, 'the report has no image');
      await reportPage.getByText('<img src=x onerror=alert(1)>', { exact: false }).first().waitFor();
      const reportAxe = await runAxe(reportPage);
      assert.equal(reportAxe.violations.length, 0, `the HTML report:\n${describeViolations(reportAxe.violations)}`);
      await reportPage.close();
      assert.deepEqual(reportDialogs, [], 'opening the HTML report ran no script');

      // Markdown: the area is in the title; no raw markup.
      const markdownLines = files.md.text.split('\n');
      assert.equal(markdownLines[0], `# ${fill(report.title_for_area, { area: CONTEXT.area })}`);
      assert.ok(!files.md.text.includes('<img'), 'the Markdown never has the note as markup');

      // CSV: a header and one row per question, in pack order; the formula is neutralised.
      const records = parseCsv(files.csv.text);
      const all = questions(pack);
      assert.equal(records.length, all.length + 1, 'a header and one row per question');
      assert.deepEqual(records[0], report.csv_headers);
      // Theme, Question ID, Question, Level, Answer, What this looks like, Note.
      const column = (name) =>
        ({ Theme: 0, 'Question ID': 1, Question: 2, Level: 3, Answer: 4, Note: 6 })[name];
      const answers = plannedAnswers({ change: true });
      all.forEach(({ theme, question }, i) => {
        const row = records[i + 1];
        assert.equal(row.length, report.csv_headers.length, `row ${i + 1} has every column`);
        assert.equal(row[column('Theme')], theme.title);
        assert.equal(row[column('Question ID')], question.id);
        assert.equal(row[column('Question')], question.text);
        const response = answers.get(question.id);
        assert.equal(row[column('Level')], typeof response === 'number' ? String(response) : '');
        const label = answerText(response).replace(/^\d /, '');
        assert.equal(row[column('Answer')], label, `answer to ${question.id}`);
      });
      const noteCell = records.find((r) => r[column('Question ID')] === 'purpose-what-information')[column('Note')];
      assert.ok(noteCell.startsWith("'=HYPERLINK"), `the formula note starts with an apostrophe: ${noteCell}`);
      assert.equal(noteCell, `'${HOSTILE_NOTE}`, 'the rest of the note, commas, quotes and line break included, is intact');
      const dpiaNote = records.find((r) => r[column('Question ID')] === 'governance-dpia')[column('Note')];
      assert.equal(dpiaNote, NOTES['governance-dpia']);

      // JSON: the assessment file.
      const saved = JSON.parse(files.json.text);
      assert.equal(saved.format, 'ready-to-share-assessment');
      assert.equal(saved.context.area, CONTEXT.area);
      assert.equal(saved.answers['purpose-what-information'].note, HOSTILE_NOTE);

      // Back to the start page, start again, then open the JSON file.
      await summary.back();
      const tasks = await new TasksPage(page).waitFor();
      await tasks.back();
      const start = await new StartScreen(page).waitFor();
      await start.savedHeading.waitFor();
      await start.startAgain();
      // The confirmation offers the JSON file too.
      const [offered] = await Promise.all([page.waitForEvent('download'), start.downloadFirstButton().click()]);
      assert.equal(offered.suggestedFilename(), `${base}.json`);
      const offeredPath = join(site.folder, `offered-${offered.suggestedFilename()}`);
      await offered.saveAs(offeredPath);
      const offeredJson = JSON.parse(await readFile(offeredPath, 'utf8'));
      assert.deepEqual(offeredJson.answers, saved.answers, 'the same answers as the summary\'s JSON');
      await start.confirmStartAgain();
      await waitForHeadingFocus(page, pack.start.heading);
      assert.equal(await start.savedHeading.count(), 0, 'the answers are gone after Start again');
      await start.openFile(files.json.path);
      await tasks.waitFor();
      await waitForHeadingFocus(page, ui.tasks_heading);
      await tasks.progress(answers.size, all.length).waitFor();
      await tasks.open(ui.check_heading);
      const check = await new CheckPage(page).waitFor();
      for (const { question } of all) {
        assert.equal(await check.answer(question.id), answerText(answers.get(question.id)), `reopened ${question.id}`);
      }
      const noteLines = await check.value(check.questionText('purpose-what-information'));
      assert.equal(noteLines.slice(1).join('\n'), `${ui.note_short}: ${HOSTILE_NOTE}`);
      assert.deepEqual(await check.value(ui.about_area), [CONTEXT.area]);

      assert.deepEqual(session.dialogs, [], 'no dialog opened');
      assert.deepEqual(session.errors, [], 'no errors logged');
      assert.deepEqual(session.foreignRequests, [], 'no request left the site');
    }));

  test('a 227-character address in the notes prints on A4 at full size, in the HTML report and the app\'s summary, with no ordinary word cut', () =>
    site.withSession(async ({ page, context }) => {
      await site.seed(page, {
        'ready-to-share:progress:v1': JSON.stringify(assessmentWithLongText()),
        'ready-to-share:step:v1': 'summary',
      });
      await page.goto(site.url);
      const summary = await new SummaryPage(page).waitFor('Northshire');
      await page.getByText(LONG_PATH.slice(-120), { exact: false }).filter({ visible: true }).first().waitFor();
      const download = await summary.download(ui.download_html);
      const html = await readFile(await download.path(), 'utf8');
      assert.ok(html.includes(LONG_PATH), 'the report holds the address');

      const app = await printedOnA4(page);
      assert.ok(app.width <= A4_WIDTH, `the app's summary prints ${app.width} px wide, not more than A4's ${A4_WIDTH}`);
      assert.deepEqual(app.broken, [], 'no ordinary word is cut in the app\'s summary');

      const reportPage = await context.newPage();
      await reportPage.setContent(html, { waitUntil: 'load' });
      const printed = await printedOnA4(reportPage);
      assert.ok(printed.width <= A4_WIDTH, `the HTML report prints ${printed.width} px wide, not more than A4's ${A4_WIDTH}`);
      assert.deepEqual(printed.broken, [], 'no ordinary word is cut in the HTML report');
      await reportPage.close();
    }));

  test('a download or print the browser refuses is said under the buttons, and the next one that works clears it', () =>
    site.withSession(async (session) => {
      const { page } = session;
      await completeAssessment(page, site.url);
      const said = page.getByRole('alert').filter({ hasText: ui.download_failed });
      // As a locked-down browser might: no addresses for files, no printing.
      await page.evaluate(() => {
        window.__createObjectURL = URL.createObjectURL;
        URL.createObjectURL = () => {
          throw new DOMException('Blocked by policy', 'SecurityError');
        };
        window.print = () => {
          throw new DOMException('Blocked by policy', 'NotAllowedError');
        };
      });
      let downloads = 0;
      page.on('download', () => downloads++);
      await page.getByRole('button', { name: ui.download_html, exact: true }).click();
      await said.waitFor();
      assert.equal(await said.textContent(), ui.download_failed);

      await page.getByRole('button', { name: ui.print, exact: true }).click();
      await page.getByRole('alert').filter({ hasText: ui.print_failed }).waitFor();
      assert.equal(await said.count(), 0, 'the message is about the latest click');

      await page.evaluate(() => {
        URL.createObjectURL = window.__createObjectURL;
      });
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: ui.download_markdown, exact: true }).click(),
      ]);
      assert.ok(download.suggestedFilename().endsWith('.md'));
      assert.equal(await page.getByRole('alert').filter({ hasText: ui.print_failed }).count(), 0, 'the message goes');
      assert.equal(downloads, 1, 'only the download that worked started');
    }));
});
