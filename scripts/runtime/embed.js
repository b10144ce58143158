// Ready to Share: add this script and a <ready-to-share> element to any page.
// It finds its other files next to itself, and renders the widget inside a
// closed shadow root: the page's styles and the widget's cannot meet, and
// the page's own event listeners see the element, never the fields inside
// it or what is typed in them. The first element loads the first module
// with its own language (`lang`) built in, where the build has one
// (BUILD.modules), else the default one with English built in; the
// elements after it share that module. scripts/postbuild.mjs fills in
// BUILD and copies loader.js in.

import {
  asksForResults,
  CurrentWidget,
  firstModule,
  firstModuleLoader,
  followLanguageChoice,
  languageOptions,
  LoadError,
  openWholeAppWhenAsked,
  rememberedLanguage,
  showLoadFailure,
  startLanguage,
  WHOLE_APP_LANGUAGE,
  wholeAppLoader,
} from './loader.js';

/**
 * Filled in by the build; these values are the unit tests'. `glue` and
 * `wasm` are the default first module, with English built in; `modules`
 * the first modules with another language built in, by its code.
 * `languages` holds each language's files (`en`'s too, for an element whose
 * module has another language built in), fetched when it is chosen.
 */
const BUILD = /* @build */ {
  glue: 'ready-to-share.js',
  wasm: 'ready-to-share_bg.wasm',
  modules: {},
  whole: { glue: 'ready-to-share-whole.js', wasm: 'ready-to-share-whole_bg.wasm' },
  css: 'ready-to-share.css',
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

/** The address of a file beside the tool, or nothing if `base` is not an address. */
function beside(file, base) {
  try {
    return new URL(file, base).href;
  } catch {
    return undefined;
  }
}

/** The widget's options from the element's attributes. */
export function elementOptions(element, base) {
  return {
    storageKey: element.getAttribute('storage-key') || BUILD.contract.storageKey,
    headingLevel: Number(element.getAttribute('heading-level')) || BUILD.contract.elementHeadingLevel,
    accent: element.getAttribute('accent') || undefined,
    baseUrl: base,
    offerOfflineCopy: true,
    // The ready-to-share:complete event, only if the page asks for it.
    resultsEvent: asksForResults(element.getAttribute('results-event')),
    // A host may hide the language switch (for example on a page that has
    // its own); the widget is still in the language chosen.
    languageSwitch: element.getAttribute('language-switch') !== 'hidden',
    // The host's own accessibility statement, or the tool's beside it.
    statementUrl: element.getAttribute('accessibility-statement') || beside(BUILD.contract.statementFile, base),
  };
}

/** The page's localStorage, or null where reading it throws (blocked). */
function localStorageOf(win) {
  try {
    return win.localStorage ?? null;
  } catch {
    return null;
  }
}

/**
 * Fetches a partner's content pack. Its size and question count are checked
 * by the app before the pack is read.
 */
export async function fetchPack(address, baseUri, fetchFn = globalThis.fetch) {
  const source = new URL(address, baseUri).href;
  try {
    const response = await fetchFn(source, { credentials: 'omit' });
    if (!response.ok) throw new Error(`the server answered ${response.status}`);
    return { packSource: source, packText: await response.text() };
  } catch (error) {
    return { packSource: source, packError: String(error?.message ?? error) };
  }
}

function defineElement(base) {
  const css = new URL(BUILD.css, base).href;
  // The first module is the one with the first element's language built
  // in; every element connected after uses it too, any other language
  // fetched as files: a page with elements in both languages downloads one
  // app, not two (a module is about 300 KB gzipped, a language's files
  // about 44 KB).
  let pageModule;
  const firstModuleIn = (language) => {
    if (!pageModule) {
      const module = firstModule(language, BUILD, base.href);
      pageModule = { ...module, load: firstModuleLoader(module) };
    }
    return pageModule;
  };
  // The whole app, with the partnership view: loaded only when someone
  // opens it, and then used by every element connected after (the first
  // module would only hand over to it again).
  const loadWhole = wholeAppLoader(BUILD.whole, base);
  let wholeLoaded = false;
  const whole = () => loadWhole().then((bindings) => ((wholeLoaded = true), bindings));

  class ReadyToShareElement extends HTMLElement {
    // Private: the page's scripts cannot reach the shadow root or the widget.
    #root;
    #handle;
    #connecting = false;

    connectedCallback() {
      this.#connect();
    }

    disconnectedCallback() {
      this.#handle?.unmount();
      this.#handle = undefined;
      this.#root?.replaceChildren();
    }

    async #connect() {
      if (this.#handle || this.#connecting) return;
      this.#connecting = true;
      this.#root ??= this.attachShadow({ mode: 'closed' });
      const stylesheet = document.createElement('link');
      stylesheet.rel = 'stylesheet';
      stylesheet.href = css;
      const styled = new Promise((done) => (stylesheet.onload = stylesheet.onerror = done));
      // The host element's own properties (hidden, display, margins) are the
      // page's to set; this box resets what would otherwise be inherited.
      const mountPoint = document.createElement('div');
      mountPoint.className = 'rts-host';
      mountPoint.setAttribute('dir', 'ltr');
      this.#root.replaceChildren(stylesheet, mountPoint);
      const options = elementOptions(this, base.href);
      const languageKey = `${options.storageKey}${BUILD.contract.languageKeySuffix}`;
      const storage = localStorageOf(globalThis);
      const known = Object.keys(BUILD.languages);
      const language = startLanguage(
        { remembered: rememberedLanguage(storage, languageKey), host: this.getAttribute('lang') },
        known,
      );
      // By the element's own language, not the one chosen to start in, as
      // the standalone pages choose by theirs.
      const first = firstModuleIn(startLanguage({ host: this.getAttribute('lang') }, known));
      // Once the whole app is loaded, it is used instead.
      const [load, builtIn] = wholeLoaded ? [whole, WHOLE_APP_LANGUAGE] : [first.load, first.builtIn];
      // A partner may give its own pack for each language: content-pack-cy.
      const packFor = (code) => this.getAttribute(`content-pack-${code}`) ?? this.getAttribute('content-pack');
      const pack = packFor(language);
      try {
        const [bindings, packOptions, languageChosen] = await Promise.all([
          load(),
          pack ? fetchPack(pack, document.baseURI) : {},
          languageOptions(language, BUILD.languages, base.href, builtIn),
          styled,
        ]);
        if (!this.isConnected) return;
        const mounted = bindings.mountWidget(mountPoint, { ...options, ...packOptions, ...languageChosen });
        const widget = new CurrentWidget(mounted, builtIn, language);
        this.#handle = widget;
        // A partner's pack for the language, with that language's files.
        const inLanguage = async (chosen) => {
          const own = packFor(chosen.language);
          return own ? { ...chosen, ...(await fetchPack(own, document.baseURI)) } : chosen;
        };
        const withPack = {
          setLanguage: async (chosen) => widget.setLanguage(await inLanguage(chosen)),
          get builtIn() {
            return widget.builtIn;
          },
        };
        followLanguageChoice(mountPoint, withPack, {
          files: BUILD.languages,
          base: base.href,
          storage,
          key: languageKey,
        });
        openWholeAppWhenAsked(mountPoint, widget, {
          load: whole,
          options: async (shown) => ({
            ...options,
            ...(await inLanguage(await languageOptions(shown, BUILD.languages, base.href, WHOLE_APP_LANGUAGE))),
          }),
        });
      } catch (error) {
        if (!this.isConnected) return;
        const failure = error instanceof LoadError ? error : new LoadError('unknown', first.glue);
        // Try again starts in a new box: the focus goes to it.
        const retry = () => {
          this.#connect();
          return this.#root.querySelector('.rts-host');
        };
        showLoadFailure(mountPoint, BUILD.words, failure.loadCause, failure.file, retry, {
          headingLevel: Number(this.getAttribute('heading-level')) || BUILD.contract.elementHeadingLevel,
        });
        console.error('Ready to Share could not start:', failure.reason ?? failure);
      } finally {
        this.#connecting = false;
      }
    }
  }

  if (!customElements.get('ready-to-share')) customElements.define('ready-to-share', ReadyToShareElement);
}

if (typeof customElements !== 'undefined') defineElement(new URL('./', import.meta.url));
