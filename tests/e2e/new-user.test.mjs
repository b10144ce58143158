// What a new user tripped over, each fixed the GOV.UK way and checked here
// in a real browser by roles, labels and visible text, with axe on each new
// state:
//
//  1. the comparison appears where it was asked for, focus on its heading;
//     "Stop comparing" puts focus back on the section's heading
//  2. partner organisations on lines of their own in the reports
//  3. "Change" on Check your answers comes back to Check your answers
//  4. a page title per screen ("Error: " first), never on a host's page
//  5. errors at the field: message, aria-invalid, aria-describedby, a
//     summary link to the field, no parser detail; warnings by wording
//  6. a confirmation (download first) before a file replaces answers, and
//     a success notice after
//  7. a light accent ("yellow", "#ffdd00") keeps every pair readable
//  8. partnership: focus after "Remove all files", a status that is always
//     there and counts failures
//  9. 320 px: the comparison table fits, its region is named and focusable;
//     WCAG 1.4.12 text spacing: the chart's labels are not clipped
// 10. named notes and clear buttons, organisation autocomplete, dates in
//     words, print, the scrolling table's focus ring, policy areas listed

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentPack, describeViolations, runAxe } from './helpers.mjs';
import { fill, focusedElement, locale, waitUntil } from './support.mjs';
import { useSite } from './fixtures.mjs';
import { AboutPage } from './pages/about.mjs';
import { CheckPage } from './pages/check.mjs';
import { PartnershipPage } from './pages/partnership.mjs';
import { StartScreen } from './pages/start-screen.mjs';
import { SummaryPage } from './pages/summary.mjs';
import { TasksPage } from './pages/tasks.mjs';
import { ThemePage } from './pages/theme.mjs';

const pack = contentPack();
const { ui, report: r, compare: c, file: messages, common, partnership: words } = locale();
const FIXTURES = fileURLToPath(new URL('./fixtures/partnership/', import.meta.url));
const EARLIER_PATH = join(FIXTURES, 'earlier-assessment.json');
const BROKEN_PATH = join(FIXTURES, 'broken.json');
/** WCAG 1.4.12 text spacing, as its understanding document tests it. */
const SPACING = `* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }`;
const title = (page, error = false) => {
  const plain = fill(ui.page_title, { page, product: common.product_name });
  return error ? fill(ui.page_title_error, { title: plain }) : plain;
};

async function expectNoViolations(page, screen) {
  const results = await runAxe(page);
  assert.equal(
    results.violations.length,
    0,
    `axe found ${results.violations.length} violation(s) on ${screen}:\n${describeViolations(results.violations)}`,
  );
}

/** The WCAG contrast ratio of two CSS colours, worked out in the page. */
async function contrast(page, a, b) {
  return page.evaluate(
    ([a, b]) => {
      const rgb = (colour) => {
        const probe = document.createElement('canvas').getContext('2d');
        probe.fillStyle = colour;
        probe.fillRect(0, 0, 1, 1);
        return [...probe.getImageData(0, 0, 1, 1).data.slice(0, 3)];
      };
      const lum = (c) =>
        rgb(c)
          .map((v) => v / 255)
          .map((v) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
          .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
      const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
      return (x + 0.05) / (y + 0.05);
    },
    [a, b],
  );
}

/** Chrome's own accessible name for the element a locator finds. */
async function chromeName(page, locator) {
  const cdp = await page.context().newCDPSession(page);
  try {
    await locator.evaluate((el) => el.setAttribute('data-name-probe', ''));
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: '[data-name-probe]' });
    const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
    await locator.evaluate((el) => el.removeAttribute('data-name-probe'));
    return nodes[0]?.name?.value;
  } finally {
    await cdp.detach();
  }
}

/** Start → About (optionally filled) → task list, then a few answers in every theme. */
async function someAnswers(page, url, { context } = {}) {
  const start = await new StartScreen(page).goto(url);
  await start.startNow();
  const about = await new AboutPage(page).waitFor();
  if (context) await about.fillIn(context);
  await about.saveAndContinue();
  const tasks = await new TasksPage(page).waitFor();
  for (const [i, theme] of pack.themes.entries()) {
    await tasks.open(theme.title);
    const themePage = await new ThemePage(page, theme.id).waitFor();
    await themePage.choose(theme.questions[0].id, (i % 4) + 1);
    await themePage.returnToTasks();
    await tasks.waitFor();
  }
  return tasks;
}

async function toSummary(page, url, options) {
  const tasks = await someAnswers(page, url, options);
  await tasks.seeSummary();
  return new SummaryPage(page).waitFor(options?.context?.area);
}

const headingFocused = (page, text) =>
  waitUntil(async () => {
    const f = await focusedElement(page);
    return /^H[1-6]$/.test(f.tag) && f.text === text;
  }, { message: `focus on the heading "${text}"` });

describe('what a new user trips over, fixed', () => {
  // A host page on the same server, embedding the widget.
  const site = useSite({
    pages: {
      '/host.html': `<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8"><title>Partner page</title></head>
<body><main><h1>Partner page</h1><ready-to-share storage-key="host-test"></ready-to-share></main>
<script type="module" src="/embed.js"></script></body></html>`,
    },
  });

  const withSession = (run, { viewport } = {}) =>
    site.withSession(async (session) => {
      if (viewport) await session.page.setViewportSize(viewport);
      await run(session.page, session);
      assert.deepEqual(session.errors, [], 'no errors logged');
      assert.deepEqual(session.dialogs, [], 'no dialogs');
    });

  test('1. the comparison appears where it was asked for, with focus on its heading', () =>
    withSession(async (page) => {
      const summary = await toSummary(page, site.url);
      const picker = page.getByLabel(ui.compare_label, { exact: true });
      await picker.setInputFiles(EARLIER_PATH);
      await headingFocused(page, c.heading);
      const heading = page.getByRole('heading', { level: 2, name: c.heading, exact: true });
      // Shown where the file was chosen: after the case studies, not above them.
      const after = await heading.evaluate((h, name) => {
        const caseStudies = [...h.getRootNode().querySelectorAll('h2')].find((x) => x.textContent.trim() === name);
        return Boolean(caseStudies.compareDocumentPosition(h) & Node.DOCUMENT_POSITION_FOLLOWING);
      }, r.case_studies_heading);
      assert.ok(after, 'the comparison follows the case studies, where the picker was');
      const box = await heading.boundingBox();
      const height = page.viewportSize().height;
      // Brought to the top of the view (to within a pixel's rounding).
      assert.ok(box.y >= -1 && box.y + box.height <= height, `the heading is in view (y ${box.y})`);
      await page.getByRole('region', { name: c.table_caption }).getByRole('table').waitFor();
      await expectNoViolations(page, 'the summary with the comparison');

      await summary.button(ui.compare_remove).click();
      await headingFocused(page, ui.compare_heading);
      await picker.waitFor();
      assert.equal(await page.getByRole('heading', { name: c.heading, exact: true }).count(), 0);
    }));

  test('2. partner organisations are on lines of their own in the reports', () =>
    withSession(async (page) => {
      const context = {
        area: 'Northshire',
        organisation: 'Northshire Council',
        partners: 'Northshire NHS Trust\nNorthshire Police',
        policyAreas: [],
      };
      const summary = await toSummary(page, site.url, { context });
      const html = readFileSync(await (await summary.download(ui.download_html)).path(), 'utf8');
      const report = await site.browser.newPage();
      try {
        await report.setContent(html);
        const row = report.getByRole('row', { name: new RegExp(`^${r.partners}`) });
        const lines = (await row.getByRole('cell').innerText()).split('\n').map((l) => l.trim());
        assert.deepEqual(lines, ['Northshire NHS Trust', 'Northshire Police']);
      } finally {
        await report.close();
      }
      const markdownPath = await (await summary.download(ui.download_markdown)).path();
      const markdown = readFileSync(markdownPath, 'utf8');
      assert.ok(markdown.includes('  - Northshire NHS Trust\n  - Northshire Police\n'), 'a nested item each');
      assert.ok(!markdown.includes('Northshire NHS Trust Northshire Police'));
    }));

  test('3. "Change" on Check your answers comes back to Check your answers', () =>
    withSession(async (page) => {
      const tasks = await someAnswers(page, site.url);
      await tasks.open(ui.check_heading);
      const check = await new CheckPage(page).waitFor();
      // A question in the first theme: its "Save and continue" would
      // otherwise go on to the second theme.
      const question = pack.themes[0].questions[1];
      await check.change(question.id);
      const themePage = await new ThemePage(page, pack.themes[0].id).waitFor();
      await themePage.choose(question.id, 5);
      await themePage.saveAndContinue();
      await check.waitFor();
      await check.expectHeadingFocused(ui.check_heading);
      assert.equal(await check.answer(question.id), `5 ${pack.scale[4]}`);

      // The same from "About your area".
      await page.getByRole('button', { name: `${ui.change} ${ui.about_area}`, exact: true }).click();
      const about = await new AboutPage(page).waitFor();
      await about.area.fill('Westshire');
      await about.saveAndContinue();
      await check.waitFor();
      assert.deepEqual(await check.value(ui.about_area), ['Westshire']);
      await expectNoViolations(page, 'Check your answers after a change');
    }));

  test('4. each screen has its own title ("Error: " first), and a host page keeps its own', () =>
    withSession(async (page) => {
      const start = await new StartScreen(page).goto(site.url);
      assert.equal(await page.title(), title(pack.start.heading));
      await start.startNow();
      await new AboutPage(page).waitFor();
      await waitUntil(async () => (await page.title()) === title(ui.about_heading), { message: 'About title' });
      await new AboutPage(page).saveAndContinue();
      const tasks = await new TasksPage(page).waitFor();
      await tasks.open(ui.check_heading);
      await new CheckPage(page).waitFor();
      await waitUntil(async () => (await page.title()) === 'Check your answers – Ready to Share', {
        message: '"Check your answers – Ready to Share"',
      });
      await new CheckPage(page).back();
      await tasks.waitFor();
      await tasks.back();
      await start.waitFor();
      await start.openFile({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('not json') });
      await start.errorSummary.waitFor();
      assert.equal(await page.title(), title(pack.start.heading, true));

      // The iframe page too.
      await page.goto(`${site.origin}/frame.html`);
      await new StartScreen(page).waitFor();
      await waitUntil(async () => (await page.title()) === title(pack.start.heading), { message: 'frame title' });

      // A host page's title is its own, on every screen of the widget.
      await page.goto(`${site.origin}/host.html`);
      const widget = new StartScreen(page);
      await widget.startNowButton.click();
      await page.getByRole('heading', { name: ui.about_heading, exact: true }).waitFor();
      await page.getByRole('button', { name: ui.save_and_continue, exact: true }).click();
      await page.getByRole('heading', { name: ui.tasks_heading, exact: true }).waitFor();
      assert.equal(await page.title(), 'Partner page');
    }));

  test('5. a bad file: an error at the field, linked from the summary, in plain words', () =>
    withSession(async (page) => {
      const start = await new StartScreen(page).goto(site.url);
      await start.openFile({
        name: 'minutes.json',
        mimeType: 'application/json',
        buffer: Buffer.from('Minutes of the board\n'),
      });
      const [shown] = await start.errorMessages();
      assert.equal(shown, messages.not_json, 'the plain message, with no parser detail');
      const input = start.fileInput;
      assert.equal(await input.getAttribute('aria-invalid'), 'true');
      const inputId = await input.getAttribute('id');
      const described = (await input.getAttribute('aria-describedby')).split(' ');
      const errorText = await page.evaluate((ids) => ids.map((id) => document.getElementById(id)?.innerText ?? ''), described);
      assert.ok(errorText.some((t) => t.replace(/\s+/g, ' ').trim() === `${ui.error_prefix} ${messages.not_json}`), JSON.stringify(errorText));
      assert.ok(!(await page.locator('.rts-start').innerText()).includes('line 1 column'), 'no parser detail on show');
      // The detail is kept in a disclosure.
      await page.getByText(messages.detail_summary, { exact: true }).click();
      await page.getByText(/line 1 column/).waitFor();
      const link = start.errorSummary.getByRole('link', { name: messages.not_json, exact: true });
      assert.equal(await link.getAttribute('href'), `#${inputId}`);
      await link.click();
      await waitUntil(async () => (await focusedElement(page)).label === ui.open_label, { message: 'focus on the field' });
      assert.equal(new URL(page.url()).hash, '', 'the page address is left alone');
      await expectNoViolations(page, 'the start page with an error at the field');

      // Warnings name questions by their wording, not their id.
      const question = pack.themes[0].questions[0];
      const file = JSON.parse(readFileSync(EARLIER_PATH, 'utf8'));
      file.answers = { [question.id]: { level: 9, note: 'kept' } };
      await start.openFile({ name: 'odd.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
      // Things to check are not a success: the banner says "Important".
      const banner = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: ui.opened_warnings_title, exact: true }) });
      await banner.waitFor();
      assert.equal(await page.getByRole('heading', { name: ui.opened_title, exact: true }).count(), 0, 'no "Success" over problems');
      assert.ok(!(await banner.getAttribute('class')).includes('success'), 'not styled as a success');
      const text = await banner.innerText();
      assert.ok(text.includes(question.text), `the question by its wording: ${text}`);
      assert.ok(!text.includes(`"${question.id}"`), `not by its id: ${text}`);
    }));

  test('6. opening a file over answers asks first, offers the download, then says it worked', () =>
    withSession(async (page) => {
      const tasks = await someAnswers(page, site.url);
      await tasks.back();
      const start = await new StartScreen(page).waitFor();
      await start.savedHeading.waitFor();
      await start.openFile(EARLIER_PATH);
      const confirm = page.getByRole('group', { name: ui.open_confirm_warning });
      await confirm.waitFor();
      assert.equal((await focusedElement(page)).role, 'group', 'focus moves to the question');
      await expectNoViolations(page, 'the confirmation before replacing answers');

      // Cancel: nothing replaced, focus back on the file field.
      await confirm.getByRole('button', { name: ui.cancel, exact: true }).click();
      await waitUntil(async () => (await focusedElement(page)).label === ui.open_label, { message: 'focus back on the field' });
      await start.continueButton.click();
      await tasks.waitFor();
      const before = await page.getByText(/\d+ of \d+/).first().innerText();
      await tasks.back();
      await start.waitFor();

      await start.openFile(EARLIER_PATH);
      await confirm.waitFor();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        confirm.getByRole('button', { name: ui.open_confirm_download, exact: true }).click(),
      ]);
      assert.match(download.suggestedFilename(), /\.json$/);
      await confirm.getByRole('button', { name: ui.open_confirm, exact: true }).click();
      await tasks.waitFor();
      // The earlier file was saved with older questions: it opens with
      // things to check, under "Important".
      const banner = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: ui.opened_warnings_title, exact: true }) });
      await banner.getByText(ui.opened_with_warnings, { exact: true }).waitFor();
      assert.notEqual(await page.getByText(/\d+ of \d+/).first().innerText(), before, 'the answers are the file\'s');
      await expectNoViolations(page, 'the task list with the notice of things to check');
    }));

  for (const accent of ['yellow', '#ffdd00']) {
    test(`7. accent="${accent}" keeps the panel, the bars and link hover readable`, () =>
      withSession(async (page) => {
        await toSummary(page, `${site.origin}/frame.html?accent=${encodeURIComponent(accent)}`);
        const panel = page.locator('.rts-panel');
        const [text, background] = await panel.evaluate((el) => [getComputedStyle(el).color, getComputedStyle(el).backgroundColor]);
        assert.ok((await contrast(page, background, accent)) < 1.01, `the panel keeps the host's accent (${background})`);
        const panelRatio = await contrast(page, text, background);
        assert.ok(panelRatio >= 4.5, `panel text ${text} on ${background} is ${panelRatio.toFixed(2)}:1`);
        const bar = await page.locator('.rts-chart__bar').first().evaluate((el) => getComputedStyle(el).fill);
        const barRatio = await contrast(page, bar, '#ffffff');
        assert.ok(barRatio >= 3, `bars ${bar} on white are ${barRatio.toFixed(2)}:1`);
        const link = page.getByRole('button', { name: ui.back, exact: true });
        await link.hover();
        const hover = await link.evaluate((el) => getComputedStyle(el).color);
        const hoverRatio = await contrast(page, hover, '#ffffff');
        assert.ok(hoverRatio >= 4.5, `link hover ${hover} on white is ${hoverRatio.toFixed(2)}:1`);
        await page.mouse.move(0, 0);
        await expectNoViolations(page, `the summary with accent ${accent}`);
        await page.screenshot({ path: `/tmp/rts-accent-${accent.replace('#', '')}.png`, fullPage: true });
      }));
  }

  test('8. partnership: the status counts failures, and "Remove all files" keeps focus', () =>
    withSession(async (page) => {
      const start = await new StartScreen(page).goto(site.url);
      await start.page.getByRole('button', { name: ui.partnership_button, exact: true }).click();
      const view = await new PartnershipPage(page).waitFor();
      assert.equal(await view.status.count(), 1, 'the status region is there before any file');
      assert.equal((await view.status.textContent()).trim(), '', 'and empty');
      await view.chooseFiles([join(FIXTURES, 'council.json'), BROKEN_PATH]);
      await view.scoresTable.waitFor();
      const status = (await view.status.textContent()).replace(/\s+/g, ' ').trim();
      assert.ok(status.includes(fill(ui.partnership_failed_count, { count: 1 })), status);
      await page.getByRole('region', { name: words.failed_heading }).waitFor();
      await expectNoViolations(page, 'the partnership view with a failed file');
      await view.clearButton.click();
      await waitUntil(async () => (await focusedElement(page)).label === ui.partnership_files_label, {
        message: 'focus on the file field after "Remove all files"',
      });
      assert.equal((await view.status.textContent()).trim(), ui.partnership_none);
    }));

  test('9a. at 320 px the comparison table fits and its scrolling region is named and focusable', () =>
    withSession(
      async (page) => {
        await toSummary(page, site.url);
        await page.getByLabel(ui.compare_label, { exact: true }).setInputFiles(EARLIER_PATH);
        const region = page.getByRole('region', { name: c.table_caption });
        await region.waitFor();
        assert.equal(await region.getAttribute('tabindex'), '0');
        const right = await region.locator('thead th').last().evaluate((th) => th.getBoundingClientRect().right);
        assert.ok(right <= 320, `the last column ends at ${right} px`);
        const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(scroll <= 320, `the page is ${scroll} px wide`);
        await page.screenshot({ path: '/tmp/rts-320-compare.png', fullPage: true });
        await expectNoViolations(page, 'the summary with the comparison at 320 px');
      },
      { viewport: { width: 320, height: 640 } },
    ));

  test('9b. with WCAG 1.4.12 text spacing the chart labels are not clipped', () =>
    withSession(async (page) => {
      await toSummary(page, site.url);
      const chart = page.getByRole('img', { name: r.chart_title, exact: true });
      const left = await chart.evaluate((el) => el.getBoundingClientRect().left);
      // Applied the way a user's text-spacing bookmarklet would; an inline
      // <style> would be refused by the page's Content Security Policy.
      await page.evaluate((css) => {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(css);
        document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
      }, SPACING);
      const labels = await chart.locator('.rts-chart__label').evaluateAll((els) =>
        els.map((el) => ({
          text: el.textContent,
          left: el.getBoundingClientRect().left,
          clipped: el.scrollWidth > el.clientWidth + 1,
        })),
      );
      assert.equal(labels.filter((l) => l.text).length, pack.themes.length, 'a label per theme');
      for (const label of labels) {
        assert.ok(label.left >= left - 0.5, `"${label.text}" starts inside the chart`);
        assert.ok(!label.clipped, `"${label.text}" is not clipped`);
      }
      await page.screenshot({ path: '/tmp/rts-text-spacing.png', fullPage: true });
    }));

  test('10. notes and clear buttons named with their question, and the smaller things', () =>
    withSession(async (page) => {
      const start = await new StartScreen(page).goto(site.url);
      await start.startNow();
      const about = await new AboutPage(page).waitFor();
      assert.equal(await about.organisation.getAttribute('autocomplete'), 'organization');
      const comma = pack.policy_areas.find((a) => a.label.includes(',')) ?? pack.policy_areas[0];
      const other = pack.policy_areas.find((a) => a !== comma);
      await about.policyArea(comma.id).check();
      await about.policyArea(other.id).check();
      await about.saveAndContinue();
      const tasks = await new TasksPage(page).waitFor();
      const theme = pack.themes[0];
      await tasks.open(theme.title);
      const themePage = await new ThemePage(page, theme.id).waitFor();
      const [q1, q2] = theme.questions;
      // Every note box says which question it is for.
      await themePage.note(q1.id).waitFor();
      await themePage.note(q2.id).waitFor();
      await themePage.choose(q1.id, 2);
      const clear = themePage.clearButton(q1.id);
      assert.equal(await chromeName(page, clear), fill(ui.clear_answer_for, { question: q1.text }), 'no stray space');
      assert.equal(await chromeName(page, themePage.note(q1.id)), fill(ui.note_label_for, { question: q1.text }));
      await themePage.returnToTasks();
      await tasks.waitFor();

      // A policy area with a comma in its name is a line of its own.
      await tasks.open(ui.check_heading);
      const check = await new CheckPage(page).waitFor();
      const items = await check.row(ui.about_policy_areas).getByRole('listitem').allInnerTexts();
      assert.deepEqual(items.map((t) => t.trim()).sort(), [comma.label, other.label].sort());

      // The comparison's date is in words, like every other date.
      await check.back();
      await tasks.waitFor();
      await tasks.seeSummary();
      const summary = await new SummaryPage(page).waitFor();
      await page.getByLabel(ui.compare_label, { exact: true }).setInputFiles(EARLIER_PATH);
      const intro = await page.getByText(fill(c.intro, { date: '' }).replace(/\.$/, '')).innerText();
      assert.match(intro, /\d{1,2} [A-Z][a-z]+ \d{4}\.$/, intro);
      assert.doesNotMatch(intro, /\d{4}-\d{2}-\d{2}/);

      // The scrolling table's focus ring stands out from white (3:1).
      const region = page.getByRole('region', { name: r.chart_title });
      await region.focus();
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Tab');
      const ring = await region.evaluate((el) => getComputedStyle(el).boxShadow);
      const ringColour = /rgba?\([^)]*\)/.exec(ring)?.[0];
      assert.ok(ringColour, `a dark ring round the focus outline: ${ring}`);
      assert.ok((await contrast(page, ringColour, '#ffffff')) >= 3, `the ring ${ringColour} on white`);

      // Printed: "How this was worked out" open, no compare heading without
      // its control.
      await summary.button(ui.compare_remove).click();
      await headingFocused(page, ui.compare_heading);
      await page.emulateMedia({ media: 'print' });
      await page.getByText(locale().bands.method, { exact: true }).filter({ visible: true }).waitFor();
      assert.equal(await page.getByRole('heading', { name: ui.compare_heading, exact: true }).isVisible(), false);
      assert.equal(await page.getByText(ui.how_worked_out, { exact: true }).filter({ visible: true }).count(), 1);
      await page.emulateMedia({ media: 'screen' });
    }));

  test('screenshots at 320 px and 1280 px', async () => {
    for (const width of [320, 1280]) {
      await withSession(
        async (page) => {
          await toSummary(page, site.url, {
            context: { area: 'Northshire', organisation: 'Northshire Council', partners: 'A\nB', policyAreas: [] },
          });
          await page.screenshot({ path: `/tmp/rts-summary-${width}.png`, fullPage: true });
        },
        { viewport: { width, height: 900 } },
      );
    }
  });
});
