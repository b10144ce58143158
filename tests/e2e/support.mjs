// Shared pieces of the journey tests that are not page objects: the locale
// table, waiting for a condition, watching for dialogs, focus checks and a
// CSV parser. Browser set-up itself lives in helpers.mjs.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openPage, testLanguage } from './helpers.mjs';

const cachedLocales = {};

/** The locale table in the test's language: every word on the screens not in the pack. */
export function locale(code = testLanguage()) {
  if (!cachedLocales[code]) {
    const file = fileURLToPath(new URL(`../../content/locale.${code}.json`, import.meta.url));
    cachedLocales[code] = JSON.parse(readFileSync(file, 'utf8'));
  }
  return cachedLocales[code];
}

/** Fills `{name}` placeholders the way the app's locale `fill` does. */
export function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (whole, key) => (key in values ? String(values[key]) : whole));
}

/**
 * Polls `condition` until it returns a truthy value, and returns that value.
 * Fails with `message` (or the last value seen) after `timeout` ms.
 */
export async function waitUntil(condition, { timeout = 5000, interval = 20, message } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    last = await condition();
    if (last) return last;
    if (Date.now() > deadline) {
      throw new Error(`${message ?? 'condition not met'} (after ${timeout} ms; last value: ${JSON.stringify(last)})`);
    }
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

/**
 * Waits until the widget in `scope` (a page with one widget, or a locator of
 * one widget) reports `state` in its data-rts-save-state: "saved" (storage
 * holds every change), "pending", "failed" (storage blocked or full) or
 * "held" (unreadable progress kept, nothing saved over it). The app's own
 * signal, so no test guesses how long the autosave takes.
 */
export async function waitForSaveState(scope, state = 'saved', { timeout = 5000 } = {}) {
  await scope.locator(`.rts-app[data-rts-save-state="${state}"]`).waitFor({ state: 'attached', timeout });
}

/**
 * Loads an image of our own from the page's relative address `x` (where
 * the hostile payloads point) and waits for it to fail. An `<img src=x
 * onerror=…>` made from typed text would have asked for that address
 * earlier, so its error, and any script it ran, came before this one's:
 * a signal to wait on instead of a pause. Resolves to the address asked for.
 */
export async function afterImageErrors(page) {
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        const image = new Image();
        image.addEventListener('error', () => resolve(image.src), { once: true });
        image.addEventListener('load', () => resolve(image.src), { once: true });
        image.src = 'x';
      }),
  );
}

/**
 * Records every dialog (alert, confirm, prompt) a page opens and dismisses
 * it. A dialog in these tests means script ran that should not have.
 */
export function watchDialogs(page, dialogs) {
  page.on('dialog', async (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    await dialog.dismiss().catch(() => {});
  });
}

/** Records console errors and page errors of a page opened later in a context. */
export function watchErrors(page, errors) {
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
}

/**
 * A fresh browser context and page (so storage is fresh) from helpers.mjs'
 * openPage, plus a record of dialogs. Options: openPage's `allow` and
 * `closedShadowRoots`; `init`, a function (or list of them) to run in every
 * page before its own scripts; `timeout`, the default for every wait.
 */
export async function freshSession(browser, origin, { init = [], timeout = 10_000, ...options } = {}) {
  const session = await openPage(browser, origin, options);
  // Fail fast: nothing in this app takes seconds.
  session.context.setDefaultTimeout(timeout);
  // The site declares no icon, so Chromium sometimes asks for /favicon.ico
  // and logs its 404 as a console error. Answer it as a host would, so the
  // "no errors logged" checks are about the app alone.
  await session.context.route('**/favicon.ico', (route) =>
    route.fulfill({ status: 204, contentType: 'image/x-icon', body: '' }),
  );
  for (const script of [init].flat()) await session.context.addInitScript(script);
  session.dialogs = [];
  watchDialogs(session.page, session.dialogs);
  return session;
}

/** What has focus, described for assertions. */
export async function focusedElement(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) {
      return { tag: 'BODY', type: '', role: '', text: '', label: '', legend: '', checked: false, ariaLabel: '' };
    }
    const label = el.labels?.[0]?.textContent ?? '';
    return {
      tag: el.tagName,
      type: el.getAttribute('type') ?? '',
      role: el.getAttribute('role') ?? '',
      text: (el.textContent ?? '').replace(/\s+/g, ' ').trim(),
      label: label.replace(/\s+/g, ' ').trim(),
      legend: (el.closest('fieldset')?.querySelector('legend')?.textContent ?? '')
        .replace(/\s+/g, ' ')
        .trim(),
      checked: el.checked === true,
      ariaLabel: el.getAttribute('aria-label') ?? '',
    };
  });
}

/**
 * Waits until the page's h1 has focus (as it must after each navigation),
 * optionally with the given text, and returns its text.
 */
export async function waitForHeadingFocus(page, text) {
  let seen;
  try {
    await waitUntil(async () => {
      seen = await focusedElement(page);
      return seen.tag === 'H1' && (text === undefined || seen.text === text);
    });
  } catch {
    throw new Error(
      `expected focus on the h1${text === undefined ? '' : ` "${text}"`}, but it is on ${JSON.stringify(seen)}`,
    );
  }
  return seen.text;
}

/** Today's date in the browser, as the app puts it in file names. */
export async function browserToday(page) {
  return page.evaluate(() => {
    const d = new Date();
    const pad = (n) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  });
}

/**
 * Parses RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line
 * breaks. A leading byte-order mark is dropped. Returns an array of records.
 */
export function parseCsv(text) {
  const input = text.startsWith('\ufeff') ? text.slice(1) : text;
  const records = [];
  let record = [];
  let field = '';
  let quoted = false;
  let i = 0;
  while (i < input.length) {
    const ch = input[i];
    if (quoted) {
      if (ch === '"') {
        if (input[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i += 1;
        continue;
      }
      field += ch;
      i += 1;
      continue;
    }
    if (ch === '"') {
      if (field !== '') throw new Error(`CSV: a quote inside an unquoted field at ${i}`);
      quoted = true;
      i += 1;
    } else if (ch === ',') {
      record.push(field);
      field = '';
      i += 1;
    } else if (ch === '\r' || ch === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += ch === '\r' && input[i + 1] === '\n' ? 2 : 1;
    } else {
      field += ch;
      i += 1;
    }
  }
  if (quoted) throw new Error('CSV: a quoted field is not closed');
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}
