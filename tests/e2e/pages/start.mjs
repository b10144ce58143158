// Page object for the start page.

export class StartPage {
  /** @param {import('playwright-core').Page} page */
  constructor(page) {
    this.page = page;
    this.heading = page.getByRole('heading', { level: 1 });
  }

  /** Opens the site and waits until the app has rendered its heading. */
  async goto(url) {
    await this.page.goto(url);
    await this.heading.waitFor({ state: 'visible' });
    return this;
  }

  async headingText() {
    return (await this.heading.textContent())?.trim();
  }
}
