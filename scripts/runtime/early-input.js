// The standalone page's start screen is written into index.html at build
// time (scripts/prerender.mjs), so it is on screen while the wasm is still
// on its way. It is the app's own markup, captured from the app, so the app
// can replace it without a flash or a shift. What the user does on it in the
// meantime is kept here and done again on the app's start screen once it is
// there: the first button pressed, files chosen, a <details> opened, and
// where the focus was. boot.js uses it; the unit tests import it as it is.

/** The controls matched between the two copies of the screen, by order. */
const FOCUSABLE = 'a[href], button, input, select, textarea, summary';

const indexIn = (root, selector, element) => [...root.querySelectorAll(selector)].indexOf(element);

/**
 * Starts keeping what the user does inside `prerendered` (the build's copy
 * of the start screen) before the app is ready. Returns `stop()`, which
 * stops and returns what was kept, or null when no copy is on screen.
 */
export function holdEarlyInput(prerendered, { busyText = '' } = {}) {
  if (!prerendered) return null;
  const doc = prerendered.ownerDocument;
  if (doc.defaultView.getComputedStyle(prerendered).display === 'none') return null;
  const chosen = [];
  let pressed = -1;

  // A button cannot do its job yet. The press is kept and the page says it
  // is still loading, so a press never seems ignored. Only the first press
  // counts: it leaves the start screen, where a second would press nothing.
  const onClick = (event) => {
    const button = event.target?.closest?.('button');
    if (!button || !prerendered.contains(button)) return;
    event.preventDefault();
    if (pressed >= 0) return;
    pressed = indexIn(prerendered, 'button', button);
    button.setAttribute('aria-disabled', 'true');
    if (busyText) {
      const status = doc.createElement('p');
      status.className = 'rts-body rts-loading';
      status.setAttribute('role', 'status');
      status.textContent = busyText;
      button.after(status);
    }
  };
  const onChange = (event) => {
    const input = event.target;
    if (input?.type !== 'file' || !prerendered.contains(input)) return;
    chosen.push({ index: indexIn(prerendered, 'input', input), files: input.files });
  };
  prerendered.addEventListener('click', onClick, true);
  prerendered.addEventListener('change', onChange, true);

  return {
    /** Call before the copy leaves the page: focus is lost once it has. */
    stop() {
      prerendered.removeEventListener('click', onClick, true);
      prerendered.removeEventListener('change', onChange, true);
      const focused = doc.activeElement;
      return {
        focus: prerendered.contains(focused) ? indexIn(prerendered, FOCUSABLE, focused) : -1,
        opened: [...prerendered.querySelectorAll('details')].map((details) => details.open),
        chosen,
        pressed,
      };
    },
  };
}

/**
 * Does what `kept` (from `stop()`) records again inside `app`, the app's
 * own start screen: details opened, focus, files chosen, then the button.
 */
export function replayEarlyInput(app, kept) {
  if (!kept) return;
  const win = app.ownerDocument.defaultView;
  [...app.querySelectorAll('details')].forEach((details, i) => {
    if (kept.opened[i]) details.open = true;
  });
  if (kept.focus >= 0) app.querySelectorAll(FOCUSABLE)[kept.focus]?.focus({ preventScroll: true });
  for (const { index, files } of kept.chosen) {
    const input = app.querySelectorAll('input')[index];
    if (!input || !files?.length) continue;
    input.files = files;
    input.dispatchEvent(new win.Event('change', { bubbles: true }));
  }
  if (kept.pressed >= 0) app.querySelectorAll('button')[kept.pressed]?.click();
}

/**
 * Resolves once the app has drawn its first screen inside `root` (its root
 * element carries data-rts-save-state), after the task that mounted it.
 */
export function whenAppDrawn(root) {
  const win = root.ownerDocument.defaultView;
  const drawn = () => root.querySelector('[data-rts-save-state]');
  return new Promise((resolve) => {
    win.setTimeout(() => {
      if (drawn()) return resolve();
      const observer = new win.MutationObserver(() => {
        if (!drawn()) return;
        observer.disconnect();
        resolve();
      });
      observer.observe(root, { childList: true, subtree: true, attributes: true });
    }, 0);
  });
}
