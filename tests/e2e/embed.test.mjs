// Embedding: the <ready-to-share> element (embed.js) on a host page of
// another origin, and the iframe alternative (frame.html). The host page is
// served from http://127.0.0.1:<host port>; the built site (dist/, with
// Access-Control-Allow-Origin: *) from http://localhost:<dist port>, so the
// two are different origins, as on a partner's site.
//
// Covered: the host page's hostile CSS does not reach the widget and the
// widget's does not reach the host; heading levels; the widget leaves the
// host's address, title and scroll position alone and leaves nothing behind
// when removed; two widgets keep separate answers and ids; the accent
// colour; the ready-to-share:complete event; partner content packs, good
// and broken; the iframe's resize messages; axe inside the shadow root.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { contentPack, describeViolations, missingAxePasses, runAxe } from './helpers.mjs';
import { fill, locale, waitUntil } from './support.mjs';
import { useHostPages, useSite } from './fixtures.mjs';

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
const pack = contentPack();
const { ui } = locale();
/** The partner pack fixture (fixtures/pack.json): valid, with its own start heading. */
const partnerPack = JSON.parse(readFileSync(new URL('./fixtures/pack.json', import.meta.url), 'utf8'));

/** The host page's CSS: as hostile as a real site's can be. */
const HOSTILE_CSS = `
  * { font-family: "Comic Sans MS" !important; color: red !important; letter-spacing: 3px !important;
      box-sizing: content-box !important; }
  html { font-size: 10px; }
  button { background: hotpink !important; }
  .rts-app { background: black !important; font-size: 30px !important; padding: 0 !important;
             line-height: 3 !important; }
  .rts-heading { color: lime !important; font-size: 8px !important; font-weight: 100 !important; }
  .rts-button { background: rgb(1, 2, 3) !important; padding: 1px 2px !important;
                text-transform: uppercase !important; }
  .rts-body { color: blue !important; font-size: 40px !important; }
  ready-to-share { font-size: 50px !important; line-height: 5 !important; text-transform: uppercase !important; }
`;

/** What is compared between the widget and the standalone page. */
const STYLE_PROPERTIES = [
  'color',
  'font-family',
  'font-size',
  'font-weight',
  'line-height',
  'letter-spacing',
  'text-transform',
  'background-color',
  'box-sizing',
  'padding-top',
  'padding-right',
  'padding-bottom',
  'padding-left',
];

/** Computed styles of the element a locator finds. */
function computedStyles(locator) {
  return locator.evaluate(
    (el, properties) => {
      const style = getComputedStyle(el);
      return Object.fromEntries(properties.map((p) => [p, style.getPropertyValue(p)]));
    },
    STYLE_PROPERTIES,
  );
}

/** The label of a level radio, such as "4 Established". */
const levelName = (level) => `${level} ${pack.scale[level - 1]}`;

/**
 * One <ready-to-share> on a host page. Playwright's locators pierce open
 * shadow roots, so roles and labels work as on any page.
 */
class Widget {
  constructor(page, selector = 'ready-to-share', level = 2) {
    this.page = page;
    this.selector = selector;
    this.el = page.locator(selector);
    this.level = level;
  }

  /** Waits until the widget has rendered inside its shadow root. */
  async rendered() {
    await this.el.locator('.rts-app').waitFor({ state: 'visible' });
    return this;
  }

  /** The page heading (level `this.level`) of the current step. */
  heading(name) {
    return this.el.getByRole('heading', { level: this.level, name, exact: true });
  }

  button(name) {
    return this.el.getByRole('button', { name, exact: true });
  }

  async waitForHeading(name) {
    await this.heading(name).waitFor({ state: 'visible' });
  }

  /** Start now, then "About your area". */
  async startNow() {
    await this.button(ui.start_button).click();
    await this.waitForHeading(ui.about_heading);
  }

  /** From "About your area" to the task list. */
  async aboutToTasks() {
    await this.button(ui.save_and_continue).click();
    await this.waitForHeading(ui.tasks_heading);
  }

  /** From the task list to a theme (by index in `thePack`). */
  async openTheme(index, thePack = pack) {
    const theme = thePack.themes[index];
    await this.el.getByRole('listitem').getByRole('button', { name: theme.title, exact: true }).click();
    await this.waitForHeading(theme.title);
  }

  radio(question, level) {
    return this.el.getByRole('group', { name: question.text }).getByRole('radio', { name: levelName(level), exact: true });
  }

  async choose(question, level) {
    await this.radio(question, level).check();
  }

  /** Runs fn(the <ready-to-share> element) inside the page; it reads el.shadowRoot. */
  inShadow(fn) {
    return this.el.evaluate(fn);
  }
}

/** Whether localStorage's saved progress for a storage key holds `text`. */
function saved(page, storageKey, text) {
  return page.evaluate(
    ([key, wanted]) => (localStorage.getItem(key) ?? '').includes(wanted),
    [`${storageKey}:progress:v1`, text],
  );
}

describe('embedding', () => {
  const site = useSite({ cors: true });
  const host = useHostPages({ root: FIXTURES, mounts: { '/fixtures/': FIXTURES } });
  // Another origin for the same files: localhost is not 127.0.0.1.
  const distOrigin = () => `http://localhost:${site.port}`;

  /**
   * Serves a host page (with the hostile CSS unless `hostile` is false) at a
   * new address on the host origin, and returns that address.
   */
  const hostPage = ({ head = '', hostile = true, embed = true, ...page }) =>
    host.add({
      ...page,
      head: `<meta name="viewport" content="width=device-width, initial-scale=1" />
    ${hostile ? `<style>${HOSTILE_CSS}</style>` : ''}
    ${head}`,
      embedFrom: embed ? distOrigin() : null,
    });

  /** A fresh context whose pages may load from the host and dist origins only. */
  const options = () => ({ origin: host.origin, allow: [distOrigin()] });
  const session = () => site.session(options());
  /** Runs `run(session)` in such a context, and closes it. */
  const withSession = (run) => site.withSession(run, options());

  /** Nothing went wrong that the page could see. */
  function expectClean(s, { allowErrors = () => false } = {}) {
    assert.deepEqual(s.foreignRequests, [], 'no request left the two test origins');
    assert.deepEqual(s.dialogs, [], 'no dialog opened');
    assert.deepEqual(
      s.errors.filter((e) => !allowErrors(e)),
      [],
      'no errors logged',
    );
  }

  test('the host page\'s CSS does not reach the widget, and the widget\'s does not reach the host', () =>
    withSession(async (s) => {
      const { page } = s;
      // The standalone page, as the reference.
      await page.goto(`${distOrigin()}/index.html`);
      const standalone = new Widget(page, 'main#rts-root', 1);
      await standalone.waitForHeading(pack.start.heading);
      const reference = {
        app: await computedStyles(page.locator('.rts-app')),
        heading: await computedStyles(standalone.heading(pack.start.heading)),
        paragraph: await computedStyles(page.locator('.rts-start > p.rts-body').first()),
        button: await computedStyles(standalone.button(ui.start_button)),
      };

      await page.goto(
        hostPage({
          body: `<h1 id="host-heading">A partner's page</h1>
            <p id="host-text">The host's own paragraph.</p>
            <button type="button" class="rts-button" id="host-button">The host's own button</button>
            <ready-to-share storage-key="host-a"></ready-to-share>`,
        }),
      );
      const widget = await new Widget(page).rendered();
      await widget.waitForHeading(pack.start.heading);
      const embedded = {
        app: await computedStyles(widget.el.locator('.rts-app')),
        heading: await computedStyles(widget.heading(pack.start.heading)),
        paragraph: await computedStyles(widget.el.locator('.rts-start > p.rts-body').first()),
        button: await computedStyles(widget.button(ui.start_button)),
      };
      for (const part of Object.keys(reference)) {
        assert.deepEqual(embedded[part], reference[part], `the widget's ${part} looks as on the standalone page`);
      }

      // The host's own elements keep the host's styles.
      const hostHeading = await computedStyles(page.locator('#host-heading'));
      assert.match(hostHeading['font-family'], /Comic Sans MS/);
      assert.equal(hostHeading.color, 'rgb(255, 0, 0)');
      assert.equal(hostHeading['letter-spacing'], '3px');
      assert.equal(hostHeading['box-sizing'], 'content-box');
      assert.equal(hostHeading['font-size'], '20px', 'the host h1 is 2em of its 10px root');
      const hostButton = await computedStyles(page.locator('#host-button'));
      assert.equal(hostButton['background-color'], 'rgb(1, 2, 3)', "the host's .rts-button keeps its background");
      assert.equal(hostButton['padding-top'], '1px');
      assert.equal(hostButton['padding-left'], '2px');
      assert.equal(hostButton['text-transform'], 'uppercase');
      assert.equal(hostButton['letter-spacing'], '3px');
      const hostRoot = await page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
      assert.equal(hostRoot, '10px', "the host's root font size is the host's");
      // The widget's stylesheet is inside the shadow root, not on the host page.
      assert.equal(
        await page.evaluate(() => document.querySelectorAll('link[rel="stylesheet"]').length),
        0,
        'the widget added no stylesheet to the host document',
      );
      expectClean(s);
    }));

  test('the widget\'s top heading is an h2 by default, and heading-level="3" makes it an h3', () =>
    withSession(async (s) => {
      const { page } = s;
      await page.goto(
        hostPage({
          body: `<h1>Partner page</h1>
            <section id="two"><ready-to-share storage-key="level-default"></ready-to-share></section>
            <section id="three"><ready-to-share storage-key="level-three" heading-level="3"></ready-to-share></section>`,
        }),
      );
      const two = await new Widget(page, '#two ready-to-share', 2).rendered();
      const three = await new Widget(page, '#three ready-to-share', 3).rendered();

      await two.waitForHeading(pack.start.heading);
      assert.equal(await two.el.getByRole('heading', { level: 1 }).count(), 0, 'no h1 in the widget');
      assert.equal(
        await two.el.getByRole('heading', { level: 3, name: ui.open_heading, exact: true }).count(),
        1,
        'its sections are h3',
      );

      await three.waitForHeading(pack.start.heading);
      assert.equal(await three.el.getByRole('heading', { level: 2 }).count(), 0, 'no h2 in the level-3 widget');
      assert.equal(
        await three.el.getByRole('heading', { level: 4, name: ui.open_heading, exact: true }).count(),
        1,
        'its sections are h4',
      );
      // And after a step, the new page's heading keeps the level.
      await three.startNow();
      assert.equal(await three.el.locator('h3.rts-page-heading').textContent(), ui.about_heading);
      expectClean(s);
    }));

  test('the widget leaves the host page\'s address, title, history and scroll position alone', () =>
    withSession(async (s) => {
      const { page } = s;
      const url = hostPage({
        title: 'Partner page title',
        body: `<h1>Partner page</h1>
          <div style="height: 1500px">Spacer above the widget</div>
          <ready-to-share storage-key="scroll-test"></ready-to-share>
          <div style="height: 3000px">Spacer below, so the page never gets too short to keep its scroll position</div>`,
      });
      await page.goto(url);
      const widget = await new Widget(page).rendered();
      const before = await page.evaluate(() => ({ href: location.href, title: document.title, history: history.length }));

      const start = widget.button(ui.start_button);
      await start.scrollIntoViewIfNeeded();
      const scrolled = await page.evaluate(() => window.scrollY);
      assert.ok(scrolled > 1000, `the host page is scrolled (scrollY ${scrolled})`);
      await start.click();
      await widget.waitForHeading(ui.about_heading);
      // Let any scrolling the widget does (focus, smooth scroll) happen.
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      const afterStart = await page.evaluate(() => ({
        href: location.href,
        title: document.title,
        history: history.length,
        scrollY: window.scrollY,
      }));
      assert.equal(afterStart.href, before.href, 'the address is unchanged');
      assert.equal(afterStart.title, before.title, 'the title is unchanged');
      assert.equal(afterStart.history, before.history, 'no history entry was added');
      // Focus moves to the new page's heading. The host page may scroll only
      // as far as it takes to bring that heading into view: never to the top
      // of the host page, and not at all when the heading is already visible.
      const heading = await page.evaluate(() => {
        const widget = document.querySelector('ready-to-share');
        const h = widget.shadowRoot.querySelector('.rts-page-heading');
        const box = h.getBoundingClientRect();
        return { top: box.top, bottom: box.bottom, focused: widget.shadowRoot.activeElement === h };
      });
      assert.ok(heading.focused, 'focus is on the new heading');
      const viewport = await page.evaluate(() => innerHeight);
      assert.ok(heading.top >= -1 && heading.bottom <= viewport + 1, `the new heading is in view (${JSON.stringify(heading)}, viewport ${viewport}, scrollY ${afterStart.scrollY} from ${scrolled})`);
      assert.ok(afterStart.scrollY > 1000, `the host page was not scrolled to its top (scrollY ${afterStart.scrollY})`);
      assert.ok(Math.abs(afterStart.scrollY - scrolled) <= 1500, 'the scroll moved only as far as the widget');
      // The About heading is in view now. Going back puts the start page's
      // heading at the same place, already in view: nothing may scroll.
      // (Clicked in the page, because Playwright's click scrolls by itself.)
      // Scroll the host up a little, so the start page's heading (which sits
      // a little higher, with no back link above it) is in view too.
      const visibleAlready = await page.evaluate(() => {
        window.scrollBy(0, -200);
        return window.scrollY;
      });
      await page.evaluate((label) => {
        const root = document.querySelector('ready-to-share').shadowRoot;
        [...root.querySelectorAll('button')].find((b) => b.textContent.trim() === label).click();
      }, ui.back);
      await widget.waitForHeading(pack.start.heading);
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      assert.equal(await page.evaluate(() => window.scrollY), visibleAlready,
        'no scroll when the new heading is already in view');
      await widget.button(ui.start_button).click();
      await widget.waitForHeading(ui.about_heading);

      // A few more steps: still no change to the address, title or history.
      await widget.aboutToTasks();
      await widget.button(ui.back).click();
      await widget.waitForHeading(pack.start.heading);
      const end = await page.evaluate(() => ({ href: location.href, title: document.title, history: history.length }));
      assert.deepEqual(end, before, 'address, title and history are unchanged after more steps');
      expectClean(s);
    }));

  test('a removed widget leaves nothing behind, and another widget on the page still works', () =>
    withSession(async (s) => {
      const { page } = s;
      await page.goto(hostPage({ body: '<h1>Partner page</h1><div id="slot"></div>' }));
      await page.evaluate(() => customElements.whenDefined('ready-to-share'));

      // Event listeners on window and document, read through the DevTools protocol.
      const cdp = await s.context.newCDPSession(page);
      const listeners = async () => {
        const out = {};
        for (const target of ['window', 'document']) {
          const { result } = await cdp.send('Runtime.evaluate', { expression: target });
          const { listeners: found } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
          out[target] = found.map((l) => l.type).sort();
        }
        return out;
      };
      const baseline = await listeners();

      await page.evaluate(() => {
        for (const key of ['remove-a', 'remove-b']) {
          const element = document.createElement('ready-to-share');
          element.id = key;
          element.setAttribute('storage-key', key);
          document.getElementById('slot').append(element);
        }
      });
      const a = await new Widget(page, '#remove-a').rendered();
      const b = await new Widget(page, '#remove-b').rendered();
      // Each widget saves when the page is hidden, so it listens on window.
      await waitUntil(async () => (await listeners()).window.length > baseline.window.length, {
        message: "the widgets' own listeners are visible to the test",
      });
      await a.startNow();

      // Remove the first; keep a reference to look inside it afterwards.
      await page.evaluate(() => {
        window.removedWidget = document.getElementById('remove-a');
        window.removedWidget.remove();
      });
      const leftover = await page.evaluate(() => {
        const root = window.removedWidget.shadowRoot;
        return {
          app: root.querySelectorAll('.rts-app').length,
          text: root.textContent.trim(),
        };
      });
      assert.equal(leftover.app, 0, 'the removed widget no longer renders anything');
      assert.equal(leftover.text, '', 'the removed shadow root holds no text');

      // The other widget still navigates.
      await b.startNow();
      await b.aboutToTasks();

      // Remove the second too: every listener on window and document is gone.
      await page.evaluate(() => document.getElementById('remove-b').remove());
      assert.deepEqual(await listeners(), baseline, 'window and document have the listeners they had before');

      // Put the first back: it renders again, with its own progress.
      await page.evaluate(() => document.getElementById('slot').append(window.removedWidget));
      await a.rendered();
      await a.el.getByRole('heading', { level: 2 }).first().waitFor();
      expectClean(s);
    }));

  test('a change made just before the widget is removed is kept', () =>
    withSession(async (s) => {
      const { page } = s;
      await page.goto(hostPage({ body: '<h1>Partner page</h1><div id="slot"><ready-to-share storage-key="flush-test"></ready-to-share></div>' }));
      const widget = await new Widget(page).rendered();
      await widget.startNow();
      // A host that swaps its content (a single-page app changing route, a
      // dialog closing) removes the widget straight after the user typed.
      await widget.el.getByLabel(ui.about_area, { exact: true }).fill('Flushshire');
      await page.evaluate(() => {
        window.removedWidget = document.querySelector('ready-to-share');
        window.removedWidget.remove();
      });
      const progress = await page.evaluate(() => localStorage.getItem('flush-test:progress:v1'));
      assert.ok(
        progress?.includes('Flushshire'),
        `the area typed just before removal was saved as the widget went (saved: ${progress})`,
      );
      // Put back, it shows the same step with the same text.
      await page.evaluate(() => document.getElementById('slot').append(window.removedWidget));
      await widget.waitForHeading(ui.about_heading);
      assert.equal(await widget.el.getByLabel(ui.about_area, { exact: true }).inputValue(), 'Flushshire');
      expectClean(s);
    }));

  test('two widgets with different storage keys keep separate answers, and their ids do not collide', () =>
    withSession(async (s) => {
      const { page } = s;
      await page.goto(
        hostPage({
          body: `<h1>Two widgets</h1>
            <ready-to-share id="pair-a" storage-key="pair-a"></ready-to-share>
            <ready-to-share id="pair-b" storage-key="pair-b"></ready-to-share>`,
        }),
      );
      const a = await new Widget(page, '#pair-a').rendered();
      const b = await new Widget(page, '#pair-b').rendered();
      const question = pack.themes[0].questions[0];

      await a.startNow();
      await a.aboutToTasks();
      await a.openTheme(0);
      await a.choose(question, 3);
      await b.startNow();
      await waitUntil(() => saved(page, 'pair-a', question.id), { timeout: 3000, message: 'widget A saved its answer' });
      await waitUntil(() => page.evaluate(() => localStorage.getItem('pair-b:step:v1') === 'about'), {
        timeout: 3000,
        message: 'widget B saved its step',
      });

      // Ids: every label's `for` and every aria-describedby points into its own widget.
      const ids = async (widget) =>
        widget.inShadow((host) => {
          const root = host.shadowRoot;
          const all = [...root.querySelectorAll('[id]')].map((e) => e.id);
          const dangling = [];
          for (const label of root.querySelectorAll('label[for]')) {
            if (!root.getElementById(label.htmlFor)) dangling.push(`label for=${label.htmlFor}`);
            if (document.getElementById(label.htmlFor)) dangling.push(`label for=${label.htmlFor} is in the host document`);
          }
          for (const el of root.querySelectorAll('[aria-describedby], [aria-labelledby]')) {
            const refs = `${el.getAttribute('aria-describedby') ?? ''} ${el.getAttribute('aria-labelledby') ?? ''}`;
            for (const id of refs.split(/\s+/).filter(Boolean)) {
              if (!root.getElementById(id)) dangling.push(`aria reference ${id}`);
            }
          }
          // A label's control is found in its own widget: clicking it works.
          const labelled = [...root.querySelectorAll('label[for]')].filter((l) => l.control?.getRootNode() !== root);
          for (const l of labelled) dangling.push(`label for=${l.htmlFor} controls an element outside`);
          return { all, dangling, labels: root.querySelectorAll('label[for]').length };
        });
      const idsA = await ids(a);
      const idsB = await ids(b);
      assert.ok(idsA.labels > 5 && idsB.labels > 5, 'both widgets show labelled fields (a theme page and About)');
      assert.deepEqual(idsA.dangling, [], 'widget A: every reference resolves inside widget A');
      assert.deepEqual(idsB.dangling, [], 'widget B: every reference resolves inside widget B');
      const shared = idsA.all.filter((id) => idsB.all.includes(id));
      assert.deepEqual(shared, [], 'no id is used in both widgets');
      assert.equal(new Set(idsA.all).size, idsA.all.length, 'widget A has no duplicate ids');
      assert.equal(new Set(idsB.all).size, idsB.all.length, 'widget B has no duplicate ids');

      // Clicking a label in B checks B's control, not A's.
      await b.el.getByLabel(pack.policy_areas[0].label, { exact: true }).check();
      assert.equal(await b.el.getByRole('checkbox', { name: pack.policy_areas[0].label }).isChecked(), true);
      assert.equal(await a.radio(question, 3).isChecked(), true, "widget A's answer is untouched");

      await page.reload();
      await a.rendered();
      await b.rendered();
      // A comes back on its theme page with its answer...
      await a.waitForHeading(pack.themes[0].title);
      assert.equal(await a.radio(question, 3).isChecked(), true, 'widget A still has its answer after a reload');
      // ...and B, which answered no question, has none: it is back on About.
      await b.waitForHeading(ui.about_heading);
      const progressB = JSON.parse(await page.evaluate(() => localStorage.getItem('pair-b:progress:v1')));
      assert.deepEqual(Object.keys(progressB.answers ?? {}), [], "widget B's saved progress has no answers");
      await b.aboutToTasks();
      const total = pack.themes.reduce((n, t) => n + t.questions.length, 0);
      await b.el.getByText(fill(ui.tasks_progress, { answered: 0, total }), { exact: true }).waitFor();
      await b.openTheme(0);
      for (const level of [1, 2, 3, 4, 5]) {
        assert.equal(await b.radio(question, level).isChecked(), false, `widget B has no answer (level ${level})`);
      }
      expectClean(s);
    }));

  test('accent="#8b0000" sets the accent colour; a hostile accent is ignored', () =>
    withSession(async (s) => {
      const { page } = s;
      await page.goto(
        hostPage({
          body: `<h1 id="host-heading">Accent</h1>
            <ready-to-share id="dark-red" storage-key="accent-good" accent="#8b0000"></ready-to-share>
            <ready-to-share id="hostile" storage-key="accent-bad" accent="red;} body{display:none"></ready-to-share>
            <ready-to-share id="plain" storage-key="accent-none"></ready-to-share>`,
        }),
      );
      const accentOf = (widget) =>
        widget.inShadow((host) => getComputedStyle(host.shadowRoot.querySelector('.rts-app')).getPropertyValue('--rts-accent').trim());
      const darkRed = await new Widget(page, '#dark-red').rendered();
      const hostile = await new Widget(page, '#hostile').rendered();
      const plain = await new Widget(page, '#plain').rendered();
      const standard = await accentOf(plain);
      assert.equal(standard, '#1d70b8', 'the standard accent');
      assert.equal(await accentOf(darkRed), '#8b0000');
      assert.equal(await accentOf(hostile), standard, 'the hostile value is ignored');
      assert.equal(
        await hostile.inShadow((host) => host.shadowRoot.querySelector('.rts-app').getAttribute('style')),
        null,
        'the hostile value is not written into a style attribute',
      );
      assert.equal(await page.evaluate(() => getComputedStyle(document.body).display), 'block', 'the host body still shows');
      await hostile.heading(pack.start.heading).waitFor({ state: 'visible' });
      await page.locator('#host-heading').waitFor({ state: 'visible' });

      // The summary's band panel uses the accent.
      await darkRed.startNow();
      await darkRed.aboutToTasks();
      await darkRed.button(ui.see_summary).click();
      await darkRed.waitForHeading(locale().report.title);
      const panel = await darkRed.inShadow((host) => getComputedStyle(host.shadowRoot.querySelector('.rts-panel')).backgroundColor);
      assert.equal(panel, 'rgb(139, 0, 0)', 'the band panel is dark red');
      expectClean(s);
    }));

  test('ready-to-share:complete reaches a host page that asked (results-event) with scores and band, and no free text', () =>
    withSession(async (s) => {
      const { page } = s;
      const MARKER = 'ZQX-marker-4417';
      await page.goto(
        hostPage({
          body: `<h1>Complete</h1><ready-to-share storage-key="complete-test" results-event></ready-to-share>`,
          head: `<script>
            window.completeEvents = [];
            document.addEventListener('ready-to-share:complete', (event) => {
              window.completeEvents.push({
                target: event.target.tagName,
                detail: JSON.parse(JSON.stringify(event.detail)),
                raw: JSON.stringify(event.detail),
              });
            });
          </script>`,
        }),
      );
      const widget = await new Widget(page).rendered();
      await widget.startNow();
      await widget.el.getByLabel(ui.about_area, { exact: true }).fill(`${MARKER} area`);
      await widget.el.getByLabel(ui.about_organisation, { exact: true }).fill(`${MARKER} organisation`);
      await widget.el.getByLabel(ui.about_partners, { exact: true }).fill(`${MARKER} partners`);
      await widget.aboutToTasks();
      await widget.openTheme(0);
      // One answer per theme, at Established (75), with a note on the first.
      for (const [index, theme] of pack.themes.entries()) {
        await widget.waitForHeading(theme.title);
        await widget.choose(theme.questions[0], 4);
        if (index === 0) await widget.el.getByRole('textbox', { name: ui.note_label }).first().fill(`${MARKER} note`);
        await widget.button(ui.save_and_continue).click();
      }
      await widget.waitForHeading(ui.check_heading);
      assert.deepEqual(await page.evaluate(() => window.completeEvents), [], 'no event before the summary');
      await widget.button(ui.continue_button).click();
      await widget.waitForHeading(ui.story_heading);
      await widget.el.getByLabel(ui.story_label, { exact: true }).fill(`${MARKER} story`);
      await widget.button(ui.see_summary).click();
      await widget.waitForHeading(fill(locale().report.title_for_area, { area: `${MARKER} area` }));

      const events = await waitUntil(async () => {
        const e = await page.evaluate(() => window.completeEvents);
        return e.length > 0 && e;
      }, { message: 'the complete event arrived' });
      assert.equal(events.length, 1, 'one event');
      const [{ target, detail, raw }] = events;
      assert.equal(target, 'READY-TO-SHARE', 'the event comes from the widget element');
      assert.deepEqual(
        detail.themes.map((t) => t.id),
        pack.themes.map((t) => t.id),
        'every theme, by id, in pack order',
      );
      for (const theme of detail.themes) {
        assert.equal(theme.score, 75, `theme ${theme.id} scores 75`);
      }
      assert.equal(detail.overall, 75);
      assert.equal(detail.band, 'ready-and-improving', '75 or more is "Ready and improving"');
      assert.ok(!raw.includes(MARKER), `the detail holds no free text: ${raw}`);
      expectClean(s);
    }));

  /** Whether `text` (a start page's words) says results are sent anywhere. */
  const mentionsResults = (text) =>
    text.includes(ui.results_event_notice) || /\b(told|sent|gets|receives?)\b[^.]*\b(summary|results|scores?|band)\b/i.test(text);

  test('the results event is off unless the host asks: without results-event nothing arrives on reaching the summary and the start page does not mention it; with it, it arrives and the start page says so', () =>
    withSession(async (s) => {
      const { page } = s;
      await page.goto(
        hostPage({
          hostile: false,
          body: `<h1>Results</h1>
            <ready-to-share id="quiet" storage-key="results-off"></ready-to-share>
            <ready-to-share id="told" storage-key="results-on" results-event></ready-to-share>`,
          head: `<script>
            window.completeEvents = [];
            document.addEventListener('ready-to-share:complete', (event) => window.completeEvents.push(event.target.id));
          </script>`,
        }),
      );
      const quiet = await new Widget(page, '#quiet').rendered();
      const told = await new Widget(page, '#told').rendered();
      await quiet.waitForHeading(pack.start.heading);
      await told.waitForHeading(pack.start.heading);
      // Every word of the start page, the closed privacy details included.
      const startText = (widget) => widget.inShadow((host) => host.shadowRoot.querySelector('.rts-start').textContent);
      const quietStart = await startText(quiet);
      const toSummary = async (widget) => {
        await widget.startNow();
        await widget.aboutToTasks();
        await widget.button(ui.see_summary).click();
        await widget.waitForHeading(locale().report.title);
      };

      // The widget that was not asked reaches the summary first: anything it
      // sent would arrive before the other's event.
      await toSummary(quiet);
      assert.deepEqual(await page.evaluate(() => window.completeEvents), [], 'nothing sent without results-event');
      assert.equal(await quiet.el.getByText(ui.results_event_sent, { exact: true }).count(), 0, 'and the summary says nothing was');
      assert.equal(mentionsResults(quietStart), false, `without results-event, the start page mentions no results sent: ${quietStart}`);

      await told.el.getByText(ui.results_event_notice, { exact: true }).waitFor();
      const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8').replace(/\s+/g, ' ');
      assert.ok(readme.includes(`"${ui.results_event_notice}"`), 'the README quotes the start page\'s words');
      await toSummary(told);
      await told.el.getByText(ui.results_event_sent, { exact: true }).waitFor();
      const events = await waitUntil(async () => {
        const e = await page.evaluate(() => window.completeEvents);
        return e.length > 0 && e;
      }, { message: 'the event from the widget with results-event' });
      assert.deepEqual(events, ['told'], 'only the widget whose host asked sent the results');
      expectClean(s);
    }));

  test('the iframe page sends the results to its parent only when its address asks (results-event)', () =>
    withSession(async (s) => {
      const { page } = s;
      const frameStyle = 'display: block; width: 100%; height: 900px; border: 0';
      await page.goto(
        hostPage({
          hostile: false,
          embed: false,
          body: `<h1>Iframe host</h1>
            <iframe id="quiet" src="${distOrigin()}/frame.html?storage-key=frame-results-off" title="Ready to Share" style="${frameStyle}"></iframe>
            <iframe id="told" src="${distOrigin()}/frame.html?storage-key=frame-results-on&amp;results-event" title="Ready to Share, results sent" style="${frameStyle}"></iframe>
            <script>
              window.completeMessages = [];
              window.addEventListener('message', (event) => {
                if (event.data?.type !== 'ready-to-share:complete') return;
                const frame = [...document.querySelectorAll('iframe')].find((f) => f.contentWindow === event.source);
                window.completeMessages.push({ from: frame?.id, origin: event.origin, detail: event.data.detail });
              });
            </script>`,
        }),
      );
      for (const id of ['quiet', 'told']) {
        const frame = page.frameLocator(`#${id}`);
        const heading = (name) => {
          const locator = frame.getByRole('heading', { level: 1, name, exact: true });
          // A timeout says what the frame showed instead.
          return {
            waitFor: () =>
              locator.waitFor().catch(async (error) => {
                const shown = await frame.locator('h1, h2, [role="alert"]').allInnerTexts().catch(() => []);
                throw new Error(`${id}: no heading "${name}"; the frame shows ${JSON.stringify(shown)}`, { cause: error });
              }),
          };
        };
        await heading(pack.start.heading).waitFor();
        const notice = frame.getByText(ui.results_event_notice, { exact: true });
        assert.equal(await notice.count(), id === 'told' ? 1 : 0, `${id}: the start page says whether results are sent`);
        await frame.getByRole('button', { name: ui.start_button, exact: true }).click();
        await heading(ui.about_heading).waitFor();
        await frame.getByRole('button', { name: ui.save_and_continue, exact: true }).click();
        await heading(ui.tasks_heading).waitFor();
        await frame.getByRole('button', { name: ui.see_summary, exact: true }).click();
        await heading(locale().report.title).waitFor();
        if (id === 'quiet') {
          assert.deepEqual(await page.evaluate(() => window.completeMessages), [], 'nothing sent without results-event');
        }
      }
      const messages = await waitUntil(async () => {
        const m = await page.evaluate(() => window.completeMessages);
        return m.length > 0 && m;
      }, { message: 'the results message from the frame with results-event' });
      assert.deepEqual(messages.map((m) => [m.from, m.origin]), [['told', distOrigin()]]);
      assert.deepEqual(
        messages[0].detail.themes.map((t) => t.id),
        pack.themes.map((t) => t.id),
        'the scores of every theme',
      );
      expectClean(s);
    }));

  describe('partner content packs', () => {
    const packUrl = (name) => `${host.origin}/fixtures/${name}`;

    async function showPack(name) {
      const s = await session();
      await s.page.goto(
        hostPage({
          body: `<h1>Partner pack</h1><ready-to-share storage-key="pack-${name}" content-pack="${packUrl(name)}"></ready-to-share>`,
        }),
      );
      const widget = await new Widget(s.page).rendered();
      return { s, widget };
    }

    /** The warning that the partner's pack could not be used. */
    const notice = (widget) =>
      widget.el.getByRole('status').filter({ hasText: fill(ui.partner_pack_failed, { source: '' }).split(' could')[0] });

    async function expectFallback(name, problem) {
      const { s, widget } = await showPack(name);
      try {
        await widget.waitForHeading(pack.start.heading);
        const warning = notice(widget);
        await warning.waitFor({ state: 'visible' });
        const text = (await warning.innerText()).replace(/\s+/g, ' ');
        assert.ok(
          text.includes(fill(ui.partner_pack_failed, { source: packUrl(name) })),
          `the notice names the pack's address: ${text}`,
        );
        assert.match(text, problem, 'the notice says what is wrong');
        return s;
      } catch (error) {
        await s.context.close();
        throw error;
      }
    }

    test('the partnership view, fetched for the element when opened, has the partner pack too', async () => {
      const { s, widget } = await showPack('pack.json');
      try {
        await widget.waitForHeading(partnerPack.start.heading);
        const press = async (name) => {
          await widget.el.getByRole('button', { name, exact: true }).focus();
          await s.page.keyboard.press('Enter');
        };
        await press(ui.partnership_button);
        await widget.el.getByLabel(ui.partnership_files_label, { exact: true }).waitFor();
        // Back in the whole app: its start page is the partner's.
        await press(ui.back);
        await widget.waitForHeading(partnerPack.start.heading);
        assert.equal(await notice(widget).count(), 0, 'no warning');
      } finally {
        await s.context.close();
      }
    });

    test('a valid pack replaces the built-in questions', async () => {
      const { s, widget } = await showPack('pack.json');
      try {
        await widget.waitForHeading(partnerPack.start.heading);
        assert.notEqual(partnerPack.start.heading, pack.start.heading);
        await widget.el.getByText(partnerPack.start.paragraphs[0], { exact: true }).waitFor();
        assert.equal(await notice(widget).count(), 0, 'no warning');
        await widget.startNow();
        await widget.aboutToTasks();
        await widget.openTheme(0, partnerPack);

        // A pack in the first format, with one step for levels 3 and 4
        // (act_if_3_or_4) and no guidance, still gives every action.
        const [sponsor, plan] = partnerPack.themes[0].questions;
        const [know] = partnerPack.themes[1].questions;
        await widget.choose(sponsor, 3);
        await widget.choose(plan, 4);
        await widget.button(ui.save_and_continue).click();
        await widget.waitForHeading(partnerPack.themes[1].title);
        await widget.choose(know, 2);
        await widget.button(ui.save_and_continue).click();
        await widget.waitForHeading(ui.check_heading);
        await widget.button(ui.continue_button).click();
        await widget.waitForHeading(ui.story_heading);
        await widget.button(ui.see_summary).click();
        await widget.waitForHeading(locale().report.title);
        // The priority actions are the action plan's items (no "not sure"
        // answers here, so no "find out" ones).
        await widget.el.getByRole('heading', { name: locale().plan.heading, exact: true }).waitFor();
        const actions = widget.el.locator('.rts-plan__list > li');
        await actions.first().waitFor();
        const texts = await actions.evaluateAll((items) =>
          items.map((li) =>
            [li.querySelector('.rts-plan__action'), li.querySelector('.rts-plan__why'), li.querySelector('.rts-actions__guides')]
              .map((el) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim())
              .filter(Boolean)
              .join(' '),
          ),
        );
        assert.equal(texts.length, 3, 'an action for each answer below Embedded');
        // Level 2 first, then the level 3 and 4 answers (leadership, 62.5, is the stronger theme).
        assert.ok(texts[0].startsWith(know.act_if_1_or_2), texts[0]);
        assert.ok(texts[1].startsWith(sponsor.act_if_3_or_4), texts[1]);
        assert.ok(texts[2].startsWith(plan.act_if_3_or_4), texts[2]);
        assert.ok(texts.every((t) => !t.includes(locale().report.guidance_label)), 'no guidance line when the pack has none');
        // 62.5 and 25: 43.75, shown 44, "Making progress".
        await widget.el.getByText(fill(locale().report.overall_score, { score: 44 }), { exact: true }).waitFor();
        await widget.el.getByText(locale().bands.making_progress, { exact: true }).waitFor();
        expectClean(s);
      } finally {
        await s.context.close();
      }
    });

    test('a pack with a missing level descriptor falls back, naming the field', async () => {
      const s = await expectFallback(
        'pack-missing-level.json',
        /question "lead-plan": field "levels\.established": the descriptor for level 4 is missing/,
      );
      try {
        expectClean(s);
      } finally {
        await s.context.close();
      }
    });

    test('a pack that is not JSON falls back, saying so', async () => {
      const s = await expectFallback('pack-not-json.json', /this is not a valid content pack/);
      try {
        expectClean(s);
      } finally {
        await s.context.close();
      }
    });

    test('a pack address that answers 404 falls back, saying 404', async () => {
      const s = await expectFallback('no-such-pack.json', /404/);
      try {
        // The browser logs the failed fetch itself; nothing else may fail.
        expectClean(s, { allowErrors: (e) => /Failed to load resource.*404/.test(e) });
      } finally {
        await s.context.close();
      }
    });
  });

  test('the iframe alternative sends its content height: it arrives, follows Start now, and grows on a theme page', () =>
    withSession(async (s) => {
      const { page } = s;
      await page.goto(
        hostPage({
          hostile: false,
          embed: false,
          body: `<h1>Iframe host</h1>
            <iframe id="frame" src="${distOrigin()}/frame.html?storage-key=frame-test" title="Ready to Share"
              style="display: block; width: 100%; height: 150px; border: 0"></iframe>
            <script>
              window.resizeMessages = [];
              window.addEventListener('message', (event) => {
                if (event.origin !== ${JSON.stringify(distOrigin())}) return;
                if (event.data?.type !== 'ready-to-share:resize') return;
                window.resizeMessages.push(event.data);
                document.getElementById('frame').style.height = event.data.height + 'px';
              });
            </script>`,
        }),
      );
      const frame = page.frameLocator('#frame');
      const inFrame = () => page.frames().find((f) => f.url().includes('/frame.html'));
      // How tall the widget's content is: the bottom of the frame's body.
      const contentHeight = () =>
        inFrame().evaluate(() => document.body.getBoundingClientRect().bottom + window.scrollY);
      /** Waits for the latest message to carry the content's height (to the pixel). */
      const fitted = (message) =>
        waitUntil(async () => {
          const last = (await page.evaluate(() => window.resizeMessages)).at(-1);
          const content = await contentHeight();
          return last && Math.abs(last.height - content) <= 1 && last;
        }, { message });

      await frame.getByRole('heading', { level: 1, name: pack.start.heading, exact: true }).waitFor();
      const start = await fitted('a resize message with the start page height');
      assert.deepEqual(Object.keys(start).sort(), ['height', 'type'], 'only the type and the height are sent');
      assert.ok(start.height > 300, `the start page is tall (${start.height}px)`);

      await frame.getByRole('button', { name: ui.start_button, exact: true }).click();
      await frame.getByRole('heading', { level: 1, name: ui.about_heading, exact: true }).waitFor();
      // "About your area" is shorter than the start page at this width: the
      // frame must be able to shrink as well as grow.
      const about = await fitted(
        `after Start now, a resize message with the height of "About your area" ` +
          `(${Math.round(await contentHeight())}px), not the frame's old height (${start.height}px)`,
      );
      assert.notEqual(about.height, start.height, 'the height changed after Start now');

      await frame.getByRole('button', { name: ui.save_and_continue, exact: true }).click();
      await frame.getByRole('heading', { level: 1, name: ui.tasks_heading, exact: true }).waitFor();
      await frame.getByRole('listitem').getByRole('button', { name: pack.themes[0].title, exact: true }).click();
      await frame.getByRole('heading', { level: 1, name: pack.themes[0].title, exact: true }).waitFor();
      const theme = await fitted('a resize message with the theme page height');
      assert.ok(theme.height > start.height, `the height grows on a theme page (${start.height} to ${theme.height})`);
      assert.equal(
        await page.locator('#frame').evaluate((f) => f.getBoundingClientRect().height),
        theme.height,
        'the host set the frame to the height it was sent',
      );
      assert.equal(
        await inFrame().evaluate(() => document.documentElement.scrollHeight <= window.innerHeight),
        true,
        'the frame shows all its content without scrolling',
      );
      expectClean(s);
    }));

  test('the iframe page takes its options from its address: storage-key, heading-level and accent', () =>
    withSession(async (s) => {
      const { page } = s;
      await page.goto(`${distOrigin()}/frame.html?storage-key=frame-options&heading-level=2&accent=%238b0000`);
      const frame = new Widget(page, 'main#rts-root', 2);
      await frame.waitForHeading(pack.start.heading);
      assert.equal(await page.getByRole('heading', { level: 1 }).count(), 0, 'heading-level=2: no h1');
      const accent = await page.evaluate(() =>
        getComputedStyle(document.querySelector('.rts-app')).getPropertyValue('--rts-accent').trim(),
      );
      assert.equal(accent, '#8b0000', 'accent=#8b0000 is applied');
      await frame.startNow();
      await waitUntil(() => page.evaluate(() => localStorage.getItem('frame-options:step:v1') === 'about'), {
        message: 'progress is saved under storage-key',
      });
      assert.equal(await page.evaluate(() => localStorage.getItem('ready-to-share:step:v1')), null, 'not under the standalone key');
      expectClean(s);
    }));

  test('axe finds no WCAG 2.2 AA problems inside the widget, on the start page and on a theme page', async (t) => {
    const s = await session();
    try {
      const { page } = s;
      await page.goto(
        hostPage({
          hostile: false,
          body: `<main><h1>Partner page</h1><ready-to-share storage-key="axe-test"></ready-to-share></main>`,
        }),
      );
      const widget = await new Widget(page).rendered();
      await widget.waitForHeading(pack.start.heading);
      const check = async (screen) => {
        const results = await runAxe(page, { include: 'ready-to-share' });
        assert.deepEqual(missingAxePasses(results), [], 'axe ran its checks: button names and contrast passed');
        assert.ok(
          // A node inside a shadow root has a target of [host selector, inner selector].
          results.passes.some((p) => p.nodes.some((n) => n.target.some(Array.isArray))),
          'axe looked inside the shadow root',
        );
        assert.equal(
          results.violations.length,
          0,
          `axe found ${results.violations.length} violation(s) on ${screen}:\n${describeViolations(results.violations)}`,
        );
      };
      await t.test('the start page', () => check('the start page'));
      await widget.startNow();
      await widget.aboutToTasks();
      const theme = pack.themes[1];
      await widget.openTheme(1);
      await widget.choose(theme.questions[0], 2);
      await t.test('a theme page with an answer', () => check('a theme page'));
      expectClean(s);
    } finally {
      await s.context.close();
    }
  });
});
