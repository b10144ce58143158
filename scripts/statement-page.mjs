// The accessibility statement as a page of the tool (accessibility.html),
// from docs/accessibility-statement.md, the document a deploying body adapts.
// The Markdown is the project's own, so this reads only what it uses:
// headings, paragraphs, lists, **bold** and `code`. The note to the
// publishing body (the first blockquote) is left out of the page.

const escapeHtml = (text) =>
  String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

/** One line's inline marks: **bold** and `code`, everything else escaped. */
export function inline(text) {
  return escapeHtml(text)
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/`([^`]+)`/g, '<code>$1</code>');
}

/** The statement's body as HTML: blocks separated by blank lines. */
export function statementBody(markdown) {
  const blocks = markdown.replace(/\r\n/g, '\n').split(/\n{2,}/);
  const out = [];
  for (const block of blocks) {
    const lines = block.split('\n');
    const first = lines[0];
    if (first.startsWith('>')) continue;
    const heading = first.match(/^(#{1,4}) (.*)$/);
    if (heading && lines.length === 1) {
      const level = heading[1].length;
      out.push(`<h${level}>${inline(heading[2])}</h${level}>`);
    } else if (first.startsWith('- ')) {
      const items = [];
      for (const line of lines) {
        if (line.startsWith('- ')) items.push(line.slice(2));
        else items[items.length - 1] += ` ${line.trim()}`;
      }
      out.push(`<ul>${items.map((item) => `<li>${inline(item)}</li>`).join('')}</ul>`);
    } else {
      out.push(`<p>${inline(lines.map((l) => l.trim()).join(' '))}</p>`);
    }
  }
  return out.join('\n');
}

/** The first heading's text: the page's title. */
export function statementTitle(markdown) {
  return markdown.match(/^# (.*)$/m)?.[1] ?? 'Accessibility statement';
}
