// The action plan attacked with timing and with a hostile file.
//
// - Two tabs on one storage key: an owner typed by keyboard in tab A and a
//   status chosen in tab B about 100 ms later, before either has saved.
//   Both tabs and storage end with both (each part of a plan entry merges
//   on its own).
// - A file just under 1 MB with 19,000 plan entries for actions the pack
//   does not have, opened through "Open a saved file": it opens with the
//   first 200 kept and one message for the rest, the warnings listed 50
//   of a kind, 200 items drawn, and what is typed in the plan is saved.
//   The long tasks (PerformanceObserver 'longtask') from choosing the file
//   to typing, and the time per typed character, are printed against their
//   aims, not asserted: timings belong to the benchmark, not the tests.
//
// Every wait is on what a user sees, the app's save state or storage:
// never a fixed pause.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contentPack } from './helpers.mjs';
import { fill, locale, waitForSaveState, waitUntil } from './support.mjs';
import { useSite } from './fixtures.mjs';
import { StartScreen } from './pages/start-screen.mjs';
import { SummaryPage } from './pages/summary.mjs';
import { TasksPage } from './pages/tasks.mjs';

const pack = contentPack();
const { ui, plan: words, file: fileWords } = locale();
const QUESTIONS = pack.themes.flatMap((t) => t.questions);
const PROGRESS_KEY = 'ready-to-share:progress:v1';
const AREA = 'Plan attacks';
/** The aim for the longest task, in ms, at CPU 1x (printed, not asserted). */
const LONG_TASK_BUDGET = 200;
/** The aim for a typed character to reach the field, in ms (printed). */
const KEYSTROKE_BUDGET = 50;

/** An assessment file with every question answered (levels 1 to 4 and
 * "not sure", so each is an action) and the given plan. */
function assessmentFile(plan = []) {
  const answers = {};
  QUESTIONS.forEach((q, i) => {
    answers[q.id] = { level: i % 5 === 4 ? 'not-sure' : (i % 4) + 1 };
  });
  return {
    format: 'ready-to-share-assessment',
    format_version: 2,
    content_pack: { id: pack.id, version: pack.version },
    created: '2026-11-22T10:00:00.000Z',
    updated: '2026-11-22T10:00:00.000Z',
    context: { area: AREA, organisation: '', partners: '', policy_areas: [] },
    answers,
    story: '',
    plan,
  };
}

const asUpload = (name, json) => ({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(json)) });

/** Opens a file from the start page and goes on to its summary. */
async function openToSummary(page, url, file) {
  const start = await new StartScreen(page).goto(url);
  await start.openFile(file);
  const tasks = await new TasksPage(page).waitFor();
  await tasks.seeSummary();
  const summary = await new SummaryPage(page).waitFor(AREA);
  return { summary, plan: await summary.plan().waitFor() };
}

/** Saved progress, parsed (or null). */
async function stored(page) {
  const text = await page.evaluate((k) => localStorage.getItem(k), PROGRESS_KEY);
  return text ? JSON.parse(text) : null;
}

/** Runs in every page: records when the user last typed or chose. */
function recordInputTimes() {
  addEventListener('input', () => (window.__typedAt = Date.now()), true);
  addEventListener('change', () => (window.__chosenAt = Date.now()), true);
}

/** Runs in every page: records every long task's duration. */
function recordLongTasks() {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__longTasks.push(Math.round(entry.duration));
  }).observe({ type: 'longtask', buffered: true });
}

describe('the action plan under attack', () => {
  const site = useSite();

  test('an owner typed in one tab and a status chosen in another 100 ms later are both kept, in both tabs and in storage', async () => {
    const s = await site.session({ init: recordInputTimes });
    const { context } = s;
    const a = s.page;
    const b = await context.newPage();
    try {
      const { plan: planA } = await openToSummary(a, site.url, asUpload('two-tabs.json', assessmentFile()));
      await waitForSaveState(a);
      // Tab B opens on the saved progress: the same summary.
      await b.goto(site.url);
      await new SummaryPage(b).waitFor(AREA);
      const planB = await new SummaryPage(b).plan().waitFor();
      await waitForSaveState(b);
      const [action] = (await planA.shown()).map((x) => x.action);
      const OWNER = 'Information governance lead, council';

      // Tab A: the owner, typed key by key. Then tab B: a status, chosen
      // straight after, before either tab has saved (saves wait 400 ms).
      await a.bringToFront();
      await planA.owner(action).click();
      await a.keyboard.type(OWNER);
      await b.bringToFront();
      await planB.status(action).selectOption({ label: words.in_progress });
      const typedAt = await a.evaluate(() => window.__typedAt);
      const chosenAt = await b.evaluate(() => window.__chosenAt);
      const gap = chosenAt - typedAt;
      assert.ok(gap >= 0 && gap < 400, `the status was chosen ${gap} ms after the last key, inside the save delay`);

      const inProgress = async (plan) => (await plan.status(action).locator('option:checked').textContent()) === words.in_progress;
      await waitUntil(
        async () => (await planB.owner(action).inputValue()) === OWNER && (await inProgress(planA)),
        { message: 'each tab shows what the other did' },
      );
      await waitForSaveState(a);
      await waitForSaveState(b);
      for (const [name, page, plan] of [['A', a, planA], ['B', b, planB]]) {
        assert.equal(await plan.owner(action).inputValue(), OWNER, `tab ${name} shows the owner`);
        assert.ok(await inProgress(plan), `tab ${name} shows the status`);
        const entries = (await stored(page)).plan ?? [];
        assert.equal(entries.length, 1, `storage, as tab ${name} sees it, has one entry`);
        assert.equal(entries[0].owner, OWNER, `storage, as tab ${name} sees it, holds the owner`);
        assert.equal(entries[0].status, 'in-progress', `storage, as tab ${name} sees it, holds the status`);
      }
      // Each part has its own stamp in storage.
      const stamps = Object.keys((await stored(a)).stamps.fields).filter((k) => k.startsWith('plan'));
      assert.ok(stamps.some((k) => k.startsWith('plan.owner:')) && stamps.some((k) => k.startsWith('plan.status:')), stamps.join(', '));

      await a.reload();
      const again = await new SummaryPage(a).plan().waitFor();
      assert.equal(await again.owner(action).inputValue(), OWNER, 'after a reload, the owner');
      assert.ok(await inProgress(again), 'after a reload, the status');
      assert.deepEqual(s.dialogs, []);
    } finally {
      await context.close();
    }
  });

  /**
   * Opens `file` through "Open a saved file", goes to the summary and types
   * into the first action's owner, recording every long task. `checkOpened`
   * is given the warnings listed, `checkSummary` the summary page. Prints
   * the long tasks and the time per typed character; asserts that what was
   * typed is shown and saved.
   */
  async function openHostile(t, file, { checkOpened = () => {}, checkSummary = async () => {} } = {}) {
    const text = JSON.stringify(file);
    const bytes = Buffer.byteLength(text);
    assert.ok(bytes > 1_000_000 && bytes <= 1024 * 1024, `${bytes} bytes: just under 1 MB`);
    // Chosen from disk, as a user would: a file given to Playwright as
    // bytes is built inside the page, which would count as the page's work.
    const folder = await mkdtemp(join(tmpdir(), 'rts-hostile-'));
    const path = join(folder, 'hostile.json');
    await writeFile(path, text);
    const s = await site.session({ init: recordLongTasks, timeout: 20_000 });
    const { page } = s;
    try {
      const start = await new StartScreen(page).goto(site.url);
      // The app is in (its start screen is written into the page before).
      await waitForSaveState(page);
      const longTasks = () => page.evaluate(() => window.__longTasks.slice());
      const before = await longTasks();

      await start.openFile(path);
      const tasks = await new TasksPage(page).waitFor();
      const notice = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: ui.opened_warnings_title, exact: true }) });
      await notice.waitFor();
      const lines = await notice.getByRole('listitem').allTextContents();
      t.diagnostic(`${lines.length} warnings listed`);
      checkOpened(lines);
      const opening = (await longTasks()).slice(before.length);

      await tasks.seeSummary();
      const summary = await new SummaryPage(page).waitFor(AREA);
      const plan = await summary.plan().waitFor();
      await checkSummary(page);
      const toSummary = (await longTasks()).slice(before.length + opening.length);

      // Type into the first action's owner, key by key.
      const [action] = (await plan.shown()).map((x) => x.action);
      await plan.owner(action).click();
      // Replacing what is there, as a user would.
      await page.keyboard.press('Control+A');
      const typed = 'Council information governance';
      const started = Date.now();
      await page.keyboard.type(typed);
      await waitUntil(async () => (await plan.owner(action).inputValue()) === typed, { message: 'the field shows what was typed' });
      const perKey = (Date.now() - started) / typed.length;
      await waitForSaveState(page, 'saved', { timeout: 20_000 });
      const all = (await longTasks()).slice(before.length);
      const typing = all.slice(opening.length + toSummary.length);
      t.diagnostic(
        `long tasks (ms): opening ${JSON.stringify(opening)}, to the summary ${JSON.stringify(toSummary)}, ` +
          `typing and saving ${JSON.stringify(typing)}; ${perKey.toFixed(1)} ms per typed character`,
      );
      // Timings are printed, not asserted: a timed assertion passes or fails
      // with the machine's load, not the code. What made these files slow
      // (tens of thousands of items listed and drawn) is asserted above.
      t.diagnostic(`longest task ${Math.max(0, ...all)} ms (aim: ${LONG_TASK_BUDGET}); typing aim under ${KEYSTROKE_BUDGET} ms a character`);
      const saved = await stored(page);
      assert.ok(saved.plan.some((e) => e.owner === typed), 'what was typed is saved');
      return saved;
    } finally {
      await s.context.close();
      await rm(folder, { recursive: true, force: true });
    }
  }

  test('a plan of 19,000 entries opens with 200 kept and its warnings summarised, and what is typed in the plan is saved', async (t) => {
    // 19,000 entries for questions no pack has, each decided.
    const entries = Array.from({ length: 19_000 }, (_, i) => ({ question: `q${i}`, for: 'level-3', status: 'done' }));
    const saved = await openHostile(t, assessmentFile(entries), {
      checkOpened(lines) {
        assert.equal(lines.length, 52, 'fifty of a kind, one line for the rest of that kind, and one for the entries left out');
        assert.equal(lines[50], 'And 150 more of the same kind.');
        assert.ok(
          lines.includes(fill(words.file_left_out, { total: '19,000', kept: '200', left_out: '18,800' })),
          lines.join('\n'),
        );
      },
      async checkSummary(page) {
        // The entries kept are listed under "Other actions in your plan".
        await page.getByRole('heading', { name: words.other_heading, exact: true }).waitFor();
        assert.equal(await page.locator('.rts-plan__other > li').count(), 200);
      },
    });
    assert.equal(saved.plan.length, 201, 'the 200 entries kept and the one typed');
    assert.equal(fileWords.more_of_the_same, 'And {count} more of the same kind.');
  });

  test('a file of 40,000 answers to questions the pack does not have keeps 200 aside, and what is typed in the plan is saved', async (t) => {
    const file = assessmentFile();
    // Each answer `"gone-NNNNN":{"level":2},` is 26 bytes.
    const room = 1_040_000 - Buffer.byteLength(JSON.stringify(file));
    for (let i = 0; i < Math.floor(room / 26); i++) {
      file.answers[`gone-${String(i).padStart(5, '0')}`] = { level: 2 };
    }
    const total = Object.keys(file.answers).length - QUESTIONS.length;
    const saved = await openHostile(t, file, {
      checkOpened(lines) {
        assert.ok(lines.length <= 60, `fifty of a kind at most, not ${total}: ${lines.length}`);
        assert.ok(
          lines.includes(
            fill(fileWords.set_aside_left_out, {
              total: total.toLocaleString('en-GB'),
              kept: '200',
              left_out: (total - 200).toLocaleString('en-GB'),
            }),
          ),
          lines.join('\n'),
        );
      },
    });
    assert.equal(Object.keys(saved.set_aside).length, 200);
  });

  test('a full plan with every owner and note far over the limits opens, and what is typed in the plan is saved', async (t) => {
    // One entry for each action the pack can make, at each step, while
    // the file stays under 1 MB.
    const steps = ['level-1-2', 'level-3', 'level-4', 'not-sure'];
    const room = Math.floor(1_040_000 / (QUESTIONS.length * steps.length)) - 200;
    const entries = QUESTIONS.flatMap((q) =>
      steps.map((step) => ({
        question: q.id,
        for: step,
        owner: 'O'.repeat(room / 4),
        status: 'in-progress',
        note: 'N'.repeat((room * 3) / 4),
        target: 'soon',
      })),
    );
    await openHostile(t, assessmentFile(entries), {
      checkOpened(lines) {
        assert.ok(lines.length <= 160, `fifty of a kind at most: ${lines.length}`);
        assert.ok(lines.some((l) => /^And \d+ more of the same kind\.$/.test(l)), lines.join('\n'));
      },
    });
  });
});
