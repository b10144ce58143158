// "Your action plan" on the summary: the top five actions first, the rest
// behind "Show all N actions", each a group named by its action with an
// owner, a target month (a "Month" and a "Year" box), a status and a note.

import { fill, locale } from '../support.mjs';

const tidy = (text) => (text ?? '').replace(/\s+/g, ' ').trim();

export class PlanSection {
  /** @param {import('playwright-core').Page} page */
  constructor(page) {
    this.page = page;
    this.words = locale().plan;
    this.heading = page.getByRole('heading', { level: 2, name: this.words.heading, exact: true });
    this.items = page.locator('.rts-plan__list > li');
  }

  async waitFor() {
    await this.heading.waitFor({ state: 'visible' });
    return this;
  }

  /** "Show all N actions", for the given N. */
  showAllButton(count) {
    return this.page.getByRole('button', { name: fill(this.words.show_all, { count }), exact: true });
  }

  showTopButton() {
    return this.page.getByRole('button', { name: fill(this.words.show_top, { count: 5 }), exact: true });
  }

  /** Shows every action, if some are hidden. */
  async showAll() {
    const [before, after] = this.words.show_all.split('{count}');
    const button = this.page.getByRole('button', { name: new RegExp(`^${escapeRegExp(before)}\\d+${escapeRegExp(after)}$`) });
    if ((await button.count()) > 0 && (await button.getAttribute('aria-expanded')) === 'false') {
      await button.click();
    }
  }

  /** The actions shown, in order: { action, why } (the number left out). */
  async shown() {
    return this.items.evaluateAll((lis) =>
      lis.map((li) => {
        const t = (el) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
        return { action: t(li.querySelector('.rts-plan__action')), why: t(li.querySelector('.rts-plan__why')) };
      }),
    );
  }

  /** The group of the action with this text. */
  group(action) {
    return this.page.getByRole('group', { name: new RegExp(`^\\d+\\. ${escapeRegExp(action)}$`) });
  }

  owner(action) {
    return this.group(action).getByLabel(this.words.owner, { exact: true });
  }

  /** The "Target month" group of an action: its "Month" and "Year" boxes. */
  target(action) {
    return this.group(action).getByRole('group', { name: new RegExp(`^${escapeRegExp(this.words.target)}\\b`) });
  }

  month(action) {
    return this.target(action).getByLabel(this.words.month, { exact: true });
  }

  year(action) {
    return this.target(action).getByLabel(this.words.year, { exact: true });
  }

  /** The target month as the boxes show it, as `YYYY-MM` ('' when empty). */
  async targetValue(action) {
    const [month, year] = [await this.month(action).inputValue(), await this.year(action).inputValue()];
    return month || year ? `${year}-${month.padStart(2, '0')}` : '';
  }

  status(action) {
    return this.group(action).getByLabel(this.words.status, { exact: true });
  }

  note(action) {
    return this.group(action).getByLabel(this.words.note, { exact: true });
  }

  /** Fills in an action's plan: { owner, target, status (its label), note }. */
  async plan(action, { owner, target, status, note }) {
    if (owner !== undefined) await this.owner(action).fill(owner);
    if (target !== undefined) {
      const [year = '', month = ''] = target ? target.split('-') : [];
      await this.month(action).fill(month ? String(Number(month)) : '');
      await this.year(action).fill(year);
    }
    if (status !== undefined) await this.status(action).selectOption({ label: status });
    if (note !== undefined) await this.note(action).fill(note);
  }

  /** The error messages shown inside an action's group. */
  async errors(action) {
    return (await this.group(action).locator('.rts-error-message').allTextContents()).map(tidy);
  }
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
