// The translator's round trip: export, correct, import, checked.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  counts,
  englishHash,
  importRows,
  parseCsv,
  problems,
  readReview,
  samePlaceholders,
  units,
  welshAt,
  withEdgesOf,
  writeCsv,
} from './translations.mjs';

const json = (name) => JSON.parse(readFileSync(new URL(`../content/${name}`, import.meta.url), 'utf8'));
const tables = () => ({ locale: json('locale.cy.json'), pack: json('pack.cy.json') });

describe('translations.mjs', () => {
  test('every string the English gives has Welsh and a review record, none stale', () => {
    const { found, stale } = problems(tables(), readReview());
    assert.deepEqual(found, []);
    assert.deepEqual(stale, []);
    const c = counts(readReview());
    assert.equal(c.strings, units().length);
    assert.equal(c.draft + c.reviewed + c.same, c.strings);
  });

  test('a CSV written is read back cell for cell, commas, quotes and line breaks included', () => {
    const records = [{ key: 'a', welsh: 'Un, "dau"\ntri' }, { key: 'b', welsh: 'ŵ ŷ â' }];
    assert.deepEqual(parseCsv(writeCsv(['key', 'welsh'], records)), records);
  });

  test('a reviewed correction comes back into the table and the record', () => {
    const t = tables();
    const review = readReview();
    const key = 'locale:ui.start_button';
    const { errors, changed } = importRows(
      [{ key, welsh: 'Dechrau nawr', status: 'reviewed', reviewer: 'A. Cyfieithydd', date: '' }],
      t,
      review,
      '2026-12-06',
    );
    assert.deepEqual(errors, []);
    assert.equal(changed, 1);
    assert.equal(welshAt(t, key), 'Dechrau nawr');
    const english = new Map(units()).get(key);
    assert.deepEqual(review.get(key), {
      key,
      status: 'reviewed',
      reviewer: 'A. Cyfieithydd',
      date: '2026-12-06',
      english_hash: englishHash(english),
    });
  });

  test('the whole table exported and imported as it is changes nothing, spaces at the ends of a string included', () => {
    const t = tables();
    const before = JSON.stringify(t);
    const review = readReview();
    const english = new Map(units());
    const rows = [...english.keys()].map((key) => {
      const record = review.get(key);
      // As a spreadsheet gives the cells back: spaces at the ends gone.
      return { key, welsh: welshAt(t, key).trim(), status: record.status, reviewer: record.reviewer, date: record.date };
    });
    const { errors, changed } = importRows(rows, t, review, '2026-12-07');
    assert.deepEqual(errors, []);
    assert.equal(changed, 0);
    assert.equal(JSON.stringify(t), before);
    assert.equal(welshAt(t, 'locale:plan.target_for'), ' ar gyfer: {action}', 'joined to the action: its space kept');
  });

  test('a Welsh cell takes the spaces at the ends of its English, and no others', () => {
    assert.equal(withEdgesOf(' for: {action}', 'ar gyfer: {action}  '), ' ar gyfer: {action}');
    assert.equal(withEdgesOf('Start now', '  Dechrau nawr '), 'Dechrau nawr');
  });

  test('rows with a wrong placeholder, no Welsh, no reviewer or an unknown key are all named, and nothing changes', () => {
    const t = tables();
    const before = JSON.stringify(t);
    const { errors } = importRows(
      [
        { key: 'locale:ui.question_number', welsh: 'Cwestiwn {n}', status: 'draft' },
        { key: 'locale:ui.start_button', welsh: ' ', status: 'draft' },
        { key: 'locale:ui.start_button', welsh: 'Dechrau', status: 'reviewed', reviewer: '' },
        { key: 'locale:ui.no_such_key', welsh: 'x', status: 'draft' },
      ],
      t,
      readReview(),
      '2026-12-06',
    );
    assert.equal(errors.length, 4, errors.join('\n'));
    assert.match(errors[0], /row 2 .*placeholders \{n\} \{total\}/);
    assert.match(errors[1], /row 3 .*empty/);
    assert.match(errors[2], /row 4 .*who reviewed/);
    assert.match(errors[3], /row 5: unknown key/);
    assert.equal(JSON.stringify(t), before);
  });

  test('a plural form may leave out the number but not another placeholder', () => {
    const other = '{answer}: {count} partners';
    assert.ok(samePlaceholders('{answer}: 1 partner', '{answer}: 1 partner', other));
    assert.ok(samePlaceholders('{answer}: {count} bartner', '{answer}: {count} partners', other));
    assert.ok(!samePlaceholders('1 partner', '{answer}: 1 partner', other));
    assert.ok(!samePlaceholders('{answer}: {n} partner', '{answer}: 1 partner', other));
  });

  test('a changed English string makes its Welsh stale', () => {
    const review = readReview();
    const key = 'locale:ui.start_button';
    review.set(key, { ...review.get(key), english_hash: englishHash('Some older English') });
    assert.deepEqual(problems(tables(), review).stale, [key]);
  });
});
