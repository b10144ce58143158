// Unit tests of the runtime scripts (node --test scripts/runtime): the
// loaders' failure diagnosis and retry, their options, the first module
// and the language files each page and element loads (boot.js and embed.js
// run as shipped, over fake modules), the single-file copy's memory-only
// storage, the service worker's handlers, and the build step that fills
// them in. The browser-level behaviour is in tests/e2e.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';
import {
  afterPaint,
  asksForResults,
  blocksWasm,
  CurrentWidget,
  fill,
  fileName,
  firstModule,
  firstModuleLoader,
  firstModules,
  followLanguageChoice,
  isNative,
  keepForOffline,
  languageOptions,
  likelyCause,
  LoadError,
  makeLoader,
  openWholeAppWhenAsked,
  rememberedLanguage,
  rememberLanguage,
  serviceWorkersOf,
  showLoadFailure,
  startFirstModule,
  startApp,
  startLanguage,
  WHOLE_APP_LANGUAGE,
  wholeAppLoader,
} from './loader.js';
import { pageOptions, saveOfflineCopyThroughWorker } from './boot.js';
import { elementOptions, fetchPack } from './embed.js';
import { keepOnlyInMemory, MemoryStorage, ownKeys } from './file-copy.js';
import { bundle, CONTRACT, contentVersion, fillBuild, source, withoutCommentLines, withoutCssComments } from './build.mjs';
import { base64, LANGUAGES_MARK, OFFLINE_COPY, offlineCopy, offlineCopyFromCache, WASM_MARK } from './offline-copy.js';
import { carriedLanguages } from './file-copy.js';

/** Just enough of a DOM for showLoadFailure. */
function fakeDocument() {
  const doc = {
    createElement(tag) {
      const element = {
        tagName: tag.toUpperCase(),
        ownerDocument: doc,
        className: '',
        textContent: '',
        attributes: {},
        children: [],
        listeners: {},
        setAttribute(name, value) {
          this.attributes[name] = String(value);
        },
        hasAttribute(name) {
          return name in this.attributes;
        },
        focus() {
          doc.activeElement = this;
        },
        append(...children) {
          this.children.push(...children);
        },
        replaceChildren(...children) {
          this.children = children;
        },
        addEventListener(type, listener) {
          this.listeners[type] = listener;
        },
        click() {
          this.listeners.click?.();
        },
      };
      return element;
    },
  };
  return doc;
}

/** Every element under `element`, depth first. */
const all = (element) => [element, ...element.children.flatMap(all)];

const WORDS = {
  language: 'en-GB',
  title: 'Could not start.',
  not_found: 'Not found: {file}.',
  damaged: 'Damaged: {file}.',
  wasm_blocked: "Needs 'wasm-unsafe-eval'.",
  unknown: 'Unknown.',
  advice: 'Try later.',
  retry: 'Try again',
};

describe('loader.js: why the app could not start', () => {
  test('a Content Security Policy without wasm-unsafe-eval is named, from the message or the report', () => {
    const chromium = new Error(
      "WebAssembly.instantiate(): Refused to compile or instantiate WebAssembly module because 'wasm-eval' is not an allowed source",
    );
    assert.equal(likelyCause(chromium), 'wasm_blocked');
    assert.equal(likelyCause(new Error('anything'), { wasmBlocked: true }), 'wasm_blocked');
    assert.equal(blocksWasm({ blockedURI: 'wasm-eval', effectiveDirective: 'script-src' }), true);
    assert.equal(blocksWasm({ blockedURI: 'eval', effectiveDirective: 'script-src-elem' }), true);
    assert.equal(blocksWasm({ blockedURI: 'https://x.example/a.js', effectiveDirective: 'script-src' }), false);
  });

  test('a missing file, a damaged one, a replaced fetch, a sandbox and the network are told apart', () => {
    const compile = new Error('WebAssembly.instantiate(): expected magic word 00 61 73 6d');
    compile.name = 'CompileError';
    assert.equal(likelyCause(new TypeError('Failed to fetch dynamically imported module: x'), { status: 404 }), 'not_found');
    assert.equal(likelyCause(compile), 'damaged');
    assert.equal(likelyCause(new TypeError('x is not a function'), { fetchReplaced: true }), 'fetch_replaced');
    assert.equal(likelyCause(new TypeError('Failed to fetch dynamically imported module: x'), { opaqueOrigin: true }), 'sandboxed');
    assert.equal(likelyCause(new TypeError('Failed to fetch dynamically imported module: x')), 'network');
    assert.equal(likelyCause(new RangeError('out of memory')), 'unknown');
    assert.equal(likelyCause(new LoadError('not_found', 'a.wasm'), { wasmBlocked: true }), 'not_found', 'a known cause stands');
  });

  test('isNative tells the browser\'s own functions from replacements', () => {
    assert.equal(isNative(Math.max), true);
    assert.equal(isNative(() => {}), false);
    assert.equal(isNative(async function fetch() {}), false);
    assert.equal(isNative(undefined), false);
  });

  test('fill and fileName', () => {
    assert.equal(fill('A {file} and {other}', { file: 'x.wasm' }), 'A x.wasm and {other}');
    assert.equal(fileName('https://cdn.example/rts/app_bg.wasm?attempt=2'), 'app_bg.wasm');
    assert.equal(fileName('not an address'), 'not an address');
  });

  test('showLoadFailure replaces the container with a left-to-right alert naming the cause, and Try again retries once', () => {
    const doc = fakeDocument();
    const container = doc.createElement('div');
    container.children = [doc.createElement('p')];
    let retries = 0;
    const app = showLoadFailure(container, WORDS, 'not_found', 'https://x.example/dist/app_bg.wasm', () => (retries += 1));
    assert.deepEqual(container.children, [app]);
    assert.equal(app.attributes.dir, 'ltr');
    const nodes = all(app);
    assert.ok(nodes.some((n) => n.attributes.role === 'alert'), 'an alert');
    const texts = nodes.map((n) => n.textContent).filter(Boolean);
    assert.deepEqual(texts, ['Could not start.', 'Not found: app_bg.wasm.', 'Try later.', 'Try again']);
    assert.equal(nodes.find((n) => n.textContent === 'Could not start.').tagName, 'H2', 'the title is a heading');
    const button = nodes.find((n) => n.tagName === 'BUTTON');
    assert.equal(button.type, 'button');
    button.click();
    assert.equal(retries, 1);
    assert.equal(doc.activeElement, container, 'focus stays in the tool, on its element');
    assert.equal(container.attributes.tabindex, '-1');
  });

  test('showLoadFailure gives its title the heading level it is asked for', () => {
    const doc = fakeDocument();
    const app = showLoadFailure(doc.createElement('div'), WORDS, 'not_found', 'x', () => {}, { headingLevel: 1 });
    assert.equal(all(app).find((n) => n.textContent === 'Could not start.').tagName, 'H1');
  });

  test('showLoadFailure falls back to the unknown words for a cause it has no words for', () => {
    const doc = fakeDocument();
    const app = showLoadFailure(doc.createElement('div'), WORDS, 'sandboxed', 'x', () => {});
    assert.ok(all(app).some((n) => n.textContent === 'Unknown.'));
  });
});

describe('loader.js: startApp', () => {
  const files = { glue: 'https://x.example/glue.js', wasm: 'https://x.example/app_bg.wasm' };
  // Without a compile unless a test gives one: the glue is then given the response.
  const env = (overrides) => ({ isNative: () => true, origin: 'https://x.example', document: null, compile: null, ...overrides });
  /** A fetch that notes each address in `order` and answers 'wasm'. */
  const notedFetch = (order) => async (address) => {
    order.push(`fetch ${address}`);
    return new Response('wasm');
  };
  /** An import of `bindings` that waits for `finish()`, noting its start and end in `order`. */
  const heldImport = (order, bindings) => {
    let finish;
    const imported = new Promise((resolve) => {
      finish = resolve;
    });
    return {
      finish,
      import: async () => {
        order.push('import started');
        await imported;
        order.push('import finished');
        return bindings;
      },
    };
  };

  test('starts the glue with the fetched wasm and returns its exports', async () => {
    const calls = [];
    const bindings = { default: async (options) => calls.push(options), mountWidget() {} };
    const response = new Response('wasm', { status: 200 });
    const result = await startApp(files, env({ import: async () => bindings, fetch: async () => response }));
    assert.equal(result, bindings);
    assert.deepEqual(calls, [{ module_or_path: response }]);
  });

  test('compiles the wasm as it arrives, while the glue is still being imported, and starts the glue with it: one request', async () => {
    const order = [];
    const module = { compiled: true };
    const calls = [];
    const glue = heldImport(order, { default: async (options) => calls.push(options) });
    const started = startApp(
      files,
      env({
        import: glue.import,
        fetch: notedFetch(order),
        compile: async (response) => {
          order.push(`compile ${await response.text()}`);
          return module;
        },
      }),
    );
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(order, ['import started', `fetch ${files.wasm}`, 'compile wasm'], 'compiled before the glue is in');
    glue.finish();
    await started;
    assert.deepEqual(calls, [{ module_or_path: module }], 'the glue starts with the compiled module');
    assert.equal(order.filter((step) => step.startsWith('fetch')).length, 1, 'the wasm is asked for once');
  });

  test('a wasm that will not compile as it arrives is given to the glue, fetched again if the compile read it, so the cause is told as before', async () => {
    const compileError = () => Object.assign(new Error('expected magic word'), { name: 'CompileError' });
    for (const reads of [false, true]) {
      const given = [];
      let fetches = 0;
      const failure = await startApp(
        files,
        env({
          import: async () => ({
            default: async ({ module_or_path: response }) => {
              given.push(response.bodyUsed);
              throw compileError();
            },
          }),
          fetch: async () => {
            fetches += 1;
            return new Response('not wasm');
          },
          compile: async (response) => {
            if (reads) await response.arrayBuffer();
            throw compileError();
          },
        }),
      ).catch((e) => e);
      assert.equal(failure.loadCause, 'damaged', `reads: ${reads}`);
      assert.deepEqual(given, [false], 'the glue gets a response it can read');
      assert.equal(fetches, reads ? 2 : 1, reads ? 'fetched again' : 'the same response');
    }
  });

  test('a wasm answering 404 is not compiled, and is "not found"', async () => {
    const compiled = [];
    const failure = await startApp(
      files,
      env({
        import: async () => ({ default: async () => {} }),
        fetch: async () => new Response('', { status: 404 }),
        compile: async (response) => compiled.push(response),
      }),
    ).catch((e) => e);
    assert.equal(failure.loadCause, 'not_found');
    assert.deepEqual(compiled, []);
  });

  test('a glue that cannot be imported is "not found" when the server answers 404', async () => {
    const fetched = [];
    const failure = await startApp(
      files,
      env({
        import: async () => {
          throw new TypeError('Failed to fetch dynamically imported module');
        },
        fetch: async (address, init) => {
          fetched.push([address, init.method]);
          return new Response('', { status: 404 });
        },
      }),
    ).catch((e) => e);
    assert.ok(failure instanceof LoadError);
    assert.equal(failure.loadCause, 'not_found');
    assert.equal(failure.file, files.glue);
    assert.deepEqual(
      fetched.filter(([, method]) => method === 'HEAD'),
      [[files.glue, 'HEAD']],
      'it asked the server for the glue again',
    );
  });

  test('asks for the wasm while the glue is still being imported', async () => {
    const order = [];
    const glue = heldImport(order, { default: async () => order.push('started') });
    const started = startApp(
      files,
      env({
        import: glue.import,
        fetch: notedFetch(order),
      }),
    );
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(order, ['import started', `fetch ${files.wasm}`], 'the wasm is asked for before the glue is in');
    glue.finish();
    await started;
    assert.deepEqual(order.slice(2), ['import finished', 'started']);
  });

  test('a wasm whose request fails while the glue is importing is "network", naming the wasm, and nothing is left unhandled', async () => {
    const unhandled = [];
    const onUnhandled = (reason) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const failure = await startApp(
        files,
        env({
          import: async () => {
            await new Promise((resolve) => setTimeout(resolve, 0));
            return { default: async () => {} };
          },
          fetch: async () => {
            throw new TypeError('Failed to fetch');
          },
        }),
      ).catch((e) => e);
      await new Promise((resolve) => setImmediate(resolve));
      assert.equal(failure.loadCause, 'network');
      assert.equal(failure.file, files.wasm);
      assert.deepEqual(unhandled, []);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  test('a wasm answering 404 is "not found", naming the wasm', async () => {
    const failure = await startApp(
      files,
      env({ import: async () => ({ default: async () => {} }), fetch: async () => new Response('', { status: 404 }) }),
    ).catch((e) => e);
    assert.equal(failure.loadCause, 'not_found');
    assert.equal(failure.file, files.wasm);
  });

  test('a wasm that will not compile is "damaged"', async () => {
    const compile = new Error('expected magic word');
    compile.name = 'CompileError';
    const failure = await startApp(
      files,
      env({
        import: async () => ({
          default: async () => {
            throw compile;
          },
        }),
        fetch: async () => new Response('x'),
      }),
    ).catch((e) => e);
    assert.equal(failure.loadCause, 'damaged');
    assert.equal(failure.reason, compile);
  });

  test('a fetch that does not give a Response is "fetch replaced"', async () => {
    const failure = await startApp(
      files,
      env({ import: async () => ({ default: async () => {} }), fetch: async () => ({ ok: true }) }),
    ).catch((e) => e);
    assert.equal(failure.loadCause, 'fetch_replaced');
  });
});

describe('boot.js: the page options', () => {
  const baseUrl = 'https://x.example/rts/';
  test('the standalone page ignores its address', () => {
    assert.deepEqual(pageOptions('?storage-key=x&heading-level=3', { inFrame: false, baseUrl }), {
      storageKey: 'ready-to-share',
      headingLevel: 1,
      baseUrl,
      offerOfflineCopy: true,
      statementUrl: 'https://x.example/rts/accessibility.html',
    });
  });

  test('the iframe page sends results only when its address has results-event; the standalone page never does', () => {
    assert.equal(pageOptions('', { inFrame: true, baseUrl }).resultsEvent, undefined);
    assert.equal(pageOptions('?results-event', { inFrame: true, baseUrl }).resultsEvent, true);
    assert.equal(pageOptions('?results-event=on&storage-key=k', { inFrame: true, baseUrl }).resultsEvent, true);
    assert.equal(pageOptions('?results-event=off', { inFrame: true, baseUrl }).resultsEvent, undefined);
    assert.equal(pageOptions('?results-event', { inFrame: false, baseUrl }).resultsEvent, undefined);
  });

  test('the iframe page takes storage-key, heading-level and accent from its address', () => {
    assert.deepEqual(pageOptions('?storage-key=ours&heading-level=3&accent=%23800000', { inFrame: true, baseUrl }), {
      storageKey: 'ours',
      headingLevel: 3,
      baseUrl,
      offerOfflineCopy: true,
      statementUrl: 'https://x.example/rts/accessibility.html',
      accent: '#800000',
    });
  });
});

describe('embed.js', () => {
  const element = (attributes) => ({ getAttribute: (name) => attributes[name] ?? null });

  test('the element\'s attributes become options, with defaults', () => {
    assert.deepEqual(elementOptions(element({}), 'https://x.example/'), {
      storageKey: 'ready-to-share',
      headingLevel: 2,
      accent: undefined,
      baseUrl: 'https://x.example/',
      offerOfflineCopy: true,
      resultsEvent: false,
      languageSwitch: true,
      statementUrl: 'https://x.example/accessibility.html',
    });
    assert.equal(
      elementOptions(element({ 'accessibility-statement': 'https://council.example/accessibility' }), 'b').statementUrl,
      'https://council.example/accessibility',
      "the host's own statement",
    );
    assert.equal(elementOptions(element({ 'language-switch': 'hidden' }), 'b').languageSwitch, false);
    const options = elementOptions(element({ 'storage-key': 'p', 'heading-level': '4', accent: 'navy' }), 'b');
    assert.deepEqual([options.storageKey, options.headingLevel, options.accent], ['p', 4, 'navy']);
  });

  test('the results event is on only when results-event is given, and not "false", "off" or "no"', () => {
    const asked = (value) => elementOptions(element(value === undefined ? {} : { 'results-event': value }), 'b').resultsEvent;
    assert.equal(asked(undefined), false, 'off when not given');
    for (const on of ['', 'results-event', 'on', 'true', 'yes']) assert.equal(asked(on), true, `on for "${on}"`);
    for (const off of ['false', 'off', 'no', ' OFF ', 'False']) assert.equal(asked(off), false, `off for "${off}"`);
    assert.equal(asksForResults(null), false);
  });

  test('fetchPack resolves the address, sends no credentials, and reports a failure in words', async () => {
    const seen = [];
    const ok = await fetchPack('pack.json', 'https://host.example/page/', async (url, init) => {
      seen.push([url, init.credentials]);
      return new Response('{"id":"p"}');
    });
    assert.deepEqual(seen, [['https://host.example/page/pack.json', 'omit']]);
    assert.deepEqual(ok, { packSource: 'https://host.example/page/pack.json', packText: '{"id":"p"}' });
    const missing = await fetchPack('/p.json', 'https://host.example/', async () => new Response('', { status: 404 }));
    assert.deepEqual(missing, { packSource: 'https://host.example/p.json', packError: 'the server answered 404' });
  });

  test('makeLoader starts once for every element, and forgets a failure so the next try starts afresh', async () => {
    const starts = [];
    let fail = true;
    const load = makeLoader({ glue: 'g.js', wasm: 'w.wasm' }, async (files) => {
      starts.push(files.glue);
      if (fail) throw new LoadError('network', files.glue);
      return 'bindings';
    });
    const [a, b] = await Promise.allSettled([load(), load()]);
    assert.equal(a.status, 'rejected');
    assert.equal(b.status, 'rejected');
    assert.deepEqual(starts, ['g.js'], 'two elements, one start');
    fail = false;
    assert.equal(await load(), 'bindings');
    assert.equal(await load(), 'bindings');
    assert.deepEqual(starts, ['g.js', 'g.js?attempt=2'], 'the retry asks for the glue afresh, and success is kept');
  });
});

describe('file-copy.js: answers kept only in memory', () => {
  test('MemoryStorage behaves as Storage does', () => {
    const storage = new MemoryStorage();
    assert.equal(storage.getItem('a'), null);
    storage.setItem('a', 1);
    assert.equal(storage.getItem('a'), '1');
    assert.equal(storage.length, 1);
    assert.equal(storage.key(0), 'a');
    assert.equal(storage.key(1), null);
    storage.removeItem('a');
    assert.equal(storage.length, 0);
  });

  test('keepOnlyInMemory moves this widget\'s saved answers into memory and removes them from the browser', () => {
    const real = new MemoryStorage();
    real.setItem('ready-to-share:progress:v1', '{"answers":{}}');
    real.setItem('ready-to-share:step:v1', 'tasks');
    real.setItem('someone-else', 'theirs');
    const win = { localStorage: real };
    assert.deepEqual(ownKeys(real, 'ready-to-share').sort(), ['ready-to-share:progress:v1', 'ready-to-share:step:v1']);
    const memory = keepOnlyInMemory(win, 'ready-to-share');
    assert.equal(win.localStorage, memory, 'the page now saves to memory');
    assert.equal(memory.getItem('ready-to-share:progress:v1'), '{"answers":{}}');
    assert.equal(memory.getItem('ready-to-share:step:v1'), 'tasks');
    assert.deepEqual(ownKeys(real, 'ready-to-share'), [], 'nothing of ours is left in the browser');
    assert.equal(real.getItem('someone-else'), 'theirs', 'other keys are left alone');
    win.localStorage.setItem('ready-to-share:step:v1', 'summary');
    assert.equal(real.getItem('ready-to-share:step:v1'), null, 'later saves stay in memory');
  });
});

describe('sw.js: the service worker', () => {
  /**
   * Runs sw.js (as the build ships it) with a fake worker scope. The
   * network answers every address with a Response naming it (or fails
   * when `offline`), and records what it was asked for.
   */
  function worker(files, { version = 'v2', offline = null, network = null, onUse = [], keptBefore = [], pageModules = {}, open = [] } = {}) {
    const listeners = {};
    const fetched = [];
    const earlier = new Map(keptBefore.map((address) => [address, new Response(`earlier ${address}`)]));
    const store = new Map([['ready-to-share-v1', earlier], ['other-app', new Map([['./pack.cy-9.json', new Response('')]])]]);
    const key = (request) => {
      const url = new URL(typeof request === 'string' ? request : request.url, 'https://x.example/');
      return url.pathname === '/' ? './' : `.${url.pathname}`;
    };
    const fetch = async (request) => {
      const url = typeof request === 'string' ? request : request.url;
      fetched.push(url);
      if (network) return network(url);
      return new Response(`network ${url}`);
    };
    const caches = {
      open: async (name) => {
        if (!store.has(name)) store.set(name, new Map());
        const cache = store.get(name);
        return {
          addAll: async (addresses) => {
            for (const address of addresses) cache.set(key(address), await fetch(address));
          },
          put: async (address, response) => cache.set(key(address), response),
          match: async (request) => cache.get(key(request))?.clone(),
          keys: async () => [...cache.keys()].map((address) => ({ url: new URL(address, 'https://x.example/').href })),
        };
      },
      keys: async () => [...store.keys()],
      delete: async (name) => store.delete(name),
    };
    const self = {
      location: { origin: 'https://x.example', href: 'https://x.example/sw.js' },
      addEventListener: (type, listener) => (listeners[type] = listener),
      clients: { claim: async () => {}, matchAll: async () => open.map((url) => ({ url })) },
      skipWaiting: () => (self.skipped = true),
    };
    const code = bundle('sw.js', { version, files, offline, onUse, pageModules }, { classic: true });
    vm.runInNewContext(code, { self, caches, URL, fetch, Request, Response, btoa, crypto, TextEncoder, Promise });
    const run = async (type, event) => {
      let waited;
      let answer;
      listeners[type]({ ...event, waitUntil: (p) => (waited = p), respondWith: (p) => (answer = p) });
      await waited;
      return answer === undefined ? undefined : await answer;
    };
    const text = async (response) => (response === undefined ? undefined : response.text());
    return { run, store, self, fetched, text };
  }

  test('install keeps every file of this version, the page fetched once for ./ and ./index.html, and activate deletes only earlier versions', async () => {
    const { run, store, fetched } = worker(['./', './index.html', './frame.html']);
    await run('install', {});
    assert.deepEqual([...store.get('ready-to-share-v2').keys()].sort(), ['./', './frame.html', './index.html']);
    assert.deepEqual(fetched.sort(), ['./', './frame.html'], 'one request for the page, one for the other file');
    assert.equal(await store.get('ready-to-share-v2').get('./index.html').text(), 'network ./', './index.html is the page at ./');
    await run('activate', {});
    assert.deepEqual([...store.keys()].sort(), ['other-app', 'ready-to-share-v2']);
  });

  test('it answers GETs of its own origin from the cache, and nothing else', async () => {
    const { run, self, text } = worker(['./index.html']);
    await run('install', {});
    assert.equal(await text(await run('fetch', { request: { method: 'GET', url: 'https://x.example/index.html?x=1' } })), 'network ./');
    assert.equal(await text(await run('fetch', { request: { method: 'GET', url: 'https://x.example/new.js' } })), 'network https://x.example/new.js');
    assert.equal(await run('fetch', { request: { method: 'POST', url: 'https://x.example/index.html' } }), undefined);
    assert.equal(await run('fetch', { request: { method: 'GET', url: 'https://other.example/index.html' } }), undefined);
    await run('message', { data: 'hello' });
    assert.equal(self.skipped, undefined);
    await run('message', { data: 'skip-waiting' });
    assert.equal(self.skipped, true);
  });

  test('another language\'s files are fetched only when used, then kept for offline use', async () => {
    let online = true;
    const network = (url) => {
      if (!online) throw new TypeError('Failed to fetch');
      return new Response(`network ${url}`);
    };
    const { run, store, fetched, text } = worker(['./index.html'], { network, onUse: ['./locale.cy-1.json'] });
    await run('install', {});
    assert.ok(!fetched.some((url) => url.includes('cy')), 'not fetched at install');
    const ask = (name) => run('fetch', { request: { method: 'GET', url: `https://x.example/${name}` } });
    assert.equal(await text(await ask('locale.cy-1.json')), 'network https://x.example/locale.cy-1.json');
    await ask('other.json');
    assert.ok(store.get('ready-to-share-v2').has('./locale.cy-1.json'), 'kept once used');
    assert.ok(!store.get('ready-to-share-v2').has('./other.json'), 'other files are not kept');
    online = false;
    assert.equal(await text(await ask('locale.cy-1.json')), 'network https://x.example/locale.cy-1.json', 'offline, from the cache');
  });

  test('a page can ask for files it fetched before the worker was in to be kept, and only those kept on use', async () => {
    const { run, store } = worker(['./index.html'], { onUse: ['./pack.cy-2.json'] });
    await run('install', {});
    await run('message', { data: { keep: ['https://x.example/pack.cy-2.json', 'https://x.example/secret.json', 42] } });
    assert.ok(store.get('ready-to-share-v2').has('./pack.cy-2.json'));
    assert.ok(!store.get('ready-to-share-v2').has('./secret.json'));
  });

  test('an update keeps this version of each file the earlier version kept on use, by its name less the hash, and no other', async () => {
    const onUse = ['./locale.cy-2b.json', './pack.cy-2c.json', './cy.html', './accessibility.html'];
    const { run, store, fetched } = worker(['./index.html'], { onUse, keptBefore: ['./locale.cy-1a.json', './cy.html', './index.html'] });
    await run('install', {});
    const kept = store.get('ready-to-share-v2');
    assert.ok(kept.has('./locale.cy-2b.json'), 'the new words for the language used before');
    assert.ok(kept.has('./cy.html'), 'the page used before');
    assert.ok(!kept.has('./pack.cy-2c.json'), 'not a file the earlier version never kept (nor one only another app kept)');
    assert.ok(!kept.has('./accessibility.html'), 'not a page never used');
    assert.deepEqual(fetched.filter((url) => /cy|accessibility/.test(url)).sort(), ['./cy.html', './locale.cy-2b.json']);
  });

  const MODULES = {
    en: ['./ready-to-share-2a.js', './ready-to-share-2a_bg.wasm'],
    cy: ['./ready-to-share-cy-2b.js', './ready-to-share-cy-2b_bg.wasm'],
  };
  const PAGE_MODULES = { './': MODULES.en, './index.html': MODULES.en, './cy.html': MODULES.cy };

  test('install keeps the first module of each page of the tool open, and only those, so a worker ready means the page works offline', async () => {
    const onUse = [...MODULES.en, ...MODULES.cy, './cy.html'];
    const open = ['https://x.example/cy.html?lang=cy#top', 'https://host.example/page.html', 'https://x.example/help.html'];
    const { run, store, fetched } = worker(['./', './index.html'], { onUse, pageModules: PAGE_MODULES, open });
    await run('install', {});
    const kept = [...store.get('ready-to-share-v2').keys()].sort();
    assert.deepEqual(kept, ['./', './index.html', ...MODULES.cy].sort(), 'the Welsh page\'s module, not the English');
    assert.ok(!fetched.some((url) => url.startsWith('./ready-to-share-2a')), 'the English module is not fetched');

    const english = worker(['./', './index.html'], { onUse, pageModules: PAGE_MODULES, open: ['https://x.example/'] });
    await english.run('install', {});
    assert.ok(MODULES.en.every((file) => english.store.get('ready-to-share-v2').has(file)), 'the English page\'s module');
    assert.ok(!MODULES.cy.some((file) => english.store.get('ready-to-share-v2').has(file)));
  });

  test('install keeps the module of the language frame.html\'s address asks for', async () => {
    const pageModules = { ...PAGE_MODULES, './frame.html': MODULES.en, './frame.html?lang=cy': MODULES.cy };
    const onUse = [...MODULES.en, ...MODULES.cy];
    for (const [open, module, other] of [
      ['https://x.example/frame.html?storage-key=ours&lang=cy', MODULES.cy, MODULES.en],
      ['https://x.example/frame.html?lang=cy-GB', MODULES.cy, MODULES.en],
      ['https://x.example/frame.html?storage-key=ours', MODULES.en, MODULES.cy],
      ['https://x.example/index.html?lang=cy', MODULES.en, MODULES.cy],
    ]) {
      const { run, store } = worker(['./index.html'], { onUse, pageModules, open: [open] });
      await run('install', {});
      const kept = store.get('ready-to-share-v2');
      assert.ok(module.every((file) => kept.has(file)), `${open}: its module`);
      assert.ok(!other.some((file) => kept.has(file)), `${open}: not the other`);
    }
  });

  test('an update keeps the module of a page kept once used, even when the earlier version had no such module, and the English one only with an English page open', async () => {
    const onUse = [...MODULES.en, ...MODULES.cy, './cy.html'];
    // An earlier version kept cy.html, which then ran the English module,
    // kept for everyone as every earlier version did.
    const keptBefore = ['./cy.html', './ready-to-share-1f_bg.wasm', './ready-to-share-1f.js', './index.html'];
    const { run, store } = worker(['./index.html'], { onUse, pageModules: PAGE_MODULES, keptBefore, open: ['https://x.example/cy.html'] });
    await run('install', {});
    const kept = store.get('ready-to-share-v2');
    assert.ok(kept.has('./cy.html'));
    assert.ok(MODULES.cy.every((file) => kept.has(file)), 'the Welsh page\'s module, new in this version');
    assert.ok(!MODULES.en.some((file) => kept.has(file)), 'not the English module: a Welsh visitor does not download it at every update');

    const english = worker(['./index.html'], { onUse, pageModules: PAGE_MODULES, keptBefore, open: ['https://x.example/index.html'] });
    await english.run('install', {});
    assert.ok(MODULES.en.every((file) => english.store.get('ready-to-share-v2').has(file)), 'with index.html open, the English module');
    assert.ok(MODULES.cy.every((file) => english.store.get('ready-to-share-v2').has(file)), 'and the Welsh page\'s, kept before');
  });

  test("an update keeps the whole app (the partnership view) when the earlier version kept it, its wasm's name ending _bg.wasm", async () => {
    const onUse = ['./ready-to-share-whole-2b.js', './ready-to-share-whole-2b_bg.wasm', './locale.cy-2c.json'];
    const keptBefore = ['./ready-to-share-whole-1a.js', './ready-to-share-whole-1a_bg.wasm', './index.html'];
    const { run, store } = worker(['./index.html'], { onUse, keptBefore });
    await run('install', {});
    const kept = store.get('ready-to-share-v2');
    assert.ok(kept.has('./ready-to-share-whole-2b.js'), 'the new glue');
    assert.ok(kept.has('./ready-to-share-whole-2b_bg.wasm'), 'the new wasm');
    assert.ok(!kept.has('./locale.cy-2c.json'), 'not a language never used');
  });

  test('an update that cannot fetch a file used before fails, so the earlier version stays', async () => {
    const network = (url) => {
      if (url.includes('locale.cy')) throw new TypeError('Failed to fetch');
      return new Response(`network ${url}`);
    };
    const { run, store } = worker(['./index.html'], { network, onUse: ['./locale.cy-2.json'], keptBefore: ['./locale.cy-1.json'] });
    await assert.rejects(run('install', {}), /Failed to fetch/);
    assert.ok(store.get('ready-to-share-v1').has('./locale.cy-1.json'), 'the earlier version keeps its files');
  });

  const WASM = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 255, 254]);
  const OFFLINE_PARTS = {
    glue: './g.js',
    wasm: './w.wasm',
    css: './c.css',
    template: bundle('file-copy.js', { wasm: WASM_MARK, storageKey: 'k', words: WORDS, languages: LANGUAGES_MARK }, { block: true }),
    title: 'Ready to Share',
    noscript: 'Needs JavaScript.',
  };
  /** The network of a server with the parts on it. */
  const parts = (url) => {
    const name = url.replace(/^.*\//, '');
    if (name === 'w.wasm') return new Response(WASM);
    if (name === 'g.js') return new Response('async function __wbg_init() {} /* glue */');
    if (name === 'c.css') return new Response('.rts-body { color: #0b0c0c; }');
    return new Response(`network ${url}`);
  };

  test('the single-file copy is made from the kept files, with no request, and never kept itself', async () => {
    const files = ['./', './g.js', './w.wasm', './c.css'];
    const { run, store, fetched, text } = worker(files, { offline: OFFLINE_PARTS, network: parts });
    await run('install', {});
    assert.ok(!store.get('ready-to-share-v2').has(`./${OFFLINE_COPY}`), 'the copy is not kept');
    fetched.length = 0;
    const response = await run('fetch', { request: { method: 'GET', url: `https://x.example/${OFFLINE_COPY}` } });
    assert.deepEqual(fetched, [], 'no request');
    assert.equal(response.headers.get('Content-Type'), 'text/html; charset=utf-8');
    const expected = await offlineCopy({
      glue: 'async function __wbg_init() {} /* glue */',
      wasm: WASM,
      css: '.rts-body { color: #0b0c0c; }',
      template: OFFLINE_PARTS.template,
      title: OFFLINE_PARTS.title,
      noscript: OFFLINE_PARTS.noscript,
    });
    assert.equal(await text(response), expected, 'the same file the build makes from the same parts');
  });

  test("the app's glue and wasm, kept only once used, are fetched for the copy and kept; the stylesheet is not fetched", async () => {
    let up = true;
    const network = (url) => {
      if (!up) throw new TypeError('Failed to fetch');
      return parts(url);
    };
    const onUse = ['./g.js', './w.wasm'];
    const { run, store, fetched, text } = worker(['./', './c.css'], { offline: OFFLINE_PARTS, network, onUse });
    await run('install', {});
    fetched.length = 0;
    const request = { method: 'GET', url: `https://x.example/${OFFLINE_COPY}` };
    const made = await text(await run('fetch', { request }));
    assert.deepEqual(fetched.sort(), ['https://x.example/g.js', 'https://x.example/w.wasm'], 'the two parts, not the copy');
    assert.match(made, /__wbg_init/, 'the copy carries the glue');
    const kept = store.get('ready-to-share-v2');
    assert.ok(kept.has('./g.js') && kept.has('./w.wasm'), 'both parts are kept for next time');
    up = false;
    fetched.length = 0;
    assert.equal(await text(await run('fetch', { request })), made, 'made again with no network, from what was kept');
    assert.deepEqual(fetched, []);
  });

  test("with no network and the app's parts never kept, the copy cannot be made", async () => {
    const network = () => {
      throw new TypeError('Failed to fetch');
    };
    const { run } = worker(['./', './c.css'], { offline: OFFLINE_PARTS, network, onUse: ['./g.js', './w.wasm'] });
    await run('install', {}).catch(() => {});
    await assert.rejects(run('fetch', { request: { method: 'GET', url: `https://x.example/${OFFLINE_COPY}` } }), /Failed to fetch/);
  });

  test('with a part not kept, the copy comes from the network; with no network, the request fails', async () => {
    let up = true;
    const network = (url) => {
      if (!up) throw new TypeError('Failed to fetch');
      return parts(url);
    };
    const { run, text } = worker(['./', './g.js'], { offline: OFFLINE_PARTS, network });
    await run('install', {});
    const request = { method: 'GET', url: `https://x.example/${OFFLINE_COPY}` };
    assert.equal(await text(await run('fetch', { request })), `network https://x.example/${OFFLINE_COPY}`);
    up = false;
    await assert.rejects(run('fetch', { request }), /Failed to fetch/);
  });

  test('the copy asked for in Welsh fetches the Welsh files when they are not kept (a Welsh page\'s module has Welsh built in) and keeps them; with no network, it is made in English', async () => {
    const languages = { cy: { words: './locale.cy-1.json', pack: './pack.cy-2.json' } };
    const offline = { ...OFFLINE_PARTS, languages };
    const onUse = ['./locale.cy-1.json', './pack.cy-2.json'];
    const request = { method: 'GET', url: `https://x.example/${OFFLINE_COPY}?lang=cy` };
    const { run, store, fetched, text } = worker(['./', './g.js', './w.wasm', './c.css'], { offline, network: parts, onUse });
    await run('install', {});
    fetched.length = 0;
    const welsh = await text(await run('fetch', { request }));
    assert.ok(welsh.startsWith('<!DOCTYPE html>\n<html lang="cy">'), 'made in Welsh');
    assert.deepEqual(fetched.sort(), ['https://x.example/locale.cy-1.json', 'https://x.example/pack.cy-2.json']);
    assert.ok(store.get('ready-to-share-v2').has('./locale.cy-1.json') && store.get('ready-to-share-v2').has('./pack.cy-2.json'), 'and kept');
    let up = true;
    const network = (url) => {
      if (!up) throw new TypeError('Failed to fetch');
      return parts(url);
    };
    const cut = worker(['./', './g.js', './w.wasm', './c.css'], { offline, network, onUse });
    await cut.run('install', {});
    up = false;
    const english = await cut.text(await cut.run('fetch', { request }));
    assert.ok(english.startsWith('<!DOCTYPE html>\n<html lang="en-GB">'), 'made, in English');
  });

  test('a page asking again for files already kept fetches nothing: a first module\'s wasm is not downloaded on every visit', async () => {
    const onUse = ['./ready-to-share-cy-0a1b2c3d.js', './ready-to-share-cy-0a1b2c3d_bg.wasm'];
    const { run, store, fetched } = worker(['./index.html'], { onUse });
    await run('install', {});
    fetched.length = 0;
    const keep = { keep: onUse.map((address) => new URL(address, 'https://x.example/').href) };
    await run('message', { data: keep });
    assert.deepEqual(fetched.sort(), keep.keep.sort(), 'kept when first asked');
    await run('message', { data: keep });
    await run('message', { data: { keep: [`${keep.keep[0]}?attempt=2`] } });
    assert.equal(fetched.length, 2, 'not fetched again');
    assert.ok(store.get('ready-to-share-v2').has('./ready-to-share-cy-0a1b2c3d_bg.wasm'));
  });

  test('an update keeps the whole app used before and never a first module by its name alone: English\'s, Welsh\'s and the whole app\'s names are told apart, with hashes of 8 to 16 hex digits', async () => {
    const modules = {
      en: ['./ready-to-share-89abcdef01234567.js', './ready-to-share-89abcdef01234567_bg.wasm'],
      cy: ['./ready-to-share-cy-0a1b2c3d.js', './ready-to-share-cy-0a1b2c3d_bg.wasm'],
      whole: ['./ready-to-share-whole-fedcba98.js', './ready-to-share-whole-fedcba98_bg.wasm'],
    };
    // The earlier version's, under other hashes (Trunk's lose leading zeros).
    const earlier = {
      en: ['./ready-to-share-0123abcd.js', './ready-to-share-0123abcd_bg.wasm'],
      cy: ['./ready-to-share-cy-1234567890abcdef.js', './ready-to-share-cy-1234567890abcdef_bg.wasm'],
      whole: ['./ready-to-share-whole-cafe0123babe4567.js', './ready-to-share-whole-cafe0123babe4567_bg.wasm'],
    };
    const onUse = Object.values(modules).flat();
    // As the build gives them: the first modules go with their pages.
    const pageModules = { './': modules.en, './index.html': modules.en, './cy.html': modules.cy };
    for (const used of [['en'], ['cy'], ['whole'], ['cy', 'whole'], ['en', 'cy', 'whole']]) {
      const keptBefore = ['./index.html', ...used.flatMap((code) => earlier[code])];
      const { run, store } = worker(['./index.html'], { onUse, keptBefore, pageModules });
      await run('install', {});
      const kept = [...store.get('ready-to-share-v2').keys()].filter((address) => address !== './index.html').sort();
      const expected = used.includes('whole') ? modules.whole : [];
      assert.deepEqual(kept, expected, `used before: ${used.join(' and ')}`);
    }
  });
});

describe('offline-copy.js: the single-file copy', () => {
  const sha = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
  const template = bundle('file-copy.js', { wasm: WASM_MARK, storageKey: 'k', words: WORDS, languages: LANGUAGES_MARK }, { block: true });

  test('base64 agrees with Buffer\'s for every length, past the piece size too', () => {
    for (const length of [0, 1, 2, 3, 4, 0x8000 - 1, 0x8000, 0x8000 * 2 + 5]) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 7 + length) % 256);
      assert.equal(base64(bytes), Buffer.from(bytes).toString('base64'), `length ${length}`);
    }
  });

  test('its policy allows exactly its inline script and style, by hash; the wasm is in the script; nothing ends a tag early', async () => {
    const wasm = Uint8Array.from({ length: 70_000 }, (_, i) => i % 251);
    const html = await offlineCopy({
      glue: 'const s = "</script><script>alert(1)</script>";',
      wasm,
      css: '.a::after { content: "</style>"; }',
      template,
      title: 'Ready to Share',
      noscript: 'Needs <JavaScript> & more',
    });
    const script = html.match(/<script type="module">([\s\S]*)<\/script>\s*<\/body>/)?.[1];
    const style = html.match(/<style>([\s\S]*?)<\/style>/)?.[1];
    assert.ok(script && style, 'one inline script and one inline style');
    assert.equal(html.match(/<\/script>/gi).length, 1, 'the only closing script tag is the script\'s own');
    assert.equal(html.match(/<\/style>/gi).length, 1, 'the only closing style tag is the style\'s own');
    const csp = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/)[1];
    assert.ok(csp.includes(`script-src ${sha(script)} 'wasm-unsafe-eval'`), 'the script is allowed by its hash');
    assert.ok(csp.includes(`style-src ${sha(style)}`), 'the style is allowed by its hash');
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /connect-src 'none'/);
    assert.ok(script.includes(`"wasm":"${Buffer.from(wasm).toString('base64')}"`), 'the wasm is in the script as base64');
    assert.ok(!html.includes(WASM_MARK), 'the mark is gone');
    assert.ok(html.includes('Needs &lt;JavaScript&gt; &amp; more'), 'the noscript words are escaped');
    assert.ok(html.startsWith('<!DOCTYPE html>\n<html lang="en-GB">'));
  });

  test('a template with no place for the wasm is refused', async () => {
    await assert.rejects(
      offlineCopy({ glue: '', wasm: new Uint8Array(), css: '', template: 'no mark', title: '', noscript: '' }),
      /no single place for the wasm/,
    );
  });

  test('made from a cache: each other language whose files are kept goes in, and the copy starts in the one asked for', async () => {
    const kept = new Map([
      ['./g.js', 'glue'],
      ['./w.wasm', 'wasm'],
      ['./c.css', 'css'],
    ]);
    const match = async (address) => (kept.has(address) ? new Response(kept.get(address)) : undefined);
    const languages = { cy: { words: './locale.cy-1.json', pack: './pack.cy-2.json' } };
    const parts = { glue: './g.js', wasm: './w.wasm', css: './c.css', languages, template, title: 't', noscript: 'n' };
    /** The languages the copy carries: the JSON value after "languages": in its script. */
    const carried = (html) => {
      const from = html.indexOf('{', html.indexOf('"languages":'));
      for (let to = html.indexOf('}', from); to !== -1; to = html.indexOf('}', to + 1)) {
        try {
          return JSON.parse(html.slice(from, to + 1));
        } catch {
          // Not the end of the value yet.
        }
      }
      throw new Error('no languages in the copy');
    };
    // A browser that has not used Welsh: English only, whatever is asked.
    assert.deepEqual(carried(await offlineCopyFromCache(parts, match, { start: 'cy' })), { start: 'en', tables: {} });
    kept.set('./locale.cy-1.json', '{"ui":{"back":"Yn ôl"}}');
    kept.set('./pack.cy-2.json', '{"id":"cy pack </script>"}');
    const html = await offlineCopyFromCache(parts, match, { start: 'cy' });
    assert.equal(html.match(/<\/script>/gi).length, 1, 'the carried text cannot end the script');
    assert.ok(html.startsWith('<!DOCTYPE html>\n<html lang="cy">'), 'the page says its language');
    assert.deepEqual(carried(html), {
      start: 'cy',
      tables: { cy: { words: '{"ui":{"back":"Yn ôl"}}', pack: '{"id":"cy pack </script>"}' } },
    });
    assert.equal(carried(await offlineCopyFromCache(parts, match)).start, 'en', 'English when nothing is asked');
  });

  test('the copy reads its carried languages back as the loaders read files', async () => {
    const { files, base, fetchFn } = carriedLanguages({ cy: { words: 'W', pack: 'P' } });
    assert.deepEqual(files, { cy: { words: 'cy.words', pack: 'cy.pack' } });
    const read = async (name) => {
      const response = await fetchFn(new URL(name, base).href);
      return response.ok ? response.text() : response.status;
    };
    assert.deepEqual([await read('cy.words'), await read('cy.pack'), await read('fr.words')], ['W', 'P', 404]);
    assert.deepEqual(await languageOptions('cy', files, base, 'en', fetchFn), { language: 'cy', languageWords: 'W', languagePack: 'P' });
    // The copy carries the whole app, with English built in.
    assert.deepEqual(await languageOptions('en', files, base, 'en', fetchFn), { language: 'en' });
  });

  test('made from a cache: null when a part is not kept', async () => {
    const kept = new Map([
      ['./g.js', 'glue'],
      ['./c.css', 'css'],
    ]);
    const match = async (address) => (kept.has(address) ? new Response(kept.get(address)) : undefined);
    const parts = { glue: './g.js', wasm: './w.wasm', css: './c.css', template, title: 't', noscript: 'n' };
    assert.equal(await offlineCopyFromCache(parts, match), null);
    kept.set('./w.wasm', 'wasm');
    assert.match(await offlineCopyFromCache(parts, match), /^<!DOCTYPE html>/);
  });
});

describe('build.mjs: what the build does to these scripts', () => {
  test('comment lines go; code, and comment marks inside code lines, stay', () => {
    const code = [
      '// a line comment',
      'const url = "http://example.test/a"; // kept: not a whole line',
      '/**',
      ' * A block comment.',
      ' */',
      'const product = 2',
      '  * 3; /* a comment after code stays */',
      '  /* one-line block */',
      'const BUILD = /* @build */ { a: 1 } /* @end */;',
    ].join('\n');
    assert.equal(
      withoutCommentLines(code),
      [
        'const url = "http://example.test/a"; // kept: not a whole line',
        'const product = 2',
        '  * 3; /* a comment after code stays */',
        'const BUILD = /* @build */ { a: 1 } /* @end */;',
      ].join('\n'),
    );
  });

  test('CSS comments go, rules stay', () => {
    const css = '/* tokens\n * more */\n.a {\n  color: red; /* why */\n}\n\n\n.b { margin: 0; }\n';
    assert.equal(withoutCssComments(css), '\n.a {\n  color: red; \n}\n.b { margin: 0; }\n');
  });

  test('fillBuild fills exactly one placeholder', () => {
    assert.equal(fillBuild('const B = /* @build */ {} /* @end */;', { a: 1 }), 'const B = {"a":1};');
    assert.throws(() => fillBuild('no placeholder', {}), /found 0/);
    assert.throws(() => fillBuild('/* @build */1/* @end */ /* @build */2/* @end */', {}), /found 2/);
  });

  test('every shipped script parses, with loader.js copied in once and no import or export left', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rts-runtime-'));
    try {
      const scripts = {
        'boot.js': bundle('boot.js', { glue: 'g.js', wasm: 'w.wasm', words: WORDS }, { classic: true }),
        'sw.js': bundle('sw.js', { version: 'v', files: [], offline: null }, { classic: true }),
        'embed.mjs': bundle('embed.js', { glue: 'g.js', wasm: 'w.wasm', css: 'c.css', words: WORDS }),
        'file-copy.mjs': bundle('file-copy.js', { wasm: '', storageKey: 'k', words: WORDS }, { block: true }),
      };
      for (const [name, text] of Object.entries(scripts)) {
        assert.equal(text.match(/class LoadError/g)?.length ?? 0, name === 'sw.js' ? 0 : 1, `${name}: loader.js once`);
        assert.ok(!/^\s*(import|export) /m.test(text), `${name}: no import or export`);
        const file = join(dir, name);
        writeFileSync(file, text);
        const check = spawnSync(process.execPath, ['--check', file], { encoding: 'utf8' });
        assert.equal(check.status, 0, `${name} parses: ${check.stderr}`);
      }
      assert.ok(scripts['boot.js'].includes('"glue":"g.js"'), 'the build values are filled in');
      assert.ok(!source('boot.js').includes('"glue":"g.js"'), 'and the source is unchanged');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the service worker\'s version changes with the contents of any file, a page included', () => {
    const files = [
      ['./index.html', Buffer.from('<p>one</p>')],
      ['./app.wasm', Buffer.from([0, 97, 115, 109])],
    ];
    const version = contentVersion(files);
    assert.match(version, /^[0-9a-f]{16}$/);
    assert.equal(contentVersion([...files].reverse()), version, 'the order does not matter');
    assert.notEqual(contentVersion([['./index.html', Buffer.from('<p>two</p>')], files[1]]), version, 'a page edit is a new version');
    assert.notEqual(contentVersion([files[0], ['./app.wasm', Buffer.from([0, 97, 115, 110])]]), version);
    assert.notEqual(contentVersion([['./other.html', files[0][1]], files[1]]), version, 'a renamed file is a new version');
  });
});

describe('boot.js: "Save this tool for offline use"', () => {
  /** A root with one offline link in it, and a window whose fetch is `fetchFn`. */
  function setUp(fetchFn, { language = null } = {}) {
    const doc = fakeDocument();
    const clicks = [];
    const origCreate = doc.createElement.bind(doc);
    doc.createElement = (tag) => {
      const element = origCreate(tag);
      element.click = () => clicks.push({ href: element.href, download: element.download });
      return element;
    };
    const parent = doc.createElement('div');
    const after = [];
    parent.querySelector = () => null;
    const link = {
      href: 'https://x.example/ready-to-share-offline.html',
      parentElement: parent,
      getAttribute: (name) => (name === 'download' ? 'ready-to-share-offline.html' : null),
      closest: (selector) => (selector === 'a.rts-offline-link' ? link : null),
      after: (element) => after.push(element),
    };
    const root = doc.createElement('main');
    // The app's element, with the language on screen.
    root.querySelector = (selector) =>
      selector === '.rts-app[lang]' && language ? { getAttribute: (name) => (name === 'lang' ? language : null) } : null;
    const win = {
      document: doc,
      fetch: fetchFn,
      URL: { createObjectURL: () => 'blob:x', revokeObjectURL: () => {} },
      setTimeout: () => {},
    };
    saveOfflineCopyThroughWorker(root, win, { offline_copy_failed: 'Needs the network.' });
    const click = async () => {
      let prevented = false;
      await root.listeners.click({ target: link, preventDefault: () => (prevented = true) });
      return prevented;
    };
    return { click, clicks, after };
  }

  test('the file is fetched (through the worker) and offered as a download', async () => {
    const { click, clicks, after } = setUp(async () => new Response('<!DOCTYPE html>'));
    assert.equal(await click(), true, 'the browser\'s own download is replaced');
    assert.deepEqual(clicks, [{ href: 'blob:x', download: 'ready-to-share-offline.html' }]);
    assert.deepEqual(after, []);
  });

  test('asked for in Welsh, the copy is asked for in Welsh; in English, with no language', async () => {
    for (const [language, expected] of [
      ['cy', 'https://x.example/ready-to-share-offline.html?lang=cy'],
      ['en', 'https://x.example/ready-to-share-offline.html'],
    ]) {
      const asked = [];
      const { click } = setUp(async (url) => {
        asked.push(url);
        return new Response('<!DOCTYPE html>');
      }, { language });
      await click();
      assert.deepEqual(asked, [expected], language);
    }
  });

  test('when it cannot be fetched, the page says the network is needed', async () => {
    const { click, clicks, after } = setUp(async () => {
      throw new TypeError('Failed to fetch');
    });
    await click();
    assert.deepEqual(clicks, []);
    assert.equal(after.length, 1);
    assert.equal(after[0].attributes.role, 'alert');
    assert.equal(after[0].textContent, 'Needs the network.');
  });
});

describe('the mount contract: one source for every way in', () => {
  // The defaults every script is unit-tested with must be the shipped ones
  // (src/options.json, which the build fills in and build.rs reads), so a
  // default changed in one place and not another fails here.
  const buildValues = (name) => {
    const literal = source(name).match(/\/\* @build \*\/([\s\S]*?)\/\* @end \*\//)[1];
    return vm.runInNewContext(`(${literal})`);
  };
  for (const name of ['boot.js', 'embed.js', 'file-copy.js']) {
    test(`${name} is tested with the contract's defaults`, () => {
      assert.deepEqual({ ...buildValues(name).contract }, { ...CONTRACT });
    });
  }

  test('the element and the pages start their headings where the contract says', () => {
    const element = { getAttribute: () => null };
    assert.equal(elementOptions(element, 'https://host.example/').headingLevel, CONTRACT.elementHeadingLevel);
    assert.equal(elementOptions(element, 'https://host.example/').storageKey, CONTRACT.storageKey);
    const page = pageOptions('', { inFrame: false, baseUrl: 'https://host.example/' });
    assert.equal(page.headingLevel, CONTRACT.pageHeadingLevel);
    assert.equal(page.storageKey, CONTRACT.storageKey);
  });

  // Not a restatement of the file: answers saved by every earlier version
  // sit under these names, so a change here would hide them from their
  // owners; renaming a key needs a migration, and this says so.
  test('saved progress and workshops keep the names earlier versions saved them under', () => {
    assert.equal(CONTRACT.offlineFile, 'ready-to-share-offline.html');
    assert.equal(`${CONTRACT.storageKey}${CONTRACT.progressKeySuffix}`, 'ready-to-share:progress:v1');
    assert.equal(`${CONTRACT.storageKey}${CONTRACT.workshopKeySuffix}`, 'ready-to-share:workshop:v1');
  });
});

test('the service worker makes the single-file copy under the contract name', () => {
  assert.equal(OFFLINE_COPY, CONTRACT.offlineFile);
});

describe('loader.js: the language', () => {
  test('the address wins, then the choice made before, then the host; only known languages', () => {
    const known = ['cy'];
    assert.equal(startLanguage({ asked: 'cy', remembered: 'en', host: 'en' }, known), 'cy');
    assert.equal(startLanguage({ asked: null, remembered: 'cy', host: 'en-GB' }, known), 'cy');
    assert.equal(startLanguage({ asked: 'fr', remembered: null, host: 'cy-GB' }, known), 'cy');
    assert.equal(startLanguage({ asked: 'EN', remembered: 'cy' }, known), 'en');
    assert.equal(startLanguage({}, known), 'en');
    assert.equal(startLanguage({ asked: 'cy' }, []), 'en', 'a build without Welsh starts in English');
  });

  test('the choice is remembered, and blocked storage only loses the memory', () => {
    const storage = new MemoryStorage();
    rememberLanguage(storage, 'k:language:v1', 'cy');
    assert.equal(rememberedLanguage(storage, 'k:language:v1'), 'cy');
    const blocked = {
      getItem() {
        throw new Error('SecurityError');
      },
      setItem() {
        throw new Error('QuotaExceededError');
      },
    };
    assert.doesNotThrow(() => rememberLanguage(blocked, 'k', 'cy'));
    assert.equal(rememberedLanguage(blocked, 'k'), null);
    assert.equal(rememberedLanguage(null, 'k'), null);
  });

  test('a language is fetched beside the app; English needs nothing; a failure is said in words', async () => {
    const files = { cy: { words: 'locale.cy-1.json', pack: 'pack.cy-2.json' } };
    const seen = [];
    const fetchFn = async (url) => {
      seen.push(url);
      return new Response(url.endsWith('locale.cy-1.json') ? 'W' : 'P');
    };
    assert.deepEqual(await languageOptions('en', files, 'https://a.example/app/', 'en', fetchFn), { language: 'en' });
    assert.deepEqual(seen, []);
    assert.deepEqual(await languageOptions('cy', files, 'https://a.example/app/', 'en', fetchFn), {
      language: 'cy',
      languageWords: 'W',
      languagePack: 'P',
    });
    assert.deepEqual(seen, ['https://a.example/app/locale.cy-1.json', 'https://a.example/app/pack.cy-2.json']);
    const offline = await languageOptions('cy', files, 'https://a.example/', 'en', async () => {
      throw new TypeError('Failed to fetch');
    });
    assert.deepEqual(offline, { language: 'cy', languageError: 'Failed to fetch' });
    const missing = await languageOptions('cy', files, 'https://a.example/', 'en', async () => new Response('', { status: 404 }));
    assert.deepEqual(missing, { language: 'cy', languageError: 'the server answered 404' });
  });

  test('a language\'s files are fetched once a page; one that failed is fetched again', async () => {
    const files = { cy: { words: 'locale.cy-1.json', pack: 'pack.cy-2.json' } };
    const seen = [];
    let up = false;
    const fetchFn = async (url) => {
      seen.push(url);
      if (!up) throw new TypeError('Failed to fetch');
      return new Response(url.includes('locale') ? 'W' : 'P');
    };
    const base = 'https://b.example/';
    assert.deepEqual(await languageOptions('cy', files, base, 'en', fetchFn), { language: 'cy', languageError: 'Failed to fetch' });
    up = true;
    const welsh = { language: 'cy', languageWords: 'W', languagePack: 'P' };
    assert.deepEqual(await languageOptions('cy', files, base, 'en', fetchFn), welsh, 'fetched again after failing');
    assert.equal(seen.length, 4);
    up = false;
    assert.deepEqual(await languageOptions('cy', files, base, 'en', fetchFn), welsh, 'then from this page, with no network');
    assert.equal(seen.length, 4, 'not fetched a third time');
  });

  test('afterPaint runs its task after the next frame, or as the page goes away if that comes first, and once', async () => {
    const win = new EventTarget();
    let frame;
    win.requestAnimationFrame = (callback) => (frame = callback);
    const ran = [];
    afterPaint(() => ran.push('first'), win);
    await new Promise((resolve) => setTimeout(resolve, 5));
    assert.deepEqual(ran, [], 'not before the frame');
    frame();
    await new Promise((resolve) => setTimeout(resolve, 5));
    assert.deepEqual(ran, ['first']);
    afterPaint(() => ran.push('second'), win);
    win.dispatchEvent(new Event('pagehide'));
    assert.deepEqual(ran, ['first', 'second'], 'the page going away runs it at once');
    frame();
    await new Promise((resolve) => setTimeout(resolve, 5));
    win.dispatchEvent(new Event('pagehide'));
    assert.deepEqual(ran, ['first', 'second'], 'and only once');
  });

  test('the widget asking for a language gets it, and the choice is remembered and reported', async () => {
    const root = new EventTarget();
    const storage = new MemoryStorage();
    const set = [];
    const changed = [];
    let done;
    const finished = new Promise((resolve) => (done = resolve));
    // Remembered at once; the address waits for the screen to change.
    const whenSet = [];
    const handle = {
      setLanguage: (options) => {
        set.push(options);
        whenSet.push({ remembered: storage.getItem('k:language:v1'), changed: [...changed] });
      },
    };
    followLanguageChoice(root, handle, {
      files: { cy: { words: 'w.json', pack: 'p.json' } },
      base: 'https://a.example/',
      storage,
      key: 'k:language:v1',
      fetchFn: async () => new Response('x'),
      onChange: (code) => {
        changed.push(code);
        done();
      },
    });
    root.dispatchEvent(new CustomEvent('ready-to-share:language', { detail: 'cy' }));
    await finished;
    assert.deepEqual(set, [{ language: 'cy', languageWords: 'x', languagePack: 'x' }]);
    assert.deepEqual(changed, ['cy']);
    assert.equal(storage.getItem('k:language:v1'), 'cy');
    assert.deepEqual(whenSet, [{ remembered: 'cy', changed: [] }], 'remembered, but the address not yet changed, when the widget is drawn in it');
  });
});

describe('loader.js: a module with another language built in', () => {
  const files = {
    cy: { words: 'locale.cy-1.json', pack: 'pack.cy-2.json' },
    en: { words: 'locale.en-3.json', pack: 'pack.en-4.json' },
  };
  /** A network answering each file with its name, recording what it was asked for. */
  const network = () => {
    const seen = [];
    const fetchFn = async (url) => {
      seen.push(fileName(url));
      return new Response(`text of ${fileName(url)}`);
    };
    return { seen, fetchFn };
  };

  test('its own language needs nothing fetched; English is fetched as files, and a failure is said in words as before', async () => {
    const { seen, fetchFn } = network();
    const base = 'https://d.example/';
    assert.deepEqual(await languageOptions('cy', files, base, 'cy', fetchFn), { language: 'cy' });
    assert.deepEqual(seen, [], 'Welsh built in: nothing fetched');
    assert.deepEqual(await languageOptions('en', files, base, 'cy', fetchFn), {
      language: 'en',
      languageWords: 'text of locale.en-3.json',
      languagePack: 'text of pack.en-4.json',
    });
    assert.deepEqual(seen, ['locale.en-3.json', 'pack.en-4.json']);
    assert.deepEqual(await languageOptions('en', files, base, 'en', fetchFn), { language: 'en' }, 'English built in: nothing, though the build has its files');
    assert.equal(seen.length, 2);
    assert.deepEqual(await languageOptions('fr', files, base, 'cy', fetchFn), { language: 'cy' }, 'a language the build does not have: the built-in one');
    const missing = await languageOptions('en', files, 'https://e.example/', 'cy', async () => new Response('', { status: 404 }));
    assert.deepEqual(missing, { language: 'en', languageError: 'the server answered 404' });
  });

  test('the language switch fetches files for any language but the one built into the widget on screen, which becomes English when the whole app takes its place', async () => {
    const { seen, fetchFn } = network();
    const root = new EventTarget();
    const set = [];
    let done;
    const widget = new CurrentWidget({ setLanguage: (options) => (set.push(options), done()), unmount() {} }, 'cy');
    followLanguageChoice(root, widget, { files, base: 'https://f.example/', storage: null, key: 'k', fetchFn });
    const choose = (code) => {
      const shown = new Promise((resolve) => (done = resolve));
      root.dispatchEvent(new CustomEvent('ready-to-share:language', { detail: code }));
      return shown;
    };
    await choose('en');
    await choose('cy');
    assert.deepEqual(set, [
      { language: 'en', languageWords: 'text of locale.en-3.json', languagePack: 'text of pack.en-4.json' },
      { language: 'cy' },
    ]);
    assert.deepEqual(seen, ['locale.en-3.json', 'pack.en-4.json'], 'nothing fetched for Welsh');
    widget.replace(() => ({ setLanguage: (options) => (set.push(options), done()), unmount() {} }), WHOLE_APP_LANGUAGE);
    await choose('cy');
    await choose('en');
    assert.deepEqual(set.slice(2), [
      { language: 'cy', languageWords: 'text of locale.cy-1.json', languagePack: 'text of pack.cy-2.json' },
      { language: 'en' },
    ]);
  });

  test('the first module is the one with the page\'s or element\'s language built in, else the default, with English built in; without modules, always the default', () => {
    const build = {
      glue: 'ready-to-share-1a.js',
      wasm: 'ready-to-share-1a_bg.wasm',
      modules: { cy: { glue: 'ready-to-share-cy-2b.js', wasm: 'ready-to-share-cy-2b_bg.wasm' } },
    };
    const base = 'https://g.example/tool/boot-3c.js';
    const english = { builtIn: 'en', glue: 'https://g.example/tool/ready-to-share-1a.js', wasm: 'https://g.example/tool/ready-to-share-1a_bg.wasm' };
    assert.deepEqual(firstModule('cy', build, base), {
      builtIn: 'cy',
      glue: 'https://g.example/tool/ready-to-share-cy-2b.js',
      wasm: 'https://g.example/tool/ready-to-share-cy-2b_bg.wasm',
    });
    assert.deepEqual(firstModule('en', build, base), english);
    assert.deepEqual(firstModule('cy', { ...build, modules: {} }, base), english, 'modules empty');
    assert.deepEqual(firstModule('cy', { glue: build.glue, wasm: build.wasm }, base), english, 'modules missing');
  });

  test('the page\'s own first module is started; only when it cannot be fetched, another the worker may have kept, and then the first error if none', async () => {
    const build = {
      glue: 'ready-to-share-1a.js',
      wasm: 'ready-to-share-1a_bg.wasm',
      modules: { cy: { glue: 'ready-to-share-cy-2b.js', wasm: 'ready-to-share-cy-2b_bg.wasm' } },
    };
    const base = 'https://g.example/tool/';
    const english = firstModule('en', build, base);
    const welsh = firstModule('cy', build, base);
    assert.deepEqual(firstModules(english, build, base), [english, welsh]);
    assert.deepEqual(firstModules(welsh, build, base), [welsh, english]);
    assert.deepEqual(firstModules(english, { ...build, modules: {} }, base), [english], 'one module: nothing else to try');

    const run = async (failures) => {
      const tried = [];
      const start = async (module) => {
        tried.push(module.builtIn);
        const cause = failures[module.builtIn];
        if (cause) throw new LoadError(cause, module.glue);
        return `bindings of ${module.builtIn}`;
      };
      try {
        const { bindings, module } = await startFirstModule([english, welsh], start);
        return { tried, bindings, builtIn: module.builtIn };
      } catch (error) {
        return { tried, error: [error.loadCause, error.file] };
      }
    };
    assert.deepEqual(await run({}), { tried: ['en'], bindings: 'bindings of en', builtIn: 'en' });
    assert.deepEqual(await run({ en: 'network' }), { tried: ['en', 'cy'], bindings: 'bindings of cy', builtIn: 'cy' });
    assert.deepEqual(await run({ en: 'not_found' }), { tried: ['en'], error: ['not_found', english.glue] }, 'gone from the server: the update message, no other module');
    assert.deepEqual(await run({ en: 'wasm_blocked' }), { tried: ['en'], error: ['wasm_blocked', english.glue] });
    assert.deepEqual(await run({ en: 'network', cy: 'network' }), { tried: ['en', 'cy'], error: ['network', english.glue] }, 'the page\'s own error');
  });

  test('once a first module has started, the worker is asked to keep its glue and wasm, under their own names; not when it failed', async () => {
    const kept = [];
    const workers = { ready: Promise.resolve({ active: { postMessage: (message) => kept.push(message.keep) } }) };
    const module = { builtIn: 'cy', glue: 'https://h.example/cy.js', wasm: 'https://h.example/cy_bg.wasm' };
    const started = [];
    let fail = true;
    const load = firstModuleLoader(module, {
      workers,
      start: async (files) => {
        started.push(files);
        if (fail) throw new LoadError('network', files.wasm);
        return 'bindings';
      },
    });
    await assert.rejects(load(), LoadError);
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(kept, [], 'nothing to keep');
    fail = false;
    assert.equal(await load(), 'bindings');
    assert.equal(await load(), 'bindings');
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(started, [
      { glue: 'https://h.example/cy.js', wasm: 'https://h.example/cy_bg.wasm' },
      { glue: 'https://h.example/cy.js?attempt=2', wasm: 'https://h.example/cy_bg.wasm' },
    ]);
    assert.deepEqual(kept, [['https://h.example/cy.js', 'https://h.example/cy_bg.wasm']], 'once, without the attempt');
  });

  test('where reading the service workers throws (storage blocked, a sandboxed frame), the module still starts', async () => {
    const blocked = {
      get navigator() {
        return {
          get serviceWorker() {
            throw new DOMException('The operation is insecure.', 'SecurityError');
          },
        };
      },
    };
    assert.equal(serviceWorkersOf(blocked), null);
    assert.equal(serviceWorkersOf({}), null);
    const module = { glue: 'https://i.example/g.js', wasm: 'https://i.example/w.wasm' };
    assert.equal(await firstModuleLoader(module, { workers: serviceWorkersOf(blocked), start: async () => 'bindings' })(), 'bindings');
    const saved = Object.getOwnPropertyDescriptor(globalThis, 'navigator');
    Object.defineProperty(globalThis, 'navigator', { get: () => blocked.navigator, configurable: true });
    try {
      assert.doesNotThrow(() => keepForOffline(['https://i.example/g.js']), 'nor does asking to keep, by default');
    } finally {
      if (saved) Object.defineProperty(globalThis, 'navigator', saved);
      else delete globalThis.navigator;
    }
  });
});

describe('loader.js: the whole app, loaded when someone opens the partnership view', () => {
  /** A handle as mountWidget returns it, recording what it is asked. */
  function handle(name, log) {
    return {
      setLanguage: (options) => log.push([name, 'setLanguage', options.language]),
      updateReady: () => log.push([name, 'updateReady']),
      workshopUnavailable: () => log.push([name, 'workshopUnavailable']),
      unmount: () => log.push([name, 'unmount']),
    };
  }

  test('CurrentWidget passes each request to the widget on screen, and a new version waiting to its replacement too', () => {
    const log = [];
    const widget = new CurrentWidget(handle('first', log));
    widget.setLanguage({ language: 'cy' });
    widget.updateReady();
    widget.replace(() => handle('whole', log), 'en');
    widget.setLanguage({ language: 'en' });
    widget.unmount();
    assert.deepEqual(log, [
      ['first', 'setLanguage', 'cy'],
      ['first', 'updateReady'],
      ['first', 'unmount'],
      ['whole', 'updateReady'],
      ['whole', 'setLanguage', 'en'],
      ['whole', 'unmount'],
    ]);
  });

  test('asked with the answers, mounts the whole app in the same place with the options of the language shown and the answers carried', async () => {
    const log = [];
    const root = new EventTarget();
    const widget = new CurrentWidget(handle('first', log));
    const mounted = [];
    let finish;
    const finished = new Promise((resolve) => (finish = resolve));
    const bindings = {
      mountWidget: (element, options) => {
        mounted.push([element, options]);
        finish();
        return handle('whole', log);
      },
    };
    openWholeAppWhenAsked(root, widget, {
      load: async () => bindings,
      options: async () => ({ storageKey: 'k', language: 'cy', languageWords: 'w' }),
    });
    const carried = { progress: '{"answers":1}', earlier: '{"earlier":1}' };
    root.dispatchEvent(new CustomEvent('ready-to-share:workshop', { detail: carried }));
    await finished;
    assert.equal(mounted.length, 1);
    assert.equal(mounted[0][0], root, 'mounted where the first was');
    assert.deepEqual(mounted[0][1], { storageKey: 'k', language: 'cy', languageWords: 'w', carried: { ...carried, focus: false } });
    assert.deepEqual(log, [['first', 'unmount']], 'the first is unmounted before the whole app mounts');
    widget.setLanguage({ language: 'en' });
    assert.deepEqual(log.at(-1), ['whole', 'setLanguage', 'en'], 'later requests reach the whole app');
  });

  test('the whole app has English built in: its options are asked for in the language on screen, the one chosen last, and the widget then says English is built in', async () => {
    const root = new EventTarget();
    const widget = new CurrentWidget({ unmount() {}, setLanguage() {} }, 'cy');
    assert.equal(widget.builtIn, 'cy');
    assert.equal(widget.language, 'cy', 'shown in its built-in language unless told');
    // Chosen just before the view is opened: no paint between them.
    widget.setLanguage({ language: 'en', languageWords: 'w', languagePack: 'p' });
    const asked = [];
    let mounted;
    const done = new Promise((resolve) => (mounted = resolve));
    openWholeAppWhenAsked(root, widget, {
      load: async () => ({ mountWidget: () => (mounted(), { unmount() {} }) }),
      options: async (language) => (asked.push(language), {}),
    });
    root.dispatchEvent(new CustomEvent('ready-to-share:workshop', { detail: { progress: 'p' } }));
    await done;
    assert.deepEqual(asked, ['en']);
    assert.equal(WHOLE_APP_LANGUAGE, 'en');
    assert.equal(widget.builtIn, 'en');
  });

  test('the whole app takes focus to its heading only if focus was still in the widget when it loaded', async () => {
    const inside = { name: 'the loading heading' };
    const elsewhere = { name: 'another widget' };
    for (const [active, focus] of [[inside, true], [elsewhere, false], [null, false]]) {
      const root = new EventTarget();
      root.getRootNode = () => ({ activeElement: active });
      root.contains = (element) => element === inside;
      const widget = new CurrentWidget({ unmount() {} });
      let mounted;
      const done = new Promise((resolve) => (mounted = resolve));
      openWholeAppWhenAsked(root, widget, {
        load: async () => ({ mountWidget: (element, options) => (mounted(options), { unmount() {} }) }),
        options: async () => ({}),
      });
      root.dispatchEvent(new CustomEvent('ready-to-share:workshop', { detail: { progress: 'p' } }));
      assert.deepEqual((await done).carried, { progress: 'p', focus }, `focus on ${active?.name ?? 'nothing'}`);
    }
  });

  test('when the whole app cannot be loaded, the widget on screen is told and stays; asking again tries again', async () => {
    const log = [];
    const root = new EventTarget();
    const widget = new CurrentWidget({
      ...handle('first', log),
      workshopUnavailable: (outdated) => {
        log.push(['first', 'workshopUnavailable', outdated]);
        told();
      },
    });
    let told;
    let attempts = 0;
    const load = makeLoader({ glue: 'whole.js', wasm: 'whole.wasm' }, async (files) => {
      attempts += 1;
      if (attempts === 1) throw new LoadError('network', files.wasm);
      return { mountWidget: () => (told(), handle('whole', log)) };
    });
    openWholeAppWhenAsked(root, widget, { load, options: async () => ({}) });
    const original = console.error;
    console.error = () => {};
    try {
      let waiting = new Promise((resolve) => (told = resolve));
      root.dispatchEvent(new CustomEvent('ready-to-share:workshop', { detail: 'x' }));
      await waiting;
      assert.deepEqual(log, [['first', 'workshopUnavailable', false]], 'told (not that the tool was updated), and not unmounted');
      waiting = new Promise((resolve) => (told = resolve));
      root.dispatchEvent(new CustomEvent('ready-to-share:workshop', { detail: 'x' }));
      await waiting;
      assert.equal(attempts, 2, 'tried again');
      assert.deepEqual(log.at(-1), ['first', 'unmount']);
    } finally {
      console.error = original;
    }
  });

  test('a widget that has left its loading page (Back) while the whole app loads is not replaced', async () => {
    const root = new EventTarget();
    let waiting = true;
    root.querySelector = (selector) => (selector === '.rts-workshop-loading' && waiting ? {} : null);
    const log = [];
    const widget = new CurrentWidget(handle('first', log));
    let release;
    const loaded = new Promise((resolve) => (release = resolve));
    let mounts = 0;
    openWholeAppWhenAsked(root, widget, { load: () => loaded, options: async () => ({}) });
    root.dispatchEvent(new CustomEvent('ready-to-share:workshop', { detail: { progress: 'p' } }));
    waiting = false;
    release({ mountWidget: () => ((mounts += 1), handle('whole', log)) });
    await loaded;
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(mounts, 0);
    assert.deepEqual(log, []);
  });

  test("the whole app's files not found on the server (the tool updated since the page was opened) is told as such", async () => {
    const root = new EventTarget();
    let told;
    const outdated = new Promise((resolve) => (told = resolve));
    const widget = new CurrentWidget({ unmount() {}, workshopUnavailable: told });
    const original = console.error;
    console.error = () => {};
    try {
      openWholeAppWhenAsked(root, widget, {
        load: async () => {
          throw new LoadError('not_found', 'whole.js');
        },
        options: async () => ({}),
      });
      root.dispatchEvent(new CustomEvent('ready-to-share:workshop', { detail: { progress: 'p' } }));
      assert.equal(await outdated, true);
    } finally {
      console.error = original;
    }
  });

  test("the whole app's loader asks for its glue and wasm beside the tool, once, and afresh after a failure", async () => {
    const asked = [];
    let fail = true;
    const load = wholeAppLoader({ glue: 'ready-to-share-whole-1a.js', wasm: 'ready-to-share-whole-1a_bg.wasm' }, 'https://c.example/tool/', async (files) => {
      asked.push(files);
      if (fail) throw new LoadError('network', files.glue);
      return { mountWidget() {} };
    });
    await assert.rejects(load(), LoadError);
    fail = false;
    const bindings = await load();
    assert.equal(await load(), bindings, 'once loaded, the same');
    assert.deepEqual(asked, [
      { glue: 'https://c.example/tool/ready-to-share-whole-1a.js', wasm: 'https://c.example/tool/ready-to-share-whole-1a_bg.wasm' },
      { glue: 'https://c.example/tool/ready-to-share-whole-1a.js?attempt=2', wasm: 'https://c.example/tool/ready-to-share-whole-1a_bg.wasm' },
    ]);
  });

  test('a widget removed while the whole app loads is not replaced', async () => {
    const log = [];
    const root = new EventTarget();
    root.isConnected = true;
    const widget = new CurrentWidget(handle('first', log));
    let release;
    const loaded = new Promise((resolve) => (release = resolve));
    let mounts = 0;
    openWholeAppWhenAsked(root, widget, {
      load: () => loaded,
      options: async () => ({}),
    });
    root.dispatchEvent(new CustomEvent('ready-to-share:workshop', { detail: 'x' }));
    root.isConnected = false;
    release({ mountWidget: () => ((mounts += 1), handle('whole', log)) });
    await loaded;
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(mounts, 0);
    assert.deepEqual(log, []);
  });
});

describe('boot.js and embed.js as shipped: the first module by language', () => {
  /**
   * The build's values with a first module in each language: English's
   * the default, Welsh's in `modules`, and each language's files, English's
   * too (the loaders' own words only for Welsh, as the build gives them).
   */
  const TWO_MODULES = {
    glue: 'ready-to-share-0123abcd.js',
    wasm: 'ready-to-share-0123abcd_bg.wasm',
    modules: { cy: { glue: 'ready-to-share-cy-4567cdef.js', wasm: 'ready-to-share-cy-4567cdef_bg.wasm' } },
    whole: { glue: 'ready-to-share-whole-89abcdef.js', wasm: 'ready-to-share-whole-89abcdef_bg.wasm' },
    css: 'ready-to-share-1.css',
    contract: CONTRACT,
    words: { ...WORDS, loading: 'Loading' },
    languages: {
      cy: { words: 'locale.cy-1.json', pack: 'pack.cy-2.json', loader: { ...WORDS, language: 'cy', loading: 'Wrthi' } },
      en: { words: 'locale.en-3.json', pack: 'pack.en-4.json' },
    },
  };
  /** The same build as before there was a module in Welsh: `modules` empty or missing, no files for English. */
  const ONE_MODULE = (() => {
    const { modules: _, languages, ...rest } = TWO_MODULES;
    return { ...rest, languages: { cy: languages.cy } };
  })();

  /**
   * A wasm-bindgen glue whose mountWidget records, on the element it is
   * given, that `name` mounted there and with what options, and whose
   * widget records what it is asked.
   */
  const fakeGlue = (name) => `export default async function start() {}
export function mountWidget(element, options) {
  element.record('mount', ${JSON.stringify(name)}, options);
  return {
    setLanguage: (chosen) => element.record('setLanguage', ${JSON.stringify(name)}, chosen),
    updateReady() {},
    workshopUnavailable() {},
    unmount: () => element.record('unmount', ${JSON.stringify(name)}),
  };
}
`;

  /**
   * What the widgets did, in order ({ at, what, module, options }), and
   * `until(check)`, which waits until `check(entries)` holds.
   */
  function journal() {
    const entries = [];
    const waiting = new Set();
    const record = (at, what, module, options) => {
      entries.push({ at, what, module, options });
      for (const look of waiting) look();
    };
    const until = (check) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => (waiting.delete(look), reject(new Error(`timed out: ${check}`))), 5000);
        const look = () => {
          if (!check(entries)) return;
          clearTimeout(timer);
          waiting.delete(look);
          resolve(entries);
        };
        waiting.add(look);
        look();
      });
    return { entries, record, until };
  }

  /** The last part of an address. */
  const last = (url) => new URL(url).pathname.split('/').pop();

  /**
   * Runs `name` (boot.js or embed.js) as the build ships it, with `values`
   * as its BUILD, as a module in a folder of its own beside a fake glue
   * for each module, so its own startApp imports them. The browser's
   * globals are fakes until `run` ends: the network answers every address
   * with a text naming it (and `fetched` lists the names asked for), the
   * worker lists the names it is asked to keep (`kept`), and every element
   * made records in `log`. `run` gets the script's `boot` (boot.js), the
   * element's class (embed.js), `box()` (an element) and those.
   */
  async function shipped(name, values, run) {
    const dir = mkdtempSync(join(tmpdir(), 'rts-shipped-'));
    const fetched = [];
    const kept = [];
    const log = journal();
    const box = () => {
      const element = new EventTarget();
      element.children = [];
      element.setAttribute = () => {};
      element.hasAttribute = () => false;
      element.replaceChildren = (...children) => (element.children = children);
      // Still on the partnership view's loading page when the whole app arrives.
      element.querySelector = (selector) => (selector === '.rts-workshop-loading' ? {} : null);
      element.record = (...entry) => log.record(element, ...entry);
      return element;
    };
    let defined;
    class FakeElement extends EventTarget {
      attributes = {};
      isConnected = true;
      getAttribute(attribute) {
        return this.attributes[attribute] ?? null;
      }
      attachShadow() {
        this.shadow = box();
        return this.shadow;
      }
    }
    const workers = {
      ready: Promise.resolve({ active: { postMessage: (message) => kept.push(message.keep.map(last)) } }),
      register: async () => null,
    };
    const globals = {
      fetch: async (url) => {
        fetched.push(last(url));
        return new Response(`text of ${last(url)}`);
      },
      navigator: { serviceWorker: workers },
      localStorage: new MemoryStorage(),
      customElements: { get: () => undefined, define: (_, element) => (defined = element) },
      HTMLElement: FakeElement,
      document: {
        baseURI: 'https://host.example/',
        createElement: (tag) => (tag === 'link' ? { set onload(done) { queueMicrotask(done); }, set onerror(_) {} } : box()),
      },
    };
    const saved = Object.keys(globals).map((key) => [key, Object.getOwnPropertyDescriptor(globalThis, key)]);
    try {
      writeFileSync(join(dir, 'package.json'), '{"type":"module"}');
      const names = { en: values.glue, cy: values.modules?.cy?.glue, whole: values.whole.glue };
      for (const [module, glue] of Object.entries(names)) if (glue) writeFileSync(join(dir, glue), fakeGlue(module));
      const script = join(dir, name);
      // boot.js is started by the test; embed.js defines its element as it loads.
      writeFileSync(script, `${bundle(name, values)}\n${name === 'boot.js' ? 'export { boot };\n' : ''}`);
      for (const [key, value] of Object.entries(globals)) Object.defineProperty(globalThis, key, { value, configurable: true, writable: true });
      const exports = await import(pathToFileURL(script).href);
      await run({ boot: exports.boot, Element: defined, base: pathToFileURL(script).href, box, workers, fetched, kept, log });
    } finally {
      for (const [key, descriptor] of saved) {
        if (descriptor) Object.defineProperty(globalThis, key, descriptor);
        else delete globalThis[key];
      }
      rmSync(dir, { recursive: true, force: true });
    }
  }

  /** The window of a standalone page in `lang` (cy.html for Welsh), its address asking `search`. */
  const pageWindow = (lang, workers, search = '') => ({
    location: { search, href: `https://x.example/tool/${lang === 'cy' ? 'cy.html' : ''}${search}`, protocol: 'https:' },
    document: { documentElement: { lang }, title: '' },
    localStorage: new MemoryStorage(),
    navigator: { serviceWorker: workers },
    history: { state: null, replaceState() {} },
    console,
  });

  /** Chooses `code` with the widget's language switch in `at`. */
  const choose = (at, code) => at.dispatchEvent(new CustomEvent('ready-to-share:language', { detail: code }));
  /** Opens the partnership view in `at`. */
  const openWhole = (at) => at.dispatchEvent(new CustomEvent('ready-to-share:workshop', { detail: { progress: 'p' } }));
  /** The entries `what` (in `at`, when given). */
  const recorded = (entries, what, at) => entries.filter((entry) => entry.what === what && (at === undefined || entry.at === at));
  /** A macrotask later: what the worker was asked has reached it. */
  const settled = () => new Promise((resolve) => setImmediate(resolve));

  test('a Welsh page loads the module with Welsh built in and no language files, and asks the worker to keep it', async () => {
    await shipped('boot.js', TWO_MODULES, async ({ boot, base, box, workers, fetched, kept, log }) => {
      const root = box();
      await boot({ root, base, win: pageWindow('cy', workers) });
      const [mount] = recorded(log.entries, 'mount');
      assert.equal(mount.module, 'cy');
      assert.equal(mount.options.language, 'cy');
      assert.equal(mount.options.languageWords, undefined, 'Welsh built in: no words laid over it');
      assert.deepEqual(fetched, ['ready-to-share-cy-4567cdef_bg.wasm'], 'the Welsh wasm alone');
      await settled();
      assert.deepEqual(kept.sort(), [['cy.html'], ['ready-to-share-cy-4567cdef.js', 'ready-to-share-cy-4567cdef_bg.wasm']]);
    });
  });

  test('frame.html, serving every language, loads the module of the language its address asks for: Welsh built in for ?lang=cy, with no language files', async () => {
    for (const [search, module, wasm] of [
      ['?storage-key=k&lang=cy', 'cy', 'ready-to-share-cy-4567cdef_bg.wasm'],
      ['?lang=CY-gb', 'cy', 'ready-to-share-cy-4567cdef_bg.wasm'],
      ['?storage-key=k', 'en', 'ready-to-share-0123abcd_bg.wasm'],
    ]) {
      await shipped('boot.js', TWO_MODULES, async ({ boot, base, box, workers, fetched, kept, log }) => {
        const root = box();
        root.hasAttribute = (attribute) => attribute === 'data-frame';
        const win = pageWindow('en-GB', workers, search);
        win.location.href = `https://x.example/tool/frame.html${search}`;
        // The frame tells its parent its height.
        win.ResizeObserver = class {
          observe() {}
        };
        win.parent = { postMessage() {} };
        win.document.body = {};
        await boot({ root, base, win });
        const [mount] = recorded(log.entries, 'mount');
        assert.equal(mount.module, module, search);
        assert.equal(mount.options.languageWords, undefined, `${search}: the language built in, no words laid over it`);
        assert.deepEqual(fetched, [wasm], `${search}: the wasm alone`);
        await settled();
        assert.deepEqual(kept, [[wasm.replace('_bg.wasm', '.js'), wasm]], `${search}: the worker keeps the module, not the frame's page`);
      });
    }
  });

  test('the partnership view opened right after a switch, before the browser paints, opens in the language just chosen', async () => {
    const paint = globalThis.requestAnimationFrame;
    // No paint comes: the address waits for one; the language must not.
    globalThis.requestAnimationFrame = () => {};
    try {
      await shipped('boot.js', TWO_MODULES, async ({ boot, base, box, workers, log }) => {
        const root = box();
        await boot({ root, base, win: pageWindow('cy', workers) });
        choose(root, 'en');
        await log.until((entries) => recorded(entries, 'setLanguage').length === 1);
        openWhole(root);
        await log.until((entries) => recorded(entries, 'mount').length === 2);
        assert.equal(recorded(log.entries, 'mount')[1].options.language, 'en');
      });
    } finally {
      globalThis.requestAnimationFrame = paint;
    }
  });

  test('on a Welsh page, English is fetched as files when chosen and Welsh again fetches nothing; the partnership view (English built in) gets the Welsh files', async () => {
    await shipped('boot.js', TWO_MODULES, async ({ boot, base, box, workers, fetched, log }) => {
      const root = box();
      await boot({ root, base, win: pageWindow('cy', workers) });
      choose(root, 'en');
      await log.until((entries) => recorded(entries, 'setLanguage').length === 1);
      choose(root, 'cy');
      await log.until((entries) => recorded(entries, 'setLanguage').length === 2);
      assert.deepEqual(
        recorded(log.entries, 'setLanguage').map(({ module, options }) => [module, options]),
        [
          ['cy', { language: 'en', languageWords: 'text of locale.en-3.json', languagePack: 'text of pack.en-4.json' }],
          ['cy', { language: 'cy' }],
        ],
      );
      assert.deepEqual(fetched.slice(1), ['locale.en-3.json', 'pack.en-4.json'], 'nothing for Welsh');
      openWhole(root);
      await log.until((entries) => recorded(entries, 'mount').length === 2);
      const whole = recorded(log.entries, 'mount')[1];
      assert.equal(whole.module, 'whole');
      assert.equal(whole.options.language, 'cy');
      assert.equal(whole.options.languageWords, 'text of locale.cy-1.json');
      assert.equal(whole.options.languagePack, 'text of pack.cy-2.json');
      // The whole app's switch: English is its own, Welsh is files.
      choose(root, 'en');
      await log.until((entries) => recorded(entries, 'setLanguage').length === 3);
      choose(root, 'cy');
      await log.until((entries) => recorded(entries, 'setLanguage').length === 4);
      assert.deepEqual(
        recorded(log.entries, 'setLanguage').slice(2).map(({ module, options }) => [module, options.language, options.languageWords]),
        [
          ['whole', 'en', undefined],
          ['whole', 'cy', 'text of locale.cy-1.json'],
        ],
      );
    });
  });

  test('an English page loads the default module even with Welsh asked for in its address, and Welsh is fetched as files', async () => {
    await shipped('boot.js', TWO_MODULES, async ({ boot, base, box, workers, fetched, kept, log }) => {
      const root = box();
      await boot({ root, base, win: pageWindow('en-GB', workers, '?lang=cy') });
      const [mount] = recorded(log.entries, 'mount');
      assert.equal(mount.module, 'en');
      assert.equal(mount.options.languageWords, 'text of locale.cy-1.json');
      assert.deepEqual(fetched.sort(), ['locale.cy-1.json', 'pack.cy-2.json', 'ready-to-share-0123abcd_bg.wasm']);
      await settled();
      assert.deepEqual(kept.sort(), [
        ['locale.cy-1.json', 'pack.cy-2.json'],
        ['ready-to-share-0123abcd.js', 'ready-to-share-0123abcd_bg.wasm'],
      ]);
    });
  });

  test('with no module in another language (modules empty or missing), a Welsh page loads the default module with the Welsh files over it, as before', async () => {
    for (const values of [{ ...ONE_MODULE, modules: {} }, ONE_MODULE]) {
      await shipped('boot.js', values, async ({ boot, base, box, workers, fetched, log }) => {
        const root = box();
        await boot({ root, base, win: pageWindow('cy', workers) });
        const [mount] = recorded(log.entries, 'mount');
        assert.equal(mount.module, 'en');
        assert.equal(mount.options.language, 'cy');
        assert.equal(mount.options.languageWords, 'text of locale.cy-1.json');
        assert.deepEqual(fetched.sort(), ['locale.cy-1.json', 'pack.cy-2.json', 'ready-to-share-0123abcd_bg.wasm']);
        choose(root, 'en');
        await log.until((entries) => recorded(entries, 'setLanguage').length === 1);
        assert.deepEqual(recorded(log.entries, 'setLanguage')[0].options, { language: 'en' });
      });
    }
  });

  test('the first element loads the first module of its own language and asks the worker to keep it; the elements after it share it, their language as files', async () => {
    await shipped('embed.js', TWO_MODULES, async ({ Element, fetched, kept, log }) => {
      const connect = (attributes) => {
        const element = new Element();
        Object.assign(element.attributes, attributes);
        element.connectedCallback();
        return element;
      };
      const elements = [{ lang: 'cy' }, { lang: 'en-GB' }, { lang: 'cy-GB' }, {}].map(connect);
      await log.until((entries) => recorded(entries, 'mount').length === 4);
      const mounted = elements.map((element) => recorded(log.entries, 'mount', element.shadow.children[1])[0]);
      assert.deepEqual(
        mounted.map(({ module, options }) => [module, options.language, options.languageWords]),
        [
          ['cy', 'cy', undefined],
          ['cy', 'en', 'text of locale.en-3.json'],
          ['cy', 'cy', undefined],
          ['cy', 'en', 'text of locale.en-3.json'],
        ],
      );
      assert.deepEqual(
        fetched.sort(),
        ['locale.en-3.json', 'pack.en-4.json', 'ready-to-share-cy-4567cdef_bg.wasm'],
        'one wasm, and the English files once',
      );
      await settled();
      assert.deepEqual(kept.sort(), [
        ['locale.en-3.json', 'pack.en-4.json'],
        ['ready-to-share-cy-4567cdef.js', 'ready-to-share-cy-4567cdef_bg.wasm'],
      ]);
    });
  });

  test('a Welsh element fetches English files only when English is chosen; the partnership view gets the Welsh files, and so does an element connected after it', async () => {
    await shipped('embed.js', TWO_MODULES, async ({ Element, fetched, log }) => {
      const connect = (attributes) => {
        const element = new Element();
        Object.assign(element.attributes, attributes);
        element.connectedCallback();
        return element;
      };
      const welsh = connect({ lang: 'cy' });
      await log.until((entries) => recorded(entries, 'mount').length === 1);
      const at = welsh.shadow.children[1];
      choose(at, 'en');
      await log.until((entries) => recorded(entries, 'setLanguage').length === 1);
      choose(at, 'cy');
      await log.until((entries) => recorded(entries, 'setLanguage').length === 2);
      assert.deepEqual(
        recorded(log.entries, 'setLanguage').map(({ module, options }) => [module, options.language, options.languageWords]),
        [
          ['cy', 'en', 'text of locale.en-3.json'],
          ['cy', 'cy', undefined],
        ],
      );
      assert.deepEqual(fetched, ['ready-to-share-cy-4567cdef_bg.wasm', 'locale.en-3.json', 'pack.en-4.json']);
      openWhole(at);
      await log.until((entries) => recorded(entries, 'mount').length === 2);
      assert.deepEqual(
        [recorded(log.entries, 'mount')[1].module, recorded(log.entries, 'mount')[1].options.languageWords],
        ['whole', 'text of locale.cy-1.json'],
      );
      const after = connect({ lang: 'cy' });
      await log.until((entries) => recorded(entries, 'mount').length === 3);
      const [mount] = recorded(log.entries, 'mount', after.shadow.children[1]);
      assert.deepEqual([mount.module, mount.options.language, mount.options.languageWords], ['whole', 'cy', 'text of locale.cy-1.json']);
      choose(at, 'en');
      await log.until((entries) => recorded(entries, 'setLanguage').length === 3);
      assert.deepEqual(recorded(log.entries, 'setLanguage')[2].options, { language: 'en' }, "English is the whole app's own");
    });
  });

  test('with no module in another language, every element loads the default module, Welsh as files, as before', async () => {
    for (const values of [{ ...ONE_MODULE, modules: {} }, ONE_MODULE]) {
      await shipped('embed.js', values, async ({ Element, fetched, log }) => {
        const elements = ['cy', 'en'].map((lang) => {
          const element = new Element();
          element.attributes.lang = lang;
          element.connectedCallback();
          return element;
        });
        await log.until((entries) => recorded(entries, 'mount').length === 2);
        const mounted = elements.map((element) => recorded(log.entries, 'mount', element.shadow.children[1])[0]);
        assert.deepEqual(
          mounted.map(({ module, options }) => [module, options.language, options.languageWords]),
          [
            ['en', 'cy', 'text of locale.cy-1.json'],
            ['en', 'en', undefined],
          ],
        );
        assert.deepEqual(fetched.sort(), ['locale.cy-1.json', 'pack.cy-2.json', 'ready-to-share-0123abcd_bg.wasm'], 'the module once');
      });
    }
  });
});
