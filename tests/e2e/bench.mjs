// The browser benchmark of Ready to Share: serves dist/ on loopback with its
// precompressed copies, brotli to Chromium (server.mjs) and drives Debian's Chromium (playwright-core, the
// flags in helpers.mjs) over several cold runs, printing medians against the
// budgets. Not a test: CI does not run it. scripts/bench.sh builds dist/,
// runs the native model benchmarks and then this. Then, in the same run, it
// measures like our users (bench/users.mjs): first paint, first screen
// ready and first question ready, cold and warm, for the standalone page
// and the embed, with the CPU slowed 4x and over a slow network (CDP), and
// a static HTML form of the same questions as the baseline for the budgets.
// The first screen's gzipped bytes are scripts/first-screen-bytes.mjs's.
//
//   node tests/e2e/bench.mjs
//
// Environment (all optional):
//   BENCH_RUNS=5          cold runs (each in a freshly launched browser), and
//                         as many runs of the "like our users" measurement
//   BENCH_USERS_RUNS=n    runs of the "like our users" measurement (0: skip it)
//   BENCH_CLICKS=100      answer clicks measured per run
//   BENCH_DIST=dir        the built site to serve (default dist/)
//   BENCH_NATIVE=file     JSON of native figures written by scripts/bench.sh
//   BENCH_JSON=file       also write every figure as JSON here
//
// How each figure is taken (all timings in the page use performance.now(),
// whose zero is the start of navigation):
// - first screen: the page's requests (CDP Network events, transfer size =
//   encodedDataLength, headers included) sent before "Start now" was
//   rendered; the service worker's precache fetches are its own requests
//   (its Resource Timing), reported separately;
// - first question interactive: an init script walks the journey inside the
//   page as soon as each control appears (Start now, Save and continue, the
//   first theme) and stops when the first radio is enabled and visible; cold
//   is a new browser, warm the second navigation in the same context (saved
//   progress removed first, so the same journey is walked);
// - answer click: performance.now() before radio.click(), until a
//   MutationObserver sees the radio checked and the theme's progress text
//   counting it (each measured click answers an unanswered question; the
//   answer is then cleared, unmeasured);
// - summary: from clicking "See your summary" until the summary's heading is
//   in the page; downloads: from clicking each button until the app clicks
//   its download link (in page) and until Playwright's 'download' event;
// - memory after a full assessment: CDP Runtime.getHeapUsage after a garbage
//   collection, plus the wasm memory's byteLength (the init script captures
//   the instance WebAssembly.instantiate(Streaming) returns).

import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from './helpers.mjs';
import { DIST, startServer } from './server.mjs';
import { CPU_SLOWDOWN, PROFILES, SLOW_NETWORK, measureLikeUsers, printTable } from './bench/users.mjs';
import { measure as firstScreenFiles, measureWorker } from '../../scripts/first-screen-bytes.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const USERS_RUNS = Number(process.env.BENCH_USERS_RUNS ?? RUNS);
const CLICKS = Number(process.env.BENCH_CLICKS ?? 100);
const SITE = process.env.BENCH_DIST ?? DIST;
const PARTNERS = 50;

const KB = 1024;
const MB = 1024 * 1024;
const BUDGETS = {
  firstScreenBytes: 150 * KB,
  firstScreenBytesGoal: 100 * KB,
  firstPaintRatio: 1.5,
  firstScreenRatio: 2,
  firstScreenRequests: 5,
  clickMedian: 4,
  clickP95: 16,
  model: 10,
  partnership: 100,
  memory: 8 * MB,
  languageSwitch: 100,
  // Issue 22, "Ready to Share 3, part 3".
  appBytesBrotli: 250 * KB,
  appBytesGoal: 100 * KB,
  firstVisitRatio: 1.1,
  appInRatio: 2.5,
};

const pack = JSON.parse(readFileSync(join(ROOT, 'content/pack.en.json'), 'utf8'));
const locale = JSON.parse(readFileSync(join(ROOT, 'content/locale.en.json'), 'utf8'));
const ui = locale.ui;
const fill = (template, values) =>
  template.replace(/\{(\w+)\}/g, (whole, key) => (key in values ? String(values[key]) : whole));

// ---------------------------------------------------------------- statistics

const sorted = (xs) => [...xs].filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
function quantile(xs, q) {
  const s = sorted(xs);
  if (s.length === 0) return NaN;
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo] + (s[hi] - s[lo]) * (pos - lo);
}
const median = (xs) => quantile(xs, 0.5);
const ms = (x) => (Number.isFinite(x) ? `${x.toFixed(x < 10 ? 2 : 1)} ms` : 'n/a');
const kb = (x) => (Number.isFinite(x) ? `${(x / KB).toFixed(1)} KB` : 'n/a');
const mb = (x) => (Number.isFinite(x) ? `${(x / MB).toFixed(2)} MB` : 'n/a');

// ------------------------------------------------------- in-page instruments

/**
 * Runs in every page before its own scripts. Captures the wasm memory and the
 * app's download-link clicks, offers waitFor() and, when the address ends in
 * #rts-bench-flow, walks the start of the journey by itself.
 */
function instruments(labels) {
  const memories = (window.__rtsMemories = []);
  const grab = (result) => {
    try {
      const instance = result instanceof WebAssembly.Instance ? result : result?.instance;
      const memory = instance?.exports?.memory;
      if (memory instanceof WebAssembly.Memory) memories.push(memory);
    } catch {}
    return result;
  };
  const streaming = WebAssembly.instantiateStreaming;
  if (streaming) {
    WebAssembly.instantiateStreaming = function (...args) {
      return streaming.apply(this, args).then(grab);
    };
  }
  const instantiate = WebAssembly.instantiate;
  WebAssembly.instantiate = function (...args) {
    return instantiate.apply(this, args).then(grab);
  };

  window.__rtsDownloads = [];
  const anchorClick = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function () {
    if (this.download) window.__rtsDownloads.push({ name: this.download, t: performance.now() });
    return anchorClick.call(this);
  };

  const visible = (el) => el && el.isConnected && !el.disabled && el.getClientRects().length > 0;
  const bench = (window.__rtsBench = {
    /** Resolves with { value, t } once check() is truthy, checked on every DOM change. */
    waitFor(check, timeout = 30000) {
      return new Promise((resolve, reject) => {
        let done = false;
        let observer;
        let poll;
        const finish = (value) => {
          done = true;
          observer?.disconnect();
          clearInterval(poll);
          clearTimeout(timer);
          resolve({ value, t: performance.now() });
        };
        const test = () => {
          if (done) return;
          let value;
          try {
            value = check();
          } catch {}
          if (value) finish(value);
        };
        observer = new MutationObserver(test);
        observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
        // Property changes (checked, disabled) are not mutations: poll too.
        poll = setInterval(test, 25);
        const timer = setTimeout(() => {
          if (done) return;
          done = true;
          observer.disconnect();
          clearInterval(poll);
          reject(new Error(`waitFor timed out: ${check}`));
        }, timeout);
        test();
      });
    },
    button(text) {
      return [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === text && visible(b));
    },
    heading(text) {
      return [...document.querySelectorAll('h1')].find((h) => h.textContent.trim() === text);
    },
    firstRadio() {
      const radio = document.querySelector('input[type="radio"]');
      return visible(radio) ? radio : null;
    },
    visible,
  });

  if (location.hash === '#rts-bench-flow') {
    window.__rtsFlow = (async () => {
      const marks = {};
      const start = await bench.waitFor(() => bench.button(labels.start));
      marks.firstScreen = start.t;
      start.value.click();
      const save = await bench.waitFor(() => bench.button(labels.save));
      marks.about = save.t;
      save.value.click();
      const theme = await bench.waitFor(() => bench.button(labels.theme));
      marks.tasks = theme.t;
      theme.value.click();
      const radio = await bench.waitFor(() => bench.firstRadio());
      marks.firstQuestion = radio.t;
      return marks;
    })();
  }
}

const FLOW_LABELS = { start: ui.start_button, save: ui.save_and_continue, theme: pack.themes[0].title };

// --------------------------------------------------------------- the browser

async function launch() {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run scripts/setup.sh --browser`);
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

/** A new context and page with the instruments and a CDP record of requests. */
async function openSession(browser, origin) {
  const context = await browser.newContext({ acceptDownloads: true });
  context.setDefaultTimeout(30_000);
  await context.addInitScript(instruments, FLOW_LABELS);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
  const requests = new Map();
  cdp.on('Network.requestWillBeSent', (e) => {
    requests.set(e.requestId, { url: e.request.url, wallTime: e.wallTime * 1000, bytes: 0, status: 0 });
  });
  cdp.on('Network.responseReceived', (e) => {
    const r = requests.get(e.requestId);
    if (r) {
      r.status = e.response.status;
      r.fromServiceWorker = e.response.fromServiceWorker;
      r.fromCache = e.response.fromDiskCache || e.response.fromPrefetchCache;
      r.encoding = e.response.headers['Content-Encoding'] ?? e.response.headers['content-encoding'];
    }
  });
  cdp.on('Network.loadingFinished', (e) => {
    const r = requests.get(e.requestId);
    if (r) {
      r.bytes = e.encodedDataLength;
      r.finished = true;
    }
  });
  return { context, page, cdp, requests, errors, origin };
}

/** Navigates to the site with the journey flow and returns its marks. */
async function walkToFirstQuestion(session) {
  const { page, requests } = session;
  requests.clear();
  await page.goto(`${session.origin}/#rts-bench-flow`, { waitUntil: 'domcontentloaded' });
  const marks = await page.evaluate(() => window.__rtsFlow);
  await page.waitForLoadState('load');
  const { timeOrigin, wasmLoaded } = await page.evaluate(() => {
    const wasm = performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm'));
    return { timeOrigin: performance.timeOrigin, wasmLoaded: wasm ? wasm.responseEnd : NaN };
  });
  marks.wasmLoaded = wasmLoaded;
  // Requests sent before the first screen was on show make the first screen.
  const cutoff = timeOrigin + marks.firstScreen;
  const local = [...requests.values()].filter((r) => r.url.startsWith(session.origin));
  const foreign = [...requests.values()].filter((r) => !r.url.startsWith(session.origin) && !r.url.startsWith('data:'));
  const first = local.filter((r) => r.wallTime <= cutoff + 1);
  const later = local.filter((r) => r.wallTime > cutoff + 1);
  return { marks, first, later, foreign };
}

/** The service worker's own fetches (its Resource Timing), once it is active. */
async function precacheFetches(session) {
  const { page, context } = session;
  const ready = await page
    .evaluate(
      () =>
        'serviceWorker' in navigator &&
        Promise.race([
          navigator.serviceWorker.ready.then(() => true),
          new Promise((resolve) => setTimeout(() => resolve(false), 10000)),
        ]),
    )
    .catch(() => false);
  if (!ready) return { registered: false, entries: [] };
  // Wait until the page is controlled (clients.claim after activation).
  await page
    .waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 10000 })
    .catch(() => {});
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 5000 }).catch(() => null));
  if (!worker) return { registered: true, entries: [] };
  const entries = await worker
    .evaluate(() =>
      performance.getEntriesByType('resource').map((e) => ({
        url: e.name,
        transferSize: e.transferSize,
        encodedBodySize: e.encodedBodySize,
        startTime: e.startTime,
      })),
    )
    .catch(() => []);
  return { registered: true, entries };
}

/** Removes saved progress (not the caches) so the next navigation starts afresh. */
async function forgetProgress(session) {
  const { page, cdp, origin } = session;
  // Leaving the page saves progress (pagehide), so leave first, then clear.
  await page.goto('about:blank');
  await cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: 'local_storage' });
}

// ------------------------------------------------------------ answer clicks

/** On a theme page: CLICKS measured radio clicks, each on an unanswered question. */
async function answerClicks(page, clicks) {
  return page.evaluate(
    async ({ clicks, progressTemplate, clearLabel }) => {
      const bench = window.__rtsBench;
      const pattern = new RegExp(
        '^' +
          progressTemplate
            .replace(/[.*+?^$()|[\]\\]/g, '\\$&')
            .replace('{answered}', '(\\d+)')
            .replace('{total}', '(\\d+)') +
          '$',
      );
      const progress = () => {
        for (const p of document.querySelectorAll('p')) {
          const m = p.textContent.trim().match(pattern);
          if (m) return Number(m[1]);
        }
        return null;
      };
      const fieldsets = [...document.querySelectorAll('fieldset')].filter((f) => f.querySelector('input[type="radio"]'));
      const clearButton = (fieldset) =>
        [...fieldset.querySelectorAll('button')].find((b) => b.textContent.trim().startsWith(clearLabel));
      const pause = () => new Promise((resolve) => setTimeout(resolve, 5));
      // Start with every question on the page unanswered.
      for (const fieldset of fieldsets) {
        const button = clearButton(fieldset);
        if (button) {
          button.click();
          await bench.waitFor(() => !clearButton(fieldset));
        }
      }
      const times = [];
      const clears = [];
      for (let i = 0; i < clicks; i++) {
        const fieldset = fieldsets[i % fieldsets.length];
        const radios = [...fieldset.querySelectorAll('input[type="radio"]')];
        const radio = radios[Math.floor(i / fieldsets.length) % radios.length];
        const before = progress();
        await pause();
        const t0 = performance.now();
        radio.click();
        const { t } = await bench.waitFor(() => radio.checked && progress() === before + 1, 5000);
        times.push(t - t0);
        await pause();
        const button = clearButton(fieldset);
        const c0 = performance.now();
        button.click();
        const cleared = await bench.waitFor(() => progress() === before && !clearButton(fieldset), 5000);
        clears.push(cleared.t - c0);
      }
      return { times, clears, questions: fieldsets.length };
    },
    { clicks, progressTemplate: ui.theme_answered, clearLabel: ui.clear_answer },
  );
}

// -------------------------------------------------- a full assessment, in page

/** From the task list, answers every question of every theme; ends on the task list. */
async function answerEverything(page) {
  return page.evaluate(
    async ({ themes, tasksHeading, returnLabel }) => {
      const bench = window.__rtsBench;
      let k = 0;
      for (const title of themes) {
        const open = await bench.waitFor(() => bench.button(title));
        open.value.click();
        await bench.waitFor(() => bench.heading(title) && bench.firstRadio());
        const fieldsets = [...document.querySelectorAll('fieldset')].filter((f) => f.querySelector('input[type="radio"]'));
        for (const fieldset of fieldsets) {
          const radios = [...fieldset.querySelectorAll('input[type="radio"]')];
          // Levels 1 to 5 in turn, and every seventh "Not sure" (the last radio).
          const radio = k % 7 === 6 ? radios[radios.length - 1] : radios[k % 5];
          k++;
          radio.click();
          await bench.waitFor(() => radio.checked);
        }
        const back = await bench.waitFor(() => bench.button(returnLabel));
        back.value.click();
        await bench.waitFor(() => bench.heading(tasksHeading));
      }
      return k;
    },
    { themes: pack.themes.map((t) => t.title), tasksHeading: ui.tasks_heading, returnLabel: ui.return_to_tasks },
  );
}

/** Clicks "See your summary" on the task list; ms until the summary heading. */
async function openSummary(page) {
  return page.evaluate(
    async ({ label, titles }) => {
      const bench = window.__rtsBench;
      const button = (await bench.waitFor(() => bench.button(label))).value;
      await new Promise((resolve) => setTimeout(resolve, 50));
      const t0 = performance.now();
      button.click();
      const { t } = await bench.waitFor(() => titles.some((title) => bench.heading(title)));
      return t - t0;
    },
    { label: ui.see_summary, titles: [locale.report.title] },
  );
}

/** Clicks one download button; in-page ms to the link click and Playwright ms to the download. */
async function download(page, label) {
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 50)));
  const started = performance.now();
  const [dl, inPage] = await Promise.all([
    page.waitForEvent('download', { timeout: 15000 }),
    page.evaluate((label) => {
      const button = window.__rtsBench.button(label);
      if (!button) throw new Error(`no "${label}" button`);
      const count = window.__rtsDownloads.length;
      const t0 = performance.now();
      button.click();
      const link = window.__rtsDownloads[count];
      return link ? link.t - t0 : NaN;
    }, label),
  ]);
  const event = performance.now() - started;
  let bytes = NaN;
  try {
    bytes = statSync(await dl.path()).size;
  } catch {}
  return { inPage, event, bytes, name: dl.suggestedFilename() };
}

async function memory(session) {
  const { page, cdp } = session;
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const wasm = await page.evaluate(() => {
    const seen = new Set(window.__rtsMemories ?? []);
    return [...seen].reduce((sum, m) => sum + m.buffer.byteLength, 0);
  });
  return { jsHeap: heap.usedSize, jsHeapTotal: heap.totalSize, wasm };
}

// ---------------------------------------------------------------- partnership

function partnerFiles() {
  let seed = 2024;
  const random = (below) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return Math.floor((seed / 2147483648) * below);
  };
  const kinds = ['Council', 'NHS Trust', 'Police', 'Jobcentre Plus', 'Housing'];
  return Array.from({ length: PARTNERS }, (_, i) => {
    const answers = {};
    for (const theme of pack.themes) {
      for (const q of theme.questions) {
        const n = random(8);
        if (n === 0) continue;
        const answer = { level: n === 1 ? 'not-sure' : Math.min(5, n - 1) };
        if (random(3) === 0) answer.note = 'We agreed this at the last board meeting.\n\nAsk the IG lead.';
        answers[q.id] = answer;
      }
    }
    const file = {
      format: 'ready-to-share-assessment',
      format_version: 1,
      content_pack: { id: pack.id, version: pack.version },
      created: '2026-11-22T10:00:00Z',
      updated: '2026-11-22T10:00:00Z',
      context: { area: 'Bath and North East Somerset', organisation: `${kinds[i % 5]} ${Math.floor(i / 5)}`, partners: '', policy_areas: [] },
      answers,
      story: '',
    };
    return { name: `partner-${i}.json`, text: JSON.stringify(file, null, 2) };
  });
}

/** The partnership screen, if the app has one: ms to render 50 files. */
async function partnershipView(session) {
  const { page, origin } = session;
  if (!ui.partnership_button || !locale.partnership) return { status: 'not built yet' };
  // Saved progress would reopen the summary: start from the start page.
  await forgetProgress(session);
  await page.goto(`${origin}/`, { waitUntil: 'domcontentloaded' });
  // The view is in the whole app, which the first module fetches and
  // mounts when the view is opened: timed from the press to its file
  // picker, the first time in this browser (the worker does not keep it
  // until it is used).
  const openedIn = await page.evaluate(async (label) => {
    const bench = window.__rtsBench;
    try {
      const open = await bench.waitFor(() => bench.button(label), 10000);
      const start = performance.now();
      open.value.click();
      const { t } = await bench.waitFor(() => document.querySelector('input[type="file"][multiple]'), 20000);
      return t - start;
    } catch {
      return null;
    }
  }, ui.partnership_button);
  if (openedIn === null) return { status: 'not built yet' };
  const files = partnerFiles();
  const drawn = await page.evaluate(
    async ({ files, opened, title }) => {
      const bench = window.__rtsBench;
      const input = (
        await bench.waitFor(() => document.querySelector('input[type="file"][multiple]'), 10000)
      ).value;
      await bench.waitFor(() => bench.heading(title), 10000).catch(() => null);
      const transfer = new DataTransfer();
      for (const f of files) transfer.items.add(new File([f.text], f.name, { type: 'application/json' }));
      await new Promise((resolve) => setTimeout(resolve, 50));
      const t0 = performance.now();
      input.files = transfer.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
      const done = await bench.waitFor(
        () => document.body.textContent.includes(opened) && document.querySelector('table'),
        20000,
      );
      return { status: 'measured', ms: done.t - t0 };
    },
    { files, opened: fill(ui.partnership_opened ?? '{count} files open.', { count: PARTNERS }), title: locale.partnership.title },
  );
  return { ...drawn, openedIn };
}

// ---------------------------------------------------------------------- a run

/**
 * Switching language with the CPU slowed 4x: from the press on "Cymraeg"
 * (or "English") to the screen drawn in that language (the switch marks it
 * as current), on the summary, with the language's files already fetched
 * once (as offline, or after the first switch). Returns both times in ms.
 */
async function languageSwitch(session) {
  const { page, cdp } = session;
  const switchTo = (name) =>
    page.evaluate(async (name) => {
      const b = window.__rtsBench;
      const link = [...document.querySelectorAll('.rts-language a')].find((a) => a.textContent.startsWith(name));
      const start = performance.now();
      link.click();
      const { t } = await b.waitFor(() => document.querySelector('.rts-language [aria-current]')?.textContent === name);
      return t - start;
    }, name);
  // Once without timing: the Welsh files are fetched and kept.
  await switchTo('Cymraeg');
  await switchTo('English');
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  try {
    return { toWelsh: await switchTo('Cymraeg'), toEnglish: await switchTo('English') };
  } finally {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  }
}

async function run(index, server) {
  const browser = await launch();
  const out = { run: index + 1 };
  try {
    const session = await openSession(browser, server.origin);
    const { page } = session;

    const cold = await walkToFirstQuestion(session);
    out.coldFirstScreen = cold.marks.firstScreen;
    out.coldFirstQuestion = cold.marks.firstQuestion;
    out.coldWasmLoaded = cold.marks.wasmLoaded;
    out.firstScreenRequests = cold.first.length;
    out.firstScreenBytes = cold.first.reduce((s, r) => s + r.bytes, 0);
    out.firstScreenList = cold.first.map((r) => ({ url: r.url.slice(server.origin.length), bytes: r.bytes, encoding: r.encoding }));
    out.laterPageRequests = cold.later.map((r) => ({ url: r.url.slice(server.origin.length), bytes: r.bytes }));
    out.foreignRequests = cold.foreign.map((r) => r.url);

    const sw = await precacheFetches(session);
    const appEntries = sw.entries.filter((e) => e.url.startsWith(server.origin) && !e.url.endsWith('/sw.js'));
    out.swRegistered = sw.registered;
    out.precacheRequests = appEntries.length;
    out.precacheBytes = appEntries.reduce((s, e) => s + e.transferSize, 0);

    await forgetProgress(session);
    const warm = await walkToFirstQuestion(session);
    out.warmFirstScreen = warm.marks.firstScreen;
    out.warmFirstQuestion = warm.marks.firstQuestion;
    out.warmWasmLoaded = warm.marks.wasmLoaded;
    out.warmRequests = warm.first.length + warm.later.length;
    out.warmNetworkBytes = [...warm.first, ...warm.later].filter((r) => !r.fromServiceWorker).reduce((s, r) => s + r.bytes, 0);
    out.warmFromServiceWorker = [...warm.first, ...warm.later].filter((r) => r.fromServiceWorker).length;

    const clicks = await answerClicks(page, CLICKS);
    out.clicks = clicks.times;
    out.clears = clicks.clears;

    // Back to the task list, answer everything, then the summary and downloads.
    await page.evaluate(async (label) => {
      const b = window.__rtsBench;
      (await b.waitFor(() => b.button(label))).value.click();
    }, ui.return_to_tasks);
    out.answered = await answerEverything(page);
    out.summary = await openSummary(page);
    out.downloads = {};
    for (const [key, label] of [
      ['html', ui.download_html],
      ['markdown', ui.download_markdown],
      ['csv', ui.download_csv],
      ['json', ui.download_json],
    ]) {
      out.downloads[key] = await download(page, label);
    }
    out.languageSwitch = await languageSwitch(session);
    Object.assign(out, await memory(session));
    out.partnership = await partnershipView(session);
    // With the 50 files open: the whole view is drawn again in the other language.
    if (out.partnership.status === 'measured') out.partnershipLanguageSwitch = await languageSwitch(session);
    out.errors = session.errors;
    await session.context.close();
  } finally {
    await browser.close();
  }
  return out;
}

// ---------------------------------------------------------------------- report

function verdict(value, budget, strict = true) {
  if (!Number.isFinite(value)) return 'n/a ';
  return (strict ? value < budget : value <= budget) ? 'PASS' : 'OVER';
}

function line(name, value, budget, result) {
  console.log(`  ${name.padEnd(52)} ${String(value).padStart(22)}   ${budget.padEnd(18)} ${result}`);
}

function readNative() {
  const file = process.env.BENCH_NATIVE;
  if (!file || !existsSync(file)) return {};
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return {};
  }
}

function partnershipScreenExists() {
  const dir = join(ROOT, 'src/components');
  return existsSync(dir) && readdirSync(dir).some((f) => /partnership/.test(f));
}

async function main() {
  if (!existsSync(join(SITE, 'index.html'))) {
    console.error(`${SITE}index.html is missing: build first (scripts/bench.sh does)`);
    process.exit(1);
  }
  const server = await startServer({ root: SITE });
  const wasmFile = readdirSync(SITE).find((f) => f.endsWith('.wasm'));
  console.log(`Serving ${SITE} on ${server.url} (brotli, or gzip without .br copies); ${RUNS} cold runs, ${CLICKS} answer clicks each`);
  if (wasmFile) console.log(`  wasm: ${wasmFile}, ${statSync(join(SITE, wasmFile)).size} bytes raw`);
  const runs = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      const r = await run(i, server);
      runs.push(r);
      const d = r.downloads;
      console.log(
        `  run ${r.run}: first screen ${r.firstScreenRequests} req ${kb(r.firstScreenBytes)}; ` +
          `first question cold ${ms(r.coldFirstQuestion)} warm ${ms(r.warmFirstQuestion)}; ` +
          `click median ${ms(median(r.clicks))}; summary ${ms(r.summary)}; ` +
          `downloads ${['html', 'markdown', 'csv', 'json'].map((k) => ms(d[k].inPage)).join('/')}; ` +
          `heap ${mb(r.jsHeap)} + wasm ${mb(r.wasm)}` +
          (r.errors.length ? `; errors: ${r.errors.join(' | ')}` : ''),
      );
    }
  } finally {
    await server.close();
  }

  let users = null;
  if (USERS_RUNS > 0) {
    console.log(
      `\nMeasuring like our users: ${USERS_RUNS} runs (a fresh browser each; a fresh context per page and profile); ` +
        'first screen ready, cold, no slowdown / CPU 4x / CPU 4x + slow network:',
    );
    const triple = (r, key, temperature = 'cold', mark = 'firstScreen') =>
      PROFILES.map((p) => ms(r[`${key}:${p.key}`]?.[temperature]?.[mark])).join(' / ');
    users = await measureLikeUsers({
      site: SITE,
      runs: USERS_RUNS,
      log: (r) =>
        console.log(
          `  run ${r.run}: static form ${triple(r, 'static')}; standalone ${triple(r, 'standalone')} ` +
            `(warm ${triple(r, 'standalone', 'warm')}); embed ${triple(r, 'embed')} (warm ${triple(r, 'embed', 'warm')})` +
            (r.errors.length ? `; errors: ${r.errors.join(' | ')}` : ''),
        ),
    });
  }

  const pick = (f) => runs.map(f);
  const native = readNative();
  const all = runs.flatMap((r) => r.clicks);
  const first = runs[0];
  const fig = {
    firstScreenBytes: median(pick((r) => r.firstScreenBytes)),
    firstScreenRequests: median(pick((r) => r.firstScreenRequests)),
    precacheBytes: median(pick((r) => r.precacheBytes)),
    precacheRequests: median(pick((r) => r.precacheRequests)),
    coldWasmLoaded: median(pick((r) => r.coldWasmLoaded)),
    warmWasmLoaded: median(pick((r) => r.warmWasmLoaded)),
    coldFirstScreen: median(pick((r) => r.coldFirstScreen)),
    coldFirstQuestion: median(pick((r) => r.coldFirstQuestion)),
    warmFirstScreen: median(pick((r) => r.warmFirstScreen)),
    warmFirstQuestion: median(pick((r) => r.warmFirstQuestion)),
    warmNetworkBytes: median(pick((r) => r.warmNetworkBytes)),
    clickMedian: median(all),
    clickP95: quantile(all, 0.95),
    clickMax: Math.max(...all),
    clearMedian: median(runs.flatMap((r) => r.clears)),
    summary: median(pick((r) => r.summary)),
    downloads: Object.fromEntries(
      ['html', 'markdown', 'csv', 'json'].map((k) => [
        k,
        {
          inPage: median(pick((r) => r.downloads[k].inPage)),
          event: median(pick((r) => r.downloads[k].event)),
          bytes: median(pick((r) => r.downloads[k].bytes)),
        },
      ]),
    ),
    jsHeap: median(pick((r) => r.jsHeap)),
    wasm: median(pick((r) => r.wasm)),
    partnership: runs.some((r) => r.partnership?.status === 'measured')
      ? median(pick((r) => r.partnership?.ms))
      : NaN,
    native,
  };
  fig.browserModel = fig.summary + Object.values(fig.downloads).reduce((s, d) => s + d.inPage, 0);
  fig.memory = fig.jsHeap + fig.wasm;
  fig.languageSwitch = Math.max(
    median(pick((r) => r.languageSwitch.toWelsh)),
    median(pick((r) => r.languageSwitch.toEnglish)),
  );
  const withSwitch = runs.filter((r) => r.partnershipLanguageSwitch);
  fig.partnershipLanguageSwitch = withSwitch.length
    ? Math.max(median(withSwitch.map((r) => r.partnershipLanguageSwitch.toWelsh)), median(withSwitch.map((r) => r.partnershipLanguageSwitch.toEnglish)))
    : NaN;
  fig.partnershipOpened = median(runs.map((r) => r.partnership?.openedIn).filter(Number.isFinite));

  console.log(`\nFirst screen requests (run 1):`);
  for (const r of first.firstScreenList) console.log(`  ${String(r.bytes).padStart(8)}  ${r.encoding ?? 'identity'}  ${r.url}`);
  if (first.laterPageRequests.length) {
    console.log(`  later, from the page: ${first.laterPageRequests.map((r) => `${r.url} (${r.bytes})`).join(', ')}`);
  }
  if (first.foreignRequests.length) console.log(`  requests to other origins: ${first.foreignRequests.join(', ')}`);

  console.log(`\nReady to Share benchmark: medians of ${runs.length} cold runs (Chromium ${await chromiumVersion()})`);
  line('figure', 'measured', 'budget', 'result');
  const files = firstScreenFiles(SITE);
  fig.firstScreenFileBytes = files.reduce((sum, f) => sum + f.gzipped, 0);
  line(`first screen, bytes: its ${files.length} files, gzip -9`, kb(fig.firstScreenFileBytes), '<= 150 KB', verdict(fig.firstScreenFileBytes, BUDGETS.firstScreenBytes, false));
  line('  the goal beyond issue 13', kb(fig.firstScreenFileBytes), '<= 100 KB', verdict(fig.firstScreenFileBytes, BUDGETS.firstScreenBytesGoal, false));
  line('first screen, bytes over the wire (as sent: brotli, headers too)', kb(fig.firstScreenBytes), '<= 150 KB', verdict(fig.firstScreenBytes, BUDGETS.firstScreenBytes, false));
  line('first screen, requests', fig.firstScreenRequests, '<= 5', verdict(fig.firstScreenRequests, BUDGETS.firstScreenRequests, false));
  line('  + service worker precache after load (separate)', `${fig.precacheRequests} req, ${kb(fig.precacheBytes)}`, '-', '');
  line('wasm downloaded (its responseEnd), cold', ms(fig.coldWasmLoaded), '-', '');
  line('first screen shown ("Start now"), cold', ms(fig.coldFirstScreen), '-', '');
  line('first question interactive, cold', ms(fig.coldFirstQuestion), '-', '');
  line('wasm from the service worker (responseEnd), warm', ms(fig.warmWasmLoaded), '-', '');
  line('first screen shown, warm (2nd navigation)', ms(fig.warmFirstScreen), '-', '');
  line('first question interactive, warm', ms(fig.warmFirstQuestion), '-', '');
  line('  warm navigation bytes from the network', kb(fig.warmNetworkBytes), '-', '');
  line(`answer click -> DOM updated, median (${all.length} clicks)`, ms(fig.clickMedian), '< 4 ms', verdict(fig.clickMedian, BUDGETS.clickMedian));
  line('answer click -> DOM updated, p95', ms(fig.clickP95), '< 16 ms', verdict(fig.clickP95, BUDGETS.clickP95));
  line('  (clear answer -> DOM updated, median)', ms(fig.clearMedian), '-', '');
  line('"See your summary" -> summary heading (browser)', ms(fig.summary), '-', '');
  for (const [k, d] of Object.entries(fig.downloads)) {
    line(`download ${k}: click -> file made (browser)`, ms(d.inPage), '-', '');
    line(`  click -> Playwright 'download' event`, ms(d.event), '-', `(${kb(d.bytes)})`);
  }
  line('summary + all downloads (browser, in page)', ms(fig.browserModel), '< 10 ms', verdict(fig.browserModel, BUDGETS.model));
  if (Number.isFinite(native.modelTotal)) {
    line('summary + all downloads (native model)', ms(native.modelTotal), '< 10 ms', verdict(native.modelTotal, BUDGETS.model));
  } else {
    line('summary + all downloads (native model)', 'not run', '< 10 ms', '');
  }
  if (Number.isFinite(fig.partnership)) {
    line(`partnership view of ${PARTNERS} files (browser)`, ms(fig.partnership), '< 100 ms', verdict(fig.partnership, BUDGETS.partnership));
  } else {
    const why = partnershipScreenExists() ? 'screen not reachable' : 'not built yet';
    line(`partnership view of ${PARTNERS} files (browser)`, why, '< 100 ms', '');
  }
  if (Number.isFinite(native.partnershipTotal)) {
    line(`partnership of ${PARTNERS} files (native: read, view, downloads)`, ms(native.partnershipTotal), '< 100 ms', verdict(native.partnershipTotal, BUDGETS.partnership));
  }
  line('JS heap after a full assessment (after GC)', mb(fig.jsHeap), '', '');
  line('wasm memory after a full assessment', mb(fig.wasm), '', '');
  line('JS heap + wasm memory', mb(fig.memory), '< 8 MB', verdict(fig.memory, BUDGETS.memory));
  line('switching language on the summary, CPU 4x (slower way)', ms(fig.languageSwitch), '< 100 ms', verdict(fig.languageSwitch, BUDGETS.languageSwitch));
  line(`  on the partnership view of ${PARTNERS} files, CPU 4x (slower way)`, ms(fig.partnershipLanguageSwitch), '< 100 ms', verdict(fig.partnershipLanguageSwitch, BUDGETS.languageSwitch));
  line('opening the partnership view: press -> its file picker (first time: the whole app fetched)', ms(fig.partnershipOpened), '-', '');
  console.log(
    '\nNotes: timings are medians over cold runs and move with the machine\'s load. The browser\'s "summary +\n' +
      'all downloads" includes building and laying out the summary page and the browser\'s Blob and download\n' +
      'work; the model\'s own time is the native figure. The service worker\'s precache fetches happen after\n' +
      'load and are not counted in the first screen.',
  );
  const errors = runs.flatMap((r) => r.errors);
  if (errors.length) console.log(`\nThe page reported errors: ${[...new Set(errors)].join(' | ')}`);

  if (users) reportUsers(users);
  printBudgets(fig, users);

  if (process.env.BENCH_JSON) writeFileSync(process.env.BENCH_JSON, JSON.stringify({ figures: fig, runs, users }, null, 2));
}

const PROFILE_NOTES = {
  none: 'no slowdown',
  cpu: `CPU ${CPU_SLOWDOWN}x slower (CDP Emulation.setCPUThrottlingRate)`,
  users:
    `CPU ${CPU_SLOWDOWN}x slower and a slow network: ${(SLOW_NETWORK.downloadThroughput * 8) / 1e6} Mbit/s down, ` +
    `${(SLOW_NETWORK.uploadThroughput * 8) / 1e3} kbit/s up, ${SLOW_NETWORK.latency} ms round trip (CDP Network.emulateNetworkConditions)`,
};

function reportUsers(users) {
  console.log(
    `\nMeasured like our users: medians of ${users.runs.length} runs; ms from the start of navigation; ` +
      'bytes as sent (brotli), headers too, excluding the cache and the service worker',
  );
  for (const p of PROFILES) console.log(`  ${p.key.padEnd(6)} ${PROFILE_NOTES[p.key]}`);
  printTable(users);
  console.log(
    `  The static form: ${kb(users.staticForm.raw)} of HTML made from content/pack.en.json (every question, a plain <form>, no script);\n` +
      '  its "first screen ready" is its first radio usable. The embed: a host page on another site with\n' +
      '  <ready-to-share> and embed.js; its first paint is the host page\'s. Warm: the second visit in the same\n' +
      '  context (the standalone page from its service worker, the embed from the HTTP cache, files served\n' +
      '  with the README\'s caching headers).',
  );
}

/** One ratio against its budget: the standalone page's cold figure over the static form's (its `baseMark`). */
function ratioLine(users, profile, mark, name, budget, baseMark = mark) {
  const app = users?.figures.standalone[profile]?.cold?.[mark];
  const base = users?.figures.static[profile]?.cold?.[baseMark];
  const ratio = app / base;
  const value = Number.isFinite(ratio) ? `${ratio.toFixed(2)}x (${app.toFixed(0)}/${base.toFixed(0)} ms)` : 'not run';
  line(name, value, `<= ${budget}x static`, verdict(ratio, budget, false));
}

/** Every budget of issue 13 (standalone page, first screen), each with its figure. */
function printBudgets(fig, users) {
  console.log('\nBudgets (issue 13, "Ready to Share 2, part 4"; standalone page, cold, medians)');
  line('figure', 'measured', 'budget', 'result');
  line('first screen, bytes (its files, gzip -9)', kb(fig.firstScreenFileBytes), '<= 150 KB', verdict(fig.firstScreenFileBytes, BUDGETS.firstScreenBytes, false));
  line('  the goal beyond this issue', kb(fig.firstScreenFileBytes), '<= 100 KB', verdict(fig.firstScreenFileBytes, BUDGETS.firstScreenBytesGoal, false));
  ratioLine(users, 'cpu', 'firstPaint', 'first paint, CPU 4x', BUDGETS.firstPaintRatio);
  ratioLine(users, 'cpu', 'firstScreen', 'first screen ready, CPU 4x', BUDGETS.firstScreenRatio);
  ratioLine(users, 'users', 'firstPaint', 'first paint, CPU 4x + slow network', BUDGETS.firstPaintRatio);
  ratioLine(users, 'users', 'firstScreen', 'first screen ready, CPU 4x + slow network', BUDGETS.firstScreenRatio);
  // The start screen written into index.html is ready before the app: the
  // app's own arrival is shown against the same budget, so neither hides.
  ratioLine(users, 'cpu', 'appReady', '  the app in, CPU 4x', BUDGETS.firstScreenRatio, 'firstScreen');
  ratioLine(users, 'users', 'appReady', '  the app in, CPU 4x + slow network', BUDGETS.firstScreenRatio, 'firstScreen');
  line('answer click -> page updated, median', ms(fig.clickMedian), '< 4 ms', verdict(fig.clickMedian, BUDGETS.clickMedian));
  if (Number.isFinite(fig.partnership)) {
    line(`partnership view of ${PARTNERS} files (browser)`, ms(fig.partnership), '< 100 ms', verdict(fig.partnership, BUDGETS.partnership));
  } else {
    line(`partnership view of ${PARTNERS} files (browser)`, 'not measured', '< 100 ms', '');
  }
  if (Number.isFinite(fig.native.partnershipTotal)) {
    line(`partnership of ${PARTNERS} files (native)`, ms(fig.native.partnershipTotal), '< 100 ms', verdict(fig.native.partnershipTotal, BUDGETS.partnership));
  }
  line('memory: JS heap + wasm after a full assessment', mb(fig.memory), '< 8 MB', verdict(fig.memory, BUDGETS.memory));
  printVisitBudgets(fig, users);
}

/** A page's figure over the static form's, cold (the form has no warm visit). */
function ratioTo(users, page, profile, temperature, mark, baseMark = 'firstScreen') {
  const app = users?.figures[page][profile]?.[temperature]?.[mark];
  const base = users?.figures.static[profile]?.cold?.[baseMark];
  return { app, base, ratio: app / base, paired: pairedRatio(users, page, profile, temperature, mark, baseMark) };
}

/**
 * The median, over runs, of each run's own ratio: the page against the
 * static form measured in that run, a few seconds apart. On a shared
 * machine whose load drifts from run to run, this cancels what moves both,
 * where the ratio of the two medians does not.
 */
function pairedRatio(users, page, profile, temperature, mark, baseMark) {
  const ratios = (users?.runs ?? [])
    .map((run) => run[`${page}:${profile.key ?? profile}`]?.[temperature]?.[mark] / run[`static:${profile.key ?? profile}`]?.cold?.[baseMark])
    .filter(Number.isFinite);
  return ratios.length ? median(ratios) : NaN;
}

/**
 * Every budget of issue 22 ("Ready to Share 3, part 3": every visit near
 * the floor), for the standalone page and the embed, cold and warm, each
 * against the static form measured in the same run.
 */
function printVisitBudgets(fig, users) {
  console.log('\nBudgets (issue 22, "Ready to Share 3, part 3"; medians; the static form measured in the same run)');
  line('figure', 'measured', 'budget', 'result');
  const rows = firstScreenFiles(SITE);
  const worker = measureWorker(SITE, rows);
  const sum = (list, key) => list.reduce((total, r) => total + r[key], 0);
  const [gzip, brotli] = [sum(rows, 'gzipped'), sum(rows, 'brotli')];
  line('bytes before the app acts, standalone: its files, brotli 11', kb(brotli), '<= 250 KB', verdict(brotli, BUDGETS.appBytesBrotli, false));
  line('  the goal beyond issue 22', kb(brotli), '<= 100 KB', verdict(brotli, BUDGETS.appBytesGoal, false));
  line('  the same, gzip -9', kb(gzip), '-', '');
  for (const page of ['standalone', 'embed']) {
    for (const temperature of ['cold', 'warm']) {
      const sent = users?.figures[page].none?.[temperature]?.appBytes;
      line(`  ${page}, ${temperature}: as sent (brotli), headers too`, kb(sent), temperature === 'cold' ? '<= 250 KB' : '-', temperature === 'cold' ? verdict(sent, BUDGETS.appBytesBrotli, false) : '');
    }
    const gzipSent = users?.gzipOnly?.[page];
    line(`  ${page}, cold: as sent to a browser taking gzip only`, kb(gzipSent), '-', '');
  }
  for (const [name, key] of [['gzip', 'gzipped'], ['brotli', 'brotli']]) {
    const before = sum(rows, key);
    const visit = before + sum(worker, key);
    const ratio = visit / before;
    line(`whole first visit, service worker included, ${name}`, `${kb(visit)} (${ratio.toFixed(3)}x)`, '<= 1.1x', verdict(ratio, BUDGETS.firstVisitRatio, false));
  }
  for (const page of ['standalone', 'embed']) {
    for (const temperature of ['cold', 'warm']) {
      console.log(`  ${page}, ${temperature}, CPU 4x:`);
      const marks = [
        ['firstPaint', 'first paint', BUDGETS.firstPaintRatio, 'firstPaint'],
        ['firstScreen', 'start screen ready', null, 'firstScreen'],
        ['appReady', 'the app in', BUDGETS.appInRatio, 'firstScreen'],
        ['firstQuestion', 'first question interactive', null, 'firstScreen'],
      ];
      for (const [mark, name, budget, baseMark] of marks) {
        // The embed's first paint is its host page's: no budget of ours.
        const held = budget && !(page === 'embed' && mark === 'firstPaint') ? budget : null;
        const { app, base, ratio, paired } = ratioTo(users, page, 'cpu', temperature, mark, baseMark);
        const value = Number.isFinite(ratio) ? `${ratio.toFixed(2)}x (${app.toFixed(0)}/${base.toFixed(0)} ms)` : 'not run';
        line(`    ${name}`, value, held ? `<= ${held}x static` : '-', held ? verdict(ratio, held, false) : '');
        if (held && Number.isFinite(paired)) {
          line(`      each run against its own static form, median`, `${paired.toFixed(2)}x`, `<= ${held}x static`, verdict(paired, held, false));
        }
      }
    }
  }
  line('summary and all downloads (browser, in page)', ms(fig.browserModel), '< 10 ms', verdict(fig.browserModel, BUDGETS.model));
  line('answer click -> page updated, median', ms(fig.clickMedian), '< 4 ms', verdict(fig.clickMedian, BUDGETS.clickMedian));
  if (Number.isFinite(fig.partnership)) {
    line(`partnership view of ${PARTNERS} files (browser)`, ms(fig.partnership), '< 100 ms', verdict(fig.partnership, BUDGETS.partnership));
  }
  line('memory: JS heap + wasm after a full assessment', mb(fig.memory), '< 8 MB', verdict(fig.memory, BUDGETS.memory));
}

async function chromiumVersion() {
  const browser = await launch();
  const version = browser.version();
  await browser.close();
  return version;
}

await main();
