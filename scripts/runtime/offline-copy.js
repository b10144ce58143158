// The single-file copy, ready-to-share-offline.html: the whole tool in one
// page, for file:// (a computer, a USB stick, a shared drive). The
// wasm-bindgen glue and the starting script (file-copy.js) inline, the wasm
// in it as base64, the stylesheet inline, and a Content Security Policy
// that allows the inline script and style by their hashes and nothing else.
//
// Made in the browser, only when someone asks for it: the service worker
// (sw.js) builds it from the files it already keeps, so a visitor who never
// saves the tool downloads nothing for it. The build (scripts/postbuild.mjs)
// makes the same file with the same function, for servers without the
// worker (the embed's link, a browser that refuses service workers).

/** The name the file is saved under, and its address beside the pages. */
export const OFFLINE_COPY = 'ready-to-share-offline.html';

/**
 * What file-copy.js's BUILD holds in place of the wasm in the template the
 * build gives the worker: a JSON string, replaced by the wasm's base64
 * (whose characters JSON never escapes).
 */
export const WASM_MARK = '@rts-offline-wasm@';

/**
 * What file-copy.js's BUILD holds in place of its languages: a JSON string,
 * replaced by { start, tables } (the language the copy starts in, and each
 * other language's words and questions as text).
 */
export const LANGUAGES_MARK = '@rts-offline-languages@';

/** `bytes` (a Uint8Array) as base64, in pieces small enough for btoa's argument list. */
export function base64(bytes) {
  let text = '';
  for (let at = 0; at < bytes.length; at += 0x8000) {
    text += String.fromCharCode.apply(null, bytes.subarray(at, at + 0x8000));
  }
  return btoa(text);
}

/** A CSP source for `text`: 'sha256-<base64>' of its UTF-8 bytes. */
export async function sha256Source(text) {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return `'sha256-${base64(new Uint8Array(digest))}'`;
}

const escapeHtml = (text) =>
  String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

/** Inline code: a closing script tag inside it would end the script early. */
const inlineScript = (text) => text.replace(/<\/(script)/gi, '<\\/$1');

/** The stylesheet as the pages carry it inline (a closing style tag escaped). */
export const inlineStyle = (css) => css.replace(/<\/(style)/gi, '<\\/$1');

/**
 * The single file. `glue` is the wasm-bindgen glue's text, `wasm` the wasm's
 * bytes, `css` the bundled stylesheet's text, `template` file-copy.js as
 * the build bundles it with WASM_MARK for the wasm and LANGUAGES_MARK for
 * its languages, `title` the page title and `noscript` the words shown
 * without JavaScript. `tables` holds each other language's words and
 * questions as text ({ cy: { words, pack } }), which the copy then offers
 * beside English; `start` is the language it starts in (one of them, or
 * English).
 */
export async function offlineCopy({ glue, wasm, css, template, title, noscript, tables = {}, start = 'en' }) {
  const marks = [WASM_MARK, LANGUAGES_MARK].map((mark) => JSON.stringify(mark));
  if (marks.some((marked) => template.split(marked).length !== 2)) {
    throw new Error('the offline template has no single place for the wasm and for the languages');
  }
  const languages = { start: Object.hasOwn(tables, start) ? start : 'en', tables };
  const starter = template
    .replace(marks[0], () => JSON.stringify(base64(wasm)))
    .replace(marks[1], () => JSON.stringify(languages));
  const script = `\n${inlineScript(glue)}\n${inlineScript(starter)}\n`;
  const style = inlineStyle(css);
  const csp = [
    "default-src 'none'",
    `script-src ${await sha256Source(script)} 'wasm-unsafe-eval'`,
    `style-src ${await sha256Source(style)}`,
    'img-src data: blob:',
    "connect-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  // The page's language is the one it starts in (the app keeps it so).
  return `<!DOCTYPE html>
<html lang="${languages.start === 'en' ? 'en-GB' : languages.start}">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta http-equiv="Content-Security-Policy" content="${csp}" />
    <meta name="referrer" content="no-referrer" />
    <title>${title}</title>
    <style>${style}</style>
  </head>
  <body class="rts-page-body">
    <main id="rts-root">
      <noscript><p class="rts-body">${escapeHtml(noscript)}</p></noscript>
    </main>
    <script type="module">${script}</script>
  </body>
</html>
`;
}

/**
 * The single file from the worker's cache: `parts` names the glue, the wasm
 * and the stylesheet (addresses relative to the worker) and each other
 * language's files (`parts.languages`: { cy: { words, pack } }), `match`
 * finds a kept response for an address. Null when any of the first three
 * is not kept (the caller then asks the network). A language whose files
 * are kept (this browser has used it) goes in the copy; `start` is the
 * language the person asked for the copy in.
 */
export async function offlineCopyFromCache(parts, match, { start = 'en' } = {}) {
  const [glue, wasm, css] = await Promise.all([parts.glue, parts.wasm, parts.css].map((address) => match(address)));
  if (!glue || !wasm || !css) return null;
  const tables = {};
  for (const [code, files] of Object.entries(parts.languages ?? {})) {
    const [words, pack] = await Promise.all([files.words, files.pack].map((address) => match(address)));
    if (words && pack) tables[code] = { words: await words.text(), pack: await pack.text() };
  }
  return offlineCopy({
    glue: await glue.text(),
    wasm: new Uint8Array(await wasm.arrayBuffer()),
    css: await css.text(),
    template: parts.template,
    title: parts.title,
    noscript: parts.noscript,
    tables,
    start,
  });
}
