// A static file server for the benchmark's "like our users" runs: like
// scripts/static-server.mjs (loopback, gzip -9 when asked for), but with the
// caching headers the README asks deployments for, so that a second visit
// finds what a real one would in the browser's cache:
// - files whose names carry a hash (ready-to-share-<hash>.js, .wasm, .css,
//   boot-<hash>.js): `Cache-Control: public, max-age=31536000, immutable`;
// - everything else (index.html, frame.html, embed.js, sw.js, fixed pages):
//   `Cache-Control: no-cache`, with an ETag, answered 304 when unchanged.
// scripts/static-server.mjs sends `no-store` (right for the tests, where a file
// may change between two loads); the benchmark's other figures still use it.

import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { COMPRESSIBLE, MIME_TYPES as TYPES, acceptsGzip } from '../server.mjs';

/** Trunk's and the postbuild's hashed names: name-<16 hex>[_bg].ext */
const HASHED = /-[0-9a-f]{16}(?:_bg)?\.(?:js|wasm|css)$/;

/**
 * Serves `root` (if given) and fixed `pages` (path -> HTML text, read on
 * every request) on 127.0.0.1. Resolves to { origin, port, url, close }.
 * @param {{ root?: string, cors?: boolean, pages?: Record<string, string> }} options
 */
export async function startCachingServer({ root = null, cors = false, pages = {} }) {
  const base = root && resolve(root);
  const cache = new Map();

  /** { body, etag, gzipped } for a file or page, computed once per content. */
  function entry(key, bytes) {
    let e = cache.get(key);
    if (!e) {
      const etag = `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 22)}"`;
      e = { body: bytes, etag, gzipped: null };
      cache.set(key, e);
    }
    return e;
  }

  const server = createServer(async (req, res) => {
    const common = {
      'X-Content-Type-Options': 'nosniff',
      ...(cors ? { 'Access-Control-Allow-Origin': '*' } : {}),
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...common, Allow: 'GET, HEAD' }).end();
      return;
    }
    const { pathname } = new URL(req.url, 'http://localhost');
    let e;
    let ext;
    if (Object.hasOwn(pages, pathname)) {
      ext = extname(pathname).toLowerCase() || '.html';
      e = entry(`page:${pathname}:${pages[pathname]}`, Buffer.from(pages[pathname]));
    } else if (!base) {
      res.writeHead(404, common).end();
      return;
    } else {
      let path;
      try {
        path = decodeURIComponent(pathname);
      } catch {
        res.writeHead(400, common).end();
        return;
      }
      let file = resolve(base, `.${path.endsWith('/') ? `${path}index.html` : path}`);
      if (path.includes('\0') || !(file === base || file.startsWith(base + sep))) {
        res.writeHead(400, common).end();
        return;
      }
      try {
        if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
        const { mtimeMs, size } = await stat(file);
        const key = `${file}:${mtimeMs}:${size}`;
        e = cache.get(key) ?? entry(key, await readFile(file));
        ext = extname(file).toLowerCase();
      } catch (error) {
        res.writeHead(error.code === 'ENOENT' || error.code === 'ENOTDIR' ? 404 : 500, common).end();
        return;
      }
    }
    const gzip = COMPRESSIBLE.has(ext) && acceptsGzip(req.headers['accept-encoding']);
    // One ETag per representation: the gzipped body is not the plain one.
    const etag = gzip ? `${e.etag.slice(0, -1)}-gz"` : e.etag;
    const headers = {
      ...common,
      'Content-Type': TYPES[ext] ?? 'application/octet-stream',
      'Cache-Control': HASHED.test(pathname) ? 'public, max-age=31536000, immutable' : 'no-cache',
      ETag: etag,
      Vary: 'Accept-Encoding',
    };
    const match = String(req.headers['if-none-match'] ?? '')
      .split(',')
      .map((t) => t.trim().replace(/^W\//, ''));
    if (match.includes(etag) || match.includes('*')) {
      res.writeHead(304, headers).end();
      return;
    }
    let body = e.body;
    if (gzip) {
      e.gzipped ??= gzipSync(e.body, { level: 9 });
      body = e.gzipped;
      headers['Content-Encoding'] = 'gzip';
    }
    headers['Content-Length'] = body.length;
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  });

  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', ok);
  });
  const { port } = server.address();
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    port,
    url: `${origin}/`,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections?.();
        server.close(() => done());
      }),
  };
}
