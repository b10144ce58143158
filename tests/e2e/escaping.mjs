// How the downloads carry text, for building the lines a test expects of
// locale and pack text. The hostile payloads are checked against forms
// escaped by hand (safety.test.mjs), so these rules are not only taken on
// trust.

/** Text in an HTML page: the five characters HTML gives meaning to, as entities. */
export const asHtml = (text) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

/**
 * Text in the Markdown download: Markdown's punctuation behind a backslash,
 * markup characters as entities, a line break as a space.
 */
export const asMarkdown = (text) =>
  [...text]
    .map((c) => {
      if ('\\`*_{}[]()#+-.!|~'.includes(c)) return `\\${c}`;
      return { '<': '&lt;', '>': '&gt;', '&': '&amp;', '\r': '', '\n': ' ' }[c] ?? c;
    })
    .join('');
