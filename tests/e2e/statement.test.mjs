// The accessibility statement's known issues (docs/accessibility-statement.md,
// each "[KI-n]") against what the tool does now: each issue is looked for
// the way a user would meet it, and the test fails if a fixed issue is
// still listed, or a listed one is... not there to be found, or an issue is
// there and not listed.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DIST } from './server.mjs';
import { contentPack } from './helpers.mjs';
import { locale } from './support.mjs';
import { downloadFile, useScratch, useSite } from './fixtures.mjs';
import { compareWithEarlier, completeAssessment, openPartnershipView } from './journey.mjs';
import { brokenWordsInTables, tablesScrollSideways } from './layout.mjs';
import { StartScreen } from './pages/start-screen.mjs';

const ui = locale().ui;
const statement = readFileSync(new URL('../../docs/accessibility-statement.md', import.meta.url), 'utf8');
const listed = new Set([...statement.matchAll(/^- \[KI-(\d+)\]/gm)].map((m) => Number(m[1])));
const SPACING = `* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }`;

/** At `width` px, whether `open`'s tables scroll sideways or break a word. */
async function tablesFailReflowAt(site, width, open) {
  return site.withSession(async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await open(page, site.url);
    return (await tablesScrollSideways(page)) || (await brokenWordsInTables(page)).length > 0;
  });
}

describe('the accessibility statement lists exactly the known issues the tool has', () => {
  const site = useSite({ folder: 'statement' });
  const scratch = useScratch();
  const found = new Map();

  test('KI-1: the downloaded report chart under WCAG text spacing', () =>
    site.withSession(async ({ page }) => {
      const summary = await completeAssessment(page, site.url);
      const report = await downloadFile(page, () => summary.downloadButton(ui.download_html).click(), {
        folder: site.folder,
      });
      // Opened as a person opens the file they saved: from the disk, in a
      // browser that blocks nothing.
      const files = await site.browser.newContext();
      const view = await files.newPage();
      await view.goto(pathToFileURL(report.path).href);
      await view.evaluate((css) => {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(css);
        document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
      }, SPACING);
      // A theme's name is cut off if it starts left of the chart's box or
      // is wider than its own (SVG text in the chart, or HTML labels).
      const clipped = await view.evaluate(() => {
        const chart = document.querySelector('.chart');
        if (!chart) throw new Error('no chart in the report');
        const left = chart.getBoundingClientRect().left;
        const labels = [...chart.querySelectorAll('text, .bar-label')];
        if (labels.length === 0) throw new Error('no labels in the chart');
        return labels.some((label) => {
          const box = label.getBoundingClientRect();
          const overflows = label instanceof HTMLElement && label.scrollWidth > label.clientWidth + 1;
          return box.left < left - 0.5 || overflows;
        });
      });
      await files.close();
      found.set(1, clipped);
      assert.equal(listed.has(1), clipped, clipped ? 'the issue is there: list it' : 'fixed: take it off the list');
    }));

  test('KI-2 and KI-3: the comparison and partnership tables at 320 px, and the partnership table at 1,280 px', async () => {
    const narrow =
      (await tablesFailReflowAt(site, 320, compareWithEarlier)) ||
      (await tablesFailReflowAt(site, 320, openPartnershipView));
    const wide = await tablesFailReflowAt(site, 1280, openPartnershipView);
    found.set(2, narrow);
    found.set(3, wide);
    assert.equal(listed.has(2), narrow, narrow ? 'KI-2 is there: list it' : 'KI-2 fixed: take it off the list');
    assert.equal(listed.has(3), wide, wide ? 'KI-3 is there: list it' : 'KI-3 fixed: take it off the list');
  });

  test('KI-4: the file:// warning of the single-file copy, and its landmark', async () => {
    const dir = await scratch.dir('file-copy');
    const file = join(dir, 'ready-to-share-offline.html');
    copyFileSync(join(DIST, 'ready-to-share-offline.html'), file);
    const files = await site.browser.newContext();
    try {
      const page = await files.newPage();
      await page.goto(pathToFileURL(file).href);
      await page.getByRole('heading', { level: 1, name: contentPack().start.heading }).waitFor();
      const warning = page.getByRole('status').filter({ hasText: locale().loader.file_warning });
      await warning.waitFor();
      // Inside a landmark: main, nav, aside, header, footer, or a named
      // region (a section or role="region" with a name).
      const outside = await warning.evaluate(
        (el) =>
          !el.parentElement?.closest(
            'main, nav, aside, header, footer, [role="main"], [role="navigation"], [role="complementary"], ' +
              '[role="region"][aria-label], section[aria-label], section[aria-labelledby]',
          ),
      );
      found.set(4, outside);
      assert.equal(listed.has(4), outside, outside ? 'the issue is there: list it' : 'fixed: take it off the list');
    } finally {
      await files.close();
    }
  });

  test('every screen links the statement in the same place, and it opens as a page of the tool', () =>
    site.withSession(async ({ page }) => {
      const link = page.getByRole('link', { name: ui.accessibility_statement, exact: true });
      const start = await new StartScreen(page).goto(site.url);
      await start.waitFor();
      assert.equal(await link.count(), 1, 'on the start page');
      await start.startNow();
      await page.getByRole('heading', { name: ui.about_heading, exact: true }).waitFor();
      assert.equal(await link.count(), 1, 'on About your area');
      const last = await link.evaluate((a) => a.closest('.rts-app').lastElementChild.contains(a));
      assert.ok(last, 'last in the tool, after the page');
      await link.focus();
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: 'Accessibility statement for Ready to Share' }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Known issues' }).waitFor();
      for (const id of listed) await page.getByText(`[KI-${id}]`, { exact: false }).first().waitFor();
      assert.equal(
        await page.getByText('For the organisation that publishes this tool', { exact: false }).count(),
        0,
        'the note to the publisher is not on the page',
      );
    }));

  test('no other issue is listed that this file does not look for', () => {
    const unchecked = [...listed].filter((id) => !found.has(id));
    assert.deepEqual(unchecked, [], 'every listed issue is looked for above');
  });
});
