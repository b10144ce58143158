// Trunk's post_build hook (see Trunk.toml): turns what Trunk built into the
// files Ready to Share ships, in Trunk's staging folder:
//
//   index.html                   the standalone page (no inline script)
//   frame.html                   the page for the iframe alternative
//   boot-<hash>.js               mounts the app on those pages, registers sw.js
//   embed.js                     the <ready-to-share> custom element (stable name)
//   ready-to-share-<hash>.css    every stylesheet in one file, in index.html order
//   sw.js                        precaches every file above, for offline use
//   ready-to-share-offline.html  the whole tool in one file, for file://
//
// Every address is relative to the file that uses it, so the folder can be
// served from any path or host.

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('postbuild: TRUNK_STAGING_DIR is not set; run this through trunk build');
  process.exit(1);
}

const hash = (text) => createHash('sha256').update(text).digest('hex').slice(0, 16);
const read = (name) => readFileSync(join(dir, name));
const write = (name, contents) => writeFileSync(join(dir, name), contents);
const fail = (message) => {
  console.error(`postbuild: ${message}`);
  process.exit(1);
};

const trunkHtml = read('index.html').toString('utf8');
const files = readdirSync(dir);
const glue = files.find((f) => /^ready-to-share-[0-9a-f]+\.js$/.test(f)) ?? fail('no wasm-bindgen glue');
const wasm = files.find((f) => /^ready-to-share-[0-9a-f]+_bg\.wasm$/.test(f)) ?? fail('no wasm');
const glueCode = read(glue).toString('utf8');
if (!/async function __wbg_init\b/.test(glueCode)) fail('the glue has no __wbg_init');

// One stylesheet instead of one per component: fewer requests, and one
// <link> inside each shadow root. rem becomes px so a host page's root font
// size cannot resize the widget.
const cssNames = [...trunkHtml.matchAll(/<link rel="stylesheet" href="\/?([^"]+\.css)"/g)].map((m) => m[1]);
if (cssNames.length === 0) fail('no stylesheets in index.html');
const css = cssNames
  .map((name) => read(name).toString('utf8'))
  .join('\n')
  .replace(/(-?\d*\.?\d+)rem\b/g, (_, n) => `${Number((Number(n) * 16).toFixed(3))}px`);
for (const name of cssNames) rmSync(join(dir, name));
const cssFile = `ready-to-share-${hash(css)}.css`;
write(cssFile, css);

const boot = `// Mounts Ready to Share on the standalone page or the iframe page.
import init, { mountWidget } from './${glue}';

await init({ module_or_path: new URL('./${wasm}', import.meta.url) });
const root = document.getElementById('rts-root');
const inFrame = root.hasAttribute('data-frame');
const params = new URLSearchParams(location.search);
const options = {
  storageKey: 'ready-to-share',
  headingLevel: 1,
  baseUrl: new URL('./', import.meta.url).href,
  offerOfflineCopy: true,
};
if (inFrame) {
  // The iframe alternative takes its options from its address.
  if (params.get('storage-key')) options.storageKey = params.get('storage-key');
  if (params.get('heading-level')) options.headingLevel = Number(params.get('heading-level'));
  if (params.get('accent')) options.accent = params.get('accent');
  // Tell the parent page how tall the widget is, so it can size the frame.
  // Only the height is sent. It is the content's own height: the root's
  // scrollHeight is never less than the frame's viewport, so once the parent
  // had sized the frame to fit a tall step, a shorter one could never shrink it.
  const post = () =>
    parent.postMessage(
      { type: 'ready-to-share:resize', height: Math.ceil(document.documentElement.getBoundingClientRect().height) },
      '*',
    );
  new ResizeObserver(post).observe(document.body);
}
const handle = mountWidget(root, options);

// Offline use is an extra: where the browser refuses a service worker (a
// frame on another site with third-party storage blocked, a sandboxed
// frame, where even reading navigator.serviceWorker throws, some private
// windows), the tool works as it is, without an uncaught error.
const registerWorker = async () => {
  try {
    return location.protocol.startsWith('http') ? await navigator.serviceWorker.register('./sw.js') : null;
  } catch {
    return null;
  }
};
const registration = await registerWorker();
if (registration) {
  let updating = false;
  const offer = () => {
    if (registration.waiting && navigator.serviceWorker.controller) handle.updateReady();
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
  navigator.serviceWorker.addEventListener('controllerchange', () => updating && location.reload());
}
`;
const bootFile = `boot-${hash(boot)}.js`;
write(bootFile, boot);

// The pages run only their own files: no inline script, nothing from any
// other site, and no requests anywhere but here. 'wasm-unsafe-eval' lets
// the WebAssembly compile.
const csp = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
const page = ({ title, frame }) => `<!DOCTYPE html>
<html lang="en-GB">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta http-equiv="Content-Security-Policy" content="${csp}" />
    <meta name="referrer" content="no-referrer" />
    <link rel="icon" href="data:," />
    <title>${title}</title>
    <link rel="stylesheet" href="./${cssFile}" />
    <link rel="modulepreload" href="./${glue}" />
    <link rel="preload" href="./${wasm}" as="fetch" type="application/wasm" crossorigin />
    <script type="module" src="./${bootFile}"></script>
  </head>
  <body class="rts-page-body">
    <main id="rts-root"${frame ? ' data-frame' : ''}></main>
  </body>
</html>
`;
const title = (trunkHtml.match(/<title>([^<]*)<\/title>/) ?? [null, 'Ready to Share'])[1];
write('index.html', page({ title, frame: false }));
write('frame.html', page({ title, frame: true }));

const embed = `// Ready to Share: add this script and a <ready-to-share> element to any page.
// It finds its other files next to itself, and renders the widget inside an
// open shadow root, so the page's styles and the widget's cannot meet.
const base = new URL('./', import.meta.url);
const files = {
  glue: new URL('./${glue}', base).href,
  wasm: new URL('./${wasm}', base).href,
  css: new URL('./${cssFile}', base).href,
};
let loading;
const load = () =>
  (loading ??= import(files.glue).then(async (bindings) => {
    await bindings.default({ module_or_path: files.wasm });
    return bindings;
  }));

async function fetchPack(address) {
  const source = new URL(address, document.baseURI).href;
  try {
    const response = await fetch(source, { credentials: 'omit' });
    if (!response.ok) throw new Error('the server answered ' + response.status);
    return { packSource: source, packText: await response.text() };
  } catch (error) {
    return { packSource: source, packError: String(error?.message ?? error) };
  }
}

class ReadyToShareElement extends HTMLElement {
  async connectedCallback() {
    if (this.handle || this.connecting) return;
    this.connecting = true;
    const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    const stylesheet = document.createElement('link');
    stylesheet.rel = 'stylesheet';
    stylesheet.href = files.css;
    const styled = new Promise((done) => (stylesheet.onload = stylesheet.onerror = done));
    const mountPoint = document.createElement('div');
    root.replaceChildren(stylesheet, mountPoint);
    const options = {
      storageKey: this.getAttribute('storage-key') || 'ready-to-share',
      headingLevel: Number(this.getAttribute('heading-level')) || 2,
      accent: this.getAttribute('accent') || undefined,
      baseUrl: base.href,
      offerOfflineCopy: true,
    };
    const pack = this.getAttribute('content-pack');
    const [bindings, packOptions] = await Promise.all([load(), pack ? fetchPack(pack) : {}, styled]);
    this.connecting = false;
    if (!this.isConnected) return;
    this.handle = bindings.mountWidget(mountPoint, { ...options, ...packOptions });
  }

  disconnectedCallback() {
    this.handle?.unmount();
    this.handle = undefined;
  }
}

if (!customElements.get('ready-to-share')) customElements.define('ready-to-share', ReadyToShareElement);
`;
write('embed.js', embed);

// The single-file copy: the glue inline, the wasm as base64, the CSS inline.
// Inline module scripts may hold the glue's export statements; a closing
// script tag inside any of it would end the script early, so it is escaped.
const inline = (text) => text.replace(/<\/(script)/gi, '<\\/$1');
const offline = `<!DOCTYPE html>
<html lang="en-GB">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title}</title>
    <style>${css.replace(/<\/(style)/gi, '<\\/$1')}</style>
  </head>
  <body class="rts-page-body">
    <main id="rts-root"></main>
    <script type="module">
${inline(glueCode)}
const wasmBytes = Uint8Array.from(atob('${read(wasm).toString('base64')}'), (c) => c.charCodeAt(0));
await __wbg_init({ module_or_path: wasmBytes });
mountWidget(document.getElementById('rts-root'), { storageKey: 'ready-to-share', headingLevel: 1 });
    </script>
  </body>
</html>
`;
write('ready-to-share-offline.html', offline);

// The service worker precaches every file the pages need. Its version is the
// hash of their names, which change whenever their contents do, so a new
// build is a new worker, which waits until the user chooses to switch.
const precache = ['./', './index.html', './frame.html', './embed.js', `./${bootFile}`, `./${glue}`, `./${wasm}`, `./${cssFile}`];
const version = hash(precache.join('\n'));
const sw = `// Ready to Share's service worker: serves the app's own files when the
// network is gone. Nothing else passes through it.
const CACHE = 'ready-to-share-${version}';
const FILES = ${JSON.stringify(precache)};

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('ready-to-share-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    caches.open(CACHE).then(async (cache) => (await cache.match(request, { ignoreSearch: true })) ?? fetch(request)),
  );
});
`;
write('sw.js', sw);

const size = (name) => `${name} ${read(name).length} bytes`;
console.log(`postbuild: ${[size(cssFile), size(bootFile), size('embed.js'), size('ready-to-share-offline.html')].join(', ')}`);
