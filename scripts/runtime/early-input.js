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
// pressed with data-rts-pressed, and keeps a file dropped on the copy
// (document.rtsDropped). Files chosen, open details and focus stay in the
// page's elements by themselves and are read when the app takes over.
//
// Everything is done again by meaning, not by position: answers saved in
// another tab meanwhile give the app a different start screen, where the
// same position is a different control. A button is found again by the
// action it names (data-rts-action), a file field by its name
// (data-rts-field); if the app's screen has no such control, the press is
// not done, and the focus goes to the app's heading.

/** The controls whose focus is kept. */
const FOCUSABLE = 'a[href], button, input, select, textarea, summary';
const PRESSED = 'button[data-rts-pressed]';
/** The field a file dropped anywhere on the copy goes to. */
const DROP_FIELD = 'open-file';

/**
 * What names `element` on both copies of the screen: the action or field
 * it carries, or else its tag and words (a link or a <summary>).
 */
export function meaningOf(element) {
  if (!element) return null;
  const action = element.getAttribute('data-rts-action');
  if (action) return { action };
  const field = element.getAttribute('data-rts-field');
  if (field) return { field };
  return { tag: element.tagName, text: element.textContent.trim() };
}

/** The element under `root` that `meaning` names, if there is one. */
export function findByMeaning(root, meaning) {
  if (!meaning) return null;
  if (meaning.action) return root.querySelector(`button[data-rts-action="${CSS.escape(meaning.action)}"]`);
  if (meaning.field) return root.querySelector(`input[data-rts-field="${CSS.escape(meaning.field)}"]`);
  return (
    [...root.querySelectorAll(FOCUSABLE)].find(
      (element) => element.tagName === meaning.tag && element.textContent.trim() === meaning.text,
    ) ?? null
  );
}

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
  const showBusy = (after) => {
    if (!after || shown) return;
    shown = true;
    if (after.tagName === 'BUTTON') after.setAttribute('aria-disabled', 'true');
    if (!busyText) return;
    const status = doc.createElement('p');
    status.className = 'rts-body rts-loading';
    status.setAttribute('role', 'status');
    after.after(status);
    // Filled in once the empty status is in the page: screen readers
    // announce a change to a live region, not one that arrives with text.
    doc.defaultView.requestAnimationFrame(() => {
      status.textContent = busyText;
    });
  };
  // After the page's own listener (on the document, capturing) has marked
  // the press.
  const onClick = () => showBusy(prerendered.querySelector(PRESSED));
  // A file dropped anywhere on the copy is kept for the app's file field,
  // as if chosen. The page's inline script keeps it (document.rtsDropped)
  // and stops the browser opening it in place of the page, from before
  // this script arrives; here the copy says it is loading.
  const onDrop = () => {
    if (!doc.rtsDropped?.length) return;
    const field = findByMeaning(prerendered, { field: DROP_FIELD });
    showBusy(field?.closest('.rts-drop-zone') ?? field);
  };
  prerendered.addEventListener('click', onClick);
  prerendered.addEventListener('drop', onDrop);
  onClick();
  onDrop();

  return {
    /** Call before the copy leaves the page: focus is lost once it has. */
    stop() {
      prerendered.removeEventListener('click', onClick);
      prerendered.removeEventListener('drop', onDrop);
      const focused = doc.activeElement;
      const chosen = [...prerendered.querySelectorAll('input[type="file"]')]
        .filter((input) => input.files?.length)
        .map((input) => ({ field: meaningOf(input), files: [...input.files] }));
      if (doc.rtsDropped?.length) chosen.push({ field: { field: DROP_FIELD }, files: doc.rtsDropped });
      delete doc.rtsDropped;
      // A file dialog opened on the copy can close after the app has taken
      // over: the choice then lands on the copy's input, which has left the
      // page. It is kept, and handed to the app's field once it is there.
      const late = { chosen: [], forward: null };
      for (const input of prerendered.querySelectorAll('input[type="file"]')) {
        const field = meaningOf(input);
        input.addEventListener('change', () => {
          if (!input.files?.length) return;
          const choice = { field, files: [...input.files] };
          if (late.forward) late.forward(choice);
          else late.chosen.push(choice);
        });
      }
      return {
        late,
        focus: prerendered.contains(focused) && focused !== prerendered ? meaningOf(focused) : null,
        opened: [...prerendered.querySelectorAll('details')]
          .filter((details) => details.open)
          .map((details) => meaningOf(details.querySelector('summary'))),
        chosen,
        pressed: meaningOf(prerendered.querySelector(PRESSED)),
      };
    },
  };
}

/**
 * Does what `kept` (from `stop()`) records again inside `app`, the app's
 * own start screen, on the controls that mean the same: details opened,
 * focus, files chosen or dropped (and, from then on, a file chosen in a
 * dialog opened on the copy), then the button. A press whose button
 * the app's screen does not have is not done: the focus goes to the
 * screen's heading, so the user starts from the top of what is there.
 */
export function replayEarlyInput(app, kept) {
  if (!kept) return;
  const win = app.ownerDocument.defaultView;
  for (const meaning of kept.opened) {
    const details = findByMeaning(app, meaning)?.closest('details');
    if (details) details.open = true;
  }
  findByMeaning(app, kept.focus)?.focus({ preventScroll: true });
  const choose = ({ field, files }) => {
    const input = findByMeaning(app, field);
    if (!input) return;
    const transfer = new win.DataTransfer();
    for (const file of files) transfer.items.add(file);
    input.files = transfer.files;
    input.dispatchEvent(new win.Event('change', { bubbles: true }));
  };
  kept.chosen.forEach(choose);
  if (kept.late) {
    kept.late.chosen.forEach(choose);
    kept.late.forward = choose;
  }
  if (!kept.pressed) return;
  const button = findByMeaning(app, kept.pressed);
  if (button) return button.click();
  const heading = app.querySelector('h1, h2, h3, h4, h5, h6');
  if (!heading) return;
  if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
  heading.focus({ preventScroll: true });
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
