// A theme's page: each question is a group (fieldset) named by its legend,
// with five levels and "Not sure" as radios, and a note.

import { contentPack } from '../helpers.mjs';
import { NOT_SURE, answerText } from '../expected.mjs';
import { Screen } from './screen.mjs';
import { fill } from '../support.mjs';

export class ThemePage extends Screen {
  /**
   * @param {import('playwright-core').Page} page
   * @param {string} themeId the theme's id in the pack
   */
  constructor(page, themeId) {
    super(page);
    this.theme = contentPack().themes.find((t) => t.id === themeId);
    if (!this.theme) throw new Error(`no theme "${themeId}" in the pack`);
  }

  async waitFor() {
    return super.waitFor(this.theme.title);
  }

  questionById(questionId) {
    const index = this.theme.questions.findIndex((q) => q.id === questionId);
    if (index < 0) throw new Error(`no question "${questionId}" in theme "${this.theme.id}"`);
    return { index, question: this.theme.questions[index] };
  }

  /** The question's group, whose name (its legend) holds the question's text. */
  group(questionId) {
    const { question } = this.questionById(questionId);
    return this.page.getByRole('group', { name: question.text });
  }

  /** The radio for a level (1-5) or NOT_SURE. */
  radio(questionId, response) {
    return this.group(questionId).getByRole('radio', { name: answerText(response), exact: true });
  }

  async choose(questionId, response) {
    await this.radio(questionId, response).check();
  }

  /** The level (1-5), NOT_SURE or null that is checked for a question. */
  async chosen(questionId) {
    for (const response of [1, 2, 3, 4, 5, NOT_SURE]) {
      if (await this.radio(questionId, response).isChecked()) return response;
    }
    return null;
  }

  /**
   * The note of a question. Every note shows the same label, "Note
   * (optional)", and is named with its question: "Note (optional): <question>".
   */
  note(questionId) {
    const { question } = this.questionById(questionId);
    return this.page.getByRole('textbox', { name: fill(this.ui.note_label_for, { question: question.text }), exact: true });
  }

  /** The "Clear answer" button of a question, named with its question. */
  clearButton(questionId) {
    const { question } = this.questionById(questionId);
    return this.page.getByRole('button', { name: fill(this.ui.clear_answer_for, { question: question.text }), exact: true });
  }

  async clear(questionId) {
    await this.clearButton(questionId).click();
  }

  /**
   * Answers the theme by a plan: one entry per question, a level, NOT_SURE
   * or null (left alone); then notes from `notes` (by question id).
   */
  async answer(plan, notes = {}) {
    for (const [index, question] of this.theme.questions.entries()) {
      const response = plan[index];
      if (response !== null && response !== undefined) await this.choose(question.id, response);
      if (notes[question.id] !== undefined) await this.note(question.id).fill(notes[question.id]);
    }
  }

  async saveAndContinue() {
    await this.button(this.ui.save_and_continue).click();
  }

  async returnToTasks() {
    await this.button(this.ui.return_to_tasks).click();
  }
}
