// The Welsh (or any other) translation of Ready to Share, as one flat list
// of strings a translator can read and correct without the Rust toolchain.
//
//   node scripts/translations.mjs export [file.csv]   English and Welsh side by side
//   node scripts/translations.mjs import file.csv     corrections back, checked
//   node scripts/translations.mjs check               what is missing or stale
//
// Each string has a key that says where it lives:
//   locale:ui.start_button                     a word of the app (content/locale.*.json)
//   locale:common.months.0                     an item of a list
//   locale:consensus.answer_count.few          one plural form
//   pack:themes.purpose.questions.purpose-what-information.levels.emerging
//                                              a content pack field; list items
//                                              with an `id` are named by it
//
// Only the pack fields people see are translated. Ids, addresses, where a
// guidance item applies, the provenance notes kept for maintainers, and the
// wording of earlier versions of a question (they were only ever asked in
// English, and are shown as what the person answered) stay as they are.
//
// The review record (content/translation-review.csv) says, for each key,
// whether its Welsh is a draft or reviewed, by whom, when, and a hash of the
// English it translates, so a changed English string marks its Welsh stale.

import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = new URL('../content/', import.meta.url);
const path = (name) => fileURLToPath(new URL(name, root));

// Pack fields that are never translated, by field name.
const PACK_KEEP = new Set([
  'id',
  'version',
  'language',
  'url',
  'applies_in',
  'national',
  'change',
  'replaced_by',
  'guidance',
  'themes_ids',
]);

// Pack fields kept in English on purpose, by the path of the list they sit in.
const PACK_KEEP_UNDER = [
  /^earlier_questions\./, // wording only ever asked in English
  /^themes\.[^.]+\.questions\.[^.]+\.source$/, // provenance, for maintainers
  /^guidance\.[^.]+\.source$/, // provenance, for maintainers
  /^(case_studies|guidance)\.[^.]+\.(themes|policy_areas)\./, // ids
];

/** Every string of a JSON value, flat: [key, text] in document order. */
export function flatten(value, prefix = '', out = []) {
  if (typeof value === 'string') {
    out.push([prefix, value]);
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => {
      const name = item && typeof item === 'object' && typeof item.id === 'string' ? item.id : String(index);
      flatten(item, prefix ? `${prefix}.${name}` : name, out);
    });
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      flatten(item, prefix ? `${prefix}.${key}` : key, out);
    }
  }
  return out;
}

const translatable = (key) => {
  const last = key.split('.').at(-1);
  if (PACK_KEEP.has(last)) return false;
  return !PACK_KEEP_UNDER.some((rule) => rule.test(key));
};

/** The strings of the English locale and pack a translation must give. */
export function englishStrings() {
  const locale = JSON.parse(readFileSync(path('locale.en.json'), 'utf8'));
  const pack = JSON.parse(readFileSync(path('pack.en.json'), 'utf8'));
  const strings = [];
  for (const [key, text] of flatten(locale)) {
    if (key !== 'language') strings.push([`locale:${key}`, text]);
  }
  for (const [key, text] of flatten(pack)) {
    if (translatable(key)) strings.push([`pack:${key}`, text]);
  }
  return strings;
}

export const englishHash = (text) => createHash('sha256').update(text).digest('hex').slice(0, 12);

const command = process.argv[2];
if (import.meta.url === `file://${process.argv[1]}`) {
  if (command === 'strings') {
    process.stdout.write(`${JSON.stringify(Object.fromEntries(englishStrings()), null, 2)}\n`);
  } else if (!command) {
    console.error('usage: node scripts/translations.mjs strings|export|import|check');
    process.exit(2);
  }
}
export { existsSync, writeFileSync };
