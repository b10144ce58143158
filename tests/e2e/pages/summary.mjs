// The summary: overall band, the profile table, strengths, priority
// actions, things to find out, case studies, the story and the downloads.

import { locale, fill } from '../support.mjs';
import { PlanSection } from './plan.mjs';
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

  /** The action plan on this summary. */
  plan() {
    return new PlanSection(this.page);
  }

  /** The start of every "find out" action, which the plan lists after the
   * priority actions. */
  findOutPrefix() {
    return this.report.find_out_action.split('{question}')[0];
  }

  /** Each priority action's whole text: the action, then why, then the
   * theme, then any guidance. They are the action plan's items, "find out"
   * ones left out. */
  async actions() {
    return (await this.actionParts()).map((p) => `${p.action}${p.because}${p.guidance}`);
  }

  /** The priority actions' items in the plan, in order (locators); every
   * one once "Show all" has been chosen (actionParts() does). */
  actionItems() {
    return this.plan().items.filter({ hasNotText: this.findOutPrefix() });
  }

  /**
   * Each priority action as a reader sees it: { action, because, guidance },
   * where `guidance` is the line that starts "Guidance:" ('' when there is
   * none) and `because` says why, with the theme. Whitespace is collapsed.
   * Shows every action first.
   */
  async actionParts() {
    const plan = await this.plan().waitFor();
    await plan.showAll();
    const label = this.report.guidance_label;
    return this.actionItems().evaluateAll(
      (items, guidanceLabel) =>
        items.map((li) => {
          const clean = (text) => (text ?? '').replace(/\s+/g, ' ').trim();
          const action = clean(li.querySelector('.rts-plan__action')?.textContent);
          const line = [...li.querySelectorAll('p')].find((el) => clean(el.textContent).startsWith(guidanceLabel));
          return {
            action,
            because: clean(li.querySelector('.rts-plan__why')?.textContent),
            guidance: clean(line?.textContent),
          };
        }),
      label,
    );
  }

  /** The "find out" actions of the plan, in order. */
  async findOut() {
    const plan = await this.plan().waitFor();
    await plan.showAll();
    const findOut = this.report.find_out_action.split('{question}')[0];
    return (await plan.shown()).filter((a) => a.action.startsWith(findOut)).map((a) => a.action);
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
