// "About your area": area, organisation, partners and policy areas.

import { contentPack } from '../helpers.mjs';
import { Screen } from './screen.mjs';

export class AboutPage extends Screen {
  constructor(page) {
    super(page);
    this.area = page.getByLabel(this.ui.about_area, { exact: true });
    this.organisation = page.getByLabel(this.ui.about_organisation, { exact: true });
    this.partners = page.getByLabel(this.ui.about_partners, { exact: true });
    this.policyAreas = page.getByRole('group', { name: this.ui.about_policy_areas });
  }

  async waitFor() {
    return super.waitFor(this.ui.about_heading);
  }

  /** The checkbox of a policy area, by its id in the pack. */
  policyArea(id) {
    const area = contentPack().policy_areas.find((a) => a.id === id);
    if (!area) throw new Error(`no policy area "${id}" in the pack`);
    return this.policyAreas.getByRole('checkbox', { name: area.label, exact: true });
  }

  /** Fills in every field: { area, organisation, partners, policyAreas: [ids] }. */
  async fillIn({ area, organisation, partners, policyAreas = [] }) {
    await this.area.fill(area);
    await this.organisation.fill(organisation);
    await this.partners.fill(partners);
    for (const id of policyAreas) await this.policyArea(id).check();
  }

  async saveAndContinue() {
    await this.button(this.ui.save_and_continue).click();
  }
}
