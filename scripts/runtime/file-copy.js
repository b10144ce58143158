// Starts the single-file copy (ready-to-share-offline.html). The build puts
// the wasm-bindgen glue (which defines __wbg_init and mountWidget) and the
// wasm itself in the same inline module, before this script. Opened from
// file://, it says that other files opened in this browser can read what it
// saves, and offers to keep answers only in memory.

import {
  followLanguageChoice,
  languageOptions,
  LoadError,
  rememberedLanguage,
  showLoadFailure,
  startLanguage,
  WHOLE_APP_LANGUAGE,
} from './loader.js';

/** Filled in by the build; these values are the unit tests'. */
const BUILD = /* @build */ {
  wasm: '',
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
  // The languages the copy carries besides English (offline-copy.js puts
  // them in): the one it starts in, and each one's words and questions.
  languages: { start: 'en', tables: {} },
} /* @end */;

/** An address for each carried table, read back by `readCarried`. */
const CARRIED = 'https://carried.invalid/';

/**
 * The languages the copy carries, in the shape the loaders take: file
 * names for each language, and a fetch that answers them from the copy
 * itself (it makes no requests: its policy allows none).
 */
export function carriedLanguages(tables) {
  const files = {};
  for (const code of Object.keys(tables)) files[code] = { words: `${code}.words`, pack: `${code}.pack` };
  const readCarried = async (url) => {
    const [code, part] = new URL(url).pathname.slice(1).split('.');
    const text = tables[code]?.[part];
    return text === undefined ? { ok: false, status: 404 } : { ok: true, status: 200, text: async () => text };
  };
  return { files, base: CARRIED, fetchFn: readCarried };
}

/** A Storage that lives only as long as the page: nothing reaches the disk. */
export class MemoryStorage {
  #items = new Map();

  get length() {
    return this.#items.size;
  }

  key(index) {
    return [...this.#items.keys()][index] ?? null;
  }

  getItem(key) {
    const value = this.#items.get(String(key));
    return value === undefined ? null : value;
  }

  setItem(key, value) {
    this.#items.set(String(key), String(value));
  }

  removeItem(key) {
    this.#items.delete(String(key));
  }

  clear() {
    this.#items.clear();
  }
}

/** The keys of `storage` that belong to this tool's widget `storageKey`. */
export function ownKeys(storage, storageKey) {
  const keys = [];
  for (let i = 0; i < storage.length; i += 1) {
    const key = storage.key(i);
    if (key !== null && key.startsWith(`${storageKey}:`)) keys.push(key);
  }
  return keys;
}

/**
 * From now on the page's localStorage is a MemoryStorage holding what was
 * saved, and the saved copy is removed from the browser's storage. The app
 * reads window.localStorage at every save, so it carries on unchanged.
 */
export function keepOnlyInMemory(win, storageKey) {
  const real = win.localStorage;
  const memory = new MemoryStorage();
  const keys = ownKeys(real, storageKey);
  for (const key of keys) memory.setItem(key, real.getItem(key));
  Object.defineProperty(win, 'localStorage', { value: memory, configurable: true, enumerable: true });
  for (const key of keys) real.removeItem(key);
  return memory;
}

/** Offers `text` as a file called `name`, made on this device. */
function offerFile(doc, name, text) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * The notice above the tool on file://: the warning and "Keep answers only
 * in memory"; once chosen, what that means and "Download your answers".
 */
export function showFileNotice(win, place, words, storageKey) {
  const doc = win.document;
  const make = (tag, className, text) => {
    const element = doc.createElement(tag);
    element.className = className;
    if (text !== undefined) element.textContent = text;
    return element;
  };
  // A named region, so people moving by landmarks find it beside <main>.
  const app = make('section', 'rts-app rts-file-notice');
  app.setAttribute('dir', 'ltr');
  app.setAttribute('aria-label', words.file_notice_label);
  const panel = make('div', 'rts-notice rts-notice--warning');
  panel.setAttribute('role', 'status');
  const text = make('p', 'rts-body', words.file_warning);
  const button = make('button', 'rts-button rts-button--secondary', words.file_keep_in_memory);
  button.type = 'button';
  button.addEventListener('click', () => {
    const memory = keepOnlyInMemory(win, storageKey);
    text.textContent = words.file_in_memory;
    const download = make('button', 'rts-button rts-button--secondary', words.file_download);
    download.type = 'button';
    download.addEventListener('click', () => {
      const saved = memory.getItem(`${storageKey}${BUILD.contract.progressKeySuffix}`) ?? '{}';
      offerFile(doc, 'ready-to-share-answers.json', saved);
    });
    button.replaceWith(download);
    download.focus();
  });
  panel.append(text, button);
  app.append(panel);
  place.before(app);
  return app;
}

if (typeof document !== 'undefined' && typeof __wbg_init === 'function') {
  const root = document.getElementById('rts-root');
  const start = async () => {
    try {
      const wasmBytes = Uint8Array.from(atob(BUILD.wasm), (c) => c.charCodeAt(0));
      await __wbg_init({ module_or_path: wasmBytes });
    } catch (error) {
      const cause = /wasm-unsafe-eval|wasm-eval|unsafe-eval|Refused to compile/i.test(String(error?.message))
        ? 'wasm_blocked'
        : 'damaged';
      const failure = new LoadError(cause, BUILD.contract.offlineFile);
      showLoadFailure(root, BUILD.words, failure.loadCause, failure.file, () => location.reload());
      console.error('Ready to Share could not start:', error);
      return;
    }
    if (location.protocol === 'file:') showFileNotice(window, root, BUILD.words, BUILD.contract.storageKey);
    // The languages this copy carries (those the browser that made it had
    // used): it starts in the one chosen here before, or the one it was
    // asked for in, and offers the switch only if it carries another.
    const { files, base, fetchFn } = carriedLanguages(BUILD.languages.tables);
    const codes = Object.keys(files);
    const key = `${BUILD.contract.storageKey}${BUILD.contract.languageKeySuffix}`;
    // Read each time: "Keep answers only in memory" replaces localStorage.
    const storage = {
      getItem: (name) => window.localStorage.getItem(name),
      setItem: (name, value) => window.localStorage.setItem(name, value),
    };
    const language = startLanguage(
      { remembered: rememberedLanguage(storage, key), host: BUILD.languages.start },
      codes,
    );
    // The copy carries the whole app: English built in.
    const chosen = await languageOptions(language, files, base, WHOLE_APP_LANGUAGE, fetchFn);
    root.replaceChildren();
    const handle = mountWidget(root, {
      storageKey: BUILD.contract.storageKey,
      headingLevel: BUILD.contract.pageHeadingLevel,
      languageSwitch: codes.length > 0,
      ...chosen,
    });
    if (codes.length > 0) followLanguageChoice(root, handle, { files, base, storage, key, fetchFn });
  };
  start();
}
