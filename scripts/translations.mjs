// The Welsh (Cymraeg) translation of Ready to Share, as one flat list of
// strings a translator can read and correct without the Rust toolchain.
//
//   node scripts/translations.mjs export [file.csv]   English and Welsh side by side
//   node scripts/translations.mjs import file.csv     corrections back, checked
//   node scripts/translations.mjs check               counts; fails on a mistake
//   node scripts/translations.mjs drafts a.json ...   draft translations (flat
//                                                     JSON, key -> Welsh) in
//
// Each string has a key that says where it lives:
//   locale:ui.start_button                     a word of the app (content/locale.*.json)
//   locale:common.months.0                     an item of a list
//   locale:consensus.answer_count.few          one plural form (zero, one, two,
//                                              few, many, other in Welsh)
//   pack:themes.purpose.questions.purpose-what-information.levels.emerging
//                                              a content pack field; list items
//                                              with an `id` are named by it
//
// Only the pack fields people see are translated. Ids, addresses, where a
// guidance item applies, the provenance notes kept for maintainers, and the
// wording of earlier versions of a question (only ever asked in English,
// and shown as what the person answered) stay as they are.
//
// The review record (content/translation-review.csv) says, for each key,
// whether its Welsh is a draft, reviewed, or the same as the English on
// purpose (a name, a year), by whom and when, and a hash of the English it
// translates: a changed English string makes its Welsh stale, and the Welsh
// pages keep saying the translation is not fully reviewed.

import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const CONTENT = new URL('../content/', import.meta.url);
const file = (name) => fileURLToPath(new URL(name, CONTENT));
const readJson = (name) => JSON.parse(readFileSync(file(name), 'utf8'));
const writeJson = (name, value) => writeFileSync(file(name), `${JSON.stringify(value, null, 2)}\n`);

export const REVIEW_FILE = 'translation-review.csv';
export const STATUSES = ['draft', 'reviewed', 'same'];
/** The CLDR plural categories, in the order the app keeps them. */
export const PLURAL_FORMS = ['zero', 'one', 'two', 'few', 'many', 'other'];

// Pack fields never translated, by field name.
const PACK_KEEP = new Set(['id', 'version', 'language', 'url', 'applies_in', 'national', 'change', 'replaced_by']);
// Pack fields kept in English on purpose, by where they are.
const PACK_KEEP_UNDER = [
  /^earlier_questions\./, // wording only ever asked in English
  /^themes\.[^.]+\.questions\.[^.]+\.source$/, // provenance, for maintainers
  /^guidance\.[^.]+\.source$/, // provenance, for maintainers
  /^(case_studies|guidance)\.[^.]+\.(themes|policy_areas)\./, // ids
  /^themes\.[^.]+\.questions\.[^.]+\.guidance\./, // ids of guidance items
];

const isPlural = (value) =>
  value !== null &&
  typeof value === 'object' &&
  !Array.isArray(value) &&
  Object.keys(value).length > 0 &&
  Object.keys(value).every((k) => PLURAL_FORMS.includes(k));

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
    for (const [key, item] of Object.entries(value)) flatten(item, prefix ? `${prefix}.${key}` : key, out);
  }
  return out;
}

const packTranslatable = (key) => {
  const last = key.split('.').at(-1);
  return !PACK_KEEP.has(last) && !PACK_KEEP_UNDER.some((rule) => rule.test(key));
};

/**
 * The strings a Welsh translation must give: [key, English]. A plural
 * string gives all six Welsh forms; forms English does not have are
 * translated from its `other`.
 */
export function units(locale = readJson('locale.en.json'), pack = readJson('pack.en.json')) {
  const out = [];
  const walkLocale = (value, prefix) => {
    if (isPlural(value)) {
      for (const form of PLURAL_FORMS) out.push([`locale:${prefix}.${form}`, value[form] ?? value.other, value.other]);
    } else if (typeof value === 'string') {
      if (prefix !== 'language') out.push([`locale:${prefix}`, value]);
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => walkLocale(item, `${prefix}.${i}`));
    } else {
      for (const [key, item] of Object.entries(value)) walkLocale(item, prefix ? `${prefix}.${key}` : key);
    }
  };
  walkLocale(locale, '');
  for (const [key, text] of flatten(pack)) if (packTranslatable(key)) out.push([`pack:${key}`, text]);
  return out;
}

/** The value at a flat key's path in `root`, and a setter for it. */
function at(root, path) {
  const parts = path.split('.');
  let node = root;
  for (let i = 0; i < parts.length - 1; i += 1) {
    node = step(node, parts[i]);
    if (node === undefined) return { get: () => undefined, set: () => false };
  }
  const last = parts.at(-1);
  const index = Array.isArray(node) ? childIndex(node, last) : last;
  return {
    get: () => (node && typeof node === 'object' ? node[index] : undefined),
    set: (value) => {
      if (!node || typeof node !== 'object' || index === undefined) return false;
      node[index] = value;
      return true;
    },
  };
}
const childIndex = (list, name) => {
  const byId = list.findIndex((item) => item && typeof item === 'object' && item.id === name);
  if (byId >= 0) return byId;
  return /^\d+$/.test(name) && Number(name) < list.length ? Number(name) : undefined;
};
const step = (node, name) => {
  if (Array.isArray(node)) {
    const index = childIndex(node, name);
    return index === undefined ? undefined : node[index];
  }
  return node && typeof node === 'object' ? node[name] : undefined;
};

/** The Welsh tables, or fresh copies of the English ones to fill in. */
function welshTables({ fresh = false } = {}) {
  const copy = (name) => structuredClone(readJson(name));
  if (fresh) {
    const locale = copy('locale.en.json');
    const pack = copy('pack.en.json');
    locale.language = 'cy';
    pack.language = 'cy';
    // Plural strings get all six forms in Welsh.
    const widen = (value) => {
      for (const [key, item] of Object.entries(value)) {
        if (isPlural(item)) value[key] = Object.fromEntries(PLURAL_FORMS.map((f) => [f, item[f] ?? item.other]));
        else if (item && typeof item === 'object' && !Array.isArray(item)) widen(item);
      }
    };
    widen(locale);
    return { locale, pack };
  }
  return { locale: readJson('locale.cy.json'), pack: readJson('pack.cy.json') };
}

const tableOf = (tables, key) => (key.startsWith('locale:') ? tables.locale : tables.pack);
const pathOf = (key) => key.slice(key.indexOf(':') + 1);
export const welshAt = (tables, key) => at(tableOf(tables, key), pathOf(key)).get();

export const englishHash = (text) => createHash('sha256').update(text).digest('hex').slice(0, 12);
export const placeholders = (text) => (text.match(/\{[a-z_]+\}/g) ?? []).sort().join(' ');

/**
 * Whether `welsh` uses the right placeholders for `english`. A plural form
 * may name the number ({count}) or not, as the language needs ("1 nod",
 * "You have 1 character"), but must keep every other placeholder of the
 * English `other` form and add none.
 */
export function samePlaceholders(welsh, english, pluralOther) {
  if (pluralOther === undefined) return placeholders(welsh) === placeholders(english);
  const allowed = new Set(placeholders(pluralOther).split(' ').filter(Boolean));
  const used = new Set(placeholders(welsh).split(' ').filter(Boolean));
  const numbers = ['{count}', '{n}'];
  return [...used].every((p) => allowed.has(p)) && [...allowed].every((p) => numbers.includes(p) || used.has(p));
}

// --- the review record, as CSV (RFC 4180, UTF-8 with a byte order mark) ---

export function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  const input = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < input.length; i += 1) {
    const c = input[i];
    if (quoted) {
      if (c === '"' && input[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && input[i + 1] === '\n') i += 1;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  const [header, ...records] = rows.filter((r) => r.some((c) => c !== ''));
  return records.map((r) => Object.fromEntries(header.map((name, i) => [name, r[i] ?? ''])));
}

export function writeCsv(columns, records) {
  const quote = (value) => `"${String(value ?? '').replaceAll('"', '""')}"`;
  const lines = [columns.map(quote).join(','), ...records.map((r) => columns.map((c) => quote(r[c])).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

const REVIEW_COLUMNS = ['key', 'status', 'reviewer', 'date', 'english_hash'];
export const readReview = () => {
  try {
    return new Map(parseCsv(readFileSync(file(REVIEW_FILE), 'utf8')).map((r) => [r.key, r]));
  } catch {
    return new Map();
  }
};
const writeReview = (review) =>
  writeFileSync(
    file(REVIEW_FILE),
    writeCsv(
      REVIEW_COLUMNS,
      units().map(([key]) => review.get(key)).filter(Boolean),
    ),
  );

// --- the checks ---

/**
 * Every problem with a Welsh translation: a string missing or empty, a
 * placeholder that differs from the English, a string without a review
 * record, or Welsh the same as the English without being recorded as the
 * same on purpose. Stale strings (English changed since) are counted apart.
 */
export function problems(tables, review, english = units()) {
  const found = [];
  const stale = [];
  for (const [key, text, pluralOther] of english) {
    const welsh = welshAt(tables, key);
    if (typeof welsh !== 'string' || welsh.trim() === '') {
      found.push(`${key}: no Welsh`);
      continue;
    }
    if (!samePlaceholders(welsh, text, pluralOther)) {
      found.push(`${key}: the placeholders differ from the English (${placeholders(text) || 'none'})`);
    }
    const record = review.get(key);
    if (!record) found.push(`${key}: not in ${REVIEW_FILE}`);
    else if (!STATUSES.includes(record.status)) found.push(`${key}: unknown status "${record.status}"`);
    else if (record.english_hash !== englishHash(text)) stale.push(key);
    if (welsh === text && record?.status !== 'same' && text.length > 3) {
      found.push(`${key}: the same as the English; record it as "same" if that is right`);
    }
  }
  return { found, stale };
}

export function counts(review, english = units()) {
  const byStatus = Object.fromEntries(STATUSES.map((s) => [s, 0]));
  for (const [key] of english) {
    const status = review.get(key)?.status;
    if (status in byStatus) byStatus[status] += 1;
  }
  return { strings: english.length, ...byStatus };
}

// --- the commands ---

function exportCsv(out) {
  const tables = welshTables();
  const review = readReview();
  const records = units().map(([key, english]) => ({
    key,
    english,
    welsh: welshAt(tables, key) ?? '',
    status: review.get(key)?.status ?? 'draft',
    reviewer: review.get(key)?.reviewer ?? '',
    date: review.get(key)?.date ?? '',
  }));
  const text = writeCsv(['key', 'english', 'welsh', 'status', 'reviewer', 'date'], records);
  if (out) writeFileSync(out, text);
  else process.stdout.write(text);
  return records.length;
}

/**
 * `welsh` with the English's own leading and trailing spaces: a few strings
 * are joined to others (" for: {action}"), and spreadsheets drop or add
 * spaces at the ends of a cell, which a translator cannot see.
 */
export function withEdgesOf(english, welsh) {
  const [lead] = english.match(/^\s*/);
  const [trail] = english.match(/\s*$/);
  return `${lead}${welsh.trim()}${trail}`;
}

/** Corrections from a CSV like `export` writes; nothing is written unless all rows are sound. */
export function importRows(rows, tables, review, today) {
  const english = new Map(units().map(([key, text, other]) => [key, { text, other }]));
  const errors = [];
  let changed = 0;
  for (const [n, row] of rows.entries()) {
    const line = `row ${n + 2}`;
    const { text: source, other } = english.get(row.key) ?? {};
    if (source === undefined) {
      errors.push(`${line}: unknown key "${row.key}"`);
      continue;
    }
    const welsh = withEdgesOf(source, row.welsh ?? '');
    if (!welsh.trim()) errors.push(`${line} (${row.key}): the Welsh is empty`);
    else if (!samePlaceholders(welsh, source, other)) {
      errors.push(`${line} (${row.key}): use the placeholders ${placeholders(source) || '(none)'}`);
    }
    const status = row.status || 'draft';
    if (!STATUSES.includes(status)) errors.push(`${line} (${row.key}): status must be one of ${STATUSES.join(', ')}`);
    if (status === 'reviewed' && !row.reviewer?.trim()) errors.push(`${line} (${row.key}): say who reviewed it`);
    if (errors.length) continue;
    const before = welshAt(tables, row.key);
    const old = review.get(row.key);
    if (before !== welsh) {
      at(tableOf(tables, row.key), pathOf(row.key)).set(welsh);
    }
    const record = {
      key: row.key,
      status,
      reviewer: row.reviewer?.trim() ?? '',
      date: row.date?.trim() || (before !== welsh || old?.status !== status ? today : old?.date ?? today),
      english_hash: englishHash(source),
    };
    if (before !== welsh || JSON.stringify(old) !== JSON.stringify(record)) changed += 1;
    review.set(row.key, record);
  }
  return { errors, changed };
}

function drafts(files, today) {
  const tables = welshTables({ fresh: true });
  const review = new Map();
  const english = new Map(units());
  const given = {};
  for (const name of files) Object.assign(given, JSON.parse(readFileSync(name, 'utf8')));
  // A plural given as one object under its base key, as translators wrote it.
  for (const [key, value] of Object.entries(given)) {
    if (value && typeof value === 'object') {
      for (const form of PLURAL_FORMS) given[`${key}.${form}`] = value[form];
      delete given[key];
    }
  }
  const missing = [];
  for (const [key, source] of english) {
    let welsh = given[key];
    // Six forms from a plain string, where the translator needed only one.
    const base = key.replace(/\.(zero|one|two|few|many|other)$/, '');
    if (welsh === undefined && base !== key && typeof given[base] === 'string') welsh = given[base];
    if (typeof welsh !== 'string' || !welsh.trim()) {
      missing.push(key);
      continue;
    }
    at(tableOf(tables, key), pathOf(key)).set(welsh);
    review.set(key, {
      key,
      status: welsh === source ? 'same' : 'draft',
      reviewer: '',
      date: today,
      english_hash: englishHash(source),
    });
  }
  return { tables, review, missing };
}

const today = () => new Date().toISOString().slice(0, 10);

function main([command, ...args]) {
  if (command === 'export') {
    const n = exportCsv(args[0]);
    if (args[0]) console.log(`translations: ${n} strings written to ${args[0]}`);
  } else if (command === 'import') {
    if (!args[0]) throw new Error('usage: node scripts/translations.mjs import file.csv');
    const tables = welshTables();
    const review = readReview();
    const { errors, changed } = importRows(parseCsv(readFileSync(args[0], 'utf8')), tables, review, today());
    if (errors.length) {
      console.error(`translations: nothing was changed, because:\n${errors.join('\n')}`);
      process.exitCode = 1;
      return;
    }
    writeJson('locale.cy.json', tables.locale);
    writeJson('pack.cy.json', tables.pack);
    writeReview(review);
    console.log(`translations: ${changed} strings changed`);
  } else if (command === 'drafts') {
    const { tables, review, missing } = drafts(args, today());
    if (missing.length) {
      console.error(`translations: no Welsh for ${missing.length} strings:\n${missing.join('\n')}`);
      process.exitCode = 1;
      return;
    }
    writeJson('locale.cy.json', tables.locale);
    writeJson('pack.cy.json', tables.pack);
    writeReview(review);
    console.log(`translations: ${review.size} strings written as drafts`);
  } else if (command === 'check') {
    const review = readReview();
    const { found, stale } = problems(welshTables(), review);
    const c = counts(review);
    console.log(
      `translations: ${c.strings} strings; ${c.reviewed} reviewed, ${c.draft} draft, ${c.same} the same as English on purpose; ${stale.length} stale`,
    );
    if (stale.length) console.log(`stale (the English changed since):\n${stale.join('\n')}`);
    if (found.length) {
      console.error(found.join('\n'));
      process.exitCode = 1;
    }
  } else {
    console.error('usage: node scripts/translations.mjs export [file.csv] | import file.csv | check | drafts file.json...');
    process.exitCode = 2;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main(process.argv.slice(2));
