// The set-up every end-to-end file needs, in one place: a browser, the built
// site on a loopback server, fresh sessions, storage seeded before the app
// starts, a scratch folder, and reading what a download saved. Each `use…`
// function is called inside a `describe` and registers its own before and
// after hooks there, so a file never writes them again:
//
//   describe('downloads', () => {
//     const site = useSite({ folder: 'downloads' });
//     test('…', () => site.withSession(async ({ page }) => {
//       await page.goto(site.url);
//     }));
//   });

import { after, before } from 'node:test';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser } from './helpers.mjs';
import { DIST, startServer } from './server.mjs';
import { freshSession } from './support.mjs';

/** A page of the site's origin that is not the app, for seeding storage. */
const SEED_PATH = '/blank.html';
const BLANK_PAGE = '<!DOCTYPE html><html lang="en"><head><title>blank</title></head><body></body></html>';

/** Headless Chromium for the enclosing describe: `handle.browser`. */
export function useBrowser() {
  const handle = { browser: null };
  before(async () => {
    handle.browser = await launchBrowser();
  });
  after(async () => {
    await handle.browser?.close();
  });
  return handle;
}

/**
 * A loopback server for the enclosing describe, started with startServer's
 * options (root defaults to dist/). `handle.server` has url, origin, port.
 * The `pages` object is read on every request, so a test may add to it.
 * `build` says how to make a root that has no index.html (dist/'s is known).
 */
export function useServer({ build, ...options } = {}) {
  const handle = { server: null };
  before(async () => {
    const root = options.root ?? DIST;
    const how = build ?? (root === DIST ? 'trunk build --release --offline' : null);
    if (how && !existsSync(join(root, 'index.html'))) {
      throw new Error(`${join(root, 'index.html')} is missing: run ${how} first`);
    }
    handle.server = await startServer({ ...options, root });
  });
  after(async () => {
    await handle.server?.close();
  });
  return handle;
}

/**
 * Temporary folders for the enclosing describe, removed after it:
 * `scratch.dir(name)` makes a new one each call.
 */
export function useScratch() {
  const made = [];
  after(async () => {
    for (const dir of made) await rm(dir, { recursive: true, force: true });
  });
  return {
    async dir(name = 'scratch') {
      const dir = await mkdtemp(join(tmpdir(), `rts-${name}-`));
      made.push(dir);
      return dir;
    },
  };
}

/**
 * The built site and a browser for the enclosing describe.
 *
 * Options: `root` (default dist/, e.g. dist-debug/), `cors`, `pages` and
 * `mounts` (as startServer takes them), `folder` (a name: a scratch folder
 * is made, as `site.folder`), `session` (default options for every
 * session, as freshSession takes them).
 *
 * Returns { url, origin, port, browser, server, folder, session(options),
 * withSession(run, options), seed(page, values) }.
 */
export function useSite({ root, cors = false, pages = {}, mounts, folder, session: defaults = {} } = {}) {
  pages[SEED_PATH] ??= BLANK_PAGE;
  const browser = useBrowser();
  const server = useServer({ root, cors, pages, ...(mounts ? { mounts } : {}) });
  const scratch = folder ? useScratch() : null;
  const state = { folder: null };
  if (scratch) {
    before(async () => {
      state.folder = await scratch.dir(folder);
    });
  }

  const site = {
    get url() {
      return server.server.url;
    },
    get origin() {
      return server.server.origin;
    },
    get port() {
      return server.server.port;
    },
    get browser() {
      return browser.browser;
    },
    get server() {
      return server.server;
    },
    get folder() {
      return state.folder;
    },
    /**
     * A fresh context (fresh storage) and page on the site, or on `origin`
     * (another test server); see freshSession for the other options.
     */
    session({ origin = server.server.origin, ...options } = {}) {
      return freshSession(browser.browser, origin, { ...defaults, ...options });
    },
    /**
     * Runs `run(session)` in a fresh session (see `session` for the
     * options) and closes it afterwards, pass or fail.
     */
    async withSession(run, options = {}) {
      const session = await site.session(options);
      try {
        return await run(session);
      } finally {
        await session.context.close();
      }
    },
    /**
     * Puts `values` ({ key: text }) in the site's localStorage before the
     * app loads, from a plain page of the same origin. Storage is cleared
     * first, so only these values are there.
     */
    async seed(page, values) {
      await page.goto(`${server.server.origin}${SEED_PATH}`);
      await page.evaluate((entries) => {
        localStorage.clear();
        for (const [key, value] of entries) localStorage.setItem(key, value);
      }, Object.entries(values));
    },
  };
  return site;
}

/**
 * Reads a Download: { name, path, text, url }. With `folder`, it is saved
 * there first under its suggested name (optionally after a `prefix`), so it
 * can be chosen again by that name; otherwise it is read where Playwright
 * keeps it until the context closes.
 */
export async function readDownload(download, { folder, prefix = '' } = {}) {
  const name = download.suggestedFilename();
  let path;
  if (folder) {
    path = join(folder, `${prefix}${name}`);
    await download.saveAs(path);
  } else {
    path = await download.path();
  }
  return { name, path, text: await readFile(path, 'utf8'), url: download.url() };
}

/**
 * Clicks a download button (`click` starts the download) and reads the
 * file, as readDownload does.
 */
export async function downloadFile(page, click, options = {}) {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 10_000 }), click()]);
  return readDownload(download, options);
}

/**
 * Takes each download a screen offers (`screen.download(label)` resolves to
 * a Download, as the summary and partnership pages' do) and reads it:
 * `labels` is [[label, key], ...]; resolves to { key: text }.
 */
export async function downloadTexts(screen, labels) {
  const texts = {};
  for (const [label, key] of labels) texts[key] = (await readDownload(await screen.download(label))).text;
  return texts;
}

/**
 * A host site for the enclosing describe: a loopback server (useServer's
 * options; `pages` is made if not given) where `add` serves a new page and
 * returns its address. The page loads embed.js from `embedFrom` (an origin)
 * unless that is null.
 */
export function useHostPages(options = {}) {
  const pages = options.pages ?? {};
  const host = useServer({ ...options, pages });
  let count = 0;
  return {
    pages,
    get origin() {
      return host.server.origin;
    },
    get server() {
      return host.server;
    },
    add({ body, head = '', title = 'Host page', htmlAttributes = 'lang="en-GB"', embedFrom = null }) {
      const path = `/host-${++count}.html`;
      const script = embedFrom ? `<script type="module" src="${embedFrom}/embed.js"></script>` : '';
      pages[path] = `<!DOCTYPE html>
<html ${htmlAttributes}>
  <head>
    <meta charset="utf-8" />
    <title>${title}</title>
    ${head}
  </head>
  <body>
    ${body}
    ${script}
  </body>
</html>
`;
      return `${host.server.origin}${path}`;
    },
  };
}
