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

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { contentPack, describeViolations, launchBrowser, openPage, runAxe } from './helpers.mjs';
import { DIST, startServer } from './server.mjs';
import { fill, locale, waitUntil, watchDialogs } from './support.mjs';

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
const pack = contentPack();
const { ui } = locale();
const partnerPack = JSON.parse(
  (await import('node:fs')).readFileSync(new URL('./fixtures/pack.json', import.meta.url), 'utf8'),
);

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

  /** Calls fn inside the page with the widget's shadow root. */
  inShadow(fn, arg) {
    return this.el.evaluate((el, [source, value]) => new Function('root', 'arg', `return (${source})(root, arg)`)(el.shadowRoot, value), [
      fn.toString(),
      arg,
    ]);
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
  let dist;
  let host;
  let browser;
  let distOrigin;
  const pages = {};
  let pageCount = 0;

  before(async () => {
    dist = await startServer({ root: DIST, cors: true });
    // Another origin for the same files: localhost is not 127.0.0.1.
    distOrigin = `http://localhost:${dist.port}`;
    host = await startServer({ root: FIXTURES, mounts: { '/fixtures/': FIXTURES }, pages });
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await dist?.close();
    await host?.close();
  });

  /**
   * Serves a host page (with the hostile CSS unless `hostile` is false) at a
   * new address on the host origin, and returns that address.
   */
  function hostPage({ body, head = '', title = 'Host page', hostile = true, embed = true }) {
    const path = `/host-${++pageCount}.html`;
    pages[path] = `<!DOCTYPE html>
<html lang="en-GB">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title}</title>
    ${hostile ? `<style>${HOSTILE_CSS}</style>` : ''}
    ${head}
  </head>
  <body>
    ${body}
    ${embed ? `<script type="module" src="${distOrigin}/embed.js"></script>` : ''}
  </body>
</html>
`;
    return `${host.origin}${path}`;
  }

  /** A fresh context whose pages may load from the host and dist origins only. */
  async function session() {
    const s = await openPage(browser, host.origin, { allow: [distOrigin] });
    s.context.setDefaultTimeout(10_000);
    s.dialogs = [];
    watchDialogs(s.page, s.dialogs);
    return s;
  }

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

  test('the host page\'s CSS does not reach the widget, and the widget\'s does not reach the host', async () => {
    const s = await session();
    try {
      const { page } = s;
      // The standalone page, as the reference.
      await page.goto(`${distOrigin}/index.html`);
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
    } finally {
      await s.context.close();
    }
  });

  test('the widget\'s top heading is an h2 by default, and heading-level="3" makes it an h3', async () => {
    const s = await session();
    try {
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
    } finally {
      await s.context.close();
    }
  });

  test('the widget leaves the host page\'s address, title, history and scroll position alone', async () => {
    const s = await session();
    try {
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
      assert.equal(afterStart.scrollY, scrolled, 'window.scrollY is unchanged after Start now');

      // A few more steps: still no change to the address, title or history.
      await widget.aboutToTasks();
      await widget.button(ui.back).click();
      await widget.waitForHeading(pack.start.heading);
      const end = await page.evaluate(() => ({ href: location.href, title: document.title, history: history.length }));
      assert.deepEqual(end, before, 'address, title and history are unchanged after more steps');
      expectClean(s);
    } finally {
      await s.context.close();
    }
  });

  test('a removed widget leaves nothing behind, and another widget on the page still works', async () => {
    const s = await session();
    try {
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
      const mounted = await listeners();
      assert.ok(
        mounted.window.length > baseline.window.length,
        `the test can see the widgets' listeners (window: ${mounted.window.join(', ')})`,
      );
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
    } finally {
      await s.context.close();
    }
  });
});
