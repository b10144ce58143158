// The standalone page's start screen is written into index.html at build
// time (scripts/prerender.mjs), so it is on screen while the wasm is still
// on its way. It is the app's own markup, captured from the app, so the app
// can replace it without a flash or a shift. What the user does on it in the
// meantime is done again on the app's start screen once it is there: the
// first button pressed, files chosen, a <details> opened, and where the
// focus was. boot.js uses this; tests/e2e/prerender.test.mjs tests it in
// the browser, with the wasm held back.
//
// A press can come before this script has even arrived, so the page's own
// inline script (scripts/postbuild.mjs) keeps it: it marks the first button
// pressed with data-rts-pressed. Files, open details and focus stay in the
// page's elements by themselves and are read when the app takes over.

/** The controls matched between the two copies of the screen, by order. */
const FOCUSABLE = 'a[href], button, input, select, textarea, summary';
const PRESSED = 'button[data-rts-pressed]';

const indexIn = (root, selector, element) => [...root.querySelectorAll(selector)].indexOf(element);

/**
 * Says, under the button pressed on `prerendered` (the build's copy of the
 * start screen), that the tool is still loading, so a press never seems
 * ignored; from now until `stop()`. Returns `stop()`, which gives what to
 * do again on the app's screen, or null when no copy is on screen.
 */
export function holdEarlyInput(prerendered, { busyText = '' } = {}) {
  if (!prerendered) return null;
  const doc = prerendered.ownerDocument;
  // Shown only where the page's inline script said so. Asked of the class
  // it set, not of the computed style, which would make the browser work
  // out the whole page's style there and then.
  if (!doc.documentElement.classList.contains('rts-prerender-on')) return null;
  let shown = false;
  const showBusy = () => {
    const button = prerendered.querySelector(PRESSED);
    if (!button || shown) return;
    shown = true;
    button.setAttribute('aria-disabled', 'true');
    if (!busyText) return;
    const status = doc.createElement('p');
    status.className = 'rts-body rts-loading';
    status.setAttribute('role', 'status');
    button.after(status);
    // Filled in once the empty status is in the page: screen readers
    // announce a change to a live region, not one that arrives with text.
    doc.defaultView.requestAnimationFrame(() => {
      status.textContent = busyText;
    });
  };
  // After the page's own listener (on the document, capturing) has marked
  // the press.
  const onClick = () => showBusy();
  prerendered.addEventListener('click', onClick);
  showBusy();

  return {
    /** Call before the copy leaves the page: focus is lost once it has. */
    stop() {
      prerendered.removeEventListener('click', onClick);
      const focused = doc.activeElement;
      const pressed = prerendered.querySelector(PRESSED);
      return {
        focus: prerendered.contains(focused) ? indexIn(prerendered, FOCUSABLE, focused) : -1,
        opened: [...prerendered.querySelectorAll('details')].map((details) => details.open),
        chosen: [...prerendered.querySelectorAll('input')]
          .map((input, index) => ({ index, files: input.type === 'file' ? input.files : null }))
          .filter(({ files }) => files?.length),
        pressed: pressed ? indexIn(prerendered, 'button', pressed) : -1,
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
    if (!input) continue;
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
