// Mounts Ready to Share on the standalone pages (index.html in English,
// cy.html in Welsh) and the iframe page (frame.html), and registers the
// service worker. Each page loads the first module with its own language
// built in, where the build has one (BUILD.modules), else the default one
// with English built in; any other language is fetched as files. A classic
// script, not a module: it runs even in a sandboxed frame whose module
// scripts are refused, and then says why the tool cannot start.
// scripts/postbuild.mjs fills in BUILD and copies loader.js in.

import {
  asksForResults,
  CurrentWidget,
  firstModule,
  firstModuleLoader,
  firstModules,
  followLanguageChoice,
  keepForOffline,
  languageOptions,
  LoadError,
  openWholeAppWhenAsked,
  rememberedLanguage,
  serviceWorkersOf,
  showLoadFailure,
  startFirstModule,
  startLanguage,
  WHOLE_APP_LANGUAGE,
  wholeAppLoader,
} from './loader.js';
import { holdEarlyInput, replayEarlyInput, whenAppDrawn } from './early-input.js';

/**
 * Filled in by the build; these values are the unit tests'. `glue` and
 * `wasm` are the default first module, with English built in; `modules`
 * the first modules with another language built in, by its code.
 * `languages` holds each language's files (`en`'s too, for a page whose
 * module has another language built in), fetched when it is chosen.
 */
const BUILD = /* @build */ {
  glue: 'ready-to-share.js',
  wasm: 'ready-to-share_bg.wasm',
  modules: {},
  whole: { glue: 'ready-to-share-whole.js', wasm: 'ready-to-share-whole_bg.wasm' },
  contract: {
    storageKey: 'ready-to-share',
    progressKeySuffix: ':progress:v1',
    workshopKeySuffix: ':workshop:v1',
    languageKeySuffix: ':language:v1',
    offlineFile: 'ready-to-share-offline.html',
    statementFile: 'accessibility.html',
    saveDelayMs: 400,
    pageHeadingLevel: 1,
    elementHeadingLevel: 2,
  },
  words: { title: 'Ready to Share could not start.', retry: 'Try again', advice: '', unknown: '' },
  languages: {},
} /* @end */;

/**
 * The widget's options on these pages. The iframe page takes storage-key,
 * heading-level, accent and results-event from its address.
 */
export function pageOptions(search, { inFrame, baseUrl }) {
  const params = new URLSearchParams(search);
  // The build's key, the one index.html's inline script looks for.
  const options = {
    storageKey: BUILD.contract.storageKey,
    headingLevel: BUILD.contract.pageHeadingLevel,
    baseUrl,
    offerOfflineCopy: true,
    statementUrl: baseUrl ? new URL(BUILD.contract.statementFile, baseUrl).href : undefined,
  };
  if (!inFrame) return options;
  if (params.get('storage-key')) options.storageKey = params.get('storage-key');
  if (params.get('heading-level')) options.headingLevel = Number(params.get('heading-level'));
  if (params.get('accent')) options.accent = params.get('accent');
  if (asksForResults(params.get('results-event'))) options.resultsEvent = true;
  return options;
}

/**
 * Starts the app in `root`; on failure shows why, with "Try again" (which
 * reloads the page: the browser keeps a failed module, so only a reload
 * fetches it again).
 */
export async function boot({ root, base, win = globalThis }) {
  const inFrame = root.hasAttribute('data-frame');
  const options = pageOptions(win.location.search, { inFrame, baseUrl: new URL('./', base).href });
  const languageKey = `${options.storageKey}${BUILD.contract.languageKeySuffix}`;
  const storage = localStorageOf(win);
  const asked = new URLSearchParams(win.location.search).get('lang');
  // The page's own language: English for index.html, Welsh for cy.html;
  // for frame.html, which serves every language, the one its address asks
  // for (as its inline script does in choosing what to preload).
  const pageLanguage = startLanguage(
    { asked: inFrame ? asked : null, host: win.document?.documentElement?.lang },
    Object.keys(BUILD.languages),
  );
  // By the page's language, not the one chosen to start in: the page
  // preloads its module, and someone who chose another language on it
  // fetches only that language's files.
  const module = firstModule(pageLanguage, BUILD, base);
  const workers = serviceWorkersOf(win);
  // The worker keeps a page in another language once it is used; on a
  // first visit it does not see the page's own request, so it is asked to.
  if (pageLanguage !== 'en' && !inFrame) {
    const page = new URL(win.location.href);
    page.search = '';
    page.hash = '';
    keepForOffline([page.href], workers);
  }
  const language = startLanguage(
    {
      asked,
      remembered: rememberedLanguage(storage, languageKey),
      host: pageLanguage,
    },
    Object.keys(BUILD.languages),
  );
  const words = language === 'en' ? BUILD.words : BUILD.languages[language].loader;
  const prerendered = root.querySelector('.rts-prerendered');
  // The start screen written into the page at build time, in the page's
  // language, works while the wasm loads: what the user does there is done
  // again once the app is in. In another language it gives way to that
  // language's words.
  if (prerendered && language !== pageLanguage) showLoading(root, words.loading, language);
  const early = language === pageLanguage ? holdEarlyInput(prerendered, { busyText: words.loading }) : undefined;
  let bindings;
  let started = module;
  try {
    // The language's files are fetched while the module loads; again for
    // another module's built-in language if the page's own cannot be had.
    const chosen = languageOptions(language, BUILD.languages, base, module.builtIn);
    ({ bindings, module: started } = await startFirstModule(firstModules(module, BUILD, base), (candidate) =>
      firstModuleLoader(candidate, { workers })(),
    ));
    Object.assign(
      options,
      started === module ? await chosen : await languageOptions(language, BUILD.languages, base, started.builtIn),
    );
  } catch (error) {
    early?.stop();
    const failure = error instanceof LoadError ? error : new LoadError('unknown', module.glue);
    showLoadFailure(root, words, failure.loadCause, failure.file, () => win.location.reload(), {
      headingLevel: BUILD.contract.pageHeadingLevel,
    });
    // The page is the tool's own, so its title says something went wrong,
    // as GOV.UK error pages do. (The embed never changes its host's title.)
    if (win.document) win.document.title = words.error_title ?? win.document.title;
    win.console?.error?.('Ready to Share could not start:', failure.reason ?? failure);
    return null;
  }
  const kept = early?.stop();
  // The app's first screen is drawn before the browser paints again, so the
  // copy is never seen to go.
  root.replaceChildren();
  const handle = new CurrentWidget(bindings.mountWidget(root, options), started.builtIn, language);
  followLanguageChoice(root, handle, {
    files: BUILD.languages,
    base,
    storage,
    key: languageKey,
    // The address says the language, so a reload or a shared link keeps it.
    onChange: (code) => {
      const address = new URL(win.location.href);
      address.searchParams.set('lang', code);
      win.history?.replaceState(win.history.state, '', address);
    },
  });
  // The partnership view is in the whole app, fetched only when opened.
  openWholeAppWhenAsked(root, handle, {
    load: wholeAppLoader(BUILD.whole, base),
    options: async (shown) => ({
      ...options,
      ...(await languageOptions(shown, BUILD.languages, base, WHOLE_APP_LANGUAGE)),
    }),
  });
  if (kept) whenAppDrawn(root).then(() => replayEarlyInput(root, kept));
  if (inFrame) reportHeight(win);
  if (inFrame) forwardResults(win, root);
  saveOfflineCopyThroughWorker(root, win, BUILD.words);
  await offerUpdates(win, root, handle);
  return handle;
}

/** The page's localStorage, or null where reading it throws (blocked). */
function localStorageOf(win) {
  try {
    return win.localStorage ?? null;
  } catch {
    return null;
  }
}

/** In place of the English start screen: "Loading…" in the page's language. */
function showLoading(root, text, language) {
  const message = root.ownerDocument.createElement('p');
  message.className = 'rts-body rts-loading';
  message.lang = language;
  message.textContent = text;
  root.replaceChildren(message);
}

/**
 * Tells the parent page how tall the widget is, so it can size the frame.
 * Only the height is sent: the content's own height, since the root's
 * scrollHeight is never less than the frame's viewport and a frame sized to
 * a tall step could then never shrink.
 */
function reportHeight(win) {
  const doc = win.document;
  const post = () =>
    win.parent.postMessage(
      { type: 'ready-to-share:resize', height: Math.ceil(doc.documentElement.getBoundingClientRect().height) },
      '*',
    );
  new win.ResizeObserver(post).observe(doc.body);
}

/**
 * Passes the widget's ready-to-share:complete event (sent only when the
 * frame's address asked for it, with results-event) to the parent page, as
 * a postMessage of { type: 'ready-to-share:complete', detail }.
 */
function forwardResults(win, root) {
  root.addEventListener('ready-to-share:complete', (event) =>
    win.parent.postMessage({ type: 'ready-to-share:complete', detail: event.detail }, '*'),
  );
}

/**
 * "Save this tool for offline use": the browser does not pass a link's
 * download through the service worker, so with no network it would fail
 * silently. The file is fetched here instead (from the worker's copy when
 * there is one) and offered as a download; if that fails, the page says
 * the network is needed.
 */
export function saveOfflineCopyThroughWorker(root, win, words) {
  root.addEventListener('click', async (event) => {
    const link = event.target?.closest?.('a.rts-offline-link');
    if (!link) return;
    event.preventDefault();
    const doc = win.document;
    link.parentElement?.querySelector('.rts-offline-link-failed')?.remove();
    try {
      // In the language on screen: the worker puts that language's files
      // in the copy and starts it in that language.
      const address = new URL(link.href);
      const language = root.querySelector?.('.rts-app[lang]')?.getAttribute('lang');
      if (language && language !== 'en') address.searchParams.set('lang', language);
      const response = await win.fetch(address.href);
      if (!response.ok) throw new Error(`the server answered ${response.status}`);
      const url = win.URL.createObjectURL(await response.blob());
      const save = doc.createElement('a');
      save.href = url;
      save.download = link.getAttribute('download') || BUILD.contract.offlineFile;
      save.click();
      win.setTimeout(() => win.URL.revokeObjectURL(url), 10_000);
    } catch {
      const message = doc.createElement('p');
      message.className = 'rts-error-message rts-offline-link-failed';
      message.setAttribute('role', 'alert');
      message.textContent = words.offline_copy_failed;
      link.after(message);
    }
  });
}

/**
 * Offline use is an extra: where the browser refuses a service worker (a
 * frame on another site with third-party storage blocked, a sandboxed frame,
 * where even reading navigator.serviceWorker throws, some private windows)
 * the tool works as it is. A new version waits until the user chooses.
 */
async function offerUpdates(win, root, handle) {
  let registration = null;
  try {
    if (win.location.protocol.startsWith('http')) registration = await win.navigator.serviceWorker.register('./sw.js');
  } catch {
    registration = null;
  }
  if (!registration) return;
  const workers = win.navigator.serviceWorker;
  let updating = false;
  const offer = () => {
    if (registration.waiting && workers.controller) handle.updateReady();
  };
  offer();
  registration.addEventListener('updatefound', () => {
    const worker = registration.installing;
    worker?.addEventListener('statechange', () => worker.state === 'installed' && offer());
  });
  // The widget asks (after saving) when the user chooses to switch.
  root.addEventListener('ready-to-share:apply-update', () => {
    updating = true;
    registration.waiting?.postMessage('skip-waiting');
  });
  workers.addEventListener('controllerchange', () => updating && win.location.reload());
}

if (typeof document !== 'undefined' && document.currentScript) {
  const base = document.currentScript.src;
  const start = () => boot({ root: document.getElementById('rts-root'), base });
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
  else start();
}
