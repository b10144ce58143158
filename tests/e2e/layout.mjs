// Reading a page's layout as a person sees it: whether a table's box must
// scroll sideways, whether a word is split over two lines, and what a
// screen reader is given for a table (Chromium's own accessibility tree,
// through the DevTools protocol, not a re-computation of it).

/** Whether any table on the page must scroll sideways inside its box. */
export function tablesScrollSideways(page) {
  return page.locator('.rts-app').first().evaluate((app) =>
    [...app.querySelectorAll('table')].some((table) => {
      const box = table.parentElement;
      return box.scrollWidth > box.clientWidth + 1 || table.scrollWidth > table.clientWidth + 1;
    }),
  );
}

/**
 * The words in the page's tables that are drawn on more than one line (a
 * word broken in the middle, such as "(Start" / "ing out)"). A word is a run
 * of characters between spaces or hyphens, where a line may end anyway.
 */
export function brokenWordsInTables(page) {
  return page.locator('.rts-app').first().evaluate((app) => {
    const broken = [];
    for (const cell of app.querySelectorAll('table th, table td')) {
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const match of node.data.matchAll(/[^\s\-\u2013]+/g)) {
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
          if (tops.size > 1) broken.push(match[0]);
        }
      }
    }
    return broken;
  });
}

/**
 * The roles and names Chromium gives a screen reader for the table with
 * this caption: { columnHeaders, rowHeaders, cells } (names; cells'
 * non-empty ones), or null if there is no such table in the tree.
 */
export async function tableAsScreenReaderHasIt(page, caption) {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Accessibility.enable');
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    const byId = new Map(nodes.map((n) => [n.nodeId, n]));
    const table = nodes.find((n) => n.role?.value === 'table' && n.name?.value === caption);
    if (!table) return null;
    const found = { columnHeaders: [], rowHeaders: [], cells: [] };
    const walk = (node) => {
      const role = node.role?.value;
      const name = (node.name?.value ?? '').replace(/\s+/g, ' ').trim();
      if (role === 'columnheader') found.columnHeaders.push(name);
      else if (role === 'rowheader') found.rowHeaders.push(name);
      else if (role === 'cell' || role === 'gridcell') {
        if (name) found.cells.push(name);
      }
      for (const id of node.childIds ?? []) {
        const child = byId.get(id);
        if (child) walk(child);
      }
    };
    walk(table);
    return found;
  } finally {
    await cdp.detach();
  }
}

/** The same table read from the page's markup: what each part holds. */
export function tableAsMarkupHasIt(table) {
  return table.evaluate((t) => {
    const text = (el) => el.textContent.replace(/\s+/g, ' ').trim();
    return {
      columnHeaders: [...t.querySelectorAll('thead th')].map(text),
      rowHeaders: [...t.querySelectorAll('tbody th, tfoot th')].map(text),
      cells: [...t.querySelectorAll('td')].map(text).filter(Boolean),
    };
  });
}
