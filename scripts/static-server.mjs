// A tiny static file server for the built site (dist/), on an ephemeral
// loopback port, so end-to-end tests need neither Trunk nor the network.
// Like the servers in the README ("Precompressed files"), it sends the
// build's `.br` or `.gz` beside a file, by the request's Accept-Encoding
// (brotli first), with `Content-Encoding` and `Vary: Accept-Encoding`, and
// the plain file to a client that asks for neither. A file with no
// precompressed copy, or one changed since its copy was made (a test's
// edit), is gzipped as it is sent.
//
//   import { startServer } from './static-server.mjs';
//   const server = await startServer();   // serves ../dist
//   server.url                            // e.g. http://127.0.0.1:41234/
//   await server.close();
//
// Run on its own (`node scripts/static-server.mjs [dir] [port]`) it serves until stopped.

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';

export const DIST = fileURLToPath(new URL('../dist/', import.meta.url));

export const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

export const COMPRESSIBLE = new Set([
  '.html', '.js', '.mjs', '.css', '.json', '.wasm', '.svg', '.txt', '.md', '.csv', '.map',
  '.webmanifest',
]);

/**
 * The content codings a request accepts, by the Accept-Encoding header: a
 * map from coding to its weight (q), `*` included. Codings given q=0 are
 * refused (weight 0).
 */
function acceptedCodings(header) {
  const codings = new Map();
  for (const part of (header ?? '').split(',')) {
    const [coding, ...params] = part.trim().split(';');
    const name = coding.trim().toLowerCase();
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const weight = q ? Number(q.slice(2)) : 1;
    codings.set(name, Number.isFinite(weight) ? weight : 0);
  }
  return codings;
}

/**
 * The coding to send: 'br' or 'gzip', the one the request weighs more,
 * brotli when they weigh the same (it is smaller), or null for the plain
 * file. `*` stands for a coding the header does not name.
 */
export function chooseEncoding(header) {
  const codings = acceptedCodings(header);
  const weight = (name) => codings.get(name) ?? codings.get('*') ?? 0;
  const [br, gzip] = [weight('br'), weight('gzip')];
  if (br > 0 && br >= gzip) return 'br';
  if (gzip > 0) return 'gzip';
  return null;
}

/** `bytes` compressed with `coding` ('br' at quality 11, or 'gzip' at 9). */
function compress(coding, bytes) {
  return coding === 'br'
    ? brotliCompressSync(bytes, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } })
    : gzipSync(bytes, { level: 9 });
}

export function acceptsGzip(header) {
  const codings = acceptedCodings(header);
  return (codings.get('gzip') ?? codings.get('*') ?? 0) > 0;
}

/** The file name ending of a coding's precompressed copy. */
export const PRECOMPRESSED = { br: '.br', gzip: '.gz' };

/** Resolves a URL path to a file under root, or null if it escapes root. */
function resolvePath(root, urlPath) {
  let path;
  try {
    path = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (path.includes('\0')) return null;
  const file = resolve(root, `.${path.endsWith('/') ? `${path}index.html` : path}`);
  return file === root || file.startsWith(root.endsWith(sep) ? root : root + sep) ? file : null;
}

/**
 * Starts serving `root` on 127.0.0.1. Resolves to { url, origin, port, close }.
 *
 * Optional extras (all off by default):
 * - `cors: true` adds `Access-Control-Allow-Origin: *` to every response, so
 *   a page on another origin can load the files (embed.js, the glue, the wasm).
 * - `mounts: { '/fixtures/': '/some/dir' }` serves other folders under URL
 *   prefixes (each prefix starts and ends with `/`), before `root`.
 * - `pages: { '/host.html': '<!DOCTYPE html>…' }` serves fixed text at exact
 *   paths (HTML unless the path's extension says otherwise); a value may also
 *   be `{ body, type, status }`. The object is read on every request, so a
 *   test may add pages after the server has started.
 * - `requests: []` gets the path of every request, as it comes.
 * - `caching: true` sends the caching headers the README asks for (hashed
 *   files immutable for a year, every other file `no-cache`) with an ETag,
 *   and answers a request that has it with 304 Not Modified, as the
 *   README's server examples do; otherwise every answer is `no-store`.
 * The handle's `bytesSent()` is the body bytes sent so far.
 * @param {{ root?: string, port?: number, cors?: boolean,
 *   mounts?: Record<string, string>, pages?: Record<string, string | object>,
 *   requests?: string[], caching?: boolean }} [options]
 */
export async function startServer({
  root = DIST,
  port = 0,
  cors = false,
  mounts = {},
  pages = {},
  requests = null,
  caching = false,
} = {}) {
  const base = resolve(root);
  const gzipCache = new Map();
  const pageCache = new Map();
  const extraRoots = Object.entries(mounts).map(([prefix, dir]) => [prefix, resolve(dir)]);

  let bytesSent = 0;
  const server = createServer(async (req, res) => {
    const send = (status, body, headers = {}) => {
      res.writeHead(status, {
        'Cache-Control': 'no-store',
        ...(cors ? { 'Access-Control-Allow-Origin': '*' } : {}),
        ...headers,
      });
      if (req.method !== 'HEAD' && body) bytesSent += body.length;
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(405, 'Method Not Allowed\n', { Allow: 'GET, HEAD', 'Content-Type': 'text/plain' });
      return;
    }
    const { pathname } = new URL(req.url, 'http://localhost');
    requests?.push(pathname);
    if (Object.hasOwn(pages, pathname)) {
      const entry = pages[pathname];
      const { body, type, status = 200 } = typeof entry === 'string' ? { body: entry } : entry;
      const headers = { 'Content-Type': type ?? MIME_TYPES[extname(pathname).toLowerCase()] ?? MIME_TYPES['.html'] };
      // Compressed as the site's own files are (brotli 11, or gzip 9), so a
      // page measured beside them (the benchmark's static form) is not
      // sent larger than a real server would send it.
      const coding = typeof body === 'string' ? chooseEncoding(req.headers['accept-encoding']) : null;
      if (coding) {
        const key = `${coding}:${body}`;
        if (!pageCache.has(key)) pageCache.set(key, compress(coding, Buffer.from(body)));
        Object.assign(headers, { 'Content-Encoding': coding, Vary: 'Accept-Encoding' });
        send(status, pageCache.get(key), headers);
      } else {
        send(status, body, headers);
      }
      return;
    }
    const mount = extraRoots.find(([prefix]) => pathname.startsWith(prefix));
    let file = mount
      ? resolvePath(mount[1], pathname.slice(mount[0].length - 1))
      : resolvePath(base, pathname);
    if (!file) {
      send(400, 'Bad Request\n', { 'Content-Type': 'text/plain' });
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const { mtimeMs } = await stat(file);
      let body;
      const ext = extname(file).toLowerCase();
      const headers = {
        'Content-Type': MIME_TYPES[ext] ?? 'application/octet-stream',
        'X-Content-Type-Options': 'nosniff',
        Vary: 'Accept-Encoding',
      };
      if (caching) {
        const hashed = /-[0-9a-f]{8,16}(_bg\.wasm|\.js|\.css)$/.test(file);
        headers['Cache-Control'] = hashed ? 'public, max-age=31536000, immutable' : 'no-cache';
        headers.ETag = `"${Math.floor(mtimeMs).toString(16)}-${(await stat(file)).size.toString(16)}"`;
        if (req.headers['if-none-match'] === headers.ETag) {
          send(304, null, headers);
          return;
        }
      }
      const coding = COMPRESSIBLE.has(ext) ? chooseEncoding(req.headers['accept-encoding']) : null;
      // The build's copy, unless the file changed after it was made.
      const copy = coding ? await stat(file + PRECOMPRESSED[coding]).catch(() => null) : null;
      if (copy?.isFile() && copy.mtimeMs >= mtimeMs) {
        body = await readFile(file + PRECOMPRESSED[coding]);
        headers['Content-Encoding'] = coding;
      } else if (COMPRESSIBLE.has(ext) && acceptsGzip(req.headers['accept-encoding'])) {
        // A file rewritten with the same length (a new version number) must
        // not be served from the cache, so the key has the change time too.
        const plain = await readFile(file);
        const key = `${file}:${mtimeMs}:${plain.length}`;
        if (!gzipCache.has(key)) gzipCache.set(key, gzipSync(plain, { level: 9 }));
        body = gzipCache.get(key);
        headers['Content-Encoding'] = 'gzip';
      } else {
        body = await readFile(file);
      }
      headers['Content-Length'] = body.length;
      send(200, body, headers);
    } catch (error) {
      if (error.code === 'ENOENT' || error.code === 'ENOTDIR') {
        send(404, 'Not Found\n', { 'Content-Type': 'text/plain' });
      } else {
        send(500, 'Internal Server Error\n', { 'Content-Type': 'text/plain' });
      }
    }
  });

  await new Promise((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolveListen);
  });
  const { port: actualPort } = server.address();
  const origin = `http://127.0.0.1:${actualPort}`;
  return {
    origin,
    port: actualPort,
    url: `${origin}/`,
    bytesSent: () => bytesSent,
    close: () =>
      new Promise((resolveClose) => {
        server.closeAllConnections?.();
        server.close(() => resolveClose());
      }),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = process.argv[2] ?? DIST;
  const port = Number(process.argv[3] ?? 0);
  const server = await startServer({ root, port });
  console.log(`serving ${resolve(root)} on ${server.url}`);
}
