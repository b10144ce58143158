// What scripts/postbuild.mjs does to the runtime scripts in this folder:
// copies in the modules they import (loader.js), drops `export` (the exports
// are there for the unit tests), and fills in the BUILD values (file names,
// hashes, the words of the locale table). Also the service worker's version.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const HERE = new URL('./', import.meta.url);
const IMPORT = /^import \{[^}]*\} from '\.\/([\w-]+\.js)';\n/gm;
const BUILD = /\/\* @build \*\/[\s\S]*?\/\* @end \*\//g;

/** The first 16 hex digits of a SHA-256 of `data` (a string or bytes). */
export function hash(data) {
  return createHash('sha256').update(data).digest('hex').slice(0, 16);
}

/** A runtime script's source, as it is in this folder. */
/**
 * The mount contract's defaults (src/options.json): the storage key and its
 * versioned suffixes, the offline file's name and the heading levels. The
 * Rust side reads the same file (build.rs, src/options.rs), and every
 * runtime script gets these values in its BUILD.
 */
const OPTIONS = JSON.parse(readFileSync(new URL('../../src/options.json', HERE), 'utf8'));
export const CONTRACT = (() => {
  const { _about, languages, language, ...values } = OPTIONS;
  return values;
})();

/** The language built in (`en`) and the others, fetched when chosen. */
export const LANGUAGES = { builtIn: OPTIONS.language, others: OPTIONS.languages.filter((c) => c !== OPTIONS.language) };

export function source(name) {
  return readFileSync(new URL(name, HERE), 'utf8');
}

/**
 * `text` with its one BUILD placeholder (`/* @build *\/ ... /* @end *\/`)
 * replaced by `values` as JSON. Fails unless there is exactly one.
 */
export function fillBuild(text, values) {
  const found = text.match(BUILD) ?? [];
  if (found.length !== 1) throw new Error(`expected one BUILD placeholder, found ${found.length}`);
  return text.replace(BUILD, () => JSON.stringify(values));
}

/**
 * The script `name` as shipped: its imports of sibling modules copied in
 * (each once), `export` dropped, BUILD filled in with `values`. A classic
 * script (`classic: true`) is wrapped in a function, so its names stay out
 * of the page's global scope; `block: true` wraps it in a block, so it can
 * follow other code in one module without its names meeting that code's.
 */
export function bundle(name, values, { classic = false, block = false, read = source } = {}) {
  const included = new Set();
  const expand = (file) =>
    read(file).replace(IMPORT, (_, dependency) => {
      if (included.has(dependency)) return '';
      included.add(dependency);
      return `${expand(dependency)}\n`;
    });
  let text = withoutCommentLines(expand(name)).replace(/^export (?=(async )?(function|class|const|let)\b)/gm, '');
  if (/^\s*(import|export)\b/m.test(text)) throw new Error(`${name}: an import or export is left after bundling`);
  text = fillBuild(text, values);
  if (classic) return `(() => {\n${text}})();\n`;
  return block ? `{\n${text}}\n` : text;
}

/**
 * `code` without its comment lines, which readers of this folder need and
 * browsers do not (they are a third of the gzipped boot script). Whole
 * lines only, so nothing inside a line is ever touched: a line that starts
 * with `//`, and a block comment from a line that starts with `/*` to the
 * line that ends with its close. The scripts here have no multi-line
 * strings, where such a line could be text; nor has the glue of the
 * wasm-bindgen version Cargo.toml pins, which the build strips too (check
 * again when that pin moves).
 */
export function withoutCommentLines(code) {
  const kept = [];
  let inBlock = false;
  for (const line of code.split('\n')) {
    const text = line.trim();
    if (inBlock) {
      inBlock = !text.endsWith('*/');
    } else if (text.startsWith('/*')) {
      inBlock = !text.endsWith('*/');
    } else if (!text.startsWith('//')) {
      kept.push(line);
    }
  }
  return kept.join('\n');
}

/** `css` without its comments: the pages carry it inline, before first paint. */
export function withoutCssComments(css) {
  return css.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\n\s*\n+/g, '\n');
}

/**
 * The service worker's version: a hash of the name and contents of every
 * file it serves, so a change to any of them (a page included) is a new
 * version. `files` maps each address to its contents.
 */
export function contentVersion(files) {
  const sha = createHash('sha256');
  for (const [address, contents] of [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    sha.update(`${address}\n${contents.length}\n`);
    sha.update(contents);
  }
  return sha.digest('hex').slice(0, 16);
}

/**
 * The service worker for the folder `dir`, keeping the files at
 * `addresses` (each `./name`, or `./` for index.html), versioned by their
 * contents, and making the single-file copy from `offline`'s parts when it
 * is asked for (see offline-copy.js; null: it never makes it). It keeps the
 * files at `onUse` once a page uses them, and each page's first module
 * (`pageModules`: { './cy.html': [glue, wasm], ... }) once the page is open.
 */
export function serviceWorker(dir, addresses, offline = null, onUse = [], pageModules = {}) {
  const file = (address) => join(dir, address === './' ? 'index.html' : address.replace(/^\.\//, ''));
  const version = contentVersion([...addresses, ...onUse].map((address) => [address, readFileSync(file(address))]));
  return bundle('sw.js', { version, files: addresses, offline, onUse, pageModules }, { classic: true });
}
