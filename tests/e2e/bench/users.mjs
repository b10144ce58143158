// "Measure like our users": the start of the journey timed on an old laptop
// over a slow connection, for the standalone page, the embed (a host page
// with <ready-to-share> from embed.js) and, as the baseline, a static HTML
// form of the same questions (static-form.mjs). Part of the benchmark
// (tests/e2e/bench.mjs imports it); on its own:
//
//   node tests/e2e/bench/users.mjs      (BENCH_RUNS, BENCH_DIST as bench.mjs)
//
// Profiles, each set through the Chrome DevTools Protocol on the page's
// target before the first navigation:
//   none    no slowdown;
//   cpu     CPU 4x slower (Emulation.setCPUThrottlingRate, rate 4);
//   users   CPU 4x slower and a slow network (Network.emulateNetworkConditions:
//           1.6 Mbit/s down, 750 kbit/s up, 150 ms round trip).
//
// Each run launches a fresh browser; each page and profile gets a fresh
// context (empty cache, no service worker). Figures, all from
// performance.now() (zero = the start of navigation):
// - first paint: the page's `paint` entries (for the embed, the host page's:
//   its own heading paints before the widget); first contentful paint is in
//   the JSON (BENCH_JSON) only, as it has always equalled first paint;
// - first screen ready: the standalone page and the embed, the start page's
//   heading and its "Start now" button both in the page, laid out, visible
//   and (the button) enabled; the static form, its first radio the same;
//   on the standalone page this is the start screen written into index.html
//   at build time, whose press is kept until the app is in;
// - the app in: the app's own root drawn (it carries data-rts-save-state);
// - first question ready: after pressing "Start now", the journey is walked
//   as soon as each control is usable (Save and continue, the first theme)
//   until every radio of the first question is usable;
// - cold is the first visit; warm the second, in the same context after the
//   page has loaded (and, for the standalone page, its service worker
//   controls it), with the saved progress removed so the same journey is
//   walked. The files are served as the README asks (scripts/static-server.mjs
//   with `caching`: the build's brotli copies, the caching headers and "not
//   modified" answers), so the embed's second visit uses the HTTP cache and
//   the standalone page's its service worker.
// Nothing waits a fixed time: each mark is taken by a MutationObserver on
// the document and every shadow root the page attaches (the widget's is
// closed: the instrument keeps a reference, it does not open it), with a
// 25 ms poll as well for property changes (disabled) that are not mutations.
// Waits that could hang have a generous time limit, which fails the run.

import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../helpers.mjs';
import { DIST } from '../server.mjs';
import { startServer } from '../../../scripts/static-server.mjs';
import { staticForm } from './static-form.mjs';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const HASH = '#rts-bench-users';
const LIMIT = 120_000;

export const SLOW_NETWORK = {
  offline: false,
  latency: 150, // ms, round trip
  downloadThroughput: (1.6e6 / 8) | 0, // bytes per second: 1.6 Mbit/s
  uploadThroughput: (750e3 / 8) | 0, // 750 kbit/s
};
export const CPU_SLOWDOWN = 4;

export const PROFILES = [
  { key: 'none', label: 'no slowdown', cpu: 1, network: null },
  { key: 'cpu', label: `CPU ${CPU_SLOWDOWN}x`, cpu: CPU_SLOWDOWN, network: null },
  { key: 'users', label: `CPU ${CPU_SLOWDOWN}x + slow net`, cpu: CPU_SLOWDOWN, network: SLOW_NETWORK },
];

export const PAGES = ['static', 'standalone', 'embed'];

// ------------------------------------------------------- in-page instrument

/** Runs in every document before its own scripts; walks the journey when the address ends in HASH. */
function instrument(config) {
  const roots = [document];
  const watchers = new Set();
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    roots.push(root);
    for (const watch of watchers) watch(root);
    return root;
  };

  const paints = {};
  const painted = new Promise((resolve) => {
    try {
      const observer = new PerformanceObserver((list) => {
        for (const e of list.getEntries()) paints[e.name] = e.startTime;
        if ('first-paint' in paints && 'first-contentful-paint' in paints) {
          observer.disconnect();
          resolve(paints);
        }
      });
      observer.observe({ type: 'paint', buffered: true });
    } catch {
      resolve(paints);
    }
  });

  const all = (selector) => roots.flatMap((root) => [...root.querySelectorAll(selector)]);
  const usable = (el) => Boolean(el && el.isConnected && !el.disabled && el.getClientRects().length > 0);
  const text = (el) => el.textContent.replace(/\s+/g, ' ').trim();

  /** Resolves with { value, t } once check() is truthy, checked on every DOM change. */
  function waitFor(check, limit) {
    return new Promise((resolve, reject) => {
      const observers = [];
      const options = { subtree: true, childList: true, attributes: true, characterData: true };
      const watch = (root) => {
        const observer = new MutationObserver(test);
        observer.observe(root, options);
        observers.push(observer);
      };
      const stop = () => {
        watchers.delete(watch);
        for (const o of observers) o.disconnect();
        clearInterval(poll);
        clearTimeout(timer);
      };
      let done = false;
      function test() {
        if (done) return;
        let value;
        try {
          value = check();
        } catch {}
        if (value) {
          const t = performance.now();
          done = true;
          stop();
          resolve({ value, t });
        }
      }
      watchers.add(watch);
      roots.forEach(watch);
      const poll = setInterval(test, 25);
      const timer = setTimeout(() => {
        if (done) return;
        done = true;
        stop();
        reject(new Error(`timed out waiting for ${check}`));
      }, limit);
      test();
    });
  }

  const button = (label) => all('button').find((b) => text(b) === label && usable(b));
  const heading = (words) =>
    all('h1, h2, h3, h4, h5, h6, [role="heading"]').find((h) => text(h) === words && usable(h));
  /** Every radio of the first question, once all are usable. */
  const firstQuestion = () => {
    const first = all('input[type="radio"]')[0];
    if (!first) return null;
    const group = first.closest('fieldset') ?? first.form ?? first.parentNode;
    const radios = [...group.querySelectorAll('input[type="radio"]')];
    return radios.every(usable) ? radios : null;
  };

  if (location.hash !== config.hash) return;
  window.__rtsUsers = (async () => {
    const marks = {};
    if (config.mode === 'static') {
      marks.firstScreen = (await waitFor(() => usable(all('input[type="radio"]')[0]), config.limit)).t;
    } else {
      // The app is in when its root carries data-rts-save-state; until then
      // the standalone page shows the start screen written in at build time,
      // whose "Start now" press is kept and done again once the app is in.
      const appIn = waitFor(() => all('[data-rts-save-state]')[0], config.limit);
      const start = await waitFor(
        () => heading(config.startHeading) && button(config.labels.start),
        config.limit,
      );
      marks.firstScreen = start.t;
      start.value.click();
      marks.appReady = (await appIn).t;
      marks.startPressed = performance.now();
      const save = await waitFor(() => button(config.labels.save), config.limit);
      save.value.click();
      const theme = await waitFor(() => button(config.labels.theme), config.limit);
      theme.value.click();
      marks.firstQuestion = (await waitFor(firstQuestion, config.limit)).t;
    }
    const timeout = new Promise((resolve) => setTimeout(resolve, config.limit, paints));
    await Promise.race([painted, timeout]);
    marks.firstPaint = paints['first-paint'];
    marks.firstContentfulPaint = paints['first-contentful-paint'];
    return marks;
  })();
}

// ------------------------------------------------------------------ a visit

async function openSession(browser, profile, config) {
  const context = await browser.newContext();
  context.setDefaultTimeout(LIMIT);
  await context.addInitScript(instrument, config);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
  if (profile.network) await cdp.send('Network.emulateNetworkConditions', profile.network);
  if (profile.cpu !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
  const requests = new Map();
  cdp.on('Network.requestWillBeSent', (e) => {
    requests.set(e.requestId, { url: e.request.url, wallTime: e.wallTime * 1000, bytes: 0, cached: false });
  });
  cdp.on('Network.requestServedFromCache', (e) => {
    const r = requests.get(e.requestId);
    if (r) r.cached = true;
  });
  cdp.on('Network.responseReceived', (e) => {
    const r = requests.get(e.requestId);
    if (r) {
      r.status = e.response.status;
      r.cached ||= Boolean(e.response.fromServiceWorker || e.response.fromDiskCache || e.response.fromPrefetchCache);
    }
  });
  cdp.on('Network.loadingFinished', (e) => {
    const r = requests.get(e.requestId);
    if (r) r.bytes = e.encodedDataLength;
  });
  return { context, page, cdp, requests, errors };
}

/** One navigation to `url` (which ends in HASH); its marks and the bytes before the first screen. */
async function visit(session, url) {
  const { page, requests } = session;
  requests.clear();
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  const marks = await page.evaluate(() => window.__rtsUsers);
  await page.waitForLoadState('load');
  const timeOrigin = await page.evaluate(() => performance.timeOrigin);
  const cutoff = timeOrigin + marks.firstScreen + 1;
  const sentBy = (time) => [...requests.values()].filter((r) => r.wallTime <= time && !r.url.startsWith('data:'));
  const bytes = (list) => list.filter((r) => !r.cached).reduce((s, r) => s + r.bytes, 0);
  const sent = sentBy(cutoff);
  marks.networkBytes = bytes(sent);
  marks.requests = sent.length;
  // Before the app acts on a press: every byte sent until it is in (for
  // the standalone page, its start screen is shown long before).
  if (Number.isFinite(marks.appReady)) marks.appBytes = bytes(sentBy(timeOrigin + marks.appReady + 1));
  return marks;
}

/**
 * The bytes each page sends before the app is in, cold, for a browser that
 * takes gzip only (its Accept-Encoding set through the DevTools protocol):
 * one visit each, as bytes do not vary from run to run.
 * { standalone, embed }, NaN where the browser cannot be asked.
 */
async function bytesWithGzipOnly(urls) {
  const { config } = texts();
  const browser = await launch();
  const out = {};
  try {
    for (const name of ['standalone', 'embed']) {
      const session = await openSession(browser, PROFILES[0], { ...config, mode: 'app' });
      try {
        await session.cdp.send('Network.setExtraHTTPHeaders', { headers: { 'Accept-Encoding': 'gzip' } });
        out[name] = (await visit(session, urls[name])).appBytes;
      } catch {
        out[name] = NaN;
      } finally {
        await session.context.close();
      }
    }
  } finally {
    await browser.close();
  }
  return out;
}

/** Waits until the standalone page's service worker controls it (it has its copy of the files). */
async function serviceWorkerReady(page) {
  const ready = await page.evaluate(
    (limit) =>
      'serviceWorker' in navigator &&
      Promise.race([
        navigator.serviceWorker.ready.then(() => true),
        new Promise((resolve) => setTimeout(resolve, limit, false)),
      ]),
    LIMIT,
  );
  if (!ready) throw new Error('the standalone page registered no service worker');
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: LIMIT });
}

/** Leaves the page (it saves progress as it goes) and removes the saved progress, not the caches. */
async function forgetProgress(session, origin) {
  await session.page.goto('about:blank');
  await session.cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: 'local_storage' });
}

// --------------------------------------------------------------------- runs

function hostPage(embedOrigin) {
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>Information sharing in our area</title>
<script type="module" src="${embedOrigin}/embed.js"></script>
</head>
<body>
<h1>Information sharing in our area</h1>
<p>Partners in our area use this self-assessment before the quarterly workshop.</p>
<ready-to-share storage-key="bench" heading-level="2"></ready-to-share>
</body>
</html>
`;
}

function texts() {
  const pack = JSON.parse(readFileSync(join(ROOT, 'content/pack.en.json'), 'utf8'));
  const locale = JSON.parse(readFileSync(join(ROOT, 'content/locale.en.json'), 'utf8'));
  return {
    pack,
    config: {
      hash: HASH,
      limit: LIMIT,
      startHeading: pack.start.heading,
      labels: { start: locale.ui.start_button, save: locale.ui.save_and_continue, theme: pack.themes[0].title },
    },
    notSure: locale.common?.not_sure ?? 'Not sure',
  };
}

async function launch() {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run scripts/setup.sh --browser`);
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

/**
 * Runs the whole measurement: `runs` fresh browsers, each visiting every
 * page under every profile. Resolves to { runs: [...], figures, staticBytes }
 * where figures[page][profile][temperature][mark] is a median.
 */
export async function measureLikeUsers({ site = DIST, runs = 5, log = () => {} } = {}) {
  const { pack, config, notSure } = texts();
  const form = staticForm(pack, { notSure });
  const pages = { '/static-form.html': form };
  // Served as the README asks: the build's brotli (or gzip) copies, and
  // its caching headers with "not modified" answers.
  const dist = await startServer({ root: site, cors: true, caching: true });
  const host = await startServer({ root: site, pages, caching: true });
  // The embed's files come from another site (localhost is not 127.0.0.1), as on a partner's page.
  const embedOrigin = `http://localhost:${dist.port}`;
  pages['/host.html'] = hostPage(embedOrigin);
  pages['/warm-up.html'] = '<!DOCTYPE html><html lang="en"><link rel="icon" href="data:,"><title>warm-up</title><p>Warm-up.</p></html>';
  const urls = {
    static: `${host.origin}/static-form.html${HASH}`,
    standalone: `${dist.origin}/${HASH}`,
    embed: `${host.origin}/host.html${HASH}`,
  };
  const results = [];
  let gzipOnly = {};
  try {
    for (let i = 0; i < runs; i++) {
      const browser = await launch();
      const run = { run: i + 1, errors: [] };
      try {
        // The browser's first page pays for starting its network service and
        // caches: a throwaway visit first, so no measured page pays for it.
        const warmUp = await browser.newContext();
        await (await warmUp.newPage()).goto(`${host.origin}/warm-up.html`, { waitUntil: 'load' });
        await warmUp.close();
        for (const profile of PROFILES) {
          for (const name of PAGES) {
            const session = await openSession(browser, profile, { ...config, mode: name === 'static' ? 'static' : 'app' });
            try {
              const cold = await visit(session, urls[name]);
              const out = { cold };
              if (name !== 'static') {
                if (name === 'standalone') await serviceWorkerReady(session.page);
                await forgetProgress(session, name === 'standalone' ? dist.origin : host.origin);
                out.warm = await visit(session, urls[name]);
              }
              run[`${name}:${profile.key}`] = out;
              run.errors.push(...session.errors.map((e) => `${name}/${profile.key}: ${e}`));
            } finally {
              await session.context.close();
            }
          }
        }
      } finally {
        await browser.close();
      }
      results.push(run);
      log(run);
    }
    gzipOnly = await bytesWithGzipOnly(urls);
  } finally {
    await dist.close();
    await host.close();
  }
  return { runs: results, figures: summarise(results), gzipOnly, staticForm: { raw: Buffer.byteLength(form) } };
}

const finite = (xs) => xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
export function median(xs) {
  const s = finite(xs);
  if (!s.length) return NaN;
  const m = (s.length - 1) / 2;
  return (s[Math.floor(m)] + s[Math.ceil(m)]) / 2;
}

const MARKS = ['firstPaint', 'firstContentfulPaint', 'firstScreen', 'appReady', 'firstQuestion', 'networkBytes', 'appBytes', 'requests'];

function summarise(runs) {
  const figures = {};
  for (const name of PAGES) {
    figures[name] = {};
    for (const profile of PROFILES) {
      const entry = (figures[name][profile.key] = {});
      for (const temperature of ['cold', 'warm']) {
        const visits = runs.map((r) => r[`${name}:${profile.key}`]?.[temperature]).filter(Boolean);
        if (!visits.length) continue;
        entry[temperature] = Object.fromEntries(MARKS.map((m) => [m, median(visits.map((v) => v[m]))]));
      }
    }
  }
  return figures;
}

// ---------------------------------------------------------------- reporting

const ms = (x) => (Number.isFinite(x) ? `${x.toFixed(x < 10 ? 1 : 0)} ms` : '-');
const kb = (x) => (Number.isFinite(x) ? `${(x / 1024).toFixed(1)} KB` : '-');

/** Prints the table of figures: one row per page, mark and visit; one column per profile. */
export function printTable({ figures, runs }, print = console.log) {
  const head = (a, cols) => print(`  ${a.padEnd(46)}${cols.map((c) => c.padStart(14)).join('')}`);
  head('', PROFILES.map((p) => p.key));
  const rows = [
    ['static form (the baseline)'],
    ['static', 'cold', 'firstPaint', '  first paint'],
    ['static', 'cold', 'firstScreen', '  first screen ready (its first radio)'],
    ['static', 'cold', 'networkBytes', '  bytes over the network before it', kb],
  ];
  for (const name of ['standalone', 'embed']) {
    for (const temperature of ['cold', 'warm']) {
      rows.push(
        [`${name === 'standalone' ? 'standalone page' : 'embed (a host page with embed.js)'}, ${temperature}`],
        [name, temperature, 'firstPaint', name === 'embed' ? '  first paint (the host page)' : '  first paint'],
        [name, temperature, 'firstScreen', '  first screen ready (heading, Start now)'],
        [name, temperature, 'appReady', '  the app in (its own start screen drawn)'],
        [name, temperature, 'firstQuestion', '  first question ready (its radios)'],
        [name, temperature, 'networkBytes', '  bytes over the network before first screen', kb],
        [name, temperature, 'appBytes', '  bytes over the network before the app is in', kb],
      );
    }
  }
  for (const [title, temperature, mark, label, format = ms] of rows) {
    if (!temperature) print(`  ${title}`);
    else head(label, PROFILES.map((p) => format(figures[title][p.key]?.[temperature]?.[mark])));
  }
  const errors = [...new Set(runs.flatMap((r) => r.errors))];
  if (errors.length) print(`  the pages reported errors: ${errors.join(' | ')}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const runs = Number(process.env.BENCH_RUNS ?? 5);
  const site = process.env.BENCH_DIST ?? DIST;
  console.log(`Measure like our users: ${runs} runs of ${site}`);
  const result = await measureLikeUsers({
    site,
    runs,
    log: (r) =>
      console.log(
        `  run ${r.run}: ` +
          PROFILES.map(
            (p) =>
              `${p.key}: static ${ms(r[`static:${p.key}`].cold.firstScreen)}, ` +
              `standalone ${ms(r[`standalone:${p.key}`].cold.firstScreen)}/${ms(r[`standalone:${p.key}`].warm.firstScreen)}, ` +
              `embed ${ms(r[`embed:${p.key}`].cold.firstScreen)}/${ms(r[`embed:${p.key}`].warm.firstScreen)}`,
          ).join('; '),
      ),
  });
  printTable(result);
}
