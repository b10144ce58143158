// "Check your answers": a summary list of every answer, each with a
// "Change" button whose name says what it changes.

import { contentPack } from '../helpers.mjs';
import { Screen } from './screen.mjs';

export class CheckPage extends Screen {
  async waitFor() {
    return super.waitFor(this.ui.check_heading);
  }

  /**
   * The row of a key (a question's text, or an "About your area" label). A
   * summary-list row has no role of its own, so it is found by its class and
   * the term it holds.
   */
  row(key) {
    return this.page
      .locator('.rts-summary-list__row')
      .filter({ has: this.page.getByRole('term').getByText(key, { exact: true }) });
  }

  /** What a row shows, as lines: the answer, then "Note: ..." if there is one. */
  async value(key) {
    const text = await this.row(key).getByRole('definition').first().innerText();
    return text.split('\n').map((l) => l.trim()).filter(Boolean);
  }

  questionText(questionId) {
    for (const theme of contentPack().themes) {
      const q = theme.questions.find((x) => x.id === questionId);
      if (q) return q.text;
    }
    throw new Error(`no question "${questionId}" in the pack`);
  }

  /** The answer shown for a question, such as "3 Developing" or "Not sure". */
  async answer(questionId) {
    return (await this.value(this.questionText(questionId)))[0];
  }

  /** The "Change" button for a question: its name is "Change <question>". */
  changeButton(questionId) {
    return this.page.getByRole('button', {
      name: `${this.ui.change} ${this.questionText(questionId)}`,
      exact: true,
    });
  }

  async change(questionId) {
    await this.changeButton(questionId).click();
  }

  async continue() {
    await this.button(this.ui.continue_button).click();
  }
}
