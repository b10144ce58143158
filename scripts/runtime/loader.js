// Starts Ready to Share's WebAssembly and, when it cannot start, works out
// the likely cause and shows a message in plain words with a "Try again"
// button, without the wasm. Chooses the first module by the page's or the
// element's language (each has one language built in, the others fetched
// as files), fetches those files, and hands over to the whole app when the
// partnership view is opened. Shared by boot.js (the standalone and iframe
// pages) and embed.js (the element): scripts/postbuild.mjs copies it into
// each of them, and file-copy.js (the single-file copy) uses its language
// functions; the unit tests (scripts/runtime/*.test.mjs) import it as it is.

import { primaryLanguage } from './language-code.js';

/**
 * Whether a host asked to be sent the results (the `results-event`
 * attribute, or the iframe page's address): given, with no value or any
 * value but "false", "off" or "no". Off when not given.
 */
export function asksForResults(value) {
  return value != null && !/^\s*(false|off|no)\s*$/i.test(value);
}

/** A failure whose cause is already known, with the file it concerns. */
export class LoadError extends Error {
  constructor(cause, file) {
    super(`${cause}: ${file}`);
    this.name = 'LoadError';
    this.loadCause = cause;
    this.file = file;
  }
}

/** Whether `fn` is the browser's own function, not one a page put in its place. */
export function isNative(fn) {
  try {
    return typeof fn === 'function' && /\{\s*\[native code\]\s*\}\s*$/.test(Function.prototype.toString.call(fn));
  } catch {
    return false;
  }
}

/** A Content Security Policy report that says WebAssembly was refused. */
export function blocksWasm(violation) {
  const blocked = String(violation?.blockedURI ?? '');
  return blocked === 'wasm-eval' || (blocked === 'eval' && /script-src/.test(String(violation?.effectiveDirective ?? '')));
}

/**
 * The likely cause of a failure, as a key of the locale's `loader` words:
 * `wasm_blocked`, `not_found`, `damaged`, `fetch_replaced`, `sandboxed`,
 * `network` or `unknown`. `seen` says what the loader saw around it:
 * `{ wasmBlocked, fetchReplaced, opaqueOrigin, status }` (status: the HTTP
 * status of the file that failed, when it could be asked for again).
 */
export function likelyCause(error, seen = {}) {
  if (error?.loadCause) return error.loadCause;
  const message = String(error?.message ?? error ?? '');
  if (seen.wasmBlocked || /wasm-unsafe-eval|wasm-eval|unsafe-eval|Refused to compile/i.test(message)) {
    return 'wasm_blocked';
  }
  if (seen.fetchReplaced) return 'fetch_replaced';
  if (seen.status === 404 || seen.status === 410) return 'not_found';
  if (seen.opaqueOrigin) return 'sandboxed';
  if (error?.name === 'CompileError' || /magic word|unexpected end|section|CompileError|LinkError/i.test(message)) {
    return 'damaged';
  }
  if (/fetch|network|load failed|import/i.test(message)) return 'network';
  return 'unknown';
}

/** Fills `{name}` placeholders, as the app's locale `fill` does. */
export function fill(template, values) {
  return String(template).replace(/\{(\w+)\}/g, (whole, key) => (key in values ? String(values[key]) : whole));
}

/** The last part of an address, for naming a file in a message. */
export function fileName(address) {
  try {
    return new URL(address).pathname.split('/').pop() || address;
  } catch {
    return String(address ?? '');
  }
}

/**
 * Shows the message inside `container` (replacing what is there) and calls
 * `onRetry` when "Try again" is pressed. `words` is the locale's `loader`
 * section; the message's title is a heading of `headingLevel`, the level
 * the app's own first heading would have. Returns the panel.
 */
export function showLoadFailure(container, words, cause, file, onRetry, { headingLevel = 2 } = {}) {
  const doc = container.ownerDocument;
  const make = (tag, className, text) => {
    const element = doc.createElement(tag);
    element.className = className;
    if (text !== undefined) element.textContent = text;
    return element;
  };
  const app = make('div', 'rts-app rts-load-failure');
  app.setAttribute('dir', 'ltr');
  app.setAttribute('lang', words.language ?? 'en-GB');
  const panel = make('div', 'rts-notice rts-notice--warning');
  panel.setAttribute('role', 'alert');
  panel.append(
    make(`h${Math.min(Math.max(Math.trunc(headingLevel) || 2, 1), 6)}`, 'rts-heading--m rts-load-failure__title', words.title),
    make('p', 'rts-body rts-load-failure__cause', fill(words[cause] ?? words.unknown, { file: fileName(file) })),
    make('p', 'rts-body', words.advice),
  );
  const retry = make('button', 'rts-button', words.retry);
  retry.type = 'button';
  retry.addEventListener(
    'click',
    () => {
      // The button goes with the panel: keep the focus in the tool, on the
      // element it starts in again (`onRetry` may give a new one), rather
      // than letting it fall to the page's body.
      const given = onRetry();
      const next = typeof given?.focus === 'function' ? given : container;
      if (next.isConnected === false) return;
      if (!next.hasAttribute('tabindex')) next.setAttribute('tabindex', '-1');
      next.focus({ preventScroll: true });
    },
    { once: true },
  );
  panel.append(retry);
  app.append(panel);
  container.replaceChildren(app);
  return app;
}

/**
 * Loads the wasm-bindgen glue and the wasm and starts them; resolves to the
 * glue's exports. Every failure becomes a LoadError naming the likely cause
 * and the file. The wasm is fetched here (not by the glue) so that a missing
 * file is told apart from a damaged one, and compiled as soon as it comes
 * (not once the glue is in). `env` replaces the browser's own pieces in the
 * unit tests (`compile: null` for none).
 */
export async function startApp(files, env = {}) {
  const fetchFn = env.fetch ?? globalThis.fetch;
  const importFn = env.import ?? ((address) => import(address));
  const doc = env.document ?? globalThis.document;
  const compile = env.compile !== undefined ? env.compile : (response) => globalThis.WebAssembly.compileStreaming(response);
  const seen = {
    wasmBlocked: false,
    fetchReplaced: !(env.isNative ?? isNative)(fetchFn),
    opaqueOrigin: (env.origin ?? globalThis.origin) === 'null',
  };
  const onViolation = (event) => {
    if (blocksWasm(event)) seen.wasmBlocked = true;
  };
  doc?.addEventListener?.('securitypolicyviolation', onViolation);
  let file = files.glue;
  try {
    // The wasm is asked for beside the glue's import, not after it, so its
    // response is there as soon as the glue is (on a slow laptop, importing
    // the glue takes long enough to matter). Until it is awaited below, a
    // failure is held for then, not reported as unhandled.
    const fetchWasm = () => fetchFn(files.wasm, { credentials: 'same-origin' });
    const wasmResponse = Promise.resolve().then(fetchWasm);
    wasmResponse.catch(() => {});
    // And compiled as it arrives, while the glue is still being imported: at
    // CPU 4x the app is in about 20 ms sooner. (Started earlier still, by the
    // page's own script, it held back the first paint by 80 ms.) A compile
    // that fails is not reported: the response is looked at below, and
    // given to the glue, which says what is wrong with it.
    const compiled = wasmResponse.then((response) => (compile && isWasmResponse(response) ? compile(response) : null));
    compiled.catch(() => {});
    let bindings;
    try {
      bindings = await importFn(files.glue);
    } catch (error) {
      seen.status = await statusOf(fetchFn, files.glue);
      throw error;
    }
    file = files.wasm;
    const module = await compiled.catch(() => null);
    if (module) {
      await bindings.default({ module_or_path: module });
      return bindings;
    }
    const response = await wasmResponse;
    if (typeof Response !== 'undefined' && !(response instanceof Response)) {
      throw new LoadError('fetch_replaced', files.wasm);
    }
    if (!response.ok) {
      seen.status = response.status;
      throw new Error(`the server answered ${response.status}`);
    }
    // The failed compile may have read the response: the glue then has it again.
    await bindings.default({ module_or_path: response.bodyUsed ? await fetchWasm() : response });
    return bindings;
  } catch (error) {
    if (error instanceof LoadError) throw error;
    const failure = new LoadError(likelyCause(error, seen), file);
    failure.reason = error;
    throw failure;
  } finally {
    doc?.removeEventListener?.('securitypolicyviolation', onViolation);
  }
}

/** A real, successful response, which the browser can compile as it arrives. */
function isWasmResponse(response) {
  return typeof Response !== 'undefined' && response instanceof Response && response.ok;
}

/**
 * One start of the app for the whole page, shared by every element. A
 * failed start is forgotten, so the next element added (or "Try again")
 * starts it afresh; the glue's address then carries the attempt number,
 * since a browser may keep a module that failed to load.
 */
export function makeLoader(files, start = startApp) {
  let loading;
  let failures = 0;
  return () => {
    const glue = failures === 0 ? files.glue : `${files.glue}?attempt=${failures + 1}`;
    loading ??= start({ ...files, glue }).catch((error) => {
      loading = undefined;
      failures += 1;
      throw error;
    });
    return loading;
  };
}

/**
 * The first module for a page or element whose own language is `language`
 * (the page's or the element's `lang`, not the one chosen to start in):
 * the one the build has with that language built in (`modules`), else the
 * default, with English built in. Its glue and wasm are beside the tool at
 * `base`; `builtIn` is its language, for which no files are fetched.
 */
export function firstModule(language, { glue, wasm, modules }, base) {
  const own = modules?.[language];
  const names = own ?? { glue, wasm };
  return {
    builtIn: own ? language : 'en',
    glue: new URL(names.glue, base).href,
    wasm: new URL(names.wasm, base).href,
  };
}

/**
 * The loader of a first module (`module`: its glue and wasm addresses), as
 * makeLoader's. Once it has started, the service worker (`workers`) is
 * asked to keep both files: the worker keeps them only once used (a page
 * in one language never needs the other's), and on a first visit it does
 * not see the page's requests.
 */
export function firstModuleLoader(module, { start = startApp, workers } = {}) {
  const files = { glue: module.glue, wasm: module.wasm };
  return makeLoader(files, async (attempt) => {
    const bindings = await start(attempt);
    // Under their own names, not a retry's (`?attempt=2`).
    keepForOffline([files.glue, files.wasm], workers);
    return bindings;
  });
}

/**
 * Starts the first of `modules` whose files can be had: the page's own
 * first, then, only when it could not be fetched (no network, and the
 * worker never kept it), each other one, which the worker may have kept
 * for another page of the tool: someone who only ever used cy.html still
 * gets the tool offline at the main address, in Welsh. Resolves to
 * `{ bindings, module }`; otherwise rejects with the page's own module's
 * error. `start(module)` starts one.
 */
export async function startFirstModule(modules, start) {
  let ownError;
  for (const module of modules) {
    try {
      return { bindings: await start(module), module };
    } catch (error) {
      ownError ??= error;
      if (likelyCause(ownError) !== 'network') break;
    }
  }
  throw ownError;
}

/** Every first module the build has: the page's or element's own first, then the others. */
export function firstModules(own, build, base) {
  const others = ['en', ...Object.keys(build.modules ?? {})]
    .map((code) => firstModule(code, build, base))
    .filter((module) => module.glue !== own.glue);
  return [own, ...others];
}

/**
 * The language built into the whole app (the partnership view): a widget
 * handed over to it has any other language's files fetched for it.
 */
export const WHOLE_APP_LANGUAGE = 'en';

/**
 * The loader of the whole app, with the partnership view (`names`: its
 * glue and wasm, beside the tool at `base`), fetched only when someone
 * opens the view (`openWholeAppWhenAsked`).
 */
export function wholeAppLoader(names, base, start = startApp) {
  return makeLoader({ glue: new URL(names.glue, base).href, wasm: new URL(names.wasm, base).href }, start);
}

/** The HTTP status of a file, or undefined when it cannot be asked for. */
async function statusOf(fetchFn, address) {
  try {
    const response = await fetchFn(address, { method: 'HEAD', cache: 'no-store' });
    return typeof response?.status === 'number' ? response.status : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The language to start in: the one asked for (the page address's `lang`),
 * else the one this person chose before, else the host's (`lang`
 * attribute), else English. Only languages the build has are taken.
 */
export function startLanguage({ asked, remembered, host }, known) {
  for (const code of [asked, remembered, host]) {
    const primary = primaryLanguage(code);
    if (primary === 'en' || known.includes(primary)) return primary;
  }
  return 'en';
}

/** The language chosen before, or null (storage may be blocked). */
export function rememberedLanguage(storage, key) {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

/** Remembers the language chosen; if storage is blocked, it is chosen for this visit only. */
export function rememberLanguage(storage, key, code) {
  try {
    storage?.setItem(key, code);
  } catch {
    // Blocked or full: the choice still holds until the page is closed.
  }
}

/**
 * The options that show the widget in `code`: for the language built into
 * its module (`builtIn`: English, unless the module has another), nothing
 * to fetch; for another language, its words and questions (`files[code]`,
 * file names beside the app at `base`), or why they could not be fetched.
 * A language the build has no files for gives the built-in one.
 */
export async function languageOptions(code, files, base, builtIn = 'en', fetchFn = globalThis.fetch) {
  const names = files[code];
  if (code === builtIn || !names) return { language: builtIn };
  try {
    const urls = [names.words, names.pack].map((name) => new URL(name, base).href);
    const fresh = urls.some((url) => !TEXTS.get(fetchFn)?.has(url));
    const [languageWords, languagePack] = await Promise.all(urls.map((url) => fetchedText(url, fetchFn)));
    // Asked once a page: the worker fetches what it is asked to keep, so
    // asking on every switch would fetch the files again each time.
    if (fresh) keepForOffline(urls);
    return { language: code, languageWords, languagePack };
  } catch (error) {
    return { language: code, languageError: String(error?.message ?? error) };
  }
}

/**
 * The text of a language's file, fetched once a page: switching back and
 * forth then waits for no network or worker. Its name carries a hash of
 * its contents, so it cannot change while the page is open. Kept per
 * fetch function, so a different way of fetching (a test's) reads anew;
 * a failed fetch is not kept, so trying again fetches again.
 */
const TEXTS = new WeakMap();
function fetchedText(url, fetchFn) {
  if (!TEXTS.has(fetchFn)) TEXTS.set(fetchFn, new Map());
  const texts = TEXTS.get(fetchFn);
  if (!texts.has(url)) {
    const text = Promise.resolve(fetchFn(url)).then((response) => {
      if (!response.ok) throw new Error(`the server answered ${response.status}`);
      return response.text();
    });
    text.catch(() => texts.delete(url));
    texts.set(url, text);
  }
  return texts.get(url);
}

/**
 * The page's service workers (navigator.serviceWorker), or null where
 * reading them throws (storage blocked, a sandboxed frame): the tool then
 * works without offline use.
 */
export function serviceWorkersOf(win) {
  try {
    return win.navigator?.serviceWorker ?? null;
  } catch {
    return null;
  }
}

/**
 * Asks the service worker to keep files this page fetched itself (on a
 * first visit the worker does not yet see the page's requests), so a
 * language or module once used works offline. Does nothing without a
 * worker.
 */
export function keepForOffline(urls, workers = serviceWorkersOf(globalThis)) {
  workers?.ready?.then((registration) => registration.active?.postMessage({ keep: urls })).catch(() => {});
}

/**
 * Shows the widget in the language chosen with its language switch (the
 * widget's ready-to-share:language event), remembers the choice, and tells
 * `onChange` (the standalone page puts it in its address). Files are
 * fetched for any language but the one built into the widget on screen
 * (`handle.builtIn`; English when the handle does not say), which changes
 * when the whole app takes its place.
 */
export function followLanguageChoice(root, handle, { files, base, storage, key, fetchFn, onChange }) {
  root.addEventListener('ready-to-share:language', async (event) => {
    const code = String(event.detail);
    // Remembered at once: a host that moves the element before the next
    // frame connects it again in this language.
    rememberLanguage(storage, key, code);
    handle.setLanguage(await languageOptions(code, files, base, handle.builtIn, fetchFn));
    // The address is nothing the person sees: it changes once the screen in
    // the new language is painted, not before (history.replaceState took
    // about 8 ms of a switch at CPU 4x).
    afterPaint(() => onChange?.(code));
  });
}

/**
 * Runs `task` after the browser's next paint (soon, where it does not
 * paint), or as the page goes away if that comes first, so a reload at
 * once still finds the address changed.
 */
export function afterPaint(task, win = globalThis) {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    win.removeEventListener?.('pagehide', run);
    task();
  };
  win.addEventListener?.('pagehide', run);
  const later = () => setTimeout(run, 0);
  if (typeof win.requestAnimationFrame === 'function') win.requestAnimationFrame(later);
  else later();
}

/**
 * The widget on screen. The page's first module is built without the
 * partnership view; when someone opens it, the whole app is mounted in the
 * first one's place (`openWholeAppWhenAsked`), so what the loaders ask of
 * the widget (another language, a new version waiting, removal) goes to
 * whichever is current, and `builtIn` is the language built into it.
 */
export class CurrentWidget {
  #handle;
  #builtIn;
  #language;
  #updateReady = false;

  /** `handle` is the first module's widget, with `builtIn` built in, shown in `language`. */
  constructor(handle, builtIn = 'en', language = builtIn) {
    this.#handle = handle;
    this.#builtIn = builtIn;
    this.#language = language;
  }

  /** The language built into the widget on screen: choosing it fetches nothing. */
  get builtIn() {
    return this.#builtIn;
  }

  /** The language chosen for the widget on screen, which the whole app takes over. */
  get language() {
    return this.#language;
  }

  setLanguage(options) {
    this.#language = options.language;
    this.#handle.setLanguage(options);
  }

  updateReady() {
    this.#updateReady = true;
    this.#handle.updateReady();
  }

  workshopUnavailable(outdated) {
    this.#handle.workshopUnavailable?.(outdated);
  }

  unmount() {
    this.#handle.unmount();
  }

  /** Unmounts the widget on screen and shows `mount()`'s, with `builtIn` built in, in its place. */
  replace(mount, builtIn) {
    this.#handle.unmount();
    this.#handle = mount();
    this.#builtIn = builtIn;
    if (this.#updateReady) this.#handle.updateReady();
  }
}

/**
 * When someone opens the partnership view (the first module's
 * ready-to-share:workshop event, carrying the answers as saved progress
 * and the file being compared with),
 * loads the whole app (`load`, which resolves to its glue's exports) and
 * mounts it in the widget's place with `options(language)` (the widget's
 * options in the language on screen, for the whole app, which has
 * WHOLE_APP_LANGUAGE built in whatever the first module's) and the answers
 * carried. If it cannot be loaded, the widget says so and offers to try
 * again: nothing is lost.
 */
export function openWholeAppWhenAsked(root, widget, { load, options }) {
  root.addEventListener('ready-to-share:workshop', async (event) => {
    // { progress, earlier }: the widget's own, read by the whole app.
    const carried = event.detail;
    let bindings;
    let mountOptions;
    try {
      [bindings, mountOptions] = await Promise.all([load(), options(widget.language)]);
    } catch (error) {
      console.error('Ready to Share could not load the partnership view:', error?.reason ?? error);
      // Its files not found: the tool was updated since the page was
      // opened, which reloading the page mends.
      widget.workshopUnavailable(error?.loadCause === 'not_found');
      return;
    }
    if (root.isConnected === false) return;
    // Only while the widget still waits for it: someone who went back
    // while it loaded stays where they went.
    if (root.querySelector?.('.rts-workshop-loading') === null) return;
    // The whole app moves focus to its heading only if focus is still in
    // the widget: someone who has moved on (to another widget, or the host
    // page) while it loaded keeps their place.
    const active = root.getRootNode?.()?.activeElement;
    const focus = Boolean(active && root.contains?.(active));
    widget.replace(() => bindings.mountWidget(root, { ...mountOptions, carried: { ...carried, focus } }), WHOLE_APP_LANGUAGE);
  });
}
