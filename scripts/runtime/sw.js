// Ready to Share's service worker: serves the app's own files when the
// network is gone. Nothing else passes through it. scripts/postbuild.mjs
// fills in BUILD: the files to keep and a version made from their contents,
// so any change to any of them (pages included) is a new worker, which
// waits until the user chooses to switch.

/** Filled in by the build; these values are the unit tests'. */
const BUILD = /* @build */ { version: 'test', files: ['./', './index.html'] } /* @end */;

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

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(BUILD.files)));
});

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
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (!ownRequest(request, self.location.origin)) return;
  event.respondWith(
    caches.open(CACHE).then(async (cache) => (await cache.match(request, { ignoreSearch: true })) ?? fetch(request)),
  );
});
