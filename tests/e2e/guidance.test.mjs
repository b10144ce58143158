// Guidance beside each priority action: on the summary, each action links
// the guidance items the pack gives its question, named with "(opens in new
// tab)" and followed by "(publisher, year)"; a link opens the guidance in a
// new tab and leaves the summary where it was; the HTML and Markdown
// downloads list the same guidance under each action. What is expected is
// worked out from the plan and the pack (expected.mjs), not by the app.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CONTEXT, expectedActions, guideAbout, plannedAnswers } from './expected.mjs';
import { completeAssessment } from './journey.mjs';
import { fill, locale } from './support.mjs';
import { downloadTexts, useSite } from './fixtures.mjs';
import { asMarkdown } from './escaping.mjs';

const { ui, report, common } = locale();

/** "Guidance: A (publisher, year); B (publisher, year)" as a reader sees it. */
const guidanceLine = (guides) =>
  `${report.guidance_label} ${guides.map((g) => `${g.title} ${guideAbout(g)}`).join('; ')}`;

describe('guidance for priority actions', () => {
  const site = useSite();
  const ACTIONS = expectedActions(plannedAnswers({ change: true }));

  test('every priority action has guidance in the pack', () => {
    assert.equal(ACTIONS.length, 35, 'the 35 priority actions of the plan (answers at levels 1 to 4)');
    for (const a of ACTIONS) {
      assert.ok(a.guidance.length >= 1 && a.guidance.length <= 2, `${a.questionId}: one or two guidance items`);
      for (const g of a.guidance) {
        assert.match(g.url, /^https?:\/\//, `${g.id} has a web address`);
        assert.ok(g.publisher.trim() && g.published.trim(), `${g.id} has a publisher and a year (or "no date given")`);
      }
    }
  });

  test('a guidance link opens the guidance in a new tab, and the summary stays open', () =>
    site.withSession(async (session) => {
      const { page, context } = session;
      const summary = await completeAssessment(page, site.url);
      const first = ACTIONS[0];
      const guide = first.guidance[0];
      const item = summary.actionItems().first();
      await item.getByText(first.action, { exact: true }).waitFor();
      // The line under the action, as a reader sees it.
      const parts = (await summary.actionParts())[0];
      assert.equal(
        parts.guidance,
        `${report.guidance_label} ${first.guidance.map((g) => `${g.title} ${common.opens_in_new_tab} ${guideAbout(g)}`).join('; ')}`,
      );

      // The guidance's site, answered here so nothing leaves the machine.
      await context.route(guide.url, (route) =>
        route.fulfill({
          status: 200,
          contentType: 'text/html',
          body: '<!DOCTYPE html><html lang="en"><title>Guidance</title><h1>The guidance page</h1></html>',
        }),
      );
      const link = item.getByRole('link', { name: `${guide.title} ${common.opens_in_new_tab}`, exact: true });
      const summaryUrl = page.url();
      const [tab] = await Promise.all([context.waitForEvent('page'), link.click()]);
      await tab.getByRole('heading', { name: 'The guidance page', exact: true }).waitFor();
      assert.equal(tab.url(), guide.url, 'the new tab shows the guidance');
      assert.equal(await tab.evaluate(() => window.opener), null, 'the new tab cannot reach back into the tool (noopener)');
      assert.equal(context.pages().length, 2, 'a second tab');

      // The summary is still there, unchanged, in the first tab.
      assert.equal(page.url(), summaryUrl);
      await summary.waitFor(CONTEXT.area);
      await item.getByText(first.action, { exact: true }).waitFor();
      await tab.close();

      assert.deepEqual(
        session.foreignRequests.filter((u) => !u.endsWith('/favicon.ico')),
        [guide.url],
        'the only request to another site is the guidance the user chose to open',
      );
      assert.deepEqual(session.dialogs, [], 'no dialog opened');
      assert.deepEqual(session.errors, [], 'no errors logged');
    }));

  test('the HTML and Markdown downloads list each action\'s guidance, with publisher and year', () =>
    site.withSession(async (session) => {
      const { page, context } = session;
      const summary = await completeAssessment(page, site.url);
      const files = await downloadTexts(summary, [
        [ui.download_html, 'html'],
        [ui.download_markdown, 'md'],
      ]);

      // HTML: opened as a reader would, each action in the list has its
      // guidance line and links to the pack's addresses.
      const reportPage = await context.newPage();
      await reportPage.setContent(files.html, { waitUntil: 'load' });
      const list = reportPage
        .getByRole('heading', { level: 2, name: report.actions_heading, exact: true })
        .locator('xpath=following-sibling::*[1]')
        .getByRole('listitem');
      assert.equal(await list.count(), ACTIONS.length, 'one item per priority action');
      for (const [i, a] of ACTIONS.entries()) {
        const item = list.nth(i);
        const lines = (await item.innerText()).split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean);
        assert.deepEqual(lines, [a.action, a.because, guidanceLine(a.guidance)], `HTML, action ${i + 1} (${a.questionId})`);
        for (const g of a.guidance) {
          const link = item.getByRole('link', { name: g.title, exact: true });
          assert.equal(await link.count(), 1, `HTML, action ${i + 1} links "${g.title}"`);
          assert.equal(await link.getAttribute('href'), g.url);
          assert.ok((await link.getAttribute('rel')).split(/\s+/).includes('noopener'), 'rel has noopener');
        }
      }
      await reportPage.close();

      // Markdown: each numbered action, then why, then its guidance as links.
      const md = files.md;
      for (const [i, a] of ACTIONS.entries()) {
        const guides = a.guidance
          .map((g) => `[${asMarkdown(g.title)}](<${g.url}>) (${asMarkdown(guideAbout(g).slice(1, -1))})`)
          .join('; ');
        const item =
          `${i + 1}. **${asMarkdown(a.action)}**  \n` +
          `   ${asMarkdown(a.why)} (${asMarkdown(a.themeTitle)})\n` +
          `   ${asMarkdown(report.guidance_label)} ${guides}\n`;
        assert.ok(md.includes(item), `Markdown, action ${i + 1} (${a.questionId}) with its guidance:\n${item}`);
      }

      assert.deepEqual(session.dialogs, [], 'no dialog opened');
      assert.deepEqual(session.errors, [], 'no errors logged');
      assert.deepEqual(session.foreignRequests, [], 'no request left the site');
    }));
});
