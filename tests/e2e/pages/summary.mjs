// The summary: overall band, the profile table, strengths, priority
// actions, things to find out, case studies, the story and the downloads.

import { locale, fill } from '../support.mjs';
import { Screen } from './screen.mjs';

export class SummaryPage extends Screen {
  constructor(page) {
    super(page);
    this.report = locale().report;
    this.table = page.getByRole('table', { name: this.report.chart_title, exact: true });
    this.chart = page.getByRole('img', { name: this.report.chart_title, exact: true });
  }

  /** The summary's h1 is the report title, with the area when there is one. */
  async waitFor(area) {
    const title = area ? fill(this.report.title_for_area, { area }) : this.report.title;
    return super.waitFor(title);
  }

  /** The list that directly follows a section heading. */
  listAfter(heading) {
    return this.page
      .getByRole('heading', { level: 2, name: heading, exact: true })
      .locator('xpath=following-sibling::*[1]')
      .getByRole('listitem');
  }

  /** The profile table's body rows: { theme, score, answered, notSure, unanswered }. */
  async profileRows() {
    const rows = this.table.getByRole('row').filter({ has: this.page.getByRole('rowheader') });
    const out = [];
    for (const row of await rows.all()) {
      const theme = (await row.getByRole('rowheader').textContent()).trim();
      const cells = (await row.getByRole('cell').allTextContents()).map((c) => c.trim());
      const [score, answered, notSure, unanswered] = cells;
      out.push({ theme, score, answered: Number(answered), notSure: Number(notSure), unanswered: Number(unanswered) });
    }
    return out;
  }

  /** The table's column headers. */
  async columnHeaders() {
    return (await this.table.getByRole('columnheader').allTextContents()).map((c) => c.trim());
  }

  /** A line of text in the overall band panel, matched whole. */
  text(exact) {
    return this.page.getByText(exact, { exact: true });
  }

  /** Each priority action's whole text: the action, then why, then the theme, then any guidance. */
  async actions() {
    return (await this.listAfter(this.report.actions_heading).allTextContents()).map((t) => t.trim());
  }

  /** The priority actions' list items, in order (locators). */
  actionItems() {
    return this.listAfter(this.report.actions_heading);
  }

  /**
   * Each priority action as a reader sees it: { action, because, guidance },
   * where `guidance` is the line that starts "Guidance:" ('' when there is
   * none) and `because` is the rest of the item's text. Whitespace is
   * collapsed.
   */
  async actionParts() {
    const label = this.report.guidance_label;
    return this.actionItems().evaluateAll(
      (items, guidanceLabel) =>
        items.map((li) => {
          const clean = (text) => (text ?? '').replace(/\s+/g, ' ').trim();
          const action = clean(li.querySelector('strong')?.textContent);
          const line = [...li.querySelectorAll('p, span, div')].find((el) =>
            clean(el.textContent).startsWith(guidanceLabel),
          );
          const guidance = clean(line?.textContent);
          let rest = clean(li.textContent);
          if (rest.startsWith(action)) rest = rest.slice(action.length);
          if (guidance && rest.endsWith(guidance)) rest = rest.slice(0, -guidance.length);
          return { action, because: clean(rest), guidance };
        }),
      label,
    );
  }

  async findOut() {
    return (await this.listAfter(this.report.find_out_heading).allTextContents()).map((t) => t.trim());
  }

  async strengths() {
    return (await this.listAfter(this.report.strengths_heading).allTextContents()).map((t) => t.trim());
  }

  /** The case-study links, in order. */
  caseStudyLinks() {
    return this.listAfter(this.report.case_studies_heading).getByRole('link');
  }

  downloadButton(name) {
    return this.button(name);
  }

  /** Clicks a download button and resolves to the Download it starts. */
  async download(name) {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.downloadButton(name).click(),
    ]);
    return download;
  }
}
