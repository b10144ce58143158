// The start page's actions: start, continue, start again (with its
// confirmation), opening a saved file, and the error summary. Builds on
// StartPage (start.mjs).

import { contentPack } from '../helpers.mjs';
import { StartPage } from './start.mjs';
import { locale, waitForHeadingFocus } from '../support.mjs';

export class StartScreen extends StartPage {
  /** @param {import('playwright-core').Page} page */
  constructor(page) {
    super(page);
    this.ui = locale().ui;
    this.startNowButton = page.getByRole('button', { name: this.ui.start_button, exact: true });
    this.continueButton = page.getByRole('button', { name: this.ui.start_continue, exact: true });
    this.startAgainButton = page.getByRole('button', { name: this.ui.start_again, exact: true });
    this.savedHeading = page.getByRole('heading', { name: this.ui.start_saved_heading, exact: true });
    this.confirmation = page.getByRole('group', { name: this.ui.start_again_warning });
    this.fileInput = page.getByLabel(this.ui.open_label, { exact: true });
    this.errorSummary = page.getByRole('alert').filter({
      has: page.getByRole('heading', { name: this.ui.error_summary_title, exact: true }),
    });
  }

  /** Waits for the start page heading. */
  async waitFor() {
    await this.page
      .getByRole('heading', { level: 1, name: contentPack().start.heading, exact: true })
      .waitFor({ state: 'visible' });
    return this;
  }

  async expectHeadingFocused() {
    return waitForHeadingFocus(this.page);
  }

  async startNow() {
    await this.startNowButton.click();
  }

  async continue() {
    await this.continueButton.click();
  }

  /** Chooses "Start again"; the confirmation appears. */
  async startAgain() {
    await this.startAgainButton.click();
    await this.confirmation.waitFor({ state: 'visible' });
  }

  async confirmStartAgain() {
    await this.confirmation
      .getByRole('button', { name: this.ui.start_again_confirm, exact: true })
      .click();
    await this.startNowButton.waitFor({ state: 'visible' });
  }

  downloadFirstButton() {
    return this.confirmation.getByRole('button', { name: this.ui.start_again_download, exact: true });
  }

  /**
   * Opens a file through "Choose an assessment file": a path, or
   * { name, mimeType, buffer }.
   */
  async openFile(file) {
    await this.fileInput.setInputFiles(file);
  }

  /** The question asked before a file replaces the answers. */
  openConfirmation() {
    return this.page.getByRole('group', { name: this.ui.open_confirm_warning });
  }

  /** Agrees to let the chosen file replace the answers. */
  async confirmOpen() {
    await this.openConfirmation().getByRole('button', { name: this.ui.open_confirm, exact: true }).click();
  }

  /** The messages listed in the error summary (each is a link to the field). */
  async errorMessages() {
    await this.errorSummary.waitFor({ state: 'visible' });
    return (await this.errorSummary.getByRole('link').allTextContents()).map((t) => t.trim());
  }
}
