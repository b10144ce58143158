// What every screen of the app has: one h1 (which takes focus after each
// navigation) and, on most, a "Back" button. The other page objects build
// on this.

import { locale, waitForHeadingFocus } from '../support.mjs';

export class Screen {
  /** @param {import('playwright-core').Page} page */
  constructor(page) {
    this.page = page;
    this.ui = locale().ui;
    this.heading = page.getByRole('heading', { level: 1 });
  }

  /** Waits until this screen's h1 says `name`. */
  async waitFor(name) {
    await this.page.getByRole('heading', { level: 1, name, exact: true }).waitFor({ state: 'visible' });
    return this;
  }

  /** Waits until focus is on the h1, as it must be after a navigation. */
  async expectHeadingFocused(name) {
    return waitForHeadingFocus(this.page, name);
  }

  async headingText() {
    return (await this.heading.textContent())?.trim();
  }

  button(name) {
    return this.page.getByRole('button', { name, exact: true });
  }

  async back() {
    await this.button(this.ui.back).click();
  }
}
