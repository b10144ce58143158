// The accessibility statement page made from the Markdown document.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { inline, statementBody, statementTitle } from './statement-page.mjs';

test('headings, paragraphs, lists, bold and code; the note to the publisher left out; HTML escaped', () => {
  const md = [
    '# Statement',
    '',
    '> **For the publisher.** Adapt this.',
    '',
    '## Using it',
    '',
    'A paragraph that runs',
    'over two lines with `code` & <b>.',
    '',
    '- one item',
    '  carried on',
    '- **two**',
  ].join('\n');
  assert.equal(
    statementBody(md),
    [
      '<h1>Statement</h1>',
      '<h2>Using it</h2>',
      '<p>A paragraph that runs over two lines with <code>code</code> &amp; &lt;b&gt;.</p>',
      '<ul><li>one item carried on</li><li><strong>two</strong></li></ul>',
    ].join('\n'),
  );
  assert.equal(statementTitle(md), 'Statement');
  assert.equal(inline('"quoted"'), '&quot;quoted&quot;');
});

test('the project statement becomes a page with its known issues', () => {
  const md = readFileSync(new URL('../docs/accessibility-statement.md', import.meta.url), 'utf8');
  const body = statementBody(md);
  assert.match(body, /<h2>Known issues<\/h2>/);
  for (const [, id] of md.matchAll(/^- \[(KI-\d+)\]/gm)) assert.ok(body.includes(`[${id}]`), id);
  assert.ok(!body.includes('For the organisation that publishes this tool'), 'the note to the publisher is left out');
});
