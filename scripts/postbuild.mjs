// Trunk's post_build hook (see Trunk.toml): turns what Trunk built into the
// files Ready to Share ships, in Trunk's staging folder:
//
//   index.html                   the standalone page, with the start screen written in
//   frame.html                   the page for the iframe alternative
//   boot-<hash>.js               mounts the app on those pages, registers sw.js
//   embed.js                     the <ready-to-share> custom element (stable name)
//   ready-to-share-whole-<hash>.js, _bg.wasm
//                                the whole app, with the partnership view, which
//                                the first module (Trunk's, built without it)
//                                hands over to when someone opens the view
//   ready-to-share-cy-<hash>.js, _bg.wasm
//                                the first module with Welsh built in, for
//                                cy.html and the embed in Welsh
//   locale.<code>-<hash>.json, pack.<code>-<hash>.json
//                                each language's words and questions, fetched
//                                when someone switches to a language their
//                                module does not have built in
//   ready-to-share-<hash>.css    every stylesheet in one file, in index.html order
//   sw.js                        keeps the pages' files, for offline use, and makes
//                                the single-file copy from them when asked
//   ready-to-share-offline.html  the whole tool in one file, for file:// (the
//                                worker makes its own; this one is for the rest)
//   <each of these>.br, .gz      precompressed copies (release builds)
//
// The scripts are real files in scripts/runtime/ (unit-tested there); this
// hook only fills in file names, hashes and the locale's words.
//
// Every address is relative to the file that uses it, so the folder can be
// served from any path or host.

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { asPrerendered, captureStartScreen } from './prerender.mjs';
import { bundle, CONTRACT, hash, LANGUAGES, serviceWorker, withoutCommentLines, withoutCssComments } from './runtime/build.mjs';
import { LANGUAGES_MARK, OFFLINE_COPY, offlineCopy, WASM_MARK } from './runtime/offline-copy.js';
import { precompress } from './precompress.mjs';
import { buildWelshModule, buildWholeModule } from './modules.mjs';
import { statementBody, statementTitle } from './statement-page.mjs';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('postbuild: TRUNK_STAGING_DIR is not set; run this through trunk build');
  process.exit(1);
}

const read = (name) => readFileSync(join(dir, name));
const write = (name, contents) => writeFileSync(join(dir, name), contents);
const fail = (message) => {
  console.error(`postbuild: ${message}`);
  process.exit(1);
};

// The words the loaders show when the app cannot start, without the wasm.
const localeTable = JSON.parse(readFileSync(new URL('../content/locale.en.json', import.meta.url), 'utf8'));
const words = { language: localeTable.language, ...localeTable.loader };
const escapeHtml = (text) =>
  String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

const trunkHtml = read('index.html').toString('utf8');
const files = readdirSync(dir);
const glue = files.find((f) => /^ready-to-share-[0-9a-f]+\.js$/.test(f)) ?? fail('no wasm-bindgen glue');
const wasm = files.find((f) => /^ready-to-share-[0-9a-f]+_bg\.wasm$/.test(f)) ?? fail('no wasm');
// The glue without wasm-bindgen's comment lines (about 0.8 KB brotli of
// the first screen); its name keeps Trunk's hash of what it was.
const glueCode = withoutCommentLines(read(glue).toString('utf8'));
write(glue, glueCode);
if (!/async function __wbg_init\b/.test(glueCode)) fail('the glue has no __wbg_init');
/** Another module of the crate (scripts/modules.mjs), built beside Trunk's, or the build stops. */
const otherModule = (what, build) => {
  let module;
  try {
    module = build(dir, { release: process.env.TRUNK_PROFILE === 'release' });
  } catch (error) {
    fail(`could not build ${what}: ${error.message}`);
  }
  if (!/async function __wbg_init\b/.test(module.glueText)) fail(`${what}'s glue has no __wbg_init`);
  return module;
};
// The whole app, with the partnership view: fetched only when someone
// opens the view.
const whole = otherModule('the whole app', buildWholeModule);
const wholeFiles = { glue: whole.glue, wasm: whole.wasm };
// The first module with Welsh built in, for the pages and elements in
// Welsh: the English module with Welsh laid over it made Welsh users
// download the English words and questions as well.
const welsh = otherModule('the Welsh module', buildWelshModule);
/** The first module for each language built into one, English's being Trunk's. */
const firstModules = { en: { glue, wasm }, cy: { glue: welsh.glue, wasm: welsh.wasm } };
const modules = { cy: firstModules.cy };

// One stylesheet instead of one per component: fewer requests, and one
// <link> inside each shadow root. rem becomes px so a host page's root font
// size cannot resize the widget.
const cssNames = [...trunkHtml.matchAll(/<link rel="stylesheet" href="\/?([^"]+\.css)"/g)].map((m) => m[1]);
if (cssNames.length === 0) fail('no stylesheets in index.html');
const css = withoutCssComments(cssNames.map((name) => read(name).toString('utf8')).join('\n'))
  .replace(/(-?\d*\.?\d+)rem\b/g, (_, n) => `${Number((Number(n) * 16).toFixed(3))}px`);
for (const name of cssNames) rmSync(join(dir, name));
const cssFile = `ready-to-share-${hash(css)}.css`;
write(cssFile, css);

// The standalone and iframe pages' storage key: boot.js mounts the app
// with it, and index.html's inline script (below) looks for it.
const STORAGE_KEY = CONTRACT.storageKey;

// Each language's words and questions (content/*.json, checked by the
// Rust build), fetched only when someone chooses a language their module
// does not have built in (Welsh on the English module, English on the
// Welsh one), and then kept by the worker. The questions go without the
// wording of earlier versions, which the app takes from its built-in pack.
const languages = {};
for (const code of [...LANGUAGES.others, LANGUAGES.builtIn]) {
  const wordsTable = readFileSync(new URL(`../content/locale.${code}.json`, import.meta.url), 'utf8');
  const { earlier_questions: _, ...questions } = JSON.parse(
    readFileSync(new URL(`../content/pack.${code}.json`, import.meta.url), 'utf8'),
  );
  const table = JSON.parse(wordsTable);
  const wordsText = JSON.stringify(table);
  const packText = JSON.stringify(questions);
  const names = { words: `locale.${code}-${hash(wordsText)}.json`, pack: `pack.${code}-${hash(packText)}.json` };
  write(names.words, wordsText);
  write(names.pack, packText);
  // The loaders' own words for each language but English (BUILD.words).
  languages[code] = code === LANGUAGES.builtIn ? names : { ...names, loader: { language: table.language, ...table.loader } };
}

// The scripts in scripts/runtime/, with their file names, hashes and words
// filled in.
const boot = bundle('boot.js', { glue, wasm, modules, whole: wholeFiles, contract: CONTRACT, words, languages }, { classic: true });
const bootFile = `boot-${hash(boot)}.js`;
write(bootFile, boot);

// The pages run only their own files (and index.html one inline script,
// allowed by its hash), nothing from any other site, and no requests
// anywhere but here. 'wasm-unsafe-eval' lets
// the WebAssembly compile. The pages' stylesheet is inline, allowed by its
// hash: on a slow connection the page then paints as soon as it arrives,
// not a round trip later, while the wasm is still on its way. (embed.js
// still loads the stylesheet file into its shadow root.)
const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const pageStyle = css.replace(/<\/(style)/gi, '<\\/$1');
// With a start screen written in (below), one inline script decides before
// the first paint whether it shows: only in a browser with nothing saved by
// the standalone page, since saved answers change the start screen, and
// only with JavaScript on, since its buttons need the app. Otherwise the
// loading message shows, as on the iframe page. It also keeps the first
// press of one of its buttons, which may come before boot.js arrives
// (scripts/runtime/early-input.js does it again once the app is in), and
// keeps a file dropped on it (on document.rtsDropped) rather than let the
// browser open the file in place of the page. Allowed by its hash.
const prerenderSwitch = [
  'try{',
  `if(!Object.keys(localStorage).some(function(k){return k.indexOf(${JSON.stringify(`${STORAGE_KEY}:`)})===0})){`,
  'document.documentElement.classList.add("rts-prerender-on");',
  'document.addEventListener("click",function(e){',
  'var b=e.target.closest&&e.target.closest(".rts-prerendered button");',
  'if(!b)return;e.preventDefault();',
  'if(!document.querySelector("[data-rts-pressed]"))b.setAttribute("data-rts-pressed","")',
  '},true);',
  'function c(e){return e.target.closest&&e.target.closest(".rts-prerendered")}',
  'document.addEventListener("dragover",function(e){c(e)&&e.preventDefault()},true);',
  'document.addEventListener("drop",function(e){if(c(e)){e.preventDefault();document.rtsDropped=[].slice.call(e.dataTransfer.files)}},true)',
  '}}catch(e){}',
].join('');
const csp = ({ inlineScript }) =>
  [
    "default-src 'self'",
    `script-src 'self'${inlineScript ? ` ${sha256(inlineScript)}` : ''} 'wasm-unsafe-eval'`,
    `style-src 'self' ${sha256(pageStyle)}`,
    "img-src 'self' data: blob:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
/** The start of every page of the tool: its policy, title and stylesheet. */
const pageHead = ({ lang, title, inlineScript = '' }) => `<!DOCTYPE html>
<html lang="${lang}">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta http-equiv="Content-Security-Policy" content="${csp({ inlineScript })}" />
    <meta name="referrer" content="no-referrer" />
    <link rel="icon" href="data:," />
    <title>${title}</title>
    <style>${pageStyle}</style>${inlineScript ? `\n    <script>${inlineScript}</script>` : ''}`;
// frame.html serves every language: the language its address asks for
// (`?lang=cy`, read as runtime/language-code.js reads a code) picks the
// first module, as boot.js does, so its inline
// script preloads that module, rather than the English one whatever the
// language. Allowed by its hash.
const preloadByAddress = [
  'try{',
  'var l=(new URLSearchParams(location.search).get("lang")||"").trim().toLowerCase().split(/[-_]/)[0],',
  `m=${JSON.stringify(Object.fromEntries(LANGUAGES.others.map((code) => [code, [firstModules[code].glue, firstModules[code].wasm]])))}[l]`,
  `||${JSON.stringify([firstModules.en.glue, firstModules.en.wasm])};`,
  'var g=document.createElement("link");g.rel="modulepreload";g.href="./"+m[0];document.head.appendChild(g);',
  'var w=document.createElement("link");w.rel="preload";w.as="fetch";w.type="application/wasm";w.crossOrigin="anonymous";',
  'w.href="./"+m[1];document.head.appendChild(w)',
  '}catch(e){}',
].join('');
const moduleLinks = (module) => `
    <link rel="modulepreload" href="./${module.glue}" />
    <link rel="preload" href="./${module.wasm}" as="fetch" type="application/wasm" crossorigin />`;
const page = ({ title, frame, prerendered = '', lang = 'en-GB', loader = words, module = firstModules.en }) => {
  const inlineScript = frame ? preloadByAddress : prerendered ? prerenderSwitch : '';
  return `${pageHead({ lang, title, inlineScript })}${frame ? '' : moduleLinks(module)}
    <script defer src="./${bootFile}"></script>
  </head>
  <body class="rts-page-body">
    <main id="rts-root"${frame ? ' data-frame' : ''}>
      <div class="rts-app rts-boot-message" dir="ltr">
        <p class="rts-body rts-loading">${escapeHtml(loader.loading)}</p>
        <noscript><p class="rts-body">${escapeHtml(loader.noscript)}</p></noscript>
      </div>${prerendered ? `\n      ${prerendered}` : ''}
    </main>
  </body>
</html>
`;
};
const title = (trunkHtml.match(/<title>([^<]*)<\/title>/) ?? [null, 'Ready to Share'])[1];
// On release builds index.html is written again below, with the start
// screen the app draws on this first version of it.
write('index.html', page({ title, frame: false }));
write('frame.html', page({ title, frame: true }));

// The accessibility statement as a page of the tool, linked from every
// screen (docs/accessibility-statement.md, the document a deploying body
// adapts; scripts/statement-page.mjs). Plain HTML: no script.
const statement = readFileSync(new URL('../docs/accessibility-statement.md', import.meta.url), 'utf8');
write(
  CONTRACT.statementFile,
  `${pageHead({ lang: 'en-GB', title: escapeHtml(statementTitle(statement)) })}
  </head>
  <body class="rts-page-body">
    <main id="rts-root">
      <div class="rts-app rts-statement" dir="ltr">
        <p class="rts-body"><a class="rts-link" href="./">${escapeHtml(title)}</a></p>
        ${statementBody(statement)}
      </div>
    </main>
  </body>
</html>
`,
);

const embed = bundle('embed.js', { glue, wasm, modules, whole: wholeFiles, css: cssFile, contract: CONTRACT, words, languages });
write('embed.js', embed);

// The start screen written into index.html: on release builds, drawn by the
// app just built (scripts/prerender.mjs). Debug builds, and machines
// without the browser, keep the loading message.
if (process.env.TRUNK_PROFILE === 'release') {
  const captured = await captureStartScreen(dir).catch((error) => fail(`could not capture the start screen: ${error.message}`));
  if (captured.skipped) console.log(`postbuild: index.html keeps its loading message: ${captured.skipped}`);
  else write('index.html', page({ title, frame: false, prerendered: asPrerendered(captured.html) }));
}

// The standalone page in each other language (cy.html), with that
// language's start screen written in the same way, so someone who opens
// the tool in Welsh sees it in Welsh at once rather than loading words,
// and that language's first module. boot.js reads the page's language as
// the one to start in, unless the address or an earlier choice says
// otherwise.
for (const code of LANGUAGES.others) {
  const { loader } = languages[code];
  const file = `${code}.html`;
  let prerendered = '';
  let pageTitle = title;
  if (process.env.TRUNK_PROFILE === 'release') {
    const captured = await captureStartScreen(dir, { language: code }).catch((error) =>
      fail(`could not capture the ${code} start screen: ${error.message}`),
    );
    if (!captured.skipped) {
      prerendered = asPrerendered(captured.html);
      pageTitle = escapeHtml(captured.title);
    }
  }
  write(file, page({ title: pageTitle, frame: false, prerendered, lang: code, loader, module: firstModules[code] }));
}

// The single-file copy (scripts/runtime/offline-copy.js): the glue inline,
// the wasm as base64, the CSS inline, with a Content Security Policy that
// allows only them, by hash. The service worker makes it in the browser
// when someone asks for it, from the files it keeps, with the same function
// and the same template; the file written here is for a browser without
// the worker (the embed's link, service workers refused), and is never
// precached.
const template = bundle('file-copy.js', { wasm: WASM_MARK, contract: CONTRACT, words, languages: LANGUAGES_MARK }, { block: true });
// The worker puts in each other language whose files it keeps (the
// browser has used it); the file written here carries English only, as
// the worker's does for a browser that has not.
const languageParts = Object.fromEntries(
  LANGUAGES.others.map((code) => [code, { words: `./${languages[code].words}`, pack: `./${languages[code].pack}` }]),
);
// The copy carries the whole app, so it has the partnership view too.
const offlineParts = {
  glue: `./${whole.glue}`,
  wasm: `./${whole.wasm}`,
  css: `./${cssFile}`,
  languages: languageParts,
  template,
  title,
  noscript: words.noscript,
};
write(
  OFFLINE_COPY,
  await offlineCopy({ glue: whole.glueText, wasm: read(whole.wasm), css, template, title, noscript: words.noscript }),
);

// The service worker keeps every file the pages need, and with them the
// parts of the single-file copy. Its version is a hash of the contents of
// every one of them, so a change to any file, a page included, is a new
// worker, which waits until the user chooses to switch. Not embed.js: it
// runs on host pages, which the worker never controls (another site's),
// or, on this site, cannot open with no network anyway, since the worker
// never keeps a host page; it cost every first visit 6 KB.
const precache = ['./', './index.html', './frame.html', `./${bootFile}`, `./${cssFile}`];
// Kept once used: the first modules (the worker keeps the module of each
// page open while it installs, and each page asks it to keep the one it
// loaded: a Welsh visitor never downloads the English one, nor an English
// visitor the Welsh), each language's files and other
// pages, the statement, and the whole app (the partnership view), which
// nobody else downloads.
const onUse = [
  ...Object.values(firstModules).flatMap((module) => [`./${module.glue}`, `./${module.wasm}`]),
  `./${whole.glue}`,
  `./${whole.wasm}`,
  ...Object.values(languages).flatMap(({ words, pack }) => [`./${words}`, `./${pack}`]),
  ...LANGUAGES.others.map((code) => `./${code}.html`),
  `./${CONTRACT.statementFile}`,
];
// The module each page runs: the worker keeps a page's at once when the
// page is open as it installs (or was kept before an update).
const pageModules = Object.fromEntries(
  [
    ['./', 'en'],
    ['./index.html', 'en'],
    ['./frame.html', 'en'],
    ...LANGUAGES.others.flatMap((code) => [
      [`./${code}.html`, code],
      [`./frame.html?lang=${code}`, code],
    ]),
  ].map(
    ([page, code]) => [page, [`./${firstModules[code].glue}`, `./${firstModules[code].wasm}`]],
  ),
);
const sw = serviceWorker(dir, precache, offlineParts, onUse, pageModules);
write('sw.js', sw);

const size = (name) => `${name} ${read(name).length} bytes`;
console.log(`postbuild: ${[size(cssFile), size(bootFile), size('embed.js'), size(OFFLINE_COPY)].join(', ')}`);

// Last, on release builds: a `.br` (brotli 11) and a `.gz` (gzip 9) beside
// every text and wasm file, for servers that send them as they are
// (README, "Precompressed files"). Debug builds are served as they are.
if (process.env.TRUNK_PROFILE === 'release') {
  const copies = await precompress(dir);
  const total = (key) => copies.reduce((sum, row) => sum + row[key], 0);
  console.log(`postbuild: precompressed ${copies.length} files: ${total('raw')} bytes, ${total('gz')} as .gz, ${total('br')} as .br`);
}
