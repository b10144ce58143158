// The release archive (scripts/release.sh): made from the dist/ already
// built, unpacked into an empty folder, its checksums checked and every
// file its pages load found in it; then served as it is (the test server,
// which sends the .br and .gz copies as the README's examples do) for a
// short journey in the example element page: one question answered by
// keyboard, still there after a reload; the iframe example goes on with it
// by keyboard; and the standalone and frame pages from the archive, visited
// once, open with the server gone.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { firstScreenFiles } from '../../scripts/first-screen-bytes.mjs';
import { PRECOMPRESSED_EXTENSIONS } from '../../scripts/precompress.mjs';
import { contentPack, openShadowRootsForTests } from './helpers.mjs';
import { DIST, startServer } from './server.mjs';
import { waitUntil } from './support.mjs';
import { useBrowser } from './fixtures.mjs';

const REPO = new URL('../../', import.meta.url);
const VERSION = readFileSync(new URL('Cargo.toml', REPO), 'utf8').match(/^version = "([^"]+)"$/m)[1];
const NAME = `ready-to-share-${VERSION}`;
const pack = contentPack();
const STORAGE_KEY = 'example-partnership';

/** Every file under `dir`, as paths relative to it with `/`. */
function filesUnder(dir) {
  return readdirSync(dir, { recursive: true })
    .filter((path) => statSync(join(dir, path)).isFile())
    .map((path) => path.split('\\').join('/'))
    .sort();
}

const sha256 = (file) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('the release archive', () => {
  const chromium = useBrowser();
  let work;
  let top;
  let made;

  before(() => {
    assert.ok(existsSync(join(DIST, 'index.html.br')), 'dist/ is a release build: run trunk build --release --offline');
    work = mkdtempSync(join(tmpdir(), 'rts-release-'));
    const out = join(work, 'out');
    made = spawnSync('bash', [new URL('scripts/release.sh', REPO).pathname, '--no-build', '--out', out], { encoding: 'utf8' });
    assert.equal(made.status, 0, `scripts/release.sh: ${made.stderr}`);
    const archive = join(out, `${NAME}.tar.gz`);
    assert.ok(existsSync(archive), `${NAME}.tar.gz was made`);
    // Unpacked into an empty folder, as a web team would.
    const unpacked = join(work, 'unpacked');
    spawnSync('mkdir', [unpacked]);
    assert.deepEqual(readdirSync(unpacked), [], 'the folder is empty');
    const untar = spawnSync('tar', ['-xzf', archive, '-C', unpacked], { encoding: 'utf8' });
    assert.equal(untar.status, 0, untar.stderr);
    assert.deepEqual(readdirSync(unpacked), [NAME], 'one folder, named for the version');
    top = join(unpacked, NAME);
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  test('it holds the site, the example pages and servers, the licence, the change log and the README, and every checksum matches', () => {
    console.log(made.stdout.trim());
    const files = filesUnder(top);
    for (const path of [
      'LICENSE', 'CONTENT-LICENSE.md', 'CHANGELOG.md', 'README.md', 'SHA256SUMS',
      'docs/accessibility-statement.md', 'docs/privacy-information.md', 'docs/dpia-screening.md',
      'site/accessibility.html',
      'examples/element.html', 'examples/iframe.html',
      'examples/servers/Caddyfile', 'examples/servers/nginx.conf', 'examples/servers/apache.conf',
      'site/index.html', 'site/frame.html', 'site/embed.js', 'site/sw.js', 'site/ready-to-share-offline.html',
    ]) {
      assert.ok(files.includes(path), `${path} is in the archive`);
    }
    // The whole built site, with a .br and a .gz beside each text and wasm file.
    assert.deepEqual(filesUnder(join(top, 'site')), filesUnder(DIST), 'site/ is dist/, every file');
    for (const path of files.filter((p) => p.startsWith('site/') && PRECOMPRESSED_EXTENSIONS.has(p.slice(p.lastIndexOf('.'))))) {
      assert.ok(files.includes(`${path}.br`) && files.includes(`${path}.gz`), `${path} has its .br and .gz`);
    }
    const sums = readFileSync(join(top, 'SHA256SUMS'), 'utf8').trim().split('\n').map((line) => line.match(/^([0-9a-f]{64}) {2}(.+)$/));
    assert.ok(sums.every(Boolean), 'every line is "<sha256>  <file>"');
    assert.deepEqual(sums.map((m) => m[2]).sort(), files.filter((p) => p !== 'SHA256SUMS'), 'every other file is listed');
    for (const [, hex, path] of sums) assert.equal(sha256(join(top, path)), hex, `${path}: checksum`);
    // The sha256sum tool agrees, as a web team would check it.
    const check = spawnSync('sha256sum', ['--check', '--quiet', 'SHA256SUMS'], { cwd: top, encoding: 'utf8' });
    assert.equal(check.status, 0, `sha256sum --check: ${check.stdout}${check.stderr}`);
  });

  test('every file the pages and scripts load is in it', () => {
    const site = join(top, 'site');
    const has = (path, why) => assert.ok(existsSync(join(site, path)), `${path} (${why}) is in site/`);
    for (const page of ['index.html', 'frame.html']) {
      for (const file of firstScreenFiles(readFileSync(join(site, page), 'utf8'))) has(file, `loaded by ${page}`);
    }
    const build = (file) => JSON.parse(readFileSync(join(site, file), 'utf8').match(/^const BUILD = (\{.*\});$/m)[1]);
    const embed = build('embed.js');
    for (const key of ['glue', 'wasm', 'css']) has(embed[key], `embed.js's ${key}`);
    const boot = firstScreenFiles(readFileSync(join(site, 'index.html'), 'utf8')).find((f) => f.startsWith('boot-'));
    for (const key of ['glue', 'wasm']) has(build(boot)[key], `${boot}'s ${key}`);
    const sw = build('sw.js');
    for (const address of sw.files) has(address === './' ? 'index.html' : address.slice(2), 'kept by sw.js');
    for (const key of ['glue', 'wasm', 'css']) has(sw.offline[key].slice(2), `a part of the single-file copy`);
    // The example pages load the site beside them.
    for (const [page, pattern] of [['element.html', /<script type="module" src="([^"]+)"/], ['iframe.html', /<iframe src="([^"?]+)/]]) {
      const address = readFileSync(join(top, 'examples', page), 'utf8').match(pattern)[1];
      const target = join(top, 'examples', address);
      assert.ok(existsSync(target), `${address} (loaded by examples/${page}) is in the archive`);
      assert.ok(relative(top, target).startsWith('site/'), `examples/${page} loads the site/ folder`);
    }
  });

  test('served from the unpacked folder: a question answered by keyboard in the element page is there after a reload; the iframe page goes on with it by keyboard; the standalone and frame pages open offline', async () => {
    let server = await startServer({ root: top });
    const { origin } = server;
    // No request routing: Playwright's would sit between the page and its
    // service worker. Requests are recorded, to see none leaves the origin.
    const context = await chromium.browser.newContext();
    context.setDefaultTimeout(10_000);
    await openShadowRootsForTests(context);
    const requests = [];
    const errors = [];
    context.on('request', (request) => requests.push(request.url()));
    try {
      const page = await context.newPage();
      page.on('console', (message) => {
        // The browser asks for /favicon.ico by itself; with the server gone, it fails.
        if (message.type() === 'error' && !/favicon\.ico/.test(message.location().url ?? '')) errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(error.message));
      const theme = pack.themes[0];
      const question = theme.questions[0];
      const heading = (name) => page.getByRole('heading', { level: 2, name, exact: true });
      const { ui } = JSON.parse(readFileSync(new URL('content/locale.en.json', REPO), 'utf8'));

      // The standalone page from the archive, once online: its service
      // worker keeps the site (checked offline at the end).
      const standalone = page.getByRole('heading', { level: 1, name: pack.start.heading, exact: true });
      await page.goto(`${server.url}site/`);
      await standalone.waitFor();
      await page.evaluate(() => navigator.serviceWorker.ready);
      await waitUntil(() => page.evaluate(() => navigator.serviceWorker.controller !== null), {
        timeout: 15_000,
        message: 'the worker controls the page',
      });

      await page.goto(`${server.url}examples/element.html`);
      await heading(pack.start.heading).waitFor();
      const press = async (name, key = 'Enter') => {
        await page.getByRole('button', { name, exact: true }).focus();
        await page.keyboard.press(key);
      };
      await press(ui.start_button);
      await heading(ui.about_heading).waitFor();
      await press(ui.save_and_continue);
      await heading(ui.tasks_heading).waitFor();
      await page.getByRole('listitem').getByRole('button', { name: theme.title, exact: true }).focus();
      await page.keyboard.press('Enter');
      await heading(theme.title).waitFor();
      const group = page.getByRole('group', { name: question.text });
      const radio = (level) => group.getByRole('radio', { name: `${level} ${pack.scale[level - 1]}`, exact: true });
      // Space chooses the first level; two presses of the down arrow move to the third.
      await radio(1).focus();
      await page.keyboard.press('Space');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      assert.equal(await radio(3).isChecked(), true, 'the third level is chosen by keyboard');
      const saved = () =>
        page.evaluate(([key, id]) => JSON.parse(localStorage.getItem(`${key}:progress:v1`) ?? '{}').answers?.[id]?.level, [STORAGE_KEY, question.id]);
      await waitUntil(async () => (await saved()) === 3, { message: 'the answer was saved under the page\'s storage key' });

      await page.reload();
      await heading(theme.title).waitFor();
      assert.equal(await radio(3).isChecked(), true, 'the answer is there after a reload');

      // The iframe example: the same tool in a frame, same storage key, on
      // the same screen; the journey goes on there by keyboard.
      await page.goto(`${server.url}examples/iframe.html`);
      const frame = page.frameLocator('iframe');
      await frame.getByRole('heading', { level: 2, name: theme.title, exact: true }).waitFor();
      const framed = (level) =>
        frame.getByRole('group', { name: question.text }).getByRole('radio', { name: `${level} ${pack.scale[level - 1]}`, exact: true });
      assert.equal(await framed(3).isChecked(), true, 'the frame shows the answer given in the element');
      await framed(3).focus();
      await page.keyboard.press('ArrowDown');
      assert.equal(await framed(4).isChecked(), true, 'the fourth level is chosen by keyboard in the frame');
      await waitUntil(async () => (await saved()) === 4, { message: 'the frame saved the new answer' });

      // With the server gone, the standalone page and the frame's page
      // still open, the frame's with the answer given in it.
      await server.close();
      server = null;
      await page.goto(`${origin}/site/`);
      await standalone.waitFor();
      await page.goto(`${origin}/site/frame.html?storage-key=${STORAGE_KEY}&heading-level=2`);
      await heading(theme.title).waitFor();
      assert.equal(await radio(4).isChecked(), true, 'offline, the frame page has the answer');
      const elsewhere = requests.filter((url) => !url.startsWith(`${origin}/`) && !/^(data|blob):/.test(url));
      assert.deepEqual(elsewhere, [], 'nothing was asked of any other origin');
      assert.deepEqual(errors, [], 'no errors logged');
    } finally {
      await context.close();
      await server?.close();
    }
  });
});
