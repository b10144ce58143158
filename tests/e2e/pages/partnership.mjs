// "Partnership readiness view": several partners' files side by side. The
// file picker (several files, or dropped on it), the anonymise checkbox, the
// failed-files notice, the theme scores table with its median and spread
// rows, "Where you disagree", "What partners are not sure about" and the
// three downloads.

import { locale } from '../support.mjs';
import { Screen } from './screen.mjs';

const tidy = (text) => (text ?? '').replace(/\s+/g, ' ').trim();

export class PartnershipPage extends Screen {
  /** @param {import('playwright-core').Page} page */
  constructor(page) {
    super(page);
    this.words = locale().partnership;
    this.fileInput = page.getByLabel(this.ui.partnership_files_label, { exact: true });
    this.dropZone = page.locator('.rts-drop-zone').filter({ has: this.fileInput });
    this.anonymise = page.getByRole('checkbox', { name: this.ui.partnership_anonymise, exact: true });
    this.status = page.locator('.rts-partnership').getByRole('status');
    this.scoresTable = page.getByRole('table', { name: this.words.scores_caption, exact: true });
    this.clearButton = this.button(this.ui.partnership_clear);
  }

  /**
   * Waits for the view itself: its heading and its file picker. (The page's
   * first module shows the heading alone while it fetches the whole app,
   * which holds the view.)
   */
  async waitFor() {
    await super.waitFor(this.words.title);
    await this.fileInput.waitFor();
    return this;
  }

  /** An h2 of the page, by its text. */
  section(name) {
    return this.page.getByRole('heading', { level: 2, name, exact: true });
  }

  /**
   * Chooses files with the picker, all at once: paths or
   * { name, mimeType, buffer } objects.
   */
  async chooseFiles(files) {
    await this.fileInput.setInputFiles(files);
  }

  /**
   * Drops files on the picker's area, as dragging them from the desktop
   * does: a `drop` event whose DataTransfer holds the files.
   * `files` are { name, text }.
   */
  async dropFiles(files) {
    const zone = await this.dropZone.elementHandle();
    await zone.evaluate((element, list) => {
      const transfer = new DataTransfer();
      for (const { name, text } of list) {
        transfer.items.add(new File([text], name, { type: 'application/json' }));
      }
      for (const type of ['dragenter', 'dragover', 'drop']) {
        element.dispatchEvent(
          new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }),
        );
      }
    }, files);
    await zone.dispose();
  }

  /** The number in the status line ("Files chosen: N."), read through the
   * locale's template so the wording can change. */
  async openCount() {
    const text = tidy(await this.status.textContent());
    const [before, after] = this.ui.partnership_opened.split('{count}');
    if (!text.startsWith(before)) return null;
    const match = /^(\d+)/.exec(text.slice(before.length));
    return match && text.slice(before.length + match[1].length).startsWith(after) ? Number(match[1]) : null;
  }

  /** The failed-files notice's items: { name, reason }. */
  async failedFiles() {
    const heading = this.section(this.words.failed_heading);
    if ((await heading.count()) === 0) return [];
    const items = heading.locator('xpath=following-sibling::ul[1]/li');
    const out = [];
    for (const item of await items.all()) {
      const name = tidy(await item.locator('strong').textContent());
      const whole = tidy(await item.textContent());
      out.push({ name, reason: whole.slice(name.length).replace(/^:\s*/, '') });
    }
    return out;
  }

  /** The scores table's partner rows, in order: { name, scores: [...], overall }. */
  async partnerRows() {
    const rows = this.scoresTable.locator('tbody tr');
    return rows.evaluateAll((trs) =>
      trs.map((tr) => {
        const name = tr.querySelector('th').textContent.replace(/\s+/g, ' ').trim();
        const cells = [...tr.querySelectorAll('td')].map((td) => td.textContent.trim());
        return { name, scores: cells.slice(0, -1), overall: cells.at(-1) };
      }),
    );
  }

  /** A footer row ("Median score" or "Spread") as its theme cells. */
  async footerRow(label) {
    const rows = this.scoresTable.locator('tfoot tr');
    const all = await rows.evaluateAll((trs) =>
      trs.map((tr) => ({
        label: tr.querySelector('th').textContent.replace(/\s+/g, ' ').trim(),
        cells: [...tr.querySelectorAll('td')].map((td) => td.textContent.trim()),
      })),
    );
    const row = all.find((r) => r.label === label);
    if (!row) throw new Error(`no footer row "${label}" in the scores table`);
    return row.cells;
  }

  /** The scores table's column headers. */
  async columnHeaders() {
    return (await this.scoresTable.locator('thead th').allTextContents()).map(tidy);
  }

  /**
   * "Where you disagree", in order: { question, theme, range, groups }.
   * Empty when the section says there is no disagreement.
   */
  async disagreements() {
    const items = this.section(this.words.disagree_heading).locator(
      'xpath=following-sibling::*[self::div or self::h2][1][self::div]/ol/li',
    );
    return items.evaluateAll((lis) =>
      lis.map((li) => {
        const t = (el) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
        return {
          question: t(li.querySelector(':scope > strong')),
          theme: t(li.querySelector(':scope > span')).replace(/^\(|\)$/g, ''),
          range: t(li.querySelector(':scope > p')),
          groups: [...li.querySelectorAll(':scope > ul > li')].map(t),
        };
      }),
    );
  }

  /** "What partners are not sure about", in order: { question, count }. */
  async notSure() {
    const items = this.section(this.words.not_sure_heading).locator(
      'xpath=following-sibling::*[self::div or self::h2][1][self::div]/ul/li',
    );
    return items.evaluateAll((lis) =>
      lis.map((li) => {
        const question = li.querySelector('strong').textContent.replace(/\s+/g, ' ').trim();
        const whole = li.textContent.replace(/\s+/g, ' ').trim();
        return { question, count: whole.slice(question.length).trim() };
      }),
    );
  }

  /** The page's visible text, tidied, for "is this name anywhere" checks. */
  async text() {
    return tidy(await this.page.locator('.rts-partnership').innerText());
  }

  /** Clicks a download button and resolves to the Download it starts. */
  async download(name) {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.button(name).click(),
    ]);
    return download;
  }
}
