// The benchmark's baseline: the same questions as a static HTML form, made
// at bench time from the content pack (content/pack.en.json). One page, a
// plain <form> with every question as a fieldset of radios (the five levels
// with their descriptions, and "Not sure"), no script and no stylesheet:
// what the browser alone can do with these words.

const escape = (text) =>
  String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

/** The page's HTML for `pack`; `notSure` is the label of the "not sure" answer. */
export function staticForm(pack, { notSure = 'Not sure' } = {}) {
  const levelKeys = ['not_started', 'emerging', 'developing', 'established', 'embedded'];
  const parts = [];
  parts.push(`<!DOCTYPE html>
<html lang="${escape(pack.language ?? 'en-GB')}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${escape(pack.title)}</title>
</head>
<body>
<main>
<h1>${escape(pack.start?.heading ?? pack.title)}</h1>
<form method="post" action="#">
`);
  for (const theme of pack.themes) {
    parts.push(`<h2>${escape(theme.title)}</h2>\n`);
    if (theme.description) parts.push(`<p>${escape(theme.description)}</p>\n`);
    for (const q of theme.questions) {
      parts.push(`<fieldset>\n<legend>${escape(q.text)}</legend>\n`);
      if (q.hint) parts.push(`<p>${escape(q.hint)}</p>\n`);
      levelKeys.forEach((key, i) => {
        const id = `${q.id}-${i + 1}`;
        const label = `${i + 1} ${pack.scale?.[i] ?? key}`;
        const text = q.levels?.[key] ? `: ${q.levels[key]}` : '';
        parts.push(
          `<div><input type="radio" id="${escape(id)}" name="${escape(q.id)}" value="${i + 1}">` +
            ` <label for="${escape(id)}">${escape(label + text)}</label></div>\n`,
        );
      });
      const id = `${q.id}-not-sure`;
      parts.push(
        `<div><input type="radio" id="${escape(id)}" name="${escape(q.id)}" value="not-sure">` +
          ` <label for="${escape(id)}">${escape(notSure)}</label></div>\n</fieldset>\n`,
      );
    }
  }
  parts.push(`<button type="submit">Save</button>
</form>
</main>
</body>
</html>
`);
  return parts.join('');
}
