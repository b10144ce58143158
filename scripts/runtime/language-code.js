// A language code as the tool compares them, in one place for every script
// that reads one (loader.js, for the pages and elements; sw.js, for the
// pages it keeps a module for). frame.html's inline script, which must run
// before any file arrives, applies the same rule (scripts/postbuild.mjs).

/** The primary subtag of `code`, in lower case: `cy` for `CY-gb`; '' for none. */
export function primaryLanguage(code) {
  return String(code ?? '')
    .trim()
    .toLowerCase()
    .split(/[-_]/)[0];
}
