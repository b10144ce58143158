// The tables on a phone (320 px, which is also 1,280 px at 400% zoom): the
// comparison with an earlier assessment, the summary's profile and the
// partnership scores. Each row is stacked as a block of labelled lines, so
// nothing scrolls sideways and no word breaks in the middle; each value sits
// beside its column's name on screen; and a screen reader still gets a table
// with its column headers, row headers and cells, with each cell read once
// (the name drawn beside it is not read again). At 1,280 px the same tables
// are grids, and so are they in print. Screenshots of each are taken (kept in RTS_SHOTS, if set, to
// look at).

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { runAxe, describeViolations } from './helpers.mjs';
import { locale } from './support.mjs';
import { useSite } from './fixtures.mjs';
import { compareWithEarlier, openPartnershipView } from './journey.mjs';
import {
  brokenWordsInTables,
  tableAsMarkupHasIt,
  tableAsScreenReaderHasIt,
  tablesScrollSideways,
} from './layout.mjs';

const words = locale();
const TABLES = [
  { name: 'comparison', caption: words.compare.table_caption, open: compareWithEarlier },
  { name: 'profile', caption: words.report.chart_title, open: compareWithEarlier },
  { name: 'partnership scores', caption: words.partnership.scores_caption, open: openPartnershipView },
];

/** Each body cell's column name as drawn beside it, and its value's box and the name's. */
function drawnLabels(table) {
  return table.evaluate((t) => {
    const heads = [...t.querySelectorAll('thead th')].map((th) => th.textContent.replace(/\s+/g, ' ').trim());
    return [...t.querySelectorAll('tbody tr, tfoot tr')].flatMap((tr) =>
      [...tr.children]
        .filter((cell) => cell.tagName === 'TD' && cell.textContent.trim() !== '')
        .map((td) => {
          const drawn = getComputedStyle(td, '::before').content;
          return { column: heads[td.cellIndex], drawn, display: getComputedStyle(td).display };
        }),
    );
  });
}

describe('tables on a narrow screen', () => {
  const site = useSite({ folder: 'narrow-tables' });

  for (const { name, caption, open } of TABLES) {
    test(`the ${name} table at 320 px: stacked, labelled, whole words, and still a table to a screen reader`, () =>
      site.withSession(async ({ page, errors }) => {
        await page.setViewportSize({ width: 320, height: 800 });
        await open(page, site.url);
        const table = page.getByRole('table', { name: caption, exact: true });
        await table.scrollIntoViewIfNeeded();
        await table.screenshot({ path: join(process.env.RTS_SHOTS ?? site.folder, `${name.replace(/ /g, '-')}-320.png`) });

        assert.equal(await tablesScrollSideways(page), false, 'no table scrolls sideways');
        assert.deepEqual(await brokenWordsInTables(page), [], 'no word broken over two lines');

        // Every value shows its column's name beside it, drawn from the header.
        const labels = await drawnLabels(table);
        assert.ok(labels.length > 0, 'the table has values');
        for (const { column, drawn, display } of labels) {
          assert.notEqual(display, 'table-cell', 'the cell is a line of its own, not a grid cell');
          assert.ok(drawn.startsWith(`"${column}"`), `"${column}" is drawn beside its value (drawn: ${drawn})`);
        }

        // What Chromium gives a screen reader: the same headers and cells
        // as the markup, each value once, without the drawn column name.
        const heard = await tableAsScreenReaderHasIt(page, caption);
        assert.ok(heard, 'a table named by its caption is in the accessibility tree');
        assert.deepEqual(heard, await tableAsMarkupHasIt(table));

        const results = await runAxe(page);
        assert.deepEqual(results.violations, [], describeViolations(results.violations));
        assert.deepEqual(errors, []);
      }));
  }

  test('printed from a narrow screen, the tables are grids again with their header rows', () =>
    site.withSession(async ({ page }) => {
      await page.setViewportSize({ width: 320, height: 800 });
      await compareWithEarlier(page, site.url);
      await page.emulateMedia({ media: 'print' });
      for (const caption of [words.compare.table_caption, words.report.chart_title]) {
        const table = page.getByRole('table', { name: caption, exact: true });
        const shape = await table.evaluate((t) => ({
          table: getComputedStyle(t).display,
          cell: getComputedStyle(t.querySelector('td')).display,
          head: t.querySelector('thead th').getBoundingClientRect().height > 1,
        }));
        assert.deepEqual(shape, { table: 'table', cell: 'table-cell', head: true }, caption);
      }
    }));

  test('at 1,280 px the tables are grids with their header row in view', () =>
    site.withSession(async ({ page }) => {
      await page.setViewportSize({ width: 1280, height: 900 });
      await compareWithEarlier(page, site.url);
      for (const caption of [words.compare.table_caption, words.report.chart_title]) {
        const table = page.getByRole('table', { name: caption, exact: true });
        const shape = await table.evaluate((t) => ({
          table: getComputedStyle(t).display,
          head: t.querySelector('thead th').getBoundingClientRect().height > 1,
          label: getComputedStyle(t.querySelector('td'), '::before').content,
        }));
        assert.deepEqual(shape, { table: 'table', head: true, label: 'none' }, caption);
      }
      assert.deepEqual(await brokenWordsInTables(page), []);
    }));
});
