// "Your story" (optional), then "See your summary".

import { Screen } from './screen.mjs';

export class StoryPage extends Screen {
  constructor(page) {
    super(page);
    this.story = page.getByLabel(this.ui.story_label, { exact: true });
  }

  async waitFor() {
    return super.waitFor(this.ui.story_heading);
  }

  async tell(story) {
    await this.story.fill(story);
  }

  async seeSummary() {
    await this.button(this.ui.see_summary).click();
  }
}
