// Precompressed files: the build's `.br` (brotli 11) and `.gz` (gzip 9)
// beside each text and wasm file, sent by the test server and by each of
// the README's server examples (nginx, Caddy, Apache, where installed) by
// the request's Accept-Encoding: brotli first, with Content-Encoding and
// Vary: Accept-Encoding, and the plain file to a client that asks for
// neither. Every answer, decompressed, is the plain file byte for byte.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { PRECOMPRESSED_EXTENSIONS } from '../../scripts/precompress.mjs';
import { chooseEncoding, DIST, startServer } from './server.mjs';
import { exampleText, get, SERVERS, startExample } from './servers.mjs';

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

/** The files of the built site that have copies (every text and wasm file). */
function siteFiles(root) {
  return readdirSync(root).filter((name) => PRECOMPRESSED_EXTENSIONS.has(name.slice(name.lastIndexOf('.'))));
}

/** The address of `name` under `url` (index.html also as the folder itself). */
const at = (url, name) => new URL(name, url).href;

const BROWSER = 'gzip, deflate, br, zstd';
const decode = { br: brotliDecompressSync, gzip: gunzipSync };

/** What a file's content type must be. */
const TYPES = { html: /^text\/html/, js: /^(text|application)\/javascript/, css: /^text\/css/, wasm: /^application\/wasm$/ };

/**
 * Checks every file of `root` as served at `url`: with brotli and gzip
 * accepted, brotli only, gzip only, and neither; each answer says Vary:
 * Accept-Encoding, since each depends on it. `brotli` is false for a
 * server that cannot send the .br (its checks then expect gzip). `cache`
 * checks the caching headers the README gives.
 */
async function checkServed(url, root, { brotli = true, cache = false } = {}) {
  const files = siteFiles(root);
  assert.ok(files.includes('index.html') && files.some((f) => f.endsWith('.wasm')), `the site is built in ${root}`);
  for (const name of files) {
    const plain = readFileSync(join(root, name));
    const type = TYPES[name.slice(name.lastIndexOf('.') + 1)];
    const cases = [
      [BROWSER, brotli ? 'br' : 'gzip'],
      ['br', brotli ? 'br' : undefined],
      ['gzip', 'gzip'],
      ['identity', undefined],
      [null, undefined],
    ];
    for (const [accept, coding] of cases) {
      const response = await get(at(url, name), accept === null ? {} : { 'Accept-Encoding': accept });
      const what = `${name} with Accept-Encoding ${accept === null ? 'absent' : `"${accept}"`}`;
      assert.equal(response.status, 200, what);
      assert.equal(response.headers['content-encoding'], coding, `${what}: Content-Encoding`);
      assert.match(response.headers.vary ?? '', /accept-encoding/i, `${what}: Vary`);
      if (type) assert.match(response.headers['content-type'] ?? '', type, `${what}: Content-Type`);
      const body = coding ? decode[coding](response.body) : response.body;
      assert.ok(body.equals(plain), `${what}: the decompressed bytes are the plain file's`);
      if (coding) assert.ok(response.body.length < plain.length, `${what}: smaller than the plain file`);
      if (cache) {
        const hashed = /-[0-9a-f]{8,16}(_bg\.wasm|\.js|\.css)$/.test(name);
        assert.match(response.headers['cache-control'] ?? '', hashed ? /immutable/ : /no-cache/, `${what}: Cache-Control`);
      }
    }
  }
  // The folder's address is the page.
  const page = await get(url, { 'Accept-Encoding': BROWSER });
  assert.equal(page.status, 200);
  assert.ok(decode[page.headers['content-encoding']](page.body).equals(readFileSync(join(root, 'index.html'))), 'the folder serves index.html');
  return files.length;
}

describe('precompressed files', () => {
  // A copy of the site every user may read (Apache's workers are www-data),
  // with the files' times kept, so each copy stays newer than its file.
  let root;
  before(() => {
    assert.ok(existsSync(join(DIST, 'index.html.br')), 'dist/ has precompressed files: run trunk build --release --offline');
    const dir = mkdtempSync(join(tmpdir(), 'rts-precompressed-'));
    chmodSync(dir, 0o755);
    root = join(dir, 'site');
    cpSync(DIST, root, { recursive: true, preserveTimestamps: true });
    // Trunk writes its hash without leading zeros, so a build's names may
    // carry 15 hex digits or fewer: the examples must make those immutable
    // too. A copy of the glue under such names, with its copies.
    const glue = readdirSync(root).find((name) => /^ready-to-share-[0-9a-f]+\.js$/.test(name));
    for (const short of ['ready-to-share-abcdef123456789.js', 'ready-to-share-abcdef12.js'].filter((name) => name !== glue)) {
      for (const suffix of ['', '.br', '.gz']) {
        cpSync(join(root, `${glue}${suffix}`), join(root, `${short}${suffix}`), { preserveTimestamps: true });
      }
    }
    chmodSync(root, 0o755);
  });
  after(() => rmSync(join(root, '..'), { recursive: true, force: true }));

  test('the build writes a .br and a .gz beside each text and wasm file, each the file compressed', () => {
    const files = siteFiles(DIST);
    for (const name of ['index.html', 'frame.html', 'embed.js', 'sw.js', 'ready-to-share-offline.html']) {
      assert.ok(files.includes(name), `${name} is in dist`);
    }
    for (const name of files) {
      const plain = readFileSync(join(DIST, name));
      assert.ok(brotliDecompressSync(readFileSync(join(DIST, `${name}.br`))).equals(plain), `${name}.br`);
      assert.ok(gunzipSync(readFileSync(join(DIST, `${name}.gz`))).equals(plain), `${name}.gz`);
    }
  });

  test('the choice of coding follows Accept-Encoding: brotli first, weights respected, none for neither', () => {
    assert.equal(chooseEncoding(BROWSER), 'br');
    assert.equal(chooseEncoding('gzip'), 'gzip');
    assert.equal(chooseEncoding('br;q=0, gzip'), 'gzip');
    assert.equal(chooseEncoding('gzip;q=1, br;q=0.5'), 'gzip');
    assert.equal(chooseEncoding('gzip;q=0.5, br;q=0.5'), 'br');
    assert.equal(chooseEncoding('*'), 'br');
    assert.equal(chooseEncoding('*, br;q=0'), 'gzip');
    assert.equal(chooseEncoding('identity'), null);
    assert.equal(chooseEncoding('deflate'), null);
    assert.equal(chooseEncoding(''), null);
    assert.equal(chooseEncoding(undefined), null);
  });

  test('the test server sends them, and the plain file to a client that asks for neither', async () => {
    const server = await startServer({ root });
    try {
      const count = await checkServed(server.url, root);
      console.log(`test server: ${count} files, each as br, gzip and plain`);
    } finally {
      await server.close();
    }
  });

  test('the test server never sends a copy older than its file (a file changed after the build)', async () => {
    const server = await startServer({ root });
    const file = join(root, 'frame.html');
    const original = readFileSync(file);
    try {
      writeFileSync(file, original.toString('utf8').replace('</head>', '<meta name="rts-edited" content="yes" />\n  </head>'));
      const later = new Date(Date.now() + 60_000);
      utimesSync(file, later, later);
      for (const accept of [BROWSER, 'gzip', null]) {
        const response = await get(at(server.url, 'frame.html'), accept ? { 'Accept-Encoding': accept } : {});
        const coding = response.headers['content-encoding'];
        const body = coding ? decode[coding](response.body) : response.body;
        assert.ok(body.equals(readFileSync(file)), `the edited file, with Accept-Encoding ${accept}`);
      }
    } finally {
      writeFileSync(file, original);
      // Back to its build time, so its copies are current again.
      const { mtime } = statSync(join(root, 'frame.html.br'));
      utimesSync(file, mtime, mtime);
      await server.close();
    }
  });

  for (const [name, { file }] of Object.entries(SERVERS)) {
    test(`the README's ${name} example sends them, with the caching headers it gives`, async (t) => {
      assert.ok(README.includes(exampleText(file).trim()), `the README shows examples/servers/${file} as it is`);
      const server = await startExample(name, { root });
      if (server.skip) {
        console.log(`skipped: ${server.skip}`);
        t.skip(server.skip);
        return;
      }
      try {
        if (!server.brotli) console.log(`${name}: no brotli module here, so the checks expect gzip where brotli is asked for`);
        const count = await checkServed(server.url, root, { brotli: server.brotli, cache: true });
        console.log(`${name}: ${count} files, each as ${server.brotli ? 'br, ' : ''}gzip and plain`);
      } finally {
        await server.stop();
      }
    });
  }
});
