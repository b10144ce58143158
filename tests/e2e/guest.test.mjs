// A guest on any host: what happens when the app cannot load, what a host
// page's own scripts can and cannot see, the host's control of the element's
// box and direction, mounting and unmounting many times, limits on a
// partner's pack, and each iframe sandbox variant the README talks about.
//
// The host pages are served from http://127.0.0.1:<host port>; the built
// site (dist/) from http://localhost:<dist port>, another origin, with
// Access-Control-Allow-Origin: * (and, for one test, without it).

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentPack } from './helpers.mjs';
import { DIST } from './server.mjs';
import { fill, locale, waitUntil } from './support.mjs';
import { useHostPages, useServer, useSite } from './fixtures.mjs';

const pack = contentPack();
const { ui, loader } = locale();
const files = readdirSync(DIST);
const WASM = files.find((f) => /_bg\.wasm$/.test(f));
const GLUE = files.find((f) => /^ready-to-share-[0-9a-f]+\.js$/.test(f));

/** The message a loader shows for a cause, with the file named. */
const causeText = (cause, file = '') => fill(loader[cause], { file });

describe('a guest on any host', () => {
  const dist = useSite({ cors: true, session: { timeout: 15_000 } });
  const distNoCors = useServer();
  const host = useHostPages();
  // Another origin for the same files: localhost is not 127.0.0.1.
  const distOrigin = () => `http://localhost:${dist.port}`;

  /** Numbers the packs and storage keys the tests make, so none is reused. */
  let unique = 0;

  /** Serves a host page on the host origin and returns its address. */
  const hostPage = ({ embed = true, ...page }) => host.add({ ...page, embedFrom: embed ? distOrigin() : null });

  /** A fresh context on the host origin whose pages may load the site's files. */
  const options = (more = {}) => ({
    origin: host.origin,
    allow: [distOrigin(), dist.origin, distNoCors.server.origin],
    ...more,
  });
  const session = (more) => dist.session(options(more));
  /** Runs `run(session)` in such a context, and closes it. */
  const withSession = (run, more) => dist.withSession(run, options(more));

  /** The load-failure alert inside `scope` (a page, frame or element locator). */
  const failure = (scope) => scope.getByRole('alert').filter({ hasText: loader.title });

  describe('3. a load failure is explained in words, with Try again', () => {
    test('standalone page: a missing wasm names the file; Try again loads the app once it is back', () =>
      withSession(async (s) => {
        const { page, context } = s;
        const missing = (route) => route.fulfill({ status: 404, body: 'Not Found' });
        await context.route(`**/${WASM}`, missing);
        await page.goto(`${distOrigin()}/index.html`);
        const alert = failure(page);
        await alert.waitFor();
        const text = await alert.innerText();
        assert.ok(text.includes(causeText('not_found', WASM)), `names the missing file: ${text}`);
        assert.ok(text.includes(loader.advice), 'says answers are not lost');
        assert.equal(await page.getByRole('heading', { name: pack.start.heading }).count(), 0);
        // A page of its own: a heading, and "Error:" in the page's title.
        await alert.getByRole('heading', { level: 1, name: loader.title, exact: true }).waitFor();
        assert.equal(await page.title(), loader.error_title);
        assert.ok(loader.error_title.startsWith('Error: '));
        await context.unroute(`**/${WASM}`, missing);
        await alert.getByRole('button', { name: loader.retry, exact: true }).click();
        await page.getByRole('heading', { level: 1, name: pack.start.heading, exact: true }).waitFor();
      }));

    test('iframe page: a missing glue script is named inside the frame', () =>
      withSession(async (s) => {
        const { page, context } = s;
        await context.route(`**/${GLUE}`, (route) => route.fulfill({ status: 404, body: 'Not Found' }));
        await page.goto(
          hostPage({
            embed: false,
            body: `<iframe id="f" title="Ready to Share" src="${distOrigin()}/frame.html" style="width:100%;height:600px"></iframe>`,
          }),
        );
        const alert = failure(page.frameLocator('#f'));
        await alert.waitFor();
        assert.ok((await alert.innerText()).includes(causeText('not_found', GLUE)));
        assert.equal(await alert.getByRole('button', { name: loader.retry, exact: true }).count(), 1);
      }));

    test('a damaged (truncated) wasm is called damaged', () =>
      withSession(async (s) => {
        const { page, context } = s;
        const head = readFileSync(join(DIST, WASM)).subarray(0, 2000);
        await context.route(`**/${WASM}`, (route) =>
          route.fulfill({ status: 200, contentType: 'application/wasm', body: head }),
        );
        await page.goto(`${distOrigin()}/index.html`);
        const alert = failure(page);
        await alert.waitFor();
        assert.ok((await alert.innerText()).includes(causeText('damaged', WASM)));
      }));

    test('the embed on a host whose Content Security Policy lacks wasm-unsafe-eval names it, inside the element', () =>
      withSession(async (s) => {
        const { page } = s;
        await page.goto(
          hostPage({
            head: `<meta http-equiv="Content-Security-Policy" content="script-src 'self' ${distOrigin()}" />`,
            body: `<h1>Strict host</h1><ready-to-share storage-key="csp"></ready-to-share>`,
          }),
        );
        const alert = failure(page.locator('ready-to-share'));
        await alert.waitFor();
        assert.ok((await alert.innerText()).includes(causeText('wasm_blocked')), 'names wasm-unsafe-eval');
        assert.match(loader.wasm_blocked, /'wasm-unsafe-eval'/);
      }));

    test('the embed on a host that replaced fetch says so', () =>
      withSession(async (s) => {
        const { page } = s;
        await page.goto(
          hostPage({
            head: `<script>window.fetch = () => Promise.reject(new TypeError('this site blocks fetch'));</script>`,
            body: `<h1>Host with its own fetch</h1><ready-to-share storage-key="fetch"></ready-to-share>`,
          }),
        );
        const alert = failure(page.locator('ready-to-share'));
        await alert.waitFor();
        assert.ok((await alert.innerText()).includes(causeText('fetch_replaced', WASM)));
      }));

    test('the embed shows the failure in its element, then starts when the element is added again, or on Try again', () =>
      withSession(async (s) => {
        const { page, context } = s;
        const missing = (route) => route.fulfill({ status: 404, body: 'Not Found' });
        await context.route(`**/${WASM}`, missing);
        await page.goto(
          hostPage({
            body: `<h1>Host</h1><div id="slot"><ready-to-share id="one" storage-key="retry-one"></ready-to-share></div>
              <div id="other"><ready-to-share id="two" storage-key="retry-two"></ready-to-share></div>`,
          }),
        );
        const one = page.locator('#one');
        const two = page.locator('#two');
        await failure(one).waitFor();
        await failure(two).waitFor();
        assert.ok((await failure(one).innerText()).includes(causeText('not_found', WASM)));
        await context.unroute(`**/${WASM}`, missing);

        // Added again: it starts afresh rather than keeping the failure.
        await page.evaluate(() => {
          const element = document.getElementById('one');
          element.remove();
          document.getElementById('slot').append(element);
        });
        await one.getByRole('heading', { level: 2, name: pack.start.heading, exact: true }).waitFor();
        // The failure's title is a heading at the element's level (2).
        await failure(two).getByRole('heading', { level: 2, name: loader.title, exact: true }).waitFor();
        const hostTitle = await page.title();
        // Try again on the other element, by keyboard: the focus stays in
        // the tool rather than falling to the host page's body.
        await failure(two).getByRole('button', { name: loader.retry, exact: true }).focus();
        await page.keyboard.press('Enter');
        await two.getByRole('heading', { level: 2, name: pack.start.heading, exact: true }).waitFor();
        // Focus inside the element's shadow tree shows as the element itself.
        const focusInTool = await page.evaluate(() => document.activeElement === document.getElementById('two'));
        assert.ok(focusInTool, 'the focus is inside the element after Try again, not on the page body');
        assert.equal(await page.title(), hostTitle, "the host page's title is left alone");
      }));

    test('with JavaScript off, the page says it needs JavaScript', async () => {
      const context = await dist.browser.newContext({ javaScriptEnabled: false });
      try {
        const page = await context.newPage();
        await page.goto(`${distOrigin()}/index.html`);
        await page.getByText(loader.noscript, { exact: true }).waitFor();
      } finally {
        await context.close();
      }
    });
  });

  describe('4. privacy from the host page', () => {
    test('host listeners never read what is typed; the README\'s limits (keys pressed, storage) are real', () =>
      withSession(async (s) => {
        const { page } = s;
        const SECRET = 'Quietshire';
        await page.goto(
          hostPage({
            body: `<h1>Host with analytics</h1><ready-to-share storage-key="private"></ready-to-share>
              <script>
                window.seen = { values: [], keys: [], data: [], targets: new Set() };
                for (const type of ['input', 'change', 'beforeinput', 'keydown', 'keyup', 'focusin', 'click']) {
                  document.addEventListener(type, (event) => {
                    const first = event.composedPath()[0];
                    window.seen.targets.add(first.tagName);
                    for (const value of [first.value, event.target.value]) {
                      if (typeof value === 'string' && value) window.seen.values.push(value);
                    }
                    if (type === 'keydown' && event.key.length === 1) window.seen.keys.push(event.key);
                    if (type === 'input' && event.data) window.seen.data.push(event.data);
                  }, true);
                }
              </script>`,
          }),
        );
        assert.equal(await page.evaluate(() => document.querySelector('ready-to-share').shadowRoot), null, 'the shadow root is closed');
        // The test reaches inside through the DevTools protocol, as no page script can.
        const cdp = await s.context.newCDPSession(page);
        const find = async (predicate) =>
          waitUntil(async () => {
            const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
            const stack = [root];
            while (stack.length) {
              const node = stack.pop();
              if (predicate(node)) return node.nodeId;
              stack.push(...(node.children ?? []), ...(node.shadowRoots ?? []));
            }
            return false;
          });
        const attrs = (node) => Object.fromEntries((node.attributes ?? []).reduce((pairs, v, i, a) => (i % 2 ? pairs : [...pairs, [v, a[i + 1]]]), []));
        const startNow = await find((n) => n.nodeName === 'BUTTON' && n.children?.some((c) => c.nodeValue === ui.start_button));
        await cdp.send('DOM.focus', { nodeId: startNow });
        await page.keyboard.press('Enter');
        const area = await find((n) => n.nodeName === 'INPUT' && /area$/.test(attrs(n).id ?? ''));
        await cdp.send('DOM.focus', { nodeId: area });
        await page.keyboard.type(SECRET);
        await waitUntil(() => page.evaluate((s) => (localStorage.getItem('private:progress:v1') ?? '').includes(s), SECRET), {
          message: 'the widget saved what was typed',
        });
        const seen = await page.evaluate(() => ({ ...window.seen, targets: [...window.seen.targets] }));
        assert.equal(seen.targets[0], 'READY-TO-SHARE', 'the host listeners ran, and first saw the element');
        // The element, or the host's own page (a key released after the
        // button that had focus was replaced lands on the body): never a
        // field or button inside the widget.
        assert.ok(seen.targets.includes('READY-TO-SHARE'), 'they saw the element');
        assert.deepEqual(
          seen.targets.filter((t) => !['READY-TO-SHARE', 'BODY', 'HTML'].includes(t)),
          [],
          `they never saw a field or button inside it (${seen.targets})`,
        );
        assert.deepEqual(seen.values, [], 'no field value was readable');
        // What the README says a host page's scripts can still reach: each
        // key as it is pressed, and the saved answers.
        assert.equal(seen.keys.join(''), SECRET, 'keydown carries each key pressed');
        assert.equal(seen.data.join(''), SECRET, 'input events carry each character typed');
        assert.ok(
          await page.evaluate((s) => localStorage.getItem('private:progress:v1').includes(s), SECRET),
          'the saved answers are in the host origin\'s storage',
        );
      }, { closedShadowRoots: true }));
  });

  describe('7 and 9. the host places and hides the element; the widget stays left to right', () => {
    test('hidden, display and margins set by the host apply to the element', () =>
      withSession(async (s) => {
        const { page } = s;
        await page.goto(
          hostPage({
            head: `<style>
              #placed { margin: 40px 24px; display: inline-block; width: 600px; }
              .host-hides { display: none; }
              ready-to-share { font-size: 50px !important; }
            </style>`,
            body: `<h1>Layout host</h1>
              <ready-to-share id="placed" storage-key="placed"></ready-to-share>
              <ready-to-share id="hidden" hidden storage-key="hidden"></ready-to-share>
              <ready-to-share id="classed" class="host-hides" storage-key="classed"></ready-to-share>`,
          }),
        );
        const placed = page.locator('#placed');
        await placed.getByRole('heading', { level: 2, name: pack.start.heading, exact: true }).waitFor();
        const box = await placed.evaluate((el) => {
          const style = getComputedStyle(el);
          return { display: style.display, margin: [style.marginTop, style.marginRight, style.marginBottom, style.marginLeft] };
        });
        assert.deepEqual(box, { display: 'inline-block', margin: ['40px', '24px', '40px', '24px'] });
        // Still the widget's own font size inside, whatever the host sets on the element.
        const inner = await placed.locator('.rts-app').evaluate((el) => getComputedStyle(el).fontSize);
        assert.equal(inner, '19px');
        assert.equal(await page.locator('#hidden').isVisible(), false, 'hidden is honoured');
        assert.equal(await page.locator('#classed').isVisible(), false, 'display: none is honoured');
        await page.evaluate(() => document.getElementById('hidden').removeAttribute('hidden'));
        await page.locator('#hidden').getByRole('heading', { level: 2, name: pack.start.heading, exact: true }).waitFor();
      }));

    test('a right-to-left host page leaves the widget left to right', () =>
      withSession(async (s) => {
        const { page } = s;
        await page.goto(
          hostPage({
            htmlAttributes: 'lang="ar" dir="rtl"',
            body: `<h1>صفحة</h1><ready-to-share storage-key="rtl"></ready-to-share>`,
          }),
        );
        const widget = page.locator('ready-to-share');
        const heading = widget.getByRole('heading', { level: 2, name: pack.start.heading, exact: true });
        await heading.waitFor();
        assert.equal(await page.evaluate(() => getComputedStyle(document.body).direction), 'rtl');
        assert.equal(await heading.evaluate((el) => getComputedStyle(el).direction), 'ltr');
        assert.equal(await widget.locator('.rts-app').getAttribute('dir'), 'ltr');
      }));
  });

  describe('10. unmount leaves nothing behind', () => {
    test('200 mounts and unmounts: DOM nodes, listeners and wasm memory stay flat', () =>
      withSession(async (s) => {
        const { page } = s;
        await page.goto(hostPage({ body: '<h1>Mount host</h1><div id="slot"></div>' }));
        await page.evaluate(() => customElements.whenDefined('ready-to-share'));
        const cdp = await s.context.newCDPSession(page);
        await cdp.send('Performance.enable');
        const cycle = (count) =>
          page.evaluate(async (n) => {
            const slot = document.getElementById('slot');
            for (let i = 0; i < n; i += 1) {
              const element = document.createElement('ready-to-share');
              element.setAttribute('storage-key', 'cycle');
              slot.append(element);
              await new Promise((done) => {
                const check = () => (element.shadowRoot?.querySelector('.rts-page-heading') ? done() : requestAnimationFrame(check));
                check();
              });
              element.remove();
            }
          }, count);
        const measure = async () => {
          await cdp.send('HeapProfiler.collectGarbage');
          const { metrics } = await cdp.send('Performance.getMetrics');
          const get = (name) => metrics.find((m) => m.name === name).value;
          const wasm = await page.evaluate(async (glue) => (await (await import(glue)).default()).memory.buffer.byteLength, `${distOrigin()}/${GLUE}`);
          return { nodes: get('Nodes'), listeners: get('JSEventListeners'), wasm };
        };
        await cycle(10);
        const before = await measure();
        await cycle(200);
        const afterCycles = await measure();
        console.log(`mount and unmount: after 10 cycles ${JSON.stringify(before)}; after 200 more ${JSON.stringify(afterCycles)}`);
        assert.ok(afterCycles.nodes - before.nodes <= 50, `DOM nodes stay flat (${before.nodes} to ${afterCycles.nodes})`);
        assert.ok(afterCycles.listeners - before.listeners <= 10, `listeners stay flat (${before.listeners} to ${afterCycles.listeners})`);
        assert.ok(afterCycles.wasm - before.wasm <= 256 * 1024, `wasm memory stays flat (${before.wasm} to ${afterCycles.wasm} bytes)`);
      }));
  });

  describe('12. a partner pack over the limits is refused before it is read', () => {
    /** A question with every text shortened to one letter. */
    const tiny = (question, id) =>
      JSON.parse(JSON.stringify(question), (key, value) => (typeof value === 'string' ? 'x' : value));
    /** A pack of `perTheme` questions in each of five themes, each hint `padding` long. */
    const makePack = (perTheme, { padding = 0, small = false } = {}) => {
      const template = pack.themes[0].questions[0];
      const theme = (t) => ({
        ...pack.themes[t % pack.themes.length],
        questions: Array.from({ length: perTheme }, (_, q) => ({
          ...(small ? tiny(template) : template),
          id: `q-${t}-${q}`,
          ...(padding ? { hint: 'x'.repeat(padding) } : {}),
        })),
      });
      return JSON.stringify({ ...pack, themes: pack.themes.map((_, t) => theme(t)) });
    };
    const cases = [
      {
        name: 'over 10 MB',
        body: () => makePack(Math.ceil(12_830 / pack.themes.length), { padding: 300 }),
        message: (source, bytes) =>
          fill(ui.partner_pack_too_large, { source, size: Math.ceil(bytes / 1024), limit: 512 }),
      },
      {
        name: 'more than 300 questions in under 512 KB',
        body: () => makePack(Math.ceil(400 / pack.themes.length), { small: true }),
        message: (source) => fill(ui.partner_pack_too_many_questions, { source, count: 301, limit: 300 }),
      },
    ];
    for (const { name, body: makeBody, message } of cases) {
      test(`a pack of ${name} is refused at once with a message, and the built-in questions are used`, async () => {
        const body = makeBody();
        const bytes = Buffer.byteLength(body);
        const path = `/big-${++unique}.json`;
        host.pages[path] = { body, type: 'application/json' };
        const packUrl = `${host.origin}${path}`;
        const s = await session();
        try {
          const { page } = s;
          const started = Date.now();
          await page.goto(hostPage({ body: `<ready-to-share storage-key="big" content-pack="${packUrl}"></ready-to-share>` }));
          const widget = page.locator('ready-to-share');
          const notice = widget.getByRole('status').filter({ hasText: packUrl });
          await notice.waitFor();
          const shown = Date.now() - started;
          const noticeText = (await notice.innerText()).replace(/\s+/g, ' ');
          console.log(`pack of ${name} (${bytes} bytes): refused and shown ${shown} ms after navigation`);
          assert.ok(noticeText.includes(message(packUrl, bytes)), `the notice says why: ${noticeText}`);
          await widget.getByRole('heading', { level: 2, name: pack.start.heading, exact: true }).waitFor();
          assert.ok(shown < 5000, `it took ${shown} ms, not seconds of parsing`);
        } finally {
          await s.context.close();
        }
      });
    }
  });

  describe('6. iframe sandbox variants', () => {
    const RECOMMENDED = 'allow-scripts allow-same-origin allow-downloads allow-popups allow-popups-to-escape-sandbox';
    const seed = () => {
      const answers = Object.fromEntries(pack.themes.map((t) => [t.questions[0].id, { level: 1 }]));
      return JSON.stringify({
        format: 'ready-to-share-assessment',
        format_version: 1,
        content_pack: { id: pack.id, version: pack.version },
        created: '2026-11-22T10:00:00Z',
        updated: '2026-11-22T10:00:00Z',
        context: { area: 'Sandbox', organisation: '', partners: '', policy_areas: [] },
        answers,
        story: '',
      });
    };

    /**
     * A host page with the frame. The frame is from another origin on the
     * same site (127.0.0.1, another port): this browser, like many, refuses
     * storage to frames from another site altogether.
     */
    async function framed(s, sandbox, origin = dist.origin, { seeded = false } = {}) {
      const key = `sandbox-${++unique}`;
      const app = `${origin}/frame.html?storage-key=${key}`;
      // To seed storage before the app starts, the frame first opens a plain
      // page of the same origin (the server's "Not Found").
      await s.page.goto(
        hostPage({
          embed: false,
          body: `<iframe id="f" title="Ready to Share" sandbox="${sandbox}" src="${seeded ? `${origin}/seed-first` : app}" style="width:100%;height:900px"></iframe>`,
        }),
      );
      const frame = s.page.frameLocator('#f');
      const inFrame = () => s.page.frames().find((f) => f.url().startsWith(origin));
      if (seeded) {
        await waitUntil(() => inFrame(), { message: 'the frame opened' });
        await inFrame().evaluate(([storageKey, file, address]) => {
          localStorage.setItem(`${storageKey}:progress:v1`, file);
          localStorage.setItem(`${storageKey}:step:v1`, 'summary');
          location.href = address;
        }, [key, seed(), app]);
      }
      return { frame, key, inFrame };
    }

    async function toSummary(s, sandbox) {
      const f = await framed(s, sandbox, dist.origin, { seeded: true });
      await f.frame.getByRole('heading', { level: 2, name: locale().report.case_studies_heading }).waitFor();
      return f;
    }

    const consoleMessage = (page, pattern) =>
      new Promise((done) => page.on('console', (m) => pattern.test(m.text()) && done(m.text())));

    test(`the README's set (${RECOMMENDED}): case studies open, downloads work`, () =>
      withSession(async (s) => {
        const { frame } = await toSummary(s, RECOMMENDED);
        const link = frame.locator('.rts-case-studies__link').first();
        const [popup] = await Promise.all([s.context.waitForEvent('page'), link.click()]);
        assert.ok(popup, 'a case study opened in a new tab');
        const [download] = await Promise.all([
          s.page.waitForEvent('download'),
          frame.getByRole('button', { name: ui.download_json, exact: true }).click(),
        ]);
        assert.match(download.suggestedFilename(), /\.json$/);
      }));

    test('without allow-popups, case-study links are blocked', () =>
      withSession(async (s) => {
        const { frame } = await toSummary(s, 'allow-scripts allow-same-origin allow-downloads');
        const blocked = consoleMessage(s.page, /allow-popups/);
        await frame.locator('.rts-case-studies__link').first().click();
        assert.match(await blocked, /Blocked opening/);
        assert.equal(s.context.pages().length, 1, 'no case study opened');
      }));

    test('without allow-downloads, a download is blocked and the answers are offered as text to copy', () =>
      withSession(async (s) => {
        const { frame } = await toSummary(s, 'allow-scripts allow-same-origin allow-popups');
        const blocked = consoleMessage(s.page, /allow-downloads/);
        await frame.getByRole('button', { name: ui.download_json, exact: true }).click();
        assert.match(await blocked, /sandboxed/);
        await frame.getByText(ui.copy_answers, { exact: true }).click();
        const text = await frame.getByLabel(ui.copy_answers_label, { exact: true }).inputValue();
        assert.equal(JSON.parse(text).context.area, 'Sandbox');
      }));

    test('without allow-same-origin, on a server that sends Access-Control-Allow-Origin: it works but cannot save, and says so', () =>
      withSession(async (s) => {
        const { frame } = await framed(s, 'allow-scripts allow-downloads allow-popups');
        await frame.getByRole('heading', { level: 1, name: pack.start.heading, exact: true }).waitFor();
        await frame.getByRole('button', { name: ui.start_button, exact: true }).click();
        await frame.getByRole('alert').filter({ hasText: ui.storage_blocked }).waitFor();
      }));

    test('without allow-scripts, the frame says the tool needs JavaScript', () =>
      withSession(async (s) => {
        const { frame } = await framed(s, 'allow-same-origin allow-downloads allow-popups');
        await frame.getByText(loader.noscript, { exact: true }).waitFor();
      }));

    test('without allow-same-origin, on a server without Access-Control-Allow-Origin: the frame says why it cannot start', () =>
      withSession(async (s) => {
        const { frame } = await framed(s, 'allow-scripts allow-downloads allow-popups', distNoCors.server.origin);
        const alert = failure(frame);
        await alert.waitFor();
        assert.ok((await alert.innerText()).includes(causeText('sandboxed')));
      }));
  });
});
