// The task list: "About your area", the themes with their statuses,
// the story and "Check your answers", and "See your summary".

import { Screen } from './screen.mjs';
import { fill } from '../support.mjs';

export class TasksPage extends Screen {
  async waitFor() {
    return super.waitFor(this.ui.tasks_heading);
  }

  /** The button of a task, by its name (a theme's title, or "Check your answers"). */
  task(name) {
    return this.page.getByRole('listitem').getByRole('button', { name, exact: true });
  }

  async open(name) {
    await this.task(name).click();
  }

  /** The status shown beside a task, such as "Not yet started" or "Completed". */
  async status(name) {
    const row = this.page
      .getByRole('listitem')
      .filter({ has: this.page.getByRole('button', { name, exact: true }) });
    const lines = (await row.innerText()).split('\n').map((l) => l.trim()).filter(Boolean);
    return lines.at(-1);
  }

  /** "You have answered N of M questions." */
  progress(answered, total) {
    return this.page.getByText(fill(this.ui.tasks_progress, { answered, total }), { exact: true });
  }

  async seeSummary() {
    await this.button(this.ui.see_summary).click();
  }
}
