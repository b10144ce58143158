// Ready to Share's service worker: serves the app's own files when the
// network is gone. Nothing else passes through it. scripts/postbuild.mjs
// fills in BUILD: the files to keep and a version made from their contents,
// so any change to any of them (pages included) is a new worker, which
// waits until the user chooses to switch. It also makes the single-file
// copy (offline-copy.js) when it is asked for, from the files it keeps:
// nobody downloads it unasked.

import { primaryLanguage } from './language-code.js';
import { OFFLINE_COPY, offlineCopyFromCache } from './offline-copy.js';

/**
 * Filled in by the build; these values are the unit tests'. `onUse` lists
 * files kept only once a page has used them (each first module, each
 * language's words and questions, the whole app), so nobody downloads a
 * language they never choose and what was once used works offline.
 * `offline` names the parts of the single-file copy (the glue, the wasm,
 * the stylesheet, each other language's files), with file-copy.js as the
 * build bundles it, the title and the noscript words. `pageModules` names,
 * for each page of the tool, the first module it runs (its glue and wasm):
 * a page open while this worker installs, or kept before an update, has
 * its module kept at once, so a worker ready means the page works offline.
 */
const BUILD = /* @build */ { version: 'test', files: ['./', './index.html'], offline: null, onUse: [], pageModules: {} } /* @end */;

const PREFIX = 'ready-to-share-';
const CACHE = PREFIX + BUILD.version;

/** Caches of earlier versions of this app, to delete once this one is active. */
function staleCaches(keys) {
  return keys.filter((key) => key.startsWith(PREFIX) && key !== CACHE);
}

/** Whether a request is this worker's business: a GET for a file of its own origin. */
function ownRequest(request, origin) {
  return request.method === 'GET' && new URL(request.url).origin === origin;
}

/**
 * Keeps every file. The page is fetched once, at './', and kept for both
 * './' and './index.html': one download, and never a redirect (a server may
 * send /index.html on to /), which a navigation may not be answered with.
 */
async function keepFiles(cache, files) {
  const pages = files.filter((file) => file === './' || file === './index.html');
  const others = files.filter((file) => !pages.includes(file));
  const [response] = await Promise.all([pages.length > 0 ? fetch('./') : null, cache.addAll(others)]);
  if (!response) return;
  if (!response.ok) throw new Error(`./ answered ${response.status}`);
  const copies = pages.map(() => response.clone());
  await Promise.all(pages.map((page, i) => cache.put(page, copies[i])));
}

/** Whether `url` is the single-file copy's address beside this worker. */
function isOfflineCopy(url, base) {
  const address = new URL(url);
  address.search = '';
  return BUILD.offline !== null && address.href === new URL(OFFLINE_COPY, base).href;
}

/**
 * The single-file copy made from the kept files, starting in the language
 * its address asks for (`?lang=cy`, the page's language when the person
 * asked), or the network's when a part is missing.
 */
async function offlineCopyResponse(cache, request) {
  const start = new URL(request.url).searchParams.get('lang') ?? 'en';
  // A part kept only once used is fetched now, and kept: the whole app
  // (before anyone here opened the partnership view), without which the
  // copy cannot be made here, and the files of the language it is asked
  // in (a page whose module has that language built in never fetched
  // them), without which it is made in English.
  const asked = Object.hasOwn(BUILD.offline.languages ?? {}, start) ? BUILD.offline.languages[start] : null;
  const fetchable = [BUILD.offline.glue, BUILD.offline.wasm, ...(asked ? [asked.words, asked.pack] : [])];
  const keptOrFetched = async (address) => {
    if (!fetchable.includes(address)) return cache.match(address);
    try {
      const response = await fromCache(cache, new Request(new URL(address, self.location.href)), self.location.href);
      return response.ok ? response : undefined;
    } catch {
      return undefined;
    }
  };
  const html = await offlineCopyFromCache(BUILD.offline, keptOrFetched, { start });
  if (html === null) return fetch(request);
  return new Response(html, { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then(async (cache) => {
      await keepFiles(cache, BUILD.files);
      await keepUsedBefore(cache);
      const open = await self.clients.matchAll({ includeUncontrolled: true, type: 'window' });
      await keepMissing(cache, modulesOf(open.map((client) => client.url), self.location.href));
    }),
  );
});

/**
 * Keeps this version's copy of each file kept on use that an earlier
 * version kept: a language once chosen still opens with no network after
 * an update, which may be switched to offline, once the earlier version's
 * files are gone. If they cannot be fetched, the update waits, as it does
 * for this version's other files.
 */
async function keepUsedBefore(cache) {
  const urls = [];
  for (const name of staleCaches(await caches.keys())) {
    for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
  }
  const wanted = usedBefore(urls, self.location.href);
  // A page kept once used (cy.html) needs its module too, which an earlier
  // version may not have had (Welsh built in came after cy.html). The
  // pages kept for everyone (index.html) say nothing of use: their module
  // is kept when they are open (see install).
  const needed = [...new Set([...wanted, ...modulesOf(wanted, self.location.href)])];
  if (needed.length > 0) await cache.addAll(needed);
}

/**
 * The first modules the pages at `urls` run (`BUILD.pageModules`), each
 * file once; a page the tool does not have (a host page, another site's)
 * runs none of them. A page listed with a language in its address
 * (`./frame.html?lang=cy`) runs that language's module when its address
 * asks for it, as boot.js does.
 */
export function modulesOf(urls, scope, pageModules = BUILD.pageModules ?? {}) {
  const byPage = new Map(Object.entries(pageModules).map(([page, files]) => [pageKey(new URL(page, scope)), files]));
  const files = urls.flatMap((url) => {
    const page = new URL(url, scope);
    return byPage.get(pageKey(page)) ?? byPage.get(page.pathname) ?? [];
  });
  return [...new Set(files)];
}

/** A page's path, with the primary language its address asks for, if any. */
function pageKey(page) {
  const language = primaryLanguage(page.searchParams.get('lang'));
  return language ? `${page.pathname}?lang=${language}` : page.pathname;
}

/**
 * The files kept on use (`BUILD.onUse`) whose earlier versions are among
 * `urls`: the same name less its content hash (`pack.cy-1a2b.json` is
 * `pack.cy.json`, and `ready-to-share-cy-1a2b_bg.wasm` is
 * `ready-to-share-cy_bg.wasm`, in every version). Only the hash before the
 * extension goes, so the first modules (`ready-to-share-`, and
 * `ready-to-share-cy-` for Welsh) and the whole app
 * (`ready-to-share-whole-`) stay apart.
 */
export function usedBefore(urls, scope, onUse = BUILD.onUse ?? [], pageModules = BUILD.pageModules ?? {}) {
  const unhashed = (url) => new URL(url, scope).pathname.replace(/-[0-9a-f]+(?=(_bg)?\.[a-z]+$)/, '');
  const used = new Set(urls.map(unhashed));
  // First modules go with their pages (`modulesOf`), not by name: earlier
  // versions kept the English one for everyone, used or not, and a Welsh
  // visitor would download it again at every update.
  const modules = new Set(Object.values(pageModules).flat().map(unhashed));
  return onUse.filter((address) => used.has(unhashed(address)) && !modules.has(unhashed(address)));
}

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(staleCaches(keys).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
  // A page fetched files kept on use before this worker controlled it (the
  // first visit): it asks for them to be kept now.
  if (Array.isArray(event.data?.keep)) {
    const wanted = event.data.keep.filter((url) => typeof url === 'string' && keptOnUse(url, self.location.href));
    event.waitUntil?.(caches.open(CACHE).then((cache) => keepMissing(cache, wanted)));
  }
});

/**
 * Keeps each of `urls` not kept already. A page asks on every visit (it
 * cannot tell whether this worker saw its requests), and a first module's
 * wasm is too large to fetch again each time.
 */
async function keepMissing(cache, urls) {
  const kept = await Promise.all(urls.map((url) => cache.match(url, { ignoreSearch: true })));
  await cache.addAll(urls.filter((_, i) => !kept[i]));
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (!ownRequest(request, self.location.origin)) return;
  if (isOfflineCopy(request.url, self.location.href)) {
    event.respondWith(caches.open(CACHE).then((cache) => offlineCopyResponse(cache, request)));
    return;
  }
  event.respondWith(caches.open(CACHE).then((cache) => fromCache(cache, request, self.location.href)));
});

/** Whether `url` is a file kept once used (see `BUILD.onUse`). */
export function keptOnUse(url, scope, onUse = BUILD.onUse ?? []) {
  const path = new URL(url).pathname;
  return onUse.some((address) => new URL(address, scope).pathname === path);
}

/** A kept file, or the network's answer (kept if it is a file kept on use). */
async function fromCache(cache, request, scope) {
  const kept = await cache.match(request, { ignoreSearch: true });
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok && keptOnUse(request.url, scope)) await cache.put(request, response.clone());
  return response;
}
