// The safety promises, tried in Chromium:
//
// - hostile text typed into every free-text field, and carried by a
//   partner's content pack, shows as text, runs nothing, and is escaped or
//   neutralised in every download;
// - the page talks to nothing but its own origin, sets no cookies, has a
//   strict Content Security Policy and breaks none of it;
// - storage faults (blocked, full, unreadable) are reported in the locale's
//   words, and the answers stay in memory and can be downloaded;
// - two tabs, or two widgets with one storage key, on one assessment:
//   answers merge field by field, so neither overwrites the other, even
//   with the clock moved back;
// - a panic turns the widget into a panel offering the last good answers
//   (against the debug build in dist-debug/, which exports
//   forcePanicForTests; the release build must not).
//
// Needs dist/ (`trunk build --release --offline`) and, for the panic tests,
// dist-debug/ (`trunk build --offline --release=false --dist dist-debug`).

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { contentPack } from './helpers.mjs';
import { DIST } from './server.mjs';
import {
  afterImageErrors,
  fill,
  locale,
  parseCsv,
  waitForSaveState,
  waitUntil,
  watchDialogs,
} from './support.mjs';
import { downloadFile, downloadTexts, useServer, useSite } from './fixtures.mjs';
import { asHtml, asMarkdown } from './escaping.mjs';
import { answerEveryTheme, completeAssessment, startAndDescribe } from './journey.mjs';
import { StartScreen } from './pages/start-screen.mjs';
import { StoryPage } from './pages/story.mjs';
import { SummaryPage } from './pages/summary.mjs';
import { TasksPage } from './pages/tasks.mjs';
import { ThemePage } from './pages/theme.mjs';

// How long the app waits after a change before saving: the mount contract's
// value (src/options.json), which the app is built with.
const SAVE_DELAY_MS = JSON.parse(readFileSync(new URL('../../src/options.json', import.meta.url), 'utf8')).saveDelayMs;

const DIST_DEBUG = fileURLToPath(new URL('../../dist-debug/', import.meta.url));
/** The release build's wasm, by its hashed name. */
const WASM = readdirSync(DIST).find((f) => /_bg\.wasm$/.test(f));
const pack = contentPack();
const { ui, report } = locale();
const PROGRESS_KEY = 'ready-to-share:progress:v1';
const STEP_KEY = 'ready-to-share:step:v1';
const UNREADABLE_KEY = `${PROGRESS_KEY}:unreadable`;

/** What an attacker would type, or a partner's pack could carry. */
const PAYLOADS = [
  '<img src=x onerror=alert(1)>',
  '"><script>alert(2)</script>',
  '=HYPERLINK("http://evil.example","x")',
  '+SUM(1)',
  '@cmd',
];
/** The payloads starting at the i-th, so each field can start with a different one. */
const rotated = (i) => [...PAYLOADS.slice(i % PAYLOADS.length), ...PAYLOADS.slice(0, i % PAYLOADS.length)];

/**
 * Each payload as the HTML and Markdown downloads must carry it, escaped by
 * hand: in HTML, & < > " ' as entities; in Markdown, < > & as entities and
 * Markdown's punctuation ( ) . + and the like behind a backslash.
 */
const ESCAPED = new Map([
  ['<img src=x onerror=alert(1)>', { html: '&lt;img src=x onerror=alert(1)&gt;', md: '&lt;img src=x onerror=alert\\(1\\)&gt;' }],
  [
    '"><script>alert(2)</script>',
    { html: '&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;', md: '"&gt;&lt;script&gt;alert\\(2\\)&lt;/script&gt;' },
  ],
  [
    '=HYPERLINK("http://evil.example","x")',
    { html: '=HYPERLINK(&quot;http://evil.example&quot;,&quot;x&quot;)', md: '=HYPERLINK\\("http://evil\\.example","x"\\)' },
  ],
  ['+SUM(1)', { html: '+SUM(1)', md: '\\+SUM\\(1\\)' }],
  ['@cmd', { html: '@cmd', md: '@cmd' }],
]);
/** Payloads typed one after another with spaces, as a download carries them. */
const escapedRun = (payloads, form) => payloads.map((p) => ESCAPED.get(p)[form]).join(' ');

/** Whether a spreadsheet would read a cell as a formula. */
const risky = (text) => /^[=+\-@\t\r]/.test(text);

/** Runs in every page: records Content Security Policy violations. */
function recordCspViolations() {
  window.__cspViolations = [];
  window.addEventListener(
    'securitypolicyviolation',
    (e) => window.__cspViolations.push(`${e.violatedDirective}: ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`),
    true,
  );
}

/** Counts elements matching `selector` in the document and every open shadow root. */
function deepCount(page, selector) {
  return page.evaluate((sel) => {
    let count = 0;
    const walk = (root) => {
      count += root.querySelectorAll(sel).length;
      for (const el of root.querySelectorAll('*')) if (el.shadowRoot) walk(el.shadowRoot);
    };
    walk(document);
    return count;
  }, selector);
}

const storageItem = (page, key) => page.evaluate((k) => localStorage.getItem(k), key);

/** Waits until saved progress (parsed) satisfies `check`, and returns it. */
async function waitForSaved(page, check, message, key = PROGRESS_KEY) {
  return waitUntil(
    async () => {
      const text = await page.evaluate((k) => localStorage.getItem(k), key);
      if (!text) return false;
      try {
        const saved = JSON.parse(text);
        return check(saved) ? saved : false;
      } catch {
        return false;
      }
    },
    { message, timeout: 5000 },
  );
}

describe('safety', () => {
  /** Extra pages the server answers (host pages, packs), by path. */
  const pages = {};
  // CORS on, so a sandboxed (opaque-origin) frame may load the files. Every
  // session records Content Security Policy violations.
  const site = useSite({ cors: true, pages, session: { init: recordCspViolations } });
  const session = (options) => site.session(options);

  async function cspViolations(page) {
    return page.evaluate(() => window.__cspViolations ?? ['the CSP recorder did not run']);
  }

  /** From the task list, opens a theme; returns its page object. */
  async function openTheme(page, index) {
    const theme = pack.themes[index];
    await new TasksPage(page).open(theme.title);
    return new ThemePage(page, theme.id).waitFor();
  }

  /** Start now → About (area only) → task list → the first theme. */
  async function toFirstTheme(page, url, area = 'Safety test area') {
    await startAndDescribe(page, url, { area, organisation: '', partners: '' });
    return openTheme(page, 0);
  }

  // -------------------------------------------------------------------------
  // Hostile text
  // -------------------------------------------------------------------------

  describe('hostile text', () => {
    const CONTEXT = {
      area: PAYLOADS.join(' '),
      organisation: rotated(1).join(' '),
      partners: PAYLOADS.join('\n'),
      policyAreas: [],
    };
    const THEME = pack.themes[0];
    /** Each note is the payloads from the i-th on, by question id. */
    const NOTE_PAYLOADS = Object.fromEntries(THEME.questions.map((q, i) => [q.id, rotated(i)]));
    const NOTES = Object.fromEntries(THEME.questions.map((q) => [q.id, NOTE_PAYLOADS[q.id].join(' ')]));
    /** Every free text typed but the story, as the payloads it is made of. */
    const TYPED = [PAYLOADS, rotated(1), ...Object.values(NOTE_PAYLOADS)];
    const STORY = PAYLOADS.join('\n\n');

    test('the escaping rules other checks build their lines with give the hand-escaped forms', () => {
      for (const [payload, forms] of ESCAPED) {
        assert.equal(asHtml(payload), forms.html, `${payload} in HTML`);
        assert.equal(asMarkdown(payload), forms.md, `${payload} in Markdown`);
      }
    });

    test('typed into every free-text field, it shows as text, runs nothing, and every download escapes or neutralises it', () =>
      site.withSession(async (s) => {
        const { page } = s;
        await startAndDescribe(page, site.url, CONTEXT);
        const check = await answerEveryTheme(page, { notes: NOTES });

        // Check your answers shows every field literally.
        assert.deepEqual(await check.value(ui.about_area), [CONTEXT.area]);
        assert.deepEqual(await check.value(ui.about_organisation), [CONTEXT.organisation]);
        // One partner a line as typed; the page may show them run together.
        const partners = (await check.value(ui.about_partners)).join(' ');
        assert.equal(partners, PAYLOADS.join(' '), 'the partners, as text');
        for (const question of THEME.questions) {
          const lines = await check.value(question.text);
          assert.equal(lines.at(-1), `${ui.note_short}: ${NOTES[question.id]}`, `the note on ${question.id}`);
        }
        await check.continue();
        const story = await new StoryPage(page).waitFor();
        await story.tell(STORY);
        await story.seeSummary();
        const summary = await new SummaryPage(page).waitFor(CONTEXT.area);
        const onScreen = await page.locator('body').innerText();
        for (const payload of PAYLOADS) assert.ok(onScreen.includes(payload), `the summary shows ${payload} as text`);

        // Nothing ran, nothing was made of it: the only request for x is
        // the check's own.
        const sentinel = await afterImageErrors(page);
        assert.deepEqual(s.pageRequests.filter((u) => u.endsWith('/x')), [sentinel], 'no payload made an image');
        assert.deepEqual(s.dialogs, [], 'no dialog opened');
        assert.equal(await deepCount(page, 'img[src=x]'), 0, 'no img[src=x] anywhere');
        // The standalone page's own inline script (in its head, allowed by
        // its hash: see the CSP test) is the only one.
        assert.equal(await deepCount(page, 'script:not([src])'), 1, 'no inline script but the page\'s own');
        assert.equal(await page.locator('head > script:not([src])').count(), 1, 'and that one is in the head');

        const files = await downloadTexts(summary, [
          [ui.download_html, 'html'],
          [ui.download_markdown, 'md'],
          [ui.download_csv, 'csv'],
          [ui.download_json, 'json'],
        ]);

        // HTML: the escaped form only, and opening it runs nothing.
        const html = files.html;
        for (const payloads of [...TYPED, ...PAYLOADS.map((p) => [p])]) {
          const escaped = escapedRun(payloads, 'html');
          assert.ok(html.includes(escaped), `the HTML holds ${payloads.join(' ')} as ${escaped}`);
        }
        assert.ok(!html.includes('<img'), 'no <img in the HTML');
        assert.ok(!/<script/i.test(html), 'no <script in the HTML');
        const reportPage = await s.context.newPage();
        const reportDialogs = [];
        watchDialogs(reportPage, reportDialogs);
        await reportPage.setContent(html, { waitUntil: 'load' });
        assert.equal(await reportPage.locator('img, script').count(), 0, 'the report has no img or script');
        const reportText = await reportPage.locator('body').innerText();
        for (const payload of PAYLOADS) assert.ok(reportText.includes(payload), `the report shows ${payload} as text`);
        await reportPage.close();
        assert.deepEqual(reportDialogs, [], 'opening the HTML report ran nothing');

        // CSV: every note that starts like a formula gets an apostrophe.
        const rows = parseCsv(files.csv);
        const NOTE = report.csv_headers.indexOf(report.note);
        const ID = report.csv_headers.indexOf('Question ID');
        for (const question of THEME.questions) {
          const note = NOTES[question.id];
          const cell = rows.find((r) => r[ID] === question.id)[NOTE];
          assert.equal(cell, risky(note) ? `'${note}` : note, `the CSV note on ${question.id}`);
        }
        for (const row of rows) {
          for (const cell of row) assert.ok(!risky(cell), `no CSV cell starts as a formula: ${cell}`);
        }

        // Markdown: escaped, no markup.
        const md = files.md;
        assert.ok(!md.includes('<img') && !/<script/i.test(md), 'no markup in the Markdown');
        for (const payloads of [PAYLOADS, ...Object.values(NOTE_PAYLOADS)]) {
          const escaped = escapedRun(payloads, 'md');
          assert.ok(md.includes(escaped), `the Markdown holds ${payloads.join(' ')} as ${escaped}`);
        }
        for (const payload of PAYLOADS) {
          assert.ok(md.includes(ESCAPED.get(payload).md), `the Markdown story holds ${payload}, escaped`);
        }

        // JSON: the data as typed.
        const saved = JSON.parse(files.json);
        assert.equal(saved.context.area, CONTEXT.area);
        assert.equal(saved.context.organisation, CONTEXT.organisation);
        assert.equal(saved.context.partners, CONTEXT.partners);
        assert.equal(saved.story, STORY);
        for (const question of THEME.questions) assert.equal(saved.answers[question.id].note, NOTES[question.id]);

        assert.deepEqual(s.dialogs, [], 'no dialog opened');
        assert.deepEqual(await cspViolations(page), [], 'no CSP violation');
        assert.deepEqual(s.foreignRequests, []);
      }));

    /** The built-in pack with a payload in every text a partner could write. */
    function hostilePack() {
      const p = structuredClone(pack);
      let n = 0;
      const next = () => PAYLOADS[n++ % PAYLOADS.length];
      p.id = 'hostile-pack';
      for (const theme of p.themes) {
        theme.title = `${next()} [${theme.id}]`;
        for (const q of theme.questions) {
          q.text = `${next()} [${q.id}]`;
          q.hint = `${next()} hint`;
          for (const level of Object.keys(q.levels)) q.levels[level] = `${next()} ${level}`;
          q.act_if_1_or_2 = `${next()} start [${q.id}]`;
          q.act_if_3 = `${next()} improve [${q.id}]`;
          q.act_if_4 = `${next()} sustain [${q.id}]`;
        }
      }
      for (const study of p.case_studies) study.title = `${next()} [${study.id}]`;
      // Guidance is shown beside every priority action, with its publisher and year.
      for (const guide of p.guidance) {
        guide.title = `${next()} [${guide.id}]`;
        guide.publisher = `${next()} publisher`;
        guide.published = `${next()} year`;
      }
      return p;
    }

    test('a partner content pack carrying it, in the embedded widget, shows it as text and escapes or neutralises it in every download', async () => {
      const hostile = hostilePack();
      pages['/hostile-pack.json'] = { body: JSON.stringify(hostile), type: 'application/json' };
      pages['/host-hostile-pack.html'] = `<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8"><title>Host page</title></head>
<body><h1>A partner's page</h1>
<ready-to-share storage-key="hostile" content-pack="/hostile-pack.json"></ready-to-share>
<script type="module" src="/embed.js"></script></body></html>`;
      const s = await session();
      const { page } = s;
      const widget = page.locator('ready-to-share');
      const heading = (name) => widget.getByRole('heading', { level: 2, name, exact: true });
      const button = (name) => widget.getByRole('button', { name, exact: true });
      try {
        await page.goto(`${site.origin}/host-hostile-pack.html`);
        await heading(pack.start.heading).waitFor();
        assert.equal(await widget.getByText(fill(ui.partner_pack_failed, { source: '' }).slice(0, 20)).count(), 0, 'the pack was accepted');
        await button(ui.start_button).click();
        await heading(ui.about_heading).waitFor();
        await button(ui.save_and_continue).click();
        await heading(ui.tasks_heading).waitFor();
        await widget.getByRole('listitem').getByRole('button', { name: hostile.themes[0].title, exact: true }).click();

        const shown = [];
        for (const [t, theme] of hostile.themes.entries()) {
          await heading(theme.title).waitFor();
          if (t === 0) {
            // The question page shows the pack's texts literally.
            const text = await widget.evaluate((el) => el.shadowRoot.querySelector('.rts-app')?.innerText ?? '');
            const q = theme.questions[0];
            for (const part of [q.text, q.hint, ...Object.values(q.levels)]) {
              assert.ok(text.includes(part), `the theme page shows ${part} as text`);
            }
          }
          for (const [i, q] of theme.questions.entries()) {
            // Levels 1 to 4 in turn, so every kind of action is shown.
            const level = (i % 4) + 1;
            await widget
              .getByRole('group', { name: q.text })
              .getByRole('radio', { name: `${level} ${hostile.scale[level - 1]}`, exact: true })
              .check();
            shown.push({ theme, q, level });
          }
          await button(ui.save_and_continue).click();
        }
        await heading(ui.check_heading).waitFor();
        await button(ui.continue_button).click();
        await heading(ui.story_heading).waitFor();
        await button(ui.see_summary).click();
        await heading(report.title).waitFor();

        // Every action of the plan, not only the top five.
        const [head, tail] = locale().plan.show_all.split('{count}');
        const showAll = widget.getByRole('button', { name: new RegExp(`^${head}\\d+${tail}$`) });
        if ((await showAll.count()) > 0) await showAll.click();
        const text = await widget.evaluate((el) => el.shadowRoot.querySelector('.rts-app').innerText);
        for (const theme of hostile.themes) assert.ok(text.includes(theme.title), `the summary shows ${theme.title}`);
        const actionFor = (q, level) => ({ 1: q.act_if_1_or_2, 2: q.act_if_1_or_2, 3: q.act_if_3, 4: q.act_if_4 })[level];
        for (const { q, level } of shown) {
          const action = actionFor(q, level);
          assert.ok(text.includes(action), `the summary shows the action ${action}`);
        }
        // Each action shows the first two of its question's guidance items (the
        // partnership has not said where it works, so all apply).
        const guides = hostile.guidance.filter((g) => shown.some(({ q }) => q.guidance.slice(0, 2).includes(g.id)));
        assert.ok(guides.length >= hostile.guidance.length - 3, 'nearly every guide in the pack belongs to an action shown');
        for (const g of guides) {
          for (const part of [g.title, g.publisher, g.published]) {
            assert.ok(text.includes(part), `the summary shows the guidance's ${part} as text`);
          }
        }
        const studies = hostile.case_studies.filter((c) => text.includes(c.title));
        assert.equal(studies.length, 4, 'the summary shows four case studies (its most), by their hostile titles');

        const sentinel = await afterImageErrors(page);
        assert.deepEqual(s.pageRequests.filter((u) => u.endsWith('/x')), [sentinel], 'no payload made an image');
        assert.deepEqual(s.dialogs, [], 'no dialog opened');
        assert.equal(await deepCount(page, 'img[src=x]'), 0, 'no img[src=x], in the shadow root or out');
        assert.equal(await deepCount(page, 'script:not([src])'), 0, 'no inline script, in the shadow root or out');

        const files = {};
        for (const [name, ext] of [
          [ui.download_html, 'html'],
          [ui.download_markdown, 'md'],
          [ui.download_csv, 'csv'],
        ]) {
          files[ext] = (await downloadFile(page, () => button(name).click())).text;
        }
        assert.ok(!files.html.includes('<img') && !/<script/i.test(files.html), 'no markup in the HTML');
        for (const part of [...hostile.themes.map((t) => t.title), ...studies.map((c) => c.title)]) {
          assert.ok(files.html.includes(asHtml(part)), `the HTML holds ${part}, escaped`);
        }
        for (const { q } of shown) assert.ok(files.html.includes(asHtml(q.text)), `the HTML holds ${q.text}, escaped`);
        for (const { q, level } of shown) {
          assert.ok(files.html.includes(asHtml(actionFor(q, level))), `the HTML holds the action of ${q.id}, escaped`);
        }
        for (const g of guides) {
          for (const part of [g.title, g.publisher, g.published]) {
            assert.ok(files.html.includes(asHtml(part)), `the HTML holds the guidance's ${part}, escaped`);
          }
        }

        assert.ok(!files.md.includes('<img') && !/<script/i.test(files.md), 'no markup in the Markdown');
        for (const part of hostile.themes.map((t) => t.title)) {
          assert.ok(files.md.includes(asMarkdown(part)), `the Markdown holds ${part}, escaped`);
        }
        for (const g of guides) {
          for (const part of [g.title, g.publisher, g.published]) {
            assert.ok(files.md.includes(asMarkdown(part)), `the Markdown holds the guidance's ${part}, escaped`);
          }
        }

        const rows = parseCsv(files.csv);
        const col = (name) => report.csv_headers.indexOf(name);
        for (const { theme, q, level } of shown) {
          const row = rows.find((r) => r[col('Question ID')] === q.id);
          const expect = (t) => (risky(t) ? `'${t}` : t);
          assert.equal(row[col('Theme')], expect(theme.title), `the theme cell of ${q.id}`);
          assert.equal(row[col('Question')], expect(q.text), `the question cell of ${q.id}`);
          const descriptor = q.levels[['not_started', 'emerging', 'developing', 'established'][level - 1]];
          assert.equal(row[col('What this looks like')], expect(descriptor), `the descriptor cell of ${q.id}`);
        }
        for (const row of rows) {
          for (const cell of row) assert.ok(!risky(cell), `no CSV cell starts as a formula: ${cell}`);
        }
        for (const start of ["'=", "'+", "'@"]) {
          assert.ok(rows.flat().some((c) => c.startsWith(start)), `cells starting ${start.slice(1)} were there, neutralised`);
        }

        assert.deepEqual(s.dialogs, [], 'no dialog opened');
        assert.deepEqual(await cspViolations(page), [], 'no CSP violation');
        assert.deepEqual(s.foreignRequests, []);
      } finally {
        await s.context.close();
      }
    });
  });

  // -------------------------------------------------------------------------
  // Network, cookies and the Content Security Policy
  // -------------------------------------------------------------------------

  describe('nothing leaves the page', () => {
    /** The CSP of a built page, as { directive: [sources] }. */
    function pageCsp(name) {
      const html = readFileSync(join(DIST, name), 'utf8');
      const metas = [...html.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/g)];
      assert.equal(metas.length, 1, `${name} has one CSP meta`);
      return Object.fromEntries(
        metas[0][1]
          .split(';')
          .map((d) => d.trim().split(/\s+/))
          .filter((d) => d[0])
          .map(([directive, ...sources]) => [directive, sources]),
      );
    }

    test('the standalone and iframe pages have a strict CSP: no unsafe-inline or unsafe-eval, no other site', () => {
      const allowed = new Set(["'self'", "'none'", "'wasm-unsafe-eval'", 'data:', 'blob:']);
      const hashOf = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
      // Each has one inline script: index.html's decides whether the start
      // screen written into the page shows; frame.html's preloads the first
      // module of the language its address asks for.
      for (const [name, inlineScripts] of [['index.html', 1], ['frame.html', 1]]) {
        const csp = pageCsp(name);
        assert.deepEqual(csp['default-src'], ["'self'"], `${name}: default-src`);
        assert.ok(csp['script-src'], `${name} has script-src`);
        assert.ok(!csp['script-src'].includes("'unsafe-inline'"), `${name}: no 'unsafe-inline' in script-src`);
        assert.ok(!csp['script-src'].includes("'unsafe-eval'"), `${name}: no 'unsafe-eval' in script-src`);
        assert.deepEqual(csp['object-src'], ["'none'"], `${name}: object-src`);
        assert.deepEqual(csp['base-uri'], ["'none'"], `${name}: base-uri`);
        // The one inline stylesheet and the inline scripts, and nothing else
        // inline, are allowed by their own hashes.
        const html = readFileSync(join(DIST, name), 'utf8');
        const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]);
        assert.equal(styles.length, 1, `${name} has one inline stylesheet`);
        const styleHash = hashOf(styles[0]);
        assert.deepEqual(csp['style-src'], ["'self'", styleHash], `${name}: style-src allows this site and that stylesheet only`);
        const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
        assert.equal(scripts.length, inlineScripts, `${name}: ${inlineScripts} inline script(s)`);
        assert.equal(
          [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>/g)].length,
          inlineScripts,
          `${name}: no other inline script, with or without attributes`,
        );
        const scriptHashes = scripts.map(hashOf);
        assert.deepEqual(csp['script-src'], ["'self'", ...scriptHashes, "'wasm-unsafe-eval'"], `${name}: script-src`);
        for (const [directive, sources] of Object.entries(csp)) {
          for (const source of sources) {
            const inline = (directive === 'style-src' && source === styleHash) || (directive === 'script-src' && scriptHashes.includes(source));
            assert.ok(allowed.has(source) || inline, `${name}: ${directive} allows only this site, not ${source}`);
          }
        }
        assert.ok(!/https?:\/\//.test(html), `${name} names no other site`);
      }
    });

    test('a whole assessment and every download make only same-origin requests, set no cookies and break no CSP rule', () =>
      site.withSession(async (s) => {
        const { page, context } = s;
        const start = await new StartScreen(page).goto(site.url);
        // The live page carries the CSP.
        assert.equal(await page.locator('meta[http-equiv="Content-Security-Policy"]').count(), 1);
        // The offline copy, from the start page.
        const downloads = [];
        const offline = await downloadFile(page, () =>
          page.getByRole('link', { name: ui.offline_link, exact: true }).click(),
        );
        downloads.push(offline.url);
        assert.equal(offline.name, 'ready-to-share-offline.html');
        await start.startNow();
        await page.getByRole('heading', { level: 1, name: ui.about_heading, exact: true }).waitFor();
        await page.getByRole('button', { name: ui.back, exact: true }).click();
        await start.waitFor();

        const summary = await completeAssessment(page, site.url);
        for (const name of [ui.download_html, ui.download_markdown, ui.download_csv, ui.download_json]) {
          downloads.push((await downloadFile(page, () => summary.downloadButton(name).click())).url);
        }
        // "Start again" offers the answers first.
        await summary.back();
        await new TasksPage(page).waitFor();
        await page.getByRole('button', { name: ui.back, exact: true }).click();
        await start.waitFor();
        await start.startAgain();
        downloads.push((await downloadFile(page, () => start.downloadFirstButton().click())).url);
        // Storage holds every change: the app has nothing left to do.
        await waitForSaveState(page);

        assert.equal(downloads.length, 6, 'six downloads');
        const urls = [...s.requests, ...downloads];
        assert.ok(urls.includes(`${site.origin}/${WASM}`), `the requests were recorded, ${WASM} among them`);
        for (const url of urls) {
          const ok =
            url.startsWith('data:') ||
            url.startsWith(`blob:${site.origin}/`) ||
            new URL(url).origin === site.origin;
          assert.ok(ok, `a request to ${url} is not to the page's own origin`);
        }
        assert.deepEqual(s.foreignRequests, [], 'no request to any other origin');
        assert.deepEqual(await context.cookies(), [], 'no cookies');
        assert.equal(await page.evaluate(() => document.cookie), '', 'document.cookie is empty');
        assert.deepEqual(await cspViolations(page), [], 'no CSP violation');
        assert.deepEqual(s.dialogs, []);

        // The recorder works, and the CSP stops inline script.
        // The violation event is the signal that the browser has judged the
        // script; an allowed one would have run as it was added.
        const ran = await page.evaluate(async () => {
          window.__inlineRan = false;
          const judged = new Promise((resolve) =>
            window.addEventListener('securitypolicyviolation', resolve, { once: true }),
          );
          const script = document.createElement('script');
          script.textContent = 'window.__inlineRan = true';
          document.head.append(script);
          await judged;
          return window.__inlineRan;
        });
        assert.equal(ran, false, 'the CSP blocks inline script');
        const violations = await cspViolations(page);
        assert.equal(violations.length, 1, `the recorder saw the inline script: ${violations}`);
        assert.match(violations[0], /^script-src/);
      }));

    test('the single-file offline copy, opened from file://, requests nothing from any server', async () => {
      const context = await site.browser.newContext();
      const requests = [];
      context.on('request', (r) => requests.push(r.url()));
      await context.route(/^https?:/, (route) => route.abort('blockedbyclient'));
      const page = await context.newPage();
      const dialogs = [];
      watchDialogs(page, dialogs);
      try {
        await page.goto(pathToFileURL(join(DIST, 'ready-to-share-offline.html')).href);
        const start = await new StartScreen(page).waitFor();
        await start.startNow();
        await page.getByRole('heading', { level: 1, name: ui.about_heading, exact: true }).waitFor();
        await page.getByLabel(ui.about_area, { exact: true }).fill(PAYLOADS.join(' '));
        await waitForSaveState(page);
        const networked = requests.filter((u) => /^(https?|wss?):/.test(u));
        assert.deepEqual(networked, [], 'no request to any server');
        assert.deepEqual(dialogs, []);
        assert.deepEqual(await context.cookies(), []);
        assert.equal(await deepCount(page, 'img[src=x]'), 0);
      } finally {
        await context.close();
      }
    });
  });

  // -------------------------------------------------------------------------
  // Storage faults
  // -------------------------------------------------------------------------

  describe('storage faults', () => {
    /** A notice in the widget, by its words from the locale. */
    const notice = (scope, text) => scope.locator('.rts-notice').filter({ hasText: text });

    /** Answers Q1 (level 2, with a note) and Q2 (not sure) of the first theme. */
    async function answerTwo(theme) {
      const [q1, q2] = theme.theme.questions;
      await theme.choose(q1.id, 2);
      await theme.note(q1.id).fill('Kept in memory');
      await theme.choose(q2.id, 'not-sure');
      return { q1: q1.id, q2: q2.id };
    }

    for (const sandbox of ['allow-scripts', 'allow-scripts allow-downloads']) {
      test(`blocked: in an iframe with sandbox="${sandbox}" it says storage is blocked, keeps the answers and offers them`, async () => {
        const path = `/sandboxed-${sandbox.replace(/\W+/g, '-')}.html`;
        pages[path] = `<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8"><title>Sandboxed host</title></head>
<body><iframe sandbox="${sandbox}" src="/frame.html" title="Ready to Share" style="width:100%;height:1200px;border:0"></iframe></body></html>`;
        const s = await session();
        const { page } = s;
        try {
          await page.goto(`${site.origin}${path}`);
          const frame = page.frameLocator('iframe');
          await frame.getByRole('heading', { level: 1, name: pack.start.heading, exact: true }).waitFor();
          // localStorage really is blocked there.
          const blocked = await page.frames()[1].evaluate(() => {
            try {
              return localStorage && false;
            } catch (e) {
              return e.name;
            }
          });
          assert.equal(blocked, 'SecurityError', 'localStorage throws SecurityError in the sandboxed frame');
          const warning = notice(frame, ui.storage_blocked);
          await warning.waitFor();
          assert.equal(await warning.getAttribute('role'), 'alert');

          await frame.getByRole('button', { name: ui.start_button, exact: true }).click();
          await frame.getByLabel(ui.about_area, { exact: true }).fill('Sandboxed area');
          await frame.getByRole('button', { name: ui.save_and_continue, exact: true }).click();
          await frame.getByRole('listitem').getByRole('button', { name: pack.themes[0].title, exact: true }).click();
          const q1 = pack.themes[0].questions[0];
          const q2 = pack.themes[0].questions[1];
          const group = (q) => frame.getByRole('group', { name: q.text });
          await group(q1).getByRole('radio', { name: `2 ${pack.scale[1]}`, exact: true }).check();
          await frame.getByRole('textbox', { name: ui.note_label }).first().fill('Kept in memory');
          await group(q2).getByRole('radio', { name: locale().common.not_sure, exact: true }).check();
          // The autosave tried, and storage refused.
          await waitForSaveState(frame, 'failed');
          await warning.waitFor();
          assert.equal(await group(q1).getByRole('radio', { name: `2 ${pack.scale[1]}`, exact: true }).isChecked(), true);
          // Away and back: still in memory.
          await frame.getByRole('button', { name: ui.return_to_tasks, exact: true }).click();
          await frame.getByText(fill(ui.tasks_progress, { answered: 2, total: pack.themes.reduce((n, t) => n + t.questions.length, 0) }), { exact: true }).waitFor();

          // Where the frame may download, the button gives the file. Where it
          // may not (the browser refuses downloads from such a frame), the
          // same answers are there to copy, as an assessment file.
          let text;
          if (sandbox.includes('allow-downloads')) {
            const file = await downloadFile(page, () =>
              warning.getByRole('button', { name: ui.download_answers, exact: true }).click(),
            );
            text = file.text;
          } else {
            await warning.getByText(ui.copy_answers, { exact: true }).click();
            text = await warning.getByLabel(ui.copy_answers_label, { exact: true }).inputValue();
          }
          const saved = JSON.parse(text);
          assert.equal(saved.context.area, 'Sandboxed area');
          assert.equal(saved.answers[q1.id].level, 2);
          assert.equal(saved.answers[q1.id].note, 'Kept in memory');
          assert.equal(saved.answers[q2.id].level, 'not-sure');
          assert.deepEqual(s.dialogs, []);
        } finally {
          await s.context.close();
        }
      });
    }

    test('full: when setItem throws QuotaExceededError it says storage is full, keeps the answers, downloads them, and recovers', () =>
      site.withSession(async (s) => {
        const { page } = s;
        await s.context.addInitScript(() => {
          window.__storageFull = true;
          const setItem = Storage.prototype.setItem;
          Storage.prototype.setItem = function (key, value) {
            if (window.__storageFull) {
              throw new DOMException(`Setting the value of '${key}' exceeded the quota.`, 'QuotaExceededError');
            }
            return setItem.call(this, key, value);
          };
        });
        const theme = await toFirstTheme(page, site.url, 'Full storage area');
        const { q1, q2 } = await answerTwo(theme);
        const warning = notice(page, ui.storage_full);
        await warning.waitFor();
        assert.equal(await warning.getAttribute('role'), 'alert');
        assert.equal(await storageItem(page, PROGRESS_KEY), null, 'nothing could be saved');
        assert.equal(await theme.chosen(q1), 2, 'the answer stays');
        assert.equal(await theme.chosen(q2), 'not-sure', 'the answer stays');
        assert.equal(await theme.note(q1).inputValue(), 'Kept in memory');

        const file = await downloadFile(page, () =>
          warning.getByRole('button', { name: ui.download_answers, exact: true }).click(),
        );
        const saved = JSON.parse(file.text);
        assert.equal(saved.format, 'ready-to-share-assessment');
        assert.equal(saved.context.area, 'Full storage area');
        assert.deepEqual(saved.answers[q1], { level: 2, note: 'Kept in memory' });
        assert.deepEqual(saved.answers[q2], { level: 'not-sure' });

        // Space again: the next change saves everything, and the notice goes.
        await page.evaluate(() => {
          window.__storageFull = false;
        });
        const q3 = pack.themes[0].questions[2].id;
        await theme.choose(q3, 5);
        await waitForSaved(page, (f) => f.answers?.[q1]?.level === 2 && f.answers?.[q3]?.level === 5, 'saved once there is space');
        await warning.waitFor({ state: 'detached' });
        assert.deepEqual(s.dialogs, []);
      }));

    const UNREADABLE = {
      'not JSON': '{not json',
      'JSON of another format': JSON.stringify({ version: 3, answers: [{ question: 'purpose-what-information', level: 4 }] }),
      'a newer version of our format': JSON.stringify({ format: 'ready-to-share-assessment', format_version: 99, answers: {} }),
      'our format with a malformed field': JSON.stringify({ format: 'ready-to-share-assessment', format_version: 1, answers: [] }),
    };

    for (const [kind, value] of Object.entries(UNREADABLE)) {
      test(`unreadable progress (${kind}) is kept aside, the user is told, and the app works`, () =>
        site.withSession(async (s) => {
          const { page } = s;
          await site.seed(page, { [PROGRESS_KEY]: value, [STEP_KEY]: 'tasks' });
          const start = await new StartScreen(page).goto(site.url);
          const warning = notice(page, ui.progress_unreadable);
          await warning.waitFor();
          assert.equal(await storageItem(page, UNREADABLE_KEY), value, 'the unreadable text is kept aside, as it was');

          // The app works: answer, and it is saved under the usual key.
          await start.startNow();
          const about = page.getByLabel(ui.about_area, { exact: true });
          await about.fill('After the unreadable progress');
          await page.getByRole('button', { name: ui.save_and_continue, exact: true }).click();
          const theme = await openTheme(page, 0);
          const q1 = pack.themes[0].questions[0].id;
          await theme.choose(q1, 4);
          await waitForSaved(page, (f) => f.answers?.[q1]?.level === 4, 'the new answer is saved');
          assert.equal(await storageItem(page, UNREADABLE_KEY), value, 'the kept-aside copy is still there');

          // A reload reads the new progress, and the notice has gone.
          await page.reload();
          await theme.waitFor();
          assert.equal(await theme.chosen(q1), 4);
          assert.equal(await notice(page, ui.progress_unreadable).count(), 0, 'no notice once progress reads');
          assert.equal(await storageItem(page, UNREADABLE_KEY), value, 'the kept-aside copy is still there after a reload');
          assert.deepEqual(s.dialogs, []);
          assert.deepEqual(s.errors, [], 'no errors logged');
        }));
    }

    test('progress over 1 MB that the app saved (a long story) still reads after a reload', async () => {
      // The screens cap each text (notes, story, names) so a downloaded file
      // stays openable; saved progress is read without the 1 MB limit for
      // opened files, so even a value over it (an older version had no caps)
      // is never called unreadable.
      const s = await session();
      const { page } = s;
      try {
        const long = 'A long story, pasted in from a document. '.repeat(27_000);
        const q = pack.themes[0].questions[0].id;
        const progress = JSON.stringify({
          format: 'ready-to-share-assessment',
          format_version: 1,
          content_pack: { id: pack.id, version: pack.version },
          created: '2026-11-22T10:00:00.000Z',
          updated: '2026-11-22T10:00:00.000Z',
          context: { area: 'Long story', organisation: '', partners: '', policy_areas: [] },
          answers: { [q]: { level: 3 } },
          story: long,
        });
        assert.ok(progress.length > 1024 * 1024, 'the saved value is over 1 MB');
        await site.seed(page, { [PROGRESS_KEY]: progress, 'ready-to-share:step:v1': 'story' });
        await page.goto(site.url);
        await page.getByRole('heading', { level: 1 }).waitFor();
        assert.equal(await notice(page, ui.progress_unreadable).count(), 0, 'the saved progress is not called unreadable');
        assert.equal((await page.getByLabel(ui.story_label, { exact: true }).inputValue()).length, long.length);
      } finally {
        await s.context.close();
      }
    });

    test('a story over the limit stays in the box, is not saved, and the box says why', () =>
      site.withSession(async (s) => {
        const { page } = s;
        await startAndDescribe(page, site.url, { area: 'Capped story', organisation: '', partners: '' });
        await new TasksPage(page).open(ui.story_heading);
        await new StoryPage(page).waitFor();
        const box = page.getByLabel(ui.story_label, { exact: true });
        await box.fill('A short story that fits.');
        await waitForSaveState(page);
        // 20,000 characters is the most a file that opens again may hold; a
        // browser maxlength would cut pasted text off without a word.
        const long = 'z'.repeat(20_001);
        await box.fill(long);
        await page
          .getByText(`${ui.error_prefix} Your story must be 20,000 characters or fewer. You have 20,001. Shorten it to save it.`, { exact: true })
          .waitFor();
        // The visible count (a polite live region says it again once typing pauses).
        await page.locator('.rts-character-count', { hasText: /^You have 1 character too many\.$/ }).waitFor();
        assert.equal(await box.inputValue(), long, 'every character typed is still in the box');
        assert.equal(await box.getAttribute('aria-invalid'), 'true');
        assert.equal(await box.getAttribute('maxlength'), null, 'nothing cuts the text off');
        await waitForSaveState(page);
        const saved = JSON.parse(await storageItem(page, PROGRESS_KEY));
        assert.equal(saved.assessment?.story ?? saved.story, 'A short story that fits.', 'the over-long text was not saved');
        // Shortened back under the limit, it is saved and the message goes.
        await box.press('Backspace');
        await waitForSaveState(page);
        assert.equal(await page.getByText(`${ui.error_prefix} Your story must`).count(), 0);
        const after = JSON.parse(await storageItem(page, PROGRESS_KEY));
        assert.equal((after.assessment?.story ?? after.story).length, 20_000);
      }));

    test('a second unreadable value does not overwrite the copy kept aside from the first', () =>
      site.withSession(async (s) => {
        const { page } = s;
        await site.seed(page, { [UNREADABLE_KEY]: 'FIRST unreadable copy', [PROGRESS_KEY]: '{SECOND unreadable copy' });
        await new StartScreen(page).goto(site.url);
        await notice(page, ui.progress_unreadable).waitFor();
        const everything = await page.evaluate(() => Object.values({ ...localStorage }).join('\n'));
        assert.ok(everything.includes('{SECOND unreadable copy'), 'the second unreadable value is kept');
        assert.ok(
          everything.includes('FIRST unreadable copy'),
          'the copy kept aside earlier is still somewhere in storage (README: "kept aside ... rather than overwritten")',
        );
      }));

    test('when the unreadable value cannot be copied aside (storage full), it is not deleted either', () =>
      site.withSession(async (s) => {
        const { page } = s;
        await site.seed(page, { [PROGRESS_KEY]: '{unreadable, and storage is full' });
        await s.context.addInitScript(() => {
          const setItem = Storage.prototype.setItem;
          Storage.prototype.setItem = function (key, value) {
            if (location.pathname !== '/blank.html') {
              throw new DOMException(`Setting the value of '${key}' exceeded the quota.`, 'QuotaExceededError');
            }
            return setItem.call(this, key, value);
          };
        });
        await new StartScreen(page).goto(site.url);
        await notice(page, ui.progress_unreadable).waitFor();
        // The app holds back from saving over the value it could not copy.
        await waitForSaveState(page, 'held');
        const everything = await page.evaluate(() => Object.values({ ...localStorage }).join('\n'));
        assert.ok(
          everything.includes('{unreadable, and storage is full'),
          `the unreadable progress is still in storage: found ${JSON.stringify(await page.evaluate(() => ({ ...localStorage })))}`,
        );
      }));
  });

  // -------------------------------------------------------------------------
  // Two tabs
  // -------------------------------------------------------------------------

  describe('two tabs and two widgets', () => {
    const otherTab = (page) => page.locator('.rts-notice').filter({ hasText: ui.from_other_tab });
    /** Saved progress, parsed. */
    const stored = async (page, key = PROGRESS_KEY) => JSON.parse(await storageItem(page, key));
    const levels = (saved, ids) => ids.map((id) => saved.answers?.[id]?.level ?? null);

    test('an answer in one tab reaches the other, with a notice, and neither tab writes back over the other', async () => {
      const s = await session();
      const { context } = s;
      const a = s.page;
      const b = await context.newPage();
      const dialogs = [];
      watchDialogs(b, dialogs);
      try {
        // Tab A answers the first question of the first theme.
        const themeA = await toFirstTheme(a, site.url, 'Two tabs');
        const [q1, q2, q3] = pack.themes[0].questions.map((q) => q.id);
        await themeA.choose(q1, 3);
        await waitForSaved(a, (f) => f.answers?.[q1]?.level === 3, 'A saved its answer');

        // Tab B opens on the saved progress (on the same page), then A
        // answers again.
        await b.goto(site.url);
        const themeB = await new ThemePage(b, pack.themes[0].id).waitFor();
        assert.equal(await themeB.chosen(q1), 3, 'B opened with A\'s saved answer');
        await waitForSaveState(a);
        await themeA.choose(q2, 4);
        await waitForSaved(a, (f) => f.answers?.[q2]?.level === 4, 'A saved its second answer');
        // B takes it up from the storage event, and says so.
        await waitUntil(async () => (await themeB.chosen(q2)) === 4, { message: 'B shows A\'s newer answer' });
        await otherTab(b).waitFor();
        assert.equal(await otherTab(b).getAttribute('role'), 'status');

        // Now B answers.
        await themeB.choose(q3, 5);
        await waitForSaved(b, (f) => f.answers?.[q3]?.level === 5, 'B saved its answer');
        await waitUntil(async () => (await themeA.chosen(q3)) === 5, { message: 'A shows B\'s answer' });
        await otherTab(a).waitFor();
        // Both tabs have nothing left to save: nothing can be written back.
        await waitForSaveState(a);
        await waitForSaveState(b);
        const saved = await stored(a);
        assert.deepEqual(levels(saved, [q1, q2, q3]), [3, 4, 5], 'storage holds every answer');

        // Reload both (A's pagehide saves at once): still every answer.
        await a.reload();
        await b.reload();
        for (const [name, page] of [['A', a], ['B', b]]) {
          const theme = await new ThemePage(page, pack.themes[0].id).waitFor();
          assert.equal(await theme.chosen(q1), 3, `${name} after reload: q1`);
          assert.equal(await theme.chosen(q2), 4, `${name} after reload: q2`);
          assert.equal(await theme.chosen(q3), 5, `${name} after reload: q3`);
        }
        await waitForSaveState(a);
        await waitForSaveState(b);
        assert.deepEqual((await stored(a)).answers, saved.answers, 'storage still holds every answer');
        assert.deepEqual([...s.dialogs, ...dialogs], []);
      } finally {
        await context.close();
      }
    });

    test('two tabs on one theme, answering different questions 100 ms apart, both keep both answers, and so does storage', async () => {
      const s = await session();
      const { context } = s;
      // When each tab last saw an answer change, to measure the gap.
      await context.addInitScript(() =>
        addEventListener('change', () => (window.__answeredAt = Date.now()), true),
      );
      const a = s.page;
      const b = await context.newPage();
      try {
        const themeA = await toFirstTheme(a, site.url, 'At the same time');
        await waitForSaveState(a);
        await b.goto(site.url);
        const themeB = await new ThemePage(b, pack.themes[0].id).waitFor();
        await waitForSaveState(b);
        const [q1, q2] = pack.themes[0].questions.map((q) => q.id);

        // The user answers in A, switches to B and answers there, before
        // either tab has saved (saves wait SAVE_DELAY_MS).
        await a.bringToFront();
        await themeA.choose(q1, 3);
        await b.bringToFront();
        await themeB.choose(q2, 4);
        const answeredAt = (page) => page.evaluate(() => window.__answeredAt);
        const gap = (await answeredAt(b)) - (await answeredAt(a));
        assert.ok(gap >= 0 && gap < SAVE_DELAY_MS, `the two answers were given ${gap} ms apart, inside the save delay`);

        await waitUntil(
          async () => (await themeA.chosen(q2)) === 4 && (await themeB.chosen(q1)) === 3,
          { message: 'each tab shows the other tab\'s answer' },
        );
        await waitForSaveState(a);
        await waitForSaveState(b);
        for (const [name, page, theme] of [['A', a, themeA], ['B', b, themeB]]) {
          assert.deepEqual([await theme.chosen(q1), await theme.chosen(q2)], [3, 4], `tab ${name} shows both answers`);
          assert.deepEqual(levels(await stored(page), [q1, q2]), [3, 4], `storage, as tab ${name} sees it, holds both`);
        }
        await a.reload();
        const again = await new ThemePage(a, pack.themes[0].id).waitFor();
        assert.deepEqual([await again.chosen(q1), await again.chosen(q2)], [3, 4], 'after a reload, both answers');
      } finally {
        await context.close();
      }
    });

    test('with the clock moved back (saved times in the future), answers given seconds apart in two tabs are all kept', async () => {
      const s = await session();
      const { context } = s;
      const a = s.page;
      try {
        const [q1, q2, q3] = pack.themes[0].questions.map((q) => q.id);
        // The first answer is given while the computer's clock is years ahead.
        await context.clock.setSystemTime(new Date('2099-01-01T00:00:00Z'));
        const themeA = await toFirstTheme(a, site.url, 'Clock moved back');
        await themeA.choose(q1, 2);
        await waitForSaveState(a);
        assert.ok((await stored(a)).updated.startsWith('2099'), 'progress was saved with a time in the future');

        // The clock is put right: every time from now on is earlier.
        await context.clock.setSystemTime(new Date());
        const b = await context.newPage();
        await b.goto(site.url);
        const themeB = await new ThemePage(b, pack.themes[0].id).waitFor();
        await waitForSaveState(b);

        await themeA.choose(q2, 3);
        await waitForSaveState(a);
        await themeB.choose(q3, 4);
        await waitForSaveState(b);
        // Changing the answer given "in 2099" works too.
        await themeB.choose(q1, 5);
        await waitForSaveState(b);

        await waitUntil(async () => (await themeA.chosen(q1)) === 5 && (await themeA.chosen(q3)) === 4, {
          message: 'A shows B\'s answers',
        });
        await waitForSaveState(a);
        for (const [name, page, theme] of [['A', a, themeA], ['B', b, themeB]]) {
          assert.deepEqual(
            [await theme.chosen(q1), await theme.chosen(q2), await theme.chosen(q3)],
            [5, 3, 4],
            `tab ${name} shows every answer`,
          );
        }
        assert.deepEqual(levels(await stored(a), [q1, q2, q3]), [5, 3, 4], 'storage holds every answer');
      } finally {
        await context.close();
      }
    });

    test('a tab that missed the other tab\'s save (throttled, no storage event) keeps its own answer and the other tab\'s', async () => {
      const s = await session();
      const { context } = s;
      const b = s.page;
      const a = await context.newPage();
      try {
        const themeB = await toFirstTheme(b, site.url, 'Missed event');
        const [q1, q2, q3] = pack.themes[0].questions.map((q) => q.id);
        await themeB.choose(q1, 2);
        await waitForSaved(b, (f) => f.answers?.[q1]?.level === 2, 'B saved');

        // Tab A: a background tab whose timers run late (its saves wait
        // 5 s, not the app's save delay) and that never hears of B's saves.
        await a.addInitScript((saveDelay) => {
          const setTimeoutBefore = window.setTimeout;
          window.setTimeout = (fn, ms, ...rest) =>
            ms === saveDelay ? setTimeoutBefore(fn, 5000, ...rest) : setTimeoutBefore(fn, ms, ...rest);
          window.addEventListener('storage', (e) => e.stopImmediatePropagation(), true);
        }, SAVE_DELAY_MS);
        await a.goto(site.url);
        const themeA = await new ThemePage(a, pack.themes[0].id).waitFor();
        await waitForSaveState(a, 'saved', { timeout: 8000 });

        // A changes an answer (its save waits 5 s); meanwhile B answers
        // another and saves first.
        await themeA.choose(q2, 1);
        await themeB.choose(q3, 5);
        await waitForSaved(b, (f) => f.answers?.[q3]?.level === 5, 'B saved its answer');
        assert.equal(await themeA.chosen(q3), null, 'A has not heard of B\'s answer');
        assert.equal((await stored(b)).answers?.[q2], undefined, 'A has not saved yet: B saved first');
        // A's late save keeps B's answer and adds its own.
        await waitForSaveState(a, 'saved', { timeout: 8000 });
        assert.deepEqual(levels(await stored(b), [q1, q2, q3]), [2, 1, 5], 'storage holds both tabs\' answers');
        // A has taken up B's answer, and says so.
        await waitUntil(async () => (await themeA.chosen(q3)) === 5, { message: 'A took up B\'s answer' });
        await otherTab(a).waitFor();
      } finally {
        await context.close();
      }
    });

    test('opening a second tab does not tell the first that its answers were replaced', async () => {
      const s = await session();
      const { context } = s;
      const a = s.page;
      try {
        // Both open at once, before either has saved anything.
        const b = await context.newPage();
        await Promise.all([new StartScreen(a).goto(site.url), new StartScreen(b).goto(site.url)]);
        // Both have saved, and so have each seen the other's blank answers.
        await waitForSaveState(a);
        await waitForSaveState(b);
        assert.equal(await otherTab(b).count(), 0, 'tab B shows no "updated from another tab" notice');
        assert.equal(await otherTab(a).count(), 0, 'tab A shows no "updated from another tab" notice though nothing was answered');
      } finally {
        await context.close();
      }
    });

    test('two widgets with the same storage key on one page both keep their answers, live and after a reload', async () => {
      pages['/host-same-key.html'] = `<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8"><title>Two widgets, one key</title></head>
<body><h1>Two widgets, one key</h1>
<ready-to-share storage-key="one-key" heading-level="1"></ready-to-share>
<ready-to-share storage-key="one-key" heading-level="1"></ready-to-share>
<script type="module" src="/embed.js"></script></body></html>`;
      const s = await session();
      const { page } = s;
      const key = 'one-key:progress:v1';
      const theme = pack.themes[0];
      const [q1, q2] = theme.questions.map((q) => q.id);
      try {
        await page.goto(`${site.origin}/host-same-key.html`);
        const widgets = [page.locator('ready-to-share').nth(0), page.locator('ready-to-share').nth(1)];
        const themes = [];
        for (const w of widgets) {
          await w.getByRole('button', { name: ui.start_button, exact: true }).click();
          await w.getByRole('button', { name: ui.save_and_continue, exact: true }).click();
          await new TasksPage(w).open(theme.title);
          themes.push(await new ThemePage(w, theme.id).waitFor());
        }
        for (const w of widgets) await waitForSaveState(w);

        // One answer in each widget, before either has saved.
        await themes[0].choose(q1, 3);
        await themes[1].choose(q2, 4);
        await waitUntil(
          async () => (await themes[0].chosen(q2)) === 4 && (await themes[1].chosen(q1)) === 3,
          { message: 'each widget shows the other\'s answer' },
        );
        for (const w of widgets) await waitForSaveState(w);
        assert.deepEqual(levels(await stored(page, key), [q1, q2]), [3, 4], 'storage holds both answers');

        await page.reload();
        for (const [i, w] of widgets.entries()) {
          const again = await new ThemePage(w, theme.id).waitFor();
          assert.deepEqual([await again.chosen(q1), await again.chosen(q2)], [3, 4], `widget ${i + 1} after a reload`);
        }
        assert.equal(await otherTab(widgets[0]).count() + (await otherTab(widgets[1]).count()), 0,
          'a reload brings no "updated" notice');
      } finally {
        await s.context.close();
      }
    });
  });

  // -------------------------------------------------------------------------
  // A panic
  // -------------------------------------------------------------------------

  describe('a panic', () => {
    const debug = useServer({ root: DIST_DEBUG, pages, build: 'trunk build --offline --release=false --dist dist-debug' });

    test('the release build does not export forcePanicForTests', () => {
      const files = readdirSync(DIST).filter((f) => /\.(js|wasm|html)$/.test(f));
      assert.ok(files.some((f) => f.endsWith('.wasm')), 'dist/ has the wasm');
      for (const f of files) {
        assert.ok(!readFileSync(join(DIST, f)).includes('forcePanicForTests'), `dist/${f} has no forcePanicForTests`);
      }
      const glue = readdirSync(DIST_DEBUG).find((f) => /^ready-to-share-[0-9a-f]+\.js$/.test(f));
      assert.ok(readFileSync(join(DIST_DEBUG, glue), 'utf8').includes('forcePanicForTests'), 'the debug build has it');
    });

    /** Calls the debug glue's forcePanicForTests in the page; returns what it threw. */
    function forcePanic(page) {
      return page.evaluate(async () => {
        const href = document.querySelector('link[rel=modulepreload]')?.href
          ?? [...performance.getEntriesByType('resource')].map((e) => e.name).find((n) => /ready-to-share-[0-9a-f]+\.js$/.test(n));
        const glue = await import(href);
        try {
          glue.forcePanicForTests();
          return 'no error';
        } catch (error) {
          return String(error);
        }
      });
    }

    test('the standalone page becomes a panel offering the answers saved a moment ago', () =>
      site.withSession(async (s) => {
        const { page } = s;
        const theme = await toFirstTheme(page, debug.server.url, 'Panic area');
        const q1 = pack.themes[0].questions[0].id;
        await theme.choose(q1, 3);
        await theme.note(q1).fill('Before the panic');
        await waitForSaveState(page);
        const thrown = await forcePanic(page);
        assert.notEqual(thrown, 'no error', 'the forced panic threw');

        const panel = page.getByRole('alert').filter({ hasText: ui.crashed_title });
        await panel.waitFor();
        assert.ok((await panel.innerText()).includes(ui.crashed_body));
        assert.equal(await panel.getAttribute('lang'), locale().language, 'marked with its language');
        assert.equal(await page.getByRole('heading', { name: pack.themes[0].title }).count(), 0, 'the widget is gone');
        const link = panel.getByRole('link', { name: ui.crashed_download, exact: true });
        const file = await downloadFile(page, () => link.click());
        assert.equal(file.name, 'ready-to-share-panic-area.json');
        const saved = JSON.parse(file.text);
        assert.equal(saved.context.area, 'Panic area');
        assert.deepEqual(saved.answers[q1], { level: 3, note: 'Before the panic' });
      }, { origin: debug.server.origin }));

    test('every embedded widget on the page becomes a panel with its own answers', async () => {
      pages['/host-two-widgets.html'] = `<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8"><title>Two widgets</title></head>
<body><h1>Two widgets</h1>
<ready-to-share storage-key="first"></ready-to-share>
<ready-to-share storage-key="second"></ready-to-share>
<script type="module" src="/embed.js"></script></body></html>`;
      const s = await session({ origin: debug.server.origin });
      const { page } = s;
      try {
        await page.goto(`${debug.server.origin}/host-two-widgets.html`);
        const widgets = [page.locator('ready-to-share').nth(0), page.locator('ready-to-share').nth(1)];
        for (const [i, w] of widgets.entries()) {
          await w.getByRole('heading', { level: 2, name: pack.start.heading, exact: true }).waitFor();
          await w.getByRole('button', { name: ui.start_button, exact: true }).click();
          await w.getByLabel(ui.about_area, { exact: true }).fill(`Widget ${i + 1}`);
        }
        for (const w of widgets) await waitForSaveState(w);
        const thrown = await page.evaluate(async () => {
          const glue = await import(new URL(document.querySelector('script[src$="embed.js"]').src).href.replace(/embed\.js$/, '') +
            [...performance.getEntriesByType('resource')].map((e) => e.name).find((n) => /ready-to-share-[0-9a-f]+\.js$/.test(n)).split('/').pop());
          try {
            glue.forcePanicForTests();
            return 'no error';
          } catch (error) {
            return String(error);
          }
        });
        assert.notEqual(thrown, 'no error');
        for (const [i, w] of widgets.entries()) {
          const panel = w.getByRole('alert').filter({ hasText: ui.crashed_title });
          await panel.waitFor();
          const file = await downloadFile(page, () =>
            panel.getByRole('link', { name: ui.crashed_download, exact: true }).click(),
          );
          assert.equal(JSON.parse(file.text).context.area, `Widget ${i + 1}`, `widget ${i + 1} offers its own answers`);
        }
      } finally {
        await s.context.close();
      }
    });
  });
});
